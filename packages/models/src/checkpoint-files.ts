import { ModelError } from './errors.js';
import { fromArtifacts, toArtifacts, type Checkpoint, type SaveCheckpointOptions } from './checkpoint.js';
import type { GraphNetwork } from './graph-network.js';

/** The manifest's file name in a checkpoint directory. */
export const MANIFEST_FILE = 'model.json';

/** The weight data's file name in a checkpoint directory. */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * Saves a network to `directory` (created if needed): the manifest as `model.json`
 * and the weights as `weights.bin`. Node only; browsers use {@link toArtifacts}.
 *
 * @example
 * ```ts
 * await saveCheckpoint(model, 'run/1234', { datasetConfig: dataset.config });
 * ```
 */
export async function saveCheckpoint(model: GraphNetwork, directory: string, options: SaveCheckpointOptions = {}): Promise<void> {
  const [{ mkdir, writeFile }, { join }] = await nodeModules();
  const { manifest, weightData } = await toArtifacts(model, options);
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(directory, WEIGHTS_FILE), new Uint8Array(weightData));
}

/**
 * Loads a network saved by {@link saveCheckpoint}. Throws a {@link ModelError} when a
 * file is missing or unreadable, and as {@link fromArtifacts} for a corrupt checkpoint.
 *
 * @example
 * ```ts
 * const { model, datasetConfig } = await loadCheckpoint('run/1234');
 * ```
 */
export async function loadCheckpoint(directory: string): Promise<Checkpoint> {
  const [{ readFile }, { join }] = await nodeModules();
  const read = async (file: string) => {
    try {
      return await readFile(join(directory, file));
    } catch (error) {
      throw new ModelError('checkpoint file', join(directory, file), 'a readable file', { cause: error });
    }
  };
  const [manifestText, weights] = await Promise.all([read(MANIFEST_FILE), read(WEIGHTS_FILE)]);
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText.toString('utf8'));
  } catch (error) {
    throw new ModelError(MANIFEST_FILE, join(directory, MANIFEST_FILE), 'valid JSON', { cause: error });
  }
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return fromArtifacts({ manifest, weightData });
}

/**
 * Node's file modules, imported only when a directory function runs, so that the
 * package loads in browsers (bundlers are told not to resolve these imports).
 */
function nodeModules() {
  return Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:path'),
  ]);
}
