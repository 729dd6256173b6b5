import { relu, type Tensor } from '@tensorflow/tfjs-core';
import { Dense } from './dense.js';
import type { WeightStore } from './weight-store.js';

/**
 * The readout every graph network shares: `Linear(hiddenDim, intermediateDim)
 * → ReLU → Linear(intermediateDim, numNodes)`, applied to each time step.
 */
export class Decoder {
  private readonly hidden: Dense;
  private readonly output: Dense;

  constructor(weights: WeightStore, hiddenDim: number, intermediateDim: number, numNodes: number) {
    this.hidden = new Dense(weights, 'decoder/hidden', hiddenDim, intermediateDim);
    this.output = new Dense(weights, 'decoder/output', intermediateDim, numNodes);
  }

  /** Logits `[..., numNodes]` from hidden vectors `[..., hiddenDim]`. */
  apply<T extends Tensor>(hidden: T): T {
    return this.output.apply(relu(this.hidden.apply(hidden)));
  }
}
