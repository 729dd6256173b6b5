import type { io } from '@tensorflow/tfjs-core';
import { TrainerError } from './errors.js';
import type { TrainerSnapshot } from './trainer.js';
import type { EpochRecord } from './trainer-callbacks.js';
import { resolveTrainerOptions } from './trainer-options.js';

/** The `format` of a snapshot manifest. */
export const SNAPSHOT_FORMAT = 'pg-trainer-snapshot';
/** The layout version of a snapshot manifest. */
export const SNAPSHOT_FORMAT_VERSION = 2;
/** A snapshot's tensor file: the manifest's folder, this prefix, the epoch. */
const WEIGHTS_FILE = /^trainer_state-\d{6}\.bin$/;
const DTYPES = ['float32', 'int32', 'bool'];

/** The JSON half of a saved snapshot: everything but the tensors, and where and how they are stored. */
export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: number;
  options: TrainerSnapshot['options'];
  completedEpochs: number;
  history: TrainerSnapshot['history'];
  best: TrainerSnapshot['best'];
  hasBestWeights: boolean;
  /** The tensor file of this snapshot, in the same folder. */
  weightsFile: string;
  weightSpecs: io.WeightsManifestEntry[];
  byteLength: number;
}

/**
 * Reads a snapshot manifest, checking every field before anything is built
 * from it: a hand-edited, truncated or foreign file fails here with a
 * {@link TrainerError} that names the file and the field, not later as a
 * wrong resume.
 */
export function parseSnapshotManifest(text: string, path: string): SnapshotManifest {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new TrainerError(`${path} ${field}`, value, expected);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TrainerError(path, (error as Error).message, 'a readable trainer snapshot manifest (JSON)');
  }
  if (!isRecord(value)) return fail('manifest', value, 'a JSON object');
  const manifest = value as Partial<Record<keyof SnapshotManifest, unknown>>;
  if (manifest.format !== SNAPSHOT_FORMAT) fail('format', manifest.format, `"${SNAPSHOT_FORMAT}"`);
  if (manifest.formatVersion !== SNAPSHOT_FORMAT_VERSION) fail('formatVersion', manifest.formatVersion, String(SNAPSHOT_FORMAT_VERSION));
  checkOptions(manifest.options, fail);
  const completedEpochs = manifest.completedEpochs;
  if (!isInteger(completedEpochs, 0)) return fail('completedEpochs', completedEpochs, 'an integer ≥ 0');
  if (!Array.isArray(manifest.history) || manifest.history.length !== completedEpochs) {
    fail('history', manifest.history, `a list of ${completedEpochs} epoch records`);
  }
  (manifest.history as unknown[]).forEach((record, i) => checkRecord(record, i + 1, fail));
  const best = manifest.best;
  if (best !== null && !(isRecord(best) && isInteger(best.epoch, 1) && best.epoch <= completedEpochs && typeof best.valLoss === 'number')) {
    fail('best', best, `null, or { epoch, valLoss } of an epoch in [1, ${completedEpochs}]`);
  }
  if (typeof manifest.hasBestWeights !== 'boolean') fail('hasBestWeights', manifest.hasBestWeights, 'true or false');
  if (typeof manifest.weightsFile !== 'string' || !WEIGHTS_FILE.test(manifest.weightsFile)) {
    fail('weightsFile', manifest.weightsFile, 'a tensor file of the same folder, trainer_state-<epoch>.bin');
  }
  if (!Array.isArray(manifest.weightSpecs)) fail('weightSpecs', manifest.weightSpecs, 'a list of tensor specs');
  (manifest.weightSpecs as unknown[]).forEach((spec, i) => {
    if (!(isRecord(spec) && typeof spec.name === 'string' && DTYPES.includes(spec.dtype as string) && Array.isArray(spec.shape) && spec.shape.every((size) => isInteger(size, 0)))) {
      fail(`weightSpecs[${i}]`, spec, `{ name, shape (integers ≥ 0), dtype (${DTYPES.join(', ')}) }`);
    }
  });
  if (!isInteger(manifest.byteLength, 0)) fail('byteLength', manifest.byteLength, 'an integer ≥ 0');
  return manifest as SnapshotManifest;
}

/** The options must be a complete, valid set: exactly what the trainer's own resolution makes of them. */
function checkOptions(options: unknown, fail: (field: string, value: unknown, expected: string) => never): void {
  if (!isRecord(options)) return fail('options', options, 'the resolved options of a trainer, an object');
  let resolved: object;
  try {
    resolved = resolveTrainerOptions(options as never);
  } catch (error) {
    return fail(`options.${(error as TrainerError).field ?? ''}`, (error as TrainerError).value ?? options, (error as TrainerError).expected ?? 'valid trainer options');
  }
  if (JSON.stringify(Object.entries(options).sort()) !== JSON.stringify(Object.entries(resolved).sort())) {
    fail('options', options, `the complete resolved options of a trainer (${Object.keys(resolved).join(', ')})`);
  }
}

function checkRecord(record: unknown, epoch: number, fail: (field: string, value: unknown, expected: string) => never): void {
  const numbers: ReadonlyArray<keyof EpochRecord> = ['trainLoss', 'trainAccuracy', 'learningRate', 'gradNorm', 'seconds'];
  const valid =
    isRecord(record) &&
    record.epoch === epoch &&
    numbers.every((field) => typeof record[field] === 'number') &&
    (['valLoss', 'valAccuracy'] as const).every((field) => record[field] === null || typeof record[field] === 'number');
  if (!valid) fail(`history[${epoch - 1}]`, record, `the record of epoch ${epoch}: { epoch, ${numbers.join(', ')}, valLoss, valAccuracy }`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
