import { add, tanh, type Tensor2D } from '@tensorflow/tfjs-core';
import type { GraphNetworkConfig } from './graph-network.js';
import { RecurrentGraphNetwork, type RecurrentState } from './recurrent-graph-network.js';

/**
 * The seed's RNN baseline: an Elman RNN (PyTorch's `nn.RNN`, two bias vectors),
 * `h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)` from `h_0 = 0`, then the shared
 * decoder `Linear(H, I) → ReLU → Linear(I, N)` on every `h_t`. The recurrence runs in a
 * WebAssembly kernel by default (see {@link RecurrentGraphNetwork.implementation}).
 *
 * @example
 * ```ts
 * const model = new RNNGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64, seed: 42 });
 * const logits = model.forward(inputs); // [B, L, 20]
 * ```
 */
export class RNNGraphNetwork extends RecurrentGraphNetwork<RecurrentState> {
  /** The class name stored in checkpoints, robust to minification. */
  static readonly className = 'RNNGraphNetwork';

  constructor(config: GraphNetworkConfig) {
    super(config, 1, ['hidden'], 'rnn');
  }

  protected update(inputGates: Tensor2D, hiddenGates: Tensor2D): RecurrentState {
    return { hidden: tanh(add<Tensor2D>(inputGates, hiddenGates)) };
  }
}
