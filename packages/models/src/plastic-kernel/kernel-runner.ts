/**
 * One thread's share of a kernel job: copies its sequences' arrays from the
 * exchange buffer into its own instance of the WebAssembly module, runs
 * `plastic_forward` or `plastic_backward` (plastic-kernel.c), and copies the
 * results back. The exchange buffer is a `SharedArrayBuffer` when worker
 * threads take part, a plain `ArrayBuffer` otherwise.
 *
 * {@link createKernelRunner} must stay self-contained (no imports, no outer
 * names): worker threads receive it as source text (see kernel-threads.ts).
 */

/** An array of a job: its offset in floats in the exchange buffer, and its floats per sequence (0: one copy shared by all). */
export interface JobArray {
  readonly offset: number;
  readonly perSequence: number;
  readonly length: number;
}

/** The arrays of a job, by name; absent ones are not used. */
export interface JobArrays {
  readonly first: JobArray;
  readonly q: JobArray;
  readonly keys: JobArray;
  readonly values: JobArray;
  readonly w0: JobArray;
  readonly rho?: JobArray;
  readonly y: JobArray;
  readonly final?: JobArray;
  readonly checkpoints: JobArray;
  /** The signed inverse row norms of every write step, recorded by the forward pass for the backward pass. */
  readonly s: JobArray;
  readonly dy: JobArray;
  readonly dfinal?: JobArray;
  readonly dq: JobArray;
  readonly dkeys: JobArray;
  readonly dvalues: JobArray;
  readonly dw0: JobArray;
  readonly drho?: JobArray;
}

/** A kernel job: one pass over sequences `[begin, end)`. */
export interface KernelJob {
  readonly pass: 'forward' | 'backward';
  readonly H: number;
  readonly L: number;
  readonly N: number;
  /** Steps per segment of the backward pass's recomputation. */
  readonly K: number;
  readonly begin: number;
  readonly end: number;
  readonly arrays: JobArrays;
}

/** Runs jobs on one instance of the kernel module. */
export type KernelRunner = (job: KernelJob, exchange: ArrayBufferLike) => void;

/** A compiled WebAssembly module (opaque here). */
export type WasmModule = object;

/**
 * The parts of the WebAssembly JavaScript API the kernel uses (the project's
 * TypeScript settings declare no DOM, and @types/node does not declare them).
 */
export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
  compile(bytes: Uint8Array): Promise<WasmModule>;
}

/** Exports of plastic-kernel.c. */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly __heap_base: { readonly value: number };
  readonly plastic_forward: (...args: number[]) => void;
  readonly plastic_backward: (...args: number[]) => void;
}

/** A runner over a new instance of `module` (the compiled plastic-kernel.c). */
export function createKernelRunner(module: WasmModule): KernelRunner {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const kernel = new wasm.Instance(module, {}).exports as KernelExports;
  const heapBase = kernel.__heap_base.value;
  // A few sequences per call of the kernel, so that the instance's memory holds a few sequences' arrays, not a whole share's.
  const sequencesPerCall = 4;
  const runRange = (job: KernelJob, exchange: ArrayBufferLike, begin: number, end: number) => {
    const { H, L, N, K, arrays } = job;
    const count = end - begin;
    const source = new Float32Array(exchange);
    // Lay the instance's memory out: the arrays the pass reads or writes, then its scratch space.
    const inputs: Array<keyof JobArrays> =
      job.pass === 'forward' ? ['first', 'q', 'keys', 'values', 'w0', 'rho'] : ['first', 'q', 'keys', 'values', 'w0', 'rho', 'y', 'checkpoints', 's', 'dy', 'dfinal'];
    const outputs: Array<keyof JobArrays> = job.pass === 'forward' ? ['y', 'final', 'checkpoints', 's'] : ['dq', 'dkeys', 'dvalues', 'dw0', 'drho'];
    const scratchFloats = job.pass === 'forward' ? H * H + H : K * (H * H + H + 1) + H * H + 2 * H;
    const at: Partial<Record<keyof JobArrays, number>> = {};
    let end4 = Math.ceil(heapBase / 16) * 16;
    for (const name of [...inputs, ...outputs]) {
      const array = arrays[name];
      if (!array || at[name] !== undefined) continue;
      at[name] = end4;
      end4 += Math.ceil((4 * (array.perSequence === 0 ? array.length : array.perSequence * count)) / 16) * 16;
    }
    const scratch = end4;
    const needed = scratch + 4 * scratchFloats;
    const memory = kernel.memory;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
    const heap = new Float32Array(memory.buffer);
    const slice = (array: JobArray) =>
      array.perSequence === 0 ? [array.offset, array.offset + array.length] : [array.offset + begin * array.perSequence, array.offset + end * array.perSequence];
    for (const name of inputs) {
      const array = arrays[name];
      if (!array) continue;
      const [from, to] = slice(array) as [number, number];
      heap.set(source.subarray(from, to), at[name]! / 4);
    }
    const pointer = (name: keyof JobArrays) => (arrays[name] ? at[name]! : 0);
    if (job.pass === 'forward') {
      kernel.plastic_forward(count, H, L, N, K, pointer('first'), pointer('q'), pointer('keys'), pointer('values'), pointer('w0'), pointer('rho'), pointer('y'), pointer('final'), pointer('checkpoints'), pointer('s'), scratch);
    } else {
      kernel.plastic_backward(count, H, L, N, K, pointer('first'), pointer('q'), pointer('keys'), pointer('values'), pointer('w0'), pointer('rho'), pointer('y'), pointer('checkpoints'), pointer('s'), pointer('dy'), pointer('dfinal'), pointer('dq'), pointer('dkeys'), pointer('dvalues'), pointer('dw0'), pointer('drho'), scratch);
    }
    for (const name of outputs) {
      const array = arrays[name];
      if (!array) continue;
      const [from, to] = slice(array) as [number, number];
      source.set(heap.subarray(at[name]! / 4, at[name]! / 4 + (to - from)), from);
    }
  };
  return (job, exchange) => {
    for (let begin = job.begin; begin < job.end; begin += sequencesPerCall) runRange(job, exchange, begin, Math.min(job.end, begin + sequencesPerCall));
  };
}
