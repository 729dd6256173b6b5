import { customGrad, tensor, tensor3d, type GradSaveFunc, type Tensor, type Tensor1D, type Tensor3D } from '@tensorflow/tfjs-core';
import { batchProducts } from './batch-products.js';
import { scanBackward, scanForward, type ScanInputs } from './plastic-scan-kernel.js';

/** What {@link plasticScan} runs over. */
export interface PlasticScanInputs {
  /** The queries of every step: `[B, L, H]`. */
  readonly queries: Tensor3D;
  /** The key of every write: `[B, N, H]`. */
  readonly keys: Tensor3D;
  /** The value of every write (gated where the layer gates): `[B, N, H]`. */
  readonly values: Tensor3D;
  /** The fast weights before the first step: `[B, H, H]`. */
  readonly initial: Tensor3D;
  /** Retention per row `[H]` (ones without decay). */
  readonly rho: Tensor1D;
}

/**
 * The fused plastic recurrence over a chunk, as one differentiable op: the
 * reads `W_t q_t` of every step, with the writes of `writeSteps` (step of
 * each write, non-decreasing) applied and renormalised. Returns
 * `[B, L, H]`, or with `withState` `[B, L + H, H]`: the reads, then the
 * fast weights after the last step. The products with the fast weights and
 * between keys and queries are one backend matrix product per sequence; the
 * recurrence itself (plastic-scan-kernel.ts) and the whole gradient are
 * hand-written.
 */
export function plasticScan(inputs: PlasticScanInputs, writeSteps: Int32Array, withState: boolean): Tensor3D {
  const [batchSize, length, hiddenDim] = inputs.queries.shape;
  const shapes = { B: batchSize, L: length, H: hiddenDim, N: writeSteps.length };
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const [queries, keys, values, initial, rho] = (args as Tensor[]).slice(0, 5).map((x) => (x.dataSync() as Float32Array).slice()) as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const scanInputs = { ...projections(shapes, queries, keys, initial), batchSize, length, hiddenDim, writeSteps, v: values, rho };
    const forward = scanForward(scanInputs);
    const final = withState ? finalWeights(shapes, initial, keys, forward.e, forward.m) : undefined;
    return {
      value: tensor3d(final ? concatRows(shapes, forward.reads, final) : forward.reads, [batchSize, length + (final ? hiddenDim : 0), hiddenDim]),
      gradFunc: (dy: Tensor) => {
        const [dReads, dFinal] = splitRows(shapes, dy.dataSync() as Float32Array, withState);
        const fromFinal = dFinal && finalWeightsGradients(shapes, initial, keys, forward.e, forward.m, dFinal);
        const grads = scanBackward(scanInputs, { reads: dReads, e: fromFinal?.dE ?? null, m: fromFinal?.dM ?? null }, forward.records);
        const { dQueries, dKeys, dInitial } = projectionGradients(shapes, queries, keys, initial, grads);
        if (fromFinal) {
          dKeys.forEach((_, j) => (dKeys[j]! += fromFinal.dKeys[j]!));
          dInitial.forEach((_, j) => (dInitial[j]! += fromFinal.dInitial[j]!));
        }
        return [
          tensor(dQueries, [batchSize, length, hiddenDim]),
          tensor(dKeys, [batchSize, shapes.N, hiddenDim]),
          tensor(grads.v, [batchSize, shapes.N, hiddenDim]),
          tensor(dInitial, [batchSize, hiddenDim, hiddenDim]),
          tensor(grads.rho, [hiddenDim]),
        ];
      },
    };
  });
  return op(inputs.queries, inputs.keys, inputs.values, inputs.initial, inputs.rho) as Tensor3D;
}

/** The fast weights after the last step, `W = diag(e) W_0 + Mᵀ K` per sequence: `[B, H, H]`. */
function finalWeights({ B, H, N }: Shapes, initial: Float32Array, keys: Float32Array, e: Float64Array, m: Float64Array): Float32Array {
  const written = batchProducts(B, H, N, H, (b) => transposed(m.subarray(b * N * H, (b + 1) * N * H), N, H), (b) => keys.subarray(b * N * H, (b + 1) * N * H));
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < H; i++) {
      const scale = e[b * H + i]!;
      for (let j = 0; j < H; j++) written[(b * H + i) * H + j]! += scale * initial[(b * H + i) * H + j]!;
    }
  }
  return written;
}

