import { DatasetError } from './errors.js';

/** Asserts that `value` is an integer in `[min, max]` and returns it. */
export const requireInteger = (field: string, value: unknown, min: number, max?: number): number => DatasetError.requireInteger(field, value, min, max);

/** Asserts that `value` is a number in `[0, 1]`, or in `[0, 1)` when `belowOne` is set, and returns it. */
export function requireUnitNumber(field: string, value: unknown, belowOne = false): number {
  if (typeof value === 'number' && value >= 0 && (belowOne ? value < 1 : value <= 1)) return value;
  throw new DatasetError(field, value, `a number in [0, 1${belowOne ? ')' : ']'}`);
}
