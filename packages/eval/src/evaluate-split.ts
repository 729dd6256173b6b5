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
  const batchSize = options.batchSize ?? 64;
  if (model.numNodes !== split.numNodes || model.numActions !== split.numActions) {
    throw new EvalError('model size', [model.numNodes, model.numActions], `the split's [numNodes, numActions] = [${split.numNodes}, ${split.numActions}]`);
  }
  const sequences = Array.from({ length: split.numWalks }, (_, w) => split.steps(w));
  const predictions: Int32Array[] = [];
  for (let start = 0, batch = 0; start < sequences.length; start += batchSize, batch++) {
    const rng = createRng(deriveSeed(options.seed ?? 0, 'evaluate', split.name, batch));
    predictions.push(...predictSequences(model, sequences.slice(start, start + batchSize), { rng, chunkLength: split.numTimesteps }));
  }
  const oracle = sequences.map((sequence) => fairOracle(sequence));
  return scoreSteps(sequences, predictions, oracle, summarizeFairOracle(oracle, split.numNodes), split.numNodes);
}
