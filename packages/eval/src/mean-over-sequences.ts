/**
 * The per-step mean over several equal-length series (e.g. correctness of
 * several explorations run side by side).
 *
 * @example
 * ```ts
 * meanOverSequences([Float64Array.of(1, 0), Float64Array.of(1, 1)]); // [1, 0.5]
 * ```
 */
export function meanOverSequences(series: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const length = series[0]?.length ?? 0;
  const mean = new Float64Array(length);
  for (const values of series) for (let t = 0; t < length; t++) mean[t]! += values[t]! / series.length;
  return mean;
}

/** 1 where the prediction equals the target, else 0. */
export function correctness(predictions: ArrayLike<number>, targets: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: targets.length }, (_, t) => (predictions[t] === targets[t] ? 1 : 0));
}
