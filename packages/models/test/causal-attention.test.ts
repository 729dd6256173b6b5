import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { attend, causalMask } from '../src/causal-attention.js';
import { values } from './helpers.js';

describe('causalMask', () => {
  it('lets each new query see every earlier key and itself', () => {
    const m = -1e9;
    expect(causalMask(0, 3).arraySync()).toEqual([
      [0, m, m],
      [0, 0, m],
      [0, 0, 0],
    ]);
    expect(causalMask(2, 2).arraySync()).toEqual([
      [0, 0, 0, m],
      [0, 0, 0, 0],
    ]);
  });
});

describe('attend', () => {
  it('averages the visible values by softmax(q kᵀ / √d)', () => {
    const q = tf.tensor4d([[[[1, 0], [0, 1]]]]);
    const k = tf.tensor4d([[[[1, 0], [0, 1]]]]);
    const v = tf.tensor4d([[[[10, 0], [0, 10]]]]);
    const out = attend(q, k, v, causalMask(0, 2));
    const w = Math.exp(1 / Math.SQRT2) / (Math.exp(1 / Math.SQRT2) + 1);
    expect(values(out)).toEqual([10, 0, 10 * (1 - w), 10 * w].map((x) => expect.closeTo(x, 4)));
  });
});
