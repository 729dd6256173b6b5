import { describe, expect, it } from '@jest/globals';
import { fairOracle, OracleOutcome, summarizeFairOracle } from '@pg/datasets';
import { oracleExpectedCorrect, scoreSteps } from '../src/step-accuracy.js';

// 0 -a1-> 2 -a1-> 0 -a1-> 2 -a3-> 4: categories firstVisit, reverse, revisit, firstVisit.
const sequence = { nodes: Int32Array.of(0, 2, 0, 2), actions: Int32Array.of(1, 1, 1, 3), targets: Int32Array.of(2, 0, 2, 4) };

describe('scoreSteps', () => {
  it('splits accuracy into first traversals, first reverse traversals and repeats', () => {
    const oracle = [fairOracle(sequence)];
    // Right on the first traversal 0 → 2 and on the repeat, wrong on the reverse and on the last first traversal.
    const predictions = [Int32Array.of(2, 1, 2, 0)];
    const score = scoreSteps([sequence], predictions, oracle, summarizeFairOracle(oracle, 5), 5);
    expect(score.steps).toBe(4);
    expect(score.accuracy).toBe(0.5);
    expect(score.chance).toBe(0.2);
    expect(score.byCategory).toEqual({ firstVisit: { steps: 2, accuracy: 0.5 }, reverse: { steps: 1, accuracy: 0 }, revisit: { steps: 1, accuracy: 1 } });
    // Directed oracle: recalls only the repeat, chance on 3 steps → (1 + 3/5) / 4 = 0.4; undirected also the reverse → (2 + 2/5) / 4 = 0.6.
    expect(score.oracle.directed.expectedAccuracy).toBeCloseTo(0.4, 12);
    expect(score.oracle.undirected.expectedAccuracy).toBeCloseTo(0.6, 12);
    expect(score.ratioToOracle.directed).toBeCloseTo(0.5 / 0.4, 12);
    expect(score.ratioToOracle.undirected).toBeCloseTo(0.5 / 0.6, 12);
  });

  it('marks an empty category with a null accuracy', () => {
    const one = { nodes: Int32Array.of(0), actions: Int32Array.of(1), targets: Int32Array.of(2) };
    const oracle = [fairOracle(one)];
    const score = scoreSteps([one], [Int32Array.of(2)], oracle, summarizeFairOracle(oracle, 3), 3);
    expect(score.byCategory.revisit).toEqual({ steps: 0, accuracy: null });
  });
});

describe('oracleExpectedCorrect', () => {
  it('counts recalled steps as right, unknown ones at chance, stale ones as wrong', () => {
    const outcomes = Uint8Array.of(OracleOutcome.recalled, OracleOutcome.unknown, OracleOutcome.stale);
    expect([...oracleExpectedCorrect(outcomes, 4)]).toEqual([1, 0.25, 0]);
  });
});
