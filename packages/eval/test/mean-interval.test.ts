import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { meanInterval } from '../src/mean-interval.js';
import { studentTCritical } from '../src/student-t.js';

describe('studentTCritical', () => {
  it('matches the printed two-sided 95% and 99% tables', () => {
    const table95: Array<[number, number]> = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [9, 2.262], [10, 2.228], [29, 2.045], [30, 2.042], [120, 1.98]];
    for (const [df, t] of table95) expect(studentTCritical(0.95, df)).toBeCloseTo(t, 3);
    expect(studentTCritical(0.99, 2)).toBeCloseTo(9.925, 3);
    expect(studentTCritical(0.99, 7)).toBeCloseTo(3.499, 3);
  });

  it('tends to the normal quantile as the degrees of freedom grow', () => {
    expect(studentTCritical(0.95, 5000)).toBeCloseTo(1.96, 2);
  });

  it('rejects impossible arguments', () => {
    expect(() => studentTCritical(1, 3)).toThrow('confidence must be a number in (0, 1) (got 1)');
    expect(() => studentTCritical(0.95, 0)).toThrow('degrees of freedom must be an integer ≥ 1 (got 0)');
  });
});

describe('meanInterval', () => {
  it('gives the mean, the sample standard deviation and the t interval', () => {
    const result = meanInterval([0.84, 0.86, 0.87]);
    expect(result.count).toBe(3);
    expect(result.mean).toBeCloseTo(0.856667, 6);
    expect(result.standardDeviation).toBeCloseTo(0.015275, 6);
    expect(result.halfWidth).toBeCloseTo((4.302653 * 0.015275) / Math.sqrt(3), 5);
    expect(result.low! + result.halfWidth!).toBeCloseTo(result.mean, 12);
    expect(result.high! - result.halfWidth!).toBeCloseTo(result.mean, 12);
  });

  it('has no spread for a single value', () => {
    expect(meanInterval([0.5])).toEqual({ count: 1, mean: 0.5, standardDeviation: null, halfWidth: null, low: null, high: null, confidence: 0.95 });
  });

  it('contains the mean, and narrows as the confidence drops', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 12 }), (values) => {
        const wide = meanInterval(values, 0.99);
        const narrow = meanInterval(values, 0.8);
        expect(wide.low!).toBeLessThanOrEqual(narrow.low! + 1e-9);
        expect(narrow.low!).toBeLessThanOrEqual(wide.mean + 1e-9);
        expect(wide.mean).toBeLessThanOrEqual(narrow.high! + 1e-9);
        expect(narrow.high!).toBeLessThanOrEqual(wide.high! + 1e-9);
      }),
    );
  });

  it('rejects empty and non-finite input', () => {
    expect(() => meanInterval([])).toThrow('values must be at least one number');
    expect(() => meanInterval([1, Number.NaN])).toThrow('values must be finite numbers (got NaN)');
  });
});
