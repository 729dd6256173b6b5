import { describe, expect, it } from '@jest/globals';
import { ActionGraph } from '@pg/graphs';
import { tripletOverlap } from '../src/triplet-overlap.js';

const graph = (edges: Array<[number, number, number]>) => ActionGraph.fromEdges(4, 3, edges.map(([u, v, action]) => ({ u, v, action })));

describe('tripletOverlap', () => {
  it('is the share of distinct test triplets found in some train graph', () => {
    const train = [graph([[0, 1, 0], [1, 2, 1]]), graph([[2, 3, 2]])];
    // {0,1} a0 is shared (given the other way round), {1,2} a2 differs in action, {2,3} a2 is in the second train graph, {0,3} a1 is new.
    const test = [graph([[1, 0, 0], [1, 2, 2], [0, 3, 1]]), graph([[2, 3, 2], [0, 1, 0]])];
    expect(tripletOverlap(train, test)).toBe(2 / 4);
    expect(tripletOverlap(test, test)).toBe(1);
    expect(tripletOverlap(train, [graph([[0, 2, 0]])])).toBe(0);
    expect(tripletOverlap(train, [])).toBe(0);
  });
});
