import type { RandomGenerator } from '@pg/graphs';
import {
  add,
  clone,
  concat,
  div,
  expandDims,
  matMul,
  maximum,
  mul,
  relu,
  reshape,
  sigmoid,
  slice,
  sqrt,
  square,
  squeeze,
  stack,
  sub,
  sum,
  tensor3d,
  tidy,
  type Tensor1D,
  type Tensor2D,
  type Tensor3D,
  type Variable,
} from '@tensorflow/tfjs-core';
import { Dense } from './dense.js';
import { ModelError } from './errors.js';
import { kernelAvailable } from './wasm-kernels/kernel-threads.js';
import { plasticKernelScan } from './plastic-kernel/plastic-kernel-scan.js';
import { normalValues } from './random-values.js';
import { requireBoolean, requireInteger, requireKnownKeys, requireOneOf } from './validate.js';
import { WeightStore } from './weight-store.js';

/** Arguments of {@link PlasticLayer}. */
export interface PlasticLayerArgs {
  /** Size `H` of keys, values and queries; the fast weights are `[B, H, H]`. An integer ≥ 1. */
  hiddenDim: number;
  /**
   * Learn a retention per row, `ρ = σ(θ) ∈ (0, 1)^H`, that scales the fast weights
   * before each write (θ starts at 3, ρ ≈ 0.95). Default `false`: ρ = 1, the seed's rule.
   */
  decay?: boolean;
  /**
   * Learn a write strength per written pair, `η = σ(g · [k ‖ v] + b)` (`g`, `b` as
   * PyTorch's `Linear(2H, 1)`). Default `false`: η = 1, the seed's rule.
   */
  gatedWrite?: boolean;
  /**
   * How a write changes the memory (see {@link PlasticWriteRule}). Default `hebbian`,
   * the seed's rule.
   */
  writeRule?: PlasticWriteRule;
  /** Seed of the variant parameters' initial values. Default 0. */
  seed?: number;
}

/**
 * How {@link PlasticLayer.write} changes the fast weights, before the rows are renormalised
 * (`D = ρ ⊙ W` is the memory the step keeps, `η_p` the write strength of pair `p`):
 *
 * - `hebbian`: adds each pair's outer product, `D + Σ_p η_p v_p k_pᵀ`; writing the same key
 *   twice accumulates both values (the seed's rule).
 * - `delta`: replaces the value stored for each key (Schlag, Irie & Schmidhuber 2021, "Linear
 *   Transformers Are Secretly Fast Weight Programmers"), `D + Σ_p η_p (v_p − D k̂_p) k̂_pᵀ`
 *   with the unit key `k̂_p = k_p / max(‖k_p‖, 1e-8)`. With one pair and η = 1 the step
 *   leaves `D k̂ = v` before the renormalisation: what was stored under `k̂` is overwritten.
 *   The pairs of one step all read the same `D`, so they act as independent delta writes
 *   (exactly so for orthogonal keys) and the step keeps one renormalisation.
 *
 * @example
 * ```ts
 * const layer = new PlasticLayer({ hiddenDim: 64, writeRule: 'delta' });
 * ```
 */
export type PlasticWriteRule = 'hebbian' | 'delta';

/** Every {@link PlasticWriteRule}. */
const WRITE_RULES: readonly PlasticWriteRule[] = ['hebbian', 'delta'];

/**
 * A sequence for {@link PlasticLayer.scan}: the queries of every step, and the
 * writes made along the way, each at a step (writes of one step share one
 * renormalisation, and come before that step's read).
 */
export interface PlasticSequence {
  /** `[B, L, H]`. */
  readonly queries: Tensor3D;
  /** `[B, N, H]`, the key of each write. */
  readonly keys: Tensor3D;
  /** `[B, N, H]`, the value of each write. */
  readonly values: Tensor3D;
  /** `[N]`, the step of each write, non-decreasing, in `[0, L)`. */
  readonly writeSteps: Int32Array;
}

/**
 * How {@link PlasticLayer.scan} runs: `wasm`, as one op over the whole sequence
 * run by a WebAssembly SIMD kernel with a hand-written gradient, on both cores
 * in Node (see {@link setWasmKernelThreads}); `reference`, step by step with
 * {@link PlasticLayer.write} and {@link PlasticLayer.read}, the readable
 * definition the kernel is tested against. Both compute the same function.
 */
export type PlasticImplementation = 'wasm' | 'reference';

/** Options of {@link PlasticLayer.scan}. */
export interface PlasticScanOptions {
  /**
   * Default `wasm` where the kernel is compiled (always in Node; in a browser after
   * {@link loadWasmKernels}), `reference` otherwise.
   */
  implementation?: PlasticImplementation;
  /** Also return the fast weights after the last step. Default `true`; `false` saves their computation. */
  withState?: boolean;
}

