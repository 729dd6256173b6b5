// The project in one minute: trains the plastic network and an RNN of the same hidden size on a
// small disjoint dataset (no (node, action, next node) triplet of a test graph occurs in training)
// and compares them on the unseen test graphs with the fair oracle.
// Run: pnpm --filter @pg-examples/quickstart start
import '@pg/models/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { createDisjointDataset } from '@pg/datasets';
import { evaluateSplit } from '@pg/eval';
import { createGraphNetwork, type GraphNetwork, type NetworkType } from '@pg/models';
import { Trainer } from '@pg/trainer';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const seed = 42;
const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.1, numActions: 10, numGraphs: 100, numSamplesPerGraph: 8, numTimesteps: 40, seed });
console.log(`${dataset.train.graphs.length} training graphs, ${dataset.test.graphs.length} unseen test graphs of 8 nodes and 10 actions\n`);

const percent = (value: number | null) => (value === null ? '—' : `${(100 * value).toFixed(1)}%`);
for (const type of ['plastic', 'rnn'] satisfies NetworkType[]) {
  const model: GraphNetwork = createGraphNetwork(type, { numNodes: 8, numActions: 10, hiddenDim: 64, seed });
  const started = performance.now();
  const { history } = await new Trainer(model, dataset.train, { epochs: 10, batchSize: 16, learningRate: 0.003, seed }).fit();
  const test = evaluateSplit(model, dataset.test, { seed });
  console.log(
    `${type.padEnd(8)} trained in ${((performance.now() - started) / 1000).toFixed(0)} s (val. accuracy ${percent(history.at(-1)!.valAccuracy)}): ` +
      `test accuracy ${percent(test.accuracy)}, revisits ${percent(test.byCategory.revisit.accuracy)}, ` +
      `${test.ratioToOracle.undirected.toFixed(2)} of the fair oracle's ${percent(test.oracle.undirected.expectedAccuracy)}`,
  );
  model.dispose();
}
console.log(
  `\nChance is ${percent(1 / 8)}. The plastic network writes every move into its fast weights and recalls revisits; ` +
    'the RNN must carry the whole graph in one hidden vector of 64 values.',
);
