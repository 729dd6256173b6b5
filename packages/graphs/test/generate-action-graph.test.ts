import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { generateActionGraph } from '../src/generate-action-graph.js';
import { gnpGenerator } from '../src/generators/gnp.js';
import { gridGenerator } from '../src/generators/grid.js';
import { ringGenerator } from '../src/generators/ring.js';
import { createRng } from '../src/rng.js';
import { isConnected } from '../src/topology.js';
import { createTopology } from '../src/topology.js';

describe('generateActionGraph', () => {
  it('makes connected, properly labelled graphs over many seeds and sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer(),
        (n, p, extraActions, seed) => {
          const edgeProb = Math.max(p, Math.min(1, 2.5 / n));
          const numActions = Math.ceil(n * edgeProb * 2) + extraActions + 2;
          const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: n, edgeProb }), numActions, rng: createRng(seed) });
          const topology = createTopology(n, graph.edges().map(({ u, v }) => [u, v] as const));
          expect(isConnected(topology)).toBe(true);
          expect(graph.maxDegree).toBeLessThanOrEqual(numActions);
          for (const node of graph.nodes()) {
            expect(new Set(graph.neighbourActions(node)).size).toBe(graph.degree(node));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is pinned for a fixed seed', () => {
    // The seed README's small setting; a change here changes every dataset made before it.
    const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 8, edgeProb: 0.1 }), numActions: 10, rng: createRng(42) });
    expect(graph.toJSON().edges).toEqual(PINNED_EDGES);
  });

  it('labels the structured families', () => {
    const torus = generateActionGraph({ generator: gridGenerator({ rows: 4, cols: 4, periodic: true }), numActions: 4, rng: createRng(1) });
    expect(torus.numEdges).toBe(32);
    const ring = generateActionGraph({ generator: ringGenerator({ numNodes: 9, chords: 3 }), numActions: 5, rng: createRng(1) });
    expect(ring.numEdges).toBe(12);
  });

  it('fails clearly, in bounded time, when the degrees need more actions', () => {
    expect(() =>
      generateActionGraph({ generator: gnpGenerator({ numNodes: 30, edgeProb: 0.9 }), numActions: 5, rng: createRng(1), maxTries: 100 }),
    ).toThrow('gnp generator must be able to give a usable graph within 100 draws (rejected: 100 with a node of degree above numActions 5)');
    expect(() =>
      generateActionGraph({ generator: gridGenerator({ rows: 3, cols: 3, periodic: true }), numActions: 3, rng: createRng(1) }),
    ).toThrow('rejected: 10000 with a node of degree above numActions 3');
  });

  it('reports a graph family that cannot be labelled at all', () => {
    // K4 drawn every time, but only two actions are allowed on each edge: degree 3 cannot be covered.
    const k4 = gnpGenerator({ numNodes: 4, edgeProb: 1 });
    expect(() =>
      generateActionGraph({ generator: k4, numActions: 3, rng: createRng(1), allowedActions: () => [0, 1], maxTries: 5 }),
    ).toThrow('allowed actions around node 0 must be at least its degree 3 (short by 1); the last of 5 draws could not be labelled (got 2)');
  });
});

const PINNED_EDGES = [
  [0, 6, 3],
  [0, 7, 6],
  [1, 7, 5],
  [2, 3, 3],
  [3, 4, 5],
  [3, 6, 2],
  [4, 5, 9],
];
