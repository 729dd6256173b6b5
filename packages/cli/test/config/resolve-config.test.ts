import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/errors.js';
import { CONFIG_KEYS } from '../../src/config/config-keys.js';
import { parseRunConfig } from '../../src/config/resolve-config.js';
import { datasetOptions, networkConfig } from '../../src/config/to-options.js';

const seedConfig = (name: string) => readFileSync(new URL(`../../../../configs/${name}`, import.meta.url), 'utf8');
const parse = (text: string, overrides: string[] = []) => parseRunConfig(text, { name: 'test.yaml' }, overrides);
const failure = (text: string, overrides: string[] = []) => {
  try {
    parse(text, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseRunConfig', () => {
  it("reads the seed project's two example configs unchanged", () => {
    const rnn = parse(seedConfig('rnn_standard.yaml'));
    expect(rnn).toMatchObject({ seed: 42, dataset_type: 'standard', network_type: 'rnn', num_nodes: 20, hidden_dim: 64, trainer_batch_size: 32, wandb_tags: ['rnn', 'standard'] });
    const plastic = parse(seedConfig('plastic_disjoint.yaml'));
    expect(plastic).toMatchObject({ seed: 123, dataset_type: 'disjoint', num_nodes: 50, num_actions: 15, epochs: 80, wandb_enabled: true, wandb_entity: 'your_entity' });
  });

  it('gives every key its default when a file leaves it out', () => {
    const config = parse('global:\n');
    for (const [name, definition] of Object.entries(CONFIG_KEYS)) expect(config[name as keyof typeof config]).toEqual(definition.default);
  });

  it('rejects an empty file, which would silently run every default', () => {
    for (const empty of ['', '# only a comment\n', '\n\n']) {
      expect(failure(empty)).toBe(
        'test.yaml must be a run config with at least one section (global, dataset, network, trainer, evaluation, logging); configs/quickstart.yaml is a small one (got "an empty file")',
      );
    }
  });

  it('merges sections, so type keys may sit in their own sections', () => {
    const config = parse('dataset:\n  dataset_type: disjoint\nnetwork:\n  network_type: gru\n');
    expect([config.dataset_type, config.network_type]).toEqual(['disjoint', 'gru']);
  });

  it('reads trainer.batch_size as trainer_batch_size, and network.batch_size as the ignored plastic key', () => {
    expect(parse('trainer:\n  batch_size: 16\n').trainer_batch_size).toBe(16);
    const config = parse('network:\n  batch_size: 64\n');
    expect([config.batch_size, config.trainer_batch_size]).toEqual([64, 32]);
  });

  it('applies --set overrides on top of the file, read as YAML', () => {
    const config = parse('trainer:\n  epochs: 5\n', ['trainer.epochs=2', 'logging.wandb_tags=[a, b]', 'dataset.edge_prob=0.5']);
    expect([config.epochs, config.wandb_tags, config.edge_prob]).toEqual([2, ['a', 'b'], 0.5]);
  });

  it('names unknown keys and sections with a did-you-mean', () => {
    expect(failure('dataset:\n  num_node: 20\n')).toBe('dataset.num_node must be a known key: did you mean dataset.num_nodes? (got 20)');
    expect(failure('trainr:\n  epochs: 2\n')).toBe(
      'trainr must be a known section (did you mean "trainer"? sections: global, dataset, network, trainer, evaluation, logging) (got {"epochs":2})',
    );
    expect(failure('trainer:\n  zzzz: 1\n')).toMatch(/^trainer.zzzz must be a known key \(see/);
    expect(failure('global:\n', ['trainer.epoch=3'])).toBe('trainer.epoch must be a known key: did you mean trainer.epochs? (got 3)');
  });

  it('names wrong types and out-of-range values with what is expected', () => {
    expect(failure('dataset:\n  num_nodes: twenty\n')).toBe('dataset.num_nodes must be an integer in [2, 1000] (got "twenty")');
    expect(failure('dataset:\n  num_nodes: 1\n')).toBe('dataset.num_nodes must be an integer in [2, 1000] (got 1)');
    expect(failure('dataset:\n  edge_prob: 0\n')).toBe('dataset.edge_prob must be a number in (0, 1] (got 0)');
    expect(failure('dataset:\n  test_fraction: 1\n')).toBe('dataset.test_fraction must be a number in (0, 1) (got 1)');
    expect(failure('global:\n  network_type: mlp\n')).toBe(
      'global.network_type must be one of "plastic", "rnn", "gru", "lstm", "transformer" (got "mlp")',
    );
    expect(failure('logging:\n  wandb_enabled: "yes"\n')).toBe('logging.wandb_enabled must be true or false (got "yes")');
    expect(failure('logging:\n  wandb_tags: 3\n')).toBe('logging.wandb_tags must be a list of strings (got 3)');
    expect(failure('network:\n  intermediate_dim: 0\n')).toBe('network.intermediate_dim must be an integer in [1, 8192] or null (got 0)');
    expect(failure('global:\n', ['trainer.lr=-1'])).toBe('--set trainer.lr must be a number > 0 (got -1)');
  });

  it('rejects impossible combinations', () => {
    expect(failure('dataset:\n  dataset_type: disjoint\n  num_actions: 8\n  k_train: 5\n  k_test: 5\n')).toBe(
      'dataset.k_test must be such that k_train + k_test ≤ num_actions 8 (k_train 5, k_test 5) (got 5)',
    );
    expect(failure('dataset:\n  k_train: 3\n')).toBe('dataset.k_train must be null unless dataset_type is "disjoint" (got 3)');
    expect(failure('dataset:\n  num_graphs: 2\n  test_fraction: 0.1\n')).toMatch(/^dataset.test_fraction must be a fraction that leaves at least one train and one test graph/);
    expect(failure('dataset:\n  num_graphs: 1\n')).toMatch(/^dataset.test_fraction must be a fraction that leaves at least one train and one test graph among num_graphs 1/);
    expect(parse('dataset:\n  num_graphs: 1\n  num_graphs_counts: train\n').num_graphs).toBe(1);
    expect(failure('dataset:\n  num_graphs_counts: test\n')).toBe('dataset.num_graphs_counts must be one of "all", "train" (got "test")');
    expect(failure('trainer:\n  early_stopping_patience: 3\n  val_split: 0\n')).toBe('trainer.val_split must be above 0 when early_stopping_patience is set (early stopping watches the validation loss) (got 0)');
    expect(failure('trainer:\n  curriculum_start_steps: 10\n')).toBe('trainer.curriculum_start_steps must be null unless curriculum_start_steps and curriculum_epochs are both set (got 10)');
    expect(failure('dataset:\n  num_timesteps: 20\ntrainer:\n  curriculum_start_steps: 19\n  curriculum_epochs: 3\n')).toBe(
      'trainer.curriculum_start_steps must be below the 19 steps of a walk (num_timesteps - 1), or null (got 19)',
    );
    expect(failure('dataset:\n  num_timesteps: 20\n  train_num_timesteps: 11\ntrainer:\n  curriculum_start_steps: 10\n  curriculum_epochs: 3\n')).toBe(
      'trainer.curriculum_start_steps must be below the 10 steps of a training walk (train_num_timesteps - 1), or null (got 10)',
    );
    expect(parse('dataset:\n  num_timesteps: 20\n  train_num_timesteps: 400\ntrainer:\n  curriculum_start_steps: 100\n  curriculum_epochs: 3\n').curriculum_start_steps).toBe(100);
    expect(failure('trainer:\n  tbptt_steps: 0\n')).toBe('trainer.tbptt_steps must be an integer ≥ 1 or null (got 0)');
    expect(failure('trainer:\n  validation: graphs\n')).toBe('trainer.validation must be one of "auto", "train_walks", "held_out_graphs" (got "graphs")');
    expect(failure('dataset:\n  dataset_type: disjoint\n  num_graphs: 3\n')).toBe(
      'trainer.val_split must be 0, or a share that leaves at least one training and one validation graph among 2 training graphs (validation: held_out_graphs) (got 0.2)',
    );
    expect(failure('network:\n  network_type: rnn\n  gated_write: true\n')).toBe('network.gated_write must be false unless network_type is "plastic" (it is "rnn") (got true)');
    expect(failure('network:\n  network_type: gru\n  write_rule: delta\n')).toBe('network.write_rule must be "hebbian" unless network_type is "plastic" (it is "gru") (got "delta")');
    expect(parse('network:\n  network_type: gru\n  write_rule: hebbian\n').write_rule).toBe('hebbian');
    expect(failure('network:\n  write_rule: oja\n')).toBe('network.write_rule must be one of "hebbian", "delta" (got "oja")');
    expect(failure('network:\n  network_type: transformer\n  hidden_dim: 30\n  num_heads: 4\n')).toBe('network.num_heads must be a divisor of hidden_dim 30 (got 4)');
    expect(failure('evaluation:\n  long_timesteps: 50\n  long_window_size: 100\n')).toMatch(/^evaluation.long_window_size must be at most long_timesteps - 1 = 49/);
    expect(failure('evaluation:\n  long_timesteps: 50\n  long_window_size: 10\n  long_late_start: 49\n')).toBe(
      'evaluation.long_late_start must be at most long_timesteps - 2 = 48 (the last step of the long walks), or null (got 49)',
    );
  });

  it('rejects conflicting values of one key in two sections', () => {
    expect(failure('global:\n  seed: 1\ndataset:\n  seed: 2\n')).toBe('dataset.seed must be the same as global.seed (1), since sections are merged (got 2)');
    expect(parse('global:\n  seed: 1\ndataset:\n  seed: 1\n').seed).toBe(1);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(failure('dataset:\n  num_nodes: [1, 2\n')).toMatch(/^test.yaml must be valid YAML \(got "\w+ at line \d+, column \d+"\)$/);
    expect(failure('- a\n- b\n')).toMatch(/^test.yaml must be a mapping of sections/);
    expect(failure('dataset: 3\n')).toBe('dataset must be a mapping of keys to values (got 3)');
    expect(failure('global:\n', ['epochs=3'])).toBe('--set must be of the form section.key=value, e.g. trainer.epochs=10 (got "epochs=3")');
  });

  it('knows its limits before any work, naming the key, the value and the accepted range', () => {
    expect(failure('dataset:\n  num_actions: 100000\n')).toBe('dataset.num_actions must be an integer in [1, 1024] (got 100000)');
    expect(failure('network:\n  hidden_dim: 100000\n')).toBe('network.hidden_dim must be an integer in [1, 2048] (got 100000)');
    expect(failure('dataset:\n  num_nodes: 5000\n')).toBe('dataset.num_nodes must be an integer in [2, 1000] (got 5000)');
    expect(failure('global:\n', ['dataset.num_timesteps=20000'])).toBe('--set dataset.num_timesteps must be an integer in [2, 10000] (got 20000)');
    expect(failure('evaluation:\n  long_timesteps: 1000000\n')).toBe('evaluation.long_timesteps must be an integer in [2, 100000] (got 1000000)');
    expect(failure('trainer:\n  batch_size: 100000\n')).toBe('trainer.batch_size must be an integer in [1, 4096] (got 100000)');
    expect(failure('dataset:\n  train_num_timesteps: 1\n')).toBe('dataset.train_num_timesteps must be an integer in [2, 10000] or null (got 1)');
    expect(failure('global:\n', ['dataset.train_samples_per_graph=0'])).toBe('--set dataset.train_samples_per_graph must be an integer in [1, 100000] or null (got 0)');
  });

  it('trains on the test walks unless the training walks are given sizes of their own', () => {
    const config = parse('dataset:\n  num_timesteps: 40\n  num_samples_per_graph: 32\n');
    expect([config.train_num_timesteps, config.train_samples_per_graph]).toEqual([null, null]);
    expect(datasetOptions(config)).not.toHaveProperty('trainTimesteps');
    expect(datasetOptions(config)).not.toHaveProperty('trainSamplesPerGraph');
    const long = parse('dataset:\n  num_timesteps: 40\n  num_samples_per_graph: 32\n  train_num_timesteps: 400\n  train_samples_per_graph: 4\n');
    expect(datasetOptions(long)).toMatchObject({ numTimesteps: 40, numSamplesPerGraph: 32, trainTimesteps: 400, trainSamplesPerGraph: 4 });
    // A transformer's positions must reach along the longest walk it trains on.
    expect(networkConfig({ ...long, network_type: 'transformer', train_num_timesteps: 5000 })).toMatchObject({ maxLength: 5000 });
    expect(networkConfig({ ...long, network_type: 'transformer' })).toMatchObject({ maxLength: 2000 });
  });

  it('rejects sizes that no tensor or store could hold, naming the key and the product', () => {
    expect(failure('network:\n  hidden_dim: 2048\ntrainer:\n  batch_size: 128\n')).toBe(
      'network.hidden_dim must be a value for which a batch of plastic fast weights, batch 128 × hidden_dim² 4,194,304 = 536,870,912 values, stays within 268,435,456 (2^28) (got 2048)',
    );
    expect(parse('network:\n  hidden_dim: 2048\n').hidden_dim).toBe(2048);
    expect(failure('dataset:\n  num_graphs: 100000\n  num_samples_per_graph: 1000\n')).toMatch(
      /^dataset.num_samples_per_graph must be a value for which the walks stored, graphs 100,000 × num_samples_per_graph 1,000 × num_timesteps 32 = 3,200,000,000 values, stays within 268,435,456 \(2\^28\) \(got 1000\)$/,
    );
    expect(failure('network:\n  network_type: transformer\ndataset:\n  num_timesteps: 2000\n')).toMatch(/^dataset.num_timesteps must be a value for which the attention scores of a batch, batch 64 × num_heads 4 × moves² 3,996,001 = /);
    expect(failure('network:\n  network_type: transformer\nevaluation:\n  long_timesteps: 100000\n')).toMatch(/^evaluation.long_timesteps must be a value for which the transformer's key and value cache, /);
    expect(failure('dataset:\n  num_timesteps: 10000\n  num_nodes: 1000\n  num_actions: 1000\n')).toMatch(/^dataset.num_timesteps must be a value for which a batch of one-hot inputs, /);
  });

  it('counts the training walks at their own sizes in every limit, naming the training key when it is the one too large', () => {
    expect(failure('dataset:\n  num_graphs: 100000\n  train_num_timesteps: 1000\n')).toBe(
      'dataset.train_num_timesteps must be a value for which the walks stored, training graphs 80,000 × num_samples_per_graph 64 × train_num_timesteps 1,000 + ' +
        'test graphs 20,000 × num_samples_per_graph 64 × num_timesteps 32 = 5,160,960,000 values, stays within 268,435,456 (2^28) (got 1000)',
    );
    expect(failure('dataset:\n  num_graphs: 100000\n  num_samples_per_graph: 1000\n  train_samples_per_graph: 1\n')).toMatch(
      /^dataset.num_samples_per_graph must be a value for which the walks stored, training graphs 80,000 × train_samples_per_graph 1 × num_timesteps 32 \+ test graphs 20,000 × num_samples_per_graph 1,000 × num_timesteps 32 = /,
    );
    expect(failure('dataset:\n  num_graphs: 100000\n  num_samples_per_graph: 1\n  train_samples_per_graph: 1000\n')).toMatch(/^dataset.train_samples_per_graph must be a value for which the walks stored, /);
    // Fewer walks to train on leave room for more test walks than the single-size limit allows.
    expect(parse('dataset:\n  num_graphs: 100000\n  num_samples_per_graph: 100\n  train_samples_per_graph: 1\n').num_samples_per_graph).toBe(100);
    const wide = 'dataset:\n  num_graphs: 10\n  num_nodes: 1000\n  num_actions: 1000\n  num_timesteps: 100\n  train_num_timesteps: 10000\n';
    expect(failure(wide)).toMatch(/^dataset.train_num_timesteps must be a value for which a batch of one-hot inputs, batch 64 × moves 9,999 × num_nodes \+ num_actions 2,000 = /);
    expect(failure('network:\n  network_type: transformer\ndataset:\n  train_num_timesteps: 2000\n')).toMatch(
      /^dataset.train_num_timesteps must be a value for which the attention scores of a batch, batch 64 × num_heads 4 × moves² 3,996,001 = /,
    );
  });

  it('names the file or the flag for YAML it cannot read, without echoing a file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
    expect(failure(bomb)).toBe('test.yaml must be valid YAML (got "Excessive alias count indicates a resource exhaustion attack")');
    expect(failure('global:\n', ['trainer.epochs=[1,'])).toBe(
      '--set trainer.epochs must be a YAML value (a number, a string, true, false, null or a [list]): MISSING_CHAR at line 1, column 4 (got "[1,")',
    );
    // A value that is a whole file's worth of text is cut short.
    expect(failure(`dataset: "${'x'.repeat(10_000)}"\n`)).toBe(`dataset must be a mapping of keys to values (got "${'x'.repeat(116)}...)`);
  });

  it('rejects run names that would make a strange run folder', () => {
    for (const name of ['-rf', '.hidden', 'a/b', 'a\\b']) {
      // Single-quoted YAML keeps a backslash as it is.
      expect(failure(`global:\n  run_name: '${name}'\n`)).toBe(
        `global.run_name must be a run name that is not empty, starts with neither "-" nor ".", and holds no "/" or "\\" (it names the run folder) (got ${JSON.stringify(name)})`,
      );
    }
    expect(failure('global:\n  run_name: ""\n')).toBe('global.run_name must be a non-empty string or null (got "")');
  });
});
