import { EvalError } from './errors.js';

/**
 * The original project's long-exploration number ("avg rolling accuracy
 * single graph"): the mean over every step of the trailing mean over up to
 * `window` steps, where the first `window − 1` steps average the shorter
 * windows that exist so far (pandas' `rolling(window, min_periods=1)`).
 * Those short early windows count as much as full ones, so on a curve that
 * climbs it gives less than the plain mean over all steps: it weighs the
 * start of the walk, when little is known yet, more.
 *
 * @example
 * ```ts
 * seedRollingAverage([0, 1, 1, 1], 2); // mean of [0, 0.5, 1, 1] = 0.625 (the plain mean is 0.75)
 * ```
 */
export function seedRollingAverage(values: ArrayLike<number>, window: number): number {
  if (!Number.isInteger(window) || window < 1) throw new EvalError('window', window, 'an integer ≥ 1');
  if (values.length === 0) throw new EvalError('values', values.length, 'at least one value');
  let sum = 0;
  let total = 0;
  for (let t = 0; t < values.length; t++) {
    sum += values[t]!;
    if (t >= window) sum -= values[t - window]!;
    total += sum / Math.min(t + 1, window);
  }
  return total / values.length;
}
