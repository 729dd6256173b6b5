import { deriveSeed, type RandomGenerator } from '@pg/graphs';
import { concat, expandDims, relu, reshape, slice, squeeze, stack, tensor3d, tile, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { Dense } from './dense.js';
import { GraphNetwork, type ChunkResult, type GraphNetworkConfig, type ResolvedGraphNetworkConfig } from './graph-network.js';
import { PlasticLayer, type PlasticImplementation, type PlasticWriteRule } from './plastic-layer.js';
import { requireBoolean } from './validate.js';

/** Configuration of a {@link PlasticGraphNetwork}. The variants are all off by default, which is the seed's model. */
export interface PlasticGraphNetworkConfig extends GraphNetworkConfig {
  /** Learn a per-row decay of the fast weights before each write (see {@link PlasticLayer}). Default `false`. */
  decay?: boolean;
  /** Learn a gated write strength (see {@link PlasticLayer}). Default `false`. */
  gatedWrite?: boolean;
  /**
   * Also write the reverse of each traversed edge: with the key `relu(c1([x_t ‖ a_{t-1} ‖ 0 1]))`
   * and the value `relu(ca(x_{t-1}))`, in the same write (one renormalisation). Edges are
   * undirected with one action, so the reverse is as true as the forward move. Default `false`.
   */
  reverseWrite?: boolean;
  /**
   * How each write changes the fast weights: `hebbian` adds `v kᵀ` (the seed's rule),
   * `delta` replaces the value stored for the key (see {@link PlasticWriteRule}). Default `hebbian`.
   */
  writeRule?: PlasticWriteRule;
}

/** A {@link PlasticGraphNetwork}'s configuration with every default filled in. */
export type ResolvedPlasticGraphNetworkConfig = ResolvedGraphNetworkConfig &
  Required<Pick<PlasticGraphNetworkConfig, 'decay' | 'gatedWrite' | 'reverseWrite' | 'writeRule'>>;

/** Per-sequence state of a {@link PlasticGraphNetwork}. */
export type PlasticState = {
  /** The fast weights `W [B, H, H]`. */
  fastWeights: Tensor3D;
  /** The last row seen `[B, N + A]`, the source of the next acquisition; absent before the first row. */
  previousRow?: Tensor2D;
};

/**
 * The seed's plastic fast-weight network. With `N` nodes, `A` actions and hidden size `H`:
 * `c1 = Linear(N + A + 2, H)`, `ca = Linear(N, H)`, a {@link PlasticLayer} `W [B, H, H]`
 * and the decoder `Linear(H, I) → ReLU → Linear(I, N)`. The two extra input bits are the
 * mode: `[1, 0]` predict, `[0, 1]` acquire. At each step `t`:
 *
 * 1. acquire (for `t > 0`): `k = relu(c1([x_{t-1} ‖ a_{t-1} ‖ 0 1]))`, `v = relu(ca(x_t))`,
 *    `W ← rownorm(W + v kᵀ)` (or, with `writeRule: 'delta'`, `W ← rownorm(W + (v − W k̂) k̂ᵀ)`);
 * 2. predict: `q = relu(c1([x_t ‖ a_t ‖ 1 0]))`, `h = relu(W q)`, `logits_t = decoder(h)`.
 *
 * `W` starts from {@link PlasticLayer.initialState} for every sequence. The input
 * projections are computed for all rows at once; the loop over time only writes and reads.
 *
 * @example
 * ```ts
 * const model = new PlasticGraphNetwork({ numNodes: 50, numActions: 15, hiddenDim: 128, seed: 123 });
 * const logits = model.forward(inputs); // inputs [B, L, 65] → logits [B, L, 50]
 * model.countParameters(); // { slow: 29_602, fast: 16_384 }
 * ```
 */
export class PlasticGraphNetwork extends GraphNetwork<PlasticState> {
  /** The class name stored in checkpoints, robust to minification. */
  static readonly className = 'PlasticGraphNetwork';

  /** The fast-weight memory. */
  readonly plastic: PlasticLayer;
  /** Whether each write also stores the reverse of the traversed edge. */
  readonly reverseWrite: boolean;
  /**
   * How the fast-weight recurrence runs (see {@link PlasticImplementation}); `undefined`
   * (the default) lets the layer pick the fastest available. A setting of this process,
   * not of the model: it is not part of the configuration, so a checkpoint runs with
   * whatever is available where it is loaded.
   */
  implementation: PlasticImplementation | undefined;
  private readonly c1: Dense;
  private readonly ca: Dense;

  constructor(config: PlasticGraphNetworkConfig) {
    super(config, ['decay', 'gatedWrite', 'reverseWrite', 'writeRule']);
    this.reverseWrite = requireBoolean('reverseWrite', config.reverseWrite ?? false);
    this.implementation = undefined;
    this.c1 = new Dense(this.weights, 'c1', this.inputDim + 2, this.hiddenDim);
    this.ca = new Dense(this.weights, 'ca', this.numNodes, this.hiddenDim);
    this.plastic = new PlasticLayer({
      hiddenDim: this.hiddenDim,
      decay: config.decay ?? false,
      gatedWrite: config.gatedWrite ?? false,
      writeRule: config.writeRule ?? 'hebbian',
      seed: deriveSeed(this.seed, 'plastic'),
    });
    this.weights.adopt('plastic', this.plastic.namedVariables);
  }

  override getConfig(): ResolvedPlasticGraphNetworkConfig {
    const { decay, gatedWrite, writeRule } = this.plastic;
    return { ...this.baseConfig(), decay, gatedWrite, reverseWrite: this.reverseWrite, writeRule };
  }

  /** Fresh fast weights (standard-normal rows, row-normalised) and no previous row. */
  initialState(batchSize: number, rng?: RandomGenerator): PlasticState {
    return { fastWeights: this.plastic.initialState(batchSize, rng ?? this.defaultStateRng()) };
  }

  protected run(inputs: Tensor3D, state: PlasticState, withState: boolean): ChunkResult<PlasticState> {
    const length = inputs.shape[1];
    // The rows this chunk reads: the previous chunk's last row (if any), then the inputs.
    const offset = state.previousRow ? 1 : 0;
    const rows = state.previousRow ? concat([expandDims<Tensor3D>(state.previousRow, 1), inputs], 1) : inputs;
    const count = length + offset;

    // Predict: q_t = relu(c1([x_t ‖ a_t ‖ 1 0])).
    const queries = relu(this.c1.apply(withMode(fromStep(rows, offset, length), PREDICT)));
    // Acquire, for each move from row j to row j + 1: k = relu(c1([x_j ‖ a_j ‖ 0 1])), v = relu(ca(x_{j+1})).
    const [keys, values] = this.transitions(rows);
    // Move j writes into step j + 1 − offset; with reverseWrite it makes two writes.
    const perMove = this.reverseWrite ? 2 : 1;
    const writeSteps = Int32Array.from({ length: (count - 1) * perMove }, (_, n) => Math.floor(n / perMove) + 1 - offset);
    const { reads, state: fastWeights } = this.plastic.scan(
      state.fastWeights,
      { queries, keys, values, writeSteps },
      { implementation: this.implementation, withState },
    );
    const previousRow = squeeze<Tensor2D>(fromStep(inputs, length - 1, 1), [1]);
    return {
      logits: this.decoder.apply(reads),
      state: { fastWeights: fastWeights ?? state.fastWeights, previousRow },
    };
  }

  protected batchSizeOf(state: PlasticState): number {
    return state.fastWeights.shape[0];
  }

  protected fastStateSize(): number {
    return this.hiddenDim * this.hiddenDim;
  }

  /**
   * Keys and values of the writes `[B, M, H]`, one per move between consecutive rows (two,
   * forward then reverse, with {@link PlasticGraphNetworkConfig.reverseWrite}).
   */
  private transitions(rows: Tensor3D): [Tensor3D, Tensor3D] {
    const moves = rows.shape[1] - 1;
    const nodes = slice(rows, [0, 0, 0], [-1, -1, this.numNodes]);
    const keys = relu(this.c1.apply(withMode(fromStep(rows, 0, moves), ACQUIRE)));
    const embedded = relu(this.ca.apply(nodes));
    const values = fromStep(embedded, 1, moves);
    if (!this.reverseWrite) return [keys, values];
    // The move back from x_{j+1} to x_j takes the same action: k = relu(c1([x_{j+1} ‖ a_j ‖ 0 1])), v = relu(ca(x_j)).
    const actions = slice(rows, [0, 0, this.numNodes], [-1, -1, -1]);
    const reverseKeys = relu(this.c1.apply(withMode(concat([fromStep(nodes, 1, moves), fromStep(actions, 0, moves)], 2), ACQUIRE)));
    const reverseValues = fromStep(embedded, 0, moves);
    const interleave = (forward: Tensor3D, reverse: Tensor3D) => reshape(stack([forward, reverse], 2), [forward.shape[0], 2 * moves, forward.shape[2]]) as Tensor3D;
    return [interleave(keys, reverseKeys), interleave(values, reverseValues)];
  }
}

/** The mode bits appended to each row: `[1, 0]` predict, `[0, 1]` acquire. */
const PREDICT = [1, 0] as const;
const ACQUIRE = [0, 1] as const;

/** `[row ‖ mode]` for every row of `rows [B, L, D]`. */
function withMode(rows: Tensor3D, mode: readonly [number, number]): Tensor3D {
  const [batchSize, length] = rows.shape;
  const bits = tile(tensor3d([[mode as unknown as number[]]]), [batchSize, length, 1]);
  return concat([rows, bits], 2);
}

/** Steps `start … start + count - 1` of a `[B, L, H]` tensor. */
function fromStep(x: Tensor3D, start: number, count: number): Tensor3D {
  return slice(x, [0, start, 0], [-1, count, -1]);
}
