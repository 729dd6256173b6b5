import { customGrad, tensor, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { acquireExchange, backwardMayFollow, exchangeLayout, releaseExchange } from '../wasm-kernels/exchange-buffers.js';
import type { JobArray, KernelJob } from '../wasm-kernels/kernel-runner.js';
import { kernelThreads } from '../wasm-kernels/kernel-threads.js';

/** What {@link plasticKernelScan} runs over. */
export interface KernelScanInputs {
  /** The queries of every step: `[B, L, H]`. */
  readonly queries: Tensor3D;
  /** The key of every write (normalised for the delta rule): `[B, N, H]`. */
  readonly keys: Tensor3D;
  /** The value of every write (gated where the layer gates): `[B, N, H]`. */
  readonly values: Tensor3D;
  /**
   * The delta rule, where each write adds `η_n (v_n − D k_n) k_nᵀ` (`D = ρ ⊙ W`): the strengths
   * η `[B, N]` by which the stored value `D k_n` is scaled (`values` come already scaled),
   * `undefined` for η = 1. Absent: the Hebbian rule, `v_n k_nᵀ`.
   */
  readonly delta?: { readonly strengths: Tensor2D | undefined };
  /** The fast weights before the first step: `[B, H, H]`, any values. */
  readonly initial: Tensor3D;
  /** Retention per row `[H]`; `undefined` without decay (ρ = 1). */
  readonly rho: Tensor1D | undefined;
}


/**
 * The plastic recurrence over a chunk as one differentiable op, run by the
 * WebAssembly kernel (plastic-kernel.c) on the kernel's threads: the reads
 * `W_t q_t` of every step (before the layer's relu), with the writes of
 * `writeSteps` (step of each write, non-decreasing) applied by the Hebbian or
 * the delta rule and renormalised.
 * Returns `[B, L, H]`, or with `withState` `[B, L + H, H]`: the reads, then the
 * fast weights after the last step. `segmentSteps` overrides the length of
 * the backward pass's recomputed segments (tests use it to cover checkpoints).
 */
export function plasticKernelScan(inputs: KernelScanInputs, writeSteps: Int32Array, withState: boolean, segmentSteps?: number): Tensor3D {
  const [B, L, H] = inputs.queries.shape;
  const N = writeSteps.length;
  const threads = kernelThreads();
  // The forward pass keeps the state every K steps for each of the B sequences, the backward pass
  // holds K states per thread: K = √(B L / threads) keeps the two about equal, so memory grows as
  // √L rather than L (the speed barely depends on K, measured from 4 to 99 steps at L 99).
  const K = Math.max(1, Math.min(L, segmentSteps ?? Math.ceil(Math.sqrt((B * L) / threads.count))));
  const decay = inputs.rho !== undefined;
  const delta = inputs.delta !== undefined;
  const strengths = inputs.delta?.strengths;
  const { arrays, floats } = layout({ B, L, H, N, K }, { decay, delta, strengths: strengths !== undefined }, withState);
  const recording = backwardMayFollow();
  const names = ['q', 'keys', 'values', 'w0', ...(decay ? ['rho' as const] : []), ...(strengths ? ['strengths' as const] : [])] as const;
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const tensors = args.slice(0, names.length) as Tensor[];
    // One buffer for the whole op, forward and backward, handed back for reuse once the backward
    // pass is done (the pages of the backward's arrays are only touched if a gradient is taken).
    const exchange = acquireExchange(4 * floats, threads.count > 1);
    const data = new Float32Array(exchange, 0, floats);
    new Int32Array(exchange, 4 * arrays.first.offset, L + 1).set(writeStarts(writeSteps, L));
    names.forEach((name, i) => data.set(tensors[i]!.dataSync() as Float32Array, arrays[name]!.offset));
    const scalars = [H, L, N, K, delta ? 1 : 0];
    const inputs = [arrays.first, arrays.q, arrays.keys, arrays.values, arrays.strengths, arrays.w0, arrays.rho];
    const outputs = [arrays.y, arrays.final, arrays.checkpoints, arrays.s, arrays.dots];
    const forward: KernelJob = { entry: 'plastic_forward', scalars, inputs, outputs, scratchFloats: H * H + H, begin: 0, end: B };
    threads.run(forward, exchange);
    const value = withState ? interleave(data, arrays.y, arrays.final!, B) : data.slice(arrays.y.offset, arrays.y.offset + arrays.y.length);
    if (!recording) releaseExchange(exchange);
    return {
      value: tensor(value, [B, L + (withState ? H : 0), H]) as Tensor3D,
      gradFunc: (dy: Tensor) => {
        const gradient = dy.dataSync() as Float32Array;
        const hasFinal = withState && split(gradient, data, arrays.dy, arrays.dfinal!, B);
        if (!withState) data.set(gradient, arrays.dy.offset);
        threads.run(
          {
            entry: 'plastic_backward',
            scalars,
            inputs: [...inputs, arrays.y, arrays.checkpoints, arrays.s, arrays.dots, arrays.dy, hasFinal ? arrays.dfinal : undefined],
            outputs: [arrays.dq, arrays.dkeys, arrays.dvalues, arrays.dw0, arrays.drho, arrays.dstrengths],
            scratchFloats: K * (H * H + H + 1) + H * H + 2 * H,
            begin: 0,
            end: B,
          },
          exchange,
        );
        const read = (array: JobArray, shape: number[]) => tensor(data.slice(array.offset, array.offset + array.length), shape);
        const grads = [read(arrays.dq, [B, L, H]), read(arrays.dkeys, [B, N, H]), read(arrays.dvalues, [B, N, H]), read(arrays.dw0, [B, H, H])];
        if (decay) grads.push(tensor(sumOverBatch(data, arrays.drho!, B, H), [H]));
        if (strengths) grads.push(read(arrays.dstrengths!, [B, N]));
        releaseExchange(exchange);
        return grads;
      },
    };
  });
  const args = [inputs.queries, inputs.keys, inputs.values, inputs.initial, ...(inputs.rho ? [inputs.rho] : []), ...(strengths ? [strengths] : [])];
  return op(...args) as Tensor3D;
}

