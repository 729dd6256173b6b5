import { ModelError } from '../errors.js';
import { createKernelRunner, type KernelJob, type WasmApi, type WasmModule } from './kernel-runner.js';
import { KERNELS_WASM } from './kernels-binary.js';

/**
 * The threads of the WebAssembly kernels (plastic, RNN, GRU and LSTM, one
 * module): the calling thread plus, in Node, worker threads, each with its own
 * instance of the module. A job's sequences are split into contiguous ranges,
 * one per thread; every sequence is computed by the same code whichever thread
 * runs it, so results do not depend on the number of threads. The calling
 * thread blocks (`Atomics.wait`) until the workers are done, so a kernel stays
 * a synchronous function, as a tfjs op
 * must be.
 */
export interface KernelThreads {
  /** Threads that share each job (1: the calling thread alone). */
  readonly count: number;
  /** Runs `job` over its sequences, split across the threads; `exchange` must be shared when `count > 1`. */
  run(job: KernelJob, exchange: ArrayBufferLike): void;
}

/** A worker's handle: its thread, and the flag it raises when a job is done (1) or failed (2). */
interface Worker {
  readonly thread: { postMessage(message: unknown): void; unref(): void; terminate(): Promise<number> };
  readonly done: Int32Array;
}

/** Longest wait for a worker's share of a job before giving up (a worker that died never answers). */
const WORKER_TIMEOUT_MS = 600_000;

let compiled: WasmModule | undefined;
let pool: { threads: KernelThreads; workers: Worker[] } | undefined;
let requestedThreads: number | undefined;

/** The compiled module of the kernels (compiled once, synchronously: Node allows it for any size). */
export function kernelModule(): WasmModule {
  compiled ??= new (webAssembly()!.Module)(decodeBase64(KERNELS_WASM));
  return compiled;
}

/** What {@link loadWasmKernels} reports. */
export interface WasmKernelInfo {
  /** Threads that share each call of a kernel. */
  readonly threads: number;
}

/**
 * Compiles the WebAssembly kernels (plastic, RNN, GRU, LSTM) and starts their threads.
 * Node compiles them on first use anyway; a browser must call this first
 * (browsers compile modules over 4 KB only asynchronously on the main thread),
 * or `PlasticLayer` and the RNN, GRU and LSTM networks run their `reference` implementations.
 *
 * @example
 * ```ts
 * const { threads } = await loadWasmKernels(); // 2 in Node on two cores, 1 in a browser
 * ```
 */
export async function loadWasmKernels(): Promise<WasmKernelInfo> {
  compiled ??= await webAssembly()!.compile(decodeBase64(KERNELS_WASM));
  return { threads: kernelThreads().count };
}

/** Whether the kernels' module is compiled, or can be compiled synchronously here. */
export function kernelAvailable(): boolean {
  if (compiled) return true;
  if (!webAssembly() || !isNode()) return false;
  try {
    kernelModule();
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets how many threads the WebAssembly kernels use from now on: `undefined`
 * (the default) is `min(2, available parallelism)` in Node and 1 elsewhere.
 * Results do not depend on it. Lower it when several training processes share
 * a machine; worker threads need Node ≥ 20.16, elsewhere only 1 is accepted.
 *
 * @example
 * ```ts
 * setWasmKernelThreads(1); // one core per process, for two processes side by side
 * ```
 */
export function setWasmKernelThreads(threads: number | undefined): void {
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
    throw new ModelError('kernel threads', threads, 'an integer in [1, 64], or undefined for the default');
  }
  if (threads !== undefined && threads > 1 && !builtinModule('node:worker_threads')) {
    throw new ModelError('kernel threads', threads, '1 here (worker threads need Node ≥ 20.16)');
  }
  requestedThreads = threads;
  if (pool) {
    for (const worker of pool.workers) void worker.thread.terminate();
    pool = undefined;
  }
}

/** The threads of the kernels, started on first use. */
export function kernelThreads(): KernelThreads {
  if (!pool) pool = startThreads(requestedThreads ?? defaultThreadCount());
  return pool.threads;
}

function defaultThreadCount(): number {
  const os = builtinModule<{ availableParallelism(): number }>('node:os');
  // Worker threads need the worker_threads module too: without it, the calling thread alone.
  if (!os || !builtinModule('node:worker_threads')) return 1;
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

function startThreads(count: number): { threads: KernelThreads; workers: Worker[] } {
  const module = kernelModule();
  const local = createKernelRunner(module);
  const workers = Array.from({ length: count - 1 }, () => startWorker(module));
  const threads: KernelThreads = {
    count,
    run(job, exchange) {
      const sequences = job.end - job.begin;
      const share = (t: number) => job.begin + Math.floor((sequences * t) / count);
      workers.forEach((worker, w) => {
        Atomics.store(worker.done, 0, 0);
        worker.thread.postMessage({ job: { ...job, begin: share(w + 1), end: share(w + 2) }, exchange });
      });
      local({ ...job, begin: share(0), end: share(1) }, exchange);
      for (const worker of workers) {
        if (Atomics.wait(worker.done, 0, 0, WORKER_TIMEOUT_MS) === 'timed-out') throw new ModelError('wasm kernel worker', 'no answer', `an answer within ${WORKER_TIMEOUT_MS / 1000} s`);
        if (Atomics.load(worker.done, 0) !== 1) throw new ModelError('wasm kernel worker', 'failed', 'a completed job (see the worker error printed above)');
      }
    },
  };
  return { threads, workers };
}

/**
 * The program of a worker thread: it builds its runner from the shipped
 * source text of {@link createKernelRunner}, runs each job it is sent, and
 * raises its flag.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const run = (${createKernelRunner.toString()})(workerData.module);
const done = new Int32Array(workerData.flag);
parentPort.on('message', ({ job, exchange }) => {
  let status = 1;
  try { run(job, exchange); } catch (error) { status = 2; console.error(error); }
  Atomics.store(done, 0, status);
  Atomics.notify(done, 0);
});
`;

function startWorker(module: WasmModule): Worker {
  const { Worker: NodeWorker } = builtinModule<{
    Worker: new (source: string, options: { eval: true; workerData: unknown }) => Worker['thread'];
  }>('node:worker_threads')!;
  const flag = new SharedArrayBuffer(4);
  const thread = new NodeWorker(WORKER_SOURCE, { eval: true, workerData: { module, flag } });
  // Idle workers must not keep the process alive.
  thread.unref();
  return { thread, done: new Int32Array(flag) };
}

function webAssembly(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function isNode(): boolean {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

/** A Node built-in module, where this Node can load one synchronously (`process.getBuiltinModule`, Node ≥ 20.16). */
function builtinModule<T>(id: string): T | undefined {
  const load = isNode() ? (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule : undefined;
  return load?.(id) as T | undefined;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
