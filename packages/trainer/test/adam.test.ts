import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { Adam } from '../src/adam.js';

// A small quadratic bowl with fixed, varied gradients: enough to exercise every term of the update.
const gradientsAt = (step: number) => tf.tensor1d([0.3 * Math.sin(step), -0.2, 0.05 * step]);
const start = () => new Map([['w', tf.variable(tf.tensor1d([1, -2, 0.5]))]]);

describe('Adam', () => {
  it("trains exactly as tfjs-core's train.adam, bit for bit", () => {
    const ours = start();
    const theirs = start();
    const adam = new Adam(0.01, 0.9, 0.999, 1e-8);
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    for (let step = 0; step < 200; step++) {
      const gradient = gradientsAt(step);
      adam.step(ours, { [ours.get('w')!.name]: gradient });
      reference.applyGradients([{ name: theirs.get('w')!.name, tensor: gradient }]);
      gradient.dispose();
    }
    expect(ours.get('w')!.dataSync()).toEqual(theirs.get('w')!.dataSync());
    tf.dispose([ours.get('w')!, theirs.get('w')!]);
    adam.dispose();
    reference.dispose();
  });

  it('continues bit for bit from its saved state, where train.adam restored by setWeights drifts', async () => {
    const straight = start();
    const adam = new Adam(0.01);
    const resumed = start();
    let second: Adam | undefined;
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    const referenceResumed = start();
    let referenceSecond: tf.AdamOptimizer | undefined;
    for (let step = 0; step < 60; step++) {
      if (step === 30) {
        // Save and restore: copy the weights and the optimizer's state into fresh ones.
        resumed.get('w')!.assign(straight.get('w')!);
        const state = adam.state();
        second = new Adam(0.01);
        second.restore(state);
        tf.dispose(state);
        referenceResumed.get('w')!.assign(straight.get('w')!);
        referenceSecond = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
        const weights = await reference.getWeights();
        await referenceSecond.setWeights(weights.map(({ name, tensor }) => ({ name, tensor: tf.clone(tensor) })));
      }
      const gradient = gradientsAt(step);
      adam.step(straight, { [straight.get('w')!.name]: gradient });
      if (step < 30) reference.applyGradients([{ name: referenceResumed.get('w')!.name, tensor: gradient }]);
      else {
        second!.step(resumed, { [resumed.get('w')!.name]: gradient });
        referenceSecond!.applyGradients([{ name: referenceResumed.get('w')!.name, tensor: gradient }]);
      }
      gradient.dispose();
    }
    expect(resumed.get('w')!.dataSync()).toEqual(straight.get('w')!.dataSync());
    // The cause of the bug this class fixes: tfjs recomputes beta2 ** t on restore, and the weights end elsewhere.
    expect(referenceResumed.get('w')!.dataSync()).not.toEqual(straight.get('w')!.dataSync());
    for (const optimizer of [adam, second!, reference, referenceSecond!]) optimizer.dispose();
  });

  it('holds no tensor beyond its state', () => {
    const weights = start();
    const adam = new Adam(0.01);
    const gradient = gradientsAt(1);
    adam.step(weights, { [weights.get('w')!.name]: gradient });
    const before = tf.memory().numTensors;
    for (let step = 0; step < 5; step++) adam.step(weights, { [weights.get('w')!.name]: gradient });
    const state = adam.state();
    adam.restore(state);
    tf.dispose(state);
    expect(tf.memory().numTensors).toBe(before);
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before - 4);
    tf.dispose([gradient, weights.get('w')!]);
  });

  it('refuses a state that is not its own', () => {
    const adam = new Adam(0.01);
    expect(() => adam.restore({ 'm/w': tf.scalar(1) })).toThrow('optimizer state must be Adam\'s state, with beta1_power (got ["m/w"])');
    adam.dispose();
  });
});
