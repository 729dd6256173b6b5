import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { fromArtifacts, toArtifacts } from '../src/checkpoint.js';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { gateBlock, maxDifference, randomInputs, recurrentReference, relativeDifference, sigmoidValue } from './helpers.js';

describe('LSTMGraphNetwork', () => {
  it.each(['wasm', 'reference'] as const)("computes PyTorch's LSTM equations (gates i, f, g, o), then the decoder: %s implementation", (implementation) => {
    const network = new LSTMGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 4, seed: 4 });
    network.implementation = implementation;
    const inputs = randomInputs(3, 2, 6, 5, 3);
    const expected = recurrentReference(
      network,
      inputs.arraySync(),
      (x, h, state) => {
        const [i, f, g, o] = [0, 1, 2, 3].map((k) => gateBlock(x.map((value, j) => value + h[j]!), 4, k));
        const cell = state.cell!.map((c, j) => sigmoidValue(f![j]!) * c + sigmoidValue(i![j]!) * Math.tanh(g![j]!));
        return { hidden: cell.map((c, j) => sigmoidValue(o![j]!) * Math.tanh(c)), cell };
      },
      ['hidden', 'cell'],
    );
    expect(maxDifference(network.forward(inputs), tf.tensor3d(expected))).toBeLessThan(1e-5);
  });

  it('keeps hidden and cell vectors as its state', () => {
    const network = new LSTMGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64 });
    const state = network.initialState(3);
    expect(Object.keys(state)).toEqual(['hidden', 'cell']);
    expect(state.cell.shape).toEqual([3, 64]);
    expect(network.countParameters().fast).toBe(128);
  });

  it('predicts with the kernel from a checkpoint as it did with the step-by-step reference: the same weights, the same layout', async () => {
    const network = new LSTMGraphNetwork({ numNodes: 6, numActions: 3, hiddenDim: 10, seed: 5 });
    network.implementation = 'reference';
    // Move the weights away from their seeded values, as training does, so that loading must restore them.
    network.trainableVariables.forEach((variable, i) => variable.assign(tf.add(variable, tf.randomNormal(variable.shape, 0, 0.3, 'float32', i))));
    const inputs = randomInputs(5, 3, 12, 6, 3);
    const expected = network.forward(inputs);
    const { manifest, weightData } = await toArtifacts(network);
    const { model } = fromArtifacts({ manifest: JSON.parse(JSON.stringify(manifest)), weightData });
    expect(model).toBeInstanceOf(LSTMGraphNetwork);
    (model as LSTMGraphNetwork).implementation = 'wasm';
    const predicted = model.forward(inputs);
    expect(relativeDifference(predicted, expected)).toBeLessThan(1e-5);
    tf.dispose([inputs, expected, predicted]);
    network.dispose();
    model.dispose();
  });
});
