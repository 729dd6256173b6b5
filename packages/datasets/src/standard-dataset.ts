import type { GraphGenerator } from '@pg/graphs';
import { configGenerator, resolveDatasetConfig, type DatasetOptions, type StandardDatasetConfig } from './config.js';
import { drawLabelledGraph } from './draw-labelled-graph.js';
import { createGraphDataset, type GraphDataset } from './graph-dataset.js';
import type { GraphSampler } from './graph-sampler.js';
import { requireInteger } from './validate.js';

/** Options of {@link createStandardSampler}. */
export interface StandardSamplerOptions {
  /** The family of the topologies. */
  generator: GraphGenerator;
  /** Size of the action space, ≥ 1. */
  numActions: number;
  /** Draws per graph before giving up. Default 10 000. */
  maxTries?: number;
}

/** The standard dataset: both splits drawn from one distribution over one shared action space. */
export type StandardGraphDataset = GraphDataset<StandardDatasetConfig>;

/**
 * The standard datasets' graphs: connected draws of `generator` with at
 * least one edge, labelled with actions from the whole shared space, unique
 * around each node. Train and test graphs follow the same distribution.
 *
 * @example
 * ```ts
 * const sampler = createStandardSampler({ generator: gnpGenerator({ numNodes: 20, edgeProb: 0.2 }), numActions: 8 });
 * const graph = sampler.sample('train', createRng(3));
 * ```
 */
export function createStandardSampler(options: StandardSamplerOptions): GraphSampler {
  const { generator } = options;
  const numActions = requireInteger('numActions', options.numActions, 1);
  const maxTries = requireInteger('maxTries', options.maxTries ?? 10_000, 1);
  return {
    numNodes: generator.numNodes,
    numActions,
    sample: (split, rng) =>
      drawLabelledGraph({ generator, numActions, rng, maxTries, degreeLimit: { field: 'numActions', value: numActions }, what: `${split} graphs` }),
  };
}

/**
 * Generates the standard dataset (the seed project's easy setting): graphs
 * of one family, by default G(n, p), connected and non-empty, with actions
 * unique around each node and one action space shared by every graph, so
 * that train and test graphs share many (node, action, next node) triplets.
 * Same options, same bytes.
 *
 * @example
 * ```ts
 * const dataset = createStandardDataset({ numNodes: 20, edgeProb: 0.2, numActions: 8, numGraphs: 200, seed: 42 });
 * dataset.train.numWalks; // 160 graphs × 64 walks = 10 240
 * ```
 */
export function createStandardDataset(options: DatasetOptions = {}): StandardGraphDataset {
  const config = resolveDatasetConfig('standard', options);
  const generator = configGenerator(config, options.generator);
  return createGraphDataset(config, createStandardSampler({ generator, numActions: config.numActions, maxTries: config.maxTries }));
}
