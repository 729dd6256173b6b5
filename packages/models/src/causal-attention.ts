import { add, div, matMul, softmax, tensor2d, type Tensor2D, type Tensor4D } from '@tensorflow/tfjs-core';

/** Added to the score of a key a query must not see; its softmax weight underflows to 0. */
const MASKED = -1e9;

/**
 * The additive mask `[length, past + length]` of `length` new queries at positions
 * `past … past + length - 1` over every key so far: 0 where key `j ≤` the query's
 * position, a large negative number after it.
 */
export function causalMask(past: number, length: number): Tensor2D {
  const width = past + length;
  const values = new Float32Array(length * width);
  for (let row = 0; row < length; row++) values.fill(MASKED, row * width + past + row + 1, (row + 1) * width);
  return tensor2d(values, [length, width]);
}

/**
 * Scaled dot-product attention per head: `softmax(q kᵀ / √d + mask) v`.
 *
 * @param queries - `[B, heads, L, d]`.
 * @param keys - `[B, heads, T, d]`.
 * @param values - `[B, heads, T, d]`.
 * @param mask - `[L, T]`, from {@link causalMask}.
 * @returns `[B, heads, L, d]`.
 */
export function attend(queries: Tensor4D, keys: Tensor4D, values: Tensor4D, mask: Tensor2D): Tensor4D {
  const scores = div(matMul(queries, keys, false, true), Math.sqrt(queries.shape[3]));
  return matMul(softmax(add(scores, mask)), values);
}
