import { GraphParameterError } from './errors.js';

/** Asserts that `value` is an integer no smaller than `min` and returns it. */
export function requireInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new GraphParameterError(field, value, `an integer ${range}`);
  }
  return value;
}

/** Asserts that `value` is a probability in [0, 1] and returns it. */
export function requireProbability(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new GraphParameterError(field, value, 'a number in [0, 1]');
  }
  return value;
}
