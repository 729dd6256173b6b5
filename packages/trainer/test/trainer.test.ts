import { describe, expect, it, jest } from '@jest/globals';
import { createDisjointDataset, createStandardDataset, type WalkSplit } from '@pg/datasets';
import { createGraphNetwork, type GraphNetwork, type NetworkState } from '@pg/models';
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Adam } from '../src/adam.js';
import { loadSnapshot, saveSnapshot } from '../src/snapshot-files.js';
import { Trainer } from '../src/trainer.js';
import type { EpochRecord } from '../src/trainer-callbacks.js';
import type { TrainerOptions } from '../src/trainer-options.js';

// A small standard dataset: one action space for all graphs, so next nodes are partly learnable.
const dataset = createStandardDataset({ numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 6, numSamplesPerGraph: 8, numTimesteps: 12, testFraction: 0.2, seed: 3 });
const plastic = () => createGraphNetwork('plastic', { numNodes: 6, numActions: 5, hiddenDim: 16, seed: 1 });
const weightsOf = (model: GraphNetwork) => Object.fromEntries([...model.namedVariables].map(([name, value]) => [name, [...value.dataSync()]]));

/**
 * Trains `options` straight through, and again stopped after each of `stopAfters` epochs, its snapshot
 * saved to disk and resumed in a model of other weights; expects the same history and weights.
 */
async function expectExactResume(split: WalkSplit, options: TrainerOptions, stopAfters: readonly number[]): Promise<void> {
  const straight = plastic();
  const whole = new Trainer(straight, split, options);
  const wholeResult = await whole.fit();
  for (const stopAfter of stopAfters) {
    const interrupted = new Trainer(plastic(), split, {
      ...options,
      callbacks: { onEpochEnd: (record, trainer) => (record.epoch === stopAfter ? trainer.stop() : undefined) },
    });
    await interrupted.fit();
    // What a run folder keeps, on disk; the resumed model starts from other weights, which the snapshot replaces.
    const dir = mkdtempSync(join(tmpdir(), 'pg-resume-'));
    const snapshot = interrupted.snapshot();
    await saveSnapshot(snapshot, dir);
    tf.dispose([snapshot.weights, snapshot.optimizer, snapshot.bestWeights ?? {}]);

    const resumedModel = createGraphNetwork('plastic', { numNodes: 6, numActions: 5, hiddenDim: 16, seed: 99 });
    const resumed = new Trainer(resumedModel, split, options);
    const loaded = await loadSnapshot(dir);
    resumed.restore(loaded);
    tf.dispose([loaded.weights, loaded.optimizer, loaded.bestWeights ?? {}]);
    const resumedResult = await resumed.fit();

    expect(resumedResult.history.map(({ seconds: _, ...rest }) => rest)).toEqual(wholeResult.history.map(({ seconds: _, ...rest }) => rest));
    expect(resumedResult.bestEpoch).toBe(wholeResult.bestEpoch);
    expect(weightsOf(resumedModel)).toEqual(weightsOf(straight));
    for (const trainer of [interrupted, resumed]) trainer.dispose();
    interrupted.model.dispose();
    resumedModel.dispose();
  }
  whole.dispose();
  straight.dispose();
}

