// Forward-only evaluation of a long exploration in chunks (2,000 steps, batch 32) with the
// state carried over: steps per second, and RSS and tensor count after each quarter of the run.
// `node bench/long-evaluation.mjs '<case as JSON>'` prints one JSON line.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from '@pg/graphs';
import { createGraphNetwork } from '../dist/index.js';

const spec = JSON.parse(process.argv[2]);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(spec.backend);
const { batchSize: B, numNodes: N, numActions: A, hiddenDim: H, steps, chunk } = spec;
const model = createGraphNetwork(spec.model, { numNodes: N, numActions: A, hiddenDim: H, seed: 1, ...spec.config });
const rng = createRng(3);
let state = model.initialState(B, createRng(2));
const checkpoints = [];
const start = performance.now();
for (let done = 0; done < steps; done += chunk) {
  const draw = (size) => Array.from({ length: B * chunk }, () => (rng.next() >>> 0) % size);
  const inputs = tf.tidy(() => tf.cast(tf.concat([tf.oneHot(tf.tensor2d(draw(N), [B, chunk], 'int32'), N), tf.oneHot(tf.tensor2d(draw(A), [B, chunk], 'int32'), A)], 2), 'float32'));
  const { logits, state: next } = model.forwardWithState(inputs, state);
  logits.dataSync();
  tf.dispose([inputs, logits]);
  model.disposeState(state);
  state = next;
  if ((done + chunk) % (steps / 4) === 0) checkpoints.push({ steps: done + chunk, rssMb: process.memoryUsage().rss / 2 ** 20, tensors: tf.memory().numTensors });
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ ...spec, stepsPerSecond: steps / seconds, checkpoints }));
