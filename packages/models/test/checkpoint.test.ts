import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { CHECKPOINT_FORMAT, fromArtifacts, toArtifacts, type CheckpointArtifacts } from '../src/checkpoint.js';
import { ModelError } from '../src/errors.js';
import { PlasticGraphNetwork } from '../src/plastic-graph-network.js';
import { TransformerGraphNetwork } from '../src/transformer-graph-network.js';
import { randomInputs, values } from './helpers.js';

const datasetConfig = { datasetType: 'disjoint', numNodes: 6, numActions: 3 };

async function plasticArtifacts(): Promise<{ network: PlasticGraphNetwork; artifacts: CheckpointArtifacts }> {
  const network = new PlasticGraphNetwork({ numNodes: 6, numActions: 3, hiddenDim: 5, seed: 9, gatedWrite: true });
  // Move the weights away from their seeded values, so that loading must restore them.
  for (const variable of network.trainableVariables) variable.assign(tf.add(variable, 0.5));
  return { network, artifacts: await toArtifacts(network, { datasetConfig }) };
}

/** A copy of the artifacts whose manifest has been changed by `edit`. */
function withManifest(artifacts: CheckpointArtifacts, edit: (manifest: Record<string, unknown>) => void) {
  const manifest = JSON.parse(JSON.stringify(artifacts.manifest)) as Record<string, unknown>;
  edit(manifest);
  return { manifest, weightData: artifacts.weightData };
}

