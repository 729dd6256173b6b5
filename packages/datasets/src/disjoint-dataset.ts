import { deriveSeed, type GraphGenerator } from '@pg/graphs';
import { configGenerator, resolveDatasetConfig, type DisjointDatasetConfig, type DisjointDatasetOptions } from './config.js';
import { drawLabelledGraph } from './draw-labelled-graph.js';
import { DatasetError } from './errors.js';
import { createGraphDataset, type GraphDataset } from './graph-dataset.js';
import type { GraphSampler } from './graph-sampler.js';
import { createPairPartition, type PairPartition } from './pair-partition.js';
import { requireInteger } from './validate.js';

/** Options of {@link createDisjointSampler}. */
export interface DisjointSamplerOptions {
  /** The family of the topologies. */
  generator: GraphGenerator;
  /** Which actions each split may put on each node pair. */
  partition: PairPartition;
  /** Draws per graph before giving up. Default 10 000. */
  maxTries?: number;
}

/** A {@link GraphSampler} that keeps each split to its side of a {@link PairPartition}. */
export interface DisjointSampler extends GraphSampler {
  /** The partition the sampler keeps each split to. */
  readonly partition: PairPartition;
}

/** The disjoint dataset: no (node, action, next node) triplet of a test graph occurs in a train graph. */
export type DisjointGraphDataset = GraphDataset<DisjointDatasetConfig, DisjointSampler>;

/**
 * The disjoint datasets' graphs: connected draws of `generator` whose edges
 * {u, v} carry actions from the pair's train subset (train graphs) or test
 * subset (test graphs) only, unique around each node. A draw with a node of
 * degree above the split's subset size (`kTrain` or `kTest`) cannot be
 * labelled and is rejected before labelling is tried. If `maxTries` draws
 * give no graph, throws a {@link DatasetError} that names `kTrain` or
 * `kTest` and says by how much the degrees exceed it.
 *
 * @example
 * ```ts
 * const partition = createPairPartition({ numNodes: 20, numActions: 8, kTrain: 4, kTest: 4, seed: 42 });
 * const sampler = createDisjointSampler({ generator: gnpGenerator({ numNodes: 20, edgeProb: 0.2 }), partition });
 * const testGraph = sampler.sample('test', createRng(5));
 * ```
 */
export function createDisjointSampler(options: DisjointSamplerOptions): DisjointSampler {
  const { generator, partition } = options;
  const maxTries = requireInteger('maxTries', options.maxTries ?? 10_000, 1);
  if (generator.numNodes !== partition.numNodes) {
    throw new DatasetError('partition.numNodes', partition.numNodes, `the generator's node count ${generator.numNodes}`);
  }
  return {
    numNodes: generator.numNodes,
    numActions: partition.numActions,
    partition,
    sample: (split, rng) =>
      drawLabelledGraph({
        generator,
        numActions: partition.numActions,
        rng,
        maxTries,
        degreeLimit: split === 'train' ? { field: 'kTrain', value: partition.kTrain } : { field: 'kTest', value: partition.kTest },
        allowedActions: (u, v) => partition.actions(split, u, v),
        what: `${split} graphs`,
      }),
  };
}

/**
 * Generates the disjoint dataset (the seed project's hard setting): the
 * action space of every node pair is split by the dataset seed into a
 * train-only and a test-only subset ({@link createPairPartition}, seeded with
 * `deriveSeed(seed, 'pair-partition')`), and each split's graphs label their
 * edges from their own side only. Memorising train triplets is then useless
 * on test graphs. Same options, same bytes.
 *
 * @example
 * ```ts
 * const dataset = createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, numGraphs: 150, numSamplesPerGraph: 32, numTimesteps: 40, seed: 123 });
 * tripletOverlap(dataset.train.graphs, dataset.test.graphs); // 0
 * ```
 */
export function createDisjointDataset(options: DisjointDatasetOptions = {}): DisjointGraphDataset {
  const config = resolveDatasetConfig('disjoint', options);
  const partition = createPairPartition({ ...config, seed: deriveSeed(config.seed, 'pair-partition') });
  const sampler = createDisjointSampler({ generator: configGenerator(config, options.generator), partition, maxTries: config.maxTries });
  return createGraphDataset(config, sampler);
}
