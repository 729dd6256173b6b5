import { describe, expect, it } from '@jest/globals';
import { createRng, generateActionGraph, gnpGenerator } from '@pg/graphs';
import { createGraphNetwork } from '@pg/models';
import * as tf from '@tensorflow/tfjs-core';
import { longExploration } from '../src/long-exploration.js';

const graphs = [1, 2].map((seed) => generateActionGraph({ generator: gnpGenerator({ numNodes: 6, edgeProb: 0.4 }), numActions: 5, rng: createRng(seed) }));

describe('longExploration', () => {
  it('gives rolling accuracy and oracle ceilings over long walks, run in chunks', () => {
    const model = createGraphNetwork('plastic', { numNodes: 6, numActions: 5, hiddenDim: 8, seed: 1 });
    const before = tf.memory().numTensors;
    const result = longExploration(model, graphs, { steps: 300, window: 50, explorations: 3, chunkLength: 64, seed: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.curve.x).toHaveLength(251);
    expect(result.curve.x[0]).toBe(49);
    expect(result.oracleCurves.undirected.y).toHaveLength(251);
    expect(result.score.steps).toBe(900);
    expect(result.finalAccuracy).toBe(result.curve.y[250]);
    // On small graphs walked 300 steps, nearly every late step is knowable.
    expect(result.oracleCurves.undirected.y[250]).toBeGreaterThan(0.95);
    // The original's statistic weighs the early steps (little known yet) more than the plain mean does.
    const { seedRollingAverage: seed } = result;
    expect(seed.undirected).toBeLessThan(result.score.oracle.undirected.expectedAccuracy);
    expect(seed.directed).toBeLessThanOrEqual(seed.undirected);
    expect(seed.model).toBeGreaterThanOrEqual(0);
    // The late window, the last quarter by default: the oracles know nearly everything by then.
    expect(result.late).toMatchObject({ from: 225, steps: 75 });
    expect(result.late.undirected).toBeGreaterThan(0.95);
    expect(result.late.directed).toBeLessThanOrEqual(result.late.undirected);
    const late = longExploration(model, graphs, { steps: 300, window: 50, explorations: 3, chunkLength: 64, seed: 5, lateFrom: 299 });
    expect(late.late.steps).toBe(1);
    expect([0, 1 / 3, 2 / 3, 1]).toContainEqual(late.late.model);
    expect(longExploration(model, graphs, { steps: 300, window: 50, explorations: 3, chunkLength: 300, seed: 5 })).toEqual(result);
    model.dispose();
  });

  it('needs a graph and a late window inside the walk', () => {
    const model = createGraphNetwork('rnn', { numNodes: 6, numActions: 5, hiddenDim: 4 });
    expect(() => longExploration(model, [], { steps: 10, window: 2 })).toThrow('graphs must be at least one graph to explore (got 0)');
    expect(() => longExploration(model, graphs, { steps: 10, window: 2, lateFrom: 10 })).toThrow('lateFrom must be an integer step in [0, 9] (the walk has 10 steps) (got 10)');
    model.dispose();
  });
});
