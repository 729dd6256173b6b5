import { createRng, deriveSeed, shuffleInPlace } from '@pg/graphs';

/** Which walks of a split train and which validate. */
export interface WalkPartition {
  /** Indices of the training walks, ascending. */
  readonly train: Int32Array;
  /** Indices of the validation walks, ascending. */
  readonly validation: Int32Array;
}

/**
 * Holds out `floor(numWalks × valSplit)` walks, chosen by seed, for
 * validation; the rest train. Both lists are sorted.
 *
 * @example
 * ```ts
 * const { train, validation } = splitWalks(100, 0.2, 42); // 80 and 20 walk indices
 * ```
 */
export function splitWalks(numWalks: number, valSplit: number, seed: number): WalkPartition {
  const order = shuffleInPlace(
    Int32Array.from({ length: numWalks }, (_, i) => i),
    createRng(deriveSeed(seed, 'validation-split')),
  );
  const numValidation = Math.floor(numWalks * valSplit);
  return {
    train: order.slice(numValidation).sort(),
    validation: order.slice(0, numValidation).sort(),
  };
}
