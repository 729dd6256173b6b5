import { describe, expect, it } from '@jest/globals';
import { createRng, generateActionGraph, gnpGenerator } from '@pg/graphs';
import { createGraphNetwork } from '@pg/models';
import { switchAdaptation } from '../src/switch-adaptation.js';

const graphs = [1, 2, 3].map((seed) => generateActionGraph({ generator: gnpGenerator({ numNodes: 6, edgeProb: 0.4 }), numActions: 5, rng: createRng(seed) }));

describe('switchAdaptation', () => {
  it('measures rolling accuracy and recovery across switches without resetting state', () => {
    const model = createGraphNetwork('plastic', { numNodes: 6, numActions: 5, hiddenDim: 8, seed: 1 });
    const result = switchAdaptation(model, graphs, { numGraphs: 4, repeats: 3, stepsPerGraph: 60, window: 20, seed: 2 });
    expect(result.switches).toEqual([60, 120, 180]);
    expect(result.score.steps).toBe(3 * 240);
    expect(result.curve.x).toHaveLength(240 - 20 + 1);
    expect(result.perSwitch).toHaveLength(3);
    expect(result.oracleCurves.undirectedWithReset.y).toHaveLength(221);
    // Before the first switch the two oracles are the same oracle.
    expect(result.oracleCurves.undirectedWithReset.y.slice(0, 41)).toEqual(result.oracleCurves.undirected.y.slice(0, 41));
    // The per-switch numbers are stepsToRecover on the repeat-averaged accuracy, which the rolling curve summarises.
    const firstWindowMean = result.curve.y[result.switches[0]! - 20]!;
    expect(result.perSwitch[0]!.levelBefore).toBeCloseTo(firstWindowMean, 12);
    // The levels before the switches: the model's is the recovery's; the oracles' are their rolling curves' at the same steps.
    expect(result.levelBefore.model).toBeCloseTo(result.recovery.levelBefore, 12);
    const beforeSwitches = (curve: { y: ArrayLike<number> }) => result.switches.reduce((sum, at) => sum + curve.y[at - 20]!, 0) / result.switches.length;
    expect(result.levelBefore.undirected).toBeCloseTo(beforeSwitches(result.oracleCurves.undirected), 12);
    expect(result.levelBefore.directed).toBeLessThan(result.levelBefore.undirected);
    expect(switchAdaptation(model, graphs, { numGraphs: 4, repeats: 3, stepsPerGraph: 60, window: 20, seed: 2 })).toEqual(result);
    model.dispose();
  });

  it('rejects settings it cannot measure', () => {
    const model = createGraphNetwork('rnn', { numNodes: 6, numActions: 5, hiddenDim: 4 });
    const options = { numGraphs: 3, repeats: 1, stepsPerGraph: 10, window: 5 };
    expect(() => switchAdaptation(model, graphs.slice(0, 1), options)).toThrow('graphs must be at least 2 distinct graphs to switch between (got 1)');
    expect(() => switchAdaptation(model, graphs, { ...options, window: 11 })).toThrow('window must be an integer in [1, stepsPerGraph 10] (got 11)');
    expect(() => switchAdaptation(model, graphs, { ...options, numGraphs: 1 })).toThrow('numGraphs must be an integer ≥ 2 (got 1)');
    model.dispose();
  });
});
