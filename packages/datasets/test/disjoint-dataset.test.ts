import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng, createTopology, gnpGenerator, isConnected, type ActionGraph } from '@pg/graphs';
import { checkConsistency } from '../src/consistency.js';
import { createDisjointDataset, createDisjointSampler } from '../src/disjoint-dataset.js';
import { DatasetError } from '../src/errors.js';
import { createPairPartition, type PairPartition } from '../src/pair-partition.js';
import { createStandardDataset } from '../src/standard-dataset.js';
import { tripletOverlap } from '../src/triplet-overlap.js';
import type { SplitName } from '../src/walk-split.js';

function expectOnItsSide(graph: ActionGraph, partition: PairPartition, split: SplitName) {
  for (const { u, v, action } of graph.edges()) expect(partition.actions(split, u, v)).toContain(action);
  expect(isConnected(createTopology(graph.numNodes, graph.edges().map(({ u, v }) => [u, v] as const)))).toBe(true);
}

describe('createDisjointDataset', () => {
  it('keeps each split to its side of the pair partition, so no triplet is shared, over many seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 6, max: 14 }), fc.integer({ min: 0, max: 2 }), (seed, numNodes, spare) => {
        const numActions = 8 + spare;
        const dataset = createDisjointDataset({ numNodes, edgeProb: 0.35, numActions, kTrain: 4, kTest: 4, numGraphs: 8, testFraction: 0.5, numSamplesPerGraph: 2, numTimesteps: 10, seed });
        const { partition } = dataset.sampler;
        expect(tripletOverlap(dataset.train.graphs, dataset.test.graphs)).toBe(0);
        for (const split of [dataset.train, dataset.test]) {
          expect(checkConsistency(split).consistent).toBe(true);
          for (const graph of split.graphs) {
            expectOnItsSide(graph, partition, split.name as SplitName);
            expect(graph.maxDegree).toBeLessThanOrEqual(4);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('has no shared triplet at the seed README’s large size, where the standard dataset shares many', () => {
    const options = { numNodes: 50, edgeProb: 0.1, numActions: 15, numGraphs: 150, numSamplesPerGraph: 32, numTimesteps: 40, seed: 123 };
    const disjoint = createDisjointDataset(options);
    expect(disjoint.config).toMatchObject({ kTrain: 7, kTest: 8 });
    expect(disjoint.train.graphs).toHaveLength(120);
    expect(disjoint.test.numWalks).toBe(30 * 32);
    expect(tripletOverlap(disjoint.train.graphs, disjoint.test.graphs)).toBe(0);
    expect(checkConsistency(disjoint.train).consistent).toBe(true);
    expect(checkConsistency(disjoint.test).consistent).toBe(true);
    const standard = createStandardDataset(options);
    expect(tripletOverlap(standard.train.graphs, standard.test.graphs)).toBeGreaterThan(0.2);
  });

  it('draws its validation graphs from the test side, none of them a test graph, so validation rewards no memorised triplet', () => {
    const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.3, numActions: 10, numGraphs: 20, validationFraction: 0.25, numSamplesPerGraph: 2, numTimesteps: 12, seed: 4 });
    const validation = dataset.validation!;
    expect([dataset.train.graphs.length, validation.graphs.length, dataset.test.graphs.length]).toEqual([12, 4, 4]);
    expect(tripletOverlap(dataset.train.graphs, validation.graphs)).toBe(0);
    for (const graph of validation.graphs) expectOnItsSide(graph, dataset.sampler.partition, 'test');
    const testGraphs = new Set(dataset.test.graphs.map((graph) => JSON.stringify(graph.toJSON())));
    for (const graph of validation.graphs) expect(testGraphs.has(JSON.stringify(graph.toJSON()))).toBe(false);
  });

  it('and none at the small size either', () => {
    const disjoint = createDisjointDataset({ numNodes: 20, edgeProb: 0.2, numActions: 8, numGraphs: 200, numSamplesPerGraph: 64, numTimesteps: 32, seed: 42 });
    expect(tripletOverlap(disjoint.train.graphs, disjoint.test.graphs)).toBe(0);
  });

  it('is the same, byte for byte, for the same options, and its partition depends on the seed alone', () => {
    const options = { numGraphs: 5, numSamplesPerGraph: 1, numTimesteps: 8 };
    const a = createDisjointDataset(options);
    const b = createDisjointDataset(options);
    expect(Buffer.from(b.test.nodes.buffer)).toEqual(Buffer.from(a.test.nodes.buffer));
    expect(b.train.graphs.map((graph) => graph.toJSON())).toEqual(a.train.graphs.map((graph) => graph.toJSON()));
    // A change here changes every disjoint dataset made before it.
    expect([...a.test.walk(0).nodes]).toEqual([17, 4, 19, 12, 6, 15, 3, 16]);
    expect([...a.test.walk(0).actions]).toEqual([0, 7, 2, 6, 1, 2, 6]);
    expect([...a.sampler.partition.actions('train', 0, 1)]).toEqual([2, 4, 5, 6]);
    const other = createDisjointDataset({ ...options, numGraphs: 9, numTimesteps: 20 });
    expect([...other.sampler.partition.actions('test', 3, 11)]).toEqual([...a.sampler.partition.actions('test', 3, 11)]);
  });

  it('says which subset size the degrees exceed, and by how much, after a bounded number of draws', () => {
    const make = () => createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, kTrain: 3, maxTries: 200 });
    expect(make).toThrow(DatasetError);
    expect(make).toThrow(/^kTrain must be at least the largest node degree of the train graphs, but every connected draw of 200 had a node of degree \d+ or more \(\d+ too many\) \(got 3\)$/);
    expect(() => createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, kTrain: 12, maxTries: 200 })).toThrow(
      /^kTest must be at least the largest node degree of the test graphs, .* \(got 3\)$/,
    );
  });
});

describe('createDisjointSampler', () => {
  it('draws each split from its own side', () => {
    const partition = createPairPartition({ numNodes: 12, numActions: 10, kTrain: 5, kTest: 5, seed: 3 });
    const sampler = createDisjointSampler({ generator: gnpGenerator({ numNodes: 12, edgeProb: 0.3 }), partition });
    for (let seed = 0; seed < 10; seed++) {
      expectOnItsSide(sampler.sample('train', createRng(seed)), partition, 'train');
      expectOnItsSide(sampler.sample('test', createRng(seed)), partition, 'test');
    }
    expect(() => createDisjointSampler({ generator: gnpGenerator({ numNodes: 11, edgeProb: 0.3 }), partition })).toThrow(
      "partition.numNodes must be the generator's node count 11 (got 12)",
    );
  });
});
