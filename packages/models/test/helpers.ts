import { createRng, randomInt, type ActionGraph, type RandomGenerator, randomWalk } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphNetwork } from '../src/graph-network.js';
import { GRUGraphNetwork } from '../src/gru-graph-network.js';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { PlasticGraphNetwork } from '../src/plastic-graph-network.js';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { TransformerGraphNetwork } from '../src/transformer-graph-network.js';

/** Tiny sizes for the contract tests. */
export const TINY = { numNodes: 5, numActions: 3, hiddenDim: 4 } as const;

/** One tiny network of every family and every plastic variant, by label. */
export const tinyNetworks: Array<[string, (seed: number) => GraphNetwork]> = [
  ['plastic', (seed) => new PlasticGraphNetwork({ ...TINY, seed })],
  ['plastic + decay', (seed) => new PlasticGraphNetwork({ ...TINY, seed, decay: true })],
  ['plastic + gatedWrite', (seed) => new PlasticGraphNetwork({ ...TINY, seed, gatedWrite: true })],
  ['plastic + reverseWrite', (seed) => new PlasticGraphNetwork({ ...TINY, seed, reverseWrite: true })],
  ['plastic + all variants', (seed) => new PlasticGraphNetwork({ ...TINY, seed, decay: true, gatedWrite: true, reverseWrite: true })],
  ['plastic + delta rule', (seed) => new PlasticGraphNetwork({ ...TINY, seed, writeRule: 'delta' })],
  ['plastic + delta rule, all variants', (seed) => new PlasticGraphNetwork({ ...TINY, seed, decay: true, gatedWrite: true, reverseWrite: true, writeRule: 'delta' })],
  ['rnn', (seed) => new RNNGraphNetwork({ ...TINY, seed })],
  ['gru', (seed) => new GRUGraphNetwork({ ...TINY, seed })],
  ['lstm', (seed) => new LSTMGraphNetwork({ ...TINY, seed })],
  ['transformer (sinusoidal)', (seed) => new TransformerGraphNetwork({ ...TINY, seed, numHeads: 2, maxLength: 16 })],
  [
    'transformer (learned)',
    (seed) => new TransformerGraphNetwork({ ...TINY, seed, numHeads: 2, positions: 'learned', maxLength: 16, numLayers: 1 }),
  ],
];

/** Rows `[one_hot(node) ‖ one_hot(action)]` as a plain array `[B][L][N + A]`. */
export function encodeRows(nodes: number[][], actions: number[][], numNodes: number, numActions: number): number[][][] {
  return nodes.map((sequence, b) =>
    sequence.map((node, t) => {
      const row = new Array<number>(numNodes + numActions).fill(0);
      row[node] = 1;
      row[numNodes + actions[b]![t]!] = 1;
      return row;
    }),
  );
}

/** Random one-hot inputs `[B, L, N + A]` (nodes and actions need not form a walk). */
export function randomInputs(seed: number, batchSize: number, length: number, numNodes: number, numActions: number): tf.Tensor3D {
  const rng = createRng(seed);
  const draw = (n: number) => Array.from({ length: batchSize }, () => Array.from({ length }, () => randomInt(rng, n)));
  return tf.tensor3d(encodeRows(draw(numNodes), draw(numActions), numNodes, numActions));
}

/** A batch of walks on `graph`: inputs `[B, L, N + A]`, targets `[B, L]` (`x_{t+1}`), as plain arrays too. */
export function walkBatch(graph: ActionGraph, batchSize: number, length: number, rng: RandomGenerator) {
  const walks = Array.from({ length: batchSize }, () => randomWalk(graph, { steps: length, rng }));
  const nodes = walks.map((walk) => [...walk.nodes.subarray(0, length)]);
  const actions = walks.map((walk) => [...walk.actions]);
  const targets = walks.map((walk) => [...walk.nodes.subarray(1)]);
  return {
    inputs: tf.tensor3d(encodeRows(nodes, actions, graph.numNodes, graph.numActions)),
    targets,
    nodes,
    actions,
  };
}

/** The plain values of a tensor, as nested arrays. */
export function values(tensor: tf.Tensor): number[] {
  return Array.from(tensor.dataSync());
}

/** The largest absolute difference, relative to the largest magnitude of the reference. */
export function relativeDifference(actual: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]! / Math.max(1e-12, tf.max(tf.abs(expected)).dataSync()[0]!));
}

