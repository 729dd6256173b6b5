import { describe, expect, it } from '@jest/globals';
import { stepsToRecover } from '../src/steps-to-recover.js';

describe('stepsToRecover', () => {
  it('counts steps until the mean since the switch is back to 90% of the level before', () => {
    // Level before: 1. After the switch: 0, 0, then correct. Means since the switch: 0, 0, 1/3, 2/4, then a
    // full 4-step window 3/4 at step 5 and 4/4 at step 6: 0.9 is first reached at the 6th step.
    const trace = [1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
    expect(stepsToRecover(trace, 4, { window: 4 })).toEqual({ levelBefore: 1, target: 0.9, steps: 6 });
  });

  it('is 1 when the first step after the switch is already good enough', () => {
    expect(stepsToRecover([0.5, 0.5, 0.5, 1, 0], 3, { window: 3 }).steps).toBe(1);
  });

  it('uses averaged traces and a chosen fraction', () => {
    const trace = [0.8, 0.8, 0.1, 0.3, 0.5, 0.7];
    // Target 0.5 × 0.8 = 0.4; trailing means (window 2) after the switch: 0.1, 0.2, 0.4.
    expect(stepsToRecover(trace, 2, { window: 2, fraction: 0.5 })).toEqual({ levelBefore: 0.8, target: 0.4, steps: 3 });
  });

  it('is null when accuracy never comes back', () => {
    expect(stepsToRecover([1, 1, 0, 0, 0], 2, { window: 2 }).steps).toBeNull();
  });

  it('needs a full window before the switch', () => {
    expect(() => stepsToRecover([1, 1, 1], 1, { window: 2 })).toThrow('switchAt must be an integer in [window 2, 2] (a full window before it) (got 1)');
  });
});
