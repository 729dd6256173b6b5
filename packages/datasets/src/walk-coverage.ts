import type { ActionGraph, Walk } from '@pg/graphs';
import type { WalkSplit } from './walk-split.js';

/**
 * The share of `graph`'s edges a walk has traversed (in either direction)
 * after each number of moves: entry `t` covers the first `t` moves, so
 * entry 0 is 0 and the array has one entry more than the walk has moves.
 *
 * @example
 * ```ts
 * const coverage = walkCoverage(graph, randomWalk(graph, { steps: 2000, rng: createRng(1) }));
 * coverage[2000]; // close to 1 on a small graph
 * ```
 */
export function walkCoverage(graph: ActionGraph, walk: Walk): Float64Array {
  const coverage = new Float64Array(walk.actions.length + 1);
  const visited = new Set<number>();
  for (let t = 0; t < walk.actions.length; t++) {
    const u = walk.nodes[t]!;
    const v = walk.nodes[t + 1]!;
    visited.add(Math.min(u, v) * graph.numNodes + Math.max(u, v));
    coverage[t + 1] = visited.size / graph.numEdges;
  }
  return coverage;
}

/**
 * {@link walkCoverage} averaged over all walks of a split: entry `t` (0 … T − 1)
 * is the mean share of its graph's edges a walk has visited after `t` moves.
 *
 * @example
 * ```ts
 * meanWalkCoverage(dataset.train).at(-1); // mean share of edges a whole walk visits
 * ```
 */
export function meanWalkCoverage(split: WalkSplit): Float64Array {
  const mean = new Float64Array(split.numTimesteps);
  for (let w = 0; w < split.numWalks; w++) {
    walkCoverage(split.graphOf(w), split.walk(w)).forEach((share, t) => {
      mean[t]! += share / split.numWalks;
    });
  }
  return mean;
}
