import { io, tidy, util } from '@tensorflow/tfjs-core';
import { ModelError } from './errors.js';
import type { GraphNetwork, ResolvedGraphNetworkConfig } from './graph-network.js';
import { networkClassNamed } from './network-registry.js';

/** The `format` of every checkpoint manifest. */
export const CHECKPOINT_FORMAT = 'pg-model-checkpoint';

/** The manifest layout this version writes and reads. */
export const CHECKPOINT_FORMAT_VERSION = 1;

/** The JSON manifest of a checkpoint. */
export interface CheckpointManifest {
  /** Marks the file as a checkpoint manifest. */
  format: typeof CHECKPOINT_FORMAT;
  /** The manifest layout version. */
  formatVersion: typeof CHECKPOINT_FORMAT_VERSION;
  /** The network's class name, e.g. `PlasticGraphNetwork`. */
  modelClass: string;
  /** The network's `getConfig()`. */
  modelConfig: ResolvedGraphNetworkConfig;
  /** The configuration of the dataset the network was trained on, or `null`. */
  datasetConfig: Record<string, unknown> | null;
  /** Name, shape and dtype of each weight, in the order of the weight data (tfjs-core's `io.encodeWeights`). */
  weightSpecs: io.WeightsManifestEntry[];
}

/** A checkpoint in memory: the manifest and the concatenated float32 weights. */
export interface CheckpointArtifacts {
  /** The JSON manifest (`model.json`). */
  manifest: CheckpointManifest;
  /** The weights, concatenated float32 values in the manifest's order (`weights.bin`). */
  weightData: ArrayBuffer;
}

/** A loaded checkpoint. */
export interface Checkpoint {
  /** The network, with the saved weights. */
  model: GraphNetwork;
  /** The dataset configuration saved with it, or `null`. */
  datasetConfig: Record<string, unknown> | null;
  /** The manifest it was loaded from. */
  manifest: CheckpointManifest;
}

/** Options of {@link toArtifacts} and `saveCheckpoint`. */
export interface SaveCheckpointOptions {
  /** The configuration of the training dataset, stored with the model. Default none (`null`). */
  datasetConfig?: object;
}

/**
 * Encodes a network's configuration and weights as in-memory artifacts (usable in a
 * browser: store the manifest as JSON and the weight data as binary).
 *
 * @example
 * ```ts
 * const artifacts = await toArtifacts(model, { datasetConfig: dataset.config });
 * const { model: copy } = fromArtifacts(artifacts);
 * ```
 */
export async function toArtifacts(model: GraphNetwork, options: SaveCheckpointOptions = {}): Promise<CheckpointArtifacts> {
  const named = [...model.namedVariables].map(([name, tensor]) => ({ name, tensor }));
  const { data, specs } = await io.encodeWeights(named);
  return {
    manifest: {
      format: CHECKPOINT_FORMAT,
      formatVersion: CHECKPOINT_FORMAT_VERSION,
      modelClass: model.getClassName(),
      modelConfig: model.getConfig(),
      datasetConfig: (options.datasetConfig as Record<string, unknown> | undefined) ?? null,
      weightSpecs: specs,
    },
    weightData: data,
  };
}

/**
 * Rebuilds the network of a checkpoint from its artifacts. Throws a {@link ModelError}
 * naming the problem when the manifest is malformed or of an unknown format version,
 * when the weight data is shorter or longer than the specs say, or when the weights
 * do not match the network the configuration builds.
 *
 * @example
 * ```ts
 * const { model, datasetConfig } = fromArtifacts({ manifest: JSON.parse(text), weightData });
 * ```
 */
