import type { RunSummary } from '@pg/cli';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReproductionRun } from './catalogue.js';

/** A curve as the evaluation stores it. */
export interface StoredCurve {
  readonly x: number[];
  readonly y: number[];
}

/** What the results page needs of one finished run. */
export interface CollectedRun {
  readonly spec: ReproductionRun;
  readonly dir: string;
  readonly summary: RunSummary;
  readonly config: Record<string, unknown>;
  readonly long: { readonly curve: StoredCurve; readonly window: number; readonly oracleCurves: { readonly undirected: StoredCurve } };
  readonly switching: { readonly curve: StoredCurve; readonly switches: number[]; readonly window: number };
}

/**
 * Finds, for each run of the catalogue, the newest complete run folder
 * under `out` (folders are named `<name>-<time>`), and reads its summary,
 * config and evaluation. Runs without a complete folder are left out.
 */
export function collectRuns(catalogue: readonly ReproductionRun[], out: string): CollectedRun[] {
  if (!existsSync(out)) return [];
  const folders = readdirSync(out).sort().reverse();
  const collected: CollectedRun[] = [];
  for (const spec of catalogue) {
    for (const folder of folders.filter((name) => name.startsWith(`${spec.name}-`) && /^\d{8}-\d{6}/.test(name.slice(spec.name.length + 1)))) {
      const dir = join(out, folder);
      const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (!existsSync(join(dir, 'summary.json')) || !existsSync(join(dir, 'evaluation.json'))) continue;
      const summary = read('summary.json') as RunSummary;
      if (summary.status !== 'complete') continue;
      const { long, switching } = read('evaluation.json');
      collected.push({ spec, dir, summary, config: read('run_config.json'), long, switching });
      break;
    }
  }
  return collected;
}
