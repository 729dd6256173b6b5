import { io, type NamedTensorMap } from '@tensorflow/tfjs-core';
import { TrainerError } from './errors.js';
import { nodeFiles } from './node-files.js';
import { parseSnapshotManifest, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, type SnapshotManifest } from './snapshot-manifest.js';
import type { TrainerSnapshot } from './trainer.js';

/** The file name of a saved snapshot's JSON manifest inside its folder; it names the snapshot's tensor file. */
export const SNAPSHOT_MANIFEST_FILE = 'trainer_state.json';

/** Every file a snapshot folder holds starts so: the manifest, tensor files and their temporary copies. */
const FILE_PREFIX = 'trainer_state';
/** The tensor groups of a snapshot, each stored under `<group>/<name>`. */
const GROUPS = ['weights', 'optimizer', 'best'] as const;

/**
 * Writes a {@link TrainerSnapshot} to `dir` (created if needed) so that a
 * kill at any moment leaves the previous snapshot or this one, whole: the
 * tensors (tfjs-core's weight encoding) go to a new file named after the
 * epoch, then the JSON manifest that names that file replaces the old
 * manifest in one rename, and only then are the older tensor files removed.
 *
 * @example
 * ```ts
 * const snapshot = trainer.snapshot();
 * await saveSnapshot(snapshot, 'run/abc/resume');
 * tf.dispose([snapshot.weights, snapshot.optimizer, snapshot.bestWeights ?? {}]);
 * ```
 */
export async function saveSnapshot(snapshot: TrainerSnapshot, dir: string): Promise<void> {
  const [{ mkdir, readdir, rm }, { join }] = await nodeFiles();
  const tensors: NamedTensorMap = {};
  const groups = { weights: snapshot.weights, optimizer: snapshot.optimizer, best: snapshot.bestWeights ?? {} };
  for (const group of GROUPS) for (const [name, tensor] of Object.entries(groups[group])) tensors[`${group}/${name}`] = tensor;
  const { data, specs } = await io.encodeWeights(tensors);
  const weightsFile = `${FILE_PREFIX}-${String(snapshot.completedEpochs).padStart(6, '0')}.bin`;
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    options: snapshot.options,
    completedEpochs: snapshot.completedEpochs,
    history: snapshot.history,
    best: snapshot.best,
    hasBestWeights: snapshot.bestWeights !== null,
    weightsFile,
    weightSpecs: specs,
    byteLength: data.byteLength,
  };
  await mkdir(dir, { recursive: true });
  await writeWhole(join(dir, weightsFile), new Uint8Array(data));
  await writeWhole(join(dir, SNAPSHOT_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  for (const name of await readdir(dir)) {
    if (name.startsWith(FILE_PREFIX) && name !== weightsFile && name !== SNAPSHOT_MANIFEST_FILE) await rm(join(dir, name), { force: true });
  }
}

/** Reads the snapshot written last by {@link saveSnapshot} in `dir`; the caller owns its tensors. */
export async function loadSnapshot(dir: string): Promise<TrainerSnapshot> {
  const [{ readFile }, { join }] = await nodeFiles();
  const manifestPath = join(dir, SNAPSHOT_MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    throw new TrainerError(manifestPath, (error as NodeJS.ErrnoException).code ?? (error as Error).message, 'a readable trainer snapshot manifest');
  }
  const manifest = parseSnapshotManifest(text, manifestPath);
  const weightsPath = join(dir, String(manifest.weightsFile));
  let bytes: Buffer;
  try {
    bytes = await readFile(weightsPath);
  } catch (error) {
    throw new TrainerError(weightsPath, (error as NodeJS.ErrnoException).code ?? (error as Error).message, 'the readable tensor file its manifest names');
  }
  if (bytes.byteLength !== manifest.byteLength) {
    throw new TrainerError(weightsPath, `${bytes.byteLength} bytes`, `${manifest.byteLength} bytes, as its manifest says (the file is truncated or from another snapshot)`);
  }
  const tensors = io.decodeWeights(new Uint8Array(bytes).buffer, manifest.weightSpecs);
  const groups = Object.fromEntries(GROUPS.map((group) => [group, {} as NamedTensorMap])) as Record<(typeof GROUPS)[number], NamedTensorMap>;
  for (const [key, tensor] of Object.entries(tensors)) {
    const slash = key.indexOf('/');
    const group = groups[key.slice(0, slash) as (typeof GROUPS)[number]];
    if (group === undefined) throw new TrainerError(`${manifestPath} weightSpecs`, key, `names under ${GROUPS.map((name) => `${name}/`).join(', ')}`);
    group[key.slice(slash + 1)] = tensor;
  }
  return {
    options: manifest.options,
    completedEpochs: manifest.completedEpochs,
    history: manifest.history,
    best: manifest.best,
    weights: groups.weights,
    optimizer: groups.optimizer,
    bestWeights: manifest.hasBestWeights ? groups.best : null,
  };
}

/** Writes a file under a temporary name and renames it into place, so it is never seen half-written. */
async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  const [{ rename, writeFile }] = await nodeFiles();
  await writeFile(`${path}.partial`, data);
  await rename(`${path}.partial`, path);
}
