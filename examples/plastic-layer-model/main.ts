// Puts PlasticLayer inside a model of our own (memory-model.ts), trains its slow weights on a
// small disjoint dataset with a plain tfjs-core Adam loop, and compares test accuracy with the
// fair oracle: the model learns each unseen test graph while it walks it.
// Run: pnpm --filter @pg-examples/plastic-layer-model start
import '@pg/models/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { batches, createDisjointDataset, fairOracleRates, type WalkSplit } from '@pg/datasets';
import { createRng, deriveSeed } from '@pg/graphs';
import { MemoryModel } from './memory-model.js';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const seed = 7;
const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.1, numActions: 10, numGraphs: 100, numSamplesPerGraph: 8, numTimesteps: 40, seed });
const model = new MemoryModel({ numNodes: 8, numActions: 10, hiddenDim: 32, seed });
const optimizer = tf.train.adam(0.01);

/** Mean cross-entropy of the next node over every step of a batch. */
const loss = (logits: tf.Tensor3D, targets: tf.Tensor2D) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(tf.reshape(targets, [-1]), 8), tf.reshape(logits, [-1, 8])) as tf.Scalar;

/** Share of a split's steps whose highest logit is the next node. */
function accuracy(split: WalkSplit): number {
  let correct = 0;
  let steps = 0;
  for (const { inputs, targets } of batches(split, { batchSize: 64 })) {
    const state = model.initialState(inputs.shape[0], createRng(deriveSeed(seed, 'evaluate', steps)));
    correct += tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(model.forward(inputs, state), -1), targets), 'int32')).dataSync()[0]!);
    steps += targets.size;
    tf.dispose([inputs, targets, state]);
  }
  return correct / steps;
}

const started = performance.now();
for (let epoch = 1; epoch <= 6; epoch++) {
  let total = 0;
  let count = 0;
  for (const { inputs, targets } of batches(dataset.train, { batchSize: 16, rng: createRng(deriveSeed(seed, 'epoch', epoch)) })) {
    const state = model.initialState(inputs.shape[0], createRng(deriveSeed(seed, 'state', epoch, count)));
    const cost = optimizer.minimize(() => loss(model.forward(inputs, state), targets), true, model.trainableVariables)!;
    total += cost.dataSync()[0]!;
    count += 1;
    tf.dispose([inputs, targets, state, cost]);
  }
  console.log(`epoch ${epoch}: loss ${(total / count).toFixed(3)}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

// The model writes each move forwards only, so the directed oracle is its ceiling.
const oracle = fairOracleRates(dataset.test);
const testAccuracy = accuracy(dataset.test);
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
console.log(`\nTest accuracy on unseen graphs  ${percent(testAccuracy)}`);
console.log(`Directed fair oracle            ${percent(oracle.directed.expectedAccuracy)}  (ratio ${(testAccuracy / oracle.directed.expectedAccuracy).toFixed(2)})`);
console.log(`Undirected fair oracle          ${percent(oracle.undirected.expectedAccuracy)}`);
console.log(`Chance                          ${percent(1 / 8)}`);
