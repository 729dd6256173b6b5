import type { Walk } from '@pg/graphs';
import { DatasetError } from './errors.js';
import { requireInteger } from './validate.js';

/**
 * A sequence of prediction steps: at step `t` a model sees
 * `(nodes[t], actions[t])` and must predict `targets[t]`. All three arrays
 * have the same length L. A walk gives one with `targets[t] = nodes[t + 1]`
 * ({@link walkSteps}); a graph-switch sequence jumps to a fresh start node
 * at each switch, which is why targets are kept apart from nodes.
 */
export interface StepSequence {
  /** The node at each step. */
  readonly nodes: Int32Array;
  /** The action taken from it. */
  readonly actions: Int32Array;
  /** The node it led to: what a model must predict. */
  readonly targets: Int32Array;
}

/**
 * The L = T − 1 prediction steps of a walk of T nodes, as views into the
 * walk's arrays (no copy).
 *
 * @example
 * ```ts
 * const steps = walkSteps(randomWalk(graph, { steps: 10, rng: createRng(1) }));
 * steps.targets[0] === steps.nodes[1]; // true
 * ```
 */
export function walkSteps(walk: Walk): StepSequence {
  const length = walk.actions.length;
  if (walk.nodes.length !== length + 1) {
    throw new DatasetError('walk.nodes.length', walk.nodes.length, `walk.actions.length + 1 = ${length + 1}`);
  }
  return { nodes: walk.nodes.subarray(0, length), actions: walk.actions, targets: walk.nodes.subarray(1) };
}

/**
 * Cuts a sequence into consecutive chunks of `length` steps (the last may be
 * shorter), as views, so that a long exploration can be encoded and run
 * through a model a chunk at a time. Each step lands in exactly one chunk;
 * a stateful model carries its state from one chunk to the next.
 *
 * @example
 * ```ts
 * const walk = randomWalk(graph, { steps: 2000, rng: createRng(1) });
 * for (const chunk of chunkSteps(walkSteps(walk), 100)) {
 *   const { inputs, targets } = encodeSteps([chunk], { numNodes, numActions });
 *   // … run the model, carrying its state, then dispose inputs and targets
 * }
 * ```
 */
export function chunkSteps(sequence: StepSequence, length: number): StepSequence[] {
  requireInteger('chunk length', length, 1);
  const chunks: StepSequence[] = [];
  for (let start = 0; start < sequence.nodes.length; start += length) {
    const end = start + length;
    chunks.push({
      nodes: sequence.nodes.subarray(start, end),
      actions: sequence.actions.subarray(start, end),
      targets: sequence.targets.subarray(start, end),
    });
  }
  return chunks;
}

/**
 * Joins sequences end to end into new arrays, with the index at which each
 * part starts (`starts[0]` is 0): the positions of the jumps between them.
 *
 * @example
 * ```ts
 * const { sequence, starts } = concatSteps([walkSteps(walkA), walkSteps(walkB)]);
 * starts[1] === walkA.actions.length; // true
 * ```
 */
export function concatSteps(parts: readonly StepSequence[]): {
  /** The parts end to end. */
  sequence: StepSequence;
  /** The index of each part's first step. */
  starts: Int32Array;
} {
  const starts = new Int32Array(parts.length);
  let length = 0;
  parts.forEach((part, k) => {
    starts[k] = length;
    length += stepCount(part);
  });
  const sequence = { nodes: new Int32Array(length), actions: new Int32Array(length), targets: new Int32Array(length) };
  parts.forEach((part, k) => {
    sequence.nodes.set(part.nodes, starts[k]);
    sequence.actions.set(part.actions, starts[k]);
    sequence.targets.set(part.targets, starts[k]);
  });
  return { sequence, starts };
}

/** The length of a sequence, checking that its three arrays agree. */
export function stepCount(sequence: StepSequence): number {
  const length = sequence.nodes.length;
  if (sequence.actions.length !== length || sequence.targets.length !== length) {
    throw new DatasetError(
      'step sequence lengths',
      [length, sequence.actions.length, sequence.targets.length],
      'equal lengths of nodes, actions and targets',
    );
  }
  return length;
}
