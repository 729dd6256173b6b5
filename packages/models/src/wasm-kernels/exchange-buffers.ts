import { engine } from '@tensorflow/tfjs-core';
import type { JobArray } from './kernel-runner.js';

/** Exchange buffers free for reuse: allocating (and zeroing) tens of megabytes per training step costs more than the kernels' copies. */
const freeExchanges: ArrayBufferLike[] = [];
const MAX_FREE_EXCHANGES = 2;

/**
 * A buffer of at least `bytes` for a kernel op's arrays, forward and backward,
 * shared when worker threads will read it. Its contents are stale: every array
 * a pass reads is written first. Hand it back with {@link releaseExchange} once
 * the op's backward pass is done.
 */
export function acquireExchange(bytes: number, shared: boolean): ArrayBufferLike {
  const index = freeExchanges.findIndex((buffer) => buffer.byteLength >= bytes && (buffer instanceof ArrayBuffer) !== shared);
  if (index >= 0) return freeExchanges.splice(index, 1)[0]!;
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * Whether tfjs is recording gradients, so that the backward pass of an op about
 * to run may follow. Ask before the op runs (tfjs stops recording inside one).
 * When it is not, an op hands its buffer back right after its forward pass:
 * inference then reuses one buffer instead of leaving the garbage collector a
 * new one per call (RSS grew to 1.7 GB over a long evaluation before it ran).
 */
export function backwardMayFollow(): boolean {
  return engine().isTapeOn();
}

/** Hands a buffer from {@link acquireExchange} back for reuse. */
export function releaseExchange(buffer: ArrayBufferLike): void {
  freeExchanges.push(buffer);
  if (freeExchanges.length > MAX_FREE_EXCHANGES) freeExchanges.shift();
}

/**
 * Places a kernel op's arrays one after another in an exchange buffer for `B`
 * sequences: `place(perSequence)` gives an array of `perSequence` floats per
 * sequence, `place(length, true)` one copy shared by all; `floats()` is the total so far.
 */
export function exchangeLayout(B: number): { place(perSequence: number, shared?: boolean): JobArray; floats(): number } {
  let floats = 0;
  return {
    place(perSequence, shared = false) {
      const length = shared ? perSequence : perSequence * B;
      const placed = { offset: floats, perSequence: shared ? 0 : perSequence, length };
      floats += length;
      return placed;
    },
    floats: () => floats,
  };
}