/**
 * Where the gradients of `loss` at `inputs` disagree with central finite differences (step 1e-2 unless
 * told, tolerance 2e-2 relative), checked at about six entries of each input: one line per disagreement,
 * named by `labels`.
 */
export function finiteDifferenceFailures(loss: (...inputs: tf.Tensor[]) => tf.Scalar, inputs: readonly tf.Tensor[], labels: readonly string[], step = 1e-2): string[] {
  const grads = tf.grads(loss)([...inputs]);
  const failures: string[] = [];
  inputs.forEach((input, which) => {
    const values = input.dataSync() as Float32Array;
    const analytic = grads[which]!.dataSync();
    for (let j = 0; j < values.length; j += Math.max(1, Math.floor(values.length / 6))) {
      const at = (delta: number) =>
        tf.tidy(() => {
          const shifted = tf.tensor(Float32Array.from(values, (x, i) => (i === j ? x + delta : x)), input.shape);
          return loss(...inputs.map((x, i) => (i === which ? shifted : x))).dataSync()[0]!;
        });
      const numeric = (at(step) - at(-step)) / (2 * step);
      if (Math.abs(numeric - analytic[j]!) > 2e-2 * (1 + Math.abs(numeric))) failures.push(`${labels[which]}[${j}]: ${analytic[j]} vs ${numeric}`);
    }
  });
  tf.dispose(grads);
  return failures;
}

/** Largest absolute difference between two tensors of the same shape. */
export function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  expectSameShape(a, b);
  const x = a.dataSync();
  const y = b.dataSync();
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]! - y[i]!));
  return max;
}

function expectSameShape(a: tf.Tensor, b: tf.Tensor): void {
  if (a.shape.join() !== b.shape.join()) throw new Error(`shapes differ: [${a.shape}] vs [${b.shape}]`);
}

/** A weight of a network as a plain matrix `[rows][columns]` (a vector becomes one row). */
export function weightMatrix(network: GraphNetwork, name: string): number[][] {
  const variable = network.namedVariables.get(name);
  if (!variable) throw new Error(`no weight ${name}`);
  const data = values(variable);
  const columns = variable.shape[variable.rank - 1]!;
  return Array.from({ length: data.length / columns }, (_, r) => data.slice(r * columns, (r + 1) * columns));
}

/** `x W + b` for a plain vector and a `[in][out]` kernel. */
export function linearVector(x: number[], kernel: number[][], bias: number[]): number[] {
  return bias.map((b, j) => x.reduce((total, xi, i) => total + xi * kernel[i]![j]!, b));
}

export const reluVector = (x: number[]): number[] => x.map((v) => Math.max(v, 0));

/** The shared decoder in plain arithmetic. */
export function decodeVector(network: GraphNetwork, hidden: number[]): number[] {
  const w = (name: string) => weightMatrix(network, name);
  const mid = reluVector(linearVector(hidden, w('decoder/hidden/kernel'), w('decoder/hidden/bias')[0]!));
  return linearVector(mid, w('decoder/output/kernel'), w('decoder/output/bias')[0]!);
}

/** One cell step in plain arithmetic: gate pre-activations `x W_ih + b_ih` and `h W_hh + b_hh` → new state. */
export type ReferenceCell = (inputGates: number[], hiddenGates: number[], state: Record<string, number[]>) => Record<string, number[]>;

/** A recurrent network's logits in plain arithmetic, from a zero state. */
export function recurrentReference(network: GraphNetwork, rows: number[][][], cell: ReferenceCell, stateNames: string[]) {
  const w = (name: string) => weightMatrix(network, name);
  return rows.map((sequence) => {
    let state = Object.fromEntries(stateNames.map((name) => [name, new Array<number>(network.hiddenDim).fill(0)]));
    return sequence.map((row) => {
      const inputGates = linearVector(row, w('recurrent/input/kernel'), w('recurrent/input/bias')[0]!);
      const hiddenGates = linearVector(state.hidden!, w('recurrent/hidden/kernel'), w('recurrent/hidden/bias')[0]!);
      state = cell(inputGates, hiddenGates, state);
      return decodeVector(network, state.hidden!);
    });
  });
}

export const sigmoidValue = (x: number): number => 1 / (1 + Math.exp(-x));

/** Block `index` of `count` equal blocks of a gate vector. */
export function gateBlock(gates: number[], count: number, index: number): number[] {
  const size = gates.length / count;
  return gates.slice(index * size, (index + 1) * size);
}
