import { describe, expect, it } from '@jest/globals';
import { ModelError } from '../src/errors.js';
import { WeightStore } from '../src/weight-store.js';
import { values } from './helpers.js';

describe('WeightStore', () => {
  it('seeds each weight by its name, so other weights never shift it', () => {
    const a = new WeightStore(3);
    const first = a.uniform('first', [2, 3], 1);
    const b = new WeightStore(3);
    b.normal('other', [4], 1);
    expect(values(b.uniform('first', [2, 3], 1))).toEqual(values(first));
    expect(values(new WeightStore(4).uniform('first', [2, 3], 1))).not.toEqual(values(first));
  });

  it('lists, counts, adopts and frees its variables', () => {
    const store = new WeightStore(0);
    store.filled('scale', [3], 1);
    const inner = new WeightStore(1);
    inner.uniform('gate', [2, 2], 0.1);
    store.adopt('layer', inner.variables);
    expect([...store.variables.keys()]).toEqual(['scale', 'layer/gate']);
    expect(store.size).toBe(7);
    expect(values(store.variables.get('scale')!)).toEqual([1, 1, 1]);
    expect(() => store.filled('scale', [1], 0)).toThrow(new ModelError('weight name', 'scale', 'unique within a network (this one is defined twice)'));
    store.dispose();
    expect([...store.variables.values()].every((variable) => variable.isDisposed)).toBe(true);
  });
});
