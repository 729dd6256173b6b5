import { add, customGrad, getBackend, matMul, ones, reshape, transpose, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D } from '@tensorflow/tfjs-core';

/**
 * `a b + bias` for 2-D `a` and `b`, whose gradient is made only of matrix
 * products: `dy bᵀ`, `aᵀ dy` and, for the bias, `1ᵀ dy` (a product with a row
 * of ones sums the rows several times faster than the backend's `sum` over the
 * first axis, which transposes first). On wasm the transposed operands are
 * explicit copies: XNNPACK takes only the untransposed product (measured
 * 1.4 ms against 18 ms for `[1248, 128] × [128, 128]`), and a transpose is a
 * cheap copy; other backends multiply transposed operands at full speed.
 */
export const affine2d = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
  const [a, b, bias, save] = args as [Tensor2D, Tensor2D, Tensor1D, GradSaveFunc];
  save([a, b]);
  return {
    value: add(matMul(a, b), bias),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [x, y] = saved as [Tensor2D, Tensor2D];
      const gradient = dy as Tensor2D;
      const biasGradient = reshape(matMul(ones([1, gradient.shape[0]]), gradient), [-1]);
      if (getBackend() !== 'wasm') return [matMul(gradient, y, false, true), matMul(x, gradient, true, false), biasGradient];
      return [matMul(gradient, transpose(y)), matMul(transpose(x), gradient), biasGradient];
    },
  };
}) as (a: Tensor2D, b: Tensor2D, bias: Tensor1D) => Tensor2D;
