import { describe, expect, it } from '@jest/globals';
import { createRng, randomInt } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import { ModelError } from '../src/errors.js';
import { PlasticGraphNetwork } from '../src/plastic-graph-network.js';
import { decodeVector, encodeRows, linearVector, maxDifference, reluVector, weightMatrix } from './helpers.js';

/** The seed's plastic loop in plain arithmetic, one sequence at a time. */
function referenceLogits(
  network: PlasticGraphNetwork,
  nodes: number[][],
  actions: number[][],
  initial: number[][][],
  reverseWrite = false,
  writeRule: 'hebbian' | 'delta' = 'hebbian',
): number[][][] {
  const { numNodes: n, numActions: a } = network;
  const w = (name: string) => weightMatrix(network, name);
  const c1 = (x: number, action: number, mode: [number, number]) => {
    const input = [...oneHot(x, n), ...oneHot(action, a), ...mode];
    return reluVector(linearVector(input, w('c1/kernel'), w('c1/bias')[0]!));
  };
  const ca = (x: number) => reluVector(linearVector(oneHot(x, n), w('ca/kernel'), w('ca/bias')[0]!));
  return nodes.map((sequence, b) => {
    const fast = initial[b]!.map((row) => [...row]);
    return sequence.map((x, t) => {
      if (t > 0) {
        const pairs = [[c1(sequence[t - 1]!, actions[b]![t - 1]!, [0, 1]), ca(x)]];
        if (reverseWrite) pairs.push([c1(x, actions[b]![t - 1]!, [0, 1]), ca(sequence[t - 1]!)]);
        if (writeRule === 'hebbian') for (const [k, v] of pairs) fast.forEach((row, i) => row.forEach((_, j) => (row[j]! += v![i]! * k![j]!)));
        else {
          // Every pair of the step reads the memory before it: W += (v − W k̂) k̂ᵀ.
          const before = fast.map((row) => [...row]);
          for (const [k, v] of pairs) {
            const unit = k!.map((x) => x / Math.max(Math.hypot(...k!), 1e-8));
            before.forEach((row, i) => {
              const stored = row.reduce((total, x, j) => total + x * unit[j]!, 0);
              unit.forEach((u, j) => (fast[i]![j]! += (v![i]! - stored) * u));
            });
          }
        }
        for (const row of fast) {
          const norm = Math.max(Math.hypot(...row), 1e-8);
          row.forEach((value, j) => (row[j] = value / norm));
        }
      }
      const q = c1(x, actions[b]![t]!, [1, 0]);
      const h = reluVector(fast.map((row) => row.reduce((total, value, j) => total + value * q[j]!, 0)));
      return decodeVector(network, h);
    });
  });
}

const oneHot = (index: number, size: number) => Array.from({ length: size }, (_, i) => (i === index ? 1 : 0));

function randomSequences(seed: number, batchSize: number, length: number, n: number, a: number) {
  const rng = createRng(seed);
  const draw = (size: number) => Array.from({ length: batchSize }, () => Array.from({ length }, () => randomInt(rng, size)));
  return { nodes: draw(n), actions: draw(a) };
}

describe('PlasticGraphNetwork', () => {
  for (const writeRule of ['hebbian', 'delta'] as const) {
    for (const reverseWrite of [false, true]) {
      const name = writeRule === 'hebbian' ? "the seed's equations" : 'the delta rule';
      it(`computes ${name} step by step${reverseWrite ? ' (with reverseWrite)' : ''}`, () => {
        const network = new PlasticGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 3, seed: 11, reverseWrite, writeRule });
        const { nodes, actions } = randomSequences(4, 2, 7, 5, 3);
        const state = network.initialState(2);
        const initial = state.fastWeights.arraySync();
        const logits = network.forward(tf.tensor3d(encodeRows(nodes, actions, 5, 3)), state);
        const expected = tf.tensor3d(referenceLogits(network, nodes, actions, initial, reverseWrite, writeRule));
        expect(maxDifference(logits, expected)).toBeLessThan(1e-5);
      });
    }
  }

  it("has the original's parameter counts", () => {
    const counts = (numNodes: number, numActions: number, hiddenDim: number) =>
      new PlasticGraphNetwork({ numNodes, numActions, hiddenDim }).countParameters();
    expect(counts(8, 10, 128)).toEqual({ slow: 8232, fast: 16_384 });
    expect(counts(50, 15, 128)).toEqual({ slow: 29_602, fast: 16_384 }); // plastic_disjoint
  });

  it('sizes the decoder as floor(sqrt(hiddenDim · numNodes)) unless told', () => {
    expect(new PlasticGraphNetwork({ numNodes: 8, numActions: 10, hiddenDim: 128 }).intermediateDim).toBe(32);
    expect(new PlasticGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64 }).intermediateDim).toBe(35);
    expect(new PlasticGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 3, intermediateDim: 7 }).intermediateDim).toBe(7);
  });

  it('names its weights as the seed names its layers, variants under plastic/', () => {
    const plain = new PlasticGraphNetwork({ numNodes: 4, numActions: 2, hiddenDim: 3 });
    expect([...plain.namedVariables.keys()]).toEqual([
      'decoder/hidden/kernel',
      'decoder/hidden/bias',
      'decoder/output/kernel',
      'decoder/output/bias',
      'c1/kernel',
      'c1/bias',
      'ca/kernel',
      'ca/bias',
    ]);
    expect(plain.namedVariables.get('c1/kernel')!.shape).toEqual([8, 3]);
    const variants = new PlasticGraphNetwork({ numNodes: 4, numActions: 2, hiddenDim: 3, decay: true, gatedWrite: true });
    expect([...variants.namedVariables.keys()].filter((name) => name.startsWith('plastic/'))).toEqual([
      'plastic/retention',
      'plastic/gate/kernel',
      'plastic/gate/bias',
    ]);
    expect(variants.countParameters().slow - plain.countParameters().slow).toBe(3 + 6 + 1);
  });

  it('rejects the seed config key batchSize, saying where the batch size goes', () => {
    expect(() => new PlasticGraphNetwork({ numNodes: 4, numActions: 2, hiddenDim: 3, batchSize: 32 } as never)).toThrow(
      'batchSize must be left out: a network is not sized per batch (pass the batch size to initialState) (got 32)',
    );
  });

  it('rejects invalid configurations with ModelErrors naming the field', () => {
    const base = { numNodes: 4, numActions: 2, hiddenDim: 3 };
    expect(() => new PlasticGraphNetwork({ ...base, hiddenDim: 1.5 })).toThrow('hiddenDim must be an integer ≥ 1 (got 1.5)');
    expect(() => new PlasticGraphNetwork({ ...base, reverseWrite: 'yes' as never })).toThrow(
      'reverseWrite must be true or false (got "yes")',
    );
    expect(() => new PlasticGraphNetwork({ ...base, writeRule: 'Delta' as never })).toThrow('writeRule must be one of "hebbian", "delta" (got "Delta")');
    expect(() => new PlasticGraphNetwork({ ...base, hidden_dim: 3 } as never)).toThrow(ModelError);
    expect(() => new PlasticGraphNetwork({ ...base, hidden_dim: 3 } as never)).toThrow('config key must be one of');
  });
});