/**
 * From the gradient of the final fast weights, those of `e`, `M`, the keys
 * and `W_0`: `dE_i = Σ_j dW[i, j] W_0[i, j]`, `dW_0 = diag(e) dW`, and
 * `[dM | dK] = [K | M] × [[dWᵀ, 0], [0, dW]]` per sequence.
 */
function finalWeightsGradients({ B, H, N }: Shapes, initial: Float32Array, keys: Float32Array, e: Float64Array, m: Float64Array, dFinal: Float32Array) {
  const dE = new Float64Array(B * H);
  const dInitial = new Float32Array(B * H * H);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < H; i++) {
      let sum = 0;
      for (let j = 0; j < H; j++) {
        const index = (b * H + i) * H + j;
        sum += dFinal[index]! * initial[index]!;
        dInitial[index] = e[b * H + i]! * dFinal[index]!;
      }
      dE[b * H + i] = sum;
    }
  }
  const both = batchProducts(
    B,
    N,
    2 * H,
    2 * H,
    (b) => {
      const left = new Float32Array(N * 2 * H);
      for (let n = 0; n < N; n++) {
        left.set(keys.subarray((b * N + n) * H, (b * N + n + 1) * H), n * 2 * H);
        for (let i = 0; i < H; i++) left[n * 2 * H + H + i] = m[(b * N + n) * H + i]!;
      }
      return left;
    },
    (b) => {
      const right = new Float32Array(2 * H * 2 * H);
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < H; j++) {
          right[j * 2 * H + i] = dFinal[(b * H + i) * H + j]!;
          right[(H + i) * 2 * H + H + j] = dFinal[(b * H + i) * H + j]!;
        }
      }
      return right;
    },
  );
  const dM = new Float64Array(B * N * H);
  const dKeys = new Float32Array(B * N * H);
  for (let b = 0; b < B; b++) {
    for (let n = 0; n < N; n++) {
      const row = (b * N + n) * 2 * H;
      for (let i = 0; i < H; i++) {
        dM[(b * N + n) * H + i] = both[row + i]!;
        dKeys[(b * N + n) * H + i] = both[row + H + i]!;
      }
    }
  }
  return { dE, dM, dKeys, dInitial };
}

/** `[reads; final]` per sequence. */
function concatRows({ B, L, H }: Shapes, reads: Float32Array, final: Float32Array): Float32Array {
  const out = new Float32Array(B * (L + H) * H);
  for (let b = 0; b < B; b++) {
    out.set(reads.subarray(b * L * H, (b + 1) * L * H), b * (L + H) * H);
    out.set(final.subarray(b * H * H, (b + 1) * H * H), (b * (L + H) + L) * H);
  }
  return out;
}

/** The gradients of the reads and, with the state, of the final weights (`undefined` when it does not reach the loss). */
function splitRows({ B, L, H }: Shapes, dy: Float32Array, withState: boolean): [Float32Array, Float32Array | undefined] {
  if (!withState) return [dy, undefined];
  const dReads = new Float32Array(B * L * H);
  const dFinal = new Float32Array(B * H * H);
  for (let b = 0; b < B; b++) {
    dReads.set(dy.subarray(b * (L + H) * H, (b * (L + H) + L) * H), b * L * H);
    dFinal.set(dy.subarray((b * (L + H) + L) * H, (b + 1) * (L + H) * H), b * H * H);
  }
  return [dReads, dFinal.some((value) => value !== 0) ? dFinal : undefined];
}

/** A `[rows, cols]` matrix transposed. */
function transposed(x: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = x[r * cols + c]!;
  return out;
}

interface Shapes {
  readonly B: number;
  readonly L: number;
  readonly H: number;
  readonly N: number;
}

/**
 * `W_0 q_t`, `W_0 k_n`, `k_n · q_t` and `k_n · k_m` of every sequence, as
 * one product per sequence: `[Q; K] × [W_0ᵀ | Kᵀ]`.
 */
