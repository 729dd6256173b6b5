import { ModelError } from './errors.js';

/** Asserts that `value` is an integer in `[min, max]` and returns it. */
export const requireInteger = (field: string, value: unknown, min: number, max?: number): number => ModelError.requireInteger(field, value, min, max);

/** Asserts that `value` is a boolean and returns it. */
export function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ModelError(field, value, 'true or false');
  return value;
}

/** Asserts that `value` is one of `choices` and returns it. */
export function requireOneOf<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new ModelError(field, value, `one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`);
  }
  return value as T;
}

/** Asserts that `value` is a plain object whose keys are all in `known` (typos fail loudly). */
export function requireKnownKeys(field: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelError(field, value, 'an object');
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new ModelError(`${field} key`, key, `one of ${known.join(', ')}`);
  }
  return value as Record<string, unknown>;
}
