// Loads a checkpoint and runs the network online, one observation at a time, on a graph held out
// from its training, as an agent would: predict where the next move leads, then see it.
// Run: pnpm --filter @pg-examples/online-checkpoint start [checkpoint-or-run-folder]
// (default: the small checkpoint of the browser demo, examples/browser-demo/checkpoint)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { datasetFromConfig, encodeSteps, fairOracle, walkSteps } from '@pg/datasets';
import { oracleExpectedCorrect } from '@pg/eval';
import { createRng, randomWalk } from '@pg/graphs';
import { loadCheckpoint } from '@pg/models';
import { fileURLToPath } from 'node:url';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const directory = process.argv[2] ?? fileURLToPath(new URL('../browser-demo/checkpoint', import.meta.url));
const { model, datasetConfig } = await loadCheckpoint(directory);
if (!datasetConfig) throw new Error(`${directory} has no dataset configuration to draw held-out graphs from`);
// The saved configuration rebuilds the very dataset the network was trained on, test graphs included.
const dataset = datasetFromConfig(datasetConfig);
const graph = dataset.test.graphs[0]!;
console.log(`${model.getClassName()} from ${directory}: ${model.countParameters().slow} trained parameters`);
console.log(`Walking test graph 0 (${graph.numNodes} nodes, ${graph.numEdges} edges), never seen in training\n`);

const steps = walkSteps(randomWalk(graph, { steps: 300, rng: createRng(7) }));
const { numNodes, numActions } = model;
let state = model.initialState(1);
const predictions = new Int32Array(steps.nodes.length);
const online: tf.Tensor2D[] = [];
for (let t = 0; t < steps.nodes.length; t++) {
  // What the agent knows at step t: where it is and which action it takes.
  const values = new Float32Array(numNodes + numActions);
  values[steps.nodes[t]!] = 1;
  values[numNodes + steps.actions[t]!] = 1;
  const row = tf.tensor2d(values, [1, numNodes + numActions]);
  const { logits, state: next } = model.step(state, row);
  predictions[t] = tf.tidy(() => tf.argMax(logits, -1).dataSync()[0]!);
  model.disposeState(state);
  state = next;
  online.push(logits);
  row.dispose();
  if (t < 12) {
    const right = predictions[t] === steps.targets[t];
    console.log(`step ${String(t + 1).padStart(3)}: at ${steps.nodes[t]} taking a${steps.actions[t]} → predicts ${predictions[t]}, goes to ${steps.targets[t]} ${right ? '✓' : '✗'}`);
  }
}
model.disposeState(state);

const ceiling = oracleExpectedCorrect(fairOracle(steps).undirected, numNodes);
console.log('\n  steps     accuracy   fair oracle (undirected)');
for (let start = 0; start < steps.nodes.length; start += 50) {
  const end = Math.min(start + 50, steps.nodes.length);
  const right = predictions.subarray(start, end).filter((prediction, k) => prediction === steps.targets[start + k]).length;
  const expected = ceiling.subarray(start, end).reduce((sum, value) => sum + value, 0);
  const percent = (value: number) => `${((100 * value) / (end - start)).toFixed(0).padStart(5)}%`;
  console.log(`  ${String(start + 1).padStart(3)}–${String(end).padEnd(3)}   ${percent(right)}      ${percent(expected)}`);
}

// Online steps and one forward pass over the whole walk give the same logits.
const { inputs, targets } = encodeSteps([steps], model);
const whole = model.forward(inputs);
const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.stack(online, 1), whole))).dataSync()[0]!);
console.log(`\nLargest difference between the online logits and one forward pass: ${difference.toExponential(1)}`);
tf.dispose([inputs, targets, whole, ...online]);
model.dispose();
