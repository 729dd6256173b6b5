import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deriveSeed } from '../src/derive-seed.js';
import { createRng, randomInt } from '../src/rng.js';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => randomInt(rng, 1000));
};

describe('createRng', () => {
  it('replays the same stream for the same seed', () => {
    fc.assert(fc.property(fc.integer(), (seed) => expect(draw(seed, 20)).toEqual(draw(seed, 20))));
  });

  it('is pinned across runs and platforms', () => {
    // A change here changes every dataset made with an earlier version.
    expect(draw(42, 8)).toEqual([605, 225, 535, 820, 834, 84, 852, 787]);
  });

  it('rejects seeds that are not integers', () => {
    expect(() => createRng(1.5)).toThrow('seed must be an integer');
  });

  it('draws integers in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const value = randomInt(createRng(seed), n);
        expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
      }),
    );
  });
});

describe('deriveSeed', () => {
  it('is deterministic and separates paths', () => {
    expect(deriveSeed(42, 'train', 3)).toBe(deriveSeed(42, 'train', 3));
    const seeds = new Set<number>();
    for (const split of ['train', 'test']) for (let i = 0; i < 500; i++) seeds.add(deriveSeed(42, split, i));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(42, 'a', 'b')).not.toBe(deriveSeed(42, 'ab'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
    expect(deriveSeed(2 ** 40, 'x')).not.toBe(deriveSeed(0, 'x'));
  });

  it('returns 32-bit integers', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.oneof(fc.string(), fc.nat())), (seed, path) => {
        const derived = deriveSeed(seed, ...path);
        expect(derived).toBe(derived | 0);
      }),
    );
  });
});