/** What {@link PlasticLayer.scan} returns. */
export type PlasticScanResult = {
  /** `[B, L, H]`, the read `relu(W_t q_t)` of every step. */
  readonly reads: Tensor3D;
  /** `[B, H, H]`, the fast weights after the last step; `undefined` when `withState` is `false`. */
  readonly state: Tensor3D | undefined;
};

/** A {@link PlasticLayer}'s configuration with every default filled in. */
export type PlasticLayerConfig = Required<PlasticLayerArgs>;

/** Rows of the fast weights are divided by their norm, never by less than this. */
const ROW_NORM_FLOOR = 1e-8;

/** The retention logit θ that {@link PlasticLayerArgs.decay} starts from. */
const INITIAL_RETENTION_LOGIT = 3;

/**
 * A fast-weight memory with explicit state: a matrix `W` of shape `[B, H, H]`
 * per batch of sequences, written with outer products of keys and values (a
 * Hebbian or a delta rule) and read as a linear map. The layer holds no tensor
 * state; every method is a pure function of the `W` it is given, so sequences,
 * chunks and optimised kernels can share it.
 *
 * - **initial state**: every row `W[b, i, :]` drawn from a standard normal, then divided
 *   by its norm.
 * - **write** of keys `k` and values `v` (`[B, H]`, or `[B, P, H]` for `P` pairs at once):
 *   `W ← rownorm(ρ ⊙ W + Σ_p η_p v_p k_pᵀ)`, so row `i` gains `η_p v_p[i] · k_p`;
 *   `rownorm` divides each row by `max(‖row‖₂, 1e-8)`. With the default options ρ = η = 1,
 *   the seed's rule `W ← rownorm(W + v kᵀ)`. With `writeRule: 'delta'` the value already
 *   stored for each key is replaced instead:
 *   `W ← rownorm(ρ ⊙ W + Σ_p η_p (v_p − (ρ ⊙ W) k̂_p) k̂_pᵀ)`, `k̂_p` the unit key
 *   (see {@link PlasticWriteRule}).
 * - **read** with a query `q` (`[B, H]`): `h = relu(W q)`, i.e. `h[i] = relu(Σ_j W[i, j] q[j])`.
 *
 * @example
 * ```ts
 * const layer = new PlasticLayer({ hiddenDim: 3 });
 * const w0 = layer.initialState(2, createRng(1));
 * const w1 = layer.write(w0, key, value); // key, value: [2, 3]
 * const h = layer.read(w1, query); // [2, 3]
 * ```
 */
export class PlasticLayer {
  /** The class name, robust to minification (the tfjs layer convention). */
  static readonly className = 'PlasticLayer';

  /** Size `H` of keys, values and queries. */
  readonly hiddenDim: number;
  /** Whether a learned retention scales the fast weights before each write. */
  readonly decay: boolean;
  /** Whether a learned gate sets the strength of each write. */
  readonly gatedWrite: boolean;
  /** How a write changes the memory. */
  readonly writeRule: PlasticWriteRule;
  /** Seed of the variant parameters' initial values. */
  readonly seed: number;
  private readonly weights: WeightStore;
  private readonly retentionLogits: Variable | undefined;
  private readonly gate: Dense | undefined;

  constructor(args: PlasticLayerArgs) {
    requireKnownKeys('PlasticLayer args', args, ['hiddenDim', 'decay', 'gatedWrite', 'writeRule', 'seed']);
    this.hiddenDim = requireInteger('hiddenDim', args.hiddenDim, 1);
    this.decay = requireBoolean('decay', args.decay ?? false);
    this.gatedWrite = requireBoolean('gatedWrite', args.gatedWrite ?? false);
    this.writeRule = requireOneOf('writeRule', args.writeRule ?? 'hebbian', WRITE_RULES);
    this.seed = requireInteger('seed', args.seed ?? 0, Number.MIN_SAFE_INTEGER);
    this.weights = new WeightStore(this.seed);
    const h = this.hiddenDim;
    this.retentionLogits = this.decay ? this.weights.filled('retention', [h], INITIAL_RETENTION_LOGIT) : undefined;
    this.gate = this.gatedWrite ? new Dense(this.weights, 'gate', 2 * h, 1) : undefined;
  }

  /** Rebuilds a layer from {@link PlasticLayer.getConfig}'s output (with fresh variant parameters). */
  static fromConfig(config: PlasticLayerArgs): PlasticLayer {
    return new PlasticLayer(config);
  }

