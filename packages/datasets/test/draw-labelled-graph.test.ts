import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng, gnpGenerator, generateActionGraph, isConnected, maxDegree, type ActionGraph } from '@pg/graphs';
import { drawLabelledGraph } from '../src/draw-labelled-graph.js';
import { DatasetError } from '../src/errors.js';

const topologyOf = (graph: ActionGraph) => ({ numNodes: graph.numNodes, edges: Int32Array.from(graph.edges().flatMap(({ u, v }) => [u, v])) });

describe('drawLabelledGraph', () => {
  it('gives exactly the graph that plain rejection sampling gives (the degree pre-check only saves work)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 3, max: 6 }), (seed, limit) => {
        const generator = gnpGenerator({ numNodes: 10, edgeProb: 0.3 });
        const allowedActions = (u: number, v: number) => [(u + v) % 10, (u * v + 3) % 10, (u + 2 * v + 7) % 10].filter((a, i, all) => all.indexOf(a) === i);
        const common = { generator, numActions: 10, allowedActions, maxTries: 50_000 };
        const graph = drawLabelledGraph({ ...common, rng: createRng(seed), degreeLimit: { field: 'k', value: limit }, what: 'graphs' });
        const plain = generateActionGraph({ ...common, rng: createRng(seed), reject: (t) => (maxDegree(t) > limit ? 'degree' : undefined) });
        expect(graph.toJSON()).toEqual(plain.toJSON());
        expect(graph.maxDegree).toBeLessThanOrEqual(limit);
        expect(isConnected(topologyOf(graph))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('says which limit the degrees exceed, and by how much', () => {
    const draw = () =>
      drawLabelledGraph({
        generator: gnpGenerator({ numNodes: 50, edgeProb: 0.1 }),
        numActions: 15,
        rng: createRng(1),
        maxTries: 300,
        degreeLimit: { field: 'kTrain', value: 3 },
        what: 'train graphs',
      });
    let message = '';
    try {
      draw();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      message = (error as DatasetError).message;
    }
    const match = /^kTrain must be at least the largest node degree of the train graphs, but every connected draw of 300 had a node of degree (\d+) or more \((\d+) too many\) \(got 3\)$/.exec(message);
    expect(match).not.toBeNull();
    const [, lowest, excess] = match!;
    expect(Number(lowest) - 3).toBe(Number(excess));
    expect(Number(lowest)).toBeGreaterThan(3);
  });

  it('reports a family that never gives a connected graph', () => {
    expect(() =>
      drawLabelledGraph({ generator: gnpGenerator({ numNodes: 6, edgeProb: 0 }), numActions: 4, rng: createRng(1), maxTries: 20, degreeLimit: { field: 'numActions', value: 4 }, what: 'graphs' }),
    ).toThrow('gnp generator must be able to give a connected graph with an edge (none of 20 draws was) (got {"numNodes":6,"edgeProb":0})');
  });

  it('reports graphs within the degree limit that cannot be labelled', () => {
    // K4 has degree 3, but each edge may only carry actions 0 or 1.
    expect(() =>
      drawLabelledGraph({
        generator: gnpGenerator({ numNodes: 4, edgeProb: 1 }),
        numActions: 3,
        rng: createRng(1),
        maxTries: 5,
        allowedActions: () => [0, 1],
        degreeLimit: { field: 'kTest', value: 3 },
        what: 'test graphs',
      }),
    ).toThrow('kTest must be large enough to label the test graphs: of 5 draws, 0 had a node of degree above 3 and the others were disconnected or could not be labelled');
  });
});
