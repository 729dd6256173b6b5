import type { ConfigKeyName, FlatConfig } from './config-keys.js';

/** The longest sequence a run feeds its model, in nodes, and the key that sets it. */
export interface LongestSequence {
  /** Its nodes: of a training walk, a test walk, a long exploration, or a graph-switch sequence. */
  readonly length: number;
  /** The key that makes it that long (the first in this order on a tie: long, test, training, switch). */
  readonly key: ConfigKeyName;
}

/**
 * The longest sequence a run config has its model read at once: what a
 * transformer's positions and key and value cache must hold.
 */
export function longestSequence(config: FlatConfig): LongestSequence {
  const candidates: ReadonlyArray<LongestSequence> = [
    { key: 'long_timesteps', length: config.long_timesteps },
    { key: 'num_timesteps', length: config.num_timesteps },
    { key: 'train_num_timesteps', length: config.train_num_timesteps ?? 0 },
    { key: 'boundary_steps_per_graph', length: config.boundary_num_graphs * config.boundary_steps_per_graph },
  ];
  return candidates.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest));
}
