import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';

/**
 * The share of nodes of each degree, one bar per split side by side.
 *
 * @example
 * ```ts
 * degreeDistributionFigure({ train: degreeDistribution(dataset.train.graphs), test: degreeDistribution(dataset.test.graphs) });
 * ```
 */
export function degreeDistributionFigure(countsBySplit: Readonly<Record<string, ArrayLike<number>>>): Figure {
  const values = Object.entries(countsBySplit).flatMap(([split, counts]) => {
    const total = Array.from(counts).reduce((sum, n) => sum + n, 0);
    // Connected graphs have no node of degree 0; the axis starts at 1.
    return Array.from(counts, (count, degree) => ({ split, degree, share: total > 0 ? count / total : 0 })).filter(({ degree }) => degree > 0);
  });
  return {
    name: 'degree_distribution',
    caption: 'Share of nodes by degree in the train and test graphs. The disjoint dataset redraws graphs whose degrees need more actions than a split may use.',
    spec: figureSpec({
      title: 'Degree distribution',
      width: 420,
      height: 220,
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'degree', type: 'ordinal', title: 'degree', axis: { labelAngle: 0 } },
        xOffset: { field: 'split', sort: Object.keys(countsBySplit) },
        y: { field: 'share', type: 'quantitative', title: 'share of nodes', axis: { format: '%' } },
        color: { field: 'split', type: 'nominal', title: null, sort: Object.keys(countsBySplit) },
      },
    }),
  };
}
