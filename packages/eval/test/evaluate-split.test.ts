import { describe, expect, it } from '@jest/globals';
import { createDisjointDataset, fairOracleRates } from '@pg/datasets';
import { createGraphNetwork } from '@pg/models';
import * as tf from '@tensorflow/tfjs-core';
import { evaluateSplit, evaluateSplitByBatch } from '../src/evaluate-split.js';

const dataset = createDisjointDataset({ numNodes: 8, edgeProb: 0.3, numActions: 10, numGraphs: 10, numSamplesPerGraph: 5, numTimesteps: 30, testFraction: 0.3, seed: 4 });

describe('evaluateSplit', () => {
  it('scores every step of every walk, beside the split’s fair oracles', () => {
    const model = createGraphNetwork('gru', { numNodes: 8, numActions: 10, hiddenDim: 8, seed: 2 });
    const before = tf.memory().numTensors;
    const result = evaluateSplit(model, dataset.test, { batchSize: 4, seed: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.steps).toBe(3 * 5 * 29);
    const { firstVisit, reverse, revisit } = result.byCategory;
    expect(firstVisit.steps + reverse.steps + revisit.steps).toBe(result.steps);
    const weighted = (firstVisit.steps * firstVisit.accuracy! + reverse.steps * reverse.accuracy! + revisit.steps * revisit.accuracy!) / result.steps;
    expect(weighted).toBeCloseTo(result.accuracy, 12);
    expect(result.oracle).toEqual(fairOracleRates(dataset.test));
    expect(evaluateSplit(model, dataset.test, { batchSize: 7, seed: 1 }).accuracy).toBe(result.accuracy);
    model.dispose();
  });

  it('can be run one batch at a time, to the same result', () => {
    const model = createGraphNetwork('gru', { numNodes: 8, numActions: 10, hiddenDim: 8, seed: 2 });
    const work = evaluateSplitByBatch(model, dataset.test, { batchSize: 4, seed: 1 });
    let batches = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) batches += 1;
    expect(batches).toBe(Math.ceil(15 / 4));
    expect(step.value).toEqual(evaluateSplit(model, dataset.test, { batchSize: 4, seed: 1 }));
    model.dispose();
  });
});
