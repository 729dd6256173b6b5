import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { maxDifference, randomInputs, recurrentReference } from './helpers.js';

describe('RNNGraphNetwork', () => {
  it('computes h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh) from h_0 = 0, then the decoder', () => {
    const network = new RNNGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 4, seed: 2 });
    const inputs = randomInputs(1, 2, 6, 5, 3);
    const expected = recurrentReference(
      network,
      inputs.arraySync(),
      (x, h) => ({ hidden: x.map((value, i) => Math.tanh(value + h[i]!)) }),
      ['hidden'],
    );
    expect(maxDifference(network.forward(inputs), tf.tensor3d(expected))).toBeLessThan(1e-5);
  });

  it("has the original's parameter counts", () => {
    const counts = (numNodes: number, numActions: number, hiddenDim: number) =>
      new RNNGraphNetwork({ numNodes, numActions, hiddenDim }).countParameters();
    expect(counts(8, 10, 1024)).toEqual({ slow: 1_162_034, fast: 1024 });
    expect(counts(20, 8, 64)).toEqual({ slow: 9_011, fast: 64 }); // rnn_standard: 6016 recurrent + 2995 decoder
  });

  it('draws every recurrent weight uniform in ±1/√H', () => {
    const network = new RNNGraphNetwork({ numNodes: 8, numActions: 10, hiddenDim: 16, seed: 5 });
    for (const name of ['recurrent/input/kernel', 'recurrent/input/bias', 'recurrent/hidden/kernel', 'recurrent/hidden/bias']) {
      const data = network.namedVariables.get(name)!.dataSync();
      expect(Math.max(...data.map(Math.abs))).toBeLessThanOrEqual(0.25);
      expect(Math.max(...data.map(Math.abs))).toBeGreaterThan(0.2);
    }
  });
});
