import { PlasticLayer } from '@pg/models';
import type { RandomGenerator } from '@pg/graphs';
import {
  add,
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
  /** Seed of the initial slow weights. */
  seed: number;
}

/**
 * A next-node model of our own around a {@link PlasticLayer}: a lookup table
 * that it writes as it walks. One projection turns a row `[node ‖ action]`
 * into a key; after each move the key of the move is written with the
 * embedding of the node it led to, and the key of the current move reads the
 * memory back. Only the three projections are trained; the table itself is
 * learnt afresh for every walk.
 *
 * @example
 * ```ts
 * const model = new MemoryModel({ numNodes: 8, numActions: 10, hiddenDim: 32, seed: 1 });
 * const logits = model.forward(inputs, model.layer.initialState(inputs.shape[0], createRng(2))); // [B, L, 8]
 * ```
 */
export class MemoryModel {
  readonly layer: PlasticLayer;
  private readonly keys: Variable;
  private readonly values: Variable;
  private readonly readout: Variable;
  private readonly readoutBias: Variable;

  constructor(readonly options: MemoryModelOptions) {
    const { numNodes, numActions, hiddenDim, seed } = options;
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
  initialState(batchSize: number, rng: RandomGenerator): Tensor3D {
    return this.layer.initialState(batchSize, rng);
  }

  /**
   * Logits `[B, L, N]` of the next node at every step of `inputs [B, L, N + A]`,
   * starting from the fast weights `state` (left intact).
   */
  forward(inputs: Tensor3D, state: Tensor3D): Tensor3D {
    return tidy(() => {
      const [batchSize, length] = inputs.shape;
      const { numNodes, hiddenDim } = this.options;
      // Project every row at once: [B·L, width] × [width, H] → [B, L, H].
      const project = (rows: Tensor3D, weights: Variable) =>
        reshape(relu(matMul(reshape(rows, [batchSize * length, -1]), weights)), [batchSize, length, hiddenDim]) as Tensor3D;
      const keys = project(inputs, this.keys);
      const values = project(slice(inputs, [0, 0, 0], [-1, -1, numNodes]), this.values);
      const at = (x: Tensor3D, t: number) => squeeze<Tensor2D>(slice(x, [0, t, 0], [-1, 1, -1]), [1]);
      let memory = state;
      const read: Tensor2D[] = [];
      for (let t = 0; t < length; t++) {
        // The move into this row's node is now known: store it under the key of the previous row.
        if (t > 0) memory = this.layer.write(memory, at(keys, t - 1), at(values, t));
        read.push(this.layer.read(memory, at(keys, t)));
      }
      const hidden = reshape(stack(read, 1), [batchSize * length, hiddenDim]) as Tensor2D;
      return reshape(add(matMul(hidden, this.readout), this.readoutBias), [batchSize, length, numNodes]) as Tensor3D;
    });
  }
}
