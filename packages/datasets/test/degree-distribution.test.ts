import { describe, expect, it } from '@jest/globals';
import { ActionGraph } from '@pg/graphs';
import { degreeDistribution } from '../src/degree-distribution.js';
import { createStandardDataset } from '../src/standard-dataset.js';
import { PATH4 } from './fixtures.js';

describe('degreeDistribution', () => {
  it('counts nodes by degree over all graphs', () => {
    const star = ActionGraph.fromEdges(4, 3, [1, 2, 3].map((v) => ({ u: 0, v, action: v - 1 })));
    // PATH4: degrees 1, 2, 2, 1; the star: 3, 1, 1, 1.
    expect([...degreeDistribution([PATH4, star])]).toEqual([0, 5, 2, 1]);
    expect([...degreeDistribution([])]).toEqual([0]);
  });

  it('covers every node of a dataset', () => {
    const { train } = createStandardDataset({ numGraphs: 10, numSamplesPerGraph: 1, seed: 4 });
    const counts = degreeDistribution(train.graphs);
    expect(counts.reduce((sum, c) => sum + c, 0)).toBe(8 * 20);
    expect(counts[0]).toBe(0); // graphs are connected
    expect(counts.length - 1).toBe(Math.max(...train.graphs.map((graph) => graph.maxDegree)));
  });
});
