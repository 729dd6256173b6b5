import createGraph, { type Graph } from 'ngraph.graph';
import type { ActionGraph } from './action-graph.js';
import { GraphParameterError } from './errors.js';
import { createTopology, type Topology } from './topology.js';

/** Link data of the ngraph graphs made by {@link toNgraph}. */
export interface ActionLinkData {
  /** The action the edge carries. */
  action: number;
}

/**
 * Copies an {@link ActionGraph} into an ngraph.graph instance (one link per
 * edge, `u → v` with `u < v`, data `{ action }`), for the ngraph ecosystem:
 * force layouts, path finding, serialisers.
 *
 * @example
 * ```ts
 * const layoutInput = toNgraph(graph);
 * layoutInput.getLinkCount(); // graph.numEdges
 * ```
 */
export function toNgraph(graph: ActionGraph): Graph<undefined, ActionLinkData> {
  const result = createGraph<undefined, ActionLinkData>();
  for (const node of graph.nodes()) result.addNode(node);
  for (const { u, v, action } of graph.edges()) result.addLink(u, v, { action });
  return result;
}

/**
 * Reads the structure of an ngraph.graph instance (for instance one made by
 * ngraph.generators) as a {@link Topology}. Node ids must be the integers
 * `0 … n-1`; link direction and data are ignored.
 */
export function topologyFromNgraph(graph: Graph): Topology {
  const numNodes = graph.getNodeCount();
  graph.forEachNode((node) => {
    if (typeof node.id !== 'number' || !Number.isInteger(node.id) || node.id < 0 || node.id >= numNodes) {
      throw new GraphParameterError('node id', node.id, `an integer in [0, ${numNodes - 1}] (nodes must be numbered 0 … n-1)`);
    }
  });
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  graph.forEachLink((link) => {
    const u = Math.min(link.fromId as number, link.toId as number);
    const v = Math.max(link.fromId as number, link.toId as number);
    if (u !== v && !seen.has(u * numNodes + v)) {
      seen.add(u * numNodes + v);
      pairs.push([u, v]);
    }
  });
  return createTopology(numNodes, pairs);
}
