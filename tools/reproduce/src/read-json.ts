import { ConfigError } from '@pg/cli';
import { readFileSync } from 'node:fs';

/** Reads a JSON file of a run (a summary, a committed copy), refusing an unreadable or garbled one with a ConfigError naming it and saying what it should be. */
export function readJsonFile<T>(path: string, expected: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new ConfigError(path, (error as Error).message, expected);
  }
}
