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
    });
    expect(trainingSplits(config(small))).toEqual({ validation: 'train_walks', trainGraphs: 16, validationGraphs: 0, testGraphs: 4, trainWalks: 39, validationWalks: 9 });
    expect(trainingSplits(config(`${small}global:\n  dataset_type: disjoint\ntrainer:\n  validation: train_walks\n`)).validation).toBe('train_walks');
    expect(trainingSplits(config(`${small}trainer:\n  validation: held_out_graphs\n`)).validationGraphs).toBe(3);
  });

  it('counts what the dataset and the trainer make of the config', () => {
    for (const text of [`${small}global:\n  dataset_type: disjoint\n`, small]) {
      const flat = config(text);
      const splits = trainingSplits(flat);
      const dataset = createDataset(flat.dataset_type, datasetOptions(flat));
      expect([dataset.train.graphs.length, dataset.validation?.graphs.length ?? 0, dataset.test.graphs.length]).toEqual([splits.trainGraphs, splits.validationGraphs, splits.testGraphs]);
      expect(trainerOptions(flat).valSplit).toBe(splits.validation === 'train_walks' ? 0.2 : 0);
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
