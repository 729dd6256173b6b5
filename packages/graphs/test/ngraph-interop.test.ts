import { describe, expect, it } from '@jest/globals';
import createGraph from 'ngraph.graph';
import { generateActionGraph } from '../src/generate-action-graph.js';
import { gnpGenerator } from '../src/generators/gnp.js';
import { toNgraph, topologyFromNgraph } from '../src/ngraph-interop.js';
import { createRng } from '../src/rng.js';

describe('ngraph interop', () => {
  it('copies nodes, edges and actions into ngraph.graph and back', () => {
    const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 15, edgeProb: 0.3 }), numActions: 12, rng: createRng(4) });
    const copy = toNgraph(graph);
    expect(copy.getNodeCount()).toBe(15);
    expect(copy.getLinkCount()).toBe(graph.numEdges);
    for (const { u, v, action } of graph.edges()) expect(copy.getLink(u, v)?.data.action).toBe(action);
    const topology = topologyFromNgraph(copy);
    expect(topology.numNodes).toBe(15);
    expect(topology.edges.length / 2).toBe(graph.numEdges);
  });

  it('reads ngraph graphs whose links point either way, once per pair', () => {
    const input = createGraph();
    for (const node of [0, 1, 2]) input.addNode(node);
    input.addLink(1, 0);
    input.addLink(0, 1);
    input.addLink(2, 1);
    expect([...topologyFromNgraph(input).edges]).toEqual([0, 1, 1, 2]);
  });

  it('requires nodes numbered 0 … n-1', () => {
    const input = createGraph();
    input.addLink('a', 'b');
    expect(() => topologyFromNgraph(input)).toThrow('node id must be an integer in [0, 1] (nodes must be numbered 0 … n-1) (got "a")');
  });
});
