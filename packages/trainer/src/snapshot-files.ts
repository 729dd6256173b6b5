import { io, type NamedTensorMap, type Tensor } from '@tensorflow/tfjs-core';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrainerError } from './errors.js';
import type { TrainerSnapshot } from './trainer.js';

/** The file name of a saved snapshot's JSON manifest inside its folder. */
export const SNAPSHOT_MANIFEST_FILE = 'trainer_state.json';
/** The file name of a saved snapshot's tensors (optimizer state, best weights) inside its folder. */
export const SNAPSHOT_WEIGHTS_FILE = 'trainer_state.bin';

const FORMAT = 'pg-trainer-snapshot';
const FORMAT_VERSION = 1;

interface SnapshotManifest {
  format: typeof FORMAT;
  formatVersion: number;
  options: TrainerSnapshot['options'];
  completedEpochs: number;
  history: TrainerSnapshot['history'];
  best: TrainerSnapshot['best'];
  optimizerCount: number;
  bestWeightNames: string[] | null;
  weightSpecs: io.WeightsManifestEntry[];
  byteLength: number;
}

/**
 * Writes a {@link TrainerSnapshot} to `dir` as a JSON manifest and one binary
 * file of tensors (tfjs-core's weight encoding), each written to a temporary
 * name first, so an interruption never leaves a half-written snapshot.
 *
 * @example
 * ```ts
 * await saveSnapshot(await trainer.snapshot(), 'run/abc/resume');
 * ```
 */
export async function saveSnapshot(snapshot: TrainerSnapshot, dir: string): Promise<void> {
  const tensors: NamedTensorMap = {};
  snapshot.optimizer.forEach((tensor, i) => (tensors[`optimizer/${i}`] = tensor));
  for (const [name, tensor] of Object.entries(snapshot.bestWeights ?? {})) tensors[`best/${name}`] = tensor;
  const { data, specs } = await io.encodeWeights(tensors);
  const manifest: SnapshotManifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    options: snapshot.options,
    completedEpochs: snapshot.completedEpochs,
    history: snapshot.history,
    best: snapshot.best,
    optimizerCount: snapshot.optimizer.length,
    bestWeightNames: snapshot.bestWeights ? Object.keys(snapshot.bestWeights) : null,
    weightSpecs: specs,
    byteLength: data.byteLength,
  };
  await writeWhole(join(dir, SNAPSHOT_WEIGHTS_FILE), new Uint8Array(data));
  await writeWhole(join(dir, SNAPSHOT_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
}

/** Reads a snapshot written by {@link saveSnapshot}; the caller owns its tensors. */
export async function loadSnapshot(dir: string): Promise<TrainerSnapshot> {
  const manifestPath = join(dir, SNAPSHOT_MANIFEST_FILE);
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as SnapshotManifest;
  } catch (error) {
    throw new TrainerError(manifestPath, (error as Error).message, 'a readable trainer snapshot manifest');
  }
  if (manifest.format !== FORMAT) throw new TrainerError(`${manifestPath} format`, manifest.format, `"${FORMAT}"`);
  if (manifest.formatVersion !== FORMAT_VERSION) throw new TrainerError(`${manifestPath} formatVersion`, manifest.formatVersion, String(FORMAT_VERSION));
  const bytes = await readFile(join(dir, SNAPSHOT_WEIGHTS_FILE));
  if (bytes.byteLength !== manifest.byteLength) {
    throw new TrainerError(join(dir, SNAPSHOT_WEIGHTS_FILE), `${bytes.byteLength} bytes`, `${manifest.byteLength} bytes, as its manifest says (the file is truncated or from another snapshot)`);
  }
  const tensors = io.decodeWeights(new Uint8Array(bytes).buffer, manifest.weightSpecs);
  const optimizer: Tensor[] = Array.from({ length: manifest.optimizerCount }, (_, i) => tensors[`optimizer/${i}`]!);
  const bestWeights = manifest.bestWeightNames && Object.fromEntries(manifest.bestWeightNames.map((name) => [name, tensors[`best/${name}`]!]));
  return { options: manifest.options, completedEpochs: manifest.completedEpochs, history: manifest.history, best: manifest.best, optimizer, bestWeights };
}

async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, data);
  await rename(`${path}.partial`, path);
}
