import { customGrad, tensor, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor3D } from '@tensorflow/tfjs-core';
import type { JobArray, JobArrays, KernelJob } from './kernel-runner.js';
import { kernelThreads } from './kernel-threads.js';

/** What {@link plasticKernelScan} runs over. */
export interface KernelScanInputs {
  /** The queries of every step: `[B, L, H]`. */
  readonly queries: Tensor3D;
  /** The key of every write: `[B, N, H]`. */
  readonly keys: Tensor3D;
  /** The value of every write (gated where the layer gates): `[B, N, H]`. */
  readonly values: Tensor3D;
  /** The fast weights before the first step: `[B, H, H]`, any values. */
  readonly initial: Tensor3D;
  /** Retention per row `[H]`; `undefined` without decay (ρ = 1). */
  readonly rho: Tensor1D | undefined;
}


/**
 * The plastic recurrence over a chunk as one differentiable op, run by the
 * WebAssembly kernel (plastic-kernel.c) on the kernel's threads: the reads
 * `W_t q_t` of every step (before the layer's relu), with the writes of
 * `writeSteps` (step of each write, non-decreasing) applied and renormalised.
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
  const { arrays, floats } = layout({ B, L, H, N, K }, decay, withState);
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const tensors = args.slice(0, decay ? 5 : 4) as Tensor[];
    // One buffer for the whole op, forward and backward, handed back for reuse once the backward
    // pass is done (the pages of the backward's arrays are only touched if a gradient is taken).
    const exchange = acquireExchange(4 * floats, threads.count > 1);
    const data = new Float32Array(exchange, 0, floats);
    new Int32Array(exchange, 4 * arrays.first.offset, L + 1).set(writeStarts(writeSteps, L));
    (['q', 'keys', 'values', 'w0', 'rho'] as const).forEach((name, i) => {
      if (tensors[i]) data.set(tensors[i]!.dataSync() as Float32Array, arrays[name]!.offset);
    });
    const job: KernelJob = { pass: 'forward', H, L, N, K, begin: 0, end: B, arrays };
    threads.run(job, exchange);
    const value = withState ? interleave(data, arrays.y, arrays.final!, B) : data.slice(arrays.y.offset, arrays.y.offset + arrays.y.length);
    return {
      value: tensor(value, [B, L + (withState ? H : 0), H]) as Tensor3D,
      gradFunc: (dy: Tensor) => {
        const gradient = dy.dataSync() as Float32Array;
        const hasFinal = withState && split(gradient, data, arrays.dy, arrays.dfinal!, B);
        if (!withState) data.set(gradient, arrays.dy.offset);
        threads.run({ ...job, pass: 'backward', arrays: hasFinal ? arrays : { ...arrays, dfinal: undefined } }, exchange);
        const read = (array: JobArray, shape: number[]) => tensor(data.slice(array.offset, array.offset + array.length), shape);
        const grads = [read(arrays.dq, [B, L, H]), read(arrays.dkeys, [B, N, H]), read(arrays.dvalues, [B, N, H]), read(arrays.dw0, [B, H, H])];
        if (decay) grads.push(tensor(sumOverBatch(data, arrays.drho!, B, H), [H]));
        releaseExchange(exchange);
        return grads;
      },
    };
  });
  const args = [inputs.queries, inputs.keys, inputs.values, inputs.initial, ...(inputs.rho ? [inputs.rho] : [])];
  return op(...args) as Tensor3D;
}

/** Exchange buffers free for reuse: allocating (and zeroing) tens of megabytes per training step costs more than the kernel's copies. */
const freeExchanges: ArrayBufferLike[] = [];
const MAX_FREE_EXCHANGES = 2;

/** A buffer of at least `bytes`, shared when worker threads will read it. Its contents are stale: every array a pass reads is written first. */
function acquireExchange(bytes: number, shared: boolean): ArrayBufferLike {
  const index = freeExchanges.findIndex((buffer) => buffer.byteLength >= bytes && (buffer instanceof ArrayBuffer) !== shared);
  if (index >= 0) return freeExchanges.splice(index, 1)[0]!;
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

function releaseExchange(buffer: ArrayBufferLike): void {
  freeExchanges.push(buffer);
  if (freeExchanges.length > MAX_FREE_EXCHANGES) freeExchanges.shift();
}

/** Where each array of a job lies in the exchange buffer, in floats. */
function layout({ B, L, H, N, K }: { B: number; L: number; H: number; N: number; K: number }, decay: boolean, withState: boolean) {
  const checkpoints = Math.floor((L - 1) / K);
  let floats = 0;
  const array = (perSequence: number, shared = false): JobArray => {
    const length = shared ? perSequence : perSequence * B;
    const placed = { offset: floats, perSequence: shared ? 0 : perSequence, length };
    floats += length;
    return placed;
  };
  const arrays: JobArrays = {
    first: array(L + 1, true),
    rho: decay ? array(H, true) : undefined,
    q: array(L * H),
    keys: array(N * H),
    values: array(N * H),
    w0: array(H * H),
    y: array(L * H),
    final: withState ? array(H * H) : undefined,
    checkpoints: array(checkpoints * (H * H + H)),
    s: array(L * H),
    dy: array(L * H),
    dfinal: withState ? array(H * H) : undefined,
    dq: array(L * H),
    dkeys: array(N * H),
    dvalues: array(N * H),
    dw0: array(H * H),
    drho: decay ? array(H) : undefined,
  };
  return { arrays, floats };
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
