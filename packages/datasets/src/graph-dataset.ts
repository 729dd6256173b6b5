import { createRng, deriveSeed, randomWalk } from '@pg/graphs';
import { splitGraphCounts, type DatasetConfig } from './config.js';
import type { GraphSampler } from './graph-sampler.js';
import { WalkSplit, type SplitName, type WalkSplitName } from './walk-split.js';

/** A generated dataset: its configuration, its graph sampler and its splits. */
export interface GraphDataset<C extends DatasetConfig = DatasetConfig, S extends GraphSampler = GraphSampler> {
  /** The configuration, every default filled in. */
  readonly config: C;
  /** Draws fresh graphs from the distribution of either split. */
  readonly sampler: S;
  /** The training graphs and their walks. */
  readonly train: WalkSplit;
  /** The validation graphs and their walks, when the configuration has a `validationFraction`. */
  readonly validation?: WalkSplit;
  /** The held-out graphs and their walks. */
  readonly test: WalkSplit;
}

/**
 * The common recipe of every dataset (the seed project's BaseGraphDataset):
 * draws the graphs of each split from `sampler` (how many:
 * {@link splitGraphCounts}, from `numGraphs`, `numGraphsCounts`,
 * `testFraction` and `validationFraction`), and runs random walks from
 * uniform start nodes on each: `numSamplesPerGraph` walks of `numTimesteps`
 * nodes on a test graph, `trainSamplesPerGraph` walks of `trainTimesteps`
 * nodes on a training or validation graph. Graph `i` of a split is drawn
 * with the seed `deriveSeed(seed, split, i, 'graph')` and walked with
 * `deriveSeed(seed, split, i, 'walks')`, so every graph is independent of
 * the order of work (the training graphs left once validation graphs replace
 * some are the first ones of the same list), and the test split is the same
 * whatever the training walks' sizes. Validation graphs are drawn
 * from the test graphs' distribution under their own seeds. Walks are
 * stored graph after graph.
 *
 * @example
 * ```ts
 * // A standard dataset whose graphs are 4 × 4 tori (the same as createStandardDataset with this generator).
 * const generator = gridGenerator({ rows: 4, cols: 4, periodic: true });
 * const config = resolveDatasetConfig('standard', { generator, numActions: 6, numGraphs: 10 });
 * const dataset = createGraphDataset(config, createStandardSampler({ generator, numActions: 6 }));
 * ```
 */
export function createGraphDataset<C extends DatasetConfig, S extends GraphSampler>(config: C, sampler: S): GraphDataset<C, S> {
  const counts = splitGraphCounts(config);
  return {
    config,
    sampler,
    train: generateSplit(config, sampler, 'train', counts.train, 'train'),
    ...(counts.validation > 0 ? { validation: generateSplit(config, sampler, 'validation', counts.validation, 'test') } : {}),
    test: generateSplit(config, sampler, 'test', counts.test, 'test'),
  };
}

/**
 * The walks of `numGraphs` graphs drawn from the `drawnAs` side of the sampler, seeded by `name`:
 * the test split's walks have the test sizes, the training and validation splits' the training sizes
 * (validation chooses the epoch, so it measures what training optimises).
 */
function generateSplit(config: DatasetConfig, sampler: GraphSampler, name: WalkSplitName, numGraphs: number, drawnAs: SplitName): WalkSplit {
  const { seed } = config;
  const [numSamplesPerGraph, T] = name === 'test' ? [config.numSamplesPerGraph, config.numTimesteps] : [config.trainSamplesPerGraph, config.trainTimesteps];
  const numWalks = numGraphs * numSamplesPerGraph;
  const nodes = new Int32Array(numWalks * T);
  const actions = new Int32Array(numWalks * (T - 1));
  const graphIndex = new Int32Array(numWalks);
  const graphs = Array.from({ length: numGraphs }, (_, g) => {
    const graph = sampler.sample(drawnAs, createRng(deriveSeed(seed, name, g, 'graph')));
    const rng = createRng(deriveSeed(seed, name, g, 'walks'));
    for (let w = g * numSamplesPerGraph; w < (g + 1) * numSamplesPerGraph; w++) {
      const walk = randomWalk(graph, { steps: T - 1, rng });
      nodes.set(walk.nodes, w * T);
      actions.set(walk.actions, w * (T - 1));
      graphIndex[w] = g;
    }
    return graph;
  });
  return new WalkSplit({ name, numNodes: config.numNodes, numActions: config.numActions, numTimesteps: T, graphs, nodes, actions, graphIndex });
}
