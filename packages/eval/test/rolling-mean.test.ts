import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rollingMean } from '../src/rolling-mean.js';

describe('rollingMean', () => {
  it('averages trailing windows', () => {
    const { x, y } = rollingMean([1, 0, 1, 1, 0], 2);
    expect([...x]).toEqual([1, 2, 3, 4]);
    expect([...y]).toEqual([0.5, 0.5, 1, 0.5]);
  });

  it('matches a direct average everywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, w) => {
        const window = 1 + (w % values.length);
        const { x, y } = rollingMean(values, window);
        expect(x.length).toBe(values.length - window + 1);
        x.forEach((t, i) => {
          const direct = values.slice(t - window + 1, t + 1).reduce((a, b) => a + b, 0) / window;
          expect(y[i]).toBeCloseTo(direct, 12);
        });
      }),
    );
  });

  it('rejects windows longer than the series', () => {
    expect(() => rollingMean([1, 0], 3)).toThrow('window must be an integer in [1, 2] (the length of the series) (got 3)');
  });
});
