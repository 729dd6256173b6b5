import { afterAll, describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import * as tf from '@tensorflow/tfjs-core';
import { PlasticGraphNetwork, type PlasticGraphNetworkConfig } from '../src/plastic-graph-network.js';
import { setWasmKernelThreads } from '../src/wasm-kernels/kernel-threads.js';
import { plasticKernelScan } from '../src/plastic-kernel/plastic-kernel-scan.js';
import { PlasticLayer, type PlasticImplementation, type PlasticWriteRule } from '../src/plastic-layer.js';
import { finiteDifferenceFailures, randomInputs, relativeDifference } from './helpers.js';

/** Logits and the gradient of every variable of a loss on them, for one implementation. */
function networkRun(config: PlasticGraphNetworkConfig, implementation: PlasticImplementation, inputs: tf.Tensor3D) {
  const network = new PlasticGraphNetwork(config);
  network.implementation = implementation;
  const state = network.initialState(inputs.shape[0], createRng(3));
  const weights = tf.tidy(() => tf.randomNormal(network.forward(inputs, state).shape, 0, 1, 'float32', 5));
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(network.forward(inputs, state), weights)) as tf.Scalar, network.trainableVariables);
  const names = [...network.namedVariables.keys()];
  const result = { logits: network.forward(inputs, state), value, grads: names.map((name, i) => [name, grads[network.trainableVariables[i]!.name]!] as const) };
  return { ...result, dispose: () => (network.dispose(), tf.dispose([weights, value, ...Object.values(grads), result.logits]), network.disposeState(state)) };
}

/** A sequence for the layer: random queries, non-negative keys and values, and an initial state `W_0`. */
function layerSequence(seed: number, batchSize: number, length: number, h: number, writeSteps: Int32Array, initial: 'unit' | 'norm 3' | 'zero' | 'mixed') {
  const normal = (shape: number[], offset: number) => tf.randomNormal(shape, 0, 1, 'float32', seed * 10 + offset);
  const queries = normal([batchSize, length, h], 1) as tf.Tensor3D;
  const keys = tf.relu(normal([batchSize, writeSteps.length, h], 2)) as tf.Tensor3D;
  const values = tf.relu(normal([batchSize, writeSteps.length, h], 3)) as tf.Tensor3D;
  const layer = new PlasticLayer({ hiddenDim: h });
  const unit = layer.initialState(batchSize, createRng(seed));
  const state = tf.tidy(() => {
    if (initial === 'unit') return tf.clone(unit);
    if (initial === 'norm 3') return tf.mul(unit, 3);
    if (initial === 'zero') return tf.zerosLike(unit);
    // Rows of every size, some zero.
    const scales = tf.tensor3d(Array.from({ length: batchSize * h }, (_, i) => [0, 0.01, 1, 7][i % 4]!), [batchSize, h, 1]);
    return tf.mul(normal([batchSize, h, h], 4), scales);
  }) as tf.Tensor3D;
  tf.dispose([unit]);
  layer.dispose();
  return { queries, keys, values, state, writeSteps, dispose: () => tf.dispose([queries, keys, values, state]) };
}

/** Reads, final state and the gradients of a loss on both with respect to every input of a layer scan. */
function layerRun(layer: PlasticLayer, sequence: ReturnType<typeof layerSequence>, scan: (state: tf.Tensor3D, queries: tf.Tensor3D, keys: tf.Tensor3D, values: tf.Tensor3D) => { reads: tf.Tensor3D; state: tf.Tensor3D }) {
  const { queries, keys, values, state } = sequence;
  const readWeights = tf.randomNormal(queries.shape, 0, 1, 'float32', 11) as tf.Tensor3D;
  const stateWeights = tf.randomNormal(state.shape, 0, 1, 'float32', 12) as tf.Tensor3D;
  const loss = (s: tf.Tensor3D, q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) => {
    const out = scan(s, q, k, v);
    return tf.add(tf.sum(tf.mul(out.reads, readWeights)), tf.sum(tf.mul(out.state, stateWeights))) as tf.Scalar;
  };
  const grads = tf.grads(loss as (...x: tf.Tensor[]) => tf.Scalar)([state, queries, keys, values]);
  const out = scan(state, queries, keys, values);
  const { value, grads: variableGrads } =
    layer.trainableVariables.length > 0
      ? tf.variableGrads(() => loss(state, queries, keys, values), layer.trainableVariables)
      : { value: undefined, grads: {} as tf.NamedTensorMap };
  return {
    tensors: [out.reads, out.state, ...grads, ...layer.trainableVariables.map((v) => variableGrads[v.name]!)],
    dispose: () => tf.dispose([readWeights, stateWeights, out.reads, out.state, ...(value ? [value] : []), ...grads, ...Object.values(variableGrads)]),
  };
}

