// Puts PlasticLayer inside a model of our own (memory-model.ts), trains its slow weights on a
// small disjoint dataset with a plain tfjs-core Adam loop and @pg/trainer's next-node loss, and
// measures it on unseen graphs with @pg/eval, as the pg command measures the built-in networks:
// accuracy by step category beside the fair oracle, and recovery after a graph switch.
// Run: pnpm --filter @pg-examples/plastic-layer-model start
import '@pg/models/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { batches, createDisjointDataset } from '@pg/datasets';
import { evaluateSplit, switchAdaptation } from '@pg/eval';
import { createRng, deriveSeed } from '@pg/graphs';
import { nextNodeScore } from '@pg/trainer';
import { MemoryModel } from './memory-model.js';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const seed = 7;
const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.1, numActions: 10, numGraphs: 100, numSamplesPerGraph: 8, numTimesteps: 40, seed });
const model = new MemoryModel({ numNodes: 8, numActions: 10, hiddenDim: 32, seed });
const optimizer = tf.train.adam(0.01);

const started = performance.now();
for (let epoch = 1; epoch <= 6; epoch++) {
  let total = 0;
  let count = 0;
  for (const { inputs, targets } of batches(dataset.train, { batchSize: 16, rng: createRng(deriveSeed(seed, 'epoch', epoch)) })) {
    const state = model.initialState(inputs.shape[0], createRng(deriveSeed(seed, 'state', epoch, count)));
    // nextNodeScore: cross-entropy of the logits [B, L, N] against the target node ids [B, L].
    const cost = optimizer.minimize(() => nextNodeScore(model.forward(inputs, state), targets).loss, true, model.trainableVariables)!;
    total += cost.dataSync()[0]!;
    count += 1;
    tf.dispose([inputs, targets, state, cost]);
  }
  console.log(`epoch ${epoch}: loss ${(total / count).toFixed(3)}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

// The model writes each move forwards only, so the directed oracle is its ceiling.
const test = evaluateSplit(model, dataset.test, { seed });
const switching = switchAdaptation(model, dataset.test.graphs, { numGraphs: 3, repeats: 4, stepsPerGraph: 100, window: 20, seed });
const percent = (value: number | null) => (value === null ? '–' : `${(100 * value).toFixed(1)}%`);
console.log(`\nTest accuracy on unseen graphs  ${percent(test.accuracy)}`);
console.log(`Directed fair oracle            ${percent(test.oracle.directed.expectedAccuracy)}  (ratio ${test.ratioToOracle.directed.toFixed(2)})`);
console.log(`Undirected fair oracle          ${percent(test.oracle.undirected.expectedAccuracy)}`);
console.log(`Chance                          ${percent(test.chance)}`);
console.log(`First visits / reverse / revisits  ${percent(test.byCategory.firstVisit.accuracy)} / ${percent(test.byCategory.reverse.accuracy)} / ${percent(test.byCategory.revisit.accuracy)}`);
console.log(`After a graph switch (no reset)  ${switching.recovery.steps === null ? 'never back' : `back to 90% of ${percent(switching.recovery.levelBefore)} in ${switching.recovery.steps} steps`}`);
