import { describe, expect, it } from '@jest/globals';
import { didYouMean } from '../../src/config/did-you-mean.js';

describe('didYouMean', () => {
  it('suggests the closest candidate for a likely typo', () => {
    expect(didYouMean('num_node', ['num_nodes', 'num_graphs'])).toBe('num_nodes');
    expect(didYouMean('LR', ['lr', 'epochs'])).toBe('lr');
    expect(didYouMean('hiden_dim', ['hidden_dim', 'intermediate_dim'])).toBe('hidden_dim');
  });

  it('stays silent when nothing is close', () => {
    expect(didYouMean('zzzz', ['lr', 'epochs'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
