import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';
import { linePanel, type ReferenceLine, type Series } from './line-panel.js';

/** Options of {@link rollingAccuracyFigure}. */
export interface RollingAccuracyFigureOptions {
  /** The rolling window, in steps, for the axis title. */
  readonly window: number;
  /** Oracle ceilings drawn as dashed lines. */
  readonly ceilings?: readonly ReferenceLine[];
  /** Overrides the file name (default `rolling_accuracy`). */
  readonly name?: string;
}

/**
 * Rolling next-node accuracy along long explorations of unseen test graphs, one
 * curve per model, with the oracle ceilings (`rolling_accuracy.png`).
 *
 * @example
 * ```ts
 * rollingAccuracyFigure([{ label: 'plastic', x: steps, y: accuracy }], { window: 100, ceilings: [{ label: 'oracle', value: 0.95 }] });
 * ```
 */
export function rollingAccuracyFigure(series: readonly Series[], options: RollingAccuracyFigureOptions): Figure {
  return {
    name: options.name ?? 'rolling_accuracy',
    caption: `Next-node accuracy over a ${options.window}-step rolling window along long random walks on unseen test graphs (averaged over the walks); dashed lines are oracle ceilings.`,
    spec: figureSpec(
      linePanel(series, {
        title: 'Rolling accuracy along long explorations',
        xTitle: 'step',
        yTitle: `accuracy (window ${options.window})`,
        unitInterval: true,
        references: options.ceilings,
      }),
    ),
  };
}
