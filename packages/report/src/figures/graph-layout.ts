import { toNgraph, type ActionGraph } from '@pg/graphs';
import createLayout from 'ngraph.forcelayout';

/** Node positions of a drawn graph, indexed by node. */
export interface GraphLayout {
  /** The x coordinate of each node. */
  readonly x: Float64Array;
  /** The y coordinate of each node. */
  readonly y: Float64Array;
}

/** Options of {@link layoutGraph}. */
export interface LayoutOptions {
  /** Simulation steps. Default 600. */
  iterations?: number;
}

/**
 * Lays a graph out with ngraph's force-directed simulation. The simulation's
 * own random source is seeded, so the same graph always gets the same drawing.
 *
 * @example
 * ```ts
 * const { x, y } = layoutGraph(graph);
 * ```
 */
export function layoutGraph(graph: ActionGraph, options: LayoutOptions = {}): GraphLayout {
  const layout = createLayout(toNgraph(graph), { springLength: 30, springCoefficient: 0.0008, gravity: -1.5, dragCoefficient: 0.05, timeStep: 20 });
  for (let i = 0; i < (options.iterations ?? 600); i++) layout.step();
  const x = new Float64Array(graph.numNodes);
  const y = new Float64Array(graph.numNodes);
  for (const node of graph.nodes()) {
    const position = layout.getNodePosition(node);
    x[node] = position.x;
    y[node] = position.y;
  }
  layout.dispose();
  return { x, y };
}
