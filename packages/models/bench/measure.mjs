// One benchmark measurement in a process of its own (so that its peak RSS is its own):
// `node bench/measure.mjs '<case as JSON>'` prints one JSON line of results.
import '../dist/register-gradients.js';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from '@pg/graphs';
import { createGraphNetwork, setWasmKernelThreads } from '../dist/index.js';
import { referenceFlops } from './flops.mjs';
import { layersTrainingStep } from './layers-baseline.mjs';

const spec = JSON.parse(process.argv[2]);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(spec.backend);
// Threads of the WebAssembly kernels (default: both cores).
if (spec.threads !== undefined) setWasmKernelThreads(spec.threads);
const { batchSize: B, length: L, numNodes: N, numActions: A, hiddenDim: H, repeats } = spec;
const rng = createRng(1);
const draw = (size) => Array.from({ length: B * L }, () => (rng.next() >>> 0) % size);
const inputs = tf.tidy(() =>
  tf.cast(tf.concat([tf.oneHot(tf.tensor2d(draw(N), [B, L], 'int32'), N), tf.oneHot(tf.tensor2d(draw(A), [B, L], 'int32'), A)], 2), 'float32'),
);
const targets = tf.oneHot(tf.tensor2d(draw(N), [B, L], 'int32'), N);

/** Median wall milliseconds of `run` over the repeats, after two warm-up runs. */
function median(run) {
  run();
  run();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Forward pass and Adam step of one of our networks, from a fixed initial state; `implementation` is its recurrence's (plastic, RNN, GRU or LSTM). */
function ours(config, implementation) {
  const model = createGraphNetwork(spec.model, { numNodes: N, numActions: A, hiddenDim: H, seed: 1, ...config });
  if (implementation) model.implementation = implementation;
  const optimizer = tf.train.adam(5e-4);
  const state = model.initialState(B, createRng(2));
  const loss = () => tf.losses.softmaxCrossEntropy(targets, model.forward(inputs, state));
  return {
    forward: () => tf.tidy(() => void model.forward(inputs, state).dataSync()),
    step: () => optimizer.minimize(loss, true, model.trainableVariables).dispose(),
    dispose: () => (model.disposeState(state), model.dispose(), optimizer.dispose()),
  };
}

const result = { ...spec };
if (spec.mode === 'memory') {
  const run = ours(spec.config, spec.implementation);
  for (let i = 0; i < repeats; i++) run.step();
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
} else {
  const square = tf.randomNormal([1024, 1024]);
  result.matmulGflops = (2 * 1024 ** 3) / median(() => tf.tidy(() => void tf.matMul(square, square).dataSync())) / 1e6;
  square.dispose();
  const run = ours(spec.config);
  result.forwardMs = median(run.forward);
  result.stepMs = median(run.step);
  run.dispose();
  result.gflops = referenceFlops(spec) / result.stepMs / 1e6;
  result.walkPassesPerSecond = (1000 * B) / result.stepMs;
  if (spec.compareWith === 'reference') {
    const reference = ours(spec.config, 'reference');
    result.referenceForwardMs = median(reference.forward);
    result.referenceStepMs = median(reference.step);
    reference.dispose();
  } else if (spec.compareWith === 'layers') {
    const layers = layersTrainingStep(spec, inputs, targets);
    result.layersStepMs = median(layers.step);
    layers.dispose();
  }
}
console.log(JSON.stringify(result));
