import { add, div, moments, mul, sqrt, sub, type Tensor, type Variable } from '@tensorflow/tfjs-core';
import type { WeightStore } from './weight-store.js';

/** Epsilon added to the variance, as PyTorch's `nn.LayerNorm`. */
const EPSILON = 1e-5;

/** Layer normalisation over the last axis with a learned scale (starting at 1) and shift (starting at 0). */
export class LayerNorm {
  private readonly scale: Variable;
  private readonly shift: Variable;

  constructor(weights: WeightStore, name: string, dim: number) {
    this.scale = weights.filled(`${name}/scale`, [dim], 1);
    this.shift = weights.filled(`${name}/shift`, [dim], 0);
  }

  /** `(x − mean) / √(variance + 1e-5) · scale + shift`, statistics over the last axis. */
  apply<T extends Tensor>(x: T): T {
    const { mean, variance } = moments(x, -1, true);
    return add(mul(div(sub(x, mean), sqrt(add(variance, EPSILON))), this.scale), this.shift);
  }
}
