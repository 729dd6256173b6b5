import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';
import { linePanel, type ReferenceLine, type Series } from './line-panel.js';

/** Options of {@link switchAccuracyFigure}. */
export interface SwitchAccuracyFigureOptions {
  /** Steps at which the walk moved to a new graph. */
  readonly switches: readonly number[];
  /** Window of the rolling accuracy, named in the caption and the axis title. */
  readonly window: number;
  /** Horizontal reference lines, e.g. oracle ceilings. Default none. */
  readonly ceilings?: readonly ReferenceLine[];
  /** File name. Default `rolling_accuracy_boundaries`. */
  readonly name?: string;
}

/**
 * Rolling accuracy along a sequence that switches graph at the marked steps,
 * without resetting the fast weights (`rolling_accuracy_boundaries.png`).
 *
 * @example
 * ```ts
 * switchAccuracyFigure([{ label: 'plastic', x: steps, y: accuracy }], { switches: [200, 400], window: 50 });
 * ```
 */
export function switchAccuracyFigure(series: readonly Series[], options: SwitchAccuracyFigureOptions): Figure {
  return {
    name: options.name ?? 'rolling_accuracy_boundaries',
    caption: `Rolling accuracy (window ${options.window}) as the walk moves to a new unseen graph at each dotted line, fast weights carried over; averaged over repeats.`,
    spec: figureSpec(
      linePanel(series, {
        title: 'Adaptation across graph switches',
        xTitle: 'step',
        yTitle: `accuracy (window ${options.window})`,
        unitInterval: true,
        markers: options.switches,
        references: options.ceilings,
      }),
    ),
  };
}