const WRITE_RULES: PlasticWriteRule[] = ['hebbian', 'delta'];

/** Rows (last axis) divided by their norm, as the layer normalises the delta rule's keys. */
function unitRows(x: tf.Tensor3D): tf.Tensor3D {
  return tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x), 2, true), 1e-16)));
}

const LABELS = ['reads', 'final state', 'd initial', 'd queries', 'd keys', 'd values', 'd retention', 'd gate kernel', 'd gate bias'];

/** The labels of the tensors of two runs that differ by more than `tolerance`, relative to the reference. */
function disagreements(actual: tf.Tensor[], expected: tf.Tensor[], tolerance: number): string[] {
  return actual.flatMap((x, i) => {
    const difference = relativeDifference(x, expected[i]!);
    return difference < tolerance ? [] : [`${LABELS[i]}: ${difference.toExponential(2)}`];
  });
}

describe('the WebAssembly plastic kernel', () => {
  afterAll(() => setWasmKernelThreads(undefined));

  const cases: Array<[string, PlasticGraphNetworkConfig, number, number]> = [
    ['the seed model at the reference size', { numNodes: 50, numActions: 15, hiddenDim: 128, seed: 1 }, 4, 39],
    ['a small model over long sequences, H not a multiple of 4', { numNodes: 6, numActions: 4, hiddenDim: 18, seed: 2 }, 3, 120],
    ['every variant', { numNodes: 8, numActions: 5, hiddenDim: 12, seed: 3, decay: true, gatedWrite: true, reverseWrite: true }, 3, 30],
    ['the delta rule at the reference size', { numNodes: 50, numActions: 15, hiddenDim: 128, seed: 1, writeRule: 'delta' }, 4, 39],
    ['the delta rule over long sequences, H not a multiple of 4', { numNodes: 6, numActions: 4, hiddenDim: 18, seed: 2, writeRule: 'delta' }, 3, 120],
    ['the delta rule with every variant', { numNodes: 8, numActions: 5, hiddenDim: 12, seed: 3, decay: true, gatedWrite: true, reverseWrite: true, writeRule: 'delta' }, 3, 30],
  ];
  for (const [name, config, batchSize, length] of cases) {
    it(`equals the step-by-step reference in outputs and gradients: ${name}`, () => {
      const inputs = randomInputs(7, batchSize, length, config.numNodes, config.numActions);
      const kernel = networkRun(config, 'wasm', inputs);
      const reference = networkRun(config, 'reference', inputs);
      expect(relativeDifference(kernel.logits, reference.logits)).toBeLessThan(1e-4);
      const differences = kernel.grads.flatMap(([variable, grad], i) => {
        const difference = relativeDifference(grad, reference.grads[i]![1]);
        return difference < 1e-3 ? [] : [`${variable}: ${difference}`];
      });
      expect(differences).toEqual([]);
      kernel.dispose();
      reference.dispose();
      inputs.dispose();
    });
  }

  const layerCases: Array<[string, 'unit' | 'norm 3' | 'zero' | 'mixed', { decay?: boolean; gatedWrite?: boolean }, number | undefined]> = [
    ['rows of norm 1', 'unit', {}, undefined],
    ['rows of norm 3', 'norm 3', {}, undefined],
    ['an all-zero state', 'zero', {}, undefined],
    ['rows of every size, some zero, with decay and gated writes', 'mixed', { decay: true, gatedWrite: true }, undefined],
    ['rows of norm 3 with decay, recomputed from a checkpoint every step', 'norm 3', { decay: true }, 1],
    ['an all-zero state with decay, recomputed from a checkpoint every 4 steps', 'zero', { decay: true }, 4],
  ];
  for (const [name, initial, variants, segmentSteps] of layerCases) for (const writeRule of WRITE_RULES) {
    it(`equals the reference from any starting state, outputs and gradients of every input (${writeRule}): ${name}`, () => {
      // Steps without writes (0, 3, 7), with one, and with two (one renormalisation for both).
      const writeSteps = Int32Array.of(1, 2, 2, 4, 5, 6, 8, 8, 9, 10, 11, 11);
      const sequence = layerSequence(5, 3, 13, 10, writeSteps, initial);
      const layer = new PlasticLayer({ hiddenDim: 10, ...variants, writeRule, seed: 4 });
      const kernel = layerRun(layer, sequence, (state, queries, keys, values) => {
        if (segmentSteps === undefined) return scanOf(layer, state, { queries, keys, values, writeSteps }, 'wasm');
        const rho = tf.sigmoid(layer.namedVariables.get('retention')!) as tf.Tensor1D;
        // What the layer hands the kernel (these cases have no gate): the delta rule's keys normalised.
        const rule = writeRule === 'delta' ? { keys: unitRows(keys), delta: { strengths: undefined } } : { keys };
        const packed = plasticKernelScan({ queries, values, initial: state, rho, ...rule }, writeSteps, true, segmentSteps);
        return { reads: tf.relu(tf.slice(packed, [0, 0, 0], [3, 13, 10])) as tf.Tensor3D, state: tf.slice(packed, [0, 13, 0], [3, 10, 10]) as tf.Tensor3D };
      });
      const reference = layerRun(layer, sequence, (state, queries, keys, values) => scanOf(layer, state, { queries, keys, values, writeSteps }, 'reference'));
      expect(disagreements(kernel.tensors, reference.tensors, 1e-4)).toEqual([]);
      kernel.dispose();
      reference.dispose();
      sequence.dispose();
      layer.dispose();
    });
  }

  for (const writeRule of WRITE_RULES) it(`keeps rows whose scale grows or shrinks by many orders of magnitude (${writeRule})`, () => {
    // Values up to 1e9 and down to 1e-9 drive the lazy row scales far outside [2^-24, 2^24].
    const writeSteps = Int32Array.from({ length: 40 }, (_, n) => n);
    const sequence = layerSequence(8, 2, 40, 8, writeSteps, 'unit');
    const sizes = tf.tensor3d(Array.from({ length: 2 * 40 }, (_, n) => 10 ** (((n * 7) % 19) - 9)), [2, 40, 1]);
    const values = tf.mul(sequence.values, sizes) as tf.Tensor3D;
    const layer = new PlasticLayer({ hiddenDim: 8, decay: true, writeRule, seed: 2 });
    const scan = (implementation: PlasticImplementation) => layerRun(layer, { ...sequence, values }, (state, queries, keys, v) => scanOf(layer, state, { queries, keys, values: v, writeSteps }, implementation));
    const kernel = scan('wasm');
    const reference = scan('reference');
    // The reads and the state; gradients through values of 1e9 are not comparable in float32.
    expect(disagreements(kernel.tensors.slice(0, 2), reference.tensors.slice(0, 2), 1e-4)).toEqual([]);
    expect(kernel.tensors.every((x) => tf.all(tf.isFinite(x)).dataSync()[0] === 1)).toBe(true);
    tf.dispose([sizes, values]);
    kernel.dispose();
    reference.dispose();
    sequence.dispose();
    layer.dispose();
  });

  for (const writeRule of WRITE_RULES) it(`has gradients that match finite differences (${writeRule})`, () => {
    const writeSteps = Int32Array.of(0, 0, 2, 3, 3);
    // Rows away from the norm floor, where the function is smooth at the finite-difference step.
    const sequence = layerSequence(9, 1, 5, 4, writeSteps, 'norm 3');
    const layer = new PlasticLayer({ hiddenDim: 4, writeRule });
    const weights = tf.randomNormal([1, 5, 4], 0, 1, 'float32', 3);
    const loss = (state: tf.Tensor3D, queries: tf.Tensor3D, keys: tf.Tensor3D, values: tf.Tensor3D) =>
      tf.tidy(() => tf.sum(tf.mul(scanOf(layer, state, { queries, keys, values, writeSteps }, 'wasm').reads, weights)) as tf.Scalar);
    const inputs = [sequence.state, sequence.queries, sequence.keys, sequence.values];
    // A step of 1e-3: at 1e-2, one of the delta rule's reads crosses relu's kink (the differences then
    // converge to the analytic gradient from 3e-3 down); float32 rounding stays far below the tolerance.
    const failures = finiteDifferenceFailures(loss as (...x: tf.Tensor[]) => tf.Scalar, inputs, LABELS.slice(2), 1e-3);
    expect(failures).toEqual([]);
    weights.dispose();
    sequence.dispose();
    layer.dispose();
  });

  for (const writeRule of WRITE_RULES) it(`gives bit-identical results on 1, 2 or 3 threads (${writeRule})`, () => {
    const config = { numNodes: 8, numActions: 5, hiddenDim: 16, seed: 6, decay: true, gatedWrite: writeRule === 'delta', reverseWrite: true, writeRule };
    const inputs = randomInputs(4, 5, 21, 8, 5);
    const bits = (threads: number) => {
      setWasmKernelThreads(threads);
      const run = networkRun(config, 'wasm', inputs);
      const data = [run.logits, ...run.grads.map(([, grad]) => grad)].map((x) => Array.from(x.dataSync()));
      run.dispose();
      return data;
    };
    const one = bits(1);
    expect(bits(2)).toEqual(one);
    expect(bits(3)).toEqual(one);
    inputs.dispose();
  });

  for (const writeRule of WRITE_RULES) it(`passes gradients through the fast weights carried from chunk to chunk (${writeRule})`, () => {
    const config = { numNodes: 6, numActions: 4, hiddenDim: 10, seed: 5, reverseWrite: true, writeRule };
    const inputs = randomInputs(9, 3, 14, 6, 4);
    const first = tf.slice(inputs, [0, 0, 0], [3, 6, 10]) as tf.Tensor3D;
    const second = tf.slice(inputs, [0, 6, 0], [3, 8, 10]) as tf.Tensor3D;
    const gradients = (implementation: PlasticImplementation) => {
      const network = new PlasticGraphNetwork(config);
      network.implementation = implementation;
      const state = network.initialState(3, createRng(2));
      const { grads } = tf.variableGrads(() => {
        const chunk = network.forwardWithState(first, state);
        // The loss sees the first chunk only through the state it hands on, and the final fast weights directly.
        const next = network.forwardWithState(second, chunk.state);
        return tf.add(tf.sum(tf.square(next.logits)), tf.sum(tf.mul(next.state.fastWeights, 0.5))) as tf.Scalar;
      }, network.trainableVariables);
      const byName = [...network.namedVariables].map(([name, variable]) => [name, grads[variable.name]!] as const);
      return { byName, dispose: () => (network.dispose(), network.disposeState(state), tf.dispose(Object.values(grads))) };
    };
    const kernel = gradients('wasm');
    const reference = gradients('reference');
    const differences = kernel.byName.flatMap(([name, grad], i) => {
      const difference = relativeDifference(grad, reference.byName[i]![1]);
      return difference < 1e-3 ? [] : [`${name}: ${difference}`];
    });
    expect(differences).toEqual([]);
    kernel.dispose();
    reference.dispose();
    tf.dispose([inputs, first, second]);
  });

  it('rejects writes out of order or out of range', () => {
    const layer = new PlasticLayer({ hiddenDim: 2 });
    const state = layer.initialState(1, createRng(1));
    const x = tf.zeros([1, 2, 2]) as tf.Tensor3D;
    expect(() => layer.scan(state, { queries: x, keys: x, values: x, writeSteps: Int32Array.of(1, 0) })).toThrow(
      "writeSteps[1] must be a step in [0, 1], not before the previous write's (got 0)",
    );
    expect(() => layer.scan(state, { queries: x, keys: x, values: x, writeSteps: Int32Array.of(0) })).toThrow('keys shape must be [1, 1, 2] (one row per write)');
    tf.dispose([state, x]);
  });
});

/** A layer scan with its final state. */
function scanOf(layer: PlasticLayer, state: tf.Tensor3D, sequence: Parameters<PlasticLayer['scan']>[1], implementation: PlasticImplementation) {
  const out = layer.scan(state, sequence, { implementation });
  return { reads: out.reads, state: out.state! };
}
