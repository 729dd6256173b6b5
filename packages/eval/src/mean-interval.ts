import { EvalError } from './errors.js';
import { studentTCritical } from './student-t.js';

/** A mean with its spread over independent repeats (seeds), as {@link meanInterval} gives it. */
export interface MeanInterval {
  /** How many values. */
  readonly count: number;
  /** Their mean. */
  readonly mean: number;
  /** The sample standard deviation (n − 1 in the denominator); `null` for a single value. */
  readonly standardDeviation: number | null;
  /** Half the width of the confidence interval of the mean; `null` for a single value. */
  readonly halfWidth: number | null;
  /** The interval's lower end; `null` for a single value. */
  readonly low: number | null;
  /** The interval's upper end; `null` for a single value. */
  readonly high: number | null;
  /** The interval's confidence level, e.g. 0.95. */
  readonly confidence: number;
}

/**
 * The mean of repeated measurements (one per seed) with its sample standard
 * deviation and a Student t confidence interval: mean ± t(confidence, n − 1)
 * · sd / √n. With a single value there is no spread, and the spread fields
 * are `null`.
 *
 * @example
 * ```ts
 * const { mean, low, high } = meanInterval([0.84, 0.86, 0.87]);
 * // mean 0.8567, 95% interval [0.8187, 0.8946]
 * ```
 */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  if (values.length === 0) throw new EvalError('values', values, 'at least one number');
  const bad = values.find((value) => !Number.isFinite(value));
  if (bad !== undefined) throw new EvalError('values', bad, 'finite numbers');
  const count = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  if (count === 1) return { count, mean, standardDeviation: null, halfWidth: null, low: null, high: null, confidence };
  const standardDeviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1));
  const halfWidth = (studentTCritical(confidence, count - 1) * standardDeviation) / Math.sqrt(count);
  return { count, mean, standardDeviation, halfWidth, low: mean - halfWidth, high: mean + halfWidth, confidence };
}
