import { customGrad, matMul, ones, reshape, tensor, transpose, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { acquireExchange, backwardMayFollow, exchangeLayout, releaseExchange } from '../wasm-kernels/exchange-buffers.js';
import type { JobArray } from '../wasm-kernels/kernel-runner.js';
import { kernelThreads } from '../wasm-kernels/kernel-threads.js';

/** The cells recurrent-kernel.c implements: the floats per step and per `H` their forward pass saves for the backward pass, and whether the gradients of the input and the recurrent gates differ. */
const CELLS: Record<RecurrentKernelCell, { saved: number; separateHiddenGradient: boolean }> = {
  rnn: { saved: 0, separateHiddenGradient: false },
  gru: { saved: 4, separateHiddenGradient: true },
};

/**
 * A recurrent cell with a WebAssembly kernel: `rnn` (`RNNGraphNetwork`), `gru` (`GRUGraphNetwork`).
 *
 * @example
 * ```ts
 * const cell: RecurrentKernelCell = 'gru';
 * ```
 */
export type RecurrentKernelCell = 'rnn' | 'gru';

/** What {@link recurrentKernelScan} runs over. */
export interface RecurrentScanInputs {
  /** `x_t W_ih + b_ih` for every step: `[B, L, G·H]`. */
  readonly inputGates: Tensor3D;
  /** The recurrent weights `W_hh`, `[H, G·H]` (row i: input i). */
  readonly hiddenKernel: Tensor2D;
  /** The recurrent bias `b_hh`, `[G·H]`. */
  readonly hiddenBias: Tensor1D;
  /** The hidden state before the first step: `[B, H]`, any values. */
  readonly initial: Tensor2D;
}

/**
 * The recurrence of `cell` over a chunk as one differentiable op: every `h_t`,
 * `[B, L, H]`. The WebAssembly kernel (recurrent-kernel.c) runs the recurrence
 * forward and backward on the kernels' threads; the weight gradients are then
 * two products over the whole batch, `dW_hh = Σ h_{t-1}ᵀ dg_t` and
 * `db_hh = Σ dg_t`, so they do not depend on the number of threads.
 */
export function recurrentKernelScan(cell: RecurrentKernelCell, { inputGates, hiddenKernel, hiddenBias, initial }: RecurrentScanInputs): Tensor3D {
  const [B, L, GH] = inputGates.shape;
  const H = initial.shape[1];
  const { saved, separateHiddenGradient } = CELLS[cell];
  const threads = kernelThreads();
  const { arrays, floats } = layout(B, L, H, GH, saved * H, separateHiddenGradient);
  const recording = backwardMayFollow();
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
    const forward = { inputs: [arrays.x, arrays.h0, arrays.w, arrays.b], outputs: [arrays.y, arrays.saved], scratchFloats: GH };
    threads.run({ entry: `${cell}_forward`, scalars, ...forward, begin: 0, end: B }, exchange);
    const value = tensor(read(data, arrays.y), [B, L, H]) as Tensor3D;
    if (!recording) releaseExchange(exchange);
    return {
      value,
      gradFunc: (dy: Tensor) => {
        data.set(dy.dataSync() as Float32Array, arrays.dy.offset);
        const backward = { inputs: [arrays.w, arrays.h0, arrays.y, arrays.saved, arrays.dy], outputs: [arrays.dx, arrays.dg, arrays.dh0], scratchFloats: GH * H + H };
        threads.run({ entry: `${cell}_backward`, scalars, ...backward, begin: 0, end: B }, exchange);
        const dx = tensor(read(data, arrays.dx), [B * L, GH]) as Tensor2D;
        const dg = arrays.dg ? (tensor(read(data, arrays.dg), [B * L, GH]) as Tensor2D) : dx;
        const previous = tensor(previousStates(data, arrays.h0, arrays.y, B, L, H), [B * L, H]) as Tensor2D;
        // Explicit transposes: the wasm backend's XNNPACK multiplies only untransposed operands at full speed.
        const grads = [reshape(dx, [B, L, GH]), matMul(transpose(previous), dg), reshape(matMul(ones([1, B * L]), dg), [GH]), tensor(read(data, arrays.dh0), [B, H])];
        releaseExchange(exchange);
        return grads;
      },
    };
  });
  return op(inputGates, hiddenKernel, hiddenBias, initial) as Tensor3D;
}

/** Where each array of the op lies in the exchange buffer, in floats. */
function layout(B: number, L: number, H: number, GH: number, savedPerStep: number, separateHiddenGradient: boolean) {
  const { place, floats } = exchangeLayout(B);
  const arrays = {
    w: place(H * GH, true),
    b: place(GH, true),
    x: place(L * GH),
    h0: place(H),
    y: place(L * H),
    saved: savedPerStep > 0 ? place(L * savedPerStep) : undefined,
    dy: place(L * H),
    dx: place(L * GH),
    dg: separateHiddenGradient ? place(L * GH) : undefined,
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
