import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng, createTopology, isConnected, ringGenerator } from '@pg/graphs';
import { checkConsistency } from '../src/consistency.js';
import { DatasetError } from '../src/errors.js';
import { createStandardDataset, createStandardSampler } from '../src/standard-dataset.js';
import { tripletOverlap } from '../src/triplet-overlap.js';

describe('createStandardDataset', () => {
  it('makes connected graphs over one action space, whose walks pass the consistency check, over many seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 16 }), (seed, numNodes) => {
        const dataset = createStandardDataset({ numNodes, edgeProb: 0.3, numActions: numNodes, numGraphs: 6, numSamplesPerGraph: 3, numTimesteps: 12, seed });
        for (const split of [dataset.train, dataset.test]) {
          expect(checkConsistency(split).consistent).toBe(true);
          for (const graph of split.graphs) {
            expect(graph.numActions).toBe(numNodes);
            expect(graph.numEdges).toBeGreaterThan(0);
            expect(isConnected(createTopology(numNodes, graph.edges().map(({ u, v }) => [u, v] as const)))).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shares most triplets between train and test at the seed README’s sizes', () => {
    const dataset = createStandardDataset({ numNodes: 20, edgeProb: 0.2, numActions: 8, numGraphs: 200, numSamplesPerGraph: 64, numTimesteps: 32, seed: 42 });
    expect(dataset.train.numWalks).toBe(160 * 64);
    expect(dataset.test.numWalks).toBe(40 * 64);
    expect(tripletOverlap(dataset.train.graphs, dataset.test.graphs)).toBeGreaterThan(0.5);
    expect(checkConsistency(dataset.train).consistent).toBe(true);
    expect(checkConsistency(dataset.test).consistent).toBe(true);
  });

  it('is the same, byte for byte, for the same options', () => {
    const options = { numGraphs: 10, numSamplesPerGraph: 4, seed: 17 };
    const a = createStandardDataset(options);
    const b = createStandardDataset(options);
    const c = createStandardDataset({ ...options, seed: 18 });
    for (const split of ['train', 'test'] as const) {
      expect(Buffer.from(b[split].nodes.buffer)).toEqual(Buffer.from(a[split].nodes.buffer));
      expect(Buffer.from(b[split].actions.buffer)).toEqual(Buffer.from(a[split].actions.buffer));
      expect(b[split].graphs.map((graph) => graph.toJSON())).toEqual(a[split].graphs.map((graph) => graph.toJSON()));
    }
    expect(c.train.nodes).not.toEqual(a.train.nodes);
  });

  it('pins the first walk of the default dataset', () => {
    // A change here changes every standard dataset made before it.
    const { train } = createStandardDataset({ numGraphs: 2, numSamplesPerGraph: 1, numTimesteps: 8 });
    expect([...train.walk(0).nodes]).toEqual(PINNED_NODES);
    expect([...train.walk(0).actions]).toEqual(PINNED_ACTIONS);
  });

  it('uses another graph family when given one', () => {
    const dataset = createStandardDataset({ generator: ringGenerator({ numNodes: 9, chords: 2 }), numActions: 5, numGraphs: 4, numSamplesPerGraph: 2 });
    expect(dataset.config.graphFamily).toEqual({ name: 'ring', numNodes: 9, chords: 2 });
    for (const graph of dataset.train.graphs) expect(graph.numEdges).toBe(11);
  });

  it('says by how much the degrees exceed numActions', () => {
    const make = () => createStandardDataset({ numNodes: 30, edgeProb: 0.5, numActions: 6, maxTries: 50 });
    expect(make).toThrow(DatasetError);
    expect(make).toThrow(/^numActions must be at least the largest node degree of the train graphs, but every connected draw of 50 had a node of degree \d+ or more \(\d+ too many\) \(got 6\)$/);
  });
});

describe('createStandardSampler', () => {
  it('draws from the same distribution for both splits', () => {
    const sampler = createStandardSampler({ generator: ringGenerator({ numNodes: 6, chords: 1 }), numActions: 4 });
    expect(sampler.sample('train', createRng(2)).toJSON()).toEqual(sampler.sample('test', createRng(2)).toJSON());
    expect(() => createStandardSampler({ generator: ringGenerator({ numNodes: 6 }), numActions: 4, maxTries: 0 })).toThrow(
      'maxTries must be an integer ≥ 1 (got 0)',
    );
  });
});

const PINNED_NODES = [9, 17, 11, 17, 13, 0, 9, 2];
const PINNED_ACTIONS = [3, 7, 7, 4, 0, 7, 1];
