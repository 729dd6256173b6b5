// Run folders and committed copies written by hand, shaped as pg writes them, for tests that train nothing.
import { readSweepPlan, type SweepPlan, type SweepRun } from '@pg/cli';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committedFiles, type RunCurves } from '../src/collect-runs.js';

const tiny = fileURLToPath(new URL('../../../packages/cli/test/fixtures/tiny.yaml', import.meta.url));

/** A sweep of 8-node disjoint rows of the catalogue, each over the seeds given, into `dir`/run. */
export function fakeSweep(dir: string, rows: Record<string, number[]>): SweepPlan {
  const file = join(dir, 'catalogue.sweep.yaml');
  const experiments = Object.entries(rows).map(([name, seeds]) => `  - name: ${name}\n    config: ${tiny}\n    seeds: [${seeds.join(', ')}]`);
  writeFileSync(file, ['set:\n  logging.wandb_enabled: false\n  dataset.num_nodes: 8', 'experiments:', ...experiments, ''].join('\n'));
  return readSweepPlan(file, join(dir, 'run'));
}

const curve = (from: number, y: number[]) => ({ x: y.map((_, i) => from + i), y });

/** An evaluation as `evaluation.json` holds it: the figures' curves (levels varying with `seed`, oracles with `walks`) and more. */
export function fakeEvaluation(seed: number, walks = seed) {
  const along = (level: number) => Array.from({ length: 40 }, (_, i) => level + (i % 7) / 100);
  return {
    test: { steps: 120, accuracy: 0.3 },
    long: {
      steps: 59,
      window: 20,
      explorations: 2,
      score: { steps: 118, accuracy: 0.3 },
      curve: curve(19, along(0.2 + seed / 100)),
      oracleCurves: { directed: curve(19, along(0.6 + walks / 100)), undirected: curve(19, along(0.8 + walks / 100)) },
      finalAccuracy: 0.3,
    },
    switching: { switches: [30], window: 10, repeats: 2, curve: curve(9, along(0.25 + seed / 100)), oracleCurves: { undirected: curve(9, along(0.9)) }, recovery: 3 },
  };
}

const summary = (run: SweepRun) => ({
  name: run.name,
  runId: run.name,
  status: 'complete',
  command: `pg sweep run catalogue.sweep.yaml --index ${run.index}`,
  backend: 'wasm',
  updatedAt: '2026-11-29T00:00:00.000Z',
  metrics: { test_accuracy: 0.3 + run.seed / 100 },
});

/** A complete run folder holding `evaluation`. */
export function writeRunFolder(run: SweepRun, evaluation: object): void {
  mkdirSync(run.dir, { recursive: true });
  writeFileSync(join(run.dir, 'summary.json'), JSON.stringify(summary(run)));
  writeFileSync(join(run.dir, 'run_config.json'), JSON.stringify(run.config));
  writeFileSync(join(run.dir, 'evaluation.json'), JSON.stringify(evaluation));
  writeFileSync(join(run.dir, 'metrics.jsonl'), `${JSON.stringify({ event: 'epoch', epoch: 1, trainLoss: 1, valLoss: 1 })}\n`);
}

/** The committed copies of a complete run, with its curves or (as those committed before them) without. */
export function writeCommittedCopy(committed: string, run: SweepRun, curves?: RunCurves): void {
  mkdirSync(committed, { recursive: true });
  const copies = committedFiles(committed, run.name);
  writeFileSync(copies.summary, JSON.stringify(summary(run)));
  writeFileSync(copies.config, JSON.stringify(run.config));
  if (curves) writeFileSync(copies.curves, JSON.stringify(curves));
}
