import { describe, expect, it } from '@jest/globals';
import { correctness, meanOverSequences } from '../src/mean-over-sequences.js';

describe('meanOverSequences', () => {
  it('averages step by step', () => {
    expect([...meanOverSequences([Float64Array.of(1, 0, 1), Float64Array.of(0, 0, 1)])]).toEqual([0.5, 0, 1]);
    expect(meanOverSequences([])).toHaveLength(0);
  });

  it('marks correct predictions', () => {
    expect([...correctness(Int32Array.of(1, 2, 3), Int32Array.of(1, 0, 3))]).toEqual([1, 0, 1]);
  });
});
