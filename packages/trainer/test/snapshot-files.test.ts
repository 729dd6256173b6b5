import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrainerError } from '../src/errors.js';
import { loadSnapshot, saveSnapshot, SNAPSHOT_MANIFEST_FILE } from '../src/snapshot-files.js';
import type { TrainerSnapshot } from '../src/trainer.js';
import { resolveTrainerOptions } from '../src/trainer-options.js';

const snapshot = (completedEpochs = 1): TrainerSnapshot => ({
  options: resolveTrainerOptions({ epochs: 3 }),
  completedEpochs,
  history: Array.from({ length: completedEpochs }, (_, i) => ({ epoch: i + 1, trainLoss: 1, trainAccuracy: 0.5, valLoss: 1.1, valAccuracy: 0.4, learningRate: 0.001, gradNorm: 2, seconds: 1 })),
  best: { epoch: 1, valLoss: 1.1 },
  weights: { 'c1/kernel': tf.tensor2d([[3, 4]]) },
  optimizer: { beta1_power: tf.scalar(0.81), 'm/c1/kernel': tf.tensor2d([[1, 2]]) },
  bestWeights: { 'c1/kernel': tf.tensor2d([[1, 2]]) },
});
const tensorsOf = (s: TrainerSnapshot) => [s.weights, s.optimizer, s.bestWeights ?? {}];
const values = (map: tf.NamedTensorMap) => Object.fromEntries(Object.entries(map).map(([name, t]) => [name, t.arraySync()]));

describe('snapshot files', () => {
  it('round-trip a snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const original = snapshot();
    await saveSnapshot(original, dir);
    const loaded = await loadSnapshot(dir);
    const plain = (s: TrainerSnapshot) => ({ ...s, weights: values(s.weights), optimizer: values(s.optimizer), bestWeights: s.bestWeights && values(s.bestWeights) });
    expect(plain(loaded)).toEqual(plain(original));
    expect(values(loaded.optimizer).beta1_power).toBe(Math.fround(0.81));
    tf.dispose([...tensorsOf(original), ...tensorsOf(loaded)]);
  });

  it('keep one whole snapshot: the manifest names its tensor file, written first; older files go after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const first = snapshot(1);
    await saveSnapshot(first, dir);
    const firstManifest = readFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'utf8');
    // What a kill after writing the next tensor file, before its manifest, leaves behind: the first snapshot still loads.
    writeFileSync(join(dir, 'trainer_state-000002.bin.partial'), 'half');
    writeFileSync(join(dir, 'trainer_state-000002.bin'), 'a whole file of another snapshot');
    const loaded = await loadSnapshot(dir);
    expect(loaded.completedEpochs).toBe(1);
    expect(readFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'utf8')).toBe(firstManifest);

    const second = snapshot(2);
    await saveSnapshot(second, dir);
    expect(readdirSync(dir).sort()).toEqual(['trainer_state-000002.bin', SNAPSHOT_MANIFEST_FILE]);
    expect((await loadSnapshot(dir)).completedEpochs).toBe(2);
    tf.dispose([...tensorsOf(first), ...tensorsOf(loaded), ...tensorsOf(second)]);
  });

  it('refuse a truncated, missing or foreign snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const original = snapshot();
    await saveSnapshot(original, dir);
    tf.dispose(tensorsOf(original));
    const bin = join(dir, 'trainer_state-000001.bin');
    const size = readFileSync(bin).byteLength;
    truncateSync(bin, 4);
    await expect(loadSnapshot(dir)).rejects.toThrow(
      new RegExp(`trainer_state-000001.bin must be ${size} bytes, as its manifest says \\(the file is truncated or from another snapshot\\) \\(got "4 bytes"\\)$`),
    );
    const manifest = JSON.parse(readFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'utf8'));
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), JSON.stringify({ ...manifest, weightsFile: 'trainer_state-000009.bin' }));
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state-000009.bin must be the readable tensor file its manifest names \(got "ENOENT"\)$/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), JSON.stringify({ ...manifest, formatVersion: 9 }));
    await expect(loadSnapshot(dir)).rejects.toThrow(/formatVersion must be 2 \(got 9\)$/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), '{');
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state.json must be a readable trainer snapshot manifest/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'null');
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state.json manifest must be a JSON object \(got null\)$/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), '{}');
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state.json format must be "pg-trainer-snapshot" \(got undefined\)$/);
  });

  it('check every field of the manifest before using it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const original = snapshot(2);
    await saveSnapshot(original, dir);
    tf.dispose(tensorsOf(original));
    const manifest = JSON.parse(readFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'utf8'));
    const refused = async (change: object, message: RegExp) => {
      writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), JSON.stringify({ ...manifest, ...change }));
      await expect(loadSnapshot(dir)).rejects.toThrow(TrainerError);
      await expect(loadSnapshot(dir)).rejects.toThrow(message);
    };
    await refused({ completedEpochs: 3 }, /history must be a list of 3 epoch records/);
    await refused({ history: [manifest.history[1], manifest.history[0]] }, /history\[0\] must be the record of epoch 1/);
    await refused({ history: [manifest.history[0], { ...manifest.history[1], trainLoss: '0.5' }] }, /history\[1\] must be the record of epoch 2/);
    await refused({ options: { ...manifest.options, epochs: 0 } }, /options\.epochs must be an integer ≥ 1 \(got 0\)$/);
    await refused({ options: { epochs: 3 } }, /options must be the complete resolved options of a trainer/);
    await refused({ best: { epoch: 5, valLoss: 1 } }, /best must be null, or \{ epoch, valLoss \} of an epoch in \[1, 2\]/);
    await refused({ hasBestWeights: 'yes' }, /hasBestWeights must be true or false/);
    await refused({ weightsFile: '../../elsewhere.bin' }, /weightsFile must be a tensor file of the same folder/);
    await refused({ weightSpecs: [{ name: 'x', shape: [1.5], dtype: 'float32' }] }, /weightSpecs\[0\] must be \{ name, shape/);
    await refused({ byteLength: -1 }, /byteLength must be an integer ≥ 0 \(got -1\)$/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), JSON.stringify(manifest));
    const loaded = await loadSnapshot(dir);
    expect(loaded.completedEpochs).toBe(2);
    tf.dispose(tensorsOf(loaded));
  });
});
