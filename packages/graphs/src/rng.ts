import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { requireInteger } from './validate.js';

export type { RandomGenerator };

/**
 * A seeded pseudo-random generator (pure-rand's xoroshiro128+). Every
 * stochastic function of plastic-graphs draws from one of these, so the same
 * seed gives the same graphs, walks and batches on every platform.
 * The generator advances in place; `clone()` it to replay a stream.
 *
 * @param seed - any safe integer; it is reduced to 32 bits.
 * @example
 * ```ts
 * const rng = createRng(42);
 * randomInt(rng, 6); // an integer in [0, 6)
 * ```
 */
export function createRng(seed: number): RandomGenerator {
  requireInteger('seed', seed, Number.MIN_SAFE_INTEGER);
  return xoroshiro128plus(seed | 0);
}

/** A uniform integer in `[0, n)`; advances `rng`. */
export function randomInt(rng: RandomGenerator, n: number): number {
  return uniformInt(rng, 0, n - 1);
}
