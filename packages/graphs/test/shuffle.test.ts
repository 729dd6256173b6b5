import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRng } from '../src/rng.js';
import { shuffleInPlace } from '../src/shuffle.js';

describe('shuffleInPlace', () => {
  it('returns a permutation of its input, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const a = shuffleInPlace([...items], createRng(seed));
        const b = shuffleInPlace([...items], createRng(seed));
        expect(a).toEqual(b);
        expect([...a].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('shuffles typed arrays and reaches every order', () => {
    const orders = new Set<string>();
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) orders.add(shuffleInPlace(Int32Array.of(0, 1, 2), rng).join(''));
    expect(orders.size).toBe(6);
  });
});
