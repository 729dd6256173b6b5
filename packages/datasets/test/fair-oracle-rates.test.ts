import { describe, expect, it } from '@jest/globals';
import { fairOracle } from '../src/fair-oracle.js';
import { fairOracleRates, summarizeFairOracle } from '../src/fair-oracle-rates.js';
import { createStandardDataset } from '../src/standard-dataset.js';
import { PATH4, splitOf } from './fixtures.js';

describe('summarizeFairOracle', () => {
  it('averages outcomes and adds chance on unknown steps only', () => {
    // Worked out in fair-oracle.test.ts: directed recalls 0 of 4 (1 stale), undirected 2 of 4 (1 stale).
    const sequence = { nodes: Int32Array.of(0, 1, 0, 2), actions: Int32Array.of(0, 0, 0, 0), targets: Int32Array.of(1, 0, 2, 0) };
    expect(summarizeFairOracle([fairOracle(sequence)], 4)).toEqual({
      numSteps: 4,
      directed: { predictable: 0, expectedAccuracy: 3 / 4 / 4 },
      undirected: { predictable: 0.5, expectedAccuracy: (2 + 1 / 4) / 4 },
      categories: { firstVisit: 0.5, reverse: 0.5, revisit: 0 },
    });
    expect(summarizeFairOracle([fairOracle(sequence, { resetAt: [2] })], 4)).toMatchObject({
      directed: { predictable: 0, expectedAccuracy: 1 / 4 },
      undirected: { predictable: 0.5, expectedAccuracy: (2 + 2 / 4) / 4 },
    });
    expect(summarizeFairOracle([], 4).numSteps).toBe(0);
  });
});

describe('fairOracleRates', () => {
  it('averages over every step of every walk of a split', () => {
    const split = splitOf([PATH4], [
      { graph: 0, nodes: [0, 1, 2, 1, 0, 1, 2, 3, 2] },
      { graph: 0, nodes: [1, 2, 1, 2, 1, 2, 1, 0, 1] },
    ]);
    // Walk 0 (see fair-oracle.test.ts): directed recalls 2, undirected 5, categories 3 first visits / 3 reverse / 2 revisits.
    // Walk 1: 1→2 first, then 5 bounces (1 reverse, 4 repeats), 1→0 first, 0→1 reverse: directed 4, undirected 6.
    expect(fairOracleRates(split)).toEqual({
      numSteps: 16,
      directed: { predictable: 6 / 16, expectedAccuracy: (6 + 10 / 4) / 16 },
      undirected: { predictable: 11 / 16, expectedAccuracy: (11 + 5 / 4) / 16 },
      categories: { firstVisit: 5 / 16, reverse: 5 / 16, revisit: 6 / 16 },
    });
  });

  it('orders the ceilings: undirected over directed, each over its predictable share', () => {
    const { test } = createStandardDataset({ numGraphs: 20, numSamplesPerGraph: 10, seed: 8 });
    const rates = fairOracleRates(test);
    expect(rates.numSteps).toBe(4 * 10 * 31);
    expect(rates.undirected.predictable).toBeGreaterThan(rates.directed.predictable);
    expect(rates.directed.expectedAccuracy).toBeGreaterThan(rates.directed.predictable);
    expect(rates.categories.firstVisit + rates.categories.reverse + rates.categories.revisit).toBeCloseTo(1, 12);
    expect(rates.directed.predictable).toBeCloseTo(rates.categories.revisit, 12);
  });
});
