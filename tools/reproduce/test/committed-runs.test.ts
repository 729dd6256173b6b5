import { describe, expect, it } from '@jest/globals';
import { readSweepPlan } from '@pg/cli';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committedFiles } from '../src/collect-runs.js';
import { committedRuns } from '../src/committed-runs.js';
import { sweepArguments } from '../src/run-sweep.js';

const tiny = fileURLToPath(new URL('../../../packages/cli/test/fixtures/tiny.yaml', import.meta.url));

// A fresh clone: no run folders, and the page's committed copies of some runs (no training: the copies are written here).
describe('runs complete in their committed copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-reproduce-committed-'));
  const file = join(dir, 'catalogue.sweep.yaml');
  writeFileSync(file, `set:\n  logging.wandb_enabled: false\n  trainer.epochs: 2\nexperiments:\n  - name: plastic_disjoint_8\n    config: ${tiny}\n    seeds: [1, 2, 3, 4, 5]\n`);
  const plan = readSweepPlan(file, join(dir, 'run'));
  const committed = join(dir, 'committed');
  mkdirSync(committed);
  const commit = (index: number, status: string, config: object) => {
    const { name } = plan.runs[index]!;
    writeFileSync(committedFiles(committed, name).summary, JSON.stringify({ name, status, metrics: { test_accuracy: 0.5 } }));
    writeFileSync(committedFiles(committed, name).config, JSON.stringify(config));
  };
  const [same, changed, unfinished, folder] = plan.runs;
  // The same experiment, a key that does not change results aside.
  commit(0, 'complete', { ...same!.config, threads: 2 });
  // The sweep's config changed since this copy.
  commit(1, 'complete', { ...changed!.config, epochs: 3 });
  commit(2, 'interrupted', unfinished!.config);
  // A run whose folder is at hand: the sweep sees to it.
  commit(3, 'complete', folder!.config);
  mkdirSync(folder!.dir, { recursive: true });

  it('leaves out only a complete copy of the same experiment, with a line for it and for a copy of another config', () => {
    const lines: string[] = [];
    expect(committedRuns(plan.runs, committed, (line) => lines.push(line))).toEqual([same!.name]);
    expect(lines).toEqual([
      'plastic_disjoint_8-seed=1: complete in its committed copy, skipped',
      'plastic_disjoint_8-seed=2: its committed copy has epochs: 3, the sweep now gives epochs: 2; it runs again',
    ]);
  });

  it('passes the runs left out to pg sweep', () => {
    expect(sweepArguments({ sweepFile: file, out: plan.out, only: ['plastic_disjoint_8'], skip: [same!.name], jobs: '2' })).toEqual([
      'sweep',
      file,
      '--out',
      plan.out,
      '--only',
      'plastic_disjoint_8',
      '--skip',
      same!.name,
      '--jobs',
      '2',
    ]);
  });

  it('refuses a garbled committed summary in one line naming it', () => {
    writeFileSync(committedFiles(committed, same!.name).summary, '{"status": "compl');
    expect(() => committedRuns(plan.runs, committed, () => {})).toThrow(`${committedFiles(committed, same!.name).summary} must be a readable run summary`);
  });
});
