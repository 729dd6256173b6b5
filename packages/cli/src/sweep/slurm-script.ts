import { ConfigError } from '../errors.js';
import type { SweepPlan } from './sweep-plan.js';

/** The resources of each task of a Slurm job array, as `#SBATCH` options. */
export interface SlurmOptions {
  /** CPU cores per task (`--cpus-per-task`). */
  readonly cpus: number;
  /** Memory per task, e.g. `4G` (`--mem`). */
  readonly mem: string;
  /** Time limit per task, e.g. `2:00:00` or `1-00:00:00` (`--time`). */
  readonly time: string;
  /** The partition, if the cluster wants one. */
  readonly partition?: string;
  /** At most this many tasks at once (`--array=…%N`). */
  readonly maxParallel?: number;
  /** Further `#SBATCH` options, verbatim, e.g. `--account=lab` or `--gres=gpu:1`. */
  readonly extra: readonly string[];
  /** The command that runs `pg` on the compute nodes, e.g. `node /shared/plastic-graphs/packages/cli/dist/bin.js`. */
  readonly pg: string;
  /** The directory the tasks start in (where relative paths of the sweep file resolve). */
  readonly workdir: string;
}

const TIME = /^(\d+-)?\d+(:\d{1,2}){0,2}$/;
const MEM = /^\d+[KMGT]?$/;

/**
 * An `sbatch` script that runs a sweep as a Slurm job array: task `i` runs
 * `pg sweep run FILE --out OUT` with Slurm's `SLURM_ARRAY_TASK_ID` as the
 * index, writing into the shared output folder. Tasks skip complete runs and
 * resume stopped ones, so the script can be submitted again after failures
 * or time limits; 120 s before its limit a task is sent SIGINT, so it stops
 * after its batch and resumes on the next submission.
 */
export function slurmScript(plan: SweepPlan, options: SlurmOptions): string {
  if (!Number.isInteger(options.cpus) || options.cpus < 1) throw new ConfigError('--cpus', options.cpus, 'an integer ≥ 1');
  if (!MEM.test(options.mem)) throw new ConfigError('--mem', options.mem, 'a size as Slurm writes it, e.g. 4G or 4000M');
  if (!TIME.test(options.time)) throw new ConfigError('--time', options.time, 'a Slurm time limit, e.g. 2:00:00 or 1-00:00:00 (days-hours:minutes:seconds)');
  if (options.maxParallel !== undefined && !(Number.isInteger(options.maxParallel) && options.maxParallel >= 1)) {
    throw new ConfigError('--max-parallel', options.maxParallel, 'an integer ≥ 1');
  }
  const bad = options.extra.find((option) => !option.startsWith('-') || /\n/.test(option));
  if (bad !== undefined) throw new ConfigError('--sbatch', bad, 'an sbatch option on one line, e.g. --account=lab');
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const array = `0-${plan.runs.length - 1}${options.maxParallel ? `%${options.maxParallel}` : ''}`;
  return [
    '#!/bin/bash',
    `# The sweep ${plan.name} (${plan.file}) as a Slurm job array: one task per run, ${plan.runs.length} runs, into ${plan.out}.`,
    '# Submit with sbatch; submitting again skips complete runs and resumes stopped ones.',
    '# Written by `pg sweep slurm`; `pg sweep list` shows which index is which run.',
    `#SBATCH --job-name=pg-${plan.name}`,
    `#SBATCH --array=${array}`,
    `#SBATCH --cpus-per-task=${options.cpus}`,
    `#SBATCH --mem=${options.mem}`,
    `#SBATCH --time=${options.time}`,
    `#SBATCH --output=${plan.out}/slurm/%A_%a.out`,
    '#SBATCH --signal=B:INT@120',
    ...(options.partition ? [`#SBATCH --partition=${options.partition}`] : []),
    ...options.extra.map((option) => `#SBATCH ${option}`),
    'set -euo pipefail',
    `cd ${quote(options.workdir)}`,
    `exec ${options.pg} sweep run ${quote(plan.file)} --out ${quote(plan.out)}`,
    '',
  ].join('\n');
}
