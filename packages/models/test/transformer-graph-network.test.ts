import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { TransformerGraphNetwork } from '../src/transformer-graph-network.js';
import { maxDifference, randomInputs } from './helpers.js';

const small = { numNodes: 5, numActions: 3, hiddenDim: 8, numHeads: 2, maxLength: 12 };

describe('TransformerGraphNetwork', () => {
  it('is causal: later rows never change earlier logits', () => {
    const network = new TransformerGraphNetwork({ ...small, seed: 1 });
    const inputs = randomInputs(1, 2, 8, 5, 3);
    const changed = tf.concat([tf.slice(inputs, [0, 0, 0], [-1, 5, -1]), randomInputs(2, 2, 3, 5, 3)], 1);
    const prefix = (x: tf.Tensor3D) => tf.slice(network.forward(x), [0, 0, 0], [-1, 5, -1]);
    expect(maxDifference(prefix(changed), prefix(inputs))).toBe(0);
    expect(maxDifference(network.forward(changed), network.forward(inputs))).toBeGreaterThan(0);
  });

  it('counts its parameters and its largest attention cache', () => {
    const h = 8;
    const block = 2 * (2 * h) + (h * 3 * h + 3 * h) + (h * h + h) + (h * 4 * h + 4 * h) + (4 * h * h + h);
    const embedding = 8 * h + h;
    const decoder = h * 6 + 6 + 6 * 5 + 5; // floor(sqrt(8 · 5)) = 6
    const network = new TransformerGraphNetwork({ ...small, numLayers: 3 });
    expect(network.countParameters()).toEqual({ slow: embedding + 3 * block + 2 * h + decoder, fast: 2 * 3 * 12 * h });
    const learned = new TransformerGraphNetwork({ ...small, numLayers: 3, positions: 'learned' });
    expect(learned.countParameters().slow - network.countParameters().slow).toBe(12 * h);
  });

  it('refuses sequences longer than maxLength, across chunks too', () => {
    const network = new TransformerGraphNetwork(small);
    expect(() => network.forward(randomInputs(1, 1, 13, 5, 3))).toThrow('sequence length must be at most maxLength 12 (got 13)');
    const { state } = network.forwardWithState(randomInputs(1, 1, 10, 5, 3), network.initialState(1));
    expect(() => network.forwardWithState(randomInputs(2, 1, 3, 5, 3), state)).toThrow('(got 13)');
  });

  it('validates its own configuration keys', () => {
    expect(() => new TransformerGraphNetwork({ ...small, numHeads: 3 })).toThrow('numHeads must be a divisor of hiddenDim 8 (got 3)');
    expect(() => new TransformerGraphNetwork({ ...small, positions: 'rotary' as never })).toThrow(
      'positions must be one of "sinusoidal", "learned" (got "rotary")',
    );
    expect(() => new TransformerGraphNetwork({ ...small, numLayers: 0 })).toThrow('numLayers must be an integer ≥ 1 (got 0)');
    expect(new TransformerGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 8 }).getConfig()).toEqual({
      numNodes: 5,
      numActions: 3,
      hiddenDim: 8,
      intermediateDim: 6,
      seed: 0,
      numLayers: 2,
      numHeads: 4,
      feedForwardDim: 32,
      positions: 'sinusoidal',
      maxLength: 2048,
    });
  });
});