  /**
   * Fresh fast weights `[batchSize, H, H]`: standard-normal rows drawn from `rng`,
   * each divided by its norm.
   */
  initialState(batchSize: number, rng: RandomGenerator): Tensor3D {
    requireInteger('batchSize', batchSize, 1);
    const h = this.hiddenDim;
    const values = normalValues(rng, batchSize * h * h);
    for (let start = 0; start < values.length; start += h) {
      let squares = 0;
      for (let j = start; j < start + h; j++) squares += values[j]! ** 2;
      const norm = Math.max(Math.sqrt(squares), ROW_NORM_FLOOR);
      for (let j = start; j < start + h; j++) values[j]! /= norm;
    }
    return tensor3d(values, [batchSize, h, h]);
  }

  /**
   * Writes each key–value pair into `state` and renormalises the rows:
   * `rownorm(ρ ⊙ W + Σ_p η_p v_p k_pᵀ)`, or with the delta rule
   * `rownorm(D + Σ_p η_p (v_p − D k̂_p) k̂_pᵀ)`, `D = ρ ⊙ W` (see {@link PlasticWriteRule}).
   *
   * @param state - fast weights `[B, H, H]`; not modified.
   * @param key - keys `[B, H]`, or `[B, P, H]` to write `P` pairs in one step.
   * @param value - values of the same shape as `key`.
   * @returns the new fast weights `[B, H, H]`.
   */
  write(state: Tensor3D, key: Tensor2D | Tensor3D, value: Tensor2D | Tensor3D): Tensor3D {
    const rank = key.rank === 3 ? 3 : 2;
    this.checkVectors('key', key, rank);
    this.checkVectors('value', value, rank);
    return tidy(() => {
      const keys = key.rank === 2 ? expandDims<Tensor3D>(key, 1) : (key as Tensor3D);
      const values = value.rank === 2 ? expandDims<Tensor3D>(value, 1) : (value as Tensor3D);
      const strengths = this.gate ? sigmoid(this.gate.apply(concat([keys, values], 2))) : undefined;
      const kept = this.retentionLogits ? mul(state, reshape(sigmoid(this.retentionLogits), [1, -1, 1])) : state;
      if (this.writeRule === 'hebbian') {
        return normaliseRows(add(kept, matMul(strengths ? mul(values, strengths) : values, keys, true, false)));
      }
      // The delta rule replaces exactly only for unit keys (D k̂ gains (v − D k̂)(k̂ · k̂)), and the
      // learned keys have any norm, so they are normalised; a zero key writes nothing.
      const unitKeys = normaliseRows(keys);
      const stored = matMul(unitKeys, kept, false, true); // [B, P, H]: D k̂_p, each pair reading the same D
      const change = sub(values, stored);
      return normaliseRows(add(kept, matMul(strengths ? mul(change, strengths) : change, unitKeys, true, false)));
    });
  }

  /**
   * Reads the memory with `query [B, H]`: `relu(W q)`, a `[B, H]` tensor.
   */
  read(state: Tensor3D, query: Tensor2D): Tensor2D {
    this.checkVectors('query', query, 2);
    return tidy(() => relu(squeeze<Tensor2D>(matMul(state, expandDims(query, 2)), [2])));
  }

  /**
   * Runs a whole sequence of writes and reads from the fast weights `state`:
   * the reads `relu(W_t q_t)` of every step `[B, L, H]` and (unless
   * `withState` is false) the fast weights after the last step. Equal, to float tolerance, to calling
   * {@link PlasticLayer.write} and {@link PlasticLayer.read} step by step.
   *
   * @example
   * ```ts
   * const { reads, state: next } = layer.scan(w0, { queries, keys, values, writeSteps: Int32Array.of(1, 2, 3) });
   * ```
   */
  scan(state: Tensor3D, sequence: PlasticSequence, options: PlasticScanOptions = {}): PlasticScanResult {
    this.checkSequence(sequence);
    const withState = options.withState ?? true;
    const implementation = options.implementation ?? (kernelAvailable() ? 'wasm' : 'reference');
    return tidy(() => (implementation === 'wasm' ? this.kernelScan(state, sequence, withState) : this.referenceScan(state, sequence, withState)));
  }

  /** The learned parameters of the enabled variants, by name (none with the defaults). */
  get namedVariables(): ReadonlyMap<string, Variable> {
    return this.weights.variables;
  }

  /** The learned parameters of the enabled variants, for an optimizer. */
  get trainableVariables(): Variable[] {
    return [...this.weights.variables.values()];
  }

  /** Learned parameters (`slow`) and fast weights per sequence (`fast` = H²). */
  countParameters(): {
    /** Learned parameters of the enabled variants. */
    slow: number;
    /** Fast-weight values per sequence, `H²`. */
    fast: number;
  } {
    return { slow: this.weights.size, fast: this.hiddenDim * this.hiddenDim };
  }

