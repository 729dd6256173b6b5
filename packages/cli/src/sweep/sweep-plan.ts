import { join, relative, resolve } from 'node:path';
import type { FlatConfig } from '../config/config-keys.js';
import { ConfigError } from '../errors.js';
import { parseRunConfigFile } from '../pipeline/execute-run.js';
import { readSweepSpec, type ExperimentSpec } from './sweep-spec.js';

/** One run of a sweep: its place, its name and its complete config. */
export interface SweepRun {
  /** Its position in the sweep, from 0 (the index of `pg sweep run --index`). */
  readonly index: number;
  /** Its name, which is also its folder's name in the output folder: `<experiment>[-key=value…]-seed=<n>`. */
  readonly name: string;
  /** Its run folder (absolute): `<out>/<name>`. */
  readonly dir: string;
  /** The name of its setting: its name without the seed, shared by the runs that differ only in seed. */
  readonly setting: string;
  /** The experiment it belongs to. */
  readonly experiment: string;
  /** Its seed. */
  readonly seed: number;
  /** The base config file (absolute). */
  readonly configPath: string;
  /** The overrides applied to the base config (`section.key=value`, as `--set`). */
  readonly overrides: readonly string[];
  /** The complete, validated config. */
  readonly config: FlatConfig;
}

/** A sweep expanded into runs, every config checked. */
export interface SweepPlan {
  /** The sweep file as given. */
  readonly file: string;
  /** The sweep's name. */
  readonly name: string;
  /** The shared output folder (absolute): one run folder per run, named after the run. */
  readonly out: string;
  /** Every run, in index order. */
  readonly runs: readonly SweepRun[];
}

/**
 * Reads a sweep file and expands it into runs: for each experiment (in file
 * order), every combination of its grid values (the first key varying
 * slowest), then every seed. Names depend only on the values, so they stay
 * the same when the file gains values or seeds; indexes are positions.
 * Every run's config is validated before any work; an error names the sweep
 * file and the key that set the bad value.
 *
 * @param out Overrides the file's `out`; default `run/<sweep name>`. Relative to the current directory.
 *
 * @example
 * ```ts
 * // configs/sweeps/quickstart_seeds.sweep.yaml: config, grid (network.hidden_dim: [32, 64]) and seeds [1, 2, 3]
 * const plan = readSweepPlan('configs/sweeps/quickstart_seeds.sweep.yaml');
 * plan.runs.map(({ index, name }) => `${index} ${name}`); // ['0 quickstart-hidden_dim=32-seed=1', …]
 * ```
 */
export function readSweepPlan(file: string, out?: string): SweepPlan {
  const spec = readSweepSpec(file);
  const outDir = resolve(out ?? spec.out ?? `run/${spec.name}`);
  const runs: SweepRun[] = [];
  const owners = new Map<string, string>();
  for (const experiment of spec.experiments) {
    for (const combination of crossProduct(experiment.grid)) {
      const fixed = [...experiment.set, ...combination].map(([key, value]) => override(key, value));
      const seeds = experiment.seeds ?? [parse(spec.file, experiment, fixed).seed];
      for (const seed of seeds) {
        const overrides = [...fixed, override('global.seed', seed)];
        const config = parse(spec.file, experiment, overrides);
        const setting = [experiment.name, ...combination.map(([key, value]) => `${key.split('.')[1]}=${label(value)}`)].join('-').replace(/[^\w.+=-]+/g, '_');
        const name = `${setting}-seed=${seed}`;
        const owner = owners.get(name);
        const where = experiment.where || 'grid';
        if (owner !== undefined) throw new ConfigError(`${spec.file}: ${where}`, name, `values that give each run its own name (${owner} gives this name too)`);
        owners.set(name, where);
        runs.push({ index: runs.length, name, dir: join(outDir, name), setting, experiment: experiment.name, seed, configPath: experiment.config, overrides, config });
      }
    }
  }
  return { file: spec.file, name: spec.name, out: outDir, runs };
}

function crossProduct(grid: ExperimentSpec['grid']): Array<Array<readonly [string, unknown]>> {
  let combinations: Array<Array<readonly [string, unknown]>> = [[]];
  for (const [key, values] of grid) combinations = combinations.flatMap((before) => values.map((value) => [...before, [key, value] as const]));
  return combinations;
}

/** An override as `--set` takes it: the value as JSON, which YAML reads back with its type. */
function override(key: string, value: unknown): string {
  return `${key}=${JSON.stringify(value)}`;
}

function label(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Validates one run's config; a message about an override names the sweep
 * file and where the sweep sets that key, one about the base config names
 * that file.
 */
function parse(file: string, experiment: ExperimentSpec, overrides: readonly string[]): FlatConfig {
  try {
    return parseRunConfigFile(experiment.config, overrides);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (error.field === '--config') throw new ConfigError(`${file}: ${experiment.where ? `${experiment.where}.` : ''}config`, error.value, error.expected);
    // An override's key is named `--set section.key`, `section.key`, or `--set section` for an unknown section.
    const field = error.field.replace(/^--set /, '');
    const key = overrides.map((entry) => entry.slice(0, entry.indexOf('='))).find((entry) => entry === field || entry.split('.')[0] === field);
    if (key !== undefined) {
      throw new ConfigError(`${file}: ${experiment.origins.get(key === 'global.seed' ? 'seeds' : key)}`, error.value, error.expected);
    }
    const config = relative(process.cwd(), experiment.config);
    throw new ConfigError(error.field.includes(config) ? error.field : `${config}: ${error.field}`, error.value, error.expected);
  }
}
