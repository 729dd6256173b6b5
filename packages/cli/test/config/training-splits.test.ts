import { describe, expect, it } from '@jest/globals';
import { createDataset } from '@pg/datasets';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetOptions, trainerOptions } from '../../src/config/to-options.js';
import { parseRunConfig } from '../../src/config/resolve-config.js';
import { trainingSplits } from '../../src/config/training-splits.js';
import { parseRunConfigFile } from '../../src/pipeline/execute-run.js';

const config = (text: string) => parseRunConfig(text, { name: 'test.yaml' });
const small = 'dataset:\n  num_nodes: 6\n  edge_prob: 0.4\n  num_actions: 6\n  num_graphs: 20\n  num_samples_per_graph: 3\n  num_timesteps: 8\n';

describe('trainingSplits', () => {
  it("validates on held-out graphs on a disjoint dataset, on training walks on a standard one (the original's way)", () => {
    expect(trainingSplits(config(`${small}global:\n  dataset_type: disjoint\n`))).toEqual({
      validation: 'held_out_graphs',
      trainGraphs: 13,
      validationGraphs: 3,
      testGraphs: 4,
      trainWalks: 39,
      validationWalks: 9,
      trainSamplesPerGraph: 3,
      trainTimesteps: 8,
    });
    expect(trainingSplits(config(small))).toEqual({
      validation: 'train_walks',
      trainGraphs: 16,
      validationGraphs: 0,
      testGraphs: 4,
      trainWalks: 39,
      validationWalks: 9,
      trainSamplesPerGraph: 3,
      trainTimesteps: 8,
    });
    expect(trainingSplits(config(`${small}global:\n  dataset_type: disjoint\ntrainer:\n  validation: train_walks\n`)).validation).toBe('train_walks');
    expect(trainingSplits(config(`${small}trainer:\n  validation: held_out_graphs\n`)).validationGraphs).toBe(3);
  });

  it('counts the walks of the training sizes, which training and validation share', () => {
    const trainSizes = ['dataset.train_samples_per_graph=2', 'dataset.train_num_timesteps=20'];
    expect(trainingSplits(parseRunConfig(`${small}global:\n  dataset_type: disjoint\n`, { name: 'test.yaml' }, trainSizes))).toMatchObject({
      trainGraphs: 13,
      validationGraphs: 3,
      trainWalks: 26,
      validationWalks: 6,
      trainSamplesPerGraph: 2,
      trainTimesteps: 20,
    });
    // Held out of the 32 training walks.
    expect(trainingSplits(parseRunConfig(small, { name: 'test.yaml' }, trainSizes))).toMatchObject({ trainWalks: 26, validationWalks: 6, trainTimesteps: 20 });
  });

  it('counts what the dataset and the trainer make of the config', () => {
    for (const text of [`${small}global:\n  dataset_type: disjoint\n`, small]) {
      for (const overrides of [[], ['dataset.train_samples_per_graph=2', 'dataset.train_num_timesteps=20']]) {
        const flat = parseRunConfig(text, { name: 'test.yaml' }, overrides);
        const splits = trainingSplits(flat);
        const dataset = createDataset(flat.dataset_type, datasetOptions(flat));
        expect([dataset.train.graphs.length, dataset.validation?.graphs.length ?? 0, dataset.test.graphs.length]).toEqual([splits.trainGraphs, splits.validationGraphs, splits.testGraphs]);
        const heldOutGraphWalks = dataset.validation?.numWalks ?? 0;
        expect(splits.trainWalks + splits.validationWalks).toBe(dataset.train.numWalks + heldOutGraphWalks);
        for (const split of [dataset.train, ...(dataset.validation ? [dataset.validation] : [])]) {
          expect([split.numTimesteps, split.numWalks / split.graphs.length]).toEqual([splits.trainTimesteps, splits.trainSamplesPerGraph]);
        }
        expect([dataset.test.numTimesteps, dataset.test.numWalks / dataset.test.graphs.length]).toEqual([8, 3]);
        expect(trainerOptions(flat).valSplit).toBe(splits.validation === 'train_walks' ? 0.2 : 0);
      }
    }
  });

  it('hands the warm-up, truncated backpropagation and the walk-length curriculum to the trainer', () => {
    expect(trainerOptions(config(`${small}trainer:\n  warmup_steps: 9\n  tbptt_steps: 5\n  curriculum_start_steps: 4\n  curriculum_epochs: 2\n`))).toMatchObject({
      warmupSteps: 9,
      tbpttSteps: 5,
      curriculumStartSteps: 4,
      curriculumEpochs: 2,
    });
    expect(trainerOptions(config(small))).toMatchObject({ warmupSteps: null, tbpttSteps: null, curriculumStartSteps: null, curriculumEpochs: null });
  });

  it('keeps a run folder stored before the validation key to the training walks it validated on', () => {
    const { validation: _, ...stored } = config(`${small}global:\n  dataset_type: disjoint\n`);
    const file = join(mkdtempSync(join(tmpdir(), 'pg-config-')), 'run_config.json');
    writeFileSync(file, JSON.stringify(stored));
    expect(parseRunConfigFile(file, []).validation).toBe('train_walks');
    writeFileSync(file, JSON.stringify({ ...stored, validation: 'auto' }));
    expect(trainingSplits(parseRunConfigFile(file, [])).validation).toBe('held_out_graphs');
  });
});
