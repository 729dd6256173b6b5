import { createDataset, type GraphDataset } from '@pg/datasets';
import { datasetOptions } from '../config/to-options.js';
import type { FlatConfig } from '../config/config-keys.js';

/** The run's dataset, rebuilt bit for bit from its config whenever a stage needs it. */
export function buildDataset(config: FlatConfig): GraphDataset {
  return createDataset(config.dataset_type, datasetOptions(config));
}
