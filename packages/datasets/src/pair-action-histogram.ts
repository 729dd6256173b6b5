import type { WalkSplit } from './walk-split.js';

/** Move counts of a split by (node, next node, action). */
export interface PairActionHistogram {
  /** Nodes of the split's graphs. */
  readonly numNodes: number;
  /** Actions of the split's graphs. */
  readonly numActions: number;
  /** The number of moves u → v with action a is at `(u × numNodes + v) × numActions + a`. */
  readonly counts: Int32Array;
}

/**
 * Counts a split's moves by node pair and action, the data behind the seed
 * project's grid of per-pair action histograms. On a disjoint dataset the
 * train and test histograms of a pair never share an action.
 *
 * @example
 * ```ts
 * const { counts, numNodes, numActions } = pairActionHistogram(dataset.train);
 * const movesFrom3To9WithAction2 = counts[(3 * numNodes + 9) * numActions + 2];
 * ```
 */
export function pairActionHistogram(split: WalkSplit): PairActionHistogram {
  const { numNodes, numActions } = split;
  const counts = new Int32Array(numNodes * numNodes * numActions);
  for (let w = 0; w < split.numWalks; w++) {
    const { nodes, actions, targets } = split.steps(w);
    actions.forEach((action, t) => {
      counts[(nodes[t]! * numNodes + targets[t]!) * numActions + action]! += 1;
    });
  }
  return { numNodes, numActions, counts };
}
