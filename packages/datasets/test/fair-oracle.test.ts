import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';
import { fairOracle, OracleOutcome, StepCategory } from '../src/fair-oracle.js';
import { walkSteps } from '../src/step-sequence.js';
import { graphSwitchSequence } from '../src/switch-sequence.js';

const { unknown: U, recalled: R, stale: S } = OracleOutcome;
const { firstVisit: F, reverse: B, revisit: P } = StepCategory;

/** Steps of a walk on the path 0 -a0- 1 -a1- 2 -a0- 3 given by its nodes. */
function onPath(nodes: number[]) {
  const action = (u: number, v: number) => (Math.min(u, v) === 1 ? 1 : 0);
  return walkSteps({ nodes: Int32Array.from(nodes), actions: Int32Array.from(nodes.slice(1), (v, t) => action(nodes[t]!, v)) });
}

describe('fairOracle', () => {
  it('answers a hand-made walk as worked out by hand', () => {
    // 0→1, 1→2 first; 2→1, 1→0 back over them; 0→1, 1→2 again; 2→3 first; 3→2 back.
    const oracle = fairOracle(onPath([0, 1, 2, 1, 0, 1, 2, 3, 2]));
    expect([...oracle.directed]).toEqual([U, U, U, U, R, R, U, U]);
    expect([...oracle.undirected]).toEqual([U, U, R, R, R, R, U, R]);
    expect([...oracle.category]).toEqual([F, F, B, B, P, P, F, B]);
  });

  it('answers a walk that bounces on one edge', () => {
    const oracle = fairOracle(onPath([1, 2, 1, 2, 1]));
    expect([...oracle.directed]).toEqual([U, U, R, R]);
    expect([...oracle.undirected]).toEqual([U, R, R, R]);
    expect([...oracle.category]).toEqual([F, B, P, P]);
  });

  it('keeps stale entries across an unannounced switch, and forgets everything at a reset', () => {
    // On the path: 0 -a0-> 1 -a0-> 0. Then on a graph where 0 -a0- 2: 0 -a0-> 2 -a0-> 0.
    const sequence = { nodes: Int32Array.of(0, 1, 0, 2), actions: Int32Array.of(0, 0, 0, 0), targets: Int32Array.of(1, 0, 2, 0) };
    const remembering = fairOracle(sequence);
    expect([...remembering.directed]).toEqual([U, U, S, U]);
    expect([...remembering.undirected]).toEqual([U, R, S, R]);
    expect([...remembering.category]).toEqual([F, B, F, B]);
    const told = fairOracle(sequence, { resetAt: [2] });
    expect([...told.directed]).toEqual([U, U, U, U]);
    expect([...told.undirected]).toEqual([U, R, U, R]);
    expect([...told.category]).toEqual([F, B, F, B]);
  });

  it('on one graph, recalls exactly the repeats (directed) and the repeats and reverses (undirected), never stale', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 15 }), fc.integer({ min: 0, max: 120 }), (seed, numNodes, steps) => {
        const graph = generateActionGraph({ generator: gnpGenerator({ numNodes, edgeProb: 0.4 }), numActions: numNodes, rng: createRng(seed) });
        const oracle = fairOracle(walkSteps(randomWalk(graph, { steps, rng: createRng(seed) })));
        oracle.category.forEach((category, t) => {
          expect(oracle.directed[t]).toBe(category === P ? R : U);
          expect(oracle.undirected[t]).toBe(category === F ? U : R);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('resets at the switches of a switch sequence as if each graph were walked alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, stepsPerGraph) => {
        const rng = createRng(seed);
        const graphs = Array.from({ length: 3 }, () => generateActionGraph({ generator: gnpGenerator({ numNodes: 6, edgeProb: 0.5 }), numActions: 6, rng }));
        const sequence = graphSwitchSequence(graphs, { stepsPerGraph, rng });
        const oracle = fairOracle(sequence, { resetAt: sequence.switches });
        for (const start of [0, ...sequence.switches]) {
          const part = (array: Int32Array) => array.subarray(start, start + stepsPerGraph);
          const alone = fairOracle({ nodes: part(sequence.nodes), actions: part(sequence.actions), targets: part(sequence.targets) });
          expect(oracle.undirected.subarray(start, start + stepsPerGraph)).toEqual(alone.undirected);
          expect(oracle.directed.subarray(start, start + stepsPerGraph)).toEqual(alone.directed);
          expect(oracle.category.subarray(start, start + stepsPerGraph)).toEqual(alone.category);
        }
      }),
      { numRuns: 40 },
    );
  });
});
