import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chunkSteps, concatSteps, stepCount, walkSteps } from '../src/step-sequence.js';

const walk = { nodes: Int32Array.of(0, 1, 2, 1, 0), actions: Int32Array.of(0, 1, 1, 0) };

describe('walkSteps', () => {
  it('pairs each node and action with the next node, as views', () => {
    const steps = walkSteps(walk);
    expect([...steps.nodes]).toEqual([0, 1, 2, 1]);
    expect([...steps.actions]).toEqual([0, 1, 1, 0]);
    expect([...steps.targets]).toEqual([1, 2, 1, 0]);
    expect(steps.targets.buffer).toBe(walk.nodes.buffer);
    expect(() => walkSteps({ nodes: Int32Array.of(0, 1), actions: Int32Array.of(0, 0) })).toThrow(
      'walk.nodes.length must be walk.actions.length + 1 = 3 (got 2)',
    );
  });
});

describe('chunkSteps', () => {
  it('puts every step in exactly one chunk, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (values, length) => {
        const sequence = { nodes: Int32Array.from(values), actions: Int32Array.from(values, (v) => v + 1), targets: Int32Array.from(values, (v) => v + 2) };
        const chunks = chunkSteps(sequence, length);
        expect(chunks).toHaveLength(Math.ceil(values.length / length));
        for (const chunk of chunks.slice(0, -1)) expect(stepCount(chunk)).toBe(length);
        expect(chunks.flatMap((chunk) => [...chunk.nodes])).toEqual(values);
        expect(chunks.flatMap((chunk) => [...chunk.targets])).toEqual(values.map((v) => v + 2));
        for (const chunk of chunks) expect(chunk.actions.buffer).toBe(sequence.actions.buffer);
      }),
    );
    expect(() => chunkSteps(walkSteps(walk), 0)).toThrow('chunk length must be an integer ≥ 1 (got 0)');
  });
});

describe('concatSteps', () => {
  it('joins sequences and says where each starts', () => {
    const { sequence, starts } = concatSteps([walkSteps(walk), walkSteps({ nodes: Int32Array.of(3, 2), actions: Int32Array.of(5) })]);
    expect([...starts]).toEqual([0, 4]);
    expect([...sequence.nodes]).toEqual([0, 1, 2, 1, 3]);
    expect([...sequence.actions]).toEqual([0, 1, 1, 0, 5]);
    expect([...sequence.targets]).toEqual([1, 2, 1, 0, 2]);
    expect(() => concatSteps([{ nodes: Int32Array.of(1), actions: Int32Array.of(1, 2), targets: Int32Array.of(1) }])).toThrow(
      'step sequence lengths must be equal lengths of nodes, actions and targets (got [1,2,1])',
    );
  });
});
