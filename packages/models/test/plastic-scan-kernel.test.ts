import { describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import { scanBackward, scanForward, type ScanInputs } from '../src/plastic-scan-kernel.js';

/** Consistent random inputs: products of random keys, queries and a row-normalised W_0. */
function randomInputs(seed: number, batchSize: number, length: number, hiddenDim: number, writeSteps: Int32Array): ScanInputs {
  const rng = createRng(seed);
  const uniform = () => (rng.next() >>> 0) / 2 ** 32;
  const H = hiddenDim;
  const N = writeSteps.length;
  const matrix = (rows: number, positive = false) => Array.from({ length: rows }, () => Array.from({ length: H }, () => (positive ? uniform() : uniform() - 0.5)));
  const dot = (x: number[], y: number[]) => x.reduce((sum, value, i) => sum + value * y[i]!, 0);
  const wq = new Float32Array(batchSize * length * H);
  const a = new Float32Array(batchSize * length * N);
  const wk = new Float32Array(batchSize * N * H);
  const g = new Float32Array(batchSize * N * N);
  const v = new Float32Array(batchSize * N * H);
  for (let b = 0; b < batchSize; b++) {
    const w0 = matrix(H).map((row) => row.map((x) => x / Math.hypot(...row)));
    const q = matrix(length);
    const k = matrix(N, true);
    const values = matrix(N, true);
    q.forEach((qt, t) => {
      w0.forEach((row, i) => (wq[(b * length + t) * H + i] = dot(row, qt)));
      k.forEach((kn, n) => (a[(b * length + t) * N + n] = dot(kn, qt)));
    });
    k.forEach((kn, n) => {
      w0.forEach((row, i) => (wk[(b * N + n) * H + i] = dot(row, kn)));
      k.forEach((km, m) => (g[(b * N + n) * N + m] = dot(kn, km)));
      values[n]!.forEach((x, i) => (v[(b * N + n) * H + i] = 3 * x));
    });
  }
  const rho = Float32Array.from({ length: H }, () => 0.6 + 0.4 * uniform());
  return { batchSize, length, hiddenDim: H, writeSteps, wq, a, wk, g, v, rho };
}

describe('the plastic scan kernel', () => {
  it('gives the same outputs and gradients whether or not it rebases its coefficients', () => {
    const writeSteps = Int32Array.of(1, 2, 3, 3, 5, 6, 7, 7, 9, 10, 11);
    const inputs = randomInputs(1, 2, 12, 5, writeSteps);
    const plain = scanForward({ ...inputs, rebaseAbove: 1e9 });
    const rebased = scanForward({ ...inputs, rebaseAbove: 0.05 });
    expect(plain.records.every((record) => record.rebases.length === 0)).toBe(true);
    expect(rebased.records.every((record) => record.rebases.length > 3)).toBe(true);
    const close = (x: ArrayLike<number>, y: ArrayLike<number>) => Array.from(x).every((value, i) => Math.abs(value - y[i]!) <= 1e-5 * (1 + Math.abs(y[i]!)));
    expect(close(rebased.reads, plain.reads)).toBe(true);
    expect(close(rebased.e, plain.e)).toBe(true);
    expect(close(rebased.m, plain.m)).toBe(true);
    const rng = createRng(2);
    const random = (size: number) => Float64Array.from({ length: size }, () => (rng.next() >>> 0) / 2 ** 32 - 0.5);
    const dy = { reads: Float32Array.from(random(plain.reads.length)), e: random(plain.e.length), m: random(plain.m.length) };
    const gradsPlain = scanBackward({ ...inputs, rebaseAbove: 1e9 }, dy, plain.records);
    const gradsRebased = scanBackward({ ...inputs, rebaseAbove: 0.05 }, dy, rebased.records);
    for (const key of ['wq', 'a', 'wk', 'g', 'v', 'rho'] as const) expect([key, close(gradsRebased[key], gradsPlain[key])]).toEqual([key, true]);
  });

  it('has gradients that match finite differences', () => {
    const writeSteps = Int32Array.of(0, 0, 2, 3, 3);
    const inputs = randomInputs(3, 1, 5, 4, writeSteps);
    const rng = createRng(4);
    const weights = Float64Array.from({ length: 5 * 4 }, () => (rng.next() >>> 0) / 2 ** 32 - 0.5);
    const loss = (x: ScanInputs) => {
      const { reads, e, m } = scanForward(x);
      return reads.reduce((sum, r, i) => sum + r * weights[i]!, 0) + e.reduce((sum, value) => sum + 0.3 * value, 0) + m.reduce((sum, value, i) => sum + (i % 3) * 0.1 * value, 0);
    };
    const { records, e, m } = scanForward(inputs);
    const grads = scanBackward(inputs, { reads: Float32Array.from(weights), e: new Float64Array(e.length).fill(0.3), m: Float64Array.from({ length: m.length }, (_, i) => (i % 3) * 0.1) }, records);
    for (const key of ['wq', 'a', 'wk', 'g', 'v', 'rho'] as const) {
      const array = inputs[key];
      for (let j = 0; j < array.length; j += Math.max(1, Math.floor(array.length / 7))) {
        const step = 1e-3;
        const shifted = (delta: number) => ({ ...inputs, [key]: Float32Array.from(array, (value, index) => (index === j ? value + delta : value)) });
        const numeric = (loss(shifted(step)) - loss(shifted(-step))) / (2 * step);
        expect([key, j, Math.abs(numeric - grads[key][j]!) < 2e-3 * (1 + Math.abs(numeric))]).toEqual([key, j, true]);
      }
    }
  });
});
