import { all, isFinite, tidy, type Tensor } from '@tensorflow/tfjs-core';

/**
 * The name of the first weight that holds a NaN or an infinite value, or
 * `null` when every value is finite: a diverged model must not pass for a
 * trained one.
 *
 * @example
 * ```ts
 * const bad = firstNonFiniteWeight(model.namedVariables);
 * if (bad) throw new Error(`weight ${bad} is not finite`);
 * ```
 */
export function firstNonFiniteWeight(weights: ReadonlyMap<string, Tensor>): string | null {
  for (const [name, value] of weights) {
    const finite = tidy(() => all(isFinite(value)));
    const ok = finite.dataSync()[0] === 1;
    finite.dispose();
    if (!ok) return name;
  }
  return null;
}
