/**
 * The arithmetic of {@link plasticScan}, on typed arrays: the plastic
 * recurrence over a whole chunk, without ever forming the fast weights.
 *
 * The fast weights after step t are kept implicitly as
 * `W_t = diag(e) (diag(c) W_0 + Σ_n M̃_n k_nᵀ)`: row i of W_t is
 * `e[i] (c[i] W_0[i, :] + Σ_n M̃_n[i] k_n)`, n running over the writes so far.
 * A step with writes (keys k_n, values v_n, retention ρ) computes
 * `W_t = diag(s) (ρ ⊙ W_{t−1} + Σ_n v_n k_nᵀ)`, s the inverse row norms. Rows
 * of W_{t−1} have unit norm, so with `u_n = W_{t−1} k_n`
 * `‖row_i‖² = ρ_i² + 2 ρ_i Σ_n v_n[i] u_n[i] + Σ_{n,m} v_n[i] v_m[i] (k_n · k_m)`,
 * and `u_n = e ⊙ ũ_n`, `ũ_n = c ⊙ (W_0 k_n) + Σ_m M̃_m (k_m · k_n)`.
 * The step multiplies e by `s ⊙ ρ` and adds `M̃_n = v_n / (e_before ⊙ ρ)`:
 * earlier coefficients never change, so a step costs one pass over them. A
 * read is `W_t q_t = e ⊙ (c ⊙ (W_0 q_t) + Σ_n M̃_n (k_n · q_t))`.
 * When e drifts far from 1 (the coefficients would overflow), the state is
 * rebased: c and every M̃ are multiplied by e, and e becomes 1.
 *
 * So the kernel needs only the products `W_0 q_t`, `W_0 k_n`, `k_n · q_t` and
 * `k_n · k_m`, matrix products the backend does fast, and its own work is
 * O(L × writes × H) per sequence instead of O(L × H²).
 *
 * Arrays are per batch, row-major: `wq [B, L, H]`, `a [B, L, N]` (k_n · q_t),
 * `wk [B, N, H]`, `g [B, N, N]` (k_n · k_m), `v [B, N, H]`, `rho [H]`, where N
 * is the number of writes and `writeSteps[n]` the step of write n
 * (non-decreasing; writes of one step share one renormalisation).
 */
export interface ScanInputs extends ScanArrays {
  readonly batchSize: number;
  readonly length: number;
  readonly hiddenDim: number;
  readonly writeSteps: Int32Array;
  /** Rebase when some |log e| exceeds this. Default 200 (e within e^±200, far from float64's limits); tests lower it. */
  readonly rebaseAbove?: number;
}

/** The per-sequence arrays of the scan, named as in the description above. */
interface ScanArrays {
  readonly wq: Float32Array;
  readonly a: Float32Array;
  readonly wk: Float32Array;
  readonly g: Float32Array;
  readonly v: Float32Array;
  readonly rho: Float32Array;
}

/** The outputs: the pre-activation reads `W_t q_t` `[B, L, H]`, and the final fast weights as `E = e ⊙ c` `[B, H]` and `M = e ⊙ M̃` `[B, N, H]`. */
export interface ScanOutput {
  readonly reads: Float32Array;
  readonly e: Float64Array;
  readonly m: Float64Array;
}

/** Rows of the fast weights are divided by their norm, never by less than this. */
const ROW_NORM_FLOOR = 1e-8;

/** A rebase: the step after which it happened, and the state just before it. */
interface Rebase {
  readonly step: number;
  readonly e: Float64Array;
  readonly c: Float64Array;
  readonly m: Float64Array;
}

/** What the backward pass needs of the forward pass of one sequence. */
interface ForwardRecord {
  /** e after each step: `[L, H]`. */
  readonly e: Float64Array;
  /** The coefficients M̃ (final values; each is fixed once written, until a rebase). */
  readonly m: Float64Array;
  /** c after the last step. */
  readonly c: Float64Array;
  /** Inverse row norms of each step (1 where it has no write): `[L, H]`. */
  readonly s: Float64Array;
  /** ũ_n of each write: `[N, H]`. */
  readonly u: Float64Array;
  /** The reads before the final multiplication by e, Ỹ_t: `[L, H]`. */
  readonly y: Float64Array;
  /** Rebases, in order. */
  readonly rebases: Rebase[];
}

/** One sequence's slices of the inputs. */
interface Sequence {
  readonly wq: Float32Array;
  readonly a: Float32Array;
  readonly wk: Float32Array;
  readonly g: Float32Array;
  readonly v: Float32Array;
}

