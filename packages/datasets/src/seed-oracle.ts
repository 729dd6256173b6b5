import { createRng, deriveSeed, randomWalk } from '@pg/graphs';
import { fairOracle, OracleOutcome } from './fair-oracle.js';
import type { GraphSampler } from './graph-sampler.js';
import { concatSteps, walkSteps } from './step-sequence.js';
import { requireInteger } from './validate.js';
import type { SplitName } from './walk-split.js';

/** Options of {@link seedOptimalPredictionRate}. */
export interface SeedOracleOptions {
  /** Moves per walk. The seed project passed its `num_timesteps` (T), one more than a dataset walk's predictions. */
  steps: number;
  /** Seed of the fresh graphs and their walks. */
  seed: number;
  /** Fresh graphs drawn. Default 1000, as the seed project called it. */
  numGraphs?: number;
  /** The split whose distribution the fresh graphs follow. Default `'train'`, the seed project's default. */
  split?: SplitName;
  /** Walks per graph, each from a uniform start node. Default 1, as in the seed project. */
  walksPerGraph?: number;
  /** Whether the table is emptied before each walk of a graph (it always is for a new graph). Default `true`. */
  resetPerWalk?: boolean;
}

/**
 * The seed project's `optimal_prediction_rate`, reproduced for
 * comparability: on each of `numGraphs` fresh graphs from `sampler`, walk
 * uniformly from a uniform start node, keeping a table (node, action) →
 * next node that is written in both directions after every move. A move
 * whose key is in the table is predicted right; any other is guessed
 * uniformly among the current node's true neighbours, information that a
 * model does not have. Unlike the seed project, which drew that guess, this
 * returns the expected value: an unknown key counts 1 / degree(node). The
 * result is the mean over all moves of all walks. A walk starts at a
 * uniform node and its table starts empty (one walk per graph by default).
 *
 * Walk and graph seeds: graph `g` is drawn with `deriveSeed(seed, 'graph',
 * g)` and walked with `deriveSeed(seed, 'walks', g)`.
 *
 * @example
 * ```ts
 * const dataset = createStandardDataset();
 * seedOptimalPredictionRate(dataset.sampler, { steps: dataset.config.numTimesteps, seed: 42 }); // ≈ 0.59 on the defaults
 * ```
 */
export function seedOptimalPredictionRate(sampler: GraphSampler, options: SeedOracleOptions): number {
  const work = seedOptimalPredictionRateByGraph(sampler, options);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link seedOptimalPredictionRate} one fresh graph at a time: the generator
 * yields after each graph and returns the same rate, so that a caller can
 * let other work run between graphs (a thousand graphs take seconds).
 *
 * @example
 * ```ts
 * const work = seedOptimalPredictionRateByGraph(dataset.sampler, { steps: 32, seed: 42 });
 * let step = work.next();
 * while (!step.done) step = work.next(); // or await something between steps
 * const rate = step.value;
 * ```
 */
export function* seedOptimalPredictionRateByGraph(sampler: GraphSampler, options: SeedOracleOptions): Generator<void, number, undefined> {
  const steps = requireInteger('steps', options.steps, 1);
  const numGraphs = requireInteger('numGraphs', options.numGraphs ?? 1000, 1);
  const walksPerGraph = requireInteger('walksPerGraph', options.walksPerGraph ?? 1, 1);
  const { seed, split = 'train', resetPerWalk = true } = options;
  let expectedCorrect = 0;
  for (let g = 0; g < numGraphs; g++) {
    const graph = sampler.sample(split, createRng(deriveSeed(seed, 'graph', g)));
    const rng = createRng(deriveSeed(seed, 'walks', g));
    const walks = Array.from({ length: walksPerGraph }, () => walkSteps(randomWalk(graph, { steps, rng })));
    const { sequence, starts } = concatSteps(walks);
    // The two-way table of the seed project is the undirected fair oracle; only the guess differs.
    const { undirected } = fairOracle(sequence, { resetAt: resetPerWalk ? starts : [] });
    undirected.forEach((outcome, t) => {
      expectedCorrect += outcome === OracleOutcome.recalled ? 1 : 1 / graph.degree(sequence.nodes[t]!);
    });
    yield;
  }
  return expectedCorrect / (numGraphs * walksPerGraph * steps);
}
