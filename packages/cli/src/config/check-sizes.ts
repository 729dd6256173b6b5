import { splitGraphCounts } from '@pg/datasets';
import { ConfigError } from '../errors.js';
import type { ConfigKeyName, FlatConfig } from './config-keys.js';

/**
 * The most values one tensor or store of a run may hold: 2^28, 1 GiB of
 * float32 or int32. The WebAssembly backend, the default, has 4 GiB of
 * memory in all; a tensor beyond this leaves too little for the others, and
 * JavaScript refuses typed arrays far beyond it ("Invalid typed array length").
 */
export const MAX_VALUES = 2 ** 28;

/**
 * Rejects, before any work, a config whose largest tensors or stores would
 * not fit: each size is a product of keys, and the message names the key
 * that makes it largest, the product and the limit.
 */
export function checkSizes(config: FlatConfig, where: (name: ConfigKeyName) => string): void {
  const check = (name: ConfigKeyName, what: string, factors: ReadonlyArray<readonly [string, number]>) => {
    const total = factors.reduce((product, [, value]) => product * value, 1);
    if (total <= MAX_VALUES) return;
    const terms = factors.map(([label, value]) => `${label} ${value.toLocaleString('en-US')}`).join(' × ');
    throw new ConfigError(
      where(name),
      config[name],
      `a value for which ${what}, ${terms} = ${total.toLocaleString('en-US')} values, stays within ${MAX_VALUES.toLocaleString('en-US')} (2^28)`,
    );
  };
  const graphs = splitGraphCounts({ numGraphs: config.num_graphs, numGraphsCounts: config.num_graphs_counts, testFraction: config.test_fraction });
  check('num_samples_per_graph', 'the walks stored', [
    ['graphs', graphs.train + graphs.test],
    ['num_samples_per_graph', config.num_samples_per_graph],
    ['num_timesteps', config.num_timesteps],
  ]);
  // Evaluation runs at least 64 walks side by side, and the long and switch evaluations run theirs together.
  const batch = Math.max(config.trainer_batch_size, 64, config.long_num_graphs, config.boundary_repeats_per_graph);
  const moves = config.num_timesteps - 1;
  check('num_timesteps', 'a batch of one-hot inputs', [
    ['batch', batch],
    ['moves', moves],
    ['num_nodes + num_actions', config.num_nodes + config.num_actions],
  ]);
  if (config.network_type === 'plastic') {
    check('hidden_dim', 'a batch of plastic fast weights', [
      ['batch', batch],
      ['hidden_dim²', config.hidden_dim ** 2],
    ]);
  }
  if (config.network_type === 'transformer') {
    check('num_timesteps', 'the attention scores of a batch', [
      ['batch', batch],
      ['num_heads', config.num_heads],
      ['moves²', moves ** 2],
    ]);
    // Step-by-step evaluation keeps every layer's keys and values for the longest sequence it runs.
    const longest = Math.max(config.num_timesteps, config.long_timesteps, config.boundary_num_graphs * config.boundary_steps_per_graph);
    const longestKey: ConfigKeyName = longest === config.long_timesteps ? 'long_timesteps' : longest === config.num_timesteps ? 'num_timesteps' : 'boundary_steps_per_graph';
    check(longestKey, "the transformer's key and value cache", [
      ['batch', batch],
      ['longest sequence', longest],
      ['2 × num_layers × hidden_dim', 2 * config.num_layers * config.hidden_dim],
    ]);
  }
}
