import { describe, expect, it } from '@jest/globals';
import { splitWalks } from '../src/validation-split.js';

describe('splitWalks', () => {
  it('holds out floor(n × valSplit) walks by seed, disjoint from the training walks', () => {
    const { train, validation } = splitWalks(50, 0.2, 7);
    expect(validation).toHaveLength(10);
    expect(train).toHaveLength(40);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(splitWalks(50, 0.2, 7)).toEqual({ train, validation });
    expect(splitWalks(50, 0.2, 8).validation).not.toEqual(validation);
  });

  it('holds out nothing at valSplit 0', () => {
    expect(splitWalks(5, 0, 1).validation).toHaveLength(0);
  });
});
