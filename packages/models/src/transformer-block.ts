import { add, concat, relu, reshape, split, transpose, type Tensor2D, type Tensor3D, type Tensor4D } from '@tensorflow/tfjs-core';
import { attend } from './causal-attention.js';
import { Dense } from './dense.js';
import { LayerNorm } from './layer-norm.js';
import type { WeightStore } from './weight-store.js';

/** What a {@link TransformerBlock} returns for a chunk. */
export interface BlockOutput {
  /** The residual stream after the block, `[B, L, H]`. */
  output: Tensor3D;
  /** Keys of every position so far (past and chunk), `[B, heads, T, H / heads]`. */
  keys: Tensor4D;
  /** Values of every position so far, `[B, heads, T, H / heads]`. */
  values: Tensor4D;
}

/**
 * A pre-norm transformer block: `x + attention(norm(x))`, then `x + FFN(norm(x))` with
 * `FFN = Linear(H, F) → ReLU → Linear(F, H)`. Attention is causal multi-head
 * self-attention over the cached keys and values of earlier chunks and the chunk itself.
 */
export class TransformerBlock {
  private readonly attentionNorm: LayerNorm;
  private readonly queryKeyValue: Dense;
  private readonly attentionOutput: Dense;
  private readonly feedForwardNorm: LayerNorm;
  private readonly feedForwardHidden: Dense;
  private readonly feedForwardOutput: Dense;

  constructor(
    weights: WeightStore,
    name: string,
    hiddenDim: number,
    private readonly numHeads: number,
    feedForwardDim: number,
  ) {
    this.attentionNorm = new LayerNorm(weights, `${name}/attention-norm`, hiddenDim);
    this.queryKeyValue = new Dense(weights, `${name}/query-key-value`, hiddenDim, 3 * hiddenDim);
    this.attentionOutput = new Dense(weights, `${name}/attention-output`, hiddenDim, hiddenDim);
    this.feedForwardNorm = new LayerNorm(weights, `${name}/feed-forward-norm`, hiddenDim);
    this.feedForwardHidden = new Dense(weights, `${name}/feed-forward-hidden`, hiddenDim, feedForwardDim);
    this.feedForwardOutput = new Dense(weights, `${name}/feed-forward-output`, feedForwardDim, hiddenDim);
  }

  /**
   * Runs the block on a chunk `x [B, L, H]` after the cached `pastKeys`/`pastValues`
   * (`[B, heads, T0, H / heads]`, `T0` may be 0), with `mask` = `causalMask(T0, L)`.
   */
  apply(x: Tensor3D, pastKeys: Tensor4D, pastValues: Tensor4D, mask: Tensor2D): BlockOutput {
    const [queries, newKeys, newValues] = split(this.queryKeyValue.apply(this.attentionNorm.apply(x)), 3, 2).map(
      (part) => this.splitHeads(part as Tensor3D),
    ) as [Tensor4D, Tensor4D, Tensor4D];
    const keys = concat([pastKeys, newKeys], 2);
    const values = concat([pastValues, newValues], 2);
    const attended = this.mergeHeads(attend(queries, keys, values, mask));
    const mid = add(x, this.attentionOutput.apply(attended));
    const feedForward = this.feedForwardOutput.apply(relu(this.feedForwardHidden.apply(this.feedForwardNorm.apply(mid))));
    return { output: add(mid, feedForward), keys, values };
  }

  /** `[B, L, H]` → `[B, heads, L, H / heads]`. */
  private splitHeads(x: Tensor3D): Tensor4D {
    const [batchSize, length, hiddenDim] = x.shape;
    return transpose(reshape(x, [batchSize, length, this.numHeads, hiddenDim / this.numHeads]), [0, 2, 1, 3]);
  }

  /** `[B, heads, L, H / heads]` → `[B, L, H]`. */
  private mergeHeads(x: Tensor4D): Tensor3D {
    const [batchSize, numHeads, length, headDim] = x.shape;
    return reshape(transpose(x, [0, 2, 1, 3]), [batchSize, length, numHeads * headDim]);
  }
}
