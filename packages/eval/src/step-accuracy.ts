import { OracleOutcome, StepCategory, type FairOracleResult, type FairOracleRates, type StepSequence } from '@pg/datasets';

/** Accuracy over a subset of steps. */
export interface SubsetAccuracy {
  /** Steps in the subset. */
  readonly steps: number;
  /** `null` when the subset is empty. */
  readonly accuracy: number | null;
}

/** Accuracy of a model over many steps, broken down the ways that tell memorising from learning. */
export interface StepAccuracy {
  /** Steps scored. */
  readonly steps: number;
  /** Share of steps whose prediction was the target. */
  readonly accuracy: number;
  /** Guessing uniformly over all nodes. */
  readonly chance: number;
  /**
   * By {@link @pg/datasets!StepCategory}: `firstVisit`, the first traversal of an edge
   * (unknowable from the sequence: accuracy well above chance here would mean
   * knowledge from training, i.e. leakage on a disjoint split; a model that
   * learnt to predict nodes it has seen scores below chance, see the getting
   * started guide), `reverse` (first traversal backwards of an edge walked
   * before: knowable, since an edge carries one action, but only to a learner
   * that stores both directions) and `revisit` (a repeated traversal: what
   * plasticity is for).
   */
  readonly byCategory: {
    /** First visits: first traversals of an edge. */
    readonly firstVisit: SubsetAccuracy;
    /** First traversals backwards of an edge walked before. */
    readonly reverse: SubsetAccuracy;
    /** Revisits: repeated traversals. */
    readonly revisit: SubsetAccuracy;
  };
  /** The fair oracles' ceilings over the same steps. */
  readonly oracle: FairOracleRates;
  /** Accuracy divided by each oracle's expected accuracy. */
  readonly ratioToOracle: {
    /** Ratio to the oracle that remembers moves forwards only. */
    readonly directed: number;
    /** Ratio to the oracle that also remembers them backwards. */
    readonly undirected: number;
  };
}

/**
 * Scores predictions against the targets of their sequences and breaks the
 * accuracy down by step category, beside the fair oracles' ceilings.
 *
 * @example
 * ```ts
 * const oracle = sequences.map((s) => fairOracle(s));
 * const score = scoreSteps(sequences, predictions, oracle, numNodes);
 * score.byCategory.revisit.accuracy; // revisit accuracy
 * ```
 */
export function scoreSteps(
  sequences: readonly StepSequence[],
  predictions: readonly Int32Array[],
  oracle: readonly FairOracleResult[],
  oracleRates: FairOracleRates,
  numNodes: number,
): StepAccuracy {
  const correctBy = new Float64Array(3);
  const stepsBy = new Float64Array(3);
  sequences.forEach((sequence, s) => {
    const { category } = oracle[s]!;
    const prediction = predictions[s]!;
    for (let t = 0; t < sequence.targets.length; t++) {
      stepsBy[category[t]!]! += 1;
      if (prediction[t] === sequence.targets[t]) correctBy[category[t]!]! += 1;
    }
  });
  const steps = stepsBy.reduce((a, b) => a + b, 0);
  const accuracy = correctBy.reduce((a, b) => a + b, 0) / steps;
  const subset = (category: number): SubsetAccuracy => ({
    steps: stepsBy[category]!,
    accuracy: stepsBy[category]! > 0 ? correctBy[category]! / stepsBy[category]! : null,
  });
  return {
    steps,
    accuracy,
    chance: 1 / numNodes,
    byCategory: { firstVisit: subset(StepCategory.firstVisit), reverse: subset(StepCategory.reverse), revisit: subset(StepCategory.revisit) },
    oracle: oracleRates,
    ratioToOracle: {
      directed: accuracy / oracleRates.directed.expectedAccuracy,
      undirected: accuracy / oracleRates.undirected.expectedAccuracy,
    },
  };
}

/** Per step, the expected accuracy of an oracle: 1 where it recalls the target, chance where it knows nothing, 0 where its entry is stale. */
export function oracleExpectedCorrect(outcomes: Uint8Array, numNodes: number): Float64Array {
  return Float64Array.from(outcomes, (outcome) => (outcome === OracleOutcome.recalled ? 1 : outcome === OracleOutcome.unknown ? 1 / numNodes : 0));
}
