import { describe, expect, it } from '@jest/globals';
import { gridGenerator, ringGenerator } from '@pg/graphs';
import { configGenerator, resolveDatasetConfig, splitGraphCounts } from '../src/config.js';
import { DatasetError } from '../src/errors.js';

describe('resolveDatasetConfig', () => {
  it("defaults to the seed README's standard run, as plain JSON", () => {
    const config = resolveDatasetConfig('standard');
    expect(config).toEqual({
      type: 'standard',
      numNodes: 20,
      edgeProb: 0.2,
      numSamplesPerGraph: 64,
      numGraphs: 200,
      numGraphsCounts: 'all',
      numTimesteps: 32,
      trainSamplesPerGraph: 64,
      trainTimesteps: 32,
      numActions: 8,
      testFraction: 0.2,
      validationFraction: 0,
      seed: 42,
      maxTries: 10_000,
      graphFamily: { name: 'gnp', numNodes: 20, edgeProb: 0.2 },
    });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it('splits each pair of the disjoint dataset into floor(A / 2) train and the rest test actions by default', () => {
    const config = resolveDatasetConfig('disjoint', { numNodes: 50, edgeProb: 0.1, numActions: 15 });
    expect(config).toMatchObject({ type: 'disjoint', kTrain: 7, kTest: 8, graphFamily: { name: 'gnp', numNodes: 50, edgeProb: 0.1 } });
    expect(resolveDatasetConfig('disjoint', { numActions: 15, kTrain: 5 })).toMatchObject({ kTrain: 5, kTest: 10 });
    expect(resolveDatasetConfig('disjoint', { numActions: 15, kTrain: 5, kTest: 4 })).toMatchObject({ kTrain: 5, kTest: 4 });
  });

  it('gives the training walks the test walks\' sizes unless told otherwise, also when read back from a config stored before they existed', () => {
    expect(resolveDatasetConfig('standard', { numSamplesPerGraph: 8, numTimesteps: 40 })).toMatchObject({ trainSamplesPerGraph: 8, trainTimesteps: 40 });
    expect(resolveDatasetConfig('standard', { numSamplesPerGraph: 32, numTimesteps: 40, trainSamplesPerGraph: 4, trainTimesteps: 400 })).toMatchObject({
      numSamplesPerGraph: 32,
      numTimesteps: 40,
      trainSamplesPerGraph: 4,
      trainTimesteps: 400,
    });
    const { trainSamplesPerGraph: _samples, trainTimesteps: _timesteps, ...storedBefore } = resolveDatasetConfig('disjoint', { numTimesteps: 12 });
    expect(resolveDatasetConfig('disjoint', JSON.parse(JSON.stringify(storedBefore)))).toMatchObject({ trainSamplesPerGraph: 64, trainTimesteps: 12 });
  });

  it('records a custom generator as its family, taking its node count', () => {
    const generator = gridGenerator({ rows: 3, cols: 4 });
    const config = resolveDatasetConfig('standard', { generator });
    expect(config.numNodes).toBe(12);
    expect(config.edgeProb).toBeNull();
    expect(config.graphFamily).toEqual({ name: 'grid', rows: 3, cols: 4, periodic: false });
    expect(configGenerator(config, generator)).toBe(generator);
  });

  it('names the field at fault', () => {
    const ring = ringGenerator({ numNodes: 9 });
    const cases: Array<[() => unknown, string]> = [
      [() => resolveDatasetConfig('standard', { numNodes: 1 }), 'numNodes must be an integer ≥ 2 (got 1)'],
      [() => resolveDatasetConfig('standard', { edgeProb: 1.5 }), 'edgeProb must be a number in [0, 1] (got 1.5)'],
      [() => resolveDatasetConfig('standard', { numTimesteps: 1 }), 'numTimesteps must be an integer ≥ 2 (got 1)'],
      [() => resolveDatasetConfig('standard', { trainTimesteps: 1 }), 'trainTimesteps must be an integer ≥ 2 (got 1)'],
      [() => resolveDatasetConfig('standard', { trainSamplesPerGraph: 2.5 }), 'trainSamplesPerGraph must be an integer ≥ 1 (got 2.5)'],
      [() => resolveDatasetConfig('standard', { testFraction: 1 }), 'testFraction must be a number in [0, 1) (got 1)'],
      [
        () => resolveDatasetConfig('standard', { numGraphs: 2, testFraction: 0.8 }),
        'testFraction must be small enough to leave a train graph out of numGraphs 2 (got 0.8)',
      ],
      [() => resolveDatasetConfig('standard', { seed: 1.5 }), 'seed must be an integer'],
      [
        () => resolveDatasetConfig('standard', { numGraphs: 10, validationFraction: 0.01 }),
        'validationFraction must be 0, or a share that leaves at least one training and one validation graph among 8 training graphs (got 0.01)',
      ],
      [
        () => resolveDatasetConfig('standard', { numGraphs: 10, validationFraction: 0.99 }),
        'validationFraction must be 0, or a share that leaves at least one training and one validation graph among 8 training graphs (got 0.99)',
      ],
      [() => resolveDatasetConfig('standard', { validationFraction: 1 }), 'validationFraction must be a number in [0, 1) (got 1)'],
      [
        () => resolveDatasetConfig('standard', { numGraphsCounts: 'test' as never }),
        "numGraphsCounts must be 'all' (train and test graphs together) or 'train' (training graphs only) (got \"test\")",
      ],
      [() => resolveDatasetConfig('disjoint', { numActions: 1 }), 'numActions must be an integer ≥ 2 (got 1)'],
      [() => resolveDatasetConfig('disjoint', { numActions: 8, kTrain: 8 }), 'kTrain must be an integer in [1, 7] (got 8)'],
      [() => resolveDatasetConfig('disjoint', { numActions: 8, kTrain: 5, kTest: 4 }), 'kTest must be an integer in [1, 3] (got 4)'],
      [() => resolveDatasetConfig('standard', { generator: ring, edgeProb: 0.3 }), 'edgeProb must be left out when a generator (here ring) is given'],
      [() => resolveDatasetConfig('standard', { generator: ring, numNodes: 10 }), "numNodes must be the generator's node count 9 (got 10)"],
    ];
    for (const [make, message] of cases) {
      expect(make).toThrow(DatasetError);
      expect(make).toThrow(message);
    }
  });

  it('does not turn a stored custom-family config back into G(n, p)', () => {
    const stored = JSON.parse(JSON.stringify(resolveDatasetConfig('standard', { generator: ringGenerator({ numNodes: 9 }) })));
    expect(() => resolveDatasetConfig('standard', stored)).toThrow('edgeProb must be a number in [0, 1] (got null)');
    expect(() => configGenerator(stored)).toThrow('generator must be the ring generator named by the config');
  });
});

describe('splitGraphCounts', () => {
  it('counting all graphs, gives round(numGraphs × testFraction) of them to the test split', () => {
    expect(splitGraphCounts({ numGraphs: 150, testFraction: 0.2 })).toEqual({ train: 120, validation: 0, test: 30 });
    expect(splitGraphCounts({ numGraphs: 7, numGraphsCounts: 'all', testFraction: 0.25 })).toEqual({ train: 5, validation: 0, test: 2 });
    expect(splitGraphCounts({ numGraphs: 7, testFraction: 0 })).toEqual({ train: 7, validation: 0, test: 0 });
  });

  it('replaces round(validationFraction × training graphs) of the training graphs by validation graphs', () => {
    expect(splitGraphCounts({ numGraphs: 400, testFraction: 0.2, validationFraction: 0.2 })).toEqual({ train: 256, validation: 64, test: 80 });
    expect(splitGraphCounts({ numGraphs: 10_000, numGraphsCounts: 'train', testFraction: 0.2, validationFraction: 0.2 })).toEqual({ train: 8000, validation: 2000, test: 2000 });
  });

  it("counting training graphs, adds max(1, ceil(testFraction × numGraphs)) test graphs as the original's float arithmetic does", () => {
    expect(splitGraphCounts({ numGraphs: 10_000, numGraphsCounts: 'train', testFraction: 0.2 })).toEqual({ train: 10_000, validation: 0, test: 2000 });
    expect(splitGraphCounts({ numGraphs: 150, numGraphsCounts: 'train', testFraction: 0.2 })).toEqual({ train: 150, validation: 0, test: 30 });
    // 0.55 × 100 is 55.00000000000001 in floating point (in Python as here), so its ceiling is 56.
    expect(splitGraphCounts({ numGraphs: 100, numGraphsCounts: 'train', testFraction: 0.55 })).toEqual({ train: 100, validation: 0, test: 56 });
    expect(splitGraphCounts({ numGraphs: 3, numGraphsCounts: 'train', testFraction: 0 })).toEqual({ train: 3, validation: 0, test: 1 });
  });

  it('shapes the dataset: training graphs only, test graphs on top', () => {
    const config = resolveDatasetConfig('disjoint', { numNodes: 8, edgeProb: 0.3, numActions: 10, numGraphs: 150, numGraphsCounts: 'train' });
    expect(config.numGraphsCounts).toBe('train');
    expect(splitGraphCounts(config)).toEqual({ train: 150, validation: 0, test: 30 });
  });
});
