// Checks the BUILT package in plain Node, as a user would load it (run after `pnpm build`):
// the gradient registration loads outside jest, whichever comes first, and registers into
// the one tfjs-core engine that the library and the caller share, so a model from dist/
// trains, and checkpoints save and load through the lazily imported Node modules.
// `node scripts/check-dist.mjs` loads the ESM build, `--cjs` the CommonJS build.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cjs = process.argv.includes('--cjs');
const require = createRequire(import.meta.url);
const load = (path) => (cjs ? require(path.replace(/\.js$/, '.cjs')) : import(path));

// Gradients first, before anything has loaded tfjs-core.
await load('../dist/register-gradients.js');
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
const { loadCheckpoint, PlasticGraphNetwork, saveCheckpoint } = await load('../dist/index.js');
await tf.setBackend('cpu');

const fail = (message) => {
  console.error(`check-dist: ${message}`);
  process.exit(1);
};
if (tf.engine() !== globalThis._tfengine) fail('the caller and the global tfjs engine differ');

const before = tf.memory().numTensors;
const model = new PlasticGraphNetwork({ numNodes: 4, numActions: 2, hiddenDim: 3, seed: 1 });
if (tf.memory().numTensors !== before + model.trainableVariables.length) fail("the model's variables are not in the caller's engine");

const inputs = tf.oneHot(tf.tensor2d([[0, 1, 2], [3, 2, 1]], undefined, 'int32'), 6);
const { value, grads } = tf.variableGrads(() => tf.sum(model.forward(inputs)), model.trainableVariables);
const norms = Object.values(grads).map((grad) => tf.norm(grad).dataSync()[0]);
if (!norms.every((norm) => Number.isFinite(norm)) || !norms.some((norm) => norm > 0)) fail(`bad gradients ${norms}`);

const optimizer = tf.train.adam(0.01);
optimizer.minimize(() => tf.sum(model.forward(inputs)), false, model.trainableVariables);
const directory = await mkdtemp(join(tmpdir(), 'pg-check-dist-'));
await saveCheckpoint(model, directory);
const { model: loaded } = await loadCheckpoint(directory);
await rm(directory, { recursive: true });
const difference = tf.max(tf.abs(tf.sub(loaded.forward(inputs), model.forward(inputs)))).dataSync()[0];
if (difference !== 0) fail(`the loaded checkpoint predicts differently (${difference})`);

console.log(
  `check-dist: ${cjs ? 'cjs' : 'esm'} ok (backend ${tf.getBackend()}, loss ${value.dataSync()[0].toFixed(4)}, ${norms.length} gradients)`,
);