function sequenceOf(inputs: ScanInputs, b: number): Sequence {
  const { length: L, hiddenDim: H } = inputs;
  const N = inputs.writeSteps.length;
  return {
    wq: inputs.wq.subarray(b * L * H, (b + 1) * L * H),
    a: inputs.a.subarray(b * L * N, (b + 1) * L * N),
    wk: inputs.wk.subarray(b * N * H, (b + 1) * N * H),
    g: inputs.g.subarray(b * N * N, (b + 1) * N * N),
    v: inputs.v.subarray(b * N * H, (b + 1) * N * H),
  };
}

/** Index of the first write of each step, and one past the last: `[L + 1]`. */
function writeRanges(writeSteps: Int32Array, length: number): Int32Array {
  const starts = new Int32Array(length + 1);
  let n = 0;
  for (let t = 0; t <= length; t++) {
    while (n < writeSteps.length && writeSteps[n]! < t) n++;
    starts[t] = n;
  }
  return starts;
}

/** Runs the recurrence over every sequence: the outputs, and the records the backward pass needs. */
export function scanForward(inputs: ScanInputs): ScanOutput & { records: ForwardRecord[] } {
  const { batchSize: B, length: L, hiddenDim: H, writeSteps, rho } = inputs;
  const N = writeSteps.length;
  const rebaseAbove = inputs.rebaseAbove ?? 200;
  const reads = new Float32Array(B * L * H);
  const finalE = new Float64Array(B * H);
  const finalM = new Float64Array(B * N * H);
  const starts = writeRanges(writeSteps, L);
  const records: ForwardRecord[] = [];
  for (let b = 0; b < B; b++) {
    const { wq, a, wk, g, v } = sequenceOf(inputs, b);
    const rec: ForwardRecord = {
      e: new Float64Array(L * H),
      m: new Float64Array(N * H),
      c: new Float64Array(H).fill(1),
      s: new Float64Array(L * H).fill(1),
      u: new Float64Array(N * H),
      y: new Float64Array(L * H),
      rebases: [],
    };
    const { m, c, u } = rec;
    const e = new Float64Array(H).fill(1);
    for (let t = 0; t < L; t++) {
      const first = starts[t]!;
      const last = starts[t + 1]!;
      if (last > first) {
        // ũ_n = c ⊙ (W_0 k_n) + Σ_{k < first} M̃_k (k_k · k_n).
        for (let n = first; n < last; n++) {
          const un = n * H;
          for (let i = 0; i < H; i++) u[un + i] = c[i]! * wk[un + i]!;
          for (let k = 0; k < first; k++) {
            const weight = g[k * N + n]!;
            const mk = k * H;
            for (let i = 0; i < H; i++) u[un + i]! += m[mk + i]! * weight;
          }
        }
        const s = rec.s.subarray(t * H, (t + 1) * H);
        let drift = 0;
        for (let i = 0; i < H; i++) {
          // ‖ρ r + Σ_n v_n k_nᵀ‖², with u_n = e ⊙ ũ_n.
          let squares = rho[i]! * rho[i]!;
          for (let n = first; n < last; n++) {
            const vn = v[n * H + i]!;
            squares += 2 * rho[i]! * vn * e[i]! * u[n * H + i]!;
            for (let k = first; k < last; k++) squares += vn * v[k * H + i]! * g[n * N + k]!;
          }
          const norm = Math.sqrt(Math.max(squares, 0));
          s[i] = 1 / (norm < ROW_NORM_FLOOR ? ROW_NORM_FLOOR : norm);
          const before = e[i]! * rho[i]!;
          for (let n = first; n < last; n++) m[n * H + i] = v[n * H + i]! / before;
          e[i] = before * s[i]!;
          drift = Math.max(drift, Math.abs(Math.log(e[i]!)));
        }
        if (drift > rebaseAbove) rebase(rec, e, t, last, H);
      }
      // Read: W_t q_t = e ⊙ Ỹ_t, Ỹ_t = c ⊙ (W_0 q_t) + Σ_n M̃_n (k_n · q_t).
      const y = rec.y.subarray(t * H, (t + 1) * H);
      for (let i = 0; i < H; i++) y[i] = c[i]! * wq[t * H + i]!;
      for (let n = 0; n < last; n++) {
        const weight = a[t * N + n]!;
        const mn = n * H;
        for (let i = 0; i < H; i++) y[i]! += m[mn + i]! * weight;
      }
      const out = (b * L + t) * H;
      for (let i = 0; i < H; i++) reads[out + i] = e[i]! * y[i]!;
      rec.e.set(e, t * H);
    }
    for (let i = 0; i < H; i++) finalE[b * H + i] = e[i]! * c[i]!;
    for (let n = 0; n < N; n++) for (let i = 0; i < H; i++) finalM[(b * N + n) * H + i] = e[i]! * m[n * H + i]!;
    records.push(rec);
  }
  return { reads, e: finalE, m: finalM, records };
}