function projections({ B, L, H, N }: Shapes, queries: Float32Array, keys: Float32Array, initial: Float32Array) {
  const rows = L + N;
  const cols = H + N;
  const products = batchProducts(B, rows, H, cols, (b) => stackRows(queries, keys, b, L, N, H), (b) => {
    const right = new Float32Array(H * cols);
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < H; i++) right[j * cols + i] = initial[(b * H + i) * H + j]!;
      for (let n = 0; n < N; n++) right[j * cols + H + n] = keys[(b * N + n) * H + j]!;
    }
    return right;
  });
  const wq = new Float32Array(B * L * H);
  const a = new Float32Array(B * L * N);
  const wk = new Float32Array(B * N * H);
  const g = new Float32Array(B * N * N);
  for (let b = 0; b < B; b++) {
    for (let r = 0; r < rows; r++) {
      const row = products.subarray((b * rows + r) * cols, (b * rows + r + 1) * cols);
      if (r < L) {
        wq.set(row.subarray(0, H), (b * L + r) * H);
        a.set(row.subarray(H), (b * L + r) * N);
      } else {
        wk.set(row.subarray(0, H), (b * N + r - L) * H);
        g.set(row.subarray(H), (b * N + r - L) * N);
      }
    }
  }
  return { wq, a, wk, g };
}

/**
 * The gradients of queries, keys and `W_0` from those of the projections,
 * as two products per sequence:
 * `[dQ; dK'] = [dWQ dA; dWK (dG + dGᵀ)] × [W_0; K]` and
 * `[dW_0; dAᵀQ] = [dWQᵀ dWKᵀ; dAᵀ 0] × [Q; K]`.
 */
function projectionGradients(
  { B, L, H, N }: Shapes,
  queries: Float32Array,
  keys: Float32Array,
  initial: Float32Array,
  grads: Pick<ScanInputs, 'wq' | 'a' | 'wk' | 'g'>,
) {
  const rows = L + N;
  const cols = H + N;
  const first = batchProducts(
    B,
    rows,
    cols,
    H,
    (b) => {
      const left = new Float32Array(rows * cols);
      for (let t = 0; t < L; t++) {
        left.set(grads.wq.subarray((b * L + t) * H, (b * L + t + 1) * H), t * cols);
        left.set(grads.a.subarray((b * L + t) * N, (b * L + t + 1) * N), t * cols + H);
      }
      for (let n = 0; n < N; n++) {
        left.set(grads.wk.subarray((b * N + n) * H, (b * N + n + 1) * H), (L + n) * cols);
        for (let m = 0; m < N; m++) left[(L + n) * cols + H + m] = grads.g[(b * N + n) * N + m]! + grads.g[(b * N + m) * N + n]!;
      }
      return left;
    },
    (b) => {
      const right = new Float32Array(cols * H);
      right.set(initial.subarray(b * H * H, (b + 1) * H * H), 0);
      right.set(keys.subarray(b * N * H, (b + 1) * N * H), H * H);
      return right;
    },
  );
  const second = batchProducts(
    B,
    cols,
    rows,
    H,
    (b) => {
      const left = new Float32Array(cols * rows);
      for (let i = 0; i < H; i++) {
        for (let t = 0; t < L; t++) left[i * rows + t] = grads.wq[(b * L + t) * H + i]!;
        for (let n = 0; n < N; n++) left[i * rows + L + n] = grads.wk[(b * N + n) * H + i]!;
      }
      for (let n = 0; n < N; n++) for (let t = 0; t < L; t++) left[(H + n) * rows + t] = grads.a[(b * L + t) * N + n]!;
      return left;
    },
    (b) => stackRows(queries, keys, b, L, N, H),
  );
  const dQueries = new Float32Array(B * L * H);
  const dKeys = new Float32Array(B * N * H);
  const dInitial = new Float32Array(B * H * H);
  for (let b = 0; b < B; b++) {
    dQueries.set(first.subarray(b * rows * H, (b * rows + L) * H), b * L * H);
    for (let j = 0; j < N * H; j++) dKeys[b * N * H + j] = first[(b * rows + L) * H + j]! + second[(b * cols + H) * H + j]!;
    dInitial.set(second.subarray(b * cols * H, (b * cols + H) * H), b * H * H);
  }
  return { dQueries, dKeys, dInitial };
}

/** `[Q_b; K_b]`: the queries then the keys of sequence b, `[L + N, H]`. */
function stackRows(queries: Float32Array, keys: Float32Array, b: number, L: number, N: number, H: number): Float32Array {
  const stacked = new Float32Array((L + N) * H);
  stacked.set(queries.subarray(b * L * H, (b + 1) * L * H), 0);
  stacked.set(keys.subarray(b * N * H, (b + 1) * N * H), L * H);
  return stacked;
}
