import { customGrad, matMul, ones, reshape, slice, tensor, transpose, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { ModelError } from '../errors.js';
import { acquireExchange, backwardMayFollow, exchangeLayout, releaseExchange } from '../wasm-kernels/exchange-buffers.js';
import type { JobArray } from '../wasm-kernels/kernel-runner.js';
import { kernelThreads } from '../wasm-kernels/kernel-threads.js';

/**
 * The cells recurrent-kernel.c implements: their state vectors (the hidden vector, and the LSTM's
 * cell), the floats per step and per `H` their forward pass saves for the backward pass, and whether
 * the gradients of the input and the recurrent gates differ.
 */
const CELLS: Record<RecurrentKernelCell, { states: 1 | 2; saved: number; separateHiddenGradient: boolean }> = {
  rnn: { states: 1, saved: 0, separateHiddenGradient: false },
  gru: { states: 1, saved: 4, separateHiddenGradient: true },
  lstm: { states: 2, saved: 6, separateHiddenGradient: false },
};

/**
 * A recurrent cell with a WebAssembly kernel: `rnn` (`RNNGraphNetwork`), `gru` (`GRUGraphNetwork`),
 * `lstm` (`LSTMGraphNetwork`).
 *
 * @example
 * ```ts
 * const cell: RecurrentKernelCell = 'lstm';
 * ```
 */
export type RecurrentKernelCell = 'rnn' | 'gru' | 'lstm';

/** What {@link recurrentKernelScan} runs over. */
export interface RecurrentScanInputs {
  /** `x_t W_ih + b_ih` for every step: `[B, L, G·H]`. */
  readonly inputGates: Tensor3D;
  /** The recurrent weights `W_hh`, `[H, G·H]` (row i: input i). */
  readonly hiddenKernel: Tensor2D;
  /** The recurrent bias `b_hh`, `[G·H]`. */
  readonly hiddenBias: Tensor1D;
  /** The state before the first step, `[B, H]` each, any values: the hidden vector, then for the LSTM its cell. */
  readonly initial: readonly Tensor2D[];
}

/** What {@link recurrentKernelScan} returns. */
export interface RecurrentScanOutputs {
  /** Every `h_t`, `[B, L, H]`. */
  readonly hidden: Tensor3D;
  /** The state after the last step, as `initial`. */
  readonly final: Tensor2D[];
}

/**
 * The recurrence of `cell` over a chunk as one differentiable op. The
 * WebAssembly kernel (recurrent-kernel.c) runs the recurrence forward and
 * backward on the kernels' threads; the weight gradients are then two products
 * over the whole batch, `dW_hh = Σ h_{t-1}ᵀ dg_t` and `db_hh = Σ dg_t`, so they
 * do not depend on the number of threads. The op's one output is every `h_t`,
 * followed for the LSTM by the cell after the last step (`[B, L + 1, H]`), so
 * that a gradient reaching the final cell flows back through the recurrence.
 */
export function recurrentKernelScan(cell: RecurrentKernelCell, { inputGates, hiddenKernel, hiddenBias, initial }: RecurrentScanInputs): RecurrentScanOutputs {
  const [B, L, GH] = inputGates.shape;
  const H = hiddenKernel.shape[0];
  const { states, saved, separateHiddenGradient } = CELLS[cell];
  if (initial.length !== states) throw new ModelError('initial state vectors', initial.length, `${states} for the ${cell} cell`);
  const threads = kernelThreads();
  const { arrays, floats } = layout(B, L, H, GH, states, saved * H, separateHiddenGradient);
  const recording = backwardMayFollow();
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    // The tensors of the call (customGrad appends a save function).
    const [x, w, b, h0, c0] = args.slice(0, 3 + states) as Tensor[] as [Tensor, Tensor, Tensor, Tensor, Tensor | undefined];
    // One buffer for the whole op, forward and backward, handed back for reuse once the backward pass is done.
    const exchange = acquireExchange(4 * floats, threads.count > 1);
    const data = new Float32Array(exchange, 0, floats);
    data.set(x.dataSync() as Float32Array, arrays.x.offset);
    data.set(h0.dataSync() as Float32Array, arrays.h0.offset);
    if (c0) data.set(c0.dataSync() as Float32Array, arrays.c0!.offset);
    data.set(w.dataSync() as Float32Array, arrays.w.offset);
    data.set(b.dataSync() as Float32Array, arrays.b.offset);
    const scalars = [H, L];
    const forward = { inputs: [arrays.x, arrays.h0, arrays.c0, arrays.w, arrays.b], outputs: [arrays.y, arrays.saved], scratchFloats: GH };
    threads.run({ entry: `${cell}_forward`, scalars, ...forward, begin: 0, end: B }, exchange);
    const value = tensor(read(data, arrays.y), [B, L + states - 1, H]) as Tensor3D;
    if (!recording) releaseExchange(exchange);
    return {
      value,
      gradFunc: (dy: Tensor) => {
        data.set(dy.dataSync() as Float32Array, arrays.dy.offset);
        const backward = { inputs: [arrays.w, arrays.h0, arrays.y, arrays.saved, arrays.dy], outputs: [arrays.dx, arrays.dg, arrays.dh0, arrays.dc0], scratchFloats: GH * H + H };
        threads.run({ entry: `${cell}_backward`, scalars, ...backward, begin: 0, end: B }, exchange);
        const dx = tensor(read(data, arrays.dx), [B * L, GH]) as Tensor2D;
        const dg = arrays.dg ? (tensor(read(data, arrays.dg), [B * L, GH]) as Tensor2D) : dx;
        const previous = tensor(previousStates(data, arrays.h0, arrays.y, B, L, H), [B * L, H]) as Tensor2D;
        // Explicit transposes: the wasm backend's XNNPACK multiplies only untransposed operands at full speed.
        const grads = [reshape(dx, [B, L, GH]), matMul(transpose(previous), dg), reshape(matMul(ones([1, B * L]), dg), [GH]), tensor(read(data, arrays.dh0), [B, H])];
        if (arrays.dc0) grads.push(tensor(read(data, arrays.dc0), [B, H]));
        releaseExchange(exchange);
        return grads;
      },
    };
  });
  const output = op(inputGates, hiddenKernel, hiddenBias, ...initial) as Tensor3D;
  if (states === 1) return { hidden: output, final: [lastRow(output, L - 1)] };
  return { hidden: slice(output, [0, 0, 0], [B, L, H]), final: [lastRow(output, L - 1), lastRow(output, L)] };
}

