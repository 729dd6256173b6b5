// Builds the seed README's two dataset settings, as standard and as disjoint datasets, and prints
// what the results page reports: generation time, memory, graph-draw acceptance, checks and oracle
// rates. Each of the four runs in a process of its own, so that its peak RSS is its alone:
//   npx tsx scripts/measure-seed-configs.ts                      (all four; `pnpm measure`)
//   npx tsx scripts/measure-seed-configs.ts <small|large> <standard|disjoint>
// Timings vary with the machine; nothing here is asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRng, deriveSeed, edgeCount, gnpGenerator, isConnected, maxDegree, type GraphGenerator } from '@pg/graphs';
import {
  checkConsistency,
  createDisjointDataset,
  createDisjointSampler,
  createStandardDataset,
  createStandardSampler,
  fairOracleRates,
  seedOptimalPredictionRate,
  tripletOverlap,
  type DisjointDatasetOptions,
  type DisjointSampler,
  type GraphDataset,
} from '../src/index.js';

/** The two dataset sections of the seed README's example configs. */
const SETTINGS: Record<string, DisjointDatasetOptions> = {
  small: { numNodes: 20, edgeProb: 0.2, numSamplesPerGraph: 64, numGraphs: 200, numTimesteps: 32, numActions: 8, testFraction: 0.2, seed: 42 },
  large: { numNodes: 50, edgeProb: 0.1, numSamplesPerGraph: 32, numGraphs: 150, numTimesteps: 40, numActions: 15, testFraction: 0.2, seed: 123 },
};

const [settingName = '', type = ''] = process.argv.slice(2);
if (settingName === '') {
  for (const name of Object.keys(SETTINGS)) {
    for (const kind of ['standard', 'disjoint']) {
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name, kind], { stdio: 'inherit' });
      if (run.status !== 0) process.exit(run.status ?? 1);
    }
  }
  process.exit(0);
}
const setting = SETTINGS[settingName];
if (!setting || (type !== 'standard' && type !== 'disjoint')) {
  console.error('usage: measure-seed-configs.ts [<small|large> <standard|disjoint>]');
  process.exit(2);
}
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const build = (options: DisjointDatasetOptions): GraphDataset =>
  type === 'standard' ? createStandardDataset(options) : createDisjointDataset(options);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const percent = (share: number) => `${(100 * share).toFixed(2)} %`;
const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};

collectGarbage();
const { heapUsed: heapBefore, rss: rssBefore } = process.memoryUsage();
const [dataset, buildMs] = timed(() => build(setting));
const peakRss = process.resourceUsage().maxRSS * 1024;
collectGarbage();
const heapAfter = process.memoryUsage().heapUsed;
const { config, train, test } = dataset;
const width = config.numNodes + config.numActions;
console.log(`${settingName} ${type}: ${JSON.stringify(config)}`);
console.log(`  generation: ${buildMs.toFixed(0)} ms`);
console.log(
  `  memory: walk arrays ${mib(train.byteLength + test.byteLength)} (a dense [walks, T, N + A] float32 copy would be ` +
    `${mib((train.numWalks + test.numWalks) * config.numTimesteps * width * 4)}); heap held after GC ${mib(heapAfter - heapBefore)}; ` +
    `RSS ${mib(rssBefore)} before building, peak ${mib(peakRss)} after`,
);
console.log(`  splits: ${train.graphs.length} train graphs / ${train.numWalks} walks, ${test.graphs.length} test graphs / ${test.numWalks} walks`);

const [checks, checkMs] = timed(() => ({
  overlap: tripletOverlap(train.graphs, test.graphs),
  trainConsistent: checkConsistency(train).consistent,
  testConsistent: checkConsistency(test).consistent,
}));
console.log(`  checks (${checkMs.toFixed(0)} ms): triplet overlap ${percent(checks.overlap)}, consistent ${checks.trainConsistent && checks.testConsistent}`);

for (const split of [train, test]) {
  const rates = fairOracleRates(split);
  console.log(
    `  fair oracles, ${split.name}: directed ${percent(rates.directed.predictable)} predictable → ceiling ${percent(rates.directed.expectedAccuracy)}; ` +
      `undirected ${percent(rates.undirected.predictable)} → ${percent(rates.undirected.expectedAccuracy)}; ` +
      `steps: first visits ${percent(rates.categories.firstVisit)} / reverse ${percent(rates.categories.reverse)} / revisits ${percent(rates.categories.revisit)}`,
  );
}
const [seedRate, seedMs] = timed(() => seedOptimalPredictionRate(dataset.sampler, { steps: config.numTimesteps, seed: config.seed }));
console.log(`  seed oracle (optimal_prediction_rate, 1000 fresh train-distribution graphs, ${config.numTimesteps} moves): ${percent(seedRate)} (${seedMs.toFixed(0)} ms)`);

// Acceptance: each split's graphs drawn again with the dataset's seeds, through a generator that
// sorts every draw by why it was rejected (graphs that pass every check but cannot be labelled are the rest).
for (const split of ['train', 'test'] as const) {
  const limit = 'partition' in dataset.sampler ? (dataset.sampler as DisjointSampler).partition[split === 'train' ? 'kTrain' : 'kTest'] : config.numActions;
  const tally = { draws: 0, emptyOrDisconnected: 0, degreeAboveLimit: 0 };
  const base = gnpGenerator({ numNodes: config.numNodes, edgeProb: config.edgeProb! });
  const generator: GraphGenerator = {
    ...base,
    generate(rng) {
      const topology = base.generate(rng);
      tally.draws += 1;
      // In the sampler's order: the degree limit first, then connectivity.
      if (maxDegree(topology) > limit) tally.degreeAboveLimit += 1;
      else if (edgeCount(topology) === 0 || !isConnected(topology)) tally.emptyOrDisconnected += 1;
      return topology;
    },
  };
  const sampler =
    'partition' in dataset.sampler
      ? createDisjointSampler({ generator, partition: (dataset.sampler as DisjointSampler).partition })
      : createStandardSampler({ generator, numActions: config.numActions });
  const graphs = split === 'train' ? train.graphs : test.graphs;
  graphs.forEach((graph, g) => {
    const again = sampler.sample(split, createRng(deriveSeed(config.seed, split, g, 'graph')));
    if (JSON.stringify(again.toJSON()) !== JSON.stringify(graph.toJSON())) throw new Error(`${split} graph ${g} differs when drawn again`);
  });
  const labellingFailed = tally.draws - tally.emptyOrDisconnected - tally.degreeAboveLimit - graphs.length;
  console.log(
    `  acceptance, ${split} (degree limit ${limit}): ${graphs.length} graphs from ${tally.draws} draws = ${percent(graphs.length / tally.draws)}; ` +
      `rejected ${tally.degreeAboveLimit} with degree above ${limit}, ${tally.emptyOrDisconnected} more empty or disconnected, ` +
      `${labellingFailed} not labelled`,
  );
}
