import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { gnpGenerator } from '../../src/generators/gnp.js';
import { createRng } from '../../src/rng.js';
import { edgeCount } from '../../src/topology.js';

describe('gnpGenerator', () => {
  it('draws simple graphs with ordered pairs, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (n, p, seed) => {
        const generator = gnpGenerator({ numNodes: n, edgeProb: p });
        const topology = generator.generate(createRng(seed));
        expect(topology.numNodes).toBe(n);
        const pairs = new Set<number>();
        for (let i = 0; i < topology.edges.length; i += 2) {
          const [u, v] = [topology.edges[i]!, topology.edges[i + 1]!];
          expect(u).toBeLessThan(v);
          expect(v).toBeLessThan(n);
          pairs.add(u * n + v);
        }
        expect(pairs.size).toBe(edgeCount(topology));
        expect(generator.generate(createRng(seed)).edges).toEqual(topology.edges);
      }),
    );
  });

  it('gives empty and complete graphs at p = 0 and p = 1', () => {
    expect(edgeCount(gnpGenerator({ numNodes: 10, edgeProb: 0 }).generate(createRng(1)))).toBe(0);
    expect(edgeCount(gnpGenerator({ numNodes: 10, edgeProb: 1 }).generate(createRng(1)))).toBe(45);
  });

  it('draws each pair with probability edgeProb', () => {
    const generator = gnpGenerator({ numNodes: 50, edgeProb: 0.1 });
    const rng = createRng(3);
    let edges = 0;
    for (let i = 0; i < 200; i++) edges += edgeCount(generator.generate(rng));
    // 245 000 pairs: the mean is within 1% of 0.1 with overwhelming probability.
    expect(edges / (200 * 1225)).toBeCloseTo(0.1, 2);
  });

  it('rejects impossible parameters', () => {
    expect(() => gnpGenerator({ numNodes: 1, edgeProb: 0.5 })).toThrow('numNodes must be an integer ≥ 2 (got 1)');
    expect(() => gnpGenerator({ numNodes: 2.5, edgeProb: 0.5 })).toThrow('numNodes must be an integer');
    expect(() => gnpGenerator({ numNodes: 5, edgeProb: 1.5 })).toThrow('edgeProb must be a number in [0, 1] (got 1.5)');
    expect(() => gnpGenerator({ numNodes: 5, edgeProb: Number.NaN })).toThrow('edgeProb');
    expect(gnpGenerator({ numNodes: 5, edgeProb: 0.25 }).getConfig()).toEqual({ numNodes: 5, edgeProb: 0.25 });
  });
});
