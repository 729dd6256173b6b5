import { describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import { PlasticGraphNetwork, type PlasticGraphNetworkConfig } from '../src/plastic-graph-network.js';
import { PlasticLayer } from '../src/plastic-layer.js';
import { randomInputs } from './helpers.js';

/** The largest absolute difference, relative to the largest magnitude of the reference. */
function relativeDifference(actual: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]! / Math.max(1e-12, tf.max(tf.abs(expected)).dataSync()[0]!));
}

/** Logits and the gradient of every variable of a loss on them, for one implementation. */
function run(config: PlasticGraphNetworkConfig, inputs: tf.Tensor3D) {
  const network = new PlasticGraphNetwork(config);
  const state = network.initialState(inputs.shape[0], createRng(3));
  const weights = tf.tidy(() => tf.randomNormal(network.forward(inputs, state).shape, 0, 1, 'float32', 5));
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(network.forward(inputs, state), weights)) as tf.Scalar, network.trainableVariables);
  const names = [...network.namedVariables.keys()];
  const result = { logits: network.forward(inputs, state), value, grads: names.map((name, i) => [name, grads[network.trainableVariables[i]!.name]!] as const) };
  return { ...result, dispose: () => (network.dispose(), tf.dispose([weights, value, ...Object.values(grads), result.logits]), network.disposeState(state)) };
}

describe('the fused plastic recurrence', () => {
  const cases: Array<[string, PlasticGraphNetworkConfig, number, number]> = [
    ['the seed model at the reference size', { numNodes: 50, numActions: 15, hiddenDim: 128, seed: 1 }, 4, 39],
    ['a small model over long sequences', { numNodes: 6, numActions: 4, hiddenDim: 16, seed: 2 }, 3, 120],
    ['every variant', { numNodes: 8, numActions: 5, hiddenDim: 12, seed: 3, decay: true, gatedWrite: true, reverseWrite: true }, 3, 30],
  ];
  for (const [name, config, batchSize, length] of cases) {
    it(`equals the step-by-step reference in outputs and gradients: ${name}`, () => {
      const inputs = randomInputs(7, batchSize, length, config.numNodes, config.numActions);
      const fused = run({ ...config, implementation: 'fused' }, inputs);
      const reference = run({ ...config, implementation: 'reference' }, inputs);
      expect(relativeDifference(fused.logits, reference.logits)).toBeLessThan(1e-4);
      const differences = Object.fromEntries(fused.grads.map(([variable, grad], i) => [variable, relativeDifference(grad, reference.grads[i]![1]) < 1e-3]));
      expect(Object.values(differences).every(Boolean) ? 'all gradients agree' : differences).toBe('all gradients agree');
      fused.dispose();
      reference.dispose();
      inputs.dispose();
    });
  }

  it('passes gradients through the fast weights carried from chunk to chunk', () => {
    const config = { numNodes: 6, numActions: 4, hiddenDim: 10, seed: 5, reverseWrite: true };
    const inputs = randomInputs(9, 3, 14, 6, 4);
    const first = tf.slice(inputs, [0, 0, 0], [3, 6, 10]) as tf.Tensor3D;
    const second = tf.slice(inputs, [0, 6, 0], [3, 8, 10]) as tf.Tensor3D;
    const gradients = (implementation: 'fused' | 'reference') => {
      const network = new PlasticGraphNetwork({ ...config, implementation });
      const state = network.initialState(3, createRng(2));
      const { grads } = tf.variableGrads(() => {
        const chunk = network.forwardWithState(first, state);
        // The loss sees the first chunk only through the state it hands on, and the final fast weights directly.
        const next = network.forwardWithState(second, chunk.state);
        return tf.add(tf.sum(tf.square(next.logits)), tf.sum(tf.mul(next.state.fastWeights, 0.5))) as tf.Scalar;
      }, network.trainableVariables);
      const byName = [...network.namedVariables].map(([name, variable]) => [name, grads[variable.name]!] as const);
      return { byName, dispose: () => (network.dispose(), network.disposeState(state), tf.dispose(Object.values(grads))) };
    };
    const fused = gradients('fused');
    const reference = gradients('reference');
    const agree = fused.byName.every(([, grad], i) => relativeDifference(grad, reference.byName[i]![1]) < 1e-3);
    expect(agree ? 'all gradients agree' : fused.byName.map(([name, grad], i) => [name, relativeDifference(grad, reference.byName[i]![1])])).toBe(
      'all gradients agree',
    );
    fused.dispose();
    reference.dispose();
    tf.dispose([inputs, first, second]);
  });

  it('carries the fast weights across chunks as the reference does', () => {
    const layer = new PlasticLayer({ hiddenDim: 6 });
    const rng = createRng(4);
    const state = layer.initialState(2, rng);
    const queries = tf.randomNormal([2, 9, 6], 0, 1, 'float32', 1) as tf.Tensor3D;
    const keys = tf.relu(tf.randomNormal([2, 8, 6], 0, 1, 'float32', 2)) as tf.Tensor3D;
    const values = tf.relu(tf.randomNormal([2, 8, 6], 0, 1, 'float32', 3)) as tf.Tensor3D;
    const writeSteps = Int32Array.of(1, 2, 2, 4, 5, 6, 8, 8);
    const fused = layer.scan(state, { queries, keys, values, writeSteps });
    const reference = layer.scan(state, { queries, keys, values, writeSteps }, { implementation: 'reference' });
    expect(relativeDifference(fused.reads, reference.reads)).toBeLessThan(1e-5);
    expect(relativeDifference(fused.state!, reference.state!)).toBeLessThan(1e-5);
    tf.dispose([state, queries, keys, values, fused.reads, fused.state!, reference.reads, reference.state!]);
  });

  it('rejects writes out of order or out of range', () => {
    const layer = new PlasticLayer({ hiddenDim: 2 });
    const state = layer.initialState(1, createRng(1));
    const x = tf.zeros([1, 2, 2]) as tf.Tensor3D;
    expect(() => layer.scan(state, { queries: x, keys: x, values: x, writeSteps: Int32Array.of(1, 0) })).toThrow(
      'writeSteps[1] must be a step in [0, 1], not before the previous write\'s (got 0)',
    );
    expect(() => layer.scan(state, { queries: x, keys: x, values: x, writeSteps: Int32Array.of(0) })).toThrow('keys shape must be [1, 1, 2] (one row per write)');
    tf.dispose([state, x]);
  });
});
