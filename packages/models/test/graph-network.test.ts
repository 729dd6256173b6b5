import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { ModelError } from '../src/errors.js';
import type { GraphNetwork } from '../src/graph-network.js';
import { maxDifference, randomInputs, TINY, tinyNetworks, values } from './helpers.js';

const { numNodes, numActions } = TINY;
const BATCH = 2;
const LENGTH = 8;

/** Runs `inputs` through `network` in chunks of the given lengths, carrying the state. */
function runInChunks(network: GraphNetwork, inputs: tf.Tensor3D, lengths: number[]): tf.Tensor3D {
  let state = network.initialState(BATCH);
  let start = 0;
  const parts: tf.Tensor3D[] = [];
  for (const length of lengths) {
    const chunk = tf.slice(inputs, [0, start, 0], [-1, length, -1]);
    const result = network.forwardWithState(chunk, state);
    network.disposeState(state);
    state = result.state;
    parts.push(result.logits);
    start += length;
  }
  network.disposeState(state);
  return tf.concat(parts, 1);
}

/** Runs `inputs` one row at a time with `step`. */
function runStepwise(network: GraphNetwork, inputs: tf.Tensor3D): tf.Tensor3D {
  let state = network.initialState(BATCH);
  const rows = tf.unstack(inputs, 1) as tf.Tensor2D[];
  const logits = rows.map((row) => {
    const result = network.step(state, row);
    network.disposeState(state);
    state = result.state;
    return result.logits;
  });
  network.disposeState(state);
  return tf.stack(logits, 1) as tf.Tensor3D;
}

describe.each(tinyNetworks)('%s network', (_label, create) => {
  it('gives the same logits whole, in chunks and step by step', () => {
    const network = create(1);
    const inputs = randomInputs(2, BATCH, LENGTH, numNodes, numActions);
    const whole = network.forward(inputs);
    expect(whole.shape).toEqual([BATCH, LENGTH, numNodes]);
    expect(maxDifference(runInChunks(network, inputs, [3, 1, 4]), whole)).toBeLessThan(1e-5);
    expect(maxDifference(runStepwise(network, inputs), whole)).toBeLessThan(1e-5);
  });

  it('leaves the state it is given intact and leaks no tensors', () => {
    const network = create(1);
    const inputs = randomInputs(3, BATCH, 3, numNodes, numActions);
    const row = tf.squeeze<tf.Tensor2D>(tf.slice(inputs, [0, 0, 0], [-1, 1, -1]), [1]);
    const state = network.initialState(BATCH);
    const first = network.forwardWithState(inputs, state);
    const before = tf.memory().numTensors;
    const again = network.forwardWithState(inputs, state);
    expect(maxDifference(again.logits, first.logits)).toBe(0);
    network.disposeState(again.state);
    again.logits.dispose();
    tf.dispose(network.forward(inputs));
    tf.dispose(network.step(first.state, row));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is deterministic from its seed and round-trips its configuration', () => {
    const inputs = randomInputs(4, BATCH, 5, numNodes, numActions);
    const a = create(7);
    const b = create(7);
    const copy = (a.constructor as unknown as { fromConfig(config: unknown): GraphNetwork }).fromConfig(a.getConfig());
    for (const [name, variable] of a.namedVariables) {
      expect(values(b.namedVariables.get(name)!)).toEqual(values(variable));
      expect(values(copy.namedVariables.get(name)!)).toEqual(values(variable));
    }
    expect(values(b.forward(inputs))).toEqual(values(a.forward(inputs)));
    expect(copy.getConfig()).toEqual(a.getConfig());
    expect(values(create(8).namedVariables.get('decoder/hidden/kernel')!)).not.toEqual(
      values(a.namedVariables.get('decoder/hidden/kernel')!),
    );
  });

  it('has gradients that agree with finite differences', () => {
    const network = create(3);
    const inputs = randomInputs(5, BATCH, 4, numNodes, numActions);
    const readout = tf.randomNormal([BATCH, 4, numNodes], 0, 1, 'float32', 6);
    const loss = () => tf.tidy(() => tf.sum(tf.mul(network.forward(inputs), readout)).dataSync()[0]!);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(network.forward(inputs), readout)), network.trainableVariables);
    const mismatches: string[] = [];
    for (const [name, variable] of network.namedVariables) {
      // The derivative along a random unit direction, by central differences. A step
      // that crosses a ReLU kink spoils the difference, so smaller steps are tried too
      // (float32 rounding of the loss bounds how small a step can usefully be).
      const direction = tf.tidy(() => {
        const raw = tf.randomNormal(variable.shape, 0, 1, 'float32', name.length);
        return tf.div(raw, tf.norm(raw));
      });
      const analytic = tf.sum(tf.mul(grads[variable.name]!, direction)).dataSync()[0]!;
      const original = variable.clone();
      const lossAt = (step: number) => {
        variable.assign(tf.tidy(() => tf.add(original, tf.mul(direction, step))));
        return loss();
      };
      const numeric = [1e-3, 3e-4, 1e-4].map((step) => (lossAt(step) - lossAt(-step)) / (2 * step));
      variable.assign(original);
      if (!numeric.some((value) => Math.abs(value - analytic) <= 2e-3 + 2e-2 * Math.abs(analytic))) {
        mismatches.push(`${name}: analytic ${analytic}, numeric ${numeric.join(', ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps the tensor count flat across Adam training steps', () => {
    const network = create(2);
    const inputs = randomInputs(6, BATCH, 5, numNodes, numActions);
    const targets = tf.oneHot(tf.randomUniformInt([BATCH, 5], 0, numNodes, 7), numNodes);
    const optimizer = tf.train.adam(0.01);
    const loss = () => tf.losses.softmaxCrossEntropy(targets, network.forward(inputs)) as tf.Scalar;
    const trainStep = () => optimizer.minimize(loss, true, network.trainableVariables)?.dispose();
    trainStep();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainStep();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
  });

  it('rejects inputs of the wrong shape with ModelErrors', () => {
    const network = create(1);
    expect(() => network.forward(tf.zeros([2, 3, 5]) as tf.Tensor3D)).toThrow(
      `inputs shape must be [B, L ≥ 1, ${numNodes + numActions}] (numNodes + numActions) (got [2,3,5])`,
    );
    expect(() => network.forward(tf.zeros([2, 0, 8]) as tf.Tensor3D)).toThrow(ModelError);
    expect(() => network.forwardWithState(tf.zeros([3, 2, 8]) as tf.Tensor3D, network.initialState(2))).toThrow(
      "inputs batch size must be the state's batch size 2 (got 3)",
    );
    expect(() => network.step(network.initialState(2), tf.zeros([2, 1, 8]) as never)).toThrow('row shape must be [B, 8]');
    expect(() => network.initialState(0)).toThrow('batchSize must be an integer ≥ 1 (got 0)');
  });
});
