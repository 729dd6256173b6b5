import { describe, expect, it } from '@jest/globals';
import { optimizerSteps } from '../src/optimizer-steps.js';

describe('optimizerSteps', () => {
  const whole = { batchesPerEpoch: 10, walkSteps: 99, tbpttSteps: null, curriculum: null };

  it('counts one step per batch for whole walks', () => {
    expect(optimizerSteps(0, whole)).toBe(0);
    expect(optimizerSteps(3, whole)).toBe(30);
  });

  it('counts one step per chunk with truncated backpropagation, the last chunk shorter', () => {
    expect(optimizerSteps(2, { ...whole, tbpttSteps: 40 })).toBe(2 * 10 * 3);
    expect(optimizerSteps(2, { ...whole, tbpttSteps: 99 })).toBe(20);
    // A chunk longer than the walk is the whole walk.
    expect(optimizerSteps(2, { ...whole, tbpttSteps: 500 })).toBe(20);
  });

  it("counts each epoch's chunks of the steps its curriculum trains", () => {
    // 20, 60, 99, 99 steps trained: 1, 3, 5, 5 chunks of 20.
    const schedule = { ...whole, tbpttSteps: 20, curriculum: { startSteps: 20, epochs: 2 } };
    expect(optimizerSteps(4, schedule)).toBe(10 * (1 + 3 + 5 + 5));
  });
});
