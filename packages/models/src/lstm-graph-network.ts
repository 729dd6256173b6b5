import { add, mul, sigmoid, split, tanh, type Tensor2D } from '@tensorflow/tfjs-core';
import type { GraphNetworkConfig } from './graph-network.js';
import { RecurrentGraphNetwork } from './recurrent-graph-network.js';

/** State of an {@link LSTMGraphNetwork}: the output `hidden` and the memory `cell`, both `[B, H]`. */
export type LSTMState = {
  /** The output vector `[B, H]`. */
  hidden: Tensor2D;
  /** The memory cell `[B, H]`. */
  cell: Tensor2D;
};

/**
 * An LSTM baseline (PyTorch's `nn.LSTM` equations and initialisation, gates in the order
 * input, forget, candidate, output), then the shared decoder:
 * `c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g)`, `h' = σ(o) ⊙ tanh(c')`, each gate `x W_i· + b_i· + h W_h· + b_h·`.
 * The recurrence runs in a WebAssembly kernel by default (see {@link RecurrentGraphNetwork.implementation}).
 *
 * @example
 * ```ts
 * const model = new LSTMGraphNetwork({ numNodes: 20, numActions: 8, hiddenDim: 64 });
 * ```
 */
export class LSTMGraphNetwork extends RecurrentGraphNetwork<LSTMState> {
  /** The class name stored in checkpoints, robust to minification. */
  static readonly className = 'LSTMGraphNetwork';

  constructor(config: GraphNetworkConfig) {
    super(config, 4, ['hidden', 'cell'], 'lstm');
  }

  protected update(inputGates: Tensor2D, hiddenGates: Tensor2D, state: LSTMState): LSTMState {
    const [input, forget, candidate, output] = split(add(inputGates, hiddenGates), 4, 1) as Tensor2D[] as [
      Tensor2D,
      Tensor2D,
      Tensor2D,
      Tensor2D,
    ];
    const cell = add<Tensor2D>(mul(sigmoid(forget), state.cell), mul(sigmoid(input), tanh(candidate)));
    return { hidden: mul(sigmoid(output), tanh(cell)), cell };
  }
}
