import { reshape, type Tensor, type Tensor1D, type Tensor2D, type Variable } from '@tensorflow/tfjs-core';
import { affine2d } from './affine.js';
import type { WeightStore } from './weight-store.js';

/**
 * A fully connected layer `y = x W + b` over the last axis, `W` of shape
 * `[inDim, outDim]`, initialised as PyTorch's `nn.Linear`: kernel and bias
 * uniform in `±1/√inDim` unless another `bound` is given.
 */
export class Dense {
  readonly kernel: Variable;
  readonly bias: Variable;

  constructor(weights: WeightStore, name: string, inDim: number, outDim: number, bound = 1 / Math.sqrt(inDim)) {
    this.kernel = weights.uniform(`${name}/kernel`, [inDim, outDim], bound);
    this.bias = weights.uniform(`${name}/bias`, [outDim], bound);
  }

  /** Applies the layer to `x [..., inDim]`, giving `[..., outDim]`. */
  apply<T extends Tensor>(x: T): T {
    const [inDim, outDim] = this.kernel.shape as [number, number];
    const projected = affine2d(reshape(x, [-1, inDim]), this.kernel as Tensor2D, this.bias as Tensor1D);
    return reshape(projected, [...x.shape.slice(0, -1), outDim]) as T;
  }
}
