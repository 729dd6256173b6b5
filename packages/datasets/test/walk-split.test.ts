import { describe, expect, it } from '@jest/globals';
import { WalkSplit } from '../src/walk-split.js';
import { PATH4, splitOf } from './fixtures.js';

describe('WalkSplit', () => {
  const split = splitOf([PATH4, PATH4], [
    { graph: 0, nodes: [0, 1, 2, 3] },
    { graph: 1, nodes: [3, 2, 1, 2] },
  ]);

  it('reads walks as views into its flat arrays', () => {
    expect(split.numWalks).toBe(2);
    const walk = split.walk(1);
    expect([...walk.nodes]).toEqual([3, 2, 1, 2]);
    expect([...walk.actions]).toEqual([0, 1, 1]);
    expect(walk.nodes.buffer).toBe(split.nodes.buffer);
    expect(walk.nodes.byteOffset).toBe(4 * 4);
    expect(walk.actions.buffer).toBe(split.actions.buffer);
    expect(split.graphOf(1)).toBe(PATH4);
    expect(split.byteLength).toBe(4 * (8 + 6 + 2));
  });

  it('gives the prediction steps of a walk', () => {
    const steps = split.steps(0);
    expect([...steps.nodes]).toEqual([0, 1, 2]);
    expect([...steps.actions]).toEqual([0, 1, 0]);
    expect([...steps.targets]).toEqual([1, 2, 3]);
  });

  it('rejects arrays that do not fit together', () => {
    const base = { name: 'test' as const, numNodes: 4, numActions: 2, numTimesteps: 3, graphs: [PATH4] };
    const ok = { ...base, nodes: new Int32Array(3), actions: new Int32Array(2), graphIndex: new Int32Array(1) };
    expect(new WalkSplit(ok).numWalks).toBe(1);
    expect(() => new WalkSplit({ ...ok, nodes: new Int32Array(4) })).toThrow('nodes.length must be numWalks × numTimesteps = 1 × 3 (got 4)');
    expect(() => new WalkSplit({ ...ok, actions: new Int32Array(3) })).toThrow('actions.length must be numWalks × (numTimesteps − 1) = 1 × 2 (got 3)');
    expect(() => new WalkSplit({ ...ok, graphIndex: Int32Array.of(1) })).toThrow('graphIndex entry must be an integer in [0, 0] (got 1)');
    expect(() => new WalkSplit({ ...ok, numActions: 3 })).toThrow('graph size must be [numNodes, numActions] = [4, 3] (got [4,2])');
    expect(() => new WalkSplit({ ...ok, numTimesteps: 1 })).toThrow('numTimesteps must be an integer ≥ 2 (got 1)');
    expect(() => split.walk(2)).toThrow('walk index must be an integer in [0, 1] (got 2)');
  });
});
