import { GraphParameterError } from './errors.js';

/** Asserts that `value` is an integer in `[min, max]` and returns it. */
export const requireInteger = (field: string, value: unknown, min: number, max?: number): number =>
  GraphParameterError.requireInteger(field, value, min, max);

/** Asserts that `value` is a probability in [0, 1] and returns it. */
export function requireProbability(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new GraphParameterError(field, value, 'a number in [0, 1]');
  }
  return value;
}
