export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_FORMAT_VERSION,
  fromArtifacts,
  toArtifacts,
  type Checkpoint,
  type CheckpointArtifacts,
  type CheckpointManifest,
  type SaveCheckpointOptions,
} from './checkpoint.js';
export { loadCheckpoint, MANIFEST_FILE, saveCheckpoint, WEIGHTS_FILE } from './checkpoint-files.js';
export { ModelError } from './errors.js';
export {
  GraphNetwork,
  type ChunkResult,
  type GraphNetworkConfig,
  type NetworkState,
  type ParameterCounts,
  type ResolvedGraphNetworkConfig,
  type StepResult,
} from './graph-network.js';
export { GRUGraphNetwork } from './gru-graph-network.js';
export { LSTMGraphNetwork, type LSTMState } from './lstm-graph-network.js';
export {
  createGraphNetwork,
  networkTypes,
  type NetworkInstances,
  type NetworkConfigs,
  type NetworkOf,
  type NetworkType,
} from './network-registry.js';
export {
  PlasticGraphNetwork,
  type PlasticGraphNetworkConfig,
  type PlasticState,
  type ResolvedPlasticGraphNetworkConfig,
} from './plastic-graph-network.js';
export {
  PlasticLayer,
  type PlasticImplementation,
  type PlasticLayerArgs,
  type PlasticLayerConfig,
  type PlasticScanOptions,
  type PlasticScanResult,
  type PlasticSequence,
  type PlasticWriteRule,
} from './plastic-layer.js';
export { loadWasmKernels, setWasmKernelThreads, type WasmKernelInfo } from './wasm-kernels/kernel-threads.js';
export { RecurrentGraphNetwork, type RecurrentImplementation, type RecurrentKernelInputs, type RecurrentScan, type RecurrentState } from './recurrent-graph-network.js';
export type { RecurrentKernelCell } from './recurrent-kernel/recurrent-kernel-scan.js';
export { RNNGraphNetwork } from './rnn-graph-network.js';
export {
  TransformerGraphNetwork,
  type PositionEncoding,
  type ResolvedTransformerGraphNetworkConfig,
  type TransformerGraphNetworkConfig,
  type TransformerState,
} from './transformer-graph-network.js';
