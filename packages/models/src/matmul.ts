import { customGrad, getBackend, matMul, transpose, type GradSaveFunc, type Tensor, type Tensor2D } from '@tensorflow/tfjs-core';

/**
 * `a b` for 2-D tensors, with a gradient made of plain products of
 * explicitly transposed operands (`dy bᵀ`, `aᵀ dy`). Backends run
 * untransposed products far faster than transposed ones (on wasm, XNNPACK
 * takes only the untransposed case: measured 1.4 ms against 18 ms for
 * `[1248, 128] × [128, 128]`), and a transpose is a cheap copy; tfjs-core's
 * own gradient of `matMul` uses the transposed forms. Other backends handle
 * transposed operands at full speed, so there the extra copy is skipped.
 */
export const matMul2d = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
  const [a, b, save] = args as [Tensor2D, Tensor2D, GradSaveFunc];
  save([a, b]);
  return {
    value: matMul(a, b),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [x, y] = saved as [Tensor2D, Tensor2D];
      if (getBackend() !== 'wasm') return [matMul(dy as Tensor2D, y, false, true), matMul(x, dy as Tensor2D, true, false)];
      return [matMul(dy as Tensor2D, transpose(y)), matMul(transpose(x), dy as Tensor2D)];
    },
  };
}) as (a: Tensor2D, b: Tensor2D) => Tensor2D;
