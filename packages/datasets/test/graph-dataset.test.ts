import { describe, expect, it } from '@jest/globals';
import { createRng, deriveSeed, gridGenerator } from '@pg/graphs';
import { resolveDatasetConfig } from '../src/config.js';
import { createGraphDataset } from '../src/graph-dataset.js';
import { createStandardSampler } from '../src/standard-dataset.js';

const generator = gridGenerator({ rows: 3, cols: 3, periodic: true });
const sampler = createStandardSampler({ generator, numActions: 5 });
const build = (numGraphs: number, testFraction = 0.25) =>
  createGraphDataset(resolveDatasetConfig('standard', { generator, numActions: 5, numGraphs, numSamplesPerGraph: 3, numTimesteps: 6, testFraction, seed: 9 }), sampler);

describe('createGraphDataset', () => {
  it('splits the graphs by testFraction and walks each numSamplesPerGraph times, graph after graph', () => {
    const dataset = build(8);
    expect(dataset.train.graphs).toHaveLength(6);
    expect(dataset.test.graphs).toHaveLength(2);
    expect(dataset.train.name).toBe('train');
    expect(dataset.test.name).toBe('test');
    expect([...dataset.train.graphIndex]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
    expect(dataset.test.numWalks).toBe(6);
    for (const split of [dataset.train, dataset.test]) {
      for (let w = 0; w < split.numWalks; w++) {
        const { nodes, actions } = split.walk(w);
        expect(nodes).toHaveLength(6);
        actions.forEach((action, t) => expect(split.graphOf(w).next(nodes[t]!, action)).toBe(nodes[t + 1]));
      }
    }
  });

  it('counting training graphs only, adds the test graphs on top and keeps the same graph for each index', () => {
    const config = (numGraphsCounts: 'all' | 'train') =>
      resolveDatasetConfig('standard', { generator, numActions: 5, numGraphs: 8, numGraphsCounts, numSamplesPerGraph: 3, numTimesteps: 6, testFraction: 0.25, seed: 9 });
    const all = createGraphDataset(config('all'), sampler);
    const train = createGraphDataset(config('train'), sampler);
    expect(train.train.graphs).toHaveLength(8);
    expect(train.test.graphs).toHaveLength(2);
    expect(train.train.nodes.subarray(0, all.train.nodes.length)).toEqual(all.train.nodes);
    expect(train.test.nodes).toEqual(all.test.nodes);
  });

  it('replaces some training graphs by validation graphs drawn like the test graphs under their own seeds', () => {
    const config = (validationFraction: number) =>
      resolveDatasetConfig('standard', { generator, numActions: 5, numGraphs: 8, validationFraction, numSamplesPerGraph: 3, numTimesteps: 6, testFraction: 0.25, seed: 9 });
    const without = createGraphDataset(config(0), sampler);
    const dataset = createGraphDataset(config(0.5), sampler);
    expect(without.validation).toBeUndefined();
    expect(dataset.train.graphs).toHaveLength(3);
    expect(dataset.validation!.graphs).toHaveLength(3);
    expect(dataset.validation!.name).toBe('validation');
    expect(dataset.validation!.numWalks).toBe(9);
    expect(dataset.train.nodes).toEqual(without.train.nodes.subarray(0, dataset.train.nodes.length));
    expect(dataset.test.nodes).toEqual(without.test.nodes);
    dataset.validation!.graphs.forEach((graph, i) => {
      expect(sampler.sample('test', createRng(deriveSeed(9, 'validation', i, 'graph'))).toJSON()).toEqual(graph.toJSON());
    });
  });

  it('walks the training and validation graphs trainSamplesPerGraph times for trainTimesteps nodes, leaving the test split bit for bit as it was', () => {
    const config = (trainSizes: { trainSamplesPerGraph?: number; trainTimesteps?: number }) =>
      resolveDatasetConfig('standard', { generator, numActions: 5, numGraphs: 8, validationFraction: 0.5, numSamplesPerGraph: 3, numTimesteps: 6, testFraction: 0.25, seed: 9, ...trainSizes });
    const without = createGraphDataset(config({}), sampler);
    const dataset = createGraphDataset(config({ trainSamplesPerGraph: 2, trainTimesteps: 15 }), sampler);
    expect(dataset.test.numTimesteps).toBe(6);
    expect(dataset.test.numWalks).toBe(6);
    expect(dataset.test.nodes).toEqual(without.test.nodes);
    expect(dataset.test.actions).toEqual(without.test.actions);
    expect(dataset.test.graphIndex).toEqual(without.test.graphIndex);
    expect(dataset.test.graphs.map((graph) => graph.toJSON())).toEqual(without.test.graphs.map((graph) => graph.toJSON()));
    for (const [split, unchanged] of [
      [dataset.train, without.train],
      [dataset.validation!, without.validation!],
    ] as const) {
      // The same graphs, walked 2 times for 15 nodes each.
      expect(split.graphs.map((graph) => graph.toJSON())).toEqual(unchanged.graphs.map((graph) => graph.toJSON()));
      expect(split.numTimesteps).toBe(15);
      expect(split.numWalks).toBe(3 * 2);
      expect([...split.graphIndex]).toEqual([0, 0, 1, 1, 2, 2]);
      for (let w = 0; w < split.numWalks; w++) {
        const { nodes, actions } = split.walk(w);
        expect(nodes).toHaveLength(15);
        actions.forEach((action, t) => expect(split.graphOf(w).next(nodes[t]!, action)).toBe(nodes[t + 1]));
      }
    }
    // Each walk starts where the unchanged run's walk of its graph started: the same seeded stream, walked longer.
    expect(dataset.train.walk(0).nodes.subarray(0, 6)).toEqual(without.train.walk(0).nodes);
  });

  it('draws graph i of a split from its own seed, whatever else is generated', () => {
    const small = build(4, 0);
    const large = build(12, 0);
    small.train.graphs.forEach((graph, i) => {
      expect(large.train.graphs[i]!.toJSON()).toEqual(graph.toJSON());
      expect(sampler.sample('train', createRng(deriveSeed(9, 'train', i, 'graph'))).toJSON()).toEqual(graph.toJSON());
    });
    expect(large.train.nodes.subarray(0, small.train.nodes.length)).toEqual(small.train.nodes);
    expect(small.test.numWalks).toBe(0);
  });
});
