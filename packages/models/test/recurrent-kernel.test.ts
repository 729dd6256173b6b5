import { afterAll, describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { RecurrentGraphNetwork, type RecurrentImplementation, type RecurrentState } from '../src/recurrent-graph-network.js';
import { recurrentKernelScan, type RecurrentKernelCell } from '../src/recurrent-kernel/recurrent-kernel-scan.js';
import { GRUGraphNetwork } from '../src/gru-graph-network.js';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { setWasmKernelThreads } from '../src/wasm-kernels/kernel-threads.js';
import { finiteDifferenceFailures, randomInputs, relativeDifference } from './helpers.js';

type Config = ConstructorParameters<typeof RNNGraphNetwork>[0];
type State = RecurrentState & Record<string, tf.Tensor2D>;

const NETWORKS = { rnn: RNNGraphNetwork, gru: GRUGraphNetwork, lstm: LSTMGraphNetwork };

/** The network of `cell`, typed by its state's vectors. */
function createNetwork(cell: RecurrentKernelCell, config: Config): RecurrentGraphNetwork<State> {
  return new NETWORKS[cell](config) as unknown as RecurrentGraphNetwork<State>;
}

/** The names of the state vectors of `cell`'s network, in order. */
const stateNames = (cell: RecurrentKernelCell) => (cell === 'lstm' ? ['hidden', 'cell'] : ['hidden']);

/** A random state `[B, H]` per state vector: values of both signs up to about 3, not only those the cell can reach. */
const randomState = (cell: RecurrentKernelCell, B: number, H: number, seed: number) =>
  stateNames(cell).map((_, i) => tf.randomNormal([B, H], 0, 1.5, 'float32', seed + i) as tf.Tensor2D);

/**
 * Logits and final state of a chunk run from `initial` (zero when absent), and the gradients of a loss
 * on both with respect to every variable and to every vector of the initial state, for one implementation.
 */
function networkRun(cell: RecurrentKernelCell, config: Config, implementation: RecurrentImplementation, inputs: tf.Tensor3D, initial?: tf.Tensor2D[]) {
  const network = createNetwork(cell, config);
  network.implementation = implementation;
  const B = inputs.shape[0];
  const names = stateNames(cell);
  const start = initial ?? names.map(() => tf.zeros([B, network.hiddenDim]) as tf.Tensor2D);
  const run = (vectors: tf.Tensor[]) => network.forwardWithState(inputs, Object.fromEntries(names.map((name, i) => [name, vectors[i]])) as State);
  const probe = run(start);
  const logitWeights = tf.randomNormal(probe.logits.shape, 0, 1, 'float32', 5);
  const stateWeights = names.map((_, i) => tf.randomNormal([B, network.hiddenDim], 0, 1, 'float32', 6 + i));
  const loss = (...vectors: tf.Tensor[]) =>
    tf.tidy(() => {
      const out = run(vectors);
      return tf.addN([tf.sum(tf.mul(out.logits, logitWeights)), ...names.map((name, i) => tf.sum(tf.mul(out.state[name]!, stateWeights[i]!)))]) as tf.Scalar;
    });
  const { grads } = tf.variableGrads(() => loss(...start), network.trainableVariables);
  const dInitial = tf.grads(loss)(start);
  const tensors = [probe.logits, ...names.map((name) => probe.state[name]!), ...dInitial, ...network.trainableVariables.map((v) => grads[v.name]!)];
  const labels = ['logits', ...names.map((name) => `final ${name}`), ...names.map((name) => `d initial ${name}`), ...network.namedVariables.keys()];
  return {
    tensors,
    labels,
    dispose: () => (network.dispose(), tf.dispose([...tensors, logitWeights, ...stateWeights, ...(initial ? [] : start)])),
  };
}

/** The labels of the tensors of two runs that differ by more than `tolerance`, relative to the reference. */
function disagreements(kernel: ReturnType<typeof networkRun>, reference: ReturnType<typeof networkRun>, tolerance: number): string[] {
  return kernel.tensors.flatMap((x, i) => {
    const difference = relativeDifference(x, reference.tensors[i]!);
    return difference < tolerance ? [] : [`${kernel.labels[i]}: ${difference.toExponential(2)}`];
  });
}

describe.each(['rnn', 'gru', 'lstm'] as const)('the WebAssembly %s kernel', (cell) => {
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
      const start = initial === 'random' ? randomState(cell, batchSize, config.hiddenDim, 8) : undefined;
      const kernel = networkRun(cell, config, 'wasm', inputs, start);
      const reference = networkRun(cell, config, 'reference', inputs, start);
      expect(disagreements(kernel, reference, 1e-4)).toEqual([]);
      kernel.dispose();
      reference.dispose();
      tf.dispose([inputs, ...(start ?? [])]);
    });
  }

  it('has gradients that match finite differences, through the final state too', () => {
    const [B, L, H, G] = [2, 5, 4, { rnn: 1, gru: 3, lstm: 4 }[cell]];
    const states = stateNames(cell).length;
    const normal = (shape: number[], seed: number, scale = 1) => tf.randomNormal(shape, 0, scale, 'float32', seed);
    const inputs = [normal([B, L, G * H], 1), normal([H, G * H], 2, 0.5), normal([G * H], 3), ...Array.from({ length: states }, (_, i) => normal([B, H], 4 + i))];
    const weights = normal([B, L, H], 10);
    const finalWeights = Array.from({ length: states }, (_, i) => normal([B, H], 11 + i));
    const loss = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, ...initial: tf.Tensor[]) =>
      tf.tidy(() => {
        const { hidden, final } = recurrentKernelScan(cell, { inputGates: x as tf.Tensor3D, hiddenKernel: w as tf.Tensor2D, hiddenBias: b as tf.Tensor1D, initial: initial as tf.Tensor2D[] });
        return tf.addN([tf.sum(tf.mul(hidden, weights)), ...final.map((vector, i) => tf.sum(tf.mul(vector, finalWeights[i]!)))]) as tf.Scalar;
      });
    const labels = ['d input gates', 'd hidden kernel', 'd hidden bias', ...stateNames(cell).map((name) => `d initial ${name}`)];
    const failures = finiteDifferenceFailures(loss as (...x: tf.Tensor[]) => tf.Scalar, inputs, labels);
    expect(failures).toEqual([]);
    tf.dispose([...inputs, weights, ...finalWeights]);
  });

  it('gives bit-identical results on 1, 2 or 3 threads', () => {
    const config = { numNodes: 8, numActions: 5, hiddenDim: 20, seed: 6 };
    const inputs = randomInputs(4, 5, 21, 8, 5);
    const start = randomState(cell, 5, 20, 9);
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
    tf.dispose([inputs, ...start]);
  });

  it('runs by default', () => {
    const inputs = randomInputs(2, 2, 4, 5, 3);
    const config = { numNodes: 5, numActions: 3, hiddenDim: 6, seed: 1 };
    const network = createNetwork(cell, config);
    const byDefault = network.forward(inputs);
    network.implementation = 'wasm';
    expect(Array.from(byDefault.dataSync())).toEqual(Array.from(network.forward(inputs).dataSync()));
    tf.dispose([inputs, byDefault]);
    network.dispose();
  });
});