/** Which optional arrays a job has: ρ (decay), the delta rule's dots, its strengths. */
interface Variant {
  readonly decay: boolean;
  readonly delta: boolean;
  readonly strengths: boolean;
}

/** Where each array of a job lies in the exchange buffer, in floats. */
function layout({ B, L, H, N, K }: { B: number; L: number; H: number; N: number; K: number }, { decay, delta, strengths }: Variant, withState: boolean) {
  const checkpoints = Math.floor((L - 1) / K);
  const { place, floats } = exchangeLayout(B);
  const arrays = {
    first: place(L + 1, true),
    rho: decay ? place(H, true) : undefined,
    q: place(L * H),
    keys: place(N * H),
    values: place(N * H),
    strengths: strengths ? place(N) : undefined,
    w0: place(H * H),
    y: place(L * H),
    final: withState ? place(H * H) : undefined,
    checkpoints: place(checkpoints * (H * H + H)),
    /** The signed inverse row norms of every write step, recorded by the forward pass for the backward pass. */
    s: place(L * H),
    /** The delta rule's dots `W_{t-1,i} · k_n` of every write, recorded by the forward pass for the backward pass. */
    dots: delta ? place(N * H) : undefined,
    dy: place(L * H),
    dfinal: withState ? place(H * H) : undefined,
    dq: place(L * H),
    dkeys: place(N * H),
    dvalues: place(N * H),
    dw0: place(H * H),
    drho: decay ? place(H) : undefined,
    dstrengths: strengths ? place(N) : undefined,
  };
  return { arrays, floats: floats() };
}

/** Index of the first write of each step, and one past the last: `[L + 1]`. */
function writeStarts(writeSteps: Int32Array, length: number): Int32Array {
  const starts = new Int32Array(length + 1);
  let n = 0;
  for (let t = 0; t <= length; t++) {
    while (n < writeSteps.length && writeSteps[n]! < t) n++;
    starts[t] = n;
  }
  return starts;
}

/** `[reads; final]` per sequence, `[B, L + H, H]`. */
function interleave(data: Float32Array, reads: JobArray, final: JobArray, B: number): Float32Array {
  const out = new Float32Array(reads.length + final.length);
  const rows = reads.perSequence + final.perSequence;
  for (let b = 0; b < B; b++) {
    out.set(data.subarray(reads.offset + b * reads.perSequence, reads.offset + (b + 1) * reads.perSequence), b * rows);
    out.set(data.subarray(final.offset + b * final.perSequence, final.offset + (b + 1) * final.perSequence), b * rows + reads.perSequence);
  }
  return out;
}

/** Splits `[B, L + H, H]` gradients into those of the reads and of the final weights; false when the latter are all zero. */
function split(gradient: Float32Array, data: Float32Array, dy: JobArray, dfinal: JobArray, B: number): boolean {
  const rows = dy.perSequence + dfinal.perSequence;
  let nonZero = false;
  for (let b = 0; b < B; b++) {
    data.set(gradient.subarray(b * rows, b * rows + dy.perSequence), dy.offset + b * dy.perSequence);
    const final = gradient.subarray(b * rows + dy.perSequence, (b + 1) * rows);
    data.set(final, dfinal.offset + b * dfinal.perSequence);
    nonZero ||= final.some((value) => value !== 0);
  }
  return nonZero;
}

/** The per-sequence gradients of ρ summed over the batch, in sequence order (so the sum does not depend on the threads). */
function sumOverBatch(data: Float32Array, drho: JobArray, B: number, H: number): Float32Array {
  const sum = new Float32Array(H);
  for (let b = 0; b < B; b++) for (let i = 0; i < H; i++) sum[i]! += data[drho.offset + b * H + i]!;
  return sum;
}
