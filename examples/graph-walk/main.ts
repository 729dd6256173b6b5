// Generates one action-labelled G(n, p) graph and a random walk on it.
// Run: pnpm --filter @pg-examples/graph-walk start [seed]
import { createRng, deriveSeed, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';

const seed = Number(process.argv[2] ?? 42);
const graph = generateActionGraph({
  generator: gnpGenerator({ numNodes: 8, edgeProb: 0.3 }),
  numActions: 10,
  rng: createRng(deriveSeed(seed, 'graph')),
});

console.log(`Graph: ${graph.numNodes} nodes, ${graph.numEdges} edges, ${graph.numActions} actions (seed ${seed})`);
for (const node of graph.nodes()) {
  const around = [...graph.neighbours(node)].map((next) => `${next} via a${graph.edgeAction(node, next)}`);
  console.log(`  node ${node}: ${around.join(', ')}`);
}

const walk = randomWalk(graph, { steps: 12, rng: createRng(deriveSeed(seed, 'walk')) });
const moves = [...walk.actions].map((action, t) => `${walk.nodes[t]} -a${action}-> ${walk.nodes[t + 1]}`);
console.log(`\nWalk of ${walk.actions.length} steps:\n  ${moves.join('\n  ')}`);

// Every move is predictable from (node, action): the graph answers it exactly.
const consistent = [...walk.actions].every((action, t) => graph.next(walk.nodes[t]!, action) === walk.nodes[t + 1]);
console.log(`\n(node, action) determines every next node: ${consistent}`);
