export { batches, type BatchOptions, type WalkBatch } from './batches.js';
export {
  resolveDatasetConfig,
  splitGraphCounts,
  type DatasetConfig,
  type DatasetOptions,
  type DisjointDatasetConfig,
  type DisjointDatasetOptions,
  type GraphFamilyJSON,
  type NumGraphsCounts,
  type SplitGraphCounts,
  type StandardDatasetConfig,
} from './config.js';
export { checkConsistency, type ConsistencyReport } from './consistency.js';
export { degreeDistribution } from './degree-distribution.js';
export {
  createDisjointDataset,
  createDisjointSampler,
  type DisjointGraphDataset,
  type DisjointSampler,
  type DisjointSamplerOptions,
} from './disjoint-dataset.js';
export { createDataset, datasetFromConfig, type DatasetFromConfigOptions, type DatasetType } from './create-dataset.js';
export { encodeSteps, type EncodedSteps, type EncodingSize } from './encode-steps.js';
export { DatasetError } from './errors.js';
export { fairOracle, OracleOutcome, StepCategory, type FairOracleOptions, type FairOracleResult } from './fair-oracle.js';
export { fairOracleRates, summarizeFairOracle, type FairOracleRates, type OracleRate } from './fair-oracle-rates.js';
export { createGraphDataset, type GraphDataset } from './graph-dataset.js';
export type { GraphSampler } from './graph-sampler.js';
export { pairActionHistogram, type PairActionHistogram } from './pair-action-histogram.js';
export { createPairPartition, type PairPartition, type PairPartitionOptions } from './pair-partition.js';
export { seedOptimalPredictionRate, seedOptimalPredictionRateByGraph, type SeedOracleOptions } from './seed-oracle.js';
export { createStandardDataset, createStandardSampler, type StandardGraphDataset, type StandardSamplerOptions } from './standard-dataset.js';
export { chunkSteps, concatSteps, walkSteps, type StepSequence } from './step-sequence.js';
export { graphSwitchSequence, type GraphSwitchOptions, type SwitchSequence } from './switch-sequence.js';
export { tripletOverlap } from './triplet-overlap.js';
export { meanWalkCoverage, walkCoverage } from './walk-coverage.js';
export { WalkSplit, type SplitName, type WalkSplitData, type WalkSplitName } from './walk-split.js';
