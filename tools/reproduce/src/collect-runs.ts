import { ConfigError, parseRunConfigFile, type FlatConfig, type RunSummary, type SweepPlan } from '@pg/cli';
import { meanInterval, type MeanInterval } from '@pg/eval';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReproductionRun } from './catalogue.js';
import { readJsonFile } from './read-json.js';

/** A curve as the evaluation stores it. */
export interface StoredCurve {
  readonly x: number[];
  readonly y: number[];
}

/** The curves of a run that the figures draw, as its `evaluation.json` holds them. */
export interface RunCurves {
  readonly long: { readonly curve: StoredCurve; readonly window: number; readonly oracleCurves: { readonly directed: StoredCurve; readonly undirected: StoredCurve } };
  readonly switching: { readonly curve: StoredCurve; readonly switches: number[]; readonly window: number };
}

/** One seed of a row: one finished run of the sweep. */
export interface SeedRun {
  /** The sweep run's name, e.g. `plastic_disjoint_8-seed=42`; also the name of its committed copies. */
  readonly name: string;
  readonly seed: number;
  /** The run folder; `null` for a run read from its committed copies in `docs/results/runs/` (its folder is not at hand). */
  readonly dir: string | null;
  readonly summary: RunSummary;
  /** The run's config (its `run_config.json`, read as the CLI reads a run folder's). */
  readonly config: FlatConfig;
  /** The curves of the figures; `null` for a run read from committed copies made before the curves were committed with them. */
  readonly curves: RunCurves | null;
}

/** What the results page needs of one row: its finished seeds, and their numbers together. */
export interface CollectedRun {
  readonly spec: ReproductionRun;
  /** Each finished seed, in the sweep's order. */
  readonly seeds: readonly SeedRun[];
  /** The config the seeds share (the first seed's: they differ only in seed). */
  readonly config: FlatConfig;
  /** Each headline metric's mean over the seeds that have it (the value itself for one seed). */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Each headline metric's spread over those seeds: standard deviation and 95% Student t interval (none for one seed). */
  readonly spread: Readonly<Record<string, MeanInterval>>;
}

/** Where the results page keeps its copies of a run: its summary, its config, and the curves its figures draw. */
export const committedFiles = (committed: string, name: string) => ({
  summary: join(committed, `${name}.json`),
  config: join(committed, `${name}.config.json`),
  curves: join(committed, `${name}.curves.json`),
  epochs: join(committed, `${name}.epochs.jsonl`),
});

const readSummary = (path: string) => readJsonFile<RunSummary>(path, 'a readable run summary');

/**
 * The curves the figures draw, every point of them, picked from `evaluation`
 * (a run's `evaluation.json`, or a committed copy of them read from `path`).
 * Refuses, naming `path`, one that lacks any of them.
 */
export function figureCurves(evaluation: unknown, path: string): RunCurves {
  const { long, switching } = (evaluation ?? {}) as Partial<RunCurves>;
  const parts: Record<string, unknown> = {
    'long.curve': long?.curve,
    'long.oracleCurves.directed': long?.oracleCurves?.directed,
    'long.oracleCurves.undirected': long?.oracleCurves?.undirected,
    'switching.curve': switching?.curve,
  };
  const missing = Object.keys(parts).filter((part) => !isCurve(parts[part]));
  if (!Number.isInteger(long?.window)) missing.push('long.window');
  if (!Number.isInteger(switching?.window)) missing.push('switching.window');
  if (!Array.isArray(switching?.switches)) missing.push('switching.switches');
  if (missing.length > 0) throw new ConfigError(path, `no ${missing.join(', ')}`, 'the curves of the results figures (long.curve, window and oracleCurves; switching.curve, switches and window)');
  const { curve, window, oracleCurves } = long!;
  return { long: { curve, window, oracleCurves: { directed: oracleCurves.directed, undirected: oracleCurves.undirected } }, switching: { curve: switching!.curve, switches: switching!.switches, window: switching!.window } };
}

const isCurve = (value: unknown): value is StoredCurve => {
  const { x, y } = (value ?? {}) as Partial<StoredCurve>;
  return Array.isArray(x) && Array.isArray(y) && x.length === y.length;
};

/**
 * Collects, for each row of the catalogue, its sweep runs (one per seed):
 * from the run folder when it is complete and holds its evaluation, else
 * from its committed copies under `committed` (summary, config and, for runs
 * made since they are committed, curves) when they exist; a seed with
 * neither is left out, and a row with no seed at all. The row's numbers are
 * the means over its seeds.
 */
export function collectRuns(catalogue: readonly ReproductionRun[], plan: SweepPlan, committed: string): CollectedRun[] {
  const collected: CollectedRun[] = [];
  for (const spec of catalogue) {
    const seeds: SeedRun[] = [];
    for (const run of plan.runs.filter(({ experiment }) => experiment === spec.name)) {
      const folder = (file: string) => join(run.dir, file);
      if (existsSync(folder('evaluation.json')) && existsSync(folder('summary.json')) && readSummary(folder('summary.json')).status === 'complete') {
        const evaluation = readJsonFile(folder('evaluation.json'), 'a readable evaluation');
        const curves = figureCurves(evaluation, folder('evaluation.json'));
        seeds.push({ name: run.name, seed: run.seed, dir: run.dir, summary: readSummary(folder('summary.json')), config: parseRunConfigFile(folder('run_config.json'), []), curves });
        continue;
      }
      const copies = committedFiles(committed, run.name);
      if (existsSync(copies.summary) && existsSync(copies.config)) {
        const curves = existsSync(copies.curves) ? figureCurves(readJsonFile(copies.curves, 'the committed curves of a run'), copies.curves) : null;
        seeds.push({ name: run.name, seed: run.seed, dir: null, summary: readSummary(copies.summary), config: parseRunConfigFile(copies.config, []), curves });
      }
    }
    if (seeds.length > 0) collected.push({ spec, seeds, config: seeds[0]!.config, ...overSeeds(seeds) });
  }
  return collected;
}

function overSeeds(seeds: readonly SeedRun[]): Pick<CollectedRun, 'metrics' | 'spread'> {
  const metrics: Record<string, number | null> = {};
  const spread: Record<string, MeanInterval> = {};
  for (const key of new Set(seeds.flatMap(({ summary }) => Object.keys(summary.metrics)))) {
    const values = seeds.map(({ summary }) => summary.metrics[key]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    if (values.length === 0) {
      metrics[key] = null;
      continue;
    }
    spread[key] = meanInterval(values);
    metrics[key] = spread[key].mean;
  }
  return { metrics, spread };
}