describe('toArtifacts / fromArtifacts', () => {
  it('restores the class, configuration, dataset configuration and weights: identical logits', async () => {
    const { network, artifacts } = await plasticArtifacts();
    const roundTripped = JSON.parse(JSON.stringify(artifacts.manifest));
    const { model, datasetConfig, manifest } = fromArtifacts({ manifest: roundTripped, weightData: artifacts.weightData });
    expect(model).toBeInstanceOf(PlasticGraphNetwork);
    expect(model.getConfig()).toEqual(network.getConfig());
    expect(datasetConfig).toEqual({ datasetType: 'disjoint', numNodes: 6, numActions: 3 });
    expect(manifest).toMatchObject({ format: CHECKPOINT_FORMAT, formatVersion: 1, modelClass: 'PlasticGraphNetwork' });
    const inputs = randomInputs(1, 3, 7, 6, 3);
    expect(values(model.forward(inputs))).toEqual(values(network.forward(inputs)));
  });

  it('loads a plastic checkpoint written when the configuration named its implementation', async () => {
    const { network, artifacts } = await plasticArtifacts();
    const legacy = withManifest(artifacts, (manifest) => ((manifest.modelConfig as Record<string, unknown>).implementation = 'fused'));
    const { model } = fromArtifacts(legacy);
    expect(model.getConfig()).toEqual(network.getConfig());
    const inputs = randomInputs(3, 2, 5, 6, 3);
    expect(values(model.forward(inputs))).toEqual(values(network.forward(inputs)));
  });

  it('round-trips the delta write rule, and loads a plastic checkpoint written before write rules as hebbian', async () => {
    const delta = new PlasticGraphNetwork({ numNodes: 6, numActions: 3, hiddenDim: 5, seed: 9, gatedWrite: true, writeRule: 'delta' });
    const { model: loaded } = fromArtifacts(await toArtifacts(delta));
    expect(loaded.getConfig()).toMatchObject({ writeRule: 'delta' });
    const inputs = randomInputs(4, 2, 6, 6, 3);
    expect(values(loaded.forward(inputs))).toEqual(values(delta.forward(inputs)));
    const { network, artifacts } = await plasticArtifacts();
    const old = withManifest(artifacts, (manifest) => delete (manifest.modelConfig as Record<string, unknown>).writeRule);
    expect(old.manifest.modelConfig).not.toHaveProperty('writeRule');
    const { model } = fromArtifacts(old);
    expect(model.getConfig()).toEqual({ ...network.getConfig(), writeRule: 'hebbian' });
    expect(values(model.forward(inputs))).toEqual(values(network.forward(inputs)));
    tf.dispose(inputs);
    for (const net of [delta, loaded, network, model]) net.dispose();
  });

  it('round-trips a transformer with learned positions', async () => {
    const network = new TransformerGraphNetwork({ numNodes: 4, numActions: 2, hiddenDim: 4, numHeads: 2, positions: 'learned', maxLength: 8 });
    const { model, datasetConfig } = fromArtifacts(await toArtifacts(network));
    const inputs = randomInputs(2, 2, 5, 4, 2);
    expect(values(model.forward(inputs))).toEqual(values(network.forward(inputs)));
    expect(datasetConfig).toBeNull();
  });

  it('rejects weight data of the wrong length', async () => {
    const { artifacts } = await plasticArtifacts();
    const truncated = { manifest: artifacts.manifest, weightData: artifacts.weightData.slice(0, 100) };
    const bytes = artifacts.weightData.byteLength;
    expect(() => fromArtifacts(truncated)).toThrow(
      `weight data must be ${bytes} bytes, as the weight specs describe (is the file truncated?) (got "100 bytes")`,
    );
    expect(() => fromArtifacts({ manifest: artifacts.manifest, weightData: new ArrayBuffer(bytes + 4) })).toThrow(ModelError);
  });

  it('rejects an unknown format or format version', async () => {
    const { artifacts } = await plasticArtifacts();
    expect(() => fromArtifacts(withManifest(artifacts, (m) => (m.formatVersion = 2)))).toThrow(
      'formatVersion must be a version this library reads (1) (got 2)',
    );
    expect(() => fromArtifacts(withManifest(artifacts, (m) => (m.format = 'tfjs-layers')))).toThrow(
      'format must be "pg-model-checkpoint" (got "tfjs-layers")',
    );
    expect(() => fromArtifacts({ manifest: [], weightData: artifacts.weightData })).toThrow('manifest must be a JSON object');
  });

  it('rejects missing or malformed manifest fields', async () => {
    const { artifacts } = await plasticArtifacts();
    const cases: Array<[(m: Record<string, unknown>) => void, string]> = [
      [(m) => delete m.modelClass, 'modelClass must be a class name (got undefined)'],
      [(m) => (m.modelClass = 'MLP'), 'modelClass must be one of PlasticGraphNetwork'],
      [(m) => delete m.modelConfig, 'modelConfig must be an object (got undefined)'],
      [(m) => delete m.datasetConfig, 'datasetConfig must be an object or null (got undefined)'],
      [(m) => delete m.weightSpecs, 'weightSpecs must be an array (got undefined)'],
      [(m) => ((m.weightSpecs as Array<Record<string, unknown>>)[1]!.dtype = 'int32'), 'weightSpecs[1] must be an unquantised float32 spec'],
    ];
    for (const [edit, message] of cases) {
      expect(() => fromArtifacts(withManifest(artifacts, edit))).toThrow(message);
    }
  });

  it('rejects weights that do not match the configuration', async () => {
    const { artifacts } = await plasticArtifacts();
    // A configuration that builds other shapes: the specs no longer fit.
    const other = withManifest(artifacts, (m) => ((m.modelConfig as Record<string, unknown>).intermediateDim = 4));
    expect(() => fromArtifacts(other)).toThrow(
      'weightSpecs[0] must be weight decoder/hidden/kernel of shape [5,4], as PlasticGraphNetwork builds from modelConfig',
    );
    // A configuration that builds one more weight.
    const more = withManifest(artifacts, (m) => ((m.modelConfig as Record<string, unknown>).decay = true));
    expect(() => fromArtifacts(more)).toThrow('weightSpecs[8] must be weight plastic/retention of shape [5]');
    const invalid = withManifest(artifacts, (m) => ((m.modelConfig as Record<string, unknown>).hiddenDim = -1));
    expect(() => fromArtifacts(invalid)).toThrow(
      'modelConfig must be a valid PlasticGraphNetwork configuration: hiddenDim must be an integer ≥ 1 (got -1)',
    );
  });

  it('leaves no tensors behind, loaded or rejected', async () => {
    const { artifacts } = await plasticArtifacts();
    const before = tf.memory().numTensors;
    const { model } = fromArtifacts(artifacts);
    expect(tf.memory().numTensors).toBe(before + model.trainableVariables.length);
    model.dispose();
    expect(() => fromArtifacts(withManifest(artifacts, (m) => ((m.modelConfig as Record<string, unknown>).decay = true)))).toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});
