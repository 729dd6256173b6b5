import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckpoint, MANIFEST_FILE, saveCheckpoint, WEIGHTS_FILE } from '../src/checkpoint-files.js';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { randomInputs, values } from './helpers.js';

async function withDirectory(use: (directory: string) => Promise<void>): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'pg-models-'));
  try {
    await use(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe('saveCheckpoint / loadCheckpoint', () => {
  it('saves a manifest and a weights file that load to identical predictions', () =>
    withDirectory(async (directory) => {
      const network = new RNNGraphNetwork({ numNodes: 6, numActions: 3, hiddenDim: 5, seed: 4 });
      const target = join(directory, 'run', 'model');
      await saveCheckpoint(network, target, { datasetConfig: { numTimesteps: 40 } });
      const manifest = JSON.parse(await readFile(join(target, MANIFEST_FILE), 'utf8'));
      expect(manifest).toMatchObject({ format: 'pg-model-checkpoint', formatVersion: 1, modelClass: 'RNNGraphNetwork' });
      expect(manifest.modelConfig).toEqual(network.getConfig());
      const bytes = (await readFile(join(target, WEIGHTS_FILE))).byteLength;
      expect(bytes).toBe(4 * network.countParameters().slow);
      const { model, datasetConfig } = await loadCheckpoint(target);
      expect(datasetConfig).toEqual({ numTimesteps: 40 });
      const inputs = randomInputs(3, 2, 6, 6, 3);
      expect(values(model.forward(inputs))).toEqual(values(network.forward(inputs)));
    }));

  it('fails with ModelErrors on a truncated weights file, missing files and bad JSON', () =>
    withDirectory(async (directory) => {
      const network = new RNNGraphNetwork({ numNodes: 6, numActions: 3, hiddenDim: 5 });
      const bytes = 4 * network.countParameters().slow;
      await saveCheckpoint(network, directory);
      await truncate(join(directory, WEIGHTS_FILE), 64);
      await expect(loadCheckpoint(directory)).rejects.toThrow(`weight data must be ${bytes} bytes`);
      await rm(join(directory, WEIGHTS_FILE));
      await expect(loadCheckpoint(directory)).rejects.toThrow(`checkpoint file must be a readable file (got "${join(directory, WEIGHTS_FILE)}")`);
      await writeFile(join(directory, WEIGHTS_FILE), new Uint8Array(bytes));
      await writeFile(join(directory, MANIFEST_FILE), '{"format": ');
      await expect(loadCheckpoint(directory)).rejects.toThrow('model.json must be valid JSON');
    }));
});
