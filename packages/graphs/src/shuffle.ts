import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** An array or typed array whose elements can be reassigned. */
export interface MutableArrayLike<T> {
  /** Number of elements. */
  readonly length: number;
  [index: number]: T;
}

/**
 * Shuffles `items` in place (Fisher–Yates) with draws from `rng`, and returns it.
 *
 * @example
 * ```ts
 * shuffleInPlace([0, 1, 2, 3], createRng(7));
 * ```
 */
export function shuffleInPlace<T, A extends MutableArrayLike<T>>(items: A & MutableArrayLike<T>, rng: RandomGenerator): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}
