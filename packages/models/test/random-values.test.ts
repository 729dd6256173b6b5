import { describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import { normalValues, uniformValues } from '../src/random-values.js';

const mean = (xs: Float32Array) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('uniformValues', () => {
  it('draws reproducibly within ±bound, evenly', () => {
    const xs = uniformValues(createRng(1), 20_000, 0.5);
    expect(Math.max(...xs)).toBeLessThanOrEqual(0.5);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-0.5);
    expect(mean(xs)).toBeCloseTo(0, 2);
    expect(mean(xs.map((x) => x * x))).toBeCloseTo(1 / 12, 2);
    expect(uniformValues(createRng(1), 5, 0.5)).toEqual(xs.subarray(0, 5));
  });
});

describe('normalValues', () => {
  it('has mean 0 and the given standard deviation, odd sizes included', () => {
    const xs = normalValues(createRng(2), 20_001, 2);
    expect(xs).toHaveLength(20_001);
    expect(mean(xs)).toBeCloseTo(0, 1);
    expect(Math.sqrt(mean(xs.map((x) => x * x)))).toBeCloseTo(2, 1);
    expect(normalValues(createRng(2), 4)).toEqual(normalValues(createRng(2), 4));
  });
});
