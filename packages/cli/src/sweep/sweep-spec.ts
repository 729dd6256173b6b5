import { readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { didYouMean } from '../config/did-you-mean.js';
import { ConfigError } from '../errors.js';

/** One experiment of a sweep: a base config, fixed overrides, a grid of values and seeds. */
export interface ExperimentSpec {
  /** Where the experiment is written in the sweep file, for messages: `''` (top level) or `experiments[2]`. */
  readonly where: string;
  /** The experiment's name, the first part of its runs' names. */
  readonly name: string;
  /** The base run config, as an absolute path. */
  readonly config: string;
  /** `section.key` → value, applied to every run. */
  readonly set: ReadonlyArray<readonly [string, unknown]>;
  /** `section.key` → the values it takes, crossed with each other. */
  readonly grid: ReadonlyArray<readonly [string, readonly unknown[]]>;
  /** The seeds of every setting; `null`: the config's own seed. */
  readonly seeds: readonly number[] | null;
  /** Where each `set` and `grid` key and `seeds` are written, for messages, e.g. `grid.network.hidden_dim`. */
  readonly origins: ReadonlyMap<string, string>;
}

/** A sweep file, checked: what to run, before expansion into runs. */
export interface SweepSpec {
  /** The sweep file as given (for messages). */
  readonly file: string;
  /** The sweep's name: `name`, else the file's name. */
  readonly name: string;
  /** `out` as written (relative to the current directory), or `null`. */
  readonly out: string | null;
  /** The experiments, in file order. */
  readonly experiments: readonly ExperimentSpec[];
}

const TOP_KEYS = ['name', 'out', 'config', 'set', 'grid', 'seeds', 'experiments'] as const;
const EXPERIMENT_KEYS = ['name', 'config', 'set', 'grid', 'seeds'] as const;
const NAME = /^[\w.+=-]+$/;
const KEY = /^[a-z_]+\.[a-z_]+$/;

/**
 * Reads and checks a sweep file: a YAML mapping with a base `config` (or a
 * list of `experiments`, each with its own), `set` (fixed `section.key`
 * values), `grid` (`section.key` → a list of values, crossed) and `seeds`.
 * Throws one {@link ConfigError} naming the file, the key, the value and what
 * is accepted. Config paths are relative to the sweep file.
 */
export function readSweepSpec(file: string): SweepSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('sweep file', file, `a readable YAML file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, (error as Error).message.split('\n')[0], 'valid YAML');
  }
  const at = (path: string) => `${file}: ${path}`;
  if (!isMapping(document)) throw new ConfigError(file, document, `a mapping with the keys ${TOP_KEYS.join(', ')}`);
  checkKeys(document, TOP_KEYS, (key) => at(key));
  const baseDir = dirname(resolve(file));
  const name = document.name === undefined ? basename(file).replace(/(\.sweep)?\.ya?ml$/, '') : checkName(document.name, at('name'));
  const out = document.out === undefined ? null : checkString(document.out, at('out'));
  const shared = { set: readSet(document.set, at('set')), grid: readGrid(document.grid, at('grid')), seeds: readSeeds(document.seeds, at('seeds')) };

  if (document.experiments !== undefined && document.config !== undefined) {
    throw new ConfigError(at('config'), document.config, 'absent when experiments are listed (give each experiment its own config)');
  }
  if (document.experiments === undefined) {
    if (document.config === undefined) throw new ConfigError(at('config'), undefined, 'a run config file (relative to the sweep file), or a list of experiments');
    return { file, name, out, experiments: [experiment('', { config: document.config }, shared, baseDir, at)] };
  }
  if (!Array.isArray(document.experiments) || document.experiments.length === 0) {
    throw new ConfigError(at('experiments'), document.experiments, 'a non-empty list of experiments, each with a config');
  }
  const experiments = document.experiments.map((entry: unknown, i: number) => {
    const where = `experiments[${i}]`;
    if (!isMapping(entry)) throw new ConfigError(at(where), entry, `a mapping with the keys ${EXPERIMENT_KEYS.join(', ')}`);
    checkKeys(entry, EXPERIMENT_KEYS, (key) => at(`${where}.${key}`));
    return experiment(where, entry, shared, baseDir, at);
  });
  const seen = new Map<string, string>();
  for (const { name: experimentName, where } of experiments) {
    const before = seen.get(experimentName);
    if (before !== undefined) throw new ConfigError(at(`${where}.name`), experimentName, `a name no other experiment has (${before} has it too)`);
    seen.set(experimentName, where);
  }
  return { file, name, out, experiments };
}

type Shared = { set: Map<string, unknown>; grid: Map<string, unknown[]>; seeds: number[] | null };

/** Where each key of `set` and `grid` is written: top level first, an experiment's own entries over them. */
function originsOf(prefix: string, entry: Record<string, unknown>, shared: Shared, seeds: string): Map<string, string> {
  const origins = new Map<string, string>([['seeds', seeds]]);
  for (const section of ['set', 'grid'] as const) {
    for (const key of shared[section].keys()) origins.set(key, `${section}.${key}`);
    for (const key of Object.keys(isMapping(entry[section]) ? entry[section] : {})) origins.set(key, `${prefix}${section}.${key}`);
  }
  return origins;
}

function experiment(where: string, entry: Record<string, unknown>, shared: Shared, baseDir: string, at: (path: string) => string): ExperimentSpec {
  const prefix = where ? `${where}.` : '';
  if (entry.config === undefined) throw new ConfigError(at(`${prefix}config`), undefined, 'a run config file (relative to the sweep file)');
  const configPath = checkString(entry.config, at(`${prefix}config`));
  const set = new Map([...shared.set, ...readSet(entry.set, at(`${prefix}set`))]);
  const grid = new Map([...shared.grid, ...readGrid(entry.grid, at(`${prefix}grid`))]);
  for (const key of grid.keys()) {
    if (set.has(key)) throw new ConfigError(at(`${prefix}grid.${key}`), grid.get(key), `a key that set does not fix too (set.${key} is ${JSON.stringify(set.get(key))})`);
  }
  return {
    where,
    origins: originsOf(prefix, entry, shared, entry.seeds === undefined ? 'seeds' : `${prefix}seeds`),
    name: entry.name === undefined ? basename(configPath, extname(configPath)) : checkName(entry.name, at(`${prefix}name`)),
    config: resolve(baseDir, configPath),
    set: [...set],
    grid: [...grid],
    seeds: readSeeds(entry.seeds, at(`${prefix}seeds`)) ?? shared.seeds,
  };
}

function readSet(value: unknown, where: string): Map<string, unknown> {
  if (value === undefined || value === null) return new Map();
  if (!isMapping(value)) throw new ConfigError(where, value, 'a mapping of section.key to a value, e.g. trainer.epochs: 10');
  for (const key of Object.keys(value)) checkKey(key, value[key], `${where}.${key}`);
  return new Map(Object.entries(value));
}

function readGrid(value: unknown, where: string): Map<string, unknown[]> {
  if (value === undefined || value === null) return new Map();
  if (!isMapping(value)) throw new ConfigError(where, value, 'a mapping of section.key to a list of values, e.g. network.hidden_dim: [64, 128]');
  for (const [key, values] of Object.entries(value)) {
    checkKey(key, values, `${where}.${key}`);
    if (!Array.isArray(values) || values.length === 0) throw new ConfigError(`${where}.${key}`, values, 'a non-empty list of values');
    const repeated = values.find((entry, i) => values.findIndex((other) => JSON.stringify(other) === JSON.stringify(entry)) !== i);
    if (repeated !== undefined) throw new ConfigError(`${where}.${key}`, values, `a list without repeats (${JSON.stringify(repeated)} appears twice)`);
  }
  return new Map(Object.entries(value) as Array<[string, unknown[]]>);
}

function readSeeds(value: unknown, where: string): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || !value.every((seed) => Number.isSafeInteger(seed))) {
    throw new ConfigError(where, value, 'a non-empty list of integers, e.g. [1, 2, 3]');
  }
  const repeated = value.find((seed, i) => value.indexOf(seed) !== i);
  if (repeated !== undefined) throw new ConfigError(where, value, `a list without repeats (${repeated} appears twice)`);
  return value as number[];
}

function checkKey(key: string, value: unknown, where: string): void {
  if (!KEY.test(key)) throw new ConfigError(where, value, 'keyed by section.key, as in --set (e.g. network.hidden_dim)');
  if (key === 'global.seed') throw new ConfigError(where, value, 'listed under seeds, not set or grid');
}

function checkKeys(mapping: Record<string, unknown>, known: readonly string[], where: (key: string) => string): void {
  for (const key of Object.keys(mapping)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    throw new ConfigError(where(key), mapping[key], `a known key (${hint ? `did you mean ${hint}? ` : ''}keys: ${known.join(', ')})`);
  }
}

function checkName(value: unknown, where: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) throw new ConfigError(where, value, 'a name of letters, digits and . _ - + = (it names folders)');
  return value;
}

function checkString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(where, value, 'a non-empty path');
  return value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
