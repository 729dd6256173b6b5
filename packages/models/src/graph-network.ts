import { createRng, deriveSeed, type RandomGenerator } from '@pg/graphs';
import {
  dispose,
  expandDims,
  squeeze,
  tidy,
  type Tensor,
  type Tensor2D,
  type Tensor3D,
  type TensorContainerObject,
  type Variable,
} from '@tensorflow/tfjs-core';
import { Decoder } from './decoder.js';
import { ModelError } from './errors.js';
import { requireInteger, requireKnownKeys } from './validate.js';
import { WeightStore } from './weight-store.js';

/** The configuration every graph network accepts. Keys follow the seed project where it has them. */
export interface GraphNetworkConfig {
  /** Number of graph nodes `N`: the size of the node one-hot and of the logits. An integer ≥ 1. */
  numNodes: number;
  /** Number of action labels `A`. An integer ≥ 1. */
  numActions: number;
  /** Hidden size `H`. An integer ≥ 1. */
  hiddenDim: number;
  /** Width `I` of the decoder's intermediate layer. Default `floor(sqrt(hiddenDim · numNodes))`, as in the seed. */
  intermediateDim?: number;
  /** Seed of the initial weights and of the default initial state. Default 0. */
  seed?: number;
}

/** The {@link GraphNetworkConfig} keys with their defaults filled in, as `getConfig()` returns them. */
export type ResolvedGraphNetworkConfig = Required<GraphNetworkConfig>;

/** Per-sequence state of a graph network: named tensors, passed in and out explicitly. */
export type NetworkState = TensorContainerObject;

/** What {@link GraphNetwork.step} returns: the logits of one step and the state after it. */
export type StepResult<S extends NetworkState> = {
  /** Logits `[B, N]` of the next node. */
  logits: Tensor2D;
  /** The state after the step. */
  state: S;
};

/** What {@link GraphNetwork.forwardWithState} returns: the logits of a chunk and the state after it. */
export type ChunkResult<S extends NetworkState> = {
  /** Logits `[B, L, N]`; `logits[:, t]` predicts the node after row `t`. */
  logits: Tensor3D;
  /** The state after the chunk. */
  state: S;
};

/** Sizes of a network: trained parameters, and state values per sequence. */
export interface ParameterCounts {
  /** Trainable parameters (slow weights). */
  slow: number;
  /** Values of the per-sequence state the network writes as it runs (fast weights, hidden vectors, attention cache). */
  fast: number;
}

const BASE_KEYS = ['numNodes', 'numActions', 'hiddenDim', 'intermediateDim', 'seed'];

/**
 * The common base of the graph networks (the seed's `BaseGraphNetwork`): seeded
 * weights, validated configuration, the shared MLP decoder, parameter counts, and
 * three ways to run that agree to float tolerance:
 *
 * - {@link GraphNetwork.forward}: a whole sequence `[B, L, N + A]` → logits `[B, L, N]`;
 * - {@link GraphNetwork.forwardWithState}: a chunk, from a given state, returning the state after it;
 * - {@link GraphNetwork.step}: one row `[B, N + A]` at a time.
 *
 * Row `t` of the input is `[one_hot(x_t) ‖ one_hot(a_t)]` and `logits[:, t]` predicts `x_{t+1}`.
 * State is an explicit value: every method leaves the state it is given intact and returns
 * new tensors, which the caller frees with {@link GraphNetwork.disposeState}.
 *
 * @example
 * ```ts
 * const model = createGraphNetwork('rnn', { numNodes: 8, numActions: 10, hiddenDim: 64 });
 * const logits = model.forward(inputs); // [B, L, 8]
 * let state = model.initialState(1);
 * const { logits: first, state: next } = model.step(state, row); // [1, 8]
 * model.disposeState(state);
 * ```
 */
export abstract class GraphNetwork<S extends NetworkState = NetworkState> {
  /** Number of graph nodes `N`. */
  readonly numNodes: number;
  /** Number of action labels `A`. */
  readonly numActions: number;
  /** Hidden size `H`. */
  readonly hiddenDim: number;
  /** Width `I` of the decoder's intermediate layer. */
  readonly intermediateDim: number;
  /** Seed of the initial weights and of the default initial state. */
  readonly seed: number;
  /** The trainable variables, created and named by the subclasses. @internal */
  protected readonly weights: WeightStore;
  /** The shared decoder `Linear(H, I) → ReLU → Linear(I, N)`. @internal */
  protected readonly decoder: Decoder;

  /** @param knownKeys - the configuration keys of the subclass beyond the common ones. */
  protected constructor(config: GraphNetworkConfig, knownKeys: readonly string[]) {
    // The seed's plastic configs sized a buffer per model; here state is sized per call.
    if ('batchSize' in config) {
      throw new ModelError('batchSize', (config as { batchSize?: unknown }).batchSize, 'left out: a network is not sized per batch (pass the batch size to initialState)');
    }
    requireKnownKeys('config', config, [...BASE_KEYS, ...knownKeys]);
    this.numNodes = requireInteger('numNodes', config.numNodes, 1);
    this.numActions = requireInteger('numActions', config.numActions, 1);
    this.hiddenDim = requireInteger('hiddenDim', config.hiddenDim, 1);
    const defaultIntermediate = Math.max(1, Math.floor(Math.sqrt(this.hiddenDim * this.numNodes)));
    this.intermediateDim = requireInteger('intermediateDim', config.intermediateDim ?? defaultIntermediate, 1);
    this.seed = requireInteger('seed', config.seed ?? 0, Number.MIN_SAFE_INTEGER);
    this.weights = new WeightStore(this.seed);
    this.decoder = new Decoder(this.weights, this.hiddenDim, this.intermediateDim, this.numNodes);
  }

