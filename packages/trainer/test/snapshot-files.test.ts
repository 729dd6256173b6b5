import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot, saveSnapshot, SNAPSHOT_MANIFEST_FILE, SNAPSHOT_WEIGHTS_FILE } from '../src/snapshot-files.js';
import { resolveTrainerOptions } from '../src/trainer-options.js';

const snapshot = () => ({
  options: resolveTrainerOptions({ epochs: 3 }),
  completedEpochs: 1,
  history: [{ epoch: 1, trainLoss: 1, trainAccuracy: 0.5, valLoss: 1.1, valAccuracy: 0.4, learningRate: 0.001, gradNorm: 2, seconds: 1 }],
  best: { epoch: 1, valLoss: 1.1 },
  optimizer: [tf.scalar(3), tf.tensor1d([1, 2])],
  bestWeights: { 'c1/kernel': tf.tensor2d([[1, 2]]) },
});

describe('snapshot files', () => {
  it('round-trip a snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const original = snapshot();
    await saveSnapshot(original, dir);
    const loaded = await loadSnapshot(dir);
    expect({ ...loaded, optimizer: undefined, bestWeights: undefined }).toEqual({ ...original, optimizer: undefined, bestWeights: undefined });
    expect(loaded.optimizer.map((t) => t.arraySync())).toEqual([3, [1, 2]]);
    expect(loaded.bestWeights!['c1/kernel']!.arraySync()).toEqual([[1, 2]]);
    tf.dispose([...original.optimizer, ...Object.values(original.bestWeights), ...loaded.optimizer, ...Object.values(loaded.bestWeights!)]);
  });

  it('refuse a truncated or foreign snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const original = snapshot();
    await saveSnapshot(original, dir);
    tf.dispose([...original.optimizer, ...Object.values(original.bestWeights)]);
    truncateSync(join(dir, SNAPSHOT_WEIGHTS_FILE), 4);
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state.bin must be 20 bytes, as its manifest says \(the file is truncated or from another snapshot\) \(got "4 bytes"\)$/);
    const manifest = JSON.parse(readFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), 'utf8'));
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), JSON.stringify({ ...manifest, formatVersion: 9 }));
    await expect(loadSnapshot(dir)).rejects.toThrow(/formatVersion must be 1 \(got 9\)$/);
    writeFileSync(join(dir, SNAPSHOT_MANIFEST_FILE), '{');
    await expect(loadSnapshot(dir)).rejects.toThrow(/trainer_state.json must be a readable trainer snapshot manifest/);
  });
});
