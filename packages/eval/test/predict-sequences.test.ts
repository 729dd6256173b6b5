import { describe, expect, it } from '@jest/globals';
import { encodeSteps, walkSteps } from '@pg/datasets';
import { createRng, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';
import { createGraphNetwork } from '@pg/models';
import * as tf from '@tensorflow/tfjs-core';
import { predictSequences } from '../src/predict-sequences.js';

const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 7, edgeProb: 0.4 }), numActions: 6, rng: createRng(1) });
const sequences = [1, 2, 3].map((seed) => walkSteps(randomWalk(graph, { steps: 23, rng: createRng(seed) })));

describe('predictSequences', () => {
  it('gives the arg-max of a whole forward pass, whatever the chunk length', () => {
    const model = createGraphNetwork('plastic', { numNodes: 7, numActions: 6, hiddenDim: 8, seed: 3 });
    const { inputs, targets } = encodeSteps(sequences, model);
    const whole = tf.tidy(() => tf.argMax(model.forward(inputs, model.initialState(3, createRng(9))), -1).arraySync() as number[][]);
    for (const chunkLength of [1, 5, 23, 100]) {
      expect(predictSequences(model, sequences, { chunkLength, rng: createRng(9) }).map((p) => [...p])).toEqual(whole);
    }
    tf.dispose([inputs, targets]);
    model.dispose();
  });

  it('leaves no tensor behind', () => {
    const model = createGraphNetwork('lstm', { numNodes: 7, numActions: 6, hiddenDim: 8 });
    const before = tf.memory().numTensors;
    predictSequences(model, sequences, { chunkLength: 4 });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('rejects a bad chunk length', () => {
    const model = createGraphNetwork('rnn', { numNodes: 7, numActions: 6, hiddenDim: 4 });
    expect(() => predictSequences(model, sequences, { chunkLength: 0 })).toThrow('chunkLength must be an integer ≥ 1 (got 0)');
    model.dispose();
  });
});
