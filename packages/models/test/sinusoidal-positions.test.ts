import { describe, expect, it } from '@jest/globals';
import { sinusoidalPositions } from '../src/sinusoidal-positions.js';
import { values } from './helpers.js';

describe('sinusoidalPositions', () => {
  it('alternates sin and cos of the position at falling frequencies', () => {
    const p = 3;
    const expected = [Math.sin(p), Math.cos(p), Math.sin(p / 100), Math.cos(p / 100)];
    expect(values(sinusoidalPositions(3, 1, 4))).toEqual(expected.map((x) => expect.closeTo(x, 5)));
    expect(values(sinusoidalPositions(0, 4, 4)).slice(12)).toEqual(values(sinusoidalPositions(3, 1, 4)));
  });
});
