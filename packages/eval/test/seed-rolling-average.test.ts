import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { seedRollingAverage } from '../src/seed-rolling-average.js';

describe('seedRollingAverage', () => {
  it('averages the rolling curve, short windows at the start included', () => {
    expect(seedRollingAverage([0, 1, 1, 1], 2)).toBeCloseTo((0 + 0.5 + 1 + 1) / 4, 15);
    expect(seedRollingAverage([1, 0, 0], 5)).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 3, 15);
  });

  it("matches the original's loop (trailing windows clipped at the start) on any series", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (values, window) => {
        let total = 0;
        for (let i = 0; i < values.length; i++) {
          const start = Math.max(0, i - window + 1);
          total += values.slice(start, i + 1).reduce((a, b) => a + b, 0) / (i - start + 1);
        }
        expect(seedRollingAverage(values, window)).toBeCloseTo(total / values.length, 12);
      }),
    );
  });

  it('equals the plain mean with a window of one, and weighs the start more on a climbing curve', () => {
    const climbing = Array.from({ length: 300 }, (_, t) => (t < 100 ? 0 : 1));
    expect(seedRollingAverage(climbing, 1)).toBeCloseTo(2 / 3, 15);
    expect(seedRollingAverage(climbing, 100)).toBeLessThan(2 / 3);
  });

  it('names bad input', () => {
    expect(() => seedRollingAverage([1], 0)).toThrow('window must be an integer ≥ 1 (got 0)');
    expect(() => seedRollingAverage([], 3)).toThrow('values must be at least one value (got 0)');
  });
});
