import type { ActionGraph } from '@pg/graphs';

/**
 * The share of the distinct (node, action, next node) triplets of the
 * `test` graphs that also occur in some `train` graph, counting each
 * undirected edge {u, v} with action a as one triplet (its two directions
 * are the same fact). 0 when `test` has no edges. The disjoint dataset
 * guarantees exactly 0; on the standard dataset it is large.
 *
 * @example
 * ```ts
 * tripletOverlap(dataset.train.graphs, dataset.test.graphs); // 0 for a disjoint dataset
 * ```
 */
export function tripletOverlap(train: readonly ActionGraph[], test: readonly ActionGraph[]): number {
  const all = [...train, ...test];
  const numNodes = Math.max(0, ...all.map((graph) => graph.numNodes));
  const numActions = Math.max(0, ...all.map((graph) => graph.numActions));
  const key = (u: number, v: number, action: number) => (u * numActions + action) * numNodes + v;
  const seen = new Set<number>();
  for (const graph of train) for (const { u, v, action } of graph.edges()) seen.add(key(u, v, action));
  const tested = new Set<number>();
  for (const graph of test) for (const { u, v, action } of graph.edges()) tested.add(key(u, v, action));
  let shared = 0;
  for (const triplet of tested) if (seen.has(triplet)) shared += 1;
  return tested.size === 0 ? 0 : shared / tested.size;
}
