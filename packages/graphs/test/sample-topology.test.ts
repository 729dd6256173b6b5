import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { gnpGenerator } from '../src/generators/gnp.js';
import { createRng } from '../src/rng.js';
import { sampleTopology } from '../src/sample-topology.js';
import { edgeCount, isConnected, maxDegree } from '../src/topology.js';

describe('sampleTopology', () => {
  it('returns connected graphs with at least one edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.double({ min: 0.15, max: 1, noNaN: true }), fc.integer(), (n, p, seed) => {
        const topology = sampleTopology(gnpGenerator({ numNodes: n, edgeProb: Math.min(1, Math.max(p, 4 / n)) }), { rng: createRng(seed) });
        expect(isConnected(topology)).toBe(true);
        expect(edgeCount(topology)).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });

  it('applies an extra condition', () => {
    const topology = sampleTopology(gnpGenerator({ numNodes: 12, edgeProb: 0.3 }), {
      rng: createRng(5),
      reject: (t) => (maxDegree(t) > 4 ? 'degree above 4' : undefined),
    });
    expect(maxDegree(topology)).toBeLessThanOrEqual(4);
  });

  it('gives up after maxTries draws and says why', () => {
    expect(() => sampleTopology(gnpGenerator({ numNodes: 30, edgeProb: 0 }), { rng: createRng(1), maxTries: 50 })).toThrow(
      'gnp generator must be able to give a usable graph within 50 draws (rejected: 50 no edges) (got {"numNodes":30,"edgeProb":0})',
    );
    expect(() => sampleTopology(gnpGenerator({ numNodes: 30, edgeProb: 0.02 }), { rng: createRng(1), maxTries: 20 })).toThrow(
      /rejected: \d+ disconnected/,
    );
  });
});
