import type { RandomGenerator } from '@pg/graphs';
import { dispose, type Tensor3D, type TensorContainer } from '@tensorflow/tfjs-core';

/**
 * What @pg/eval needs of a model: the sizes of its inputs, a fresh
 * per-sequence state, and one function from a chunk of input rows and a
 * state to the next-node logits and the state after the chunk. Every
 * `GraphNetwork` of `@pg/models` satisfies it as it is; a model of your own
 * (one built on `PlasticLayer`, say) needs only these members to get the
 * whole evaluation: the first-visit / reverse / revisit break-down, the
 * oracle ratios, rolling accuracy and switch recovery.
 *
 * Input rows are `[one_hot(x_t) ‖ one_hot(a_t)]`, `[B, L, numNodes + numActions]`;
 * `logits[:, t]` (`[B, L, numNodes]`) predicts `x_{t+1}`. Long walks are run a
 * chunk at a time, so the state returned must carry everything the next
 * chunk needs.
 *
 * @typeParam S - the state: any tensor container (a tensor, or an object of tensors).
 * @example
 * ```ts
 * const model: NextNodeModel<Tensor3D> = {
 *   numNodes: 8,
 *   numActions: 10,
 *   initialState: (batchSize) => zeros([batchSize, 1, 8]),
 *   // Predicts the node seen in the previous row, whatever the action.
 *   forwardWithState: (inputs, previous) => {
 *     const nodes = slice(inputs, [0, 0, 0], [-1, -1, 8]);
 *     const logits = concat([previous, slice(nodes, [0, 0, 0], [-1, inputs.shape[1] - 1, -1])], 1);
 *     return { logits, state: slice(nodes, [0, inputs.shape[1] - 1, 0], [-1, 1, -1]) };
 *   },
 * };
 * evaluateSplit(model, dataset.test).byCategory.revisit.accuracy;
 * ```
 */
export interface NextNodeModel<S extends TensorContainer = TensorContainer> {
  /** Number of graph nodes `N`: the width of the node one-hot and of the logits. */
  readonly numNodes: number;
  /** Number of action labels `A`: the width of the action one-hot. */
  readonly numActions: number;
  /**
   * A fresh state for `batchSize` sequences; a model whose initial state is
   * random draws it from `rng` (evaluations pass one derived from their seed).
   */
  initialState(batchSize: number, rng?: RandomGenerator): S;
  /**
   * Logits `[B, L, N]` of a chunk of rows `[B, L, N + A]`, run from `state`,
   * and the state after the chunk. The state given is left intact: the
   * evaluation frees it.
   */
  forwardWithState(
    inputs: Tensor3D,
    state: S,
  ): {
    /** Logits `[B, L, N]`; `logits[:, t]` predicts the node after row `t`. */
    logits: Tensor3D;
    /** The state after the chunk. */
    state: S;
  };
  /** Frees a state. Default: `tf.dispose(state)`. */
  disposeState?(state: S): void;
}

/** Frees a state the way its model says, or every tensor in it. */
export function disposeModelState<S extends TensorContainer>(model: NextNodeModel<S>, state: S): void {
  if (model.disposeState) model.disposeState(state);
  else dispose(state);
}
