import { afterAll, describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import type { RecurrentImplementation } from '../src/recurrent-graph-network.js';
import { recurrentKernelScan, type RecurrentKernelCell } from '../src/recurrent-kernel/recurrent-kernel-scan.js';
import { GRUGraphNetwork } from '../src/gru-graph-network.js';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { setWasmKernelThreads } from '../src/wasm-kernels/kernel-threads.js';
import { finiteDifferenceFailures, randomInputs, relativeDifference } from './helpers.js';

type Config = ConstructorParameters<typeof RNNGraphNetwork>[0];

/**
 * Logits and final hidden state of a chunk run from `initial` (zero when absent), and the gradients
 * of a loss on both with respect to every variable and to the initial state, for one implementation.
 */
function networkRun(cell: RecurrentKernelCell, config: Config, implementation: RecurrentImplementation, inputs: tf.Tensor3D, initial?: tf.Tensor2D) {
  const network = cell === 'rnn' ? new RNNGraphNetwork(config) : new GRUGraphNetwork(config);
  network.implementation = implementation;
  const B = inputs.shape[0];
  const start = initial ?? (tf.zeros([B, network.hiddenDim]) as tf.Tensor2D);
  const run = (hidden: tf.Tensor2D) => network.forwardWithState(inputs, { hidden });
  const probe = run(start);
  const logitWeights = tf.randomNormal(probe.logits.shape, 0, 1, 'float32', 5);
  const stateWeights = tf.randomNormal(probe.state.hidden.shape, 0, 1, 'float32', 6);
  const loss = (hidden: tf.Tensor2D) =>
    tf.tidy(() => {
      const out = run(hidden);
      return tf.add(tf.sum(tf.mul(out.logits, logitWeights)), tf.sum(tf.mul(out.state.hidden, stateWeights))) as tf.Scalar;
    });
  const { grads } = tf.variableGrads(() => loss(start), network.trainableVariables);
  const [dInitial] = tf.grads((hidden: tf.Tensor) => loss(hidden as tf.Tensor2D))([start]);
  const tensors = [probe.logits, probe.state.hidden, dInitial!, ...network.trainableVariables.map((v) => grads[v.name]!)];
  const labels = ['logits', 'final state', 'd initial state', ...network.namedVariables.keys()];
  return {
    tensors,
    labels,
    dispose: () => (network.dispose(), tf.dispose([...tensors, logitWeights, stateWeights, ...(initial ? [] : [start])])),
  };
}

/** The labels of the tensors of two runs that differ by more than `tolerance`, relative to the reference. */
function disagreements(kernel: ReturnType<typeof networkRun>, reference: ReturnType<typeof networkRun>, tolerance: number): string[] {
  return kernel.tensors.flatMap((x, i) => {
    const difference = relativeDifference(x, reference.tensors[i]!);
    return difference < tolerance ? [] : [`${kernel.labels[i]}: ${difference.toExponential(2)}`];
  });
}

describe.each(['rnn', 'gru'] as const)('the WebAssembly %s kernel', (cell) => {
  afterAll(() => setWasmKernelThreads(undefined));

  const cases: Array<[string, Config, number, number, 'zero' | 'random']> = [
    ['the seed model at the reference size', { numNodes: 50, numActions: 15, hiddenDim: 128, seed: 1 }, 4, 39, 'zero'],
    ['H not a multiple of 4, from a random state', { numNodes: 6, numActions: 4, hiddenDim: 18, seed: 2 }, 3, 20, 'random'],
    ['H 1, from a random state', { numNodes: 3, numActions: 2, hiddenDim: 1, seed: 3 }, 2, 9, 'random'],
    ['a long sequence, H 36 (one block of 32 columns and a tail)', { numNodes: 8, numActions: 5, hiddenDim: 36, seed: 4 }, 2, 300, 'random'],
  ];
  for (const [name, config, batchSize, length, initial] of cases) {
    it(`equals the step-by-step reference in outputs and gradients: ${name}`, () => {
      const inputs = randomInputs(7, batchSize, length, config.numNodes, config.numActions);
      // Any starting state, not only the states tanh can reach: values of both signs up to about 3.
      const start = initial === 'random' ? (tf.randomNormal([batchSize, config.hiddenDim], 0, 1.5, 'float32', 8) as tf.Tensor2D) : undefined;
      const kernel = networkRun(cell, config, 'wasm', inputs, start);
      const reference = networkRun(cell, config, 'reference', inputs, start);
      expect(disagreements(kernel, reference, 1e-4)).toEqual([]);
      kernel.dispose();
      reference.dispose();
      tf.dispose([inputs, ...(start ? [start] : [])]);
    });
  }

  it('has gradients that match finite differences', () => {
    const [B, L, H, G] = [2, 5, 4, cell === 'rnn' ? 1 : 3];
    const normal = (shape: number[], seed: number, scale = 1) => tf.randomNormal(shape, 0, scale, 'float32', seed);
    const inputs = [normal([B, L, G * H], 1), normal([H, G * H], 2, 0.5), normal([G * H], 3), normal([B, H], 4)];
    const weights = normal([B, L, H], 5);
    const loss = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, h0: tf.Tensor) =>
      tf.tidy(() => tf.sum(tf.mul(recurrentKernelScan(cell, { inputGates: x as tf.Tensor3D, hiddenKernel: w as tf.Tensor2D, hiddenBias: b as tf.Tensor1D, initial: h0 as tf.Tensor2D }), weights)) as tf.Scalar);
    const failures = finiteDifferenceFailures(loss as (...x: tf.Tensor[]) => tf.Scalar, inputs, ['d input gates', 'd hidden kernel', 'd hidden bias', 'd initial state']);
    expect(failures).toEqual([]);
    tf.dispose([...inputs, weights]);
  });

  it('gives bit-identical results on 1, 2 or 3 threads', () => {
    const config = { numNodes: 8, numActions: 5, hiddenDim: 20, seed: 6 };
    const inputs = randomInputs(4, 5, 21, 8, 5);
    const start = tf.randomNormal([5, 20], 0, 1, 'float32', 9) as tf.Tensor2D;
    const bits = (threads: number) => {
      setWasmKernelThreads(threads);
      const run = networkRun(cell, config, 'wasm', inputs, start);
      const data = run.tensors.map((x) => Array.from(x.dataSync()));
      run.dispose();
      return data;
    };
    const one = bits(1);
    expect(bits(2)).toEqual(one);
    expect(bits(3)).toEqual(one);
    tf.dispose([inputs, start]);
  });

  it('runs by default', () => {
    const inputs = randomInputs(2, 2, 4, 5, 3);
    const config = { numNodes: 5, numActions: 3, hiddenDim: 6, seed: 1 };
    const network = cell === 'rnn' ? new RNNGraphNetwork(config) : new GRUGraphNetwork(config);
    const byDefault = network.forward(inputs);
    network.implementation = 'wasm';
    expect(Array.from(byDefault.dataSync())).toEqual(Array.from(network.forward(inputs).dataSync()));
    tf.dispose([inputs, byDefault]);
    network.dispose();
  });
});

it('rejects the kernel for a cell that has none', () => {
  const inputs = randomInputs(2, 2, 4, 5, 3);
  const lstm = new LSTMGraphNetwork({ numNodes: 5, numActions: 3, hiddenDim: 6, seed: 1 });
  lstm.implementation = 'wasm';
  expect(() => lstm.forward(inputs)).toThrow("implementation must be 'reference' or undefined (LSTMGraphNetwork has no kernel)");
  inputs.dispose();
  lstm.dispose();

});
