import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';
import { linePanel } from './line-panel.js';

/**
 * The mean fraction of a graph's edges a walk has traversed by each step:
 * how much of the world can be known, one curve per split.
 *
 * @example
 * ```ts
 * walkCoverageFigure({ train: meanWalkCoverage(dataset.train), test: meanWalkCoverage(dataset.test) });
 * ```
 */
export function walkCoverageFigure(coverageBySplit: Readonly<Record<string, ArrayLike<number>>>): Figure {
  const series = Object.entries(coverageBySplit).map(([label, y]) => ({ label, x: Array.from({ length: y.length }, (_, t) => t + 1), y }));
  return {
    name: 'walk_coverage',
    caption: 'Mean fraction of a graph’s edges traversed by each step of a walk.',
    spec: figureSpec(linePanel(series, { title: 'Walk coverage', xTitle: 'step', yTitle: 'edges traversed', unitInterval: true })),
  };
}
