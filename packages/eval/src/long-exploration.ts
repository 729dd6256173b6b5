import { fairOracle, summarizeFairOracle, walkSteps } from '@pg/datasets';
import { createRng, deriveSeed, randomWalk, type ActionGraph } from '@pg/graphs';
import type { TensorContainer } from '@tensorflow/tfjs-core';
import { EvalError } from './errors.js';
import { correctness, meanOverSequences } from './mean-over-sequences.js';
import type { NextNodeModel } from './next-node-model.js';
import { predictSequences } from './predict-sequences.js';
import { rollingMean, type Curve } from './rolling-mean.js';
import { seedRollingAverage } from './seed-rolling-average.js';
import { oracleExpectedCorrect, scoreSteps, type StepAccuracy } from './step-accuracy.js';

/** Options of {@link longExploration}. */
export interface LongExplorationOptions {
  /** Moves of each exploration. */
  steps: number;
  /** Window of the rolling accuracy. */
  window: number;
  /** Explorations run side by side, each on its own graph, averaged. Default 1 (the seed's single graph). */
  explorations?: number;
  /** Steps per forward pass (the state is carried over). Default 200. */
  chunkLength?: number;
  /** Seed of the choice of graphs, the walks and the initial state. Default 0. */
  seed?: number;
  /**
   * First step (0-based) of the late window, which runs to the end of the walk: accuracy once the
   * graph has long been explored, where a memory that lasts matters. Default: the last quarter of the steps.
   */
  lateFrom?: number;
}

/** One statistic of the long explorations, for the model and for the fair oracles computed the same way over the same steps. */
export interface BesideOracles {
  /** The model's value. */
  readonly model: number;
  /** The value of the oracle that remembers moves forwards only. */
  readonly directed: number;
  /** The value of the oracle that also remembers them backwards. */
  readonly undirected: number;
}

/** What {@link longExploration} measures. */
export interface LongExplorationResult {
  /** Moves of each exploration. */
  readonly steps: number;
  /** Window of the rolling curves. */
  readonly window: number;
  /** Explorations averaged. */
  readonly explorations: number;
  /** Accuracy over all steps, by category, beside the fair oracles. */
  readonly score: StepAccuracy;
  /** Rolling accuracy, averaged over the explorations. */
  readonly curve: Curve;
  /** Rolling expected accuracy of the fair oracles over the same steps: the ceilings to draw. */
  readonly oracleCurves: {
    /** The oracle that remembers moves forwards only. */
    readonly directed: Curve;
    /** The oracle that also remembers them backwards. */
    readonly undirected: Curve;
  };
  /** The last point of the rolling curve: accuracy once the graph is well explored. */
  readonly finalAccuracy: number;
  /**
   * The original project's number ({@link seedRollingAverage}: the mean of the rolling curve with
   * short windows at the start), averaged over the explorations, beside the same for the oracles.
   * The original took it on one exploration of one graph.
   */
  readonly seedRollingAverage: BesideOracles;
  /** Accuracy over the late window (steps `from` to the end), averaged over the explorations, beside the oracles' over the same steps. */
  readonly late: BesideOracles & {
    /** The window's first step (0-based). */
    readonly from: number;
    /** Steps in the window, per exploration. */
    readonly steps: number;
  };
}

/**
 * Rolling next-node accuracy along long random walks on unseen graphs (the
 * seed's `long_timesteps` / `long_window_size` evaluation), run in chunks
 * with the state carried over, so memory does not grow with the length;
 * with three statistics of it beside the fair oracles': the mean over all
 * steps (`score`), the original's rolling average and the late window.
 *
 * @example
 * ```ts
 * const long = longExploration(model, dataset.test.graphs, { steps: 1999, window: 100, explorations: 8, lateFrom: 1500, seed: 42 });
 * long.finalAccuracy; // near the oracle once the graph is explored
 * long.late.model / long.late.directed; // how much of what a forward memory could recall late in the walk
 * ```
 */
export function longExploration<S extends TensorContainer>(
  model: NextNodeModel<S>,
  graphs: readonly ActionGraph[],
  options: LongExplorationOptions,
): LongExplorationResult {
  const explorations = options.explorations ?? 1;
  const seed = options.seed ?? 0;
  if (graphs.length === 0) throw new EvalError('graphs', graphs.length, 'at least one graph to explore');
  if (!Number.isInteger(explorations) || explorations < 1) throw new EvalError('explorations', explorations, 'an integer ≥ 1');
  const lateFrom = options.lateFrom ?? Math.floor((3 * options.steps) / 4);
  if (!Number.isInteger(lateFrom) || lateFrom < 0 || lateFrom >= options.steps) {
    throw new EvalError('lateFrom', lateFrom, `an integer step in [0, ${options.steps - 1}] (the walk has ${options.steps} steps)`);
  }
  const pick = createRng(deriveSeed(seed, 'long', 'graphs'));
  const sequences = Array.from({ length: explorations }, (_, i) => {
    const graph = graphs[(pick.next() >>> 0) % graphs.length]!;
    return walkSteps(randomWalk(graph, { steps: options.steps, rng: createRng(deriveSeed(seed, 'long', 'walk', i)) }));
  });
  const predictions = predictSequences(model, sequences, { chunkLength: options.chunkLength, rng: createRng(deriveSeed(seed, 'long', 'state')) });
  const oracle = sequences.map((sequence) => fairOracle(sequence));
  const correct = meanOverSequences(sequences.map((s, i) => correctness(predictions[i]!, s.targets)));
  const oracleCorrect = (kind: 'directed' | 'undirected') => meanOverSequences(oracle.map((result) => oracleExpectedCorrect(result[kind], model.numNodes)));
  const curve = rollingMean(correct, options.window);
  const oracleCurve = (kind: 'directed' | 'undirected') => rollingMean(oracleCorrect(kind), options.window);
  // The statistic is linear in the series, so taking it on the mean over explorations averages it over them.
  const seedAverage = (values: Float64Array) => seedRollingAverage(values, options.window);
  const lateMean = (values: Float64Array) => values.subarray(lateFrom).reduce((total, value) => total + value, 0) / (values.length - lateFrom);
  return {
    steps: options.steps,
    window: options.window,
    explorations,
    score: scoreSteps(sequences, predictions, oracle, summarizeFairOracle(oracle, model.numNodes), model.numNodes),
    curve,
    oracleCurves: { directed: oracleCurve('directed'), undirected: oracleCurve('undirected') },
    finalAccuracy: curve.y[curve.y.length - 1]!,
    seedRollingAverage: { model: seedAverage(correct), directed: seedAverage(oracleCorrect('directed')), undirected: seedAverage(oracleCorrect('undirected')) },
    late: {
      from: lateFrom,
      steps: options.steps - lateFrom,
      model: lateMean(correct),
      directed: lateMean(oracleCorrect('directed')),
      undirected: lateMean(oracleCorrect('undirected')),
    },
  };
}
