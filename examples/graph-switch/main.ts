// Watches a trained plastic network adapt when the graph under it changes: each walk visits four
// held-out graphs in turn, 150 moves each, and the fast weights are never reset. Prints the rolling
// accuracy across the switches beside the fair oracle, and the steps needed to recover.
// Run: pnpm --filter @pg-examples/graph-switch start [checkpoint-or-run-folder]
// (default: the small checkpoint of the browser demo, examples/browser-demo/checkpoint)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { datasetFromConfig } from '@pg/datasets';
import { switchAdaptation } from '@pg/eval';
import { loadCheckpoint } from '@pg/models';
import { fileURLToPath } from 'node:url';
import { barChart } from './bar-chart.js';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');

const directory = process.argv[2] ?? fileURLToPath(new URL('../browser-demo/checkpoint', import.meta.url));
const { model, datasetConfig } = await loadCheckpoint(directory);
if (!datasetConfig) throw new Error(`${directory} has no dataset configuration to draw held-out graphs from`);
const dataset = datasetFromConfig(datasetConfig);

const stepsPerGraph = 150;
const result = switchAdaptation(model, dataset.test.graphs, { numGraphs: 4, repeats: 16, stepsPerGraph, window: 10, seed: 3 });
const bucket = 10;
// The curves start once a whole window is filled: pad them so that every column is the same step range.
const chart = (y: Float64Array) => barChart(y, bucket, 6).map((line) => ' '.repeat(Math.floor(result.curve.x[0]! / bucket)) + line);
const ruler = Array.from({ length: (4 * stepsPerGraph) / bucket }, (_, k) => (result.switches.some((at) => Math.floor(at / bucket) === k) ? '↓' : ' ')).join('');

console.log(`${model.getClassName()} on ${dataset.test.graphs.length} held-out graphs, ${result.repeats} walks averaged; one column per ${bucket} steps.\n`);
console.log(`Network, rolling accuracy over ${result.window} steps (0 to 100%); ↓ marks a switch to a new graph:\n  ${ruler}`);
for (const line of chart(result.curve.y)) console.log(`  ${line}`);
console.log('\nFair oracle (remembers every move of the walk, both ways; not told of the switches):');
for (const line of chart(result.oracleCurves.undirected.y)) console.log(`  ${line}`);
console.log();
result.perSwitch.forEach((recovery, i) => {
  const level = `${(100 * recovery.levelBefore).toFixed(0)}%`;
  console.log(`  switch ${i + 1} at step ${result.switches[i]}: level before ${level}, back to 90% of it after ${recovery.steps ?? 'more than ' + stepsPerGraph} steps`);
});
console.log(`\nAccuracy over all steps ${(100 * result.score.accuracy).toFixed(1)}%, revisits ${(100 * (result.score.byCategory.revisit.accuracy ?? 0)).toFixed(1)}%.`);
model.dispose();