/** Folds e into c and the coefficients written so far, keeping a copy of the state before. */
function rebase(rec: ForwardRecord, e: Float64Array, step: number, born: number, H: number): void {
  rec.rebases.push({ step, e: e.slice(), c: rec.c.slice(), m: rec.m.slice(0, born * H) });
  for (let i = 0; i < H; i++) rec.c[i]! *= e[i]!;
  for (let n = 0; n < born; n++) for (let i = 0; i < H; i++) rec.m[n * H + i]! *= e[i]!;
  e.fill(1);
}

/** Gradients of the scan's inputs; `rho` summed over the batch. */
export type ScanGradients = ScanArrays;

/** Gradients of a loss with respect to the outputs of {@link scanForward}. */
export interface ScanOutputGradients {
  readonly reads: Float32Array;
  /** `null` where the final state does not reach the loss. */
  readonly e: Float64Array | null;
  readonly m: Float64Array | null;
}

/**
 * Reverse-mode gradients of the inputs from the forward records. The
 * adjoints of the state (ê, ĉ, M̂) are carried backwards in time: a read
 * adds to them, a write step maps them to the adjoints of the state before
 * it, and a rebase is undone.
 */
export function scanBackward(inputs: ScanInputs, dy: ScanOutputGradients, records: ForwardRecord[]): ScanGradients {
  const { batchSize: B, length: L, hiddenDim: H, writeSteps, rho } = inputs;
  const N = writeSteps.length;
  const starts = writeRanges(writeSteps, L);
  const grads = {
    wq: new Float32Array(inputs.wq.length),
    a: new Float32Array(inputs.a.length),
    wk: new Float32Array(inputs.wk.length),
    g: new Float32Array(inputs.g.length),
    v: new Float32Array(inputs.v.length),
    rho: new Float32Array(H),
  };
  const rhoGrad = new Float64Array(H);
  const dy_ = new Float64Array(H);
  const uBar = new Float64Array(N * H);
  for (let b = 0; b < B; b++) {
    const rec = records[b]!;
    const { wq, a, wk, g, v } = sequenceOf(inputs, b);
    const gradWq = grads.wq.subarray(b * L * H, (b + 1) * L * H);
    const gradA = grads.a.subarray(b * L * N, (b + 1) * L * N);
    const gradWk = grads.wk.subarray(b * N * H, (b + 1) * N * H);
    const gradG = grads.g.subarray(b * N * N, (b + 1) * N * N);
    const gradV = grads.v.subarray(b * N * H, (b + 1) * N * H);
    const m = rec.m.slice();
    const c = rec.c.slice();
    const eFinal = rec.e.subarray((L - 1) * H, L * H);
    // Adjoints of e, c and M̃ after the last step, from those of E = e ⊙ c and M = e ⊙ M̃.
    const eBar = new Float64Array(H);
    const cBar = new Float64Array(H);
    const mBar = new Float64Array(N * H);
    if (dy.e) {
      for (let i = 0; i < H; i++) {
        const dE = dy.e[b * H + i]!;
        eBar[i]! += dE * c[i]!;
        cBar[i] = dE * eFinal[i]!;
      }
    }
    if (dy.m) {
      for (let n = 0; n < N; n++) {
        for (let i = 0; i < H; i++) {
          const dM = dy.m[(b * N + n) * H + i]!;
          eBar[i]! += dM * m[n * H + i]!;
          mBar[n * H + i] = dM * eFinal[i]!;
        }
      }
    }
    let nextRebase = rec.rebases.length - 1;
    for (let t = L - 1; t >= 0; t--) {
      const first = starts[t]!;
      const last = starts[t + 1]!;
      const e = rec.e.subarray(t * H, (t + 1) * H);
      const y = rec.y.subarray(t * H, (t + 1) * H);
      // The read: Y_t = e ⊙ Ỹ_t.
      for (let i = 0; i < H; i++) {
        const d = dy.reads[(b * L + t) * H + i]!;
        eBar[i]! += d * y[i]!;
        dy_[i] = d * e[i]!;
        gradWq[t * H + i] = dy_[i]! * c[i]!;
        cBar[i]! += dy_[i]! * wq[t * H + i]!;
      }
      for (let n = 0; n < last; n++) {
        const weight = a[t * N + n]!;
        const mn = n * H;
        let dot = 0;
        for (let i = 0; i < H; i++) {
          dot += dy_[i]! * m[mn + i]!;
          mBar[mn + i]! += dy_[i]! * weight;
        }
        gradA[t * N + n] = dot;
      }
      if (last === first) continue;
      // Undo a rebase made at the end of this write step: its adjoints map back to the state before it.
      const rebased = nextRebase >= 0 && rec.rebases[nextRebase]!.step === t ? rec.rebases[nextRebase--]! : undefined;
      if (rebased) {
        for (let i = 0; i < H; i++) {
          // After: c' = c e, M̃' = M̃ e, e' = 1 (a constant).
          let grad = cBar[i]! * rebased.c[i]!;
          cBar[i]! *= rebased.e[i]!;
          for (let n = 0; n < last; n++) {
            grad += mBar[n * H + i]! * rebased.m[n * H + i]!;
            mBar[n * H + i]! *= rebased.e[i]!;
          }
          eBar[i] = grad;
        }
        c.set(rebased.c);
        m.set(rebased.m);
      }
      const s = rec.s.subarray(t * H, (t + 1) * H);
      for (let i = 0; i < H; i++) {
        const eBefore = t > 0 ? rec.e[(t - 1) * H + i]! : 1;
        const before = eBefore * rho[i]!;
        // e_after = e_before ρ s; M̃_n = v_n / (e_before ρ) for the new writes.
        let eBeforeBar = eBar[i]! * s[i]! * rho[i]!;
        const sBar = eBar[i]! * eBefore * rho[i]!;
        rhoGrad[i]! += eBar[i]! * eBefore * s[i]!;
        for (let n = first; n < last; n++) {
          const grad = mBar[n * H + i]!;
          const mn = m[n * H + i]!;
          gradV[n * H + i]! += grad / before;
          eBeforeBar -= (grad * mn) / eBefore;
          rhoGrad[i]! -= (grad * mn) / rho[i]!;
        }
        // s = z^(−1/2), constant where the norm was floored.
        const zBar = s[i]! >= 1 / ROW_NORM_FLOOR ? 0 : -0.5 * s[i]! * s[i]! * s[i]! * sBar;
        // z = ρ² + 2ρ Σ_n v_n e ũ_n + Σ_{n,k} v_n v_k G[n, k].
        let rhoTerm = 2 * rho[i]!;
        for (let n = first; n < last; n++) {
          const vn = v[n * H + i]!;
          const un = rec.u[n * H + i]!;
          rhoTerm += 2 * vn * eBefore * un;
          let cross = 0;
          for (let k = first; k < last; k++) {
            const vk = v[k * H + i]!;
            cross += vk * g[n * N + k]!;
            gradG[n * N + k]! += zBar * vn * vk;
          }
          gradV[n * H + i]! += zBar * (2 * rho[i]! * eBefore * un + 2 * cross);
          eBeforeBar += zBar * 2 * rho[i]! * vn * un;
          uBar[n * H + i] = zBar * 2 * rho[i]! * vn * eBefore;
        }
        rhoGrad[i]! += zBar * rhoTerm;
        eBar[i] = eBeforeBar;
      }
      // ũ_n = c ⊙ (W_0 k_n) + Σ_{k < first} M̃_k (k_k · k_n).
      for (let n = first; n < last; n++) {
        const un = n * H;
        for (let i = 0; i < H; i++) {
          gradWk[un + i] = uBar[un + i]! * c[i]!;
          cBar[i]! += uBar[un + i]! * wk[un + i]!;
        }
        for (let k = 0; k < first; k++) {
          const weight = g[k * N + n]!;
          const mk = k * H;
          let dot = 0;
          for (let i = 0; i < H; i++) {
            dot += uBar[un + i]! * m[mk + i]!;
            mBar[mk + i]! += uBar[un + i]! * weight;
          }
          gradG[k * N + n]! += dot;
        }
      }
    }
  }
  for (let i = 0; i < H; i++) grads.rho[i] = rhoGrad[i]!;
  return grads;
}
