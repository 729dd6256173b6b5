import type { ActionGraph } from '@pg/graphs';
import type { Figure } from '../figure.js';
import { figureSpec } from './figure-spec.js';
import { layoutGraph } from './graph-layout.js';

/** Options of {@link graphDrawingFigure}. */
export interface GraphDrawingOptions {
  /** File name, e.g. `train_graph`. */
  readonly name: string;
  /** The drawing's title. */
  readonly title: string;
  /** The caption under it. Default: the title, the graph's size and the colour key. */
  readonly caption?: string;
}

/**
 * Draws a graph with a force layout, each edge coloured by its action and
 * each node labelled with its id (`train_graph.png`, `test_graph.png`).
 *
 * @example
 * ```ts
 * graphDrawingFigure(dataset.test.graphs[0], { name: 'test_graph', title: 'A test graph' });
 * ```
 */
export function graphDrawingFigure(graph: ActionGraph, options: GraphDrawingOptions): Figure {
  const { x, y } = layoutGraph(graph);
  const edges = graph.edges().map(({ u, v, action }) => ({ x: x[u], y: y[u], x2: x[v], y2: y[v], action: `a${action}` }));
  const nodes = graph.nodes().map((node) => ({ x: x[node], y: y[node], node: String(node) }));
  const actionOrder = Array.from({ length: graph.numActions }, (_, a) => `a${a}`);
  const axis = { axis: null, scale: { zero: false, nice: false } };
  return {
    name: options.name,
    caption: options.caption ?? `${options.title}: ${graph.numNodes} nodes, ${graph.numEdges} edges; edge colours are action ids.`,
    spec: figureSpec({
      title: options.title,
      width: 480,
      height: 400,
      layer: [
        {
          data: { values: edges },
          mark: { type: 'rule', strokeWidth: 2.2 },
          encoding: {
            x: { field: 'x', type: 'quantitative', ...axis },
            y: { field: 'y', type: 'quantitative', ...axis },
            x2: { field: 'x2' },
            y2: { field: 'y2' },
            color: {
              field: 'action',
              type: 'nominal',
              title: 'action',
              sort: actionOrder,
              legend: { columns: 10 },
              scale: { domain: actionOrder, scheme: graph.numActions <= 10 ? 'tableau10' : 'tableau20' },
            },
          },
        },
        {
          data: { values: nodes },
          mark: { type: 'circle', size: 260, color: 'white', stroke: '#333', strokeWidth: 1.2, opacity: 1 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
        {
          data: { values: nodes },
          mark: { type: 'text', fontSize: 9, color: '#222' },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'node' } },
        },
      ],
    }),
  };
}
