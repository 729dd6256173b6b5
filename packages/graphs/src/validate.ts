import { GraphParameterError, type ParameterError } from './errors.js';

/** A {@link ParameterError} subclass, as each package has one. */
export type ParameterErrorClass = new (field: string, value: unknown, expected: string) => ParameterError;

/**
 * Makes the integer check of a package: `check(field, value, min, max?)`
 * returns `value` when it is an integer in `[min, max]`, and otherwise
 * throws the package's error naming the field, the value and the range.
 *
 * @example
 * ```ts
 * const requireInteger = integerValidator(DatasetError);
 * requireInteger('batchSize', 0, 1); // throws "batchSize must be an integer ≥ 1 (got 0)"
 * ```
 */
export function integerValidator(ErrorClass: ParameterErrorClass) {
  return (field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    throw new ErrorClass(field, value, `an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`}`);
  };
}

/** Asserts that `value` is an integer in `[min, max]` and returns it. */
export const requireInteger = integerValidator(GraphParameterError);

/** Asserts that `value` is a probability in [0, 1] and returns it. */
export function requireProbability(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new GraphParameterError(field, value, 'a number in [0, 1]');
  }
  return value;
}
