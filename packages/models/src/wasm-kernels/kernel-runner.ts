/**
 * One thread's share of a kernel job: copies its sequences' arrays from the
 * exchange buffer into its own instance of the WebAssembly module, calls the
 * job's exported function (plastic-kernel.c, recurrent-kernel.c), and copies the
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

/**
 * A kernel job: one call of the exported function `entry` over sequences
 * `[begin, end)`, as `entry(count, ...scalars, ...inputs, ...outputs, scratch)`:
 * each array a pointer into the instance's memory (0 for an absent one), the
 * inputs copied in, the outputs copied out, then `scratchFloats` of scratch space.
 */
export interface KernelJob {
  readonly entry: string;
  readonly scalars: readonly number[];
  readonly inputs: readonly (JobArray | undefined)[];
  readonly outputs: readonly (JobArray | undefined)[];
  readonly scratchFloats: number;
  readonly begin: number;
  readonly end: number;
}

/** Runs jobs on one instance of the kernel module. */
export type KernelRunner = (job: KernelJob, exchange: ArrayBufferLike) => void;

/** A compiled WebAssembly module (opaque here). */
export type WasmModule = object;

/**
 * The parts of the WebAssembly JavaScript API the kernels use (the project's
 * TypeScript settings declare no DOM, and @types/node does not declare them).
 */
export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
  compile(bytes: Uint8Array): Promise<WasmModule>;
}

/** Exports of the kernel module: its memory, and one function per pass of each kernel. */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly __heap_base: { readonly value: number };
  readonly [entry: string]: unknown;
}

/** A runner over a new instance of `module` (the compiled kernels). */
export function createKernelRunner(module: WasmModule): KernelRunner {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const kernel = new wasm.Instance(module, {}).exports as KernelExports;
  const heapBase = kernel.__heap_base.value;
  // A few sequences per call of the kernel, so that the instance's memory holds a few sequences' arrays, not a whole share's.
  const sequencesPerCall = 4;
  const runRange = (job: KernelJob, exchange: ArrayBufferLike, begin: number, end: number) => {
    const count = end - begin;
    const source = new Float32Array(exchange);
    // Lay the instance's memory out: the arrays the call reads or writes, 16-byte aligned, then its scratch space.
    const arrays = [...job.inputs, ...job.outputs];
    let top = Math.ceil(heapBase / 16) * 16;
    const at = arrays.map((array) => {
      if (!array) return 0;
      const address = top;
      top += Math.ceil((4 * (array.perSequence === 0 ? array.length : array.perSequence * count)) / 16) * 16;
      return address;
    });
    const scratch = top;
    const needed = scratch + 4 * job.scratchFloats;
    const memory = kernel.memory;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
    const heap = new Float32Array(memory.buffer);
    const slice = (array: JobArray) =>
      array.perSequence === 0 ? [array.offset, array.offset + array.length] : [array.offset + begin * array.perSequence, array.offset + end * array.perSequence];
    job.inputs.forEach((array, i) => {
      if (!array) return;
      const [from, to] = slice(array) as [number, number];
      heap.set(source.subarray(from, to), at[i]! / 4);
    });
    (kernel[job.entry] as (...args: number[]) => void)(count, ...job.scalars, ...at, scratch);
    job.outputs.forEach((array, o) => {
      if (!array) return;
      const [from, to] = slice(array) as [number, number];
      const address = at[job.inputs.length + o]! / 4;
      source.set(heap.subarray(address, address + (to - from)), from);
    });
  };
  return (job, exchange) => {
    for (let begin = job.begin; begin < job.end; begin += sequencesPerCall) runRange(job, exchange, begin, Math.min(job.end, begin + sequencesPerCall));
  };
}
