import { add, mul, sigmoid, split, sub, tanh, type Tensor2D } from '@tensorflow/tfjs-core';
import type { GraphNetworkConfig } from './graph-network.js';
import { RecurrentGraphNetwork, type RecurrentState } from './recurrent-graph-network.js';

/**
 * A GRU baseline (PyTorch's `nn.GRU` equations and initialisation), then the shared decoder:
 * `r = σ(x W_ir + b_ir + h W_hr + b_hr)`, `z = σ(x W_iz + b_iz + h W_hz + b_hz)`,
 * `n = tanh(x W_in + b_in + r ⊙ (h W_hn + b_hn))`, `h' = (1 − z) ⊙ n + z ⊙ h`. The recurrence
 * runs in a WebAssembly kernel by default (see {@link RecurrentGraphNetwork.implementation}).
 *
 * @example
 * ```ts
 * const model = new GRUGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64 });
 * ```
 */
export class GRUGraphNetwork extends RecurrentGraphNetwork<RecurrentState> {
  /** The class name stored in checkpoints, robust to minification. */
  static readonly className = 'GRUGraphNetwork';

  constructor(config: GraphNetworkConfig) {
    super(config, 3, ['hidden'], 'gru');
  }

  protected update(inputGates: Tensor2D, hiddenGates: Tensor2D, state: RecurrentState): RecurrentState {
    const [inputReset, inputUpdate, inputCandidate] = split(inputGates, 3, 1) as [Tensor2D, Tensor2D, Tensor2D];
    const [hiddenReset, hiddenUpdate, hiddenCandidate] = split(hiddenGates, 3, 1) as [Tensor2D, Tensor2D, Tensor2D];
    const reset = sigmoid(add(inputReset, hiddenReset));
    const update = sigmoid(add(inputUpdate, hiddenUpdate));
    const candidate = tanh(add(inputCandidate, mul(reset, hiddenCandidate)));
    return { hidden: add(candidate, mul(update, sub(state.hidden, candidate))) };
  }
}
