import { parseRunConfigFile, type FlatConfig, type RunSummary } from '@pg/cli';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** What the results page needs of one finished run. */
export interface CollectedRun {
  readonly spec: ReproductionRun;
  /** The run folder; `null` for a run read from its committed copies in `docs/results/runs/` (its folder is not at hand). */
  readonly dir: string | null;
  readonly summary: RunSummary;
  /** The run's config (its `run_config.json`, read as the CLI reads a run folder's). */
  readonly config: FlatConfig;
  /** The curves of the figures; `null` for a run read from its committed copies, which hold no curves. */
  readonly curves: RunCurves | null;
}

/** Where the results page keeps its copy of a run's summary and of its config. */
export const committedFiles = (committed: string, name: string) => ({ summary: join(committed, `${name}.json`), config: join(committed, `${name}.config.json`) });

/**
 * Finds, for each run of the catalogue, the newest complete run folder
 * under `out` (folders are named `<name>-<time>`), and reads its summary,
 * config and evaluation. A run without such a folder is read from its
 * committed copies under `committed` (summary and config, no curves) when
 * they exist, and is left out otherwise.
 */
export function collectRuns(catalogue: readonly ReproductionRun[], out: string, committed: string): CollectedRun[] {
  const folders = existsSync(out) ? readdirSync(out).sort().reverse() : [];
  const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const collected: CollectedRun[] = [];
  for (const spec of catalogue) {
    const folder = folders
      .filter((name) => name.startsWith(`${spec.name}-`) && /^\d{8}-\d{6}/.test(name.slice(spec.name.length + 1)))
      .map((name) => join(out, name))
      .find((dir) => existsSync(join(dir, 'evaluation.json')) && existsSync(join(dir, 'summary.json')) && readJson(join(dir, 'summary.json')).status === 'complete');
    if (folder) {
      const { long, switching } = readJson(join(folder, 'evaluation.json'));
      const config = parseRunConfigFile(join(folder, 'run_config.json'), []);
      collected.push({ spec, dir: folder, summary: readJson(join(folder, 'summary.json')), config, curves: { long, switching } });
      continue;
    }
    const copies = committedFiles(committed, spec.name);
    if (existsSync(copies.summary) && existsSync(copies.config)) {
      collected.push({ spec, dir: null, summary: readJson(copies.summary), config: parseRunConfigFile(copies.config, []), curves: null });
    }
  }
  return collected;
}