export function fromArtifacts(artifacts: { manifest: unknown; weightData: ArrayBuffer }): Checkpoint {
  const manifest = checkManifest(artifacts.manifest);
  const { weightData } = artifacts;
  const expectedBytes = manifest.weightSpecs.reduce((total, spec) => total + 4 * spec.shape.reduce((a, b) => a * b, 1), 0);
  // A tag check rather than instanceof, which fails for buffers from another realm (a worker, an iframe).
  const isBuffer = Object.prototype.toString.call(weightData) === '[object ArrayBuffer]';
  if (!isBuffer || weightData.byteLength !== expectedBytes) {
    const received = isBuffer ? `${weightData.byteLength} bytes` : weightData;
    throw new ModelError('weight data', received, `${expectedBytes} bytes, as the weight specs describe (is the file truncated?)`);
  }
  const model = buildModel(manifest);
  try {
    checkSpecs(manifest, model);
    const decoded = io.decodeWeights(weightData, manifest.weightSpecs);
    tidy(() => {
      for (const [name, variable] of model.namedVariables) variable.assign(decoded[name]!);
    });
    for (const tensor of Object.values(decoded)) tensor.dispose();
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, datasetConfig: manifest.datasetConfig, manifest };
}

/** Checks the fields of a parsed manifest, naming the first that is wrong. */
function checkManifest(value: unknown): CheckpointManifest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelError('manifest', value, 'a JSON object');
  }
  const manifest = value as Partial<CheckpointManifest>;
  if (manifest.format !== CHECKPOINT_FORMAT) throw new ModelError('format', manifest.format, JSON.stringify(CHECKPOINT_FORMAT));
  if (manifest.formatVersion !== CHECKPOINT_FORMAT_VERSION) {
    throw new ModelError('formatVersion', manifest.formatVersion, `a version this library reads (${CHECKPOINT_FORMAT_VERSION})`);
  }
  if (typeof manifest.modelClass !== 'string') throw new ModelError('modelClass', manifest.modelClass, 'a class name');
  if (!isObject(manifest.modelConfig)) throw new ModelError('modelConfig', manifest.modelConfig, 'an object');
  if (manifest.datasetConfig !== null && !isObject(manifest.datasetConfig)) {
    throw new ModelError('datasetConfig', manifest.datasetConfig, 'an object or null');
  }
  if (!Array.isArray(manifest.weightSpecs)) throw new ModelError('weightSpecs', manifest.weightSpecs, 'an array');
  manifest.weightSpecs.forEach((spec, i) => {
    const valid =
      isObject(spec) &&
      typeof spec.name === 'string' &&
      spec.dtype === 'float32' &&
      Array.isArray(spec.shape) &&
      spec.shape.every((dim) => Number.isInteger(dim) && dim >= 0) &&
      spec.quantization === undefined;
    if (!valid) throw new ModelError(`weightSpecs[${i}]`, spec, 'an unquantised float32 spec { name, shape, dtype }');
  });
  return manifest as CheckpointManifest;
}

/** Builds the manifest's network, reporting an invalid configuration as a manifest error. */
function buildModel(manifest: CheckpointManifest): GraphNetwork {
  const NetworkClass = networkClassNamed(manifest.modelClass);
  // Checkpoints written before the WebAssembly kernel stored how the plastic recurrence ran
  // (`implementation`); that is now picked where the model runs, so the key is dropped.
  const { implementation: _legacy, ...modelConfig } = manifest.modelConfig as Record<string, unknown>;
  try {
    return new NetworkClass((manifest.modelClass === 'PlasticGraphNetwork' ? modelConfig : manifest.modelConfig) as never);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new ModelError('modelConfig', manifest.modelConfig, `a valid ${manifest.modelClass} configuration: ${error.message}`, {
      cause: error,
    });
  }
}

/** Checks that the specs list exactly the weights of `model`, in order, with their shapes. */
function checkSpecs(manifest: CheckpointManifest, model: GraphNetwork): void {
  const expected = [...model.namedVariables].map(([name, variable]) => ({ name, shape: variable.shape }));
  const { weightSpecs } = manifest;
  for (let i = 0; i < Math.max(expected.length, weightSpecs.length); i++) {
    const want = expected[i];
    const spec = weightSpecs[i];
    if (want === undefined || spec === undefined || spec.name !== want.name || !util.arraysEqual(spec.shape, want.shape)) {
      const what = want === undefined ? 'no weight' : `weight ${want.name} of shape ${JSON.stringify(want.shape)}`;
      throw new ModelError(`weightSpecs[${i}]`, spec, `${what}, as ${manifest.modelClass} builds from modelConfig`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
