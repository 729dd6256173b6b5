import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { nextNodeScore } from '../src/next-node-loss.js';

describe('nextNodeScore', () => {
  it('averages cross-entropy over every step and counts correct argmaxes', () => {
    // Two steps over three nodes: logits [0, 0, 0] (uniform) and [2, 0, 0] with target 0.
    const logits = tf.tensor3d([[[0, 0, 0], [2, 0, 0]]]);
    const targets = tf.tensor2d([[1, 0]], undefined, 'int32');
    const { loss, correct } = nextNodeScore(logits, targets);
    const expected = (Math.log(3) + (Math.log(Math.exp(2) + 2) - 2)) / 2;
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    // Step 1: all logits tie and argmax picks node 0, not the target 1.
    expect(correct.dataSync()[0]).toBe(1);
    tf.dispose([logits, targets, loss, correct]);
  });
});
