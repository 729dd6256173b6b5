import type { RandomGenerator } from '@pg/graphs';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/**
 * `size` values uniform in `[-bound, bound)`, drawn from `rng` (53-bit draws,
 * rounded to float32), so a seed gives bit-identical values on every platform.
 */
export function uniformValues(rng: RandomGenerator, size: number, bound: number): Float32Array {
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = (2 * uniformFloat64(rng) - 1) * bound;
  return values;
}

/** `size` values from a normal distribution of mean 0 and standard deviation `std` (Box–Muller). */
export function normalValues(rng: RandomGenerator, size: number, std = 1): Float32Array {
  const values = new Float32Array(size);
  for (let i = 0; i < size; i += 2) {
    const radius = std * Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng)));
    const angle = 2 * Math.PI * uniformFloat64(rng);
    values[i] = radius * Math.cos(angle);
    if (i + 1 < size) values[i + 1] = radius * Math.sin(angle);
  }
  return values;
}
