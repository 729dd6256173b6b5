import { parseRunConfigFile, type FlatConfig, type RunSummary, type SweepPlan } from '@pg/cli';
import { meanInterval, type MeanInterval } from '@pg/eval';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReproductionRun } from './catalogue.js';

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
  /** The curves of the figures; `null` for a run read from its committed copies, which hold no curves. */
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

/** Where the results page keeps its copy of a run's summary and of its config. */
export const committedFiles = (committed: string, name: string) => ({ summary: join(committed, `${name}.json`), config: join(committed, `${name}.config.json`) });

/**
 * Collects, for each row of the catalogue, its sweep runs (one per seed):
 * from the run folder when it is complete and holds its evaluation, else
 * from its committed copies under `committed` (summary and config, no
 * curves) when they exist; a seed with neither is left out, and a row with
 * no seed at all. The row's numbers are the means over its seeds.
 */
export function collectRuns(catalogue: readonly ReproductionRun[], plan: SweepPlan, committed: string): CollectedRun[] {
  const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const collected: CollectedRun[] = [];
  for (const spec of catalogue) {
    const seeds: SeedRun[] = [];
    for (const run of plan.runs.filter(({ experiment }) => experiment === spec.name)) {
      const folder = run.dir;
      const complete = existsSync(join(folder, 'evaluation.json')) && existsSync(join(folder, 'summary.json')) && readJson(join(folder, 'summary.json')).status === 'complete';
      if (complete) {
        const { long, switching } = readJson(join(folder, 'evaluation.json'));
        seeds.push({ name: run.name, seed: run.seed, dir: folder, summary: readJson(join(folder, 'summary.json')), config: parseRunConfigFile(join(folder, 'run_config.json'), []), curves: { long, switching } });
        continue;
      }
      const copies = committedFiles(committed, run.name);
      if (existsSync(copies.summary) && existsSync(copies.config)) {
        seeds.push({ name: run.name, seed: run.seed, dir: null, summary: readJson(copies.summary), config: parseRunConfigFile(copies.config, []), curves: null });
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
