import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';
import { createStandardDataset } from '../src/standard-dataset.js';
import { meanWalkCoverage, walkCoverage } from '../src/walk-coverage.js';
import { PATH4, splitOf } from './fixtures.js';

describe('walkCoverage', () => {
  it('is the share of edges visited in either direction after each move', () => {
    const coverage = walkCoverage(PATH4, { nodes: Int32Array.of(1, 2, 1, 0, 1, 2, 3), actions: Int32Array.of(1, 1, 0, 0, 1, 0) });
    expect([...coverage]).toEqual([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 2 / 3, 1]);
  });

  it('never falls and reaches at most 1, over many walks', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 300 }), (seed, steps) => {
        const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 10, edgeProb: 0.3 }), numActions: 10, rng: createRng(seed) });
        const coverage = walkCoverage(graph, randomWalk(graph, { steps, rng: createRng(seed) }));
        expect(coverage).toHaveLength(steps + 1);
        coverage.forEach((share, t) => {
          expect(share).toBeLessThanOrEqual(1);
          if (t > 0) expect(share).toBeGreaterThanOrEqual(coverage[t - 1]!);
        });
      }),
      { numRuns: 50 },
    );
  });
});

describe('meanWalkCoverage', () => {
  it('averages the walks of a split', () => {
    const split = splitOf([PATH4], [
      { graph: 0, nodes: [0, 1, 2] },
      { graph: 0, nodes: [1, 0, 1] },
    ]);
    expect([...meanWalkCoverage(split)]).toEqual([0, 1 / 3, (2 / 3 + 1 / 3) / 2]);
    const { train } = createStandardDataset({ numGraphs: 5, numSamplesPerGraph: 4, numTimesteps: 50, seed: 1 });
    const mean = meanWalkCoverage(train);
    expect(mean).toHaveLength(50);
    expect(mean[0]).toBe(0);
    expect(mean[49]).toBeGreaterThan(mean[10]!);
  });
});
