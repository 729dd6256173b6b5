import { describe, expect, it } from '@jest/globals';
import { createRng, generateActionGraph, ringGenerator, type ActionGraph, type RandomGenerator } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import { createGraphNetwork, type NetworkType } from '../src/network-registry.js';
import { walkBatch } from './helpers.js';

// A tiny fixed world: a ring of 7 nodes with 2 chords, revisited many times per walk.
const graph: ActionGraph = generateActionGraph({
  generator: ringGenerator({ numNodes: 7, chords: 2 }),
  numActions: 4,
  rng: createRng(1),
});
const LENGTH = 32;
const BATCH = 16;

type Batch = ReturnType<typeof walkBatch>;

/** Accuracy over the steps whose (node, action) pair already occurred earlier in the same walk. */
function revisitAccuracy(logits: tf.Tensor3D, batch: Batch): number {
  const predicted = tf.tidy(() => tf.argMax(logits, 2).arraySync() as number[][]);
  let hits = 0;
  let count = 0;
  batch.nodes.forEach((nodes, b) => {
    const seen = new Set<number>();
    nodes.forEach((node, t) => {
      const key = node * graph.numActions + batch.actions[b]![t]!;
      if (seen.has(key)) {
        count += 1;
        if (predicted[b]![t] === batch.targets[b]![t]) hits += 1;
      }
      seen.add(key);
    });
  });
  return hits / count;
}

/**
 * Trains with Adam on batches from `sample` (default: walks on the fixed graph) until the
 * revisit accuracy of a held-out batch passes `goal`; returns the steps taken (Infinity if never).
 */
function stepsToLearn(
  type: NetworkType,
  config: object,
  learningRate: number,
  maxSteps: number,
  sample: (size: number, rng: RandomGenerator) => Batch = (size, rng) => walkBatch(graph, size, LENGTH, rng),
  goal = 0.9,
): number {
  const network = createGraphNetwork(type, { numNodes: 7, numActions: 4, seed: 5, ...config } as never);
  const optimizer = tf.train.adam(learningRate);
  const rng = createRng(11);
  const heldOut = sample(64, createRng(99));
  try {
    for (let step = 1; step <= maxSteps; step++) {
      const batch = sample(BATCH, rng);
      const targets = tf.oneHot(tf.tensor2d(batch.targets, undefined, 'int32'), graph.numNodes);
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(targets, network.forward(batch.inputs)) as tf.Scalar, false, network.trainableVariables);
      tf.dispose([batch.inputs, targets]);
      if (step % 10 === 0) {
        const logits = network.forward(heldOut.inputs);
        const accuracy = revisitAccuracy(logits, heldOut);
        logits.dispose();
        if (accuracy > goal) return step;
      }
    }
    return Infinity;
  } finally {
    optimizer.dispose();
    network.dispose();
    heldOut.inputs.dispose();
  }
}

describe('learning on a tiny fixed graph', () => {
  it.each<[NetworkType, object, number]>([
    ['plastic', { hiddenDim: 32 }, 0.01],
    ['rnn', { hiddenDim: 32 }, 0.01],
    ['gru', { hiddenDim: 32 }, 0.01],
    ['lstm', { hiddenDim: 32 }, 0.01],
    ['transformer', { hiddenDim: 32, numLayers: 1, numHeads: 2, maxLength: LENGTH }, 0.003],
  ])('%s network passes 90%% revisit accuracy within a short Adam run', (type, config, learningRate) => {
    expect(stepsToLearn(type, config, learningRate, 200)).toBeLessThanOrEqual(200);
  });
});

describe('learning new graphs within a walk', () => {
  it('plastic network passes 90% revisit accuracy on a freshly labelled graph every walk', () => {
    // Every walk runs on its own graph, so a (node, action) pair means nothing across walks.
    const fresh = (size: number, rng: RandomGenerator): Batch => {
      const walks = Array.from({ length: size }, () => {
        const own = generateActionGraph({ generator: ringGenerator({ numNodes: 7, chords: 2 }), numActions: 4, rng });
        return walkBatch(own, 1, LENGTH, rng);
      });
      const inputs = tf.concat(walks.map((walk) => walk.inputs));
      tf.dispose(walks.map((walk) => walk.inputs));
      return {
        inputs,
        targets: walks.flatMap((walk) => walk.targets),
        nodes: walks.flatMap((walk) => walk.nodes),
        actions: walks.flatMap((walk) => walk.actions),
      };
    };
    expect(stepsToLearn('plastic', { hiddenDim: 64 }, 0.02, 300, fresh)).toBeLessThanOrEqual(300);
  });
});
