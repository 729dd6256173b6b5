import { meanInterval } from '@pg/eval';
import { ReportError } from '../errors.js';
import type { Series } from './line-panel.js';

/**
 * One curve from the same curve measured under several seeds: their mean at
 * each x, with a band of the 95% Student t interval of that mean (none for a
 * single seed). The curves must share their x positions.
 *
 * @example
 * ```ts
 * const series = meanSeries('plastic (3 seeds)', [seed1.curve, seed2.curve, seed3.curve]);
 * rollingAccuracyFigure([series], { window: 100 });
 * ```
 */
export function meanSeries(label: string, curves: ReadonlyArray<{ readonly x: ArrayLike<number>; readonly y: ArrayLike<number> }>, confidence = 0.95): Series {
  const first = curves[0];
  if (!first) throw new ReportError('curves', curves, 'at least one curve');
  const sameX = curves.every(({ x }) => x.length === first.x.length && Array.from(x).every((value, i) => value === first.x[i]));
  if (!sameX) throw new ReportError('curves', `${curves.length} curves`, 'curves measured at the same x positions');
  const x = Array.from(first.x);
  const stats = x.map((_, i) => {
    const values = curves.map(({ y }) => y[i]!).filter(Number.isFinite);
    return values.length > 0 ? meanInterval(values, confidence) : undefined;
  });
  const y = stats.map((stat) => stat?.mean ?? Number.NaN);
  if (curves.length < 2) return { label, x, y };
  return { label, x, y, band: { lower: stats.map((stat) => stat?.low ?? Number.NaN), upper: stats.map((stat) => stat?.high ?? Number.NaN) } };
}
