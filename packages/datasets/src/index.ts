export {
  resolveDatasetConfig,
  type DatasetConfig,
  type DatasetOptions,
  type DisjointDatasetConfig,
  type DisjointDatasetOptions,
  type GraphFamilyJSON,
  type StandardDatasetConfig,
} from './config.js';
export { encodeSteps, type EncodedSteps, type EncodingSize } from './encode-steps.js';
export { DatasetError } from './errors.js';
export { chunkSteps, concatSteps, walkSteps, type StepSequence } from './step-sequence.js';
export { WalkSplit, type SplitName, type WalkSplitData } from './walk-split.js';