it('refuses a state of the wrong vectors for the cell', () => {
  const [B, L, H] = [2, 3, 4];
  const inputs = { inputGates: tf.zeros([B, L, 4 * H]) as tf.Tensor3D, hiddenKernel: tf.zeros([H, 4 * H]) as tf.Tensor2D, hiddenBias: tf.zeros([4 * H]) as tf.Tensor1D };
  const hidden = tf.zeros([B, H]) as tf.Tensor2D;
  expect(() => recurrentKernelScan('lstm', { ...inputs, initial: [hidden] })).toThrow('initial state vectors must be 2 for the lstm cell (got 1)');
  tf.dispose([...Object.values(inputs), hidden]);
});

it('rejects the kernel for a cell that has none', () => {
  class KernelFreeNetwork extends RecurrentGraphNetwork<RecurrentState> {
    static readonly className = 'KernelFreeNetwork';
    constructor(config: Config) {
      super(config, 1, ['hidden']);
    }
    protected update(inputGates: tf.Tensor2D, hiddenGates: tf.Tensor2D): RecurrentState {
      return { hidden: tf.tanh(tf.add<tf.Tensor2D>(inputGates, hiddenGates)) };
    }
  }
  const inputs = randomInputs(2, 2, 4, 5, 3);
  const network = new KernelFreeNetwork({ numNodes: 5, numActions: 3, hiddenDim: 6, seed: 1 });
  const byDefault = network.forward(inputs);
  expect(byDefault.shape).toEqual([2, 4, 5]);
  network.implementation = 'wasm';
  expect(() => network.forward(inputs)).toThrow("implementation must be 'reference' or undefined (KernelFreeNetwork has no kernel)");
  tf.dispose([inputs, byDefault]);
  network.dispose();
});