  /**
   * Rebuilds a network from its {@link GraphNetwork.getConfig} output, or builds one
   * from any valid configuration of the class it is called on.
   *
   * @example
   * ```ts
   * const copy = PlasticGraphNetwork.fromConfig(model.getConfig()); // same seed, same weights
   * ```
   */
  static fromConfig<C, T>(this: new (config: C) => T, config: C): T {
    return new this(config);
  }

  /** Width of an input row, `N + A`. */
  get inputDim(): number {
    return this.numNodes + this.numActions;
  }

  /** The class name stored in checkpoints (the static `className` of the class). */
  getClassName(): string {
    return (this.constructor as unknown as { className: string }).className;
  }

  /** The configuration that rebuilds this network, every default filled in. */
  abstract getConfig(): ResolvedGraphNetworkConfig;

  /**
   * A fresh state for `batchSize` sequences. Networks with random initial state (the
   * plastic network) draw it from `rng`, by default from a new generator derived from the
   * model seed, so that `forward(inputs)` is a pure function of its inputs.
   */
  abstract initialState(batchSize: number, rng?: RandomGenerator): S;

  /**
   * Runs a chunk of `L ≥ 1` rows from `state` (which is left intact) and returns the
   * logits `[B, L, N]` and the state after the chunk. Running a sequence in chunks, or
   * row by row, gives the same logits as running it whole.
   *
   * @example
   * ```ts
   * let state = model.initialState(4);
   * for (const chunk of chunks) {
   *   const result = model.forwardWithState(chunk, state);
   *   model.disposeState(state);
   *   state = result.state;
   *   use(result.logits);
   * }
   * ```
   */
  forwardWithState(inputs: Tensor3D, state: S): ChunkResult<S> {
    this.checkState(inputs, state);
    return tidy(() => this.run(inputs, state, true));
  }

  /**
   * Logits `[B, L, N]` of a whole sequence `[B, L, N + A]`, from `state` (default: a
   * fresh {@link GraphNetwork.initialState}). `logits[:, t]` predicts `x_{t+1}`.
   *
   * @example
   * ```ts
   * const logits = model.forward(inputs);
   * ```
   */
  forward(inputs: Tensor3D, state?: S): Tensor3D {
    this.checkInputs(inputs);
    return tidy(() => {
      const initial = state ?? this.initialState(inputs.shape[0]);
      this.checkState(inputs, initial);
      // The state after the sequence is not returned, so networks may skip computing it.
      return this.run(inputs, initial, false).logits;
    });
  }

  /**
   * One observation: `row [B, N + A]` → logits `[B, N]` for the next node, and the new
   * state. The given state is left intact.
   *
   * @example
   * ```ts
   * const { logits, state: next } = model.step(state, row);
   * model.disposeState(state);
   * ```
   */
  step(state: S, row: Tensor2D): StepResult<S> {
    if (row.rank !== 2) throw new ModelError('row shape', row.shape, `[B, ${this.inputDim}]`);
    return tidy(() => {
      const { logits, state: next } = this.forwardWithState(expandDims<Tensor3D>(row, 1), state);
      return { logits: squeeze<Tensor2D>(logits, [1]), state: next };
    });
  }

  /** Frees the tensors of a state. */
  disposeState(state: S): void {
    dispose(state);
  }

  /** The trainable variables, by name (`c1/kernel`, `decoder/hidden/bias`, …); the names key checkpoints. */
  get namedVariables(): ReadonlyMap<string, Variable> {
    return this.weights.variables;
  }

  /** The trainable variables, for an optimizer's `minimize(f, returnCost, varList)`. */
  get trainableVariables(): Variable[] {
    return [...this.weights.variables.values()];
  }

  /** Trainable parameters (`slow`) and state values per sequence (`fast`). */
  countParameters(): ParameterCounts {
    return { slow: this.weights.size, fast: this.fastStateSize() };
  }

  /** Frees every variable of the network. */
  dispose(): void {
    this.weights.dispose();
  }

  /** The configuration keys shared by every network, defaults filled in. */
  protected baseConfig(): ResolvedGraphNetworkConfig {
    const { numNodes, numActions, hiddenDim, intermediateDim, seed } = this;
    return { numNodes, numActions, hiddenDim, intermediateDim, seed };
  }

  /** The generator of the default initial state: the same for every call. */
  protected defaultStateRng(): RandomGenerator {
    return createRng(deriveSeed(this.seed, 'initial-state'));
  }

  /**
   * The forward pass of a chunk, inside a `tidy`; inputs and state are already
   * checked. Without `withState` the caller discards the returned state, so a
   * network may return its input state instead of computing the new one.
   */
  protected abstract run(inputs: Tensor3D, state: S, withState: boolean): ChunkResult<S>;

  /** The number of sequences a state holds. */
  protected abstract batchSizeOf(state: S): number;

  /** State values per sequence (see {@link ParameterCounts.fast}). */
  protected abstract fastStateSize(): number;

  private checkState(inputs: Tensor3D, state: S): void {
    this.checkInputs(inputs);
    const batchSize = this.batchSizeOf(state);
    if (inputs.shape[0] !== batchSize) {
      throw new ModelError('inputs batch size', inputs.shape[0], `the state's batch size ${batchSize}`);
    }
  }

  private checkInputs(inputs: Tensor): void {
    if (inputs.rank !== 3 || inputs.shape[2] !== this.inputDim || inputs.shape[1] === 0) {
      throw new ModelError('inputs shape', inputs.shape, `[B, L ≥ 1, ${this.inputDim}] (numNodes + numActions)`);
    }
  }
}
