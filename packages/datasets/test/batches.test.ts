import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '@pg/graphs';
import { batches } from '../src/batches.js';
import { createStandardDataset } from '../src/standard-dataset.js';

const { train } = createStandardDataset({ numNodes: 10, edgeProb: 0.3, numActions: 6, numGraphs: 5, numSamplesPerGraph: 7, numTimesteps: 9, testFraction: 0.2, seed: 5 });
// 4 train graphs × 7 walks = 28 walks of 9 nodes: batches of 8 leave a last batch of 4.

function collect(options: Parameters<typeof batches>[1]) {
  const seen: Array<{ walkIndices: number[]; inputs: number[][][]; targets: number[][]; shape: number[] }> = [];
  for (const batch of batches(train, options)) {
    seen.push({ walkIndices: [...batch.walkIndices], inputs: batch.inputs.arraySync(), targets: batch.targets.arraySync(), shape: batch.inputs.shape });
    tf.dispose([batch.inputs, batch.targets]);
  }
  return seen;
}

describe('batches', () => {
  it('gives every walk once, one-hot encoded, in [B, T − 1, N + A] batches', () => {
    const seen = collect({ batchSize: 8, rng: createRng(1) });
    expect(seen.map((batch) => batch.shape)).toEqual([[8, 8, 16], [8, 8, 16], [8, 8, 16], [4, 8, 16]]);
    expect(seen.flatMap((batch) => batch.walkIndices).sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i));
    for (const { walkIndices, inputs, targets } of seen) {
      walkIndices.forEach((w, b) => {
        const steps = train.steps(w);
        inputs[b]!.forEach((row, t) => {
          expect(row.indexOf(1)).toBe(steps.nodes[t]);
          expect(row.lastIndexOf(1)).toBe(10 + steps.actions[t]!);
          expect(row.reduce((sum, x) => sum + x, 0)).toBe(2);
        });
        expect(targets[b]).toEqual([...steps.targets]);
      });
    }
  });

  it('shuffles by its generator, the same for the same seed, and keeps storage order without one', () => {
    const order = (seed?: number) => collect({ batchSize: 8, rng: seed === undefined ? undefined : createRng(seed) }).flatMap((b) => b.walkIndices);
    expect(order(1)).toEqual(order(1));
    expect(order(1)).not.toEqual(order(2));
    expect(order()).toEqual(Array.from({ length: 28 }, (_, i) => i));
  });

  it('can leave out the short last batch', () => {
    expect(collect({ batchSize: 8, dropLast: true }).map((batch) => batch.shape[0])).toEqual([8, 8, 8]);
    expect(collect({ batchSize: 30 }).map((batch) => batch.shape[0])).toEqual([28]);
    expect(collect({ batchSize: 30, dropLast: true })).toEqual([]);
  });

  it('leaves no tensor behind once batches are disposed, even when stopped early', () => {
    const before = tf.memory().numTensors;
    for (let epoch = 0; epoch < 3; epoch++) collect({ batchSize: 5, rng: createRng(epoch) });
    for (const batch of batches(train, { batchSize: 5 })) {
      tf.dispose([batch.inputs, batch.targets]);
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('goes through a subset of the walks when given their indices', () => {
    const seen = collect({ batchSize: 4, indices: [3, 9, 27, 0, 5], rng: createRng(2) });
    expect(seen.map((batch) => batch.shape[0])).toEqual([4, 1]);
    expect(seen.flatMap((batch) => batch.walkIndices).sort((a, b) => a - b)).toEqual([0, 3, 5, 9, 27]);
    expect(() => collect({ batchSize: 4, indices: [28] })).toThrow('walk index must be an integer in [0, 27] (got 28)');
  });

  it('rejects a bad batch size', () => {
    expect(() => batches(train, { batchSize: 0 }).next()).toThrow('batchSize must be an integer ≥ 1 (got 0)');
  });
});
