import { customGrad, matMul, ones, reshape, tensor, transpose, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { acquireExchange, exchangeLayout, releaseExchange } from '../wasm-kernels/exchange-buffers.js';
import type { JobArray } from '../wasm-kernels/kernel-runner.js';
import { kernelThreads } from '../wasm-kernels/kernel-threads.js';

/** What {@link rnnKernelScan} runs over. */
export interface RnnScanInputs {
  /** `x_t W_ih + b_ih` for every step: `[B, L, H]`. */
  readonly inputGates: Tensor3D;
  /** The recurrent weights `W_hh`, `[H, H]` (row i: input i). */
  readonly hiddenKernel: Tensor2D;
  /** The recurrent bias `b_hh`, `[H]`. */
  readonly hiddenBias: Tensor1D;
  /** The hidden state before the first step: `[B, H]`, any values. */
  readonly initial: Tensor2D;
}

/**
 * The Elman recurrence `h_t = tanh(x_t + h_{t-1} W_hh + b_hh)` over a chunk as
 * one differentiable op: every `h_t`, `[B, L, H]`. The WebAssembly kernel
 * (rnn-kernel.c) runs the recurrence forward and backward on the kernels'
 * threads; the weight gradients are then two products over the whole batch,
 * `dW_hh = Σ h_{t-1}ᵀ dz_t` and `db_hh = Σ dz_t`, so they do not depend on the
 * number of threads.
 */
export function rnnKernelScan({ inputGates, hiddenKernel, hiddenBias, initial }: RnnScanInputs): Tensor3D {
  const [B, L, H] = inputGates.shape;
  const threads = kernelThreads();
  const { arrays, floats } = layout(B, L, H);
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const [x, w, b, h0] = args as Tensor[] as [Tensor, Tensor, Tensor, Tensor];
    // One buffer for the whole op, forward and backward, handed back for reuse once the backward pass is done.
    const exchange = acquireExchange(4 * floats, threads.count > 1);
    const data = new Float32Array(exchange, 0, floats);
    data.set(x.dataSync() as Float32Array, arrays.x.offset);
    data.set(h0.dataSync() as Float32Array, arrays.h0.offset);
    data.set(w.dataSync() as Float32Array, arrays.w.offset);
    data.set(b.dataSync() as Float32Array, arrays.b.offset);
    const scalars = [H, L];
    threads.run({ entry: 'rnn_forward', scalars, inputs: [arrays.x, arrays.h0, arrays.w, arrays.b], outputs: [arrays.y], scratchFloats: 0, begin: 0, end: B }, exchange);
    return {
      value: tensor(read(data, arrays.y), [B, L, H]) as Tensor3D,
      gradFunc: (dy: Tensor) => {
        data.set(dy.dataSync() as Float32Array, arrays.dy.offset);
        threads.run({ entry: 'rnn_backward', scalars, inputs: [arrays.w, arrays.y, arrays.dy], outputs: [arrays.dz, arrays.dh0], scratchFloats: H * H + H, begin: 0, end: B }, exchange);
        const dz = tensor(read(data, arrays.dz), [B * L, H]) as Tensor2D;
        const previous = tensor(previousStates(data, arrays.h0, arrays.y, B, L, H), [B * L, H]) as Tensor2D;
        // Explicit transposes: the wasm backend's XNNPACK multiplies only untransposed operands at full speed.
        const grads = [reshape(dz, [B, L, H]), matMul(transpose(previous), dz), reshape(matMul(ones([1, B * L]), dz), [H]), tensor(read(data, arrays.dh0), [B, H])];
        releaseExchange(exchange);
        return grads;
      },
    };
  });
  return op(inputGates, hiddenKernel, hiddenBias, initial) as Tensor3D;
}

/** Where each array of the op lies in the exchange buffer, in floats. */
function layout(B: number, L: number, H: number) {
  const { place, floats } = exchangeLayout(B);
  const arrays = {
    w: place(H * H, true),
    b: place(H, true),
    x: place(L * H),
    h0: place(H),
    y: place(L * H),
    dy: place(L * H),
    dz: place(L * H),
    dh0: place(H),
  };
  return { arrays, floats: floats() };
}

function read(data: Float32Array, array: JobArray): Float32Array {
  return data.slice(array.offset, array.offset + array.length);
}

/** `h_{t-1}` of every step, `[B·L, H]`: each sequence's `h0`, then its `h_t` but the last. */
function previousStates(data: Float32Array, h0: JobArray, y: JobArray, B: number, L: number, H: number): Float32Array {
  const out = new Float32Array(B * L * H);
  for (let b = 0; b < B; b++) {
    out.set(data.subarray(h0.offset + b * H, h0.offset + (b + 1) * H), b * L * H);
    out.set(data.subarray(y.offset + b * L * H, y.offset + (b * L + L - 1) * H), b * L * H + H);
  }
  return out;
}
