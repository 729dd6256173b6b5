// Trains the plastic network on a small disjoint dataset, where no (node, action, next node)
// triplet of a test graph occurs in training, then measures what it learnt.
// Run: pnpm --filter @pg-examples/train-plastic start
import '@pg/models/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { createDisjointDataset } from '@pg/datasets';
import { evaluateSplit, switchAdaptation } from '@pg/eval';
import { PlasticGraphNetwork } from '@pg/models';
import { consoleProgress, Trainer } from '@pg/trainer';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const seed = 42;
const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.1, numActions: 10, numGraphs: 120, numSamplesPerGraph: 8, numTimesteps: 60, seed });
const model = new PlasticGraphNetwork({ numNodes: 8, numActions: 10, hiddenDim: 64, seed });
console.log(`${dataset.train.numWalks} training walks on ${dataset.train.graphs.length} graphs; ${model.countParameters().slow} trained parameters`);

const trainer = new Trainer(model, dataset.train, { epochs: 12, batchSize: 16, learningRate: 0.003, seed, callbacks: consoleProgress() });
await trainer.fit();

const test = evaluateSplit(model, dataset.test, { seed });
const percent = (value: number | null) => (value === null ? '—' : `${(100 * value).toFixed(1)}%`);
console.log(`\nTest accuracy            ${percent(test.accuracy)} (chance ${percent(test.chance)})`);
console.log(`Undirected oracle        ${percent(test.oracle.undirected.expectedAccuracy)}  → ratio ${test.ratioToOracle.undirected.toFixed(3)}`);
console.log(`Revisit accuracy         ${percent(test.byCategory.revisit.accuracy)} over ${test.byCategory.revisit.steps} steps`);
console.log(`First-visit accuracy     ${percent(test.byCategory.firstVisit.accuracy)} (at most chance: nothing leaks from training)`);

const switches = switchAdaptation(model, dataset.test.graphs, { numGraphs: 5, repeats: 8, stepsPerGraph: 100, window: 20, seed });
console.log(`Steps to recover 90%     ${switches.recovery.steps ?? 'never'} after a graph switch (level before: ${percent(switches.recovery.levelBefore)})`);
