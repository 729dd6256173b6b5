import { GraphParameterError } from './errors.js';
import { requireInteger } from './validate.js';

/**
 * The bare structure of an undirected simple graph: nodes `0 … numNodes-1` and
 * a flat list of edges `[u0, v0, u1, v1, …]` with `u < v`, no self-loops and no
 * repeated pair. Generators produce topologies; {@link labelActions} turns one
 * into an {@link ActionGraph}.
 */
export interface Topology {
  /** Number of nodes; node ids are `0 … numNodes-1`. */
  readonly numNodes: number;
  /** The edges as flat pairs `[u0, v0, u1, v1, …]`, each with `u < v`. */
  readonly edges: Int32Array;
}

/**
 * Builds a validated {@link Topology} from node pairs in any orientation.
 *
 * @example
 * ```ts
 * const path = createTopology(3, [[0, 1], [2, 1]]); // edges [0,1, 1,2]
 * ```
 */
export function createTopology(numNodes: number, pairs: Iterable<readonly [number, number]>): Topology {
  requireInteger('numNodes', numNodes, 1);
  const seen = new Set<number>();
  const flat: number[] = [];
  for (const [a, b] of pairs) {
    requireInteger('edge endpoint', a, 0, numNodes - 1);
    requireInteger('edge endpoint', b, 0, numNodes - 1);
    if (a === b) throw new GraphParameterError('edge', [a, b], 'a pair of distinct nodes (no self-loops)');
    const u = Math.min(a, b);
    const v = Math.max(a, b);
    const key = u * numNodes + v;
    if (seen.has(key)) throw new GraphParameterError('edge', [u, v], 'listed once (the graph is simple)');
    seen.add(key);
    flat.push(u, v);
  }
  return { numNodes, edges: Int32Array.from(flat) };
}

/** The number of edges of a topology. */
export function edgeCount(topology: Topology): number {
  return topology.edges.length / 2;
}

/** The degree of every node, indexed by node. */
export function degrees(topology: Topology): Int32Array {
  const result = new Int32Array(topology.numNodes);
  for (const node of topology.edges) result[node]! += 1;
  return result;
}

/** The largest node degree (0 for a graph without edges). */
export function maxDegree(topology: Topology): number {
  let max = 0;
  for (const degree of degrees(topology)) if (degree > max) max = degree;
  return max;
}

/** Whether every node can reach every other (union–find over the edges). */
export function isConnected(topology: Topology): boolean {
  const parent = Int32Array.from({ length: topology.numNodes }, (_, i) => i);
  const root = (node: number): number => {
    let r = node;
    while (parent[r] !== r) r = parent[r]!;
    let walk = node;
    while (parent[walk] !== r) {
      const up = parent[walk]!;
      parent[walk] = r;
      walk = up;
    }
    return r;
  };
  let components = topology.numNodes;
  const { edges } = topology;
  for (let i = 0; i < edges.length; i += 2) {
    const a = root(edges[i]!);
    const b = root(edges[i + 1]!);
    if (a !== b) {
      parent[a] = b;
      components -= 1;
    }
  }
  return components === 1;
}
