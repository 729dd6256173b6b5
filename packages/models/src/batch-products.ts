import { dispose, matMul, tensor2d } from '@tensorflow/tfjs-core';

/**
 * For each batch element b, the product of two matrices held in typed
 * arrays, `left_b [m, k] × right_b [k, n]`, written into `out_b [m, n]`. Each
 * product is one untransposed 2-D `matMul` of the backend (on wasm the fast
 * XNNPACK path, where a batched or transposed product takes a slow generic
 * path). Used inside ops that already hold their data as arrays.
 */
export function batchProducts(
  batchSize: number,
  m: number,
  k: number,
  n: number,
  left: (b: number) => Float32Array,
  right: (b: number) => Float32Array,
): Float32Array {
  const out = new Float32Array(batchSize * m * n);
  for (let b = 0; b < batchSize; b++) {
    const x = tensor2d(left(b), [m, k]);
    const y = tensor2d(right(b), [k, n]);
    const product = matMul(x, y);
    out.set(product.dataSync(), b * m * n);
    dispose([x, y, product]);
  }
  return out;
}
