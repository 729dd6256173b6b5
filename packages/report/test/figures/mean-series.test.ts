import { describe, expect, it } from '@jest/globals';
import { meanSeries } from '../../src/figures/mean-series.js';

describe('meanSeries', () => {
  it('averages curves point by point, with the 95% interval as a band', () => {
    const series = meanSeries('plastic', [
      { x: [10, 20], y: [0.2, 0.6] },
      { x: [10, 20], y: [0.4, 0.6] },
    ]);
    expect(series.label).toBe('plastic');
    expect(series.x).toEqual([10, 20]);
    expect(Array.from(series.y)[0]).toBeCloseTo(0.3, 12);
    // Two seeds: sd 0.1414, t(0.975, 1) = 12.706, so the half-width is 12.706 · 0.1414 / √2 = 1.2706.
    expect(Array.from(series.band!.lower)[0]).toBeCloseTo(0.3 - 1.2706, 4);
    expect(Array.from(series.band!.upper)[0]).toBeCloseTo(0.3 + 1.2706, 4);
    // No spread where the seeds agree.
    expect(Array.from(series.band!.upper)[1]).toBeCloseTo(0.6, 12);
  });

  it('has no band for a single curve', () => {
    expect(meanSeries('rnn', [{ x: [1, 2], y: [0.1, 0.2] }])).toEqual({ label: 'rnn', x: [1, 2], y: [0.1, 0.2] });
  });

  it('refuses curves measured at different x positions', () => {
    expect(() => meanSeries('a', [{ x: [1, 2], y: [0, 0] }, { x: [1, 3], y: [0, 0] }])).toThrow('curves must be curves measured at the same x positions (got "2 curves")');
    expect(() => meanSeries('a', [])).toThrow('curves must be at least one curve');
  });
});
