import { describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import { ModelError } from '../src/errors.js';
import { PlasticLayer } from '../src/plastic-layer.js';
import { values } from './helpers.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('PlasticLayer', () => {
  it('writes v kᵀ into each row, renormalises, and reads relu(W q) (H = 2, by hand)', () => {
    const layer = new PlasticLayer({ hiddenDim: 2 });
    const w0 = tf.tensor3d([[[1, 0], [0, 1]]]);
    // Row 0 gains v[0] k = 3 [1, 2] → [4, 6] / √52; row 1 gains 0 and stays [0, 1].
    const w1 = layer.write(w0, tf.tensor2d([[1, 2]]), tf.tensor2d([[3, 0]]));
    const r = Math.sqrt(52);
    expect(values(w1)).toEqual([4 / r, 6 / r, 0, 1].map((v) => expect.closeTo(v, 6)));
    // W q = [(8 - 6) / √52, -1]; the relu clears the negative row.
    expect(values(layer.read(w1, tf.tensor2d([[2, -1]])))).toEqual([expect.closeTo(2 / r, 6), 0]);
    expect(values(layer.read(w1, tf.tensor2d([[2, 1]])))).toEqual([expect.closeTo(14 / r, 5), expect.closeTo(1, 6)]);
    expect(values(w0)).toEqual([1, 0, 0, 1]); // the state given is left intact
  });

  it('divides a zero row by the 1e-8 floor instead of by zero (H = 3)', () => {
    const layer = new PlasticLayer({ hiddenDim: 3 });
    const w = layer.write(tf.zeros([1, 3, 3]), tf.tensor2d([[3, 4, 0]]), tf.tensor2d([[1, 0, 0]]));
    expect(values(w)).toEqual([0.6, 0.8, 0, 0, 0, 0, 0, 0, 0].map((v) => expect.closeTo(v, 6)));
  });

  it('writes several pairs in one step as the sum of their outer products', () => {
    const layer = new PlasticLayer({ hiddenDim: 3 });
    const w0 = layer.initialState(2, createRng(1));
    const keys = tf.randomNormal<tf.Rank.R3>([2, 2, 3], 0, 1, 'float32', 1);
    const vals = tf.randomNormal<tf.Rank.R3>([2, 2, 3], 0, 1, 'float32', 2);
    const together = layer.write(w0, keys, vals);
    const summed = tf.add(w0, tf.add(outer(vals, keys, 0), outer(vals, keys, 1)));
    const expected = tf.div(summed, tf.norm(summed, 'euclidean', 2, true));
    expect(values(together)).toEqual(values(expected).map((v) => expect.closeTo(v, 5)));
  });

  it('starts from standard-normal rows of norm 1, reproducibly from the generator', () => {
    const layer = new PlasticLayer({ hiddenDim: 4 });
    const w = layer.initialState(3, createRng(7));
    expect(w.shape).toEqual([3, 4, 4]);
    expect(values(tf.norm(w, 'euclidean', 2))).toEqual(new Array(12).fill(expect.closeTo(1, 5)));
    expect(values(layer.initialState(3, createRng(7)))).toEqual(values(w));
    expect(values(layer.initialState(3, createRng(8)))).not.toEqual(values(w));
  });

  it('scales the old weights by a learned per-row retention with decay', () => {
    const layer = new PlasticLayer({ hiddenDim: 2, decay: true });
    const retention = sigmoid(3);
    const w = layer.write(tf.tensor3d([[[1, 0], [0, 1]]]), tf.tensor2d([[1, 2]]), tf.tensor2d([[3, 0]]));
    const row0 = [retention + 3, 6];
    const norm = Math.hypot(...row0);
    expect(values(w)).toEqual([row0[0]! / norm, row0[1]! / norm, 0, 1].map((v) => expect.closeTo(v, 5)));
    expect([...layer.namedVariables.keys()]).toEqual(['retention']);
    expect(layer.countParameters()).toEqual({ slow: 2, fast: 4 });
  });

  it('scales each write by a learned gate σ(g · [k ‖ v] + b) with gatedWrite', () => {
    const layer = new PlasticLayer({ hiddenDim: 2, gatedWrite: true, seed: 3 });
    const g = values(layer.namedVariables.get('gate/kernel')!);
    const b = values(layer.namedVariables.get('gate/bias')!)[0]!;
    const [k, v] = [[1, 2], [3, 0]];
    const strength = sigmoid(g[0]! * 1 + g[1]! * 2 + g[2]! * 3 + g[3]! * 0 + b);
    const w = layer.write(tf.tensor3d([[[1, 0], [0, 1]]]), tf.tensor2d([k]), tf.tensor2d([v]));
    const row0 = [1 + 3 * strength, 6 * strength];
    const norm = Math.hypot(...row0);
    expect(values(w)).toEqual([row0[0]! / norm, row0[1]! / norm, 0, 1].map((x) => expect.closeTo(x, 5)));
    expect(layer.countParameters()).toEqual({ slow: 5, fast: 4 });
  });

  it('has no parameters with the defaults and round-trips its configuration', () => {
    const layer = new PlasticLayer({ hiddenDim: 5 });
    expect(layer.trainableVariables).toEqual([]);
    expect(layer.getConfig()).toEqual({ hiddenDim: 5, decay: false, gatedWrite: false, writeRule: 'hebbian', seed: 0 });
    expect(PlasticLayer.fromConfig(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
    const delta = new PlasticLayer({ hiddenDim: 5, writeRule: 'delta', decay: true });
    expect(PlasticLayer.fromConfig(delta.getConfig()).getConfig()).toEqual({ hiddenDim: 5, decay: true, gatedWrite: false, writeRule: 'delta', seed: 0 });
  });

  describe("with writeRule: 'delta'", () => {
    it('replaces what the unit key reads: W + (v − W k̂) k̂ᵀ, then renormalises (H = 2, by hand)', () => {
      const layer = new PlasticLayer({ hiddenDim: 2, writeRule: 'delta' });
      // k̂ = [0.6, 0.8]; W k̂ = k̂, so v − W k̂ = [0.4, −0.8] and W + (v − W k̂) k̂ᵀ = [[1.24, 0.32], [−0.48, 0.36]],
      // which maps k̂ to v = [1, 0] exactly; its rows have norms √1.64 and 0.6.
      const w1 = layer.write(tf.tensor3d([[[1, 0], [0, 1]]]), tf.tensor2d([[3, 4]]), tf.tensor2d([[1, 0]]));
      const r = Math.sqrt(1.64);
      expect(values(w1)).toEqual([1.24 / r, 0.32 / r, -0.8, 0.6].map((v) => expect.closeTo(v, 6)));
    });

    it('forgets the previous value of a key, where the Hebbian rule adds both (H = 4)', () => {
      const key = tf.tensor2d([[1, 2, 0, 2]]);
      const read = (writeRule: 'hebbian' | 'delta') => {
        const layer = new PlasticLayer({ hiddenDim: 4, writeRule });
        const w0 = layer.initialState(1, createRng(2));
        const w1 = layer.write(w0, key, tf.tensor2d([[0, 0, 5, 0]]));
        const w2 = layer.write(w1, key, tf.tensor2d([[3, 0, 0, 0]]));
        return values(layer.read(w2, tf.div(key, 3) as tf.Tensor2D));
      };
      // Each row i of the delta rule's W then maps k̂ to v[i] / ‖row‖: only the last value's component is left.
      expect(read('delta').map((x) => Math.abs(x) < 1e-6)).toEqual([false, true, true, true]);
      expect(read('hebbian')[2]).toBeGreaterThan(0.1);
    });

    it('writes the pairs of one step from the same memory, each scaled by its gate, after the decay', () => {
      const layer = new PlasticLayer({ hiddenDim: 3, writeRule: 'delta', decay: true, gatedWrite: true, seed: 5 });
      const w0 = layer.initialState(2, createRng(4));
      const keys = tf.randomNormal<tf.Rank.R3>([2, 2, 3], 0, 1, 'float32', 1);
      const vals = tf.randomNormal<tf.Rank.R3>([2, 2, 3], 0, 1, 'float32', 2);
      const written = layer.write(w0, keys, vals);
      // By hand in plain arithmetic: D = ρ ⊙ W, then each pair adds η_p (v_p − D k̂_p) k̂_pᵀ with D before the step.
      const rho = values(tf.sigmoid(layer.namedVariables.get('retention')!));
      const g = values(layer.namedVariables.get('gate/kernel')!);
      const bias = values(layer.namedVariables.get('gate/bias')!)[0]!;
      const [w, k, v] = [w0, keys, vals].map((x) => x.arraySync() as number[][][]);
      const expected = w!.flatMap((matrix, b) => {
        const kept = matrix.map((row, i) => row.map((x) => rho[i]! * x));
        const next = kept.map((row) => [...row]);
        for (let p = 0; p < 2; p++) {
          const raw = k![b]![p]!;
          const unit = raw.map((x) => x / Math.hypot(...raw));
          const strength = sigmoid([...raw, ...v![b]![p]!].reduce((sum, x, j) => sum + x * g[j]!, bias));
          kept.forEach((row, i) => {
            const stored = row.reduce((sum, x, j) => sum + x * unit[j]!, 0);
            unit.forEach((u, j) => (next[i]![j]! += strength * (v![b]![p]![i]! - stored) * u));
          });
        }
        return next.flatMap((row) => row.map((x) => x / Math.hypot(...row)));
      });
      expect(values(written)).toEqual(expected.map((x) => expect.closeTo(x, 5)));
    });

    it('leaves rows of norm 1 as they are for a zero key (it writes nothing)', () => {
      const layer = new PlasticLayer({ hiddenDim: 3, writeRule: 'delta' });
      const w0 = layer.initialState(1, createRng(3));
      const w1 = layer.write(w0, tf.zeros([1, 3]) as tf.Tensor2D, tf.tensor2d([[1, 2, 3]]));
      expect(values(w1)).toEqual(values(w0).map((x) => expect.closeTo(x, 6)));
    });
  });

  it('rejects bad arguments with ModelErrors', () => {
    expect(() => new PlasticLayer({ hiddenDim: 0 })).toThrow('hiddenDim must be an integer ≥ 1 (got 0)');
    expect(() => new PlasticLayer({ hiddenDim: 2, decay: 1 as never })).toThrow(ModelError);
    expect(() => new PlasticLayer({ hiddenDim: 2, writeRule: 'oja' as never })).toThrow('writeRule must be one of "hebbian", "delta" (got "oja")');
    const layer = new PlasticLayer({ hiddenDim: 2 });
    const w = tf.zeros([1, 2, 2]) as tf.Tensor3D;
    const zeros = (shape: number[]) => tf.zeros(shape) as unknown as tf.Tensor2D;
    expect(() => layer.write(w, zeros([1, 3]), zeros([1, 3]))).toThrow('key shape must be [B, 2] (got [1,3])');
    expect(() => layer.write(w, zeros([1, 2]), zeros([1, 1, 2]))).toThrow('value shape must be [B, 2]');
    expect(() => layer.read(w, tf.zeros([1, 1, 2]) as never)).toThrow('query shape must be [B, 2]');
    expect(() => layer.initialState(0, createRng(1))).toThrow('batchSize must be an integer ≥ 1 (got 0)');
  });
});

/** `v_p k_pᵀ` of pair `p` of `[B, P, H]` values and keys. */
function outer(vals: tf.Tensor3D, keys: tf.Tensor3D, p: number): tf.Tensor3D {
  const pick = (x: tf.Tensor3D) => tf.slice(x, [0, p, 0], [-1, 1, -1]);
  return tf.matMul(pick(vals), pick(keys), true, false);
}
