import { argMax, cast, equal, losses, oneHot, reshape, sum, tidy, type Scalar, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';

/** Mean cross-entropy and number of correct predictions of one batch. */
export type BatchScore = {
  /** Mean cross-entropy over every step of the batch. */
  readonly loss: Scalar;
  /** Number of steps whose highest logit is the target. */
  readonly correct: Scalar;
};

/**
 * Cross-entropy between next-node logits `[B, L, N]` and target node ids
 * `[B, L]`, averaged over every aligned step, and the count of steps whose
 * highest logit is the target.
 *
 * @example
 * ```ts
 * const { loss, correct } = nextNodeScore(model.forward(inputs), targets);
 * ```
 */
export function nextNodeScore(logits: Tensor3D, targets: Tensor2D): BatchScore {
  return tidy(() => {
    const numNodes = logits.shape[2];
    const flatLogits = reshape(logits, [-1, numNodes]) as Tensor2D;
    const flatTargets = reshape(targets, [-1]);
    const loss = losses.softmaxCrossEntropy(oneHot(cast(flatTargets, 'int32'), numNodes), flatLogits) as Scalar;
    const correct = sum(cast(equal(argMax(flatLogits, -1), flatTargets), 'float32')) as Scalar;
    return { loss, correct };
  });
}
