import { describe, expect, it } from '@jest/globals';
import { DatasetError } from '../src/errors.js';
import { requireInteger, requireUnitNumber } from '../src/validate.js';

describe('requireInteger', () => {
  it('returns integers in range and names the field, value and range otherwise', () => {
    expect(requireInteger('n', 3, 1)).toBe(3);
    expect(requireInteger('n', 5, 1, 5)).toBe(5);
    expect(() => requireInteger('n', 0, 1)).toThrow(new DatasetError('n', 0, 'an integer ≥ 1'));
    expect(() => requireInteger('n', 2.5, 1)).toThrow('n must be an integer ≥ 1 (got 2.5)');
    expect(() => requireInteger('k', 6, 1, 5)).toThrow('k must be an integer in [1, 5] (got 6)');
    expect(() => requireInteger('k', '3', 1)).toThrow('k must be an integer ≥ 1 (got "3")');
  });
});

describe('requireUnitNumber', () => {
  it('accepts [0, 1], or [0, 1) when asked', () => {
    expect(requireUnitNumber('p', 1)).toBe(1);
    expect(requireUnitNumber('p', 0)).toBe(0);
    expect(() => requireUnitNumber('f', 1, true)).toThrow('f must be a number in [0, 1) (got 1)');
    expect(() => requireUnitNumber('p', -0.1)).toThrow('p must be a number in [0, 1] (got -0.1)');
    expect(() => requireUnitNumber('p', Number.NaN)).toThrow('p must be a number in [0, 1] (got NaN)');
    expect(() => requireUnitNumber('p', null)).toThrow('p must be a number in [0, 1] (got null)');
  });
});
