import { describe, expect, it } from '@jest/globals';
import { learningRateAt } from '../src/learning-rate.js';

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
