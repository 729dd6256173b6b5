import { describe, expect, it } from '@jest/globals';
import { ActionGraph, gnpGenerator, ringGenerator } from '@pg/graphs';
import type { GraphSampler } from '../src/graph-sampler.js';
import { seedOptimalPredictionRate, seedOptimalPredictionRateByGraph } from '../src/seed-oracle.js';
import { createStandardSampler } from '../src/standard-dataset.js';

/** A sampler that always gives the same graph. */
const always = (graph: ActionGraph): GraphSampler => ({ numNodes: graph.numNodes, numActions: graph.numActions, sample: () => graph });
const cycle5 = ActionGraph.fromEdges(5, 3, [0, 1, 2, 3, 4].map((u) => ({ u, v: (u + 1) % 5, action: u === 4 ? 2 : u % 2 })));

describe('seedOptimalPredictionRate', () => {
  it('reproduces the seed project’s reference figure (8 nodes, 10 actions, p 0.1, walks of 100 steps: about 95.5 %)', () => {
    const sampler = createStandardSampler({ generator: gnpGenerator({ numNodes: 8, edgeProb: 0.1 }), numActions: 10 });
    const rate = seedOptimalPredictionRate(sampler, { steps: 100, seed: 7 });
    expect(Math.abs(rate - 0.955)).toBeLessThan(0.004);
  });

  it('counts an unknown key as the expected value of a guess among the true neighbours', () => {
    // On a cycle every node has 2 neighbours, and a first step is never known: exactly 1/2, whatever the seed.
    for (const seed of [1, 2, 3]) expect(seedOptimalPredictionRate(always(cycle5), { steps: 1, seed, numGraphs: 50 })).toBe(0.5);
    // On a single edge every guess is right.
    const edge = ActionGraph.fromEdges(2, 1, [{ u: 0, v: 1, action: 0 }]);
    expect(seedOptimalPredictionRate(always(edge), { steps: 9, seed: 1, numGraphs: 3 })).toBe(1);
  });

  it('remembers within a walk both ways: on a cycle only first traversals are guesses', () => {
    // Two steps on a cycle: the second is back over the first edge (known) or on to a new one (a guess), each with chance 1/2.
    const rate = seedOptimalPredictionRate(always(cycle5), { steps: 2, seed: 4, numGraphs: 4000 });
    expect(rate).toBeGreaterThan(0.6);
    expect(Math.abs(rate - (0.5 + (0.5 * 1 + 0.5 * 0.5)) / 2)).toBeLessThan(0.01);
  });

  it('empties the table per walk unless told to keep it across a graph’s walks', () => {
    const reset = seedOptimalPredictionRate(always(cycle5), { steps: 1, seed: 5, numGraphs: 200, walksPerGraph: 3 });
    const kept = seedOptimalPredictionRate(always(cycle5), { steps: 1, seed: 5, numGraphs: 200, walksPerGraph: 3, resetPerWalk: false });
    expect(reset).toBe(0.5);
    expect(kept).toBeGreaterThan(0.55);
  });

  it('draws fresh graphs of the split asked for, the same for the same seed', () => {
    const seen: string[] = [];
    const sampler = createStandardSampler({ generator: ringGenerator({ numNodes: 7, chords: 2 }), numActions: 5 });
    const spy: GraphSampler = { ...sampler, sample: (split, rng) => (seen.push(split), sampler.sample(split, rng)) };
    const a = seedOptimalPredictionRate(spy, { steps: 20, seed: 3, numGraphs: 30, split: 'test' });
    expect(seen).toEqual(new Array(30).fill('test'));
    expect(seedOptimalPredictionRate(sampler, { steps: 20, seed: 3, numGraphs: 30 })).toBe(a);
    expect(() => seedOptimalPredictionRate(sampler, { steps: 0, seed: 3 })).toThrow('steps must be an integer ≥ 1 (got 0)');
  });

  it('can be computed one graph at a time, to the same rate', () => {
    const sampler = createStandardSampler({ generator: ringGenerator({ numNodes: 7, chords: 2 }), numActions: 5 });
    const work = seedOptimalPredictionRateByGraph(sampler, { steps: 20, seed: 3, numGraphs: 30 });
    let graphs = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) graphs += 1;
    expect(graphs).toBe(30);
    expect(step.value).toBe(seedOptimalPredictionRate(sampler, { steps: 20, seed: 3, numGraphs: 30 }));
  });
});
