import { describe, expect, it } from '@jest/globals';
import { createDisjointDataset, fairOracle, summarizeFairOracle, walkSteps } from '@pg/datasets';
import { createRng, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';
import { PlasticGraphNetwork, type PlasticState } from '@pg/models';
import * as tf from '@tensorflow/tfjs-core';
import { evaluateSplit } from '../src/evaluate-split.js';
import { longExploration } from '../src/long-exploration.js';
import type { NextNodeModel } from '../src/next-node-model.js';
import { predictSequences } from '../src/predict-sequences.js';
import { scoreSteps } from '../src/step-accuracy.js';
import { switchAdaptation } from '../src/switch-adaptation.js';

const N = 8;
const A = 10;
const dataset = createDisjointDataset({ numNodes: N, edgeProb: 0.3, numActions: A, numGraphs: 10, numSamplesPerGraph: 4, numTimesteps: 25, testFraction: 0.3, seed: 3 });

/**
 * A model that is no GraphNetwork: it predicts the node of the previous row (node 0 at the very
 * first step), so its state, the last node seen, must be carried from chunk to chunk.
 */
const previousNode: NextNodeModel<tf.Tensor3D> = {
  numNodes: N,
  numActions: A,
  initialState: (batchSize) => tf.zeros([batchSize, 1, N]),
  forwardWithState: (inputs, previous) =>
    tf.tidy(() => {
      const length = inputs.shape[1];
      const nodes = tf.slice(inputs, [0, 0, 0], [-1, -1, N]);
      const logits = tf.concat([previous, tf.slice(nodes, [0, 0, 0], [-1, length - 1, -1])], 1);
      return { logits, state: tf.slice(nodes, [0, length - 1, 0], [-1, 1, -1]) };
    }),
};

describe('NextNodeModel', () => {
  it('runs a model of its own in chunks, carrying its state, and frees what it made', () => {
    const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: N, edgeProb: 0.4 }), numActions: A, rng: createRng(1) });
    const sequences = [1, 2].map((seed) => walkSteps(randomWalk(graph, { steps: 23, rng: createRng(seed) })));
    const expected = sequences.map((s) => [0, ...s.nodes.subarray(0, s.nodes.length - 1)]);
    const before = tf.memory().numTensors;
    for (const chunkLength of [1, 5, 100]) {
      expect(predictSequences(previousNode, sequences, { chunkLength }).map((p) => [...p])).toEqual(expected);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives such a model the whole break-down of evaluateSplit', () => {
    const sequences = Array.from({ length: dataset.test.numWalks }, (_, w) => dataset.test.steps(w));
    const predictions = sequences.map((s) => Int32Array.from([0, ...s.nodes.subarray(0, s.nodes.length - 1)]));
    const oracle = sequences.map((s) => fairOracle(s));
    const result = evaluateSplit(previousNode, dataset.test, { batchSize: 5 });
    expect(result).toEqual(scoreSteps(sequences, predictions, oracle, summarizeFairOracle(oracle, N), N));
    // Going back over the edge just walked is never a first visit: only step 0 can score there.
    expect(result.byCategory.firstVisit.accuracy!).toBeLessThanOrEqual(sequences.length / result.byCategory.firstVisit.steps);
    expect(result.byCategory.reverse.accuracy!).toBeGreaterThan(0);
  });

  it('evaluates a GraphNetwork seen only through the interface exactly as the network itself', () => {
    const network = new PlasticGraphNetwork({ numNodes: N, numActions: A, hiddenDim: 8, seed: 2 });
    const view: NextNodeModel<PlasticState> = {
      numNodes: network.numNodes,
      numActions: network.numActions,
      initialState: (batchSize, rng) => network.initialState(batchSize, rng),
      forwardWithState: (inputs, state) => network.forwardWithState(inputs, state),
    };
    const graphs = dataset.test.graphs;
    expect(evaluateSplit(view, dataset.test, { seed: 4 })).toEqual(evaluateSplit(network, dataset.test, { seed: 4 }));
    const long = { steps: 120, window: 20, explorations: 2, chunkLength: 50, seed: 4 };
    expect(longExploration(view, graphs, long)).toEqual(longExploration(network, graphs, long));
    const switching = { numGraphs: 2, repeats: 2, stepsPerGraph: 40, window: 10, chunkLength: 30, seed: 4 };
    expect(switchAdaptation(view, graphs, switching)).toEqual(switchAdaptation(network, graphs, switching));
    network.dispose();
  });

  it('refuses a model sized for other graphs', () => {
    expect(() => evaluateSplit({ ...previousNode, numNodes: N + 1 }, dataset.test)).toThrow(
      `model size must be the split's [numNodes, numActions] = [${N}, ${A}] (got [${N + 1},${A}])`,
    );
  });
});
