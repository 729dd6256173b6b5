import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';
import { linePanel } from './line-panel.js';

/** The per-epoch numbers a training curve needs (the trainer's history records have them). */
export interface EpochCurvePoint {
  /** The 1-based epoch. */
  readonly epoch: number;
  /** Mean training loss. */
  readonly trainLoss: number;
  /** Validation loss; `null` without validation. */
  readonly valLoss: number | null;
  /** Training accuracy. */
  readonly trainAccuracy: number;
  /** Validation accuracy; `null` without validation. */
  readonly valAccuracy: number | null;
}

/**
 * Loss and next-node accuracy per epoch, train and validation side by side
 * (`training_curves.png` of a run).
 *
 * @example
 * ```ts
 * const figure = trainingCurvesFigure(result.history);
 * ```
 */
export function trainingCurvesFigure(history: readonly EpochCurvePoint[]): Figure {
  const epochs = history.map(({ epoch }) => epoch);
  const pick = (value: (point: EpochCurvePoint) => number | null) => history.map((point) => value(point) ?? Number.NaN);
  const hasValidation = history.some(({ valLoss }) => valLoss !== null);
  const panel = (title: string, train: number[], val: number[], unitInterval: boolean) =>
    linePanel(
      [{ label: 'train', x: epochs, y: train }, ...(hasValidation ? [{ label: 'validation', x: epochs, y: val }] : [])],
      { title, xTitle: 'epoch', yTitle: title, unitInterval },
    );
  return {
    name: 'training_curves',
    caption: 'Cross-entropy loss and next-node accuracy per epoch, on the training walks and the held-out validation walks.',
    spec: figureSpec({
      hconcat: [
        panel('loss', pick((p) => p.trainLoss), pick((p) => p.valLoss), false),
        panel('accuracy', pick((p) => p.trainAccuracy), pick((p) => p.valAccuracy), true),
      ],
    }),
  };
}
