import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { GRUGraphNetwork } from '../src/gru-graph-network.js';
import { gateBlock, maxDifference, randomInputs, recurrentReference, sigmoidValue } from './helpers.js';

describe('GRUGraphNetwork', () => {
  it("computes PyTorch's GRU equations (gates r, z, n), then the decoder", () => {
    const network = new GRUGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 4, seed: 3 });
    const inputs = randomInputs(2, 2, 6, 5, 3);
    const expected = recurrentReference(
      network,
      inputs.arraySync(),
      (x, h, state) => {
        const [xr, xz, xn] = [0, 1, 2].map((g) => gateBlock(x, 3, g));
        const [hr, hz, hn] = [0, 1, 2].map((g) => gateBlock(h, 3, g));
        const hidden = state.hidden!.map((previous, i) => {
          const r = sigmoidValue(xr![i]! + hr![i]!);
          const z = sigmoidValue(xz![i]! + hz![i]!);
          const n = Math.tanh(xn![i]! + r * hn![i]!);
          return (1 - z) * n + z * previous;
        });
        return { hidden };
      },
      ['hidden'],
    );
    expect(maxDifference(network.forward(inputs), tf.tensor3d(expected))).toBeLessThan(1e-5);
  });

  it('counts three gate blocks of parameters and H state values', () => {
    const network = new GRUGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64 });
    const recurrent = 3 * (28 * 64 + 64 + 64 * 64 + 64);
    const decoder = 64 * 35 + 35 + 35 * 20 + 20;
    expect(network.countParameters()).toEqual({ slow: recurrent + decoder, fast: 64 });
  });
});
