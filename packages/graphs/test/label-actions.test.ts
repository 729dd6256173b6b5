import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ActionGraph } from '../src/action-graph.js';
import { gnpGenerator } from '../src/generators/gnp.js';
import { labelActions, tryLabelActions } from '../src/label-actions.js';
import { createRng } from '../src/rng.js';
import { sampleTopology } from '../src/sample-topology.js';
import { createTopology, maxDegree } from '../src/topology.js';

/** Every node sees distinct actions, and each edge's action reads the same from both ends. */
function expectProperLabels(graph: ActionGraph) {
  for (const node of graph.nodes()) {
    const actions = [...graph.neighbourActions(node)];
    expect(new Set(actions).size).toBe(actions.length);
    for (const next of graph.neighbours(node)) {
      expect(graph.edgeAction(node, next)).toBe(graph.edgeAction(next, node));
      expect(graph.next(node, graph.edgeAction(node, next)!)).toBe(next);
    }
  }
}

const petersen = createTopology(10, [
  [0, 1], [1, 2], [2, 3], [3, 4], [4, 0],
  [0, 5], [1, 6], [2, 7], [3, 8], [4, 9],
  [5, 7], [7, 9], [9, 6], [6, 8], [8, 5],
]);

describe('labelActions', () => {
  it('labels random graphs properly, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 6 }), fc.integer(), (n, slack, seed) => {
        const topology = sampleTopology(gnpGenerator({ numNodes: n, edgeProb: Math.min(1, 3 / n) }), { rng: createRng(seed) });
        // Vizing: max degree + 1 actions always suffice (max degree alone may not, e.g. on a triangle).
        const numActions = maxDegree(topology) + 1 + slack;
        const graph = labelActions(topology, { numActions, rng: createRng(seed) });
        expectProperLabels(graph);
        expect(graph.numEdges).toBe(topology.edges.length / 2);
        expect(labelActions(topology, { numActions, rng: createRng(seed) }).toJSON()).toEqual(graph.toJSON());
      }),
      { numRuns: 150 },
    );
  });

  it('finds colourings that need backtracking', () => {
    // K4 has exactly 3 degree-3 colourings up to permutation; a greedy pass often paints itself into a corner.
    const k4 = createTopology(4, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    for (let seed = 0; seed < 50; seed++) expectProperLabels(labelActions(k4, { numActions: 3, rng: createRng(seed) }));
  });

  it('keeps every edge within its allowed actions', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const topology = sampleTopology(gnpGenerator({ numNodes: 12, edgeProb: 0.25 }), { rng: createRng(seed) });
        const numActions = 2 * maxDegree(topology) + 2;
        // Pairs with an even sum may use even actions only, the others odd ones.
        const allowedActions = (u: number, v: number) =>
          Array.from({ length: numActions / 2 }, (_, i) => 2 * i + ((u + v) % 2));
        const graph = labelActions(topology, { numActions, rng: createRng(seed), allowedActions });
        expectProperLabels(graph);
        for (const { u, v, action } of graph.edges()) expect(action % 2).toBe((u + v) % 2);
      }),
      { numRuns: 50 },
    );
  });

  it('names both numbers when there are fewer actions than the degree', () => {
    const star = createTopology(5, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    expect(() => labelActions(star, { numActions: 3, rng: createRng(1) })).toThrow(
      'numActions must be at least the maximum node degree 4 (got 3)',
    );
  });

  it('names the node whose allowed actions cannot cover its edges', () => {
    const path = createTopology(3, [[0, 1], [1, 2]]);
    const result = tryLabelActions(path, { numActions: 4, rng: createRng(1), allowedActions: () => [2] });
    expect(result.graph).toBeUndefined();
    expect(result.reason).toBe('at least its degree 2 (short by 1)');
    expect(result.field).toBe('allowed actions around node 1');
  });

  it('gives up in bounded time when no labelling exists', () => {
    // The Petersen graph is 3-regular but not 3-edge-colourable.
    expect(() => labelActions(petersen, { numActions: 3, rng: createRng(1), maxTries: 3 })).toThrow(
      'no labelling was found in 3 searches',
    );
    expectProperLabels(labelActions(petersen, { numActions: 4, rng: createRng(1) }));
  });

  it('reports odd cycles, which need one action more than their degree', () => {
    const triangle = createTopology(3, [[0, 1], [1, 2], [0, 2]]);
    expect(tryLabelActions(triangle, { numActions: 2, rng: createRng(1), maxTries: 2 }).reason).toBe(
      'enough to label this graph (max degree 2); no labelling was found in 2 searches',
    );
  });

  it('rejects allowed actions out of range', () => {
    const edge = createTopology(2, [[0, 1]]);
    expect(() => labelActions(edge, { numActions: 2, rng: createRng(1), allowedActions: () => [5] })).toThrow(
      'allowed action must be an integer in [0, 1] (got 5)',
    );
    expect(() => labelActions(edge, { numActions: 0, rng: createRng(1) })).toThrow('numActions must be an integer ≥ 1 (got 0)');
  });
});
