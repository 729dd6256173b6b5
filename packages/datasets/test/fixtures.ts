// Small hand-made graphs and splits shared by the tests.
import { ActionGraph } from '@pg/graphs';
import { WalkSplit, type SplitName } from '../src/walk-split.js';

/** The path 0 -a0- 1 -a1- 2 -a0- 3. */
export const PATH4 = ActionGraph.fromEdges(4, 2, [
  { u: 0, v: 1, action: 0 },
  { u: 1, v: 2, action: 1 },
  { u: 2, v: 3, action: 0 },
]);

/** A split made of the given walks (node lists) on the given graphs; actions are read off the graphs. */
export function splitOf(graphs: readonly ActionGraph[], walks: ReadonlyArray<{ graph: number; nodes: readonly number[] }>, name: SplitName = 'train') {
  const T = walks[0]!.nodes.length;
  return new WalkSplit({
    name,
    numNodes: graphs[0]!.numNodes,
    numActions: graphs[0]!.numActions,
    numTimesteps: T,
    graphs,
    nodes: Int32Array.from(walks.flatMap((walk) => walk.nodes)),
    actions: Int32Array.from(
      walks.flatMap(({ graph, nodes }) => nodes.slice(1).map((v, t) => graphs[graph]!.edgeAction(nodes[t]!, v) ?? -1)),
    ),
    graphIndex: Int32Array.from(walks.map((walk) => walk.graph)),
  });
}
