import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createPairPartition } from '../src/pair-partition.js';

describe('createPairPartition', () => {
  it('splits every pair into disjoint train and test subsets of the asked sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 16 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (n, a, seed, share) => {
        const kTrain = 1 + Math.floor(share * (a - 2));
        const kTest = a - kTrain - (a - kTrain > 1 && seed % 2 === 0 ? 1 : 0);
        const partition = createPairPartition({ numNodes: n, numActions: a, kTrain, kTest, seed });
        for (let u = 0; u < n; u++) {
          for (let v = u + 1; v < n; v++) {
            const train = [...partition.actions('train', u, v)];
            const test = [...partition.actions('test', v, u)];
            expect(train).toHaveLength(kTrain);
            expect(test).toHaveLength(kTest);
            expect(new Set([...train, ...test]).size).toBe(kTrain + kTest);
            for (const action of [...train, ...test]) expect(action >= 0 && action < a).toBe(true);
            expect(train).toEqual([...train].sort((x, y) => x - y));
            expect([...partition.actions('train', v, u)]).toEqual(train);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('depends on the seed alone', () => {
    const options = { numNodes: 10, numActions: 8, kTrain: 4, kTest: 4 };
    const all = (seed: number) => {
      const partition = createPairPartition({ ...options, seed });
      return Array.from({ length: 9 }, (_, v) => [...partition.actions('train', 0, v + 1)]);
    };
    expect(all(3)).toEqual(all(3));
    expect(all(3)).not.toEqual(all(4));
  });

  it('gives each action to a pair’s train subset about kTrain / numActions of the time', () => {
    const partition = createPairPartition({ numNodes: 60, numActions: 6, kTrain: 2, kTest: 4, seed: 1 });
    const counts = new Array(6).fill(0);
    for (let u = 0; u < 60; u++) for (let v = u + 1; v < 60; v++) for (const action of partition.actions('train', u, v)) counts[action] += 1;
    // 1770 pairs × 2 / 6 = 590 per action.
    for (const count of counts) expect(Math.abs(count - 590)).toBeLessThan(80);
  });

  it('rejects impossible sizes and pairs', () => {
    const make = (kTrain: number, kTest: number) => () => createPairPartition({ numNodes: 5, numActions: 6, kTrain, kTest, seed: 1 });
    expect(make(0, 3)).toThrow('kTrain must be an integer in [1, 5] (got 0)');
    expect(make(4, 3)).toThrow('kTest must be an integer in [1, 2] (got 3)');
    const partition = make(3, 3)();
    expect(() => partition.actions('train', 2, 2)).toThrow('node pair must be two distinct nodes in [0, 4] (got [2,2])');
    expect(() => partition.actions('test', 0, 5)).toThrow('node pair must be two distinct nodes in [0, 4] (got [0,5])');
  });
});
