import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ActionGraph } from '../src/action-graph.js';
import { generateActionGraph } from '../src/generate-action-graph.js';
import { gnpGenerator } from '../src/generators/gnp.js';
import { randomWalk } from '../src/random-walk.js';
import { createRng } from '../src/rng.js';

describe('randomWalk', () => {
  it('moves only along edges, recording each edge action', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 0, max: 200 }), fc.integer(), (n, steps, seed) => {
        const graph = generateActionGraph({
          generator: gnpGenerator({ numNodes: n, edgeProb: Math.min(1, 3 / n) }),
          numActions: n,
          rng: createRng(seed),
        });
        const walk = randomWalk(graph, { steps, rng: createRng(seed) });
        expect(walk.nodes).toBeInstanceOf(Int32Array);
        expect(walk.nodes).toHaveLength(steps + 1);
        expect(walk.actions).toHaveLength(steps);
        for (let t = 0; t < steps; t++) {
          expect(graph.edgeAction(walk.nodes[t]!, walk.nodes[t + 1]!)).toBe(walk.actions[t]);
        }
        expect(randomWalk(graph, { steps, rng: createRng(seed) })).toEqual(walk);
      }),
      { numRuns: 100 },
    );
  });

  it('chooses neighbours uniformly', () => {
    const star = ActionGraph.fromEdges(4, 3, [
      { u: 0, v: 1, action: 0 },
      { u: 0, v: 2, action: 1 },
      { u: 0, v: 3, action: 2 },
    ]);
    const walk = randomWalk(star, { steps: 6000, rng: createRng(9), start: 0 });
    const visits = [0, 0, 0, 0];
    for (let t = 1; t < walk.nodes.length; t += 2) visits[walk.nodes[t]!]! += 1;
    for (const leaf of [1, 2, 3]) expect(visits[leaf]! / 3000).toBeCloseTo(1 / 3, 1);
  });

  it('starts where asked and rejects bad arguments', () => {
    const edge = ActionGraph.fromEdges(3, 1, [{ u: 0, v: 1, action: 0 }]);
    expect([...randomWalk(edge, { steps: 3, rng: createRng(1), start: 1 }).nodes]).toEqual([1, 0, 1, 0]);
    expect(() => randomWalk(edge, { steps: 2, rng: createRng(1), start: 2 })).toThrow('node 2 has no edges');
    expect(() => randomWalk(edge, { steps: -1, rng: createRng(1) })).toThrow('steps must be an integer ≥ 0 (got -1)');
    expect(() => randomWalk(edge, { steps: 1, rng: createRng(1), start: 5 })).toThrow('start must be an integer in [0, 2] (got 5)');
  });
});
