import { tensor2d, type Tensor2D } from '@tensorflow/tfjs-core';

/**
 * The fixed position encodings of "Attention Is All You Need" for positions
 * `start … start + count - 1`: `PE[p, 2i] = sin(p ω_i)`, `PE[p, 2i + 1] = cos(p ω_i)`,
 * `ω_i = 10000^(−2i / dim)`. A `[count, dim]` tensor.
 */
export function sinusoidalPositions(start: number, count: number, dim: number): Tensor2D {
  const values = new Float32Array(count * dim);
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < dim; column++) {
      const frequency = Math.pow(10000, -(column - (column % 2)) / dim);
      const angle = (start + row) * frequency;
      values[row * dim + column] = column % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tensor2d(values, [count, dim]);
}
