import { fairOracle, OracleOutcome, StepCategory, type FairOracleResult } from './fair-oracle.js';
import type { WalkSplit } from './walk-split.js';

/** One fair oracle's rates over many steps. */
export interface OracleRate {
  /** Share of steps the oracle recalls. */
  readonly predictable: number;
  /** The oracle's expected accuracy: recalled steps, plus chance (1 / numNodes) on steps it has no entry for. */
  readonly expectedAccuracy: number;
}

/** Fair-oracle rates over a set of sequences (NaN where there are no steps). */
export interface FairOracleRates {
  /** Steps counted. */
  readonly numSteps: number;
  /** Rates of the oracle that remembers each move forwards. */
  readonly directed: OracleRate;
  /** Rates of the oracle that also remembers each move backwards. */
  readonly undirected: OracleRate;
  /** Share of steps in each {@link StepCategory}. */
  readonly categories: {
    /** Share of first visits (first traversals of an edge). */
    readonly firstVisit: number;
    /** Share of first traversals in the reverse direction. */
    readonly reverse: number;
    /** Share of revisits (repeated traversals). */
    readonly revisit: number;
  };
}

/**
 * Averages {@link fairOracle} outcomes over every step of many sequences.
 * The expected accuracies are the ceilings that a model guessing uniformly
 * over all `numNodes` nodes on unpredictable steps can reach; stale entries
 * count as wrong.
 *
 * @example
 * ```ts
 * const switched = graphSwitchSequence(graphs, { stepsPerGraph: 200, rng: createRng(1) });
 * summarizeFairOracle([fairOracle(switched, { resetAt: switched.switches })], 20).undirected.expectedAccuracy;
 * ```
 */
export function summarizeFairOracle(results: Iterable<FairOracleResult>, numNodes: number): FairOracleRates {
  const directed = new Float64Array(3);
  const undirected = new Float64Array(3);
  const categories = new Float64Array(3);
  let numSteps = 0;
  for (const result of results) {
    numSteps += result.category.length;
    for (const value of result.directed) directed[value]! += 1;
    for (const value of result.undirected) undirected[value]! += 1;
    for (const value of result.category) categories[value]! += 1;
  }
  const rate = (counts: Float64Array): OracleRate => ({
    predictable: counts[OracleOutcome.recalled]! / numSteps,
    expectedAccuracy: (counts[OracleOutcome.recalled]! + counts[OracleOutcome.unknown]! / numNodes) / numSteps,
  });
  return {
    numSteps,
    directed: rate(directed),
    undirected: rate(undirected),
    categories: {
      firstVisit: categories[StepCategory.firstVisit]! / numSteps,
      reverse: categories[StepCategory.reverse]! / numSteps,
      revisit: categories[StepCategory.revisit]! / numSteps,
    },
  };
}

/**
 * The fair oracles' rates over all walks of a split: what share of its
 * steps are predictable from their own walk so far, and the accuracy
 * ceilings that follow.
 *
 * @example
 * ```ts
 * const rates = fairOracleRates(dataset.test);
 * rates.undirected.expectedAccuracy; // the ceiling test accuracy is compared to
 * ```
 */
export function fairOracleRates(split: WalkSplit): FairOracleRates {
  return summarizeFairOracle(
    Array.from({ length: split.numWalks }, (_, w) => fairOracle(split.steps(w))),
    split.numNodes,
  );
}
