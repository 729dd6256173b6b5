import { shuffleInPlace, type RandomGenerator } from '@pg/graphs';
import { encodeSteps, type EncodedSteps } from './encode-steps.js';
import { requireInteger } from './validate.js';
import type { WalkSplit } from './walk-split.js';

/** Options of {@link batches}. */
export interface BatchOptions {
  /** Walks per batch, ≥ 1. */
  batchSize: number;
  /** Shuffles the order of the walks with this generator. Default: no shuffle, walks in storage order. */
  rng?: RandomGenerator;
  /** Leaves out a last batch smaller than `batchSize`. Default `false`. */
  dropLast?: boolean;
  /** Goes through only these walks of the split (e.g. a training or validation subset). Default: all. */
  indices?: ArrayLike<number>;
}

/** One batch of walks: {@link EncodedSteps} plus which walks of the split it holds. */
export interface WalkBatch extends EncodedSteps {
  /** The split's index of each walk in the batch, in batch order. */
  readonly walkIndices: Int32Array;
}

/**
 * Goes once through a split's walks in batches, making the dense one-hot
 * inputs of one batch at a time (never of the whole split). Each batch is
 * made when it is reached, so stopping early leaves nothing behind; the
 * caller owns each batch's two tensors and disposes them.
 *
 * @example
 * ```ts
 * for (const batch of batches(dataset.train, { batchSize: 32, rng: createRng(deriveSeed(42, 'epoch', 0)) })) {
 *   batch.inputs.shape; // [32, T − 1, numNodes + numActions]
 *   batch.inputs.dispose();
 *   batch.targets.dispose();
 * }
 * ```
 */
export function* batches(split: WalkSplit, options: BatchOptions): Generator<WalkBatch, void, undefined> {
  const batchSize = requireInteger('batchSize', options.batchSize, 1);
  const order = options.indices
    ? Int32Array.from(options.indices, (i) => requireInteger('walk index', i, 0, split.numWalks - 1))
    : Int32Array.from({ length: split.numWalks }, (_, i) => i);
  if (options.rng) shuffleInPlace(order, options.rng);
  const end = options.dropLast ? order.length - (order.length % batchSize) : order.length;
  for (let start = 0; start < end; start += batchSize) {
    const walkIndices = order.slice(start, Math.min(start + batchSize, end));
    const encoded = encodeSteps(Array.from(walkIndices, (i) => split.steps(i)), split);
    yield { ...encoded, walkIndices };
  }
}
