import type { RandomGenerator } from '@pg/graphs';
import { add, slice, zeros, type Tensor2D, type Tensor3D, type Tensor4D, type Variable } from '@tensorflow/tfjs-core';
import { causalMask } from './causal-attention.js';
import { Dense } from './dense.js';
import { ModelError } from './errors.js';
import { GraphNetwork, type ChunkResult, type GraphNetworkConfig, type ResolvedGraphNetworkConfig } from './graph-network.js';
import { LayerNorm } from './layer-norm.js';
import { sinusoidalPositions } from './sinusoidal-positions.js';
import { TransformerBlock } from './transformer-block.js';
import { requireInteger, requireOneOf } from './validate.js';

/** How a {@link TransformerGraphNetwork} encodes positions. */
export type PositionEncoding = 'sinusoidal' | 'learned';

const POSITION_ENCODINGS: readonly PositionEncoding[] = ['sinusoidal', 'learned'];

/** Standard deviation of the learned position embeddings' initial values (as GPT-2). */
const POSITION_STD = 0.02;

/** Configuration of a {@link TransformerGraphNetwork}. */
export interface TransformerGraphNetworkConfig extends GraphNetworkConfig {
  /** Transformer blocks. An integer ≥ 1; default 2. */
  numLayers?: number;
  /** Attention heads, a divisor of `hiddenDim`. Default 4. */
  numHeads?: number;
  /** Width of each block's feed-forward layer. Default `4 · hiddenDim`. */
  feedForwardDim?: number;
  /** `'sinusoidal'` (fixed, the default) or `'learned'` (a trained `[maxLength, H]` table). */
  positions?: PositionEncoding;
  /** The most rows a sequence may have, across all its chunks (the attention cache holds them all). Default 2048. */
  maxLength?: number;
}

/** A {@link TransformerGraphNetwork}'s configuration with every default filled in. */
export type ResolvedTransformerGraphNetworkConfig = ResolvedGraphNetworkConfig &
  Required<Pick<TransformerGraphNetworkConfig, 'numLayers' | 'numHeads' | 'feedForwardDim' | 'positions' | 'maxLength'>>;

/** State of a {@link TransformerGraphNetwork}: the attention cache of every block, `[B, heads, T, H / heads]` each. */
export type TransformerState = {
  /** The keys of every row so far, one tensor per block. */
  keys: Tensor4D[];
  /** The values of every row so far, one tensor per block. */
  values: Tensor4D[];
};

/**
 * A causal transformer baseline, the strongest generic sequence learner: rows are embedded
 * by `Linear(N + A, H)` plus a position encoding, pass through `numLayers` pre-norm blocks
 * (causal multi-head self-attention and a ReLU feed-forward layer, each residual), a final
 * layer norm, and the shared decoder. `step` and `forwardWithState` keep every key and value
 * so far (a cache of `2 · numLayers · T · H` values per sequence), so a sequence run in
 * chunks gives the logits of the whole.
 *
 * @example
 * ```ts
 * const model = new TransformerGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64, numLayers: 2, numHeads: 4 });
 * const logits = model.forward(inputs); // [B, L, 20]
 * ```
 */
export class TransformerGraphNetwork extends GraphNetwork<TransformerState> {
  /** The class name stored in checkpoints, robust to minification. */
  static readonly className = 'TransformerGraphNetwork';

  /** Transformer blocks. */
  readonly numLayers: number;
  /** Attention heads per block. */
  readonly numHeads: number;
  /** Width of each block's feed-forward layer. */
  readonly feedForwardDim: number;
  /** How positions are encoded. */
  readonly positions: PositionEncoding;
  /** The most rows a sequence may have across its chunks. */
  readonly maxLength: number;
  private readonly embedding: Dense;
  private readonly positionTable: Variable | undefined;
  private readonly blocks: TransformerBlock[];
  private readonly finalNorm: LayerNorm;

  constructor(config: TransformerGraphNetworkConfig) {
    super(config, ['numLayers', 'numHeads', 'feedForwardDim', 'positions', 'maxLength']);
    const { hiddenDim } = this;
    this.numLayers = requireInteger('numLayers', config.numLayers ?? 2, 1);
    this.numHeads = requireInteger('numHeads', config.numHeads ?? 4, 1);
    if (hiddenDim % this.numHeads !== 0) {
      throw new ModelError('numHeads', this.numHeads, `a divisor of hiddenDim ${hiddenDim}`);
    }
    this.feedForwardDim = requireInteger('feedForwardDim', config.feedForwardDim ?? 4 * hiddenDim, 1);
    this.positions = requireOneOf('positions', config.positions ?? 'sinusoidal', POSITION_ENCODINGS);
    this.maxLength = requireInteger('maxLength', config.maxLength ?? 2048, 1);
    this.embedding = new Dense(this.weights, 'embedding', this.inputDim, hiddenDim);
    this.positionTable =
      this.positions === 'learned' ? this.weights.normal('positions', [this.maxLength, hiddenDim], POSITION_STD) : undefined;
    this.blocks = Array.from(
      { length: this.numLayers },
      (_, i) => new TransformerBlock(this.weights, `block${i}`, hiddenDim, this.numHeads, this.feedForwardDim),
    );
    this.finalNorm = new LayerNorm(this.weights, 'final-norm', hiddenDim);
  }

  override getConfig(): ResolvedTransformerGraphNetworkConfig {
    const { numLayers, numHeads, feedForwardDim, positions, maxLength } = this;
    return { ...this.baseConfig(), numLayers, numHeads, feedForwardDim, positions, maxLength };
  }

  /** Empty attention caches for `batchSize` sequences (`rng` is not used). */
  initialState(batchSize: number, _rng?: RandomGenerator): TransformerState {
    requireInteger('batchSize', batchSize, 1);
    const empty = (): Tensor4D => zeros([batchSize, this.numHeads, 0, this.hiddenDim / this.numHeads]);
    return { keys: this.blocks.map(empty), values: this.blocks.map(empty) };
  }

  protected run(inputs: Tensor3D, state: TransformerState): ChunkResult<TransformerState> {
    const length = inputs.shape[1];
    const past = state.keys[0]!.shape[2];
    if (past + length > this.maxLength) {
      throw new ModelError('sequence length', past + length, `at most maxLength ${this.maxLength}`);
    }
    const mask = causalMask(past, length);
    let x = add<Tensor3D>(this.embedding.apply(inputs), this.positionRows(past, length));
    const keys: Tensor4D[] = [];
    const values: Tensor4D[] = [];
    this.blocks.forEach((block, i) => {
      const result = block.apply(x, state.keys[i]!, state.values[i]!, mask);
      x = result.output;
      keys.push(result.keys);
      values.push(result.values);
    });
    return { logits: this.decoder.apply(this.finalNorm.apply(x)), state: { keys, values } };
  }

  protected batchSizeOf(state: TransformerState): number {
    return state.keys[0]!.shape[0];
  }

  /** The largest cache a sequence can fill: `2 · numLayers · maxLength · H`. */
  protected fastStateSize(): number {
    return 2 * this.numLayers * this.maxLength * this.hiddenDim;
  }

  /** Position encodings `[length, H]` of positions `start … start + length - 1`. */
  private positionRows(start: number, length: number): Tensor2D {
    return this.positionTable
      ? slice(this.positionTable as Tensor2D, [start, 0], [length, this.hiddenDim])
      : sinusoidalPositions(start, length, this.hiddenDim);
  }
}
