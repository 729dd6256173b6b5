import { fairOracle, summarizeFairOracle, type WalkSplit } from '@pg/datasets';
import { createRng, deriveSeed } from '@pg/graphs';
import type { TensorContainer } from '@tensorflow/tfjs-core';
import { EvalError } from './errors.js';
import type { NextNodeModel } from './next-node-model.js';
import { predictSequences } from './predict-sequences.js';
import { scoreSteps, type StepAccuracy } from './step-accuracy.js';

/** Options of {@link evaluateSplit}. */
export interface EvaluateSplitOptions {
  /** Walks run side by side. Default 64. */
  batchSize?: number;
  /** Seed of the fresh initial state of every walk. Default 0. */
  seed?: number;
}

/**
 * Next-node accuracy of a model over every step of every walk of a split
 * (each walk from a fresh state), with the fair-oracle ceilings and the
 * break-down into first visits, first reverse traversals and revisits.
 *
 * @example
 * ```ts
 * const test = evaluateSplit(model, dataset.test, { seed: 42 });
 * console.log(test.accuracy, test.ratioToOracle.undirected, test.byCategory.revisit.accuracy);
 * ```
 */
export function evaluateSplit<S extends TensorContainer>(model: NextNodeModel<S>, split: WalkSplit, options: EvaluateSplitOptions = {}): StepAccuracy {
  const work = evaluateSplitByBatch(model, split, options);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link evaluateSplit} one batch of walks at a time: the generator yields
 * after each batch and returns the same result, so that a caller can let
 * other work run between batches (a large split takes seconds).
 *
 * @example
 * ```ts
 * const work = evaluateSplitByBatch(model, dataset.test, { seed: 42 });
 * let step = work.next();
 * while (!step.done) step = work.next(); // or await something between steps
 * const test = step.value;
 * ```
 */
export function* evaluateSplitByBatch<S extends TensorContainer>(
  model: NextNodeModel<S>,
  split: WalkSplit,
  options: EvaluateSplitOptions = {},
): Generator<void, StepAccuracy, undefined> {
  const batchSize = options.batchSize ?? 64;
  if (model.numNodes !== split.numNodes || model.numActions !== split.numActions) {
    throw new EvalError('model size', [model.numNodes, model.numActions], `the split's [numNodes, numActions] = [${split.numNodes}, ${split.numActions}]`);
  }
  const sequences = Array.from({ length: split.numWalks }, (_, w) => split.steps(w));
  const predictions: Int32Array[] = [];
  for (let start = 0, batch = 0; start < sequences.length; start += batchSize, batch++) {
    const rng = createRng(deriveSeed(options.seed ?? 0, 'evaluate', split.name, batch));
    predictions.push(...predictSequences(model, sequences.slice(start, start + batchSize), { rng, chunkLength: split.numTimesteps }));
    yield;
  }
  const oracle = sequences.map((sequence) => fairOracle(sequence));
  return scoreSteps(sequences, predictions, oracle, summarizeFairOracle(oracle, split.numNodes), split.numNodes);
}
