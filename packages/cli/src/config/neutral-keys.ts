import { CONFIG_KEYS, type ConfigKeyName } from './config-keys.js';

/**
 * Keys that do not change what a run computes: its name, the plastic
 * kernel's thread count (results do not depend on it) and where it logs.
 * Runs that differ only in these are the same experiment.
 */
export const NEUTRAL_KEYS: ReadonlySet<ConfigKeyName> = new Set<ConfigKeyName>([
  'run_name',
  'threads',
  ...(Object.keys(CONFIG_KEYS) as ConfigKeyName[]).filter((name) => CONFIG_KEYS[name].section === 'logging'),
]);
