import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { createRng, generateActionGraph, gnpGenerator, randomWalk } from '@pg/graphs';
import { encodeSteps } from '../src/encode-steps.js';
import { chunkSteps, walkSteps } from '../src/step-sequence.js';

describe('encodeSteps', () => {
  it('writes one-hot node and action blocks per row, and the targets', () => {
    const sequences = [
      { nodes: Int32Array.of(0, 2), actions: Int32Array.of(1, 0), targets: Int32Array.of(2, 1) },
      { nodes: Int32Array.of(1, 1), actions: Int32Array.of(0, 1), targets: Int32Array.of(0, 2) },
    ];
    const { inputs, targets } = encodeSteps(sequences, { numNodes: 3, numActions: 2 });
    expect(inputs.shape).toEqual([2, 2, 5]);
    expect(inputs.dtype).toBe('float32');
    expect(targets.shape).toEqual([2, 2]);
    expect(targets.dtype).toBe('int32');
    expect(inputs.arraySync()).toEqual([
      [
        [1, 0, 0, 0, 1],
        [0, 0, 1, 1, 0],
      ],
      [
        [0, 1, 0, 1, 0],
        [0, 1, 0, 0, 1],
      ],
    ]);
    expect(targets.arraySync()).toEqual([
      [2, 1],
      [0, 2],
    ]);
    tf.dispose([inputs, targets]);
  });

  it('encodes random walks so that decoding gives them back, with exactly two tensors per call', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 }), (seed, batch, length) => {
        const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 12, edgeProb: 0.3 }), numActions: 9, rng: createRng(seed) });
        const rng = createRng(seed);
        const sequences = Array.from({ length: batch }, () => walkSteps(randomWalk(graph, { steps: length, rng })));
        const before = tf.memory().numTensors;
        const { inputs, targets } = encodeSteps(sequences, { numNodes: 12, numActions: 9 });
        expect(tf.memory().numTensors).toBe(before + 2);
        const rows = inputs.arraySync();
        const wanted = targets.arraySync();
        sequences.forEach((sequence, b) => {
          rows[b]!.forEach((row, t) => {
            expect(row.reduce((sum, x) => sum + x, 0)).toBe(2);
            expect(row.indexOf(1)).toBe(sequence.nodes[t]);
            expect(row.lastIndexOf(1)).toBe(12 + sequence.actions[t]!);
            expect(wanted[b]![t]).toBe(sequence.targets[t]);
            expect(graph.next(sequence.nodes[t]!, sequence.actions[t]!)).toBe(sequence.targets[t]);
          });
        });
        tf.dispose([inputs, targets]);
      }),
      { numRuns: 25 },
    );
  });

  it('encodes a 2000-step exploration chunk by chunk without growing the tensor count', () => {
    const graph = generateActionGraph({ generator: gnpGenerator({ numNodes: 50, edgeProb: 0.1 }), numActions: 15, rng: createRng(3) });
    const steps = walkSteps(randomWalk(graph, { steps: 2000, rng: createRng(4) }));
    const before = tf.memory().numTensors;
    let total = 0;
    for (const chunk of chunkSteps(steps, 128)) {
      const { inputs, targets } = encodeSteps([chunk], graph);
      total += inputs.shape[1];
      expect(targets.shape).toEqual([1, inputs.shape[1]]);
      tf.dispose([inputs, targets]);
    }
    expect(total).toBe(2000);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects values out of range and uneven sequences, making no tensor', () => {
    const size = { numNodes: 3, numActions: 2 };
    const one = (node: number, action: number, target: number) => ({ nodes: Int32Array.of(node), actions: Int32Array.of(action), targets: Int32Array.of(target) });
    const before = tf.memory().numTensors;
    expect(() => encodeSteps([one(3, 0, 0)], size)).toThrow('node must be in [0, 2] (got 3)');
    expect(() => encodeSteps([one(0, -1, 0)], size)).toThrow('action must be in [0, 1] (got -1)');
    expect(() => encodeSteps([one(0, 0, 5)], size)).toThrow('target must be in [0, 2] (got 5)');
    expect(() => encodeSteps([one(0, 0, 1), walkSteps({ nodes: Int32Array.of(0, 1, 2), actions: Int32Array.of(0, 1) })], size)).toThrow(
      'length of sequence 1 must be the length of sequence 0, 1 (got 2)',
    );
    expect(() => encodeSteps([], size)).toThrow('sequences must be at least one sequence (got [])');
    expect(() => encodeSteps([one(0, 0, 1)], { numNodes: 0, numActions: 2 })).toThrow('numNodes must be an integer ≥ 1 (got 0)');
    expect(tf.memory().numTensors).toBe(before);
  });
});
