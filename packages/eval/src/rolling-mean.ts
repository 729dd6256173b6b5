import { EvalError } from './errors.js';

/** A curve: `y[i]` measured at step `x[i]`. */
export interface Curve {
  /** The step of each point. */
  readonly x: Float64Array;
  /** The value at each point. */
  readonly y: Float64Array;
}

/**
 * The trailing mean of `values` over `window` steps, from the first full
 * window on: `y[i]` is the mean of `values[x[i] − window + 1 … x[i]]`.
 * Running sums make it linear in the length.
 *
 * @example
 * ```ts
 * rollingMean([1, 0, 1, 1], 2); // x [1, 2, 3], y [0.5, 0.5, 1]
 * ```
 */
export function rollingMean(values: ArrayLike<number>, window: number): Curve {
  if (!Number.isInteger(window) || window < 1 || window > values.length) {
    throw new EvalError('window', window, `an integer in [1, ${values.length}] (the length of the series)`);
  }
  const count = values.length - window + 1;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  let sum = 0;
  for (let t = 0; t < values.length; t++) {
    sum += values[t]!;
    if (t >= window) sum -= values[t - window]!;
    if (t >= window - 1) {
      x[t - window + 1] = t;
      y[t - window + 1] = sum / window;
    }
  }
  return { x, y };
}
