import { CONFIG_KEYS, type FlatConfig } from '../config/config-keys.js';

/** Keys that do not change what a run computes: its seed aside, its name and where it logs. */
const IGNORED = new Set<string>(['seed', 'run_name', ...Object.entries(CONFIG_KEYS).filter(([, key]) => key.section === 'logging').map(([name]) => name)]);

/** Runs of one setting: the same config but for the seed. */
export interface SeedGroup<T> {
  /** The setting's label: the members' name without a `-seed=<n>` ending. */
  readonly label: string;
  /** The runs, in the order given. */
  readonly members: readonly T[];
}

/**
 * Groups runs that differ only in their seed (and name and logging keys),
 * in order of first appearance. Runs without a config stay alone.
 */
export function groupBySeed<T extends { readonly name: string; readonly config?: FlatConfig }>(runs: readonly T[]): Array<SeedGroup<T>> {
  const groups = new Map<string, T[]>();
  runs.forEach((run, i) => {
    const key = run.config ? JSON.stringify(Object.entries(run.config).filter(([name]) => !IGNORED.has(name))) : `alone ${i}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  });
  return [...groups.values()].map((members) => ({ label: members[0]!.name.replace(/-seed=-?\d+$/, ''), members }));
}
