import type { RandomGenerator } from '@pg/graphs';
import { stack, unstack, zeros, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { Dense } from './dense.js';
import { GraphNetwork, type ChunkResult, type GraphNetworkConfig, type ResolvedGraphNetworkConfig } from './graph-network.js';
import { requireInteger } from './validate.js';

/** State of a recurrent network: named `[B, H]` vectors, always with the output `hidden`. */
export type RecurrentState = {
  /** The output vector `[B, H]`, decoded into logits. */
  hidden: Tensor2D;
};

/**
 * The skeleton the RNN, GRU and LSTM networks share: an input projection with
 * `G` gates computed for every row at once, `x W_ih + b_ih` (`[B, L, G·H]`), a
 * recurrent projection `h W_hh + b_hh` each step, a cell-specific update, and the
 * shared decoder on every hidden vector. Weights and biases start uniform in
 * `±1/√H`, as PyTorch's recurrent layers. The state starts at zero.
 *
 * @example
 * ```ts
 * class MinimalGatedNetwork extends RecurrentGraphNetwork<RecurrentState> {
 *   static readonly className = 'MinimalGatedNetwork';
 *   constructor(config: GraphNetworkConfig) {
 *     super(config, 2, ['hidden']);
 *   }
 *   protected update(x: Tensor2D, h: Tensor2D, state: RecurrentState): RecurrentState {
 *     const [xf, xc] = split(x, 2, 1);
 *     const [hf, hc] = split(h, 2, 1);
 *     const forget = sigmoid(add(xf, hf));
 *     const candidate = tanh(add(xc, mul(forget, hc)));
 *     return { hidden: add(candidate, mul(forget, sub(state.hidden, candidate))) };
 *   }
 * }
 * ```
 */
export abstract class RecurrentGraphNetwork<S extends RecurrentState> extends GraphNetwork<S> {
  private readonly inputProjection: Dense;
  private readonly hiddenProjection: Dense;

  /**
   * @param gates - blocks of `H` columns in each projection (1 RNN, 3 GRU, 4 LSTM).
   * @param stateNames - the `[B, H]` vectors of the state, `hidden` first.
   */
  protected constructor(
    config: GraphNetworkConfig,
    gates: number,
    private readonly stateNames: readonly (keyof S & string)[],
  ) {
    super(config, []);
    const bound = 1 / Math.sqrt(this.hiddenDim);
    this.inputProjection = new Dense(this.weights, 'recurrent/input', this.inputDim, gates * this.hiddenDim, bound);
    this.hiddenProjection = new Dense(this.weights, 'recurrent/hidden', this.hiddenDim, gates * this.hiddenDim, bound);
  }

  override getConfig(): ResolvedGraphNetworkConfig {
    return this.baseConfig();
  }

  /** A zero state for `batchSize` sequences (`rng` is not used). */
  initialState(batchSize: number, _rng?: RandomGenerator): S {
    requireInteger('batchSize', batchSize, 1);
    return Object.fromEntries(this.stateNames.map((name) => [name, zeros([batchSize, this.hiddenDim])])) as S;
  }

  protected run(inputs: Tensor3D, state: S): ChunkResult<S> {
    const projected = unstack(this.inputProjection.apply(inputs), 1) as Tensor2D[];
    let current = state;
    const hidden: Tensor2D[] = [];
    for (const inputGates of projected) {
      current = this.update(inputGates, this.hiddenProjection.apply(current.hidden), current);
      hidden.push(current.hidden);
    }
    return { logits: this.decoder.apply(stack(hidden, 1) as Tensor3D), state: current };
  }

  /**
   * One step of the cell.
   *
   * @param inputGates - `x_t W_ih + b_ih`, `[B, G·H]`.
   * @param hiddenGates - `h_{t-1} W_hh + b_hh`, `[B, G·H]`.
   * @param state - the state before the step.
   */
  protected abstract update(inputGates: Tensor2D, hiddenGates: Tensor2D, state: S): S;

  protected batchSizeOf(state: S): number {
    return state.hidden.shape[0];
  }

  protected fastStateSize(): number {
    return this.stateNames.length * this.hiddenDim;
  }
}
