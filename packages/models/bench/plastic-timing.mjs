// Times the plastic network at the seed's reference size (B = 32, L = 39, N = 50, A = 15,
// H = 128) on the wasm backend: ms per forward pass and per Adam training step.
// Run after `pnpm build`: `node bench/plastic-timing.mjs [backend] [repeats]`.
import '../dist/register-gradients.js';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { createGraphNetwork } from '../dist/index.js';

const [backend = 'wasm', repeats = '10'] = process.argv.slice(2);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(backend);

const [batchSize, length, numNodes, numActions, hiddenDim] = [32, 39, 50, 15, 128];
const inputs = tf.tidy(() =>
  tf.cast(
    tf.concat(
      [
        tf.oneHot(tf.randomUniformInt([batchSize, length], 0, numNodes, 1), numNodes),
        tf.oneHot(tf.randomUniformInt([batchSize, length], 0, numActions, 2), numActions),
      ],
      2,
    ),
    'float32',
  ),
);
const targets = tf.oneHot(tf.randomUniformInt([batchSize, length], 0, numNodes, 3), numNodes);

/** Mean ms of `run` over the repeats, after one warm-up call. */
function time(run) {
  run();
  const start = performance.now();
  for (let i = 0; i < Number(repeats); i++) run();
  return (performance.now() - start) / Number(repeats);
}

for (const [type, config] of [
  ['plastic', { hiddenDim }],
  ['rnn', { hiddenDim }],
]) {
  const model = createGraphNetwork(type, { numNodes, numActions, seed: 1, ...config });
  const optimizer = tf.train.adam(5e-4);
  const forward = time(() => tf.tidy(() => model.forward(inputs).dataSync()));
  const train = time(() =>
    optimizer
      .minimize(() => tf.losses.softmaxCrossEntropy(targets, model.forward(inputs)), true, model.trainableVariables)
      .dispose(),
  );
  console.log(
    `${type} (${tf.getBackend()}, B ${batchSize}, L ${length}, N ${numNodes}, A ${numActions}, H ${hiddenDim}): ` +
      `forward ${forward.toFixed(1)} ms, Adam step ${train.toFixed(1)} ms`,
  );
  optimizer.dispose();
  model.dispose();
}
