import { describe, expect, it } from '@jest/globals';
import { main, readSweepPlan } from '@pg/cli';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNS } from '../src/catalogue.js';
import { collectRuns } from '../src/collect-runs.js';
import { writeResultFigures } from '../src/figures.js';
import { cell } from '../src/format.js';
import { resultsPage } from '../src/results-page.js';

const tiny = fileURLToPath(new URL('../../../packages/cli/test/fixtures/tiny.yaml', import.meta.url));

// Two rows of the catalogue, made of tiny runs: one over three seeds, one over one.
describe('the results page from a sweep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-reproduce-'));
  const file = join(dir, 'catalogue.sweep.yaml');
  writeFileSync(
    file,
    [
      `set:\n  logging.wandb_enabled: false\n  trainer.epochs: 2\n  dataset.num_nodes: 8\n  dataset.num_actions: 10`,
      `experiments:`,
      `  - name: plastic_disjoint_8\n    config: ${tiny}\n    seeds: [1, 2, 3]`,
      `  - name: rnn_disjoint_8\n    config: ${tiny}\n    seeds: [1]\n    set:\n      network.network_type: rnn`,
      '',
    ].join('\n'),
  );
  const out = join(dir, 'runs');
  const committed = join(dir, 'committed');

  it('groups each row’s seeds into means with their 95% interval, lists every seed, and draws bands', async () => {
    const code = await main(['sweep', file, '--jobs', '2', '--out', out]);
    expect(code).toBe(0);
    const plan = readSweepPlan(file, out);
    const rows = collectRuns(RUNS, plan, committed);
    expect(rows.map(({ spec, seeds }) => [spec.name, seeds.map(({ seed }) => seed)])).toEqual([
      ['plastic_disjoint_8', [1, 2, 3]],
      ['rnn_disjoint_8', [1]],
    ]);
    const [plastic, rnn] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const accuracies = plastic.seeds.map(({ summary }) => summary.metrics.test_accuracy!);
    expect(plastic.metrics.test_accuracy).toBeCloseTo(accuracies.reduce((a, b) => a + b) / 3, 12);
    expect(plastic.spread.test_accuracy!.count).toBe(3);
    expect(cell(plastic, 'test_accuracy', 'percent')).toMatch(/^\d+\.\d% ± \d+\.\d%$/);
    expect(cell(rnn, 'test_accuracy', 'percent')).toMatch(/^\d+\.\d%$/);

    const figureDir = join(dir, 'figures');
    const figures = await writeResultFigures(rows, figureDir);
    expect(figures.map(({ file: name }) => name)).toEqual(['rolling_disjoint_8.png', 'switches_disjoint_8.png']);
    expect(figures[0]!.caption).toContain('A row over several seeds is their mean, shaded over the 95% interval of that mean.');
    const svg = readFileSync(join(figureDir, 'rolling_disjoint_8.svg'), 'utf8');
    expect(svg).toContain('plastic_disjoint_8 (3 seeds)');
    expect(existsSync(join(figureDir, 'switches_disjoint_8.png'))).toBe(true);
    const page = resultsPage({ runs: rows, figures, notes: '', pageDir: dir, figureDir, committedDir: committed });
    for (const seed of [1, 2, 3]) expect(page).toContain(`| plastic_disjoint_8-seed=${seed} | \`pnpm pg sweep run ${file} --index ${seed - 1} --out ${out}\` | ${seed} |`);
    expect(page).toContain('| rnn_disjoint_8-seed=1 |');
    // The folder column names where `pnpm reproduce` puts a run, whatever the folder this page was written from.
    expect(page).toContain('| `run/reproduce/plastic_disjoint_8-seed=1` |');
    expect(page).toMatch(/\| plastic, disjoint \| [\d,]+ \| \d+\.\d% ± \d+\.\d% \|/);
    expect(page).toMatch(/\| RNN, disjoint \| [\d,]+ \| \d+\.\d% \|/);
  }, 120_000);
});
