import type { ConfigKeyName, FlatConfig } from './config-keys.js';
import { NEUTRAL_KEYS } from './neutral-keys.js';

/** Where two configs make different experiments: the first key whose value differs, with both values. */
export interface ExperimentDifference {
  /** The first key, in the expected config's order, whose value differs. */
  readonly key: ConfigKeyName;
  /** The value in the config compared (a run folder's, a saved copy's). */
  readonly stored: unknown;
  /** The value in the config it was compared with (the one a sweep gives the run). */
  readonly expected: unknown;
}

/**
 * Compares a stored config with the one expected as `pg sweep` does before
 * skipping or resuming a run: returns the first key, in `expected`'s order,
 * whose value differs, or `undefined` when both make the same experiment.
 * Keys that do not change what a run computes (its name, the kernel's
 * thread count, logging) are left out.
 *
 * @example
 * ```ts
 * const run = readSweepPlan('configs/reproduce/catalogue.sweep.yaml').runs[0]!;
 * const stored = parseRunConfigFile(`docs/results/runs/${run.name}.config.json`, []);
 * experimentDifference(stored, run.config); // undefined, or e.g. { key: 'epochs', stored: 30, expected: 50 }
 * ```
 */
export function experimentDifference(stored: FlatConfig, expected: FlatConfig): ExperimentDifference | undefined {
  const key = (Object.keys(expected) as ConfigKeyName[]).find((name) => !NEUTRAL_KEYS.has(name) && JSON.stringify(stored[name]) !== JSON.stringify(expected[name]));
  return key === undefined ? undefined : { key, stored: stored[key], expected: expected[key] };
}
