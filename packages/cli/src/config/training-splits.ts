import { splitGraphCounts } from '@pg/datasets';
import type { FlatConfig } from './config-keys.js';

/** How a run config splits its graphs and walks between training, validation and testing. */
export interface TrainingSplits {
  /** What chooses the best epoch: held-out training walks, or walks of held-out graphs. */
  readonly validation: 'train_walks' | 'held_out_graphs';
  /** Graphs the model trains on. */
  readonly trainGraphs: number;
  /** Graphs whose walks validate (0 when validation holds out training walks). */
  readonly validationGraphs: number;
  /** Graphs the model is tested on. */
  readonly testGraphs: number;
  /** Walks the model trains on. */
  readonly trainWalks: number;
  /** Walks that validate. */
  readonly validationWalks: number;
  /** Walks run on each training or validation graph: `train_samples_per_graph`, or `num_samples_per_graph`. */
  readonly trainSamplesPerGraph: number;
  /** Nodes of each training and validation walk: `train_num_timesteps`, or `num_timesteps` (always that of the test walks). */
  readonly trainTimesteps: number;
}

/**
 * The splits a run config makes: `validation: auto` is held-out graphs on a
 * disjoint dataset and held-out training walks on a standard one, and
 * `val_split` is a share of the training graphs or of the training walks
 * accordingly (as the dataset and the trainer count them). Training and
 * validation walks have the training walks' sizes, which default to the test
 * walks'.
 *
 * @example
 * ```ts
 * trainingSplits(parseRunConfig('dataset:\n  dataset_type: disjoint\n  num_graphs: 100\n')).validationGraphs; // 16
 * trainingSplits(parseRunConfig('dataset:\n  num_timesteps: 40\n  train_num_timesteps: 400\n')).trainTimesteps; // 400
 * ```
 */
export function trainingSplits(config: FlatConfig): TrainingSplits {
  const validation = config.validation === 'auto' ? (config.dataset_type === 'disjoint' ? 'held_out_graphs' : 'train_walks') : config.validation;
  const counts = splitGraphCounts({
    numGraphs: config.num_graphs,
    numGraphsCounts: config.num_graphs_counts,
    testFraction: config.test_fraction,
    validationFraction: validation === 'held_out_graphs' ? config.val_split : 0,
  });
  const walks = config.train_samples_per_graph ?? config.num_samples_per_graph;
  const heldOutWalks = validation === 'train_walks' ? Math.floor(counts.train * walks * config.val_split) : 0;
  return {
    validation,
    trainGraphs: counts.train,
    validationGraphs: counts.validation,
    testGraphs: counts.test,
    trainWalks: counts.train * walks - heldOutWalks,
    validationWalks: validation === 'train_walks' ? heldOutWalks : counts.validation * walks,
    trainSamplesPerGraph: walks,
    trainTimesteps: config.train_num_timesteps ?? config.num_timesteps,
  };
}
