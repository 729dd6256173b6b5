import { createRng, shuffleInPlace } from '@pg/graphs';
import { DatasetError } from './errors.js';
import { requireInteger } from './validate.js';
import type { SplitName } from './walk-split.js';

/** Options of {@link createPairPartition}. */
export interface PairPartitionOptions {
  /** Nodes of the graphs, ≥ 2. */
  numNodes: number;
  /** Size of the action space, ≥ 2. */
  numActions: number;
  /** Actions of each pair reserved for train graphs, ≥ 1. */
  kTrain: number;
  /** Actions of each pair reserved for test graphs, ≥ 1, with `kTrain + kTest ≤ numActions`. */
  kTest: number;
  /** Seed of the split of every pair. */
  seed: number;
}

/**
 * For every unordered node pair {u, v}, a split of the action space into a
 * train-only subset of `kTrain` actions and a disjoint test-only subset of
 * `kTest` actions (any remaining actions belong to neither). Train graphs
 * label an edge {u, v} only from its train subset and test graphs only from
 * its test subset, so no (node, action, next node) triplet is shared.
 */
export interface PairPartition {
  /** Nodes of the graphs. */
  readonly numNodes: number;
  /** Size of the action space. */
  readonly numActions: number;
  /** Actions of each pair reserved for train graphs. */
  readonly kTrain: number;
  /** Actions of each pair reserved for test graphs. */
  readonly kTest: number;
  /** The actions `split`'s graphs may put on the edge {u, v} (either order), ascending; a read-only view. */
  actions(split: SplitName, u: number, v: number): Int32Array;
}

/**
 * Draws a {@link PairPartition}: each pair's actions are shuffled with a
 * generator seeded by `seed`, pairs in order (0, 1), (0, 2), …, and the first
 * `kTrain` go to train, the next `kTest` to test. It depends on the seed and
 * the sizes alone, so every graph of a dataset shares it. Memory:
 * `numNodes (numNodes − 1) / 2 × (kTrain + kTest)` 32-bit integers.
 *
 * @example
 * ```ts
 * const partition = createPairPartition({ numNodes: 50, numActions: 15, kTrain: 7, kTest: 8, seed: 42 });
 * partition.actions('train', 3, 9); // 7 actions, none of them in partition.actions('test', 3, 9)
 * ```
 */
export function createPairPartition(options: PairPartitionOptions): PairPartition {
  const numNodes = requireInteger('numNodes', options.numNodes, 2);
  const numActions = requireInteger('numActions', options.numActions, 2);
  const kTrain = requireInteger('kTrain', options.kTrain, 1, numActions - 1);
  const kTest = requireInteger('kTest', options.kTest, 1, numActions - kTrain);
  const rng = createRng(options.seed);
  const width = kTrain + kTest;
  const table = new Int32Array(((numNodes * (numNodes - 1)) / 2) * width);
  const permutation = Int32Array.from({ length: numActions }, (_, a) => a);
  for (let pair = 0; pair < table.length / width; pair++) {
    shuffleInPlace(permutation, rng);
    const kept = table.subarray(pair * width, (pair + 1) * width);
    kept.set(permutation.subarray(0, width));
    kept.subarray(0, kTrain).sort();
    kept.subarray(kTrain).sort();
  }
  return {
    numNodes,
    numActions,
    kTrain,
    kTest,
    actions(split, u, v) {
      if (u === v || u < 0 || v < 0 || u >= numNodes || v >= numNodes || !Number.isInteger(u) || !Number.isInteger(v)) {
        throw new DatasetError('node pair', [u, v], `two distinct nodes in [0, ${numNodes - 1}]`);
      }
      const low = Math.min(u, v);
      const high = Math.max(u, v);
      const start = ((low * (2 * numNodes - low - 1)) / 2 + (high - low - 1)) * width;
      return split === 'train' ? table.subarray(start, start + kTrain) : table.subarray(start + kTrain, start + width);
    },
  };
}
