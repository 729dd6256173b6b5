import { createDataset, type GraphDataset } from '@pg/datasets';
import { ParameterError } from '@pg/graphs';
import { CONFIG_KEYS, type ConfigKeyName, type FlatConfig } from '../config/config-keys.js';
import { datasetOptions } from '../config/to-options.js';
import { ConfigError } from '../errors.js';

/** The config key behind each option of the dataset builders, so that their errors name what the user wrote. */
const CONFIG_KEY_OF: Readonly<Record<string, ConfigKeyName>> = {
  numNodes: 'num_nodes',
  edgeProb: 'edge_prob',
  numSamplesPerGraph: 'num_samples_per_graph',
  numGraphs: 'num_graphs',
  numGraphsCounts: 'num_graphs_counts',
  numTimesteps: 'num_timesteps',
  trainSamplesPerGraph: 'train_samples_per_graph',
  trainTimesteps: 'train_num_timesteps',
  numActions: 'num_actions',
  testFraction: 'test_fraction',
  kTrain: 'k_train',
  kTest: 'k_test',
};

/** What a key left at its default stands for, and what to change instead. */
const DEFAULTED: Partial<Record<ConfigKeyName, string>> = {
  k_train: 'k_train defaults to floor(num_actions / 2): raise dataset.num_actions, or lower dataset.edge_prob',
  k_test: 'k_test defaults to num_actions - k_train: raise dataset.num_actions, or lower dataset.edge_prob',
};

/**
 * The run's dataset, rebuilt bit for bit from its config whenever a stage
 * needs it. Parameters that only fail once graphs are drawn (degrees above
 * the action budget) are reported under their config key.
 */
export function buildDataset(config: FlatConfig): GraphDataset {
  try {
    return createDataset(config.dataset_type, datasetOptions(config));
  } catch (error) {
    const key = error instanceof ParameterError ? CONFIG_KEY_OF[error.field] : undefined;
    if (!key) throw error;
    const { value, expected } = error as ParameterError;
    const hint = config[key] === null && DEFAULTED[key] ? `; ${DEFAULTED[key]}` : '';
    throw new ConfigError(`${CONFIG_KEYS[key].section}.${key}`, value, `${expected}${hint}`, { cause: error });
  }
}
