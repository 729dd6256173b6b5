import { add, reshape, type Tensor, type Tensor2D, type Variable } from '@tensorflow/tfjs-core';
import { matMul2d } from './matmul.js';
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
    return linear(x, this.kernel as Tensor2D, this.bias);
  }
}

/** `x W (+ b)` over the last axis of `x`, for any rank of `x`. */
export function linear<T extends Tensor>(x: T, kernel: Tensor2D, bias?: Tensor): T {
  const [inDim, outDim] = kernel.shape;
  const product = matMul2d(reshape(x, [-1, inDim]), kernel);
  const projected = bias === undefined ? product : add(product, bias);
  return reshape(projected, [...x.shape.slice(0, -1), outDim]) as T;
}
