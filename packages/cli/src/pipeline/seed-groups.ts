import type { FlatConfig } from '../config/config-keys.js';
import { NEUTRAL_KEYS } from '../config/neutral-keys.js';

/** Runs of one setting: the same config but for the seed. */
export interface SeedGroup<T> {
  /** The setting's label: the members' name without a `-seed=<n>` ending. */
  readonly label: string;
  /** The runs, in the order given. */
  readonly members: readonly T[];
}

/**
 * Groups runs that differ only in their seed (and keys that do not change results: name, threads, logging),
 * in order of first appearance. Runs without a config stay alone.
 */
export function groupBySeed<T extends { readonly name: string; readonly config?: FlatConfig }>(runs: readonly T[]): Array<SeedGroup<T>> {
  const groups = new Map<string, T[]>();
  runs.forEach((run, i) => {
    const key = run.config ? JSON.stringify(Object.entries(run.config).filter(([name]) => name !== 'seed' && !NEUTRAL_KEYS.has(name as keyof FlatConfig))) : `alone ${i}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  });
  return [...groups.values()].map((members) => ({ label: members[0]!.name.replace(/-seed=-?\d+$/, ''), members }));
}
