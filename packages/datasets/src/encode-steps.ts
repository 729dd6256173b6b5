import { tensor2d, tensor3d, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { DatasetError } from './errors.js';
import { stepCount, type StepSequence } from './step-sequence.js';
import { requireInteger } from './validate.js';

/** The sizes of the one-hot blocks of a model input row. */
export interface EncodingSize {
  /** Width of the node one-hot, N. */
  numNodes: number;
  /** Width of the action one-hot, A. */
  numActions: number;
}

/** Model inputs and targets for B sequences of L steps. The caller owns both tensors and disposes them. */
export interface EncodedSteps {
  /** `[B, L, numNodes + numActions]` float32: row t is `one_hot(nodes[t]) ‖ one_hot(actions[t])`. */
  readonly inputs: Tensor3D;
  /** `[B, L]` int32: the node to predict at each step. */
  readonly targets: Tensor2D;
}

/**
 * Encodes sequences of equal length into model inputs and targets (the
 * shapes of ARCHITECTURE.md's "Time alignment"). The one-hot rows are
 * written into one Float32Array, so each call makes exactly two tensors.
 * Throws a {@link DatasetError} for a node or action out of range or
 * sequences of different lengths.
 *
 * @example
 * ```ts
 * const { inputs, targets } = encodeSteps([dataset.train.steps(0)], { numNodes: 20, numActions: 8 });
 * inputs.shape; // [1, 31, 28]
 * inputs.dispose();
 * targets.dispose();
 * ```
 */
export function encodeSteps(sequences: readonly StepSequence[], size: EncodingSize): EncodedSteps {
  const numNodes = requireInteger('numNodes', size.numNodes, 1);
  const numActions = requireInteger('numActions', size.numActions, 1);
  if (sequences.length === 0) throw new DatasetError('sequences', [], 'at least one sequence');
  const length = stepCount(sequences[0]!);
  const width = numNodes + numActions;
  const inputs = new Float32Array(sequences.length * length * width);
  const targets = new Int32Array(sequences.length * length);
  sequences.forEach((sequence, b) => {
    if (stepCount(sequence) !== length) {
      throw new DatasetError(`length of sequence ${b}`, stepCount(sequence), `the length of sequence 0, ${length}`);
    }
    for (let t = 0; t < length; t++) {
      const row = (b * length + t) * width;
      inputs[row + inRange('node', sequence.nodes[t]!, numNodes)] = 1;
      inputs[row + numNodes + inRange('action', sequence.actions[t]!, numActions)] = 1;
      targets[b * length + t] = inRange('target', sequence.targets[t]!, numNodes);
    }
  });
  return {
    inputs: tensor3d(inputs, [sequences.length, length, width], 'float32'),
    targets: tensor2d(targets, [sequences.length, length], 'int32'),
  };
}

function inRange(field: string, value: number, size: number): number {
  if (value < 0 || value >= size) throw new DatasetError(field, value, `in [0, ${size - 1}]`);
  return value;
}
