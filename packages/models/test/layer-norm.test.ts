import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { LayerNorm } from '../src/layer-norm.js';
import { WeightStore } from '../src/weight-store.js';
import { values } from './helpers.js';

describe('LayerNorm', () => {
  it('normalises the last axis to mean 0 and variance 1 before its scale and shift', () => {
    const norm = new LayerNorm(new WeightStore(0), 'norm', 4);
    const out = norm.apply(tf.tensor2d([[1, 2, 3, 4], [-2, 0, 0, 2]]));
    const s = Math.sqrt(1.25 + 1e-5);
    expect(values(out)).toEqual([-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s, -2 / Math.sqrt(2 + 1e-5), 0, 0, 2 / Math.sqrt(2 + 1e-5)].map((x) => expect.closeTo(x, 4)));
  });
});
