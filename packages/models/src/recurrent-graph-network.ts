import type { RandomGenerator } from '@pg/graphs';
import { stack, unstack, zeros, type Tensor1D, type Tensor2D, type Tensor3D } from '@tensorflow/tfjs-core';
import { Dense } from './dense.js';
import { ModelError } from './errors.js';
import { GraphNetwork, type ChunkResult, type GraphNetworkConfig, type ResolvedGraphNetworkConfig } from './graph-network.js';
import { recurrentKernelScan, type RecurrentKernelCell } from './recurrent-kernel/recurrent-kernel-scan.js';
import { kernelAvailable } from './wasm-kernels/kernel-threads.js';
import { requireInteger } from './validate.js';

/** State of a recurrent network: named `[B, H]` vectors, always with the output `hidden`. */
export type RecurrentState = {
  /** The output vector `[B, H]`, decoded into logits. */
  hidden: Tensor2D;
};

/**
 * How a recurrent network runs its recurrence: `wasm`, as one op over the whole
 * chunk run by a WebAssembly SIMD kernel with a hand-written gradient, on both
 * cores in Node (see {@link setWasmKernelThreads}; the RNN, GRU and LSTM have
 * one); `reference`, step by step with the cell's `update`, the readable
 * definition the kernel is tested against. Both compute the same function.
 */
export type RecurrentImplementation = 'wasm' | 'reference';

/** The recurrent weights a kernel needs, and the chunk it runs over. */
export interface RecurrentKernelInputs<S extends RecurrentState> {
  /** `x_t W_ih + b_ih` for every step: `[B, L, G·H]`. */
  readonly inputGates: Tensor3D;
  /** `W_hh`, `[H, G·H]`. */
  readonly hiddenKernel: Tensor2D;
  /** `b_hh`, `[G·H]`. */
  readonly hiddenBias: Tensor1D;
  /** The state before the first step. */
  readonly state: S;
}

/** A recurrence run over a chunk. */
export interface RecurrentScan<S extends RecurrentState> {
  /** Every hidden vector, `[B, L, H]`. */
  readonly hidden: Tensor3D;
  /** The state after the last step. */
  readonly state: S;
}

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
  /**
   * How the recurrence runs (see {@link RecurrentImplementation}); `undefined` (the
   * default) picks the cell's kernel where it has one and the module is compiled,
   * the reference otherwise. A setting of this process, not of the model: it is
   * not part of the configuration, so a checkpoint runs with whatever is available
   * where it is loaded.
   */
  implementation: RecurrentImplementation | undefined = undefined;
  private readonly inputProjection: Dense;
  private readonly hiddenProjection: Dense;

  /**
   * @param gates - blocks of `H` columns in each projection (1 RNN, 3 GRU, 4 LSTM).
   * @param stateNames - the `[B, H]` vectors of the state, `hidden` first.
   * @param kernelCell - the cell of recurrent-kernel.c that computes the same recurrence, over a
   *   state of the same vectors in the same order (`'rnn'`, `'gru'`: `hidden`; `'lstm'`: `hidden`,
   *   `cell`); `undefined`: none.
   */
  protected constructor(
    config: GraphNetworkConfig,
    gates: number,
    private readonly stateNames: readonly (keyof S & string)[],
    private readonly kernelCell?: RecurrentKernelCell,
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
    const inputGates = this.inputProjection.apply(inputs);
    const kernelInputs = { inputGates, hiddenKernel: this.hiddenProjection.kernel as Tensor2D, hiddenBias: this.hiddenProjection.bias as Tensor1D, state };
    const implementation = this.implementation ?? (kernelAvailable() ? 'wasm' : 'reference');
    const kernel = implementation === 'wasm' ? this.kernelScan(kernelInputs) : undefined;
    if (implementation === 'wasm' && !kernel && this.implementation === 'wasm') {
      throw new ModelError('implementation', 'wasm', `'reference' or undefined (${this.getClassName()} has no kernel)`);
    }
    const { hidden, state: final } = kernel ?? this.referenceScan(inputGates, state);
    return { logits: this.decoder.apply(hidden), state: final };
  }

  /** The recurrence step by step with {@link RecurrentGraphNetwork.update}: every hidden vector `[B, L, H]` and the state after the last step. */
  private referenceScan(inputGates: Tensor3D, state: S): RecurrentScan<S> {
    let current = state;
    const hidden: Tensor2D[] = [];
    for (const gates of unstack(inputGates, 1) as Tensor2D[]) {
      current = this.update(gates, this.hiddenProjection.apply(current.hidden), current);
      hidden.push(current.hidden);
    }
    return { hidden: stack(hidden, 1) as Tensor3D, state: current };
  }

  /**
   * The cell's WebAssembly kernel over a whole chunk: every hidden vector `[B, L, H]` and
   * the state after the last step, equal to the step-by-step reference within float
   * tolerance; `undefined` where the cell has none. By default the kernel of the
   * constructor's `kernelCell`.
   */
  protected kernelScan({ inputGates, hiddenKernel, hiddenBias, state }: RecurrentKernelInputs<S>): RecurrentScan<S> | undefined {
    if (!this.kernelCell) return undefined;
    const initial = this.stateNames.map((name) => state[name] as Tensor2D);
    const { hidden, final } = recurrentKernelScan(this.kernelCell, { inputGates, hiddenKernel, hiddenBias, initial });
    return { hidden, state: Object.fromEntries(this.stateNames.map((name, i) => [name, final[i]])) as S };
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
