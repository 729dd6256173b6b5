import { describe, expect, it } from '@jest/globals';
import { createDataset, datasetFromConfig, DatasetError } from '../src/index.js';

describe('createDataset', () => {
  const options = { numNodes: 8, edgeProb: 0.3, numActions: 6, numGraphs: 10, numSamplesPerGraph: 2, numTimesteps: 12, seed: 5 };

  it.each(['standard', 'disjoint'] as const)('builds the %s dataset and rebuilds it bit for bit from its stored config', (type) => {
    const dataset = createDataset(type, options);
    expect(dataset.config.type).toBe(type);
    const rebuilt = datasetFromConfig(JSON.parse(JSON.stringify(dataset.config)));
    expect(rebuilt.config).toEqual(dataset.config);
    expect(rebuilt.test.nodes).toEqual(dataset.test.nodes);
    expect(rebuilt.test.actions).toEqual(dataset.test.actions);
    expect(rebuilt.train.nodes).toEqual(dataset.train.nodes);
  });

  it('names an unknown type', () => {
    expect(() => createDataset('disjunct' as never, options)).toThrow(DatasetError);
    expect(() => createDataset('disjunct' as never, options)).toThrow("type must be one of 'standard', 'disjoint' (got \"disjunct\")");
  });

  it('names a value that is not a stored configuration', () => {
    expect(() => datasetFromConfig(null)).toThrow(DatasetError);
    expect(() => datasetFromConfig({ numNodes: 8 })).toThrow(/config must be a stored dataset configuration/);
  });
});
