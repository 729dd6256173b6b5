import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNS } from '../src/catalogue.js';
import { collectRuns, figureCurves } from '../src/collect-runs.js';
import { writeResultFigures } from '../src/figures.js';
import { fakeEvaluation, fakeSweep, writeCommittedCopy } from './fake-runs.js';

/** The legend entries of a figure's SVG: the texts of its legend group, which its label counts. */
function legend(svg: string): string[] {
  const group = svg.slice(svg.indexOf('aria-roledescription="legend"'));
  const count = Number(/with (\d+) values/.exec(group)?.[1]);
  return [...group.matchAll(/>([^<]+)<\/text>/g)].slice(0, count).map((match) => match[1]!);
}

// The page's figures in a fresh clone: committed copies only, some with curves, some made before the curves were committed.
describe('the results figures from committed copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-reproduce-figures-'));
  const plan = fakeSweep(dir, { plastic_disjoint_8: [1, 2], rnn_disjoint_8: [1, 2], gru_disjoint_8: [1], transformer_disjoint_8: [2, 3] });
  const committed = join(dir, 'committed');
  const curvesOf = (seed: number, walks = seed) => figureCurves(fakeEvaluation(seed, walks), 'fake');
  for (const run of plan.runs) {
    if (run.experiment === 'gru_disjoint_8') writeCommittedCopy(committed, run);
    else if (run.experiment === 'transformer_disjoint_8') writeCommittedCopy(committed, run, run.seed === 3 ? undefined : curvesOf(run.seed, 7));
    else writeCommittedCopy(committed, run, curvesOf(run.seed));
  }

  it('draw every row whose curves are committed, both oracles of each set of walks, and name the runs they lack', async () => {
    const figureDir = join(dir, 'figures');
    const figures = await writeResultFigures(collectRuns(RUNS, plan, committed), figureDir);
    expect(figures.map(({ file }) => file)).toEqual(['rolling_disjoint_8.png', 'switches_disjoint_8.png']);
    expect(legend(readFileSync(join(figureDir, 'rolling_disjoint_8.svg'), 'utf8'))).toEqual([
      'plastic_disjoint_8 (2 seeds)',
      'rnn_disjoint_8 (2 seeds)',
      'transformer_disjoint_8 (1 of 2 seeds)',
      'directed oracle (walks of plastic_disjoint_8, rnn_disjoint_8)',
      'undirected oracle (walks of plastic_disjoint_8, rnn_disjoint_8)',
      'directed oracle (walks of transformer_disjoint_8)',
      'undirected oracle (walks of transformer_disjoint_8)',
    ]);
    expect(legend(readFileSync(join(figureDir, 'switches_disjoint_8.svg'), 'utf8'))).toEqual(['plastic_disjoint_8 (2 seeds)', 'rnn_disjoint_8 (2 seeds)', 'transformer_disjoint_8 (1 of 2 seeds)']);
    const [rolling, switching] = figures.map(({ caption }) => caption);
    expect(rolling).toContain('Dashed: the directed oracle (knows the moves taken so far) and the undirected oracle (also knows each walked edge backwards), over the same walks; rows walked on other test graphs');
    for (const caption of [rolling, switching]) {
      expect(caption).toContain(' Not drawn: gru_disjoint_8-seed=1, transformer_disjoint_8-seed=3 (made before the curves were committed with the runs; drawn once they run again).');
    }
    expect(switching).not.toContain('oracle (knows');
  });

  it('draw one pair of oracles, named plainly, for rows on the same walks', async () => {
    const sameWalks = plan.runs.filter(({ experiment }) => experiment === 'plastic_disjoint_8' || experiment === 'rnn_disjoint_8');
    const figureDir = join(dir, 'same-walks');
    const [rolling] = await writeResultFigures(collectRuns(RUNS, { ...plan, runs: sameWalks }, committed), figureDir);
    expect(legend(readFileSync(join(figureDir, 'rolling_disjoint_8.svg'), 'utf8'))).toEqual(['plastic_disjoint_8 (2 seeds)', 'rnn_disjoint_8 (2 seeds)', 'directed oracle', 'undirected oracle']);
    expect(rolling!.caption).toMatch(/over the same walks\. A row over several seeds is their mean/);
    expect(rolling!.caption).not.toContain('Not drawn');
  });

  it('keep a figure drawn before, saying so, where no run of its rows has its curves committed', async () => {
    const legacy = plan.runs.filter(({ experiment }) => experiment === 'gru_disjoint_8');
    const figureDir = join(dir, 'kept');
    mkdirSync(figureDir);
    expect(await writeResultFigures(collectRuns(RUNS, { ...plan, runs: legacy }, committed), figureDir)).toEqual([]);
    copyFileSync(join(dir, 'figures', 'rolling_disjoint_8.png'), join(figureDir, 'rolling_disjoint_8.png'));
    const [kept, ...others] = await writeResultFigures(collectRuns(RUNS, { ...plan, runs: legacy }, committed), figureDir);
    expect(others).toEqual([]);
    expect(kept!.file).toBe('rolling_disjoint_8.png');
    expect(kept!.caption).toMatch(/\(Kept from when these runs were made: their curves were not committed then, so it cannot be redrawn; its legend names what it shows\.\)$/);
  });
});
