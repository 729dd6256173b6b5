import type { GraphGenerator } from '@pg/graphs';
import { createDisjointDataset, type DisjointGraphDataset } from './disjoint-dataset.js';
import type { DatasetConfig, DatasetOptions, DisjointDatasetOptions } from './config.js';
import { DatasetError } from './errors.js';
import type { GraphDataset } from './graph-dataset.js';
import { generatorOfFamily } from './graph-family.js';
import { createStandardDataset, type StandardGraphDataset } from './standard-dataset.js';

/** The dataset types, by the name a configuration gives them. */
export type DatasetType = DatasetConfig['type'];

/**
 * Builds the standard or the disjoint dataset by type name. Throws a
 * {@link DatasetError} for an unknown type.
 *
 * @example
 * ```ts
 * const dataset = createDataset('disjoint', { numNodes: 8, edgeProb: 0.1, numActions: 10 });
 * ```
 */
export function createDataset(type: 'standard', options?: DatasetOptions | DatasetConfig): StandardGraphDataset;
export function createDataset(type: 'disjoint', options?: DisjointDatasetOptions | DatasetConfig): DisjointGraphDataset;
export function createDataset(type: DatasetType, options?: DisjointDatasetOptions | DatasetConfig): GraphDataset;
export function createDataset(type: DatasetType, options: DisjointDatasetOptions | DatasetConfig = {}): GraphDataset {
  // A stored config differs from options only in `edgeProb: null` (a custom family), which the
  // resolver reads as "no G(n, p)", and in fields the resolver ignores (`type`, `graphFamily`).
  const resolvable = options as DisjointDatasetOptions;
  if (type === 'standard') return createStandardDataset(resolvable);
  if (type === 'disjoint') return createDisjointDataset(resolvable);
  throw new DatasetError('type', type, `one of 'standard', 'disjoint'`);
}

/** Options of {@link datasetFromConfig}. */
export interface DatasetFromConfigOptions {
  /**
   * The generator of a graph family of your own (the built-in G(n, p), grid,
   * torus and ring families are rebuilt from the configuration); it must be
   * the family the configuration records, name and parameters.
   */
  generator?: GraphGenerator;
}

/**
 * Rebuilds a dataset from its stored configuration (`dataset.config`, a run's
 * `dataset_config.json`, a checkpoint's `datasetConfig`): the very same graphs
 * and walks, test split included, whatever the graph family. Throws a
 * {@link DatasetError} when `config` is not such a configuration, or records a
 * family of your own whose generator is not given.
 *
 * @example
 * ```ts
 * const { model, datasetConfig } = await loadCheckpoint('run/plastic_disjoint-20261128-101500');
 * const { test } = datasetFromConfig(datasetConfig); // the graphs it was never trained on
 * const rooms = datasetFromConfig(roomsDataset.config, { generator: roomsGenerator(options) }); // a family of your own
 * ```
 */
export function datasetFromConfig(config: unknown, options: DatasetFromConfigOptions = {}): GraphDataset {
  if (typeof config !== 'object' || config === null || !('type' in config)) {
    throw new DatasetError('config', config, "a stored dataset configuration (an object with a 'type')");
  }
  const stored = config as DatasetConfig;
  // G(n, p) is rebuilt from edgeProb (as it was made); any other family from its generator, edgeProb being null.
  if (stored.edgeProb !== null) {
    if (options.generator) throw new DatasetError('generator', options.generator.name, 'left out: the configuration records G(n, p) by its edgeProb');
    return createDataset(stored.type, stored);
  }
  if (typeof stored.graphFamily !== 'object' || stored.graphFamily === null) {
    throw new DatasetError('config.graphFamily', stored.graphFamily, "the graph family's name and parameters, as dataset.config records them");
  }
  return createDataset(stored.type, { ...stored, edgeProb: undefined, generator: generatorOfFamily(stored.graphFamily, options.generator) });
}
