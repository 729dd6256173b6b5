import { fairOracle, graphSwitchSequence, summarizeFairOracle, type SwitchSequence } from '@pg/datasets';
import { createRng, deriveSeed, shuffleInPlace, type ActionGraph } from '@pg/graphs';
import type { TensorContainer } from '@tensorflow/tfjs-core';
import { EvalError } from './errors.js';
import type { BesideOracles } from './long-exploration.js';
import { correctness, meanOverSequences } from './mean-over-sequences.js';
import type { NextNodeModel } from './next-node-model.js';
import { predictSequences } from './predict-sequences.js';
import { rollingMean, type Curve } from './rolling-mean.js';
import { oracleExpectedCorrect, scoreSteps, type StepAccuracy } from './step-accuracy.js';
import { stepsToRecover, type Recovery } from './steps-to-recover.js';

/** Options of {@link switchAdaptation}. */
export interface SwitchAdaptationOptions {
  /** Graphs visited in turn by each sequence, ≥ 2 (the seed's `boundary_num_graphs`). */
  numGraphs: number;
  /** Sequences, each over its own choice of graphs and walks, averaged (`boundary_repeats_per_graph`). */
  repeats: number;
  /** Moves on each graph before the switch. */
  stepsPerGraph: number;
  /** Window of the rolling accuracy and of the level before a switch (`boundary_window_size`). */
  window: number;
  /** Fraction of the level before a switch that counts as recovered. Default 0.9. */
  recoveryFraction?: number;
  /** Steps per forward pass (the state is carried over). Default 200. */
  chunkLength?: number;
  /** Seed of the choice of graphs, the walks and the initial state. Default 0. */
  seed?: number;
}

/** What {@link switchAdaptation} measures. */
export interface SwitchAdaptationResult {
  /** The steps at which the graph changes (the same in every repeat). */
  readonly switches: readonly number[];
  /** Window of the rolling curves. */
  readonly window: number;
  /** Sequences averaged. */
  readonly repeats: number;
  /** Accuracy over all steps of all sequences, by category. */
  readonly score: StepAccuracy;
  /** Rolling accuracy across the switches, averaged over the repeats. */
  readonly curve: Curve;
  /**
   * Rolling ceilings: `undirected`, the oracle that is not told of switches
   * (its stale entries count as wrong, as a model's would); `undirectedWithReset`,
   * one that forgets at each switch.
   */
  readonly oracleCurves: {
    /** The undirected oracle, not told of switches. */
    readonly undirected: Curve;
    /** The undirected oracle, emptied at each switch. */
    readonly undirectedWithReset: Curve;
  };
  /**
   * Mean accuracy over the `window` steps before a switch, over every switch of every repeat,
   * beside the oracles not told of switches over the same steps: the level a model that is not
   * told can reach (on a large graph few steps per graph leave it well below 100%).
   */
  readonly levelBefore: BesideOracles;
  /** Recovery after each switch, from the repeat-averaged accuracy. */
  readonly perSwitch: readonly Recovery[];
  /** Recovery from the accuracy averaged over every switch of every repeat. */
  readonly recovery: Recovery;
}

/**
 * Adaptation when the world changes mid-sequence: each sequence walks
 * `stepsPerGraph` moves on one unseen graph, then on the next, without any
 * reset of the network's state (the seed reset its fast weights at every
 * graph, so never measured this). Reports the rolling accuracy across the
 * switches and the number of steps after a switch until accuracy is back to
 * `recoveryFraction` of its level before it.
 *
 * @example
 * ```ts
 * const adaptation = switchAdaptation(model, dataset.test.graphs, { numGraphs: 5, repeats: 5, stepsPerGraph: 200, window: 50, seed: 1 });
 * adaptation.recovery.steps; // steps to get back to 90%
 * ```
 */
export function switchAdaptation<S extends TensorContainer>(
  model: NextNodeModel<S>,
  graphs: readonly ActionGraph[],
  options: SwitchAdaptationOptions,
): SwitchAdaptationResult {
  const { numGraphs, repeats, stepsPerGraph, window } = options;
  const seed = options.seed ?? 0;
  if (graphs.length < 2) throw new EvalError('graphs', graphs.length, 'at least 2 distinct graphs to switch between');
  if (!Number.isInteger(numGraphs) || numGraphs < 2) throw new EvalError('numGraphs', numGraphs, 'an integer ≥ 2');
  if (!Number.isInteger(repeats) || repeats < 1) throw new EvalError('repeats', repeats, 'an integer ≥ 1');
  if (!Number.isInteger(window) || window < 1 || window > stepsPerGraph) {
    throw new EvalError('window', window, `an integer in [1, stepsPerGraph ${stepsPerGraph}]`);
  }
  const sequences: SwitchSequence[] = Array.from({ length: repeats }, (_, r) => {
    const rng = createRng(deriveSeed(seed, 'switch', r));
    // Graphs in a shuffled order, cycling if fewer than numGraphs exist: never the same graph twice in a row.
    const order = shuffleInPlace(Array.from(graphs.keys()), rng);
    return graphSwitchSequence(Array.from({ length: numGraphs }, (_, g) => graphs[order[g % order.length]!]!), { stepsPerGraph, rng });
  });
  const switches = [...sequences[0]!.switches];
  const predictions = predictSequences(model, sequences, { chunkLength: options.chunkLength, rng: createRng(deriveSeed(seed, 'switch', 'state')) });
  const trace = meanOverSequences(sequences.map((s, i) => correctness(predictions[i]!, s.targets)));
  const recovery = { window, fraction: options.recoveryFraction ?? 0.9 };
  // Every switch of every repeat lined up: the window before it and the steps after it.
  const aligned = meanOverSequences(switches.map((at) => trace.subarray(at - window, at + stepsPerGraph)));
  const overall = stepsToRecover(aligned, window, recovery);
  const oracle = sequences.map((sequence) => fairOracle(sequence));
  const withReset = sequences.map((sequence) => fairOracle(sequence, { resetAt: sequence.switches }));
  const oracleCorrect = (results: typeof oracle, kind: 'directed' | 'undirected') =>
    meanOverSequences(results.map((result) => oracleExpectedCorrect(result[kind], model.numNodes)));
  const undirectedCorrect = oracleCorrect(oracle, 'undirected');
  const meanBeforeSwitches = (values: Float64Array) =>
    switches.reduce((total, at) => total + values.subarray(at - window, at).reduce((sum, value) => sum + value, 0), 0) / (switches.length * window);
  return {
    switches,
    window,
    repeats,
    score: scoreSteps(sequences, predictions, oracle, summarizeFairOracle(oracle, model.numNodes), model.numNodes),
    curve: rollingMean(trace, window),
    oracleCurves: { undirected: rollingMean(undirectedCorrect, window), undirectedWithReset: rollingMean(oracleCorrect(withReset, 'undirected'), window) },
    levelBefore: { model: overall.levelBefore, directed: meanBeforeSwitches(oracleCorrect(oracle, 'directed')), undirected: meanBeforeSwitches(undirectedCorrect) },
    perSwitch: switches.map((at) => stepsToRecover(trace, at, recovery)),
    recovery: overall,
  };
}
