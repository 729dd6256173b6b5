import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ActionGraph, createRng, generateActionGraph, gnpGenerator } from '@pg/graphs';
import { graphSwitchSequence } from '../src/switch-sequence.js';

describe('graphSwitchSequence', () => {
  it('walks stepsPerGraph steps on each graph in turn and says where each begins', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 60 }), (seed, numGraphs, stepsPerGraph) => {
        const rng = createRng(seed);
        const graphs = Array.from({ length: numGraphs }, () => generateActionGraph({ generator: gnpGenerator({ numNodes: 9, edgeProb: 0.4 }), numActions: 9, rng }));
        const sequence = graphSwitchSequence(graphs, { stepsPerGraph, rng: createRng(seed) });
        expect(sequence.nodes).toHaveLength(numGraphs * stepsPerGraph);
        expect([...sequence.switches]).toEqual(Array.from({ length: numGraphs - 1 }, (_, k) => (k + 1) * stepsPerGraph));
        sequence.nodes.forEach((node, t) => {
          const graph = graphs[Math.floor(t / stepsPerGraph)]!;
          expect(graph.next(node, sequence.actions[t]!)).toBe(sequence.targets[t]);
          if (t % stepsPerGraph !== 0) expect(node).toBe(sequence.targets[t - 1]);
        });
        expect(graphSwitchSequence(graphs, { stepsPerGraph, rng: createRng(seed) })).toEqual(sequence);
      }),
      { numRuns: 50 },
    );
  });

  it('starts each graph from a random node rather than where the last one ended', () => {
    const rng = createRng(1);
    const graphs = Array.from({ length: 200 }, () => generateActionGraph({ generator: gnpGenerator({ numNodes: 10, edgeProb: 0.4 }), numActions: 10, rng }));
    const sequence = graphSwitchSequence(graphs, { stepsPerGraph: 3, rng });
    const continued = [...sequence.switches].filter((s) => sequence.nodes[s] === sequence.targets[s - 1]).length;
    expect(continued).toBeLessThan(50); // about 1 in 10 by chance
  });

  it('rejects an empty list, graphs of different sizes and a bad step count', () => {
    const a = ActionGraph.fromEdges(3, 2, [{ u: 0, v: 1, action: 0 }, { u: 1, v: 2, action: 1 }]);
    const b = ActionGraph.fromEdges(3, 3, [{ u: 0, v: 1, action: 0 }, { u: 1, v: 2, action: 1 }]);
    const rng = createRng(1);
    expect(() => graphSwitchSequence([], { stepsPerGraph: 2, rng })).toThrow('graphs must be at least one graph (got [])');
    expect(() => graphSwitchSequence([a, b], { stepsPerGraph: 2, rng })).toThrow("graph size must be the first graph's [3, 2] (got [3,3])");
    expect(() => graphSwitchSequence([a], { stepsPerGraph: 0, rng })).toThrow('stepsPerGraph must be an integer ≥ 1 (got 0)');
  });
});