  /** The arguments that rebuild this layer, defaults filled in. */
  getConfig(): PlasticLayerConfig {
    return { hiddenDim: this.hiddenDim, decay: this.decay, gatedWrite: this.gatedWrite, writeRule: this.writeRule, seed: this.seed };
  }

  /** Frees the variant parameters. */
  dispose(): void {
    this.weights.dispose();
  }

  private kernelScan(state: Tensor3D, { queries, keys, values, writeSteps }: PlasticSequence, withState: boolean): PlasticScanResult {
    const [batchSize, length, h] = queries.shape;
    const strengths = this.gate ? (sigmoid(this.gate.apply(concat([keys, values], 2))) as Tensor3D) : undefined;
    const written = strengths ? (mul(values, strengths) as Tensor3D) : values;
    const rho = this.retentionLogits ? (sigmoid(this.retentionLogits) as Tensor1D) : undefined;
    const rule =
      this.writeRule === 'delta'
        ? { keys: normaliseRows(keys), delta: { strengths: strengths ? (reshape(strengths, [batchSize, -1]) as Tensor2D) : undefined } }
        : { keys };
    const packed = plasticKernelScan({ queries, values: written, initial: state, rho, ...rule }, writeSteps, withState);
    if (!withState) return { reads: relu(packed), state: undefined };
    const reads = relu(slice(packed, [0, 0, 0], [batchSize, length, h])) as Tensor3D;
    return { reads, state: slice(packed, [0, length, 0], [batchSize, h, h]) as Tensor3D };
  }

  private referenceScan(state: Tensor3D, { queries, keys, values, writeSteps }: PlasticSequence, withState: boolean): PlasticScanResult {
    const length = queries.shape[1];
    const [batchSize, , h] = keys.shape;
    let fastWeights = state;
    const reads: Tensor2D[] = [];
    let next = 0;
    for (let t = 0; t < length; t++) {
      const first = next;
      while (next < writeSteps.length && writeSteps[next] === t) next++;
      if (next > first) {
        const at = (x: Tensor3D) => slice(x, [0, first, 0], [batchSize, next - first, h]);
        fastWeights = this.write(fastWeights, at(keys), at(values));
      }
      reads.push(this.read(fastWeights, squeeze<Tensor2D>(slice(queries, [0, t, 0], [batchSize, 1, h]), [1])));
    }
    return { reads: stack(reads, 1) as Tensor3D, state: !withState ? undefined : fastWeights === state ? clone(state) : fastWeights };
  }

  private checkSequence({ queries, keys, values, writeSteps }: PlasticSequence): void {
    if (queries.rank !== 3 || queries.shape[2] !== this.hiddenDim) throw new ModelError('queries shape', queries.shape, `[B, L, ${this.hiddenDim}]`);
    const expected = `[${queries.shape[0]}, ${writeSteps.length}, ${this.hiddenDim}] (one row per write)`;
    for (const [field, x] of [['keys', keys], ['values', values]] as const) {
      if (x.rank !== 3 || x.shape[0] !== queries.shape[0] || x.shape[1] !== writeSteps.length || x.shape[2] !== this.hiddenDim) {
        throw new ModelError(`${field} shape`, x.shape, expected);
      }
    }
    writeSteps.forEach((step, n) => {
      if (!Number.isInteger(step) || step < 0 || step >= queries.shape[1] || (n > 0 && step < writeSteps[n - 1]!)) {
        throw new ModelError(`writeSteps[${n}]`, step, `a step in [0, ${queries.shape[1] - 1}], not before the previous write's`);
      }
    });
  }

  private checkVectors(field: string, vectors: Tensor2D | Tensor3D, rank: number): void {
    if (vectors.rank !== rank || vectors.shape[vectors.rank - 1] !== this.hiddenDim) {
      const expected = rank === 2 ? `[B, ${this.hiddenDim}]` : `[B, P, ${this.hiddenDim}]`;
      throw new ModelError(`${field} shape`, vectors.shape, expected);
    }
  }
}

/**
 * Divides each row (last axis) of `w` (fast weights, or keys `[B, P, H]`) by `max(‖row‖₂, 1e-8)`, computed as
 * `sqrt(max(‖row‖², 1e-16))`: the same value, whose gradient stays finite at a
 * zero row (that of `sqrt` at 0 would make it NaN).
 */
function normaliseRows(w: Tensor3D): Tensor3D {
  return div(w, sqrt(maximum(sum(square(w), 2, true), ROW_NORM_FLOOR ** 2)));
}
