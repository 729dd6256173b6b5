import { ConfigError } from '../errors.js';

/** Where a cluster's scheduler puts the index of an array task, in the order they are read. */
const INDEX_VARIABLES = ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX'] as const;

/**
 * The index of the sweep run a task should do: `--index` when given, else
 * Slurm's `SLURM_ARRAY_TASK_ID`, else Kubernetes' `JOB_COMPLETION_INDEX`
 * (an Indexed Job), checked against the number of runs.
 */
export function taskIndex(flag: string | undefined, count: number, env: NodeJS.ProcessEnv = process.env): number {
  const variable = INDEX_VARIABLES.find((name) => env[name] !== undefined && env[name] !== '');
  const [source, text] = flag !== undefined ? ['--index', flag] : variable ? [variable, env[variable]!] : [undefined, undefined];
  if (source === undefined) {
    throw new ConfigError('--index', undefined, `a run index (or ${INDEX_VARIABLES.join(' or ')} set by the scheduler)`);
  }
  const index = /^\d+$/.test(text!) ? Number(text) : Number.NaN;
  if (!(index < count)) throw new ConfigError(source, text, `an integer from 0 to ${count - 1} (the sweep has ${count} runs)`);
  return index;
}
