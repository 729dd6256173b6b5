import { describe, expect, it } from '@jest/globals';
import { renderFigure } from '../../src/figure.js';
import { actionHistogramFigure } from '../../src/figures/action-histogram.js';
import { degreeDistributionFigure } from '../../src/figures/degree-distribution.js';
import { walkCoverageFigure } from '../../src/figures/walk-coverage.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: unknown) => (spec as { data: { values: Values } }).data.values;

describe('dataset figures', () => {
  it('draw pair × action counts, both directions summed, most walked pairs first', async () => {
    // 3 nodes, 2 actions: 0→1 with action 1 three times, 1→0 with action 1 once, 1→2 with action 0 once.
    const counts = new Int32Array(3 * 3 * 2);
    counts[(0 * 3 + 1) * 2 + 1] = 3;
    counts[(1 * 3 + 0) * 2 + 1] = 1;
    counts[(1 * 3 + 2) * 2 + 0] = 1;
    const figure = actionHistogramFigure({ numNodes: 3, numActions: 2, counts }, { name: 'train_action_hist', split: 'train' });
    expect(valuesOf(figure.spec)).toEqual([
      { pair: '0–1', action: 1, moves: 4 },
      { pair: '1–2', action: 0, moves: 1 },
    ]);
    expect((await renderFigure(figure)).svg).toContain('Actions per node pair, train split');
  });

  it('draw degree shares per split, from degree 1', () => {
    const figure = degreeDistributionFigure({ train: Int32Array.of(0, 2, 2), test: Int32Array.of(0, 0, 4) });
    expect(valuesOf(figure.spec)).toEqual([
      { split: 'train', degree: 1, share: 0.5 },
      { split: 'train', degree: 2, share: 0.5 },
      { split: 'test', degree: 1, share: 0 },
      { split: 'test', degree: 2, share: 1 },
    ]);
  });

  it('draw coverage curves by step', () => {
    const figure = walkCoverageFigure({ train: [0.2, 0.5] });
    expect(figure.name).toBe('walk_coverage');
    expect(JSON.stringify(figure.spec)).toContain('{"series":"train","x":2,"y":0.5}');
  });
});
