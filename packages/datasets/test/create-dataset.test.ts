import { describe, expect, it } from '@jest/globals';
import { createTopology, gnpGenerator, gridGenerator, ringGenerator, type GraphGenerator } from '@pg/graphs';
import { createDataset, datasetFromConfig, DatasetError, type DatasetType } from '../src/index.js';

/** A family of our own: a path of `numNodes` nodes (not built in, so its generator must be passed back). */
const pathGenerator = (numNodes: number): GraphGenerator => ({
  name: 'path',
  numNodes,
  generate: () => createTopology(numNodes, Array.from({ length: numNodes - 1 }, (_, i) => [i, i + 1] as [number, number])),
  getConfig: () => ({ numNodes }),
});

/** The dataset a stored config gives back, after a trip through JSON, must be the very same. */
function expectRoundTrip(type: DatasetType, dataset: ReturnType<typeof createDataset>, generator?: GraphGenerator) {
  const rebuilt = datasetFromConfig(JSON.parse(JSON.stringify(dataset.config)), { generator });
  expect(rebuilt.config).toEqual(dataset.config);
  expect(rebuilt.config.type).toBe(type);
  for (const split of ['train', 'test'] as const) {
    expect(rebuilt[split].nodes).toEqual(dataset[split].nodes);
    expect(rebuilt[split].actions).toEqual(dataset[split].actions);
    expect(rebuilt[split].graphs.map((graph) => graph.toJSON())).toEqual(dataset[split].graphs.map((graph) => graph.toJSON()));
  }
}

describe('createDataset', () => {
  const sizes = { numActions: 6, numGraphs: 10, numSamplesPerGraph: 2, numTimesteps: 12, seed: 5 };
  const options = { numNodes: 8, edgeProb: 0.3, ...sizes };

  it.each(['standard', 'disjoint'] as const)('builds the %s dataset and rebuilds it bit for bit from its stored config', (type) => {
    expectRoundTrip(type, createDataset(type, options));
  });

  it.each(['standard', 'disjoint'] as const)('trains the %s dataset on walks of other sizes, rebuilt from its stored config, and tests on the same walks', (type) => {
    const dataset = createDataset(type, { ...options, validationFraction: 0.25, trainSamplesPerGraph: 3, trainTimesteps: 40 });
    expectRoundTrip(type, dataset);
    const { train, validation, test } = dataset;
    expect([train.numTimesteps, validation!.numTimesteps, test.numTimesteps]).toEqual([40, 40, 12]);
    expect([train.numWalks, validation!.numWalks, test.numWalks]).toEqual([6 * 3, 2 * 3, 2 * 2]);
    const unchanged = createDataset(type, { ...options, validationFraction: 0.25 }).test;
    expect(test.nodes).toEqual(unchanged.nodes);
    expect(test.actions).toEqual(unchanged.actions);
    expect(test.graphIndex).toEqual(unchanged.graphIndex);
    expect(test.graphs.map((graph) => graph.toJSON())).toEqual(unchanged.graphs.map((graph) => graph.toJSON()));
  });

  it.each([
    ['G(n, p) given as a generator', () => gnpGenerator({ numNodes: 8, edgeProb: 0.3 })],
    ['a 3 × 4 grid', () => gridGenerator({ rows: 3, cols: 4 })],
    ['a 3 × 3 torus', () => gridGenerator({ rows: 3, cols: 3, periodic: true })],
    ['a ring with chords', () => ringGenerator({ numNodes: 9, chords: 2 })],
  ])('rebuilds %s from its stored graph family, on either dataset', (_, generator) => {
    for (const type of ['standard', 'disjoint'] as const) {
      // Enough actions that a disjoint split (half of them per node pair) can label a degree-4 node.
      const dataset = createDataset(type, { generator: generator(), ...sizes, numActions: 12 });
      expect(dataset.config.edgeProb).toBeNull();
      expectRoundTrip(type, dataset);
    }
  });

  it('rebuilds a family of your own given its generator, and asks for it otherwise', () => {
    const dataset = createDataset('disjoint', { generator: pathGenerator(6), ...sizes });
    expectRoundTrip('disjoint', dataset, pathGenerator(6));
    expect(() => datasetFromConfig(dataset.config)).toThrow(DatasetError);
    expect(() => datasetFromConfig(dataset.config)).toThrow(
      /graphFamily\.name must be one of 'gnp', 'grid', 'torus', 'ring', or a family whose generator is passed: datasetFromConfig\(config, \{ generator \}\) \(got "path"\)/,
    );
    expect(() => datasetFromConfig(dataset.config, { generator: pathGenerator(7) })).toThrow(
      'generator must be the stored graph family {"name":"path","numNodes":6} (got "{\\"name\\":\\"path\\",\\"numNodes\\":7}")',
    );
  });

  it('names an unknown type', () => {
    expect(() => createDataset('disjunct' as never, options)).toThrow(DatasetError);
    expect(() => createDataset('disjunct' as never, options)).toThrow("type must be one of 'standard', 'disjoint' (got \"disjunct\")");
  });

  it('names a value that is not a stored configuration', () => {
    expect(() => datasetFromConfig(null)).toThrow(DatasetError);
    expect(() => datasetFromConfig({ numNodes: 8 })).toThrow(/config must be a stored dataset configuration/);
    expect(() => datasetFromConfig({ ...createDataset('standard', options).config }, { generator: pathGenerator(8) })).toThrow(
      'generator must be left out: the configuration records G(n, p) by its edgeProb (got "path")',
    );
  });
});
