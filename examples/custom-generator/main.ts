// Plugs a graph family of our own into the datasets: a ring of rooms (rooms-generator.ts), labels
// its worlds with actions, and trains the plastic network to learn each unseen world as it walks it.
// Run: pnpm --filter @pg-examples/custom-generator start
import '@pg/models/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { createDisjointDataset, fairOracleRates } from '@pg/datasets';
import { evaluateSplit } from '@pg/eval';
import { PlasticGraphNetwork } from '@pg/models';
import { Trainer } from '@pg/trainer';
import { roomsGenerator } from './rooms-generator.js';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const seed = 5;
const generator = roomsGenerator({ rooms: 3, roomSize: 4 });
// Disjoint: the doors and walls of a test world never carry an action they carry in training.
const dataset = createDisjointDataset({ generator, numActions: 8, numGraphs: 100, numSamplesPerGraph: 8, numTimesteps: 40, seed });
const [world] = dataset.test.graphs;
console.log(`Family ${JSON.stringify(dataset.config.graphFamily)}: ${generator.numNodes} cells, ${world!.numEdges} edges per world`);
for (let room = 0; room < 3; room++) {
  const cells = Array.from({ length: 4 }, (_, index) => room * 4 + index);
  const exits = cells.flatMap((cell) => [...world!.neighbours(cell)].filter((next) => Math.floor(next / 4) !== room).map((next) => `${cell}→${next}`));
  console.log(`  test world 0, room ${room}: cells ${cells.join(' ')}, doors ${exits.join(', ')}`);
}

const model = new PlasticGraphNetwork({ numNodes: generator.numNodes, numActions: 8, hiddenDim: 64, reverseWrite: true, seed });
const started = performance.now();
await new Trainer(model, dataset.train, { epochs: 6, batchSize: 16, learningRate: 0.003, seed }).fit();
const test = evaluateSplit(model, dataset.test, { seed });
const percent = (value: number | null) => (value === null ? '—' : `${(100 * value).toFixed(1)}%`);
console.log(`\nTrained in ${((performance.now() - started) / 1000).toFixed(0)} s on ${dataset.train.graphs.length} worlds; on ${dataset.test.graphs.length} unseen worlds:`);
console.log(`  accuracy ${percent(test.accuracy)}, revisits ${percent(test.byCategory.revisit.accuracy)}, first visits ${percent(test.byCategory.firstVisit.accuracy)}`);
console.log(`  fair oracle ${percent(fairOracleRates(dataset.test).undirected.expectedAccuracy)}, chance ${percent(1 / generator.numNodes)}`);
