import { ConfigError } from '../errors.js';
import type { ConfigKeyName, FlatConfig } from './config-keys.js';
import { NEUTRAL_KEYS } from './neutral-keys.js';

/**
 * Refuses a stored config (a run folder's, a saved copy's, read from `path`)
 * that makes another experiment than `expected`: a ConfigError names the
 * first key, in `expected`'s order, whose value differs, leaving out the keys
 * that do not change what a run computes. `whose` says where `expected` comes
 * from (`the config that X gives run Y`), `advice` what to do.
 */
export function requireSameExperiment(path: string, stored: FlatConfig, expected: FlatConfig, whose: string, advice: string): void {
  const key = (Object.keys(expected) as ConfigKeyName[]).find((name) => !NEUTRAL_KEYS.has(name) && JSON.stringify(stored[name]) !== JSON.stringify(expected[name]));
  if (key === undefined) return;
  throw new ConfigError(path, `${key}: ${JSON.stringify(stored[key])}`, `${whose} (${key}: ${JSON.stringify(expected[key])}); ${advice}`);
}
