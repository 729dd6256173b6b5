// Builds the seed README's large disjoint dataset (50 nodes, 15 actions, p 0.1, 150 graphs of 32
// walks of 40 nodes) and prints its checks: triplet overlap, consistency, oracle rates, sizes, time.
// Run: pnpm --filter @pg-examples/disjoint-dataset start [seed]
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '@pg/graphs';
import {
  batches,
  checkConsistency,
  createDisjointDataset,
  degreeDistribution,
  fairOracleRates,
  seedOptimalPredictionRate,
  tripletOverlap,
} from '@pg/datasets';

const seed = Number(process.argv[2] ?? 123);
const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

let start = performance.now();
const dataset = createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, numGraphs: 150, numSamplesPerGraph: 32, numTimesteps: 40, seed });
const { config, train, test } = dataset;
console.log(`Disjoint dataset built in ${(performance.now() - start).toFixed(0)} ms (seed ${seed})`);
console.log(`  config: ${JSON.stringify(config)}`);
for (const split of [train, test]) {
  const degrees = degreeDistribution(split.graphs);
  console.log(
    `  ${split.name}: ${split.graphs.length} graphs, ${split.numWalks} walks of ${split.numTimesteps} nodes, ` +
      `${(split.byteLength / 1024).toFixed(0)} KiB of walks; max degree ${degrees.length - 1} (limit ${split.name === 'train' ? config.kTrain : config.kTest})`,
  );
}

console.log('\nChecks');
console.log(`  triplets of test graphs also in train graphs: ${percent(tripletOverlap(train.graphs, test.graphs))} (must be 0)`);
for (const split of [train, test]) {
  const report = checkConsistency(split);
  console.log(`  ${split.name} walks consistent: ${report.consistent}${report.firstProblem ? ` (${report.firstProblem})` : ''}`);
}

console.log('\nOracles (accuracy ceilings)');
for (const split of [train, test]) {
  const rates = fairOracleRates(split);
  console.log(
    `  fair, ${split.name}: directed ${percent(rates.directed.expectedAccuracy)}, undirected ${percent(rates.undirected.expectedAccuracy)} ` +
      `(steps: ${percent(rates.categories.firstVisit)} first visits, ${percent(rates.categories.reverse)} reverse, ${percent(rates.categories.revisit)} revisits)`,
  );
}
start = performance.now();
const seedRate = seedOptimalPredictionRate(dataset.sampler, { steps: config.numTimesteps, seed: deriveSeed(seed, 'oracle') });
console.log(`  seed project's optimal_prediction_rate: ${percent(seedRate)} (1000 fresh graphs, ${(performance.now() - start).toFixed(0)} ms)`);

await tf.setBackend('cpu');
const first = batches(train, { batchSize: 32, rng: createRng(deriveSeed(seed, 'epoch', 0)) }).next();
if (!first.done) {
  console.log(`\nA training batch: inputs ${first.value.inputs.shape.join(' × ')}, targets ${first.value.targets.shape.join(' × ')}`);
  tf.dispose([first.value.inputs, first.value.targets]);
}