/** Row `t` of every sequence of `[B, rows, H]`, as `[B, H]`. */
function lastRow(x: Tensor3D, t: number): Tensor2D {
  const [B, , H] = x.shape;
  return reshape(slice(x, [0, t, 0], [B, 1, H]), [B, H]);
}

/** Where each array of the op lies in the exchange buffer, in floats. */
function layout(B: number, L: number, H: number, GH: number, states: number, savedPerStep: number, separateHiddenGradient: boolean) {
  const { place, floats } = exchangeLayout(B);
  const arrays = {
    w: place(H * GH, true),
    b: place(GH, true),
    x: place(L * GH),
    h0: place(H),
    c0: states > 1 ? place(H) : undefined,
    /** Every h_t, then the state vectors after the last step that are not h_{L-1} (the LSTM's cell). */
    y: place((L + states - 1) * H),
    saved: savedPerStep > 0 ? place(L * savedPerStep) : undefined,
    dy: place((L + states - 1) * H),
    dx: place(L * GH),
    dg: separateHiddenGradient ? place(L * GH) : undefined,
    dh0: place(H),
    dc0: states > 1 ? place(H) : undefined,
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
    out.set(data.subarray(y.offset + b * y.perSequence, y.offset + b * y.perSequence + (L - 1) * H), b * L * H + H);
  }
  return out;
}
