import type { ActionGraph } from '@pg/graphs';

/**
 * Counts the nodes of all `graphs` by degree: entry `d` is the number of
 * nodes with `d` edges (the array runs to the largest degree).
 *
 * @example
 * ```ts
 * const counts = degreeDistribution(dataset.train.graphs);
 * counts[3] / counts.reduce((a, b) => a + b, 0); // share of nodes of degree 3
 * ```
 */
export function degreeDistribution(graphs: readonly ActionGraph[]): Int32Array {
  const counts = new Int32Array(Math.max(0, ...graphs.map((graph) => graph.maxDegree)) + 1);
  for (const graph of graphs) for (let node = 0; node < graph.numNodes; node++) counts[graph.degree(node)]! += 1;
  return counts;
}
