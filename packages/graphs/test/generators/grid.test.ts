import { describe, expect, it } from '@jest/globals';
import { gridGenerator } from '../../src/generators/grid.js';
import { createRng } from '../../src/rng.js';
import { degrees, edgeCount, isConnected } from '../../src/topology.js';

describe('gridGenerator', () => {
  it('builds an open lattice', () => {
    const topology = gridGenerator({ rows: 3, cols: 4 }).generate(createRng(0));
    expect(topology.numNodes).toBe(12);
    expect(edgeCount(topology)).toBe(3 * 3 + 2 * 4);
    expect(isConnected(topology)).toBe(true);
    expect(Math.max(...degrees(topology))).toBe(4);
    expect(Math.min(...degrees(topology))).toBe(2);
  });

  it('wraps into a torus where every node has degree 4', () => {
    const generator = gridGenerator({ rows: 3, cols: 5, periodic: true });
    const topology = generator.generate(createRng(0));
    expect(generator.name).toBe('torus');
    expect(edgeCount(topology)).toBe(30);
    expect([...degrees(topology)].every((d) => d === 4)).toBe(true);
  });

  it('rejects lattices that are too small', () => {
    expect(() => gridGenerator({ rows: 1, cols: 1 })).toThrow('at least 2 nodes');
    expect(() => gridGenerator({ rows: 2, cols: 4, periodic: true })).toThrow('both ≥ 3 when periodic is true');
    expect(() => gridGenerator({ rows: 0, cols: 4 })).toThrow('rows must be an integer ≥ 1 (got 0)');
  });
});
