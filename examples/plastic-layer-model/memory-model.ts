import type { NextNodeModel } from '@pg/eval';
import { createRng, deriveSeed, type RandomGenerator } from '@pg/graphs';
import { PlasticLayer } from '@pg/models';
import {
  add,
  clone,
  matMul,
  randomNormal,
  relu,
  reshape,
  slice,
  squeeze,
  stack,
  tidy,
  variable,
  zeros,
  type Tensor2D,
  type Tensor3D,
  type Variable,
} from '@tensorflow/tfjs-core';

/** Sizes of a {@link MemoryModel}. */
export interface MemoryModelOptions {
  numNodes: number;
  numActions: number;
  hiddenDim: number;
  /** Seed of the initial slow weights and of the default fast weights. */
  seed: number;
}

/**
 * The per-walk state of a {@link MemoryModel}: the fast weights, and the key of the
 * last row read, whose move is written once the next row shows where it led
 * (absent before the first row).
 */
export type MemoryState = { memory: Tensor3D; lastKey?: Tensor2D };

/**
 * A next-node model of our own around a {@link PlasticLayer}: a lookup table
 * that it writes as it walks. One projection turns a row `[node ‖ action]`
 * into a key; after each move the key of the move is written with the
 * embedding of the node it led to, and the key of the current move reads the
 * memory back. Only the projections are trained; the table itself is learnt
 * afresh for every walk. It implements @pg/eval's `NextNodeModel`, so the
 * library's evaluations measure it as they measure the built-in networks.
 *
 * @example
 * ```ts
 * const model = new MemoryModel({ numNodes: 8, numActions: 10, hiddenDim: 32, seed: 1 });
 * const logits = model.forward(inputs, model.initialState(inputs.shape[0], createRng(2))); // [B, L, 8]
 * ```
 */
export class MemoryModel implements NextNodeModel<MemoryState> {
  readonly numNodes: number;
  readonly numActions: number;
  readonly layer: PlasticLayer;
  private readonly keys: Variable;
  private readonly values: Variable;
  private readonly readout: Variable;
  private readonly readoutBias: Variable;

  constructor(readonly options: MemoryModelOptions) {
    const { numNodes, numActions, hiddenDim, seed } = options;
    this.numNodes = numNodes;
    this.numActions = numActions;
    this.layer = new PlasticLayer({ hiddenDim });
    const scale = (fanIn: number) => 1 / Math.sqrt(fanIn);
    this.keys = variable(randomNormal([numNodes + numActions, hiddenDim], 0, scale(numNodes + numActions), 'float32', seed));
    this.values = variable(randomNormal([numNodes, hiddenDim], 0, scale(numNodes), 'float32', seed + 1));
    this.readout = variable(randomNormal([hiddenDim, numNodes], 0, scale(hiddenDim), 'float32', seed + 2));
    this.readoutBias = variable(zeros([numNodes]));
  }

  /** Everything an optimizer should train: our projections and the layer's own parameters (none by default). */
  get trainableVariables(): Variable[] {
    return [this.keys, this.values, this.readout, this.readoutBias, ...this.layer.trainableVariables];
  }

  /** Fresh fast weights for `batchSize` walks. */
  initialState(batchSize: number, rng: RandomGenerator = createRng(deriveSeed(this.options.seed, 'initial-state'))): MemoryState {
    return { memory: this.layer.initialState(batchSize, rng) };
  }

  /** Logits `[B, L, N]` of the next node at every step of `inputs [B, L, N + A]`, from `state` (left intact). */
  forward(inputs: Tensor3D, state: MemoryState): Tensor3D {
    // The state after the chunk is made inside the tidy and freed with it.
    return tidy(() => this.forwardWithState(inputs, state).logits);
  }

  /** The logits of a chunk and the state after it, so that long walks can run a chunk at a time. */
  forwardWithState(inputs: Tensor3D, state: MemoryState): { logits: Tensor3D; state: MemoryState } {
    return tidy(() => {
      const [batchSize, length] = inputs.shape;
      const { numNodes, hiddenDim } = this.options;
      // Project every row at once: [B·L, width] × [width, H] → [B, L, H].
      const project = (rows: Tensor3D, weights: Variable) =>
        reshape(relu(matMul(reshape(rows, [batchSize * length, -1]), weights)), [batchSize, length, hiddenDim]) as Tensor3D;
      const keys = project(inputs, this.keys);
      const values = project(slice(inputs, [0, 0, 0], [-1, -1, numNodes]), this.values);
      const at = (x: Tensor3D, t: number) => squeeze<Tensor2D>(slice(x, [0, t, 0], [-1, 1, -1]), [1]);
      let { memory, lastKey } = state;
      const read: Tensor2D[] = [];
      for (let t = 0; t < length; t++) {
        // The move into this row's node is now known: store it under the key of the previous row.
        if (lastKey) memory = this.layer.write(memory, lastKey, at(values, t));
        lastKey = at(keys, t);
        read.push(this.layer.read(memory, lastKey));
      }
      const hidden = reshape(stack(read, 1), [batchSize * length, hiddenDim]) as Tensor2D;
      const logits = reshape(add(matMul(hidden, this.readout), this.readoutBias), [batchSize, length, numNodes]) as Tensor3D;
      // A one-row first chunk writes nothing: copy the memory, since the caller frees the state it gave.
      return { logits, state: { memory: memory === state.memory ? clone(memory) : memory, lastKey } };
    });
  }
}
