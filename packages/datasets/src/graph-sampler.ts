import type { ActionGraph, RandomGenerator } from '@pg/graphs';
import type { SplitName } from './walk-split.js';

/**
 * Where a dataset's graphs come from: draws one labelled graph for a split.
 * A dataset keeps its sampler, so that analyses (the seed project's oracle)
 * can draw fresh graphs from the same distribution as its splits.
 *
 * @example
 * ```ts
 * const sampler = createStandardSampler({ generator: gnpGenerator({ numNodes: 8, edgeProb: 0.3 }), numActions: 10 });
 * const graph = sampler.sample('test', createRng(7));
 * ```
 */
export interface GraphSampler {
  /** Nodes of every graph drawn. */
  readonly numNodes: number;
  /** Size of the action space of every graph drawn. */
  readonly numActions: number;
  /** Draws one graph of `split`'s distribution, advancing `rng`. */
  sample(split: SplitName, rng: RandomGenerator): ActionGraph;
}
