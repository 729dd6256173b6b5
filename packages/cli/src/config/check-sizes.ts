import { splitGraphCounts } from '@pg/datasets';
import { ConfigError } from '../errors.js';
import type { ConfigKeyName, FlatConfig } from './config-keys.js';
import { longestSequence } from './longest-sequence.js';
import { trainingSplits } from './training-splits.js';

/**
 * The most values one tensor or store of a run may hold: 2^28, 1 GiB of
 * float32 or int32. The WebAssembly backend, the default, has 4 GiB of
 * memory in all; a tensor beyond this leaves too little for the others, and
 * JavaScript refuses typed arrays far beyond it ("Invalid typed array length").
 */
export const MAX_VALUES = 2 ** 28;

/** One product of keys: its factors, each labelled. */
type Product = ReadonlyArray<readonly [string, number]>;

/**
 * Rejects, before any work, a config whose largest tensors or stores would
 * not fit: each size is a product of keys (or, for the walks stored when the
 * training walks have sizes of their own, a sum of two), and the message
 * names the key that makes it largest, the terms and the limit.
 */
export function checkSizes(config: FlatConfig, where: (name: ConfigKeyName) => string): void {
  const check = (name: ConfigKeyName, what: string, ...products: Product[]) => {
    const total = products.reduce((sum, factors) => sum + factors.reduce((product, [, value]) => product * value, 1), 0);
    if (total <= MAX_VALUES) return;
    const terms = products.map((factors) => factors.map(([label, value]) => `${label} ${value.toLocaleString('en-US')}`).join(' × ')).join(' + ');
    throw new ConfigError(
      where(name),
      config[name],
      `a value for which ${what}, ${terms} = ${total.toLocaleString('en-US')} values, stays within ${MAX_VALUES.toLocaleString('en-US')} (2^28)`,
    );
  };
  const graphs = splitGraphCounts({ numGraphs: config.num_graphs, numGraphsCounts: config.num_graphs_counts, testFraction: config.test_fraction });
  const testWalks: Product = [
    ['num_samples_per_graph', config.num_samples_per_graph],
    ['num_timesteps', config.num_timesteps],
  ];
  if (config.train_samples_per_graph === null && config.train_num_timesteps === null) {
    check('num_samples_per_graph', 'the walks stored', [['graphs', graphs.train + graphs.test], ...testWalks]);
  } else {
    // Training and validation graphs are walked at the training sizes, test graphs at the test sizes.
    const { trainSamplesPerGraph, trainTimesteps } = trainingSplits(config);
    const trainWalks: Product = [
      ['training graphs', graphs.train],
      [config.train_samples_per_graph === null ? 'num_samples_per_graph' : 'train_samples_per_graph', trainSamplesPerGraph],
      [config.train_num_timesteps === null ? 'num_timesteps' : 'train_num_timesteps', trainTimesteps],
    ];
    const trainLarger = graphs.train * trainSamplesPerGraph * trainTimesteps >= graphs.test * config.num_samples_per_graph * config.num_timesteps;
    const trainKey = config.train_samples_per_graph === null ? 'train_num_timesteps' : 'train_samples_per_graph';
    check(trainLarger ? trainKey : 'num_samples_per_graph', 'the walks stored', trainWalks, [['test graphs', graphs.test], ...testWalks]);
  }
  // Evaluation runs at least 64 walks side by side, and the long and switch evaluations run theirs together.
  const batch = Math.max(config.trainer_batch_size, 64, config.long_num_graphs, config.boundary_repeats_per_graph);
  // Batches of training walks and of test walks must both fit: the longer of the two decides.
  const walkKey: ConfigKeyName = (config.train_num_timesteps ?? 0) > config.num_timesteps ? 'train_num_timesteps' : 'num_timesteps';
  const moves = Math.max(config.num_timesteps, config.train_num_timesteps ?? 0) - 1;
  check(walkKey, 'a batch of one-hot inputs', [
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
    check(walkKey, 'the attention scores of a batch', [
      ['batch', batch],
      ['num_heads', config.num_heads],
      ['moves²', moves ** 2],
    ]);
    // Step-by-step evaluation keeps every layer's keys and values for the longest sequence it runs.
    const longest = longestSequence(config);
    check(longest.key, "the transformer's key and value cache", [
      ['batch', batch],
      ['longest sequence', longest.length],
      ['2 × num_layers × hidden_dim', 2 * config.num_layers * config.hidden_dim],
    ]);
  }
}
