import { splitGraphCounts } from '@pg/datasets';
import { ConfigError } from '../errors.js';
import { checkRunName } from './run-name.js';
import { CONFIG_KEYS, type ConfigKeyName, type FlatConfig } from './config-keys.js';
import { trainingSplits } from './training-splits.js';

/** Keys that only the plastic network reads: another network refuses any value but their default. */
const PLASTIC_ONLY: ConfigKeyName[] = ['decay', 'gated_write', 'reverse_write', 'write_rule'];

/**
 * Rejects values that are each valid but impossible together, before any
 * work starts. `where` names the place a key was written, for the message.
 */
export function checkCombinations(config: FlatConfig, where: (name: ConfigKeyName) => string): void {
  const fail = (name: ConfigKeyName, expected: string): never => {
    throw new ConfigError(where(name), config[name], expected);
  };

  if (config.run_name !== null) checkRunName(config.run_name, where('run_name'));

  if (config.dataset_type === 'disjoint') {
    if (config.num_actions < 2) fail('num_actions', 'at least 2 for a disjoint dataset (train and test each need their own actions)');
    const kTrain = config.k_train ?? Math.floor(config.num_actions / 2);
    const kTest = config.k_test ?? config.num_actions - kTrain;
    if (kTrain + kTest > config.num_actions) {
      fail(config.k_test === null ? 'k_train' : 'k_test', `such that k_train + k_test ≤ num_actions ${config.num_actions} (k_train ${kTrain}, k_test ${kTest})`);
    }
    if (kTest < 1) fail('k_train', `below num_actions ${config.num_actions}, to leave actions for the test graphs`);
  } else {
    if (config.k_train !== null) fail('k_train', 'null unless dataset_type is "disjoint"');
    if (config.k_test !== null) fail('k_test', 'null unless dataset_type is "disjoint"');
  }

  const graphs = splitGraphCounts({ numGraphs: config.num_graphs, numGraphsCounts: config.num_graphs_counts, testFraction: config.test_fraction });
  if (graphs.test < 1 || graphs.train < 1) {
    fail('test_fraction', `a fraction that leaves at least one train and one test graph among num_graphs ${config.num_graphs} (gives ${graphs.test} test graphs)`);
  }
  const splits = trainingSplits(config);
  if (config.val_split > 0 && (splits.validationWalks < 1 || splits.trainGraphs < 1)) {
    fail(
      'val_split',
      splits.validation === 'train_walks'
        ? `0, or large enough to hold out at least one of the ${graphs.train * splits.trainSamplesPerGraph} training walks`
        : `0, or a share that leaves at least one training and one validation graph among ${graphs.train} training graphs (validation: held_out_graphs)`,
    );
  }

  if (config.early_stopping_patience !== null && config.val_split === 0) {
    fail('val_split', 'above 0 when early_stopping_patience is set (early stopping watches the validation loss)');
  }

  if ((config.curriculum_start_steps === null) !== (config.curriculum_epochs === null)) {
    fail(config.curriculum_start_steps === null ? 'curriculum_epochs' : 'curriculum_start_steps', 'null unless curriculum_start_steps and curriculum_epochs are both set');
  }
  // The curriculum grows the training walks, which may be longer or shorter than the test walks.
  const trainSteps = splits.trainTimesteps - 1;
  if (config.curriculum_start_steps !== null && config.curriculum_start_steps >= trainSteps) {
    const which = config.train_num_timesteps === null ? 'a walk (num_timesteps - 1)' : 'a training walk (train_num_timesteps - 1)';
    fail('curriculum_start_steps', `below the ${trainSteps} steps of ${which}, or null`);
  }

  if (config.network_type !== 'plastic') {
    for (const name of PLASTIC_ONLY) {
      const unused = CONFIG_KEYS[name].default;
      if (config[name] !== unused) fail(name, `${JSON.stringify(unused)} unless network_type is "plastic" (it is "${config.network_type}")`);
    }
  }
  if (config.network_type === 'transformer' && config.hidden_dim % config.num_heads !== 0) {
    fail('num_heads', `a divisor of hidden_dim ${config.hidden_dim}`);
  }

  if (config.long_window_size > config.long_timesteps - 1) {
    fail('long_window_size', `at most long_timesteps - 1 = ${config.long_timesteps - 1} (the number of predictions)`);
  }
  if (config.long_late_start !== null && config.long_late_start > config.long_timesteps - 2) {
    fail('long_late_start', `at most long_timesteps - 2 = ${config.long_timesteps - 2} (the last step of the long walks), or null`);
  }
  if (config.boundary_window_size > config.boundary_steps_per_graph) {
    fail('boundary_window_size', `at most boundary_steps_per_graph ${config.boundary_steps_per_graph}`);
  }
}