describe('Trainer', () => {
  it('lowers the loss of a learnable problem and records every epoch', async () => {
    // Long walks on small graphs: most steps revisit an edge, which the fast weights can learn to recall.
    const revisits = createStandardDataset({ numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 6, numSamplesPerGraph: 16, numTimesteps: 40, testFraction: 0.2, seed: 3 });
    const model = createGraphNetwork('rnn', { numNodes: 6, numActions: 5, hiddenDim: 32, seed: 1 });
    const trainer = new Trainer(model, revisits.train, { epochs: 6, batchSize: 8, learningRate: 0.02, seed: 2 });
    const { history, bestEpoch, bestValLoss } = await trainer.fit();
    expect(history.map((record) => record.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history[5]!.trainLoss).toBeLessThan(history[0]!.trainLoss * 0.8);
    expect(history[5]!.trainAccuracy).toBeGreaterThan(history[0]!.trainAccuracy + 0.15);
    expect(history.every((r) => r.gradNorm > 0 && r.valLoss !== null && r.seconds > 0)).toBe(true);
    expect(history[0]!.learningRate).toBe(0.02);
    expect(history[5]!.learningRate).toBeLessThan(0.002);
    expect(bestValLoss).toBe(Math.min(...history.map((r) => r.valLoss!)));
    expect(history[bestEpoch - 1]!.valLoss).toBe(bestValLoss);
    trainer.dispose();
    model.dispose();
  });

  it('restores the weights of the best validation epoch', async () => {
    const model = plastic();
    const weightsAt: Array<Record<string, number[]>> = [];
    // A learning rate too high to keep improving, so a later epoch is worse than the best one.
    const trainer = new Trainer(model, dataset.train, {
      epochs: 5,
      batchSize: 8,
      learningRate: 0.3,
      scheduler: 'none',
      seed: 4,
      callbacks: { onEpochEnd: () => void weightsAt.push(weightsOf(model)) },
    });
    const { history, bestEpoch } = await trainer.fit();
    expect(bestEpoch).toBeLessThan(history.length);
    expect(weightsOf(model)).toEqual(weightsAt[bestEpoch - 1]);
    trainer.dispose();
    model.dispose();
  });

  it('stops early once the validation loss has not improved for earlyStoppingPatience epochs', async () => {
    // The setting above, whose validation loss stops improving; the same training with and without patience.
    const options = { epochs: 8, batchSize: 8, learningRate: 0.3, scheduler: 'none', seed: 4 } as const;
    const fit = async (patience: number | null) => {
      const model = plastic();
      const trainer = new Trainer(model, dataset.train, { ...options, earlyStoppingPatience: patience });
      const result = await trainer.fit();
      const weights = weightsOf(model);
      trainer.dispose();
      model.dispose();
      return { ...result, weights };
    };
    const full = await fit(null);
    const patient = await fit(2);
    // The first epoch that comes 2 epochs after the best so far ends training.
    const bestSoFar = (epoch: number) => full.history.slice(0, epoch).reduce((best, r) => (r.valLoss! < best.valLoss! ? r : best)).epoch;
    const end = full.history.find((r) => r.epoch - bestSoFar(r.epoch) >= 2)!.epoch;
    expect(end).toBeLessThan(options.epochs);
    expect(full.stoppedEarly).toBe(false);
    expect(patient.stoppedEarly).toBe(true);
    expect(patient.stopped).toBe(false);
    const withoutSeconds = (history: readonly EpochRecord[]) => history.map(({ seconds: _, ...rest }) => rest);
    expect(withoutSeconds(patient.history)).toEqual(withoutSeconds(full.history.slice(0, end)));
    expect(patient.bestEpoch).toBe(bestSoFar(end));
    // Resumed after any epoch, even the one that ends it, it ends at the same epoch with the same weights.
    await expectExactResume(dataset.train, { ...options, earlyStoppingPatience: 2 }, [1, end - 1, end]);
  });

  it('resumes a run that stops early on held-out validation graphs', async () => {
    // A snapshot keeps the resolved options, valSplit 0 and the patience, but not the validation walks.
    const options = { numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 8, numSamplesPerGraph: 4, numTimesteps: 12, testFraction: 0.25 };
    const heldOut = createDisjointDataset({ ...options, validationFraction: 0.34, seed: 3 });
    await expectExactResume(heldOut.train, { epochs: 4, batchSize: 4, learningRate: 0.01, seed: 6, validation: heldOut.validation!, earlyStoppingPatience: 2 }, [1, 3]);
  });

  it('refuses early stopping without validation walks', () => {
    expect(() => new Trainer(plastic(), dataset.train, { valSplit: 0, earlyStoppingPatience: 3 })).toThrow('earlyStoppingPatience must be null without validation walks (set valSplit > 0 or give validation walks) (got 3)');
  });

  it('resumed from a snapshot, ends with exactly the weights of an uninterrupted run', async () => {
    // Enough steps for the bias-correction powers to matter: restoring them as beta ** t instead of the running product drifts here.
    await expectExactResume(dataset.train, { epochs: 6, batchSize: 4, learningRate: 0.01, seed: 5 }, [1, 3, 5]);
  });

  it('refuses to resume with other options', async () => {
    const model = plastic();
    const trainer = new Trainer(model, dataset.train, { epochs: 2, batchSize: 8, seed: 1 });
    const snapshot = new Trainer(model, dataset.train, { epochs: 3, batchSize: 8, seed: 1 }).snapshot();
    expect(() => trainer.restore(snapshot)).toThrow("resumed epochs must be the same as this run's 2 (got 3)");
    const other = createGraphNetwork('plastic', { numNodes: 6, numActions: 5, hiddenDim: 8, seed: 1 });
    expect(() => new Trainer(other, dataset.train, { epochs: 3, batchSize: 8, seed: 1 }).restore(snapshot)).toThrow("resumed weight decoder/hidden/kernel must be shape [8, 6], as in this run's model (got [16,9])");
    tf.dispose([snapshot.weights, snapshot.optimizer]);
    model.dispose();
    other.dispose();
  });

  it('leaks no tensor over an epoch', async () => {
    const model = plastic();
    const trainer = new Trainer(model, dataset.train, { epochs: 1, batchSize: 8, seed: 1 });
    await trainer.fit(); // creates Adam's moments and the kept best weights
    const before = tf.memory().numTensors;
    const more = new Trainer(model, dataset.train, { epochs: 1, batchSize: 8, seed: 1 });
    await more.fit();
    more.dispose();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });

  it('leaks no tensor across epochs that take and free a snapshot each', async () => {
    const model = plastic();
    const counts: number[] = [];
    const trainer = new Trainer(model, dataset.train, {
      epochs: 4,
      batchSize: 8,
      seed: 1,
      callbacks: {
        onEpochEnd: (_, t) => {
          const snapshot = t.snapshot();
          tf.dispose([snapshot.weights, snapshot.optimizer, snapshot.bestWeights ?? {}]);
          counts.push(tf.memory().numTensors);
        },
      },
    });
    await trainer.fit();
    // The first epoch creates Adam's moments and the kept best weights; after that nothing grows.
    expect(new Set(counts.slice(1)).size).toBe(1);
    trainer.dispose();
    model.dispose();
  });

  it('stops early on request and tells callbacks in order', async () => {
    const model = plastic();
    const events: string[] = [];
    const trainer = new Trainer(model, dataset.train, {
      epochs: 5,
      batchSize: 16,
      valSplit: 0,
      seed: 1,
      callbacks: {
        onEpochStart: (epoch) => void events.push(`start ${epoch}`),
        onBatchEnd: ({ batch, numBatches }) => void events.push(`batch ${batch + 1}/${numBatches}`),
        onEpochEnd: (record: EpochRecord, t) => {
          events.push(`end ${record.epoch}`);
          if (record.epoch === 2) t.stop();
        },
      },
    });
    const result = await trainer.fit();
    expect(result.stopped).toBe(true);
    expect(result.bestValLoss).toBeNull();
    expect(result.bestEpoch).toBe(2);
    expect(events).toEqual(['start 1', 'batch 1/3', 'batch 2/3', 'batch 3/3', 'end 1', 'start 2', 'batch 1/3', 'batch 2/3', 'batch 3/3', 'end 2']);
    trainer.dispose();
    model.dispose();
  });

  it('refuses a snapshot of an epoch cut short, which could not continue exactly', async () => {
    const model = plastic();
    const trainer = new Trainer(model, dataset.train, { epochs: 3, batchSize: 8, seed: 1, callbacks: { onBatchEnd: (info, t) => (info.epoch === 2 && info.batch === 0 ? t.stop() : undefined) } });
    const result = await trainer.fit();
    expect(result.history).toHaveLength(1);
    expect(() => trainer.snapshot()).toThrow('snapshot must be taken between epochs (in onEpochEnd, or after a fit that finished its last epoch) (got "epoch 2 cut short by stop()")');
    trainer.dispose();
    model.dispose();
  });

  it('with held-out validation graphs, trains on every training walk and chooses the epoch on those graphs alone', async () => {
    const options = { numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 8, numSamplesPerGraph: 4, numTimesteps: 12, testFraction: 0.25 };
    const heldOut = createDisjointDataset({ ...options, validationFraction: 0.34, seed: 3 });
    const fit = async (validation: WalkSplit) => {
      const model = plastic();
      const trainer = new Trainer(model, heldOut.train, { epochs: 2, batchSize: 4, learningRate: 0.01, seed: 6, validation });
      expect(trainer.partition.train).toHaveLength(heldOut.train.numWalks);
      expect(trainer.partition.validation).toHaveLength(validation.numWalks);
      const { history } = await trainer.fit();
      trainer.dispose();
      model.dispose();
      return history;
    };
    const [a, b] = [await fit(heldOut.validation!), await fit(heldOut.test)];
    // The same training, measured on other graphs.
    expect(b.map((record) => record.trainLoss)).toEqual(a.map((record) => record.trainLoss));
    expect(b[0]!.valLoss).not.toBe(a[0]!.valLoss);
    const model = plastic();
    expect(() => new Trainer(model, heldOut.train, { validation: heldOut.validation!, valSplit: 0.2 })).toThrow(
      'valSplit must be 0 or left out when validation walks of held-out graphs are given (got 0.2)',
    );
    expect(() => new Trainer(model, heldOut.train, { validation: dataset.test })).not.toThrow();
    const wrongSize = createStandardDataset({ ...options, numNodes: 7, seed: 1 });
    expect(() => new Trainer(model, heldOut.train, { validation: wrongSize.test })).toThrow("validation must be walks of graphs of the model's size [6, 5, ≥ 1 walk] (got [7,5,8])");
    model.dispose();
  });

  it('ends at the first non-finite loss, gradient or weight, naming where, without applying that step', async () => {
    const model = plastic();
    const epochs: number[] = [];
    const trainer = new Trainer(model, dataset.train, { epochs: 4, batchSize: 8, learningRate: 1e30, seed: 1, callbacks: { onEpochEnd: (record) => void epochs.push(record.epoch) } });
    const result = await trainer.fit();
    expect(result.diverged).toMatchObject({ epoch: expect.any(Number), quantity: expect.stringMatching(/^(training loss|gradient norm|weights|validation loss)$/) });
    expect(result.history).toHaveLength(result.diverged!.epoch - 1);
    expect(epochs).toEqual(result.history.map((record) => record.epoch));
    expect(result.history.every((record) => Number.isFinite(record.trainLoss) && Number.isFinite(record.valLoss))).toBe(true);
    expect(() => trainer.snapshot()).toThrow(/^snapshot must be taken between epochs/);
    trainer.dispose();
    model.dispose();
  });

  it('rejects a split that does not fit the model', () => {
    const model = createGraphNetwork('rnn', { numNodes: 7, numActions: 5, hiddenDim: 4 });
    expect(() => new Trainer(model, dataset.train)).toThrow("split size must be the model's [numNodes, numActions] = [7, 5] (got [6,5])");
    model.dispose();
  });
});

describe('Trainer on long walks', () => {
  // Walks of 24 nodes (23 steps), so that chunks of 10 steps leave a short last one.
  const long = createStandardDataset({ numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 4, numSamplesPerGraph: 4, numTimesteps: 24, testFraction: 0.25, seed: 8 });

  /** The steps of every forward pass a trainer makes, and whether each chunk started from the state the one before it returned. */
  function watch(model: GraphNetwork) {
    const calls: Array<{ steps: number; carried: boolean }> = [];
    let last: NetworkState | undefined;
    const forwardWithState = model.forwardWithState.bind(model);
    const forward = model.forward.bind(model);
    jest.spyOn(model, 'forwardWithState').mockImplementation((inputs, state) => {
      calls.push({ steps: inputs.shape[1], carried: state === last });
      const result = forwardWithState(inputs, state);
      last = result.state;
      return result;
    });
    jest.spyOn(model, 'forward').mockImplementation((inputs, state) => {
      calls.push({ steps: inputs.shape[1], carried: state === last });
      last = undefined;
      return forward(inputs, state);
    });
    return calls;
  }

  it('with chunks as long as the walks, trains exactly as without them', async () => {
    const [a, b] = [plastic(), plastic()];
    for (const [model, tbpttSteps] of [[a, null], [b, 23]] as const) {
      const trainer = new Trainer(model, long.train, { epochs: 2, batchSize: 4, learningRate: 0.01, seed: 3, tbpttSteps });
      await trainer.fit();
      trainer.dispose();
    }
    expect(weightsOf(b)).toEqual(weightsOf(a));
    a.dispose();
    b.dispose();
  });

  it('cuts each batch into chunks that carry the state, one optimizer step each, and validates in the same chunks', async () => {
    const model = plastic();
    const calls = watch(model);
    const trainer = new Trainer(model, long.train, { epochs: 1, batchSize: 6, learningRate: 0.01, seed: 3, valSplit: 0.25, tbpttSteps: 10 });
    const { history } = await trainer.fit();
    // 12 training walks in 2 batches and 3 validation walks in 1, each 23 steps: chunks of 10, 10 and 3, the first of a walk from a fresh state.
    const walk = [
      { steps: 10, carried: false },
      { steps: 10, carried: true },
      { steps: 3, carried: true },
    ];
    expect(calls).toEqual([...walk, ...walk, ...walk]);
    expect(history[0]!.valLoss).not.toBeNull();
    trainer.dispose();
    model.dispose();
  });

  it('lets the memory carried across chunks learn revisits', async () => {
    const revisits = createStandardDataset({ numNodes: 6, edgeProb: 0.5, numActions: 5, numGraphs: 6, numSamplesPerGraph: 16, numTimesteps: 40, testFraction: 0.2, seed: 3 });
    const model = createGraphNetwork('rnn', { numNodes: 6, numActions: 5, hiddenDim: 32, seed: 1 });
    const trainer = new Trainer(model, revisits.train, { epochs: 6, batchSize: 8, learningRate: 0.02, seed: 2, tbpttSteps: 8 });
    const { history } = await trainer.fit();
    expect(history[5]!.trainAccuracy).toBeGreaterThan(history[0]!.trainAccuracy + 0.15);
    trainer.dispose();
    model.dispose();
  });

  it('trains on growing first steps of each walk under a curriculum, validating on whole walks', async () => {
    const model = plastic();
    const calls = watch(model);
    const trainer = new Trainer(model, long.train, { epochs: 4, batchSize: 12, seed: 3, valSplit: 0.2, curriculumStartSteps: 5, curriculumEpochs: 2 });
    await trainer.fit();
    // Per epoch one training batch, then one validation batch of whole walks.
    expect(calls.map(({ steps }) => steps)).toEqual([5, 23, 14, 23, 23, 23, 23, 23]);
    trainer.dispose();
    model.dispose();
  });

  it('resumed from a snapshot with chunks and a curriculum, ends with exactly the weights of an uninterrupted run', async () => {
    const options = { epochs: 4, batchSize: 4, learningRate: 0.01, seed: 5, tbpttSteps: 7, curriculumStartSteps: 9, curriculumEpochs: 3, warmupSteps: 20 };
    await expectExactResume(long.train, options, [2]);
    const [model, other] = [plastic(), plastic()];
    const snapshot = new Trainer(model, long.train, options).snapshot();
    expect(() => new Trainer(other, long.train, { ...options, tbpttSteps: 8 }).restore(snapshot)).toThrow("resumed tbpttSteps must be the same as this run's 8 (got 7)");
    tf.dispose([snapshot.weights, snapshot.optimizer]);
    model.dispose();
    other.dispose();
  });

  it('warms the learning rate up over the first optimizer steps, counting chunks, across epochs', async () => {
    const rates: number[] = [];
    const step = Adam.prototype.step;
    const spy = jest.spyOn(Adam.prototype, 'step').mockImplementation(function (this: Adam, ...args) {
      rates.push(this.learningRate);
      return step.apply(this, args);
    });
    const model = plastic();
    // 9 training walks in 2 batches, each of 23 steps in 2 chunks of 12 and 11: 4 optimizer steps an epoch.
    const trainer = new Trainer(model, long.train, { epochs: 2, batchSize: 6, learningRate: 0.01, scheduler: 'none', seed: 3, valSplit: 0.25, tbpttSteps: 12, warmupSteps: 6 });
    await trainer.fit();
    spy.mockRestore();
    expect(rates).toHaveLength(8);
    [1, 2, 3, 4, 5, 6, 6, 6].forEach((k, i) => expect(rates[i]).toBeCloseTo((0.01 * Math.min(1, k / 6)), 15));
    trainer.dispose();
    model.dispose();
  });

  it('leaks no tensor over epochs of chunks', async () => {
    const model = plastic();
    const trainer = new Trainer(model, long.train, { epochs: 1, batchSize: 6, seed: 1, tbpttSteps: 5, curriculumStartSteps: 12, curriculumEpochs: 2 });
    await trainer.fit();
    const before = tf.memory().numTensors;
    const more = new Trainer(model, long.train, { epochs: 2, batchSize: 6, seed: 1, tbpttSteps: 5, curriculumStartSteps: 12, curriculumEpochs: 2 });
    await more.fit();
    more.dispose();
    trainer.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    model.dispose();
  });
});
