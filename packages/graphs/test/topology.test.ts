import { describe, expect, it } from '@jest/globals';
import { createTopology, degrees, edgeCount, isConnected, maxDegree } from '../src/topology.js';

describe('createTopology', () => {
  it('orients every pair u < v', () => {
    const topology = createTopology(3, [[1, 0], [2, 1]]);
    expect([...topology.edges]).toEqual([0, 1, 1, 2]);
    expect(edgeCount(topology)).toBe(2);
    expect([...degrees(topology)]).toEqual([1, 2, 1]);
    expect(maxDegree(topology)).toBe(2);
  });

  it('rejects self-loops, repeated pairs and nodes out of range', () => {
    expect(() => createTopology(3, [[1, 1]])).toThrow('no self-loops');
    expect(() => createTopology(3, [[0, 1], [1, 0]])).toThrow('listed once');
    expect(() => createTopology(3, [[0, 3]])).toThrow('edge endpoint must be an integer in [0, 2] (got 3)');
    expect(() => createTopology(0, [])).toThrow('numNodes must be an integer ≥ 1 (got 0)');
  });
});

describe('isConnected', () => {
  it('tells connected graphs from split ones', () => {
    expect(isConnected(createTopology(4, [[0, 1], [1, 2], [2, 3]]))).toBe(true);
    expect(isConnected(createTopology(4, [[0, 1], [2, 3]]))).toBe(false);
    expect(isConnected(createTopology(1, []))).toBe(true);
    expect(isConnected(createTopology(2, []))).toBe(false);
  });
});
