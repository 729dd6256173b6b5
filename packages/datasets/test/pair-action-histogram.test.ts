import { describe, expect, it } from '@jest/globals';
import { createDisjointDataset } from '../src/disjoint-dataset.js';
import { pairActionHistogram } from '../src/pair-action-histogram.js';
import { PATH4, splitOf } from './fixtures.js';

describe('pairActionHistogram', () => {
  it('counts moves by (node, next node, action)', () => {
    const split = splitOf([PATH4], [
      { graph: 0, nodes: [0, 1, 2, 1] },
      { graph: 0, nodes: [2, 3, 2, 1] },
    ]);
    const { counts, numNodes, numActions } = pairActionHistogram(split);
    const at = (u: number, v: number, a: number) => counts[(u * numNodes + v) * numActions + a];
    expect(at(0, 1, 0)).toBe(1);
    expect(at(1, 2, 1)).toBe(1);
    expect(at(2, 1, 1)).toBe(2);
    expect(at(2, 3, 0)).toBe(1);
    expect(at(3, 2, 0)).toBe(1);
    expect(counts.reduce((sum, c) => sum + c, 0)).toBe(6);
  });

  it('puts a disjoint dataset’s train and test moves on different actions of every pair', () => {
    const dataset = createDisjointDataset({ numNodes: 10, edgeProb: 0.4, numActions: 12, numGraphs: 10, testFraction: 0.5, numSamplesPerGraph: 8, numTimesteps: 20, seed: 2 });
    const train = pairActionHistogram(dataset.train).counts;
    const test = pairActionHistogram(dataset.test).counts;
    expect(train.reduce((sum, c) => sum + c, 0)).toBe(dataset.train.numWalks * 19);
    train.forEach((count, i) => {
      if (count > 0) expect(test[i]).toBe(0);
    });
    for (let u = 0; u < 10; u++) {
      for (let v = 0; v < 10; v++) {
        for (let a = 0; a < 12; a++) {
          if (train[(u * 10 + v) * 12 + a]! > 0) expect(dataset.sampler.partition.actions('train', u, v)).toContain(a);
        }
      }
    }
  });
});
