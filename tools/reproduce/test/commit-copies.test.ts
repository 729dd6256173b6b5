import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNS } from '../src/catalogue.js';
import { collectRuns, committedFiles } from '../src/collect-runs.js';
import { commitCopies } from '../src/commit-copies.js';
import { fakeEvaluation, fakeSweep, writeCommittedCopy, writeRunFolder } from './fake-runs.js';

// Runs finished in one sitting, read in the next from their committed copies alone (run/ gone).
describe('the committed copies of a run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-reproduce-copies-'));
  const plan = fakeSweep(dir, { plastic_disjoint_8: [1, 2], gru_disjoint_8: [1] });
  const [first, second, legacy] = plan.runs;
  const committed = join(dir, 'committed');
  for (const run of [first!, second!]) writeRunFolder(run, fakeEvaluation(run.seed));
  // Committed before the curves were: summary and config only.
  writeCommittedCopy(committed, legacy!);
  const bySeed = (rows: ReturnType<typeof collectRuns>) => rows.flatMap(({ seeds }) => seeds.map(({ name, dir: folder, curves, summary }) => ({ name, folder, curves, summary })));

  it('hold the curves the figures draw, every point of them and nothing else, and the epochs, and give them back without the run folder', () => {
    const before = collectRuns(RUNS, plan, committed);
    commitCopies(before, committed);
    const copy = JSON.parse(readFileSync(committedFiles(committed, first!.name).curves, 'utf8'));
    const { long, switching } = fakeEvaluation(first!.seed);
    expect(copy).toEqual({
      long: { curve: long.curve, window: long.window, oracleCurves: long.oracleCurves },
      switching: { curve: switching.curve, switches: switching.switches, window: switching.window },
    });
    expect(existsSync(committedFiles(committed, legacy!.name).curves)).toBe(false);
    // And its epochs, as the run wrote them.
    expect(readFileSync(committedFiles(committed, first!.name).epochs, 'utf8')).toBe(readFileSync(join(first!.dir, 'metrics.jsonl'), 'utf8'));

    rmSync(plan.out, { recursive: true });
    const after = collectRuns(RUNS, plan, committed);
    expect(bySeed(after)).toEqual(bySeed(before).map((seed) => ({ ...seed, folder: null })));
    expect(bySeed(after).map(({ name, curves }) => [name, curves !== null])).toEqual([
      ['plastic_disjoint_8-seed=1', true],
      ['plastic_disjoint_8-seed=2', true],
      ['gru_disjoint_8-seed=1', false],
    ]);
    // Written again from the copies alone, they stay as they are.
    const written = statSync(committedFiles(committed, first!.name).curves).mtimeMs;
    commitCopies(after, committed);
    expect(statSync(committedFiles(committed, first!.name).curves).mtimeMs).toBe(written);
  });

  it('refuse, in one line naming the file, committed curves that lack one the figures draw', () => {
    const path = committedFiles(committed, second!.name).curves;
    const { long, switching } = fakeEvaluation(second!.seed);
    writeFileSync(path, JSON.stringify({ long: { curve: long.curve, window: long.window, oracleCurves: { undirected: long.oracleCurves.undirected } }, switching }));
    expect(() => collectRuns(RUNS, plan, committed)).toThrow(
      `${path} must be the curves of the results figures (long.curve, window and oracleCurves; switching.curve, switches and window) (got "no long.oracleCurves.directed")`,
    );
    writeFileSync(path, '{"long": ');
    expect(() => collectRuns(RUNS, plan, committed)).toThrow(`${path} must be the committed curves of a run`);
  });
});
