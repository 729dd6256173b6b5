import { chunkSteps, encodeSteps, type StepSequence } from '@pg/datasets';
import type { RandomGenerator } from '@pg/graphs';
import { argMax, dispose, type TensorContainer } from '@tensorflow/tfjs-core';
import { EvalError } from './errors.js';
import { disposeModelState, type NextNodeModel } from './next-node-model.js';

/** Options of {@link predictSequences}. */
export interface PredictOptions {
  /** Steps run per forward pass; the state is carried from chunk to chunk, so memory does not grow with length. Default 200. */
  chunkLength?: number;
  /** Draws the initial state of the sequences (fresh fast weights). Default: the model's own default state. */
  rng?: RandomGenerator;
}

/**
 * Runs a model over sequences of equal length side by side (one batch),
 * a chunk of steps at a time with the state carried over, and returns the
 * predicted next node (the arg-max of the logits) at every step.
 *
 * @example
 * ```ts
 * const [predictions] = predictSequences(model, [walkSteps(randomWalk(graph, { steps: 2000, rng }))]);
 * ```
 */
export function predictSequences<S extends TensorContainer>(
  model: NextNodeModel<S>,
  sequences: readonly StepSequence[],
  options: PredictOptions = {},
): Int32Array[] {
  const chunkLength = options.chunkLength ?? 200;
  if (!Number.isInteger(chunkLength) || chunkLength < 1) throw new EvalError('chunkLength', chunkLength, 'an integer ≥ 1');
  if (sequences.length === 0) return [];
  const length = sequences[0]!.targets.length;
  const predictions = sequences.map(() => new Int32Array(length));
  const chunked = sequences.map((sequence) => chunkSteps(sequence, chunkLength));
  let state = model.initialState(sequences.length, options.rng);
  for (let c = 0; c < chunked[0]!.length; c++) {
    const { inputs, targets } = encodeSteps(
      chunked.map((chunks) => chunks[c]!),
      model,
    );
    const result = model.forwardWithState(inputs, state);
    const best = argMax(result.logits, -1);
    const values = best.dataSync() as Int32Array;
    const chunk = targets.shape[1];
    predictions.forEach((prediction, b) => prediction.set(values.subarray(b * chunk, (b + 1) * chunk), c * chunkLength));
    dispose([inputs, targets, result.logits, best]);
    disposeModelState(model, state);
    state = result.state;
  }
  disposeModelState(model, state);
  return predictions;
}
