import { describe, expect, it } from '@jest/globals';
import { learningRateAt, warmupFactor } from '../src/learning-rate.js';

describe('learningRateAt', () => {
  it('anneals along a half cosine, stepped per epoch', () => {
    const schedule = { base: 0.001, epochs: 4, scheduler: 'cosine' } as const;
    const expected = [0.001, (0.001 * (1 + Math.SQRT1_2)) / 2, 0.0005, (0.001 * (1 - Math.SQRT1_2)) / 2];
    expected.forEach((rate, epoch) => expect(learningRateAt(epoch, schedule)).toBeCloseTo(rate, 15));
  });

  it('stays put without a schedule', () => {
    expect(learningRateAt(7, { base: 0.01, epochs: 10, scheduler: 'none' })).toBe(0.01);
  });
});

describe('warmupFactor', () => {
  it('rises linearly over the warm-up steps, then stays at 1', () => {
    expect([0, 1, 2, 3, 4, 100].map((step) => warmupFactor(step, 4))).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
    expect(warmupFactor(0, null)).toBe(1);
  });
});
