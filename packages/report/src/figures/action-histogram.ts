import type { PairActionHistogram } from '@pg/datasets';
import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';

/** Options of {@link actionHistogramFigure}. */
export interface ActionHistogramOptions {
  /** `train_action_hist` or `test_action_hist`. */
  readonly name: string;
  /** `train` or `test`, for titles. */
  readonly split: string;
  /** Node pairs shown, the most walked first. Default 40. */
  readonly maxPairs?: number;
}

/**
 * The actions walked on each node pair of a split, as a heat map (pair ×
 * action, colour = moves in either direction). On a disjoint dataset the
 * train and test maps of a pair light up different actions.
 *
 * @example
 * ```ts
 * actionHistogramFigure(pairActionHistogram(dataset.train), { name: 'train_action_hist', split: 'train' });
 * ```
 */
export function actionHistogramFigure(histogram: PairActionHistogram, options: ActionHistogramOptions): Figure {
  const { numNodes, numActions, counts } = histogram;
  const pairs: Array<{ pair: string; total: number; actions: number[] }> = [];
  for (let u = 0; u < numNodes; u++) {
    for (let v = u + 1; v < numNodes; v++) {
      const actions = Array.from(
        { length: numActions },
        (_, a) => counts[(u * numNodes + v) * numActions + a]! + counts[(v * numNodes + u) * numActions + a]!,
      );
      const total = actions.reduce((sum, n) => sum + n, 0);
      if (total > 0) pairs.push({ pair: `${u}–${v}`, total, actions });
    }
  }
  const shown = pairs.sort((a, b) => b.total - a.total).slice(0, options.maxPairs ?? 40);
  const cells = shown.flatMap(({ pair, actions }) => actions.map((moves, action) => ({ pair, action, moves })).filter(({ moves }) => moves > 0));
  return {
    name: options.name,
    caption: `Moves per node pair and action on the ${options.split} walks (the ${shown.length} most walked of ${pairs.length} pairs; both directions counted).`,
    spec: figureSpec({
      title: `Actions per node pair, ${options.split} split`,
      width: Math.max(240, 12 * shown.length),
      height: Math.max(120, 14 * numActions),
      data: { values: cells },
      mark: 'rect',
      encoding: {
        x: { field: 'pair', type: 'nominal', title: 'node pair', sort: shown.map(({ pair }) => pair), axis: { labelAngle: -60, labelFontSize: 9 } },
        y: { field: 'action', type: 'ordinal', title: 'action', scale: { domain: Array.from({ length: numActions }, (_, a) => a) } },
        color: { field: 'moves', type: 'quantitative', title: 'moves', scale: { scheme: 'blues' } },
      },
    }),
  };
}
