import { createDisjointDataset, createStandardDataset, type GraphDataset } from '@pg/datasets';
import { datasetOptions } from '../config/to-options.js';
import type { FlatConfig } from '../config/config-keys.js';

/** The run's dataset, rebuilt bit for bit from its config whenever a stage needs it. */
export function buildDataset(config: FlatConfig): GraphDataset {
  const options = datasetOptions(config);
  return config.dataset_type === 'disjoint' ? createDisjointDataset(options) : createStandardDataset(options);
}
