import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { gateBlock, maxDifference, randomInputs, recurrentReference, sigmoidValue } from './helpers.js';

describe('LSTMGraphNetwork', () => {
  it("computes PyTorch's LSTM equations (gates i, f, g, o), then the decoder", () => {
    const network = new LSTMGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 4, seed: 4 });
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
});
