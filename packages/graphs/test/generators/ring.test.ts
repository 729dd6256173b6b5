import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ringGenerator } from '../../src/generators/ring.js';
import { createRng } from '../../src/rng.js';
import { degrees, edgeCount, isConnected } from '../../src/topology.js';

describe('ringGenerator', () => {
  it('builds a cycle', () => {
    const topology = ringGenerator({ numNodes: 6 }).generate(createRng(0));
    expect(edgeCount(topology)).toBe(6);
    expect([...degrees(topology)].every((d) => d === 2)).toBe(true);
    expect(isConnected(topology)).toBe(true);
  });

  it('adds the requested number of distinct chords', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 20 }), fc.integer(), (n, seed) => {
        const chords = Math.min(3, (n * (n - 1)) / 2 - n);
        const topology = ringGenerator({ numNodes: n, chords }).generate(createRng(seed));
        expect(edgeCount(topology)).toBe(n + chords);
      }),
    );
  });

  it('rejects rings too small or too full', () => {
    expect(() => ringGenerator({ numNodes: 2 })).toThrow('numNodes must be an integer ≥ 3 (got 2)');
    expect(() => ringGenerator({ numNodes: 4, chords: 3 })).toThrow('chords must be at most 2 for a ring of 4 nodes (got 3)');
  });
});
