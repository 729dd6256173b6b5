import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { firstNonFiniteWeight } from '../src/non-finite.js';

describe('firstNonFiniteWeight', () => {
  it('names the first weight holding NaN or an infinity, and frees what it computes', () => {
    const weights = new Map([
      ['a', tf.tensor1d([1, 2])],
      ['b', tf.tensor1d([1, Infinity])],
      ['c', tf.tensor1d([NaN])],
    ]);
    const before = tf.memory().numTensors;
    expect(firstNonFiniteWeight(weights)).toBe('b');
    expect(firstNonFiniteWeight(new Map([['a', weights.get('a')!]]))).toBeNull();
    expect(firstNonFiniteWeight(new Map([['c', weights.get('c')!]]))).toBe('c');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...weights.values()]);
  });
});
