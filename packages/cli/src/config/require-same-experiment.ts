import { ConfigError } from '../errors.js';
import type { FlatConfig } from './config-keys.js';
import { experimentDifference } from './experiment-difference.js';

/**
 * Refuses a stored config (a run folder's, a saved copy's, read from `path`)
 * that makes another experiment than `expected`: a ConfigError names the
 * first key whose value differs (see {@link experimentDifference}). `whose`
 * says where `expected` comes from (`the config that X gives run Y`),
 * `advice` what to do.
 */
export function requireSameExperiment(path: string, stored: FlatConfig, expected: FlatConfig, whose: string, advice: string): void {
  const difference = experimentDifference(stored, expected);
  if (difference === undefined) return;
  const { key } = difference;
  throw new ConfigError(path, `${key}: ${JSON.stringify(difference.stored)}`, `${whose} (${key}: ${JSON.stringify(difference.expected)}); ${advice}`);
}
