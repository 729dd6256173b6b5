import { z } from 'zod';

/** The sections of a run config file, in the order the seed project wrote them. */
export const CONFIG_SECTIONS = ['global', 'dataset', 'network', 'trainer', 'evaluation', 'logging'] as const;
/** A section of a run config file. */
export type ConfigSection = (typeof CONFIG_SECTIONS)[number];

/** One key of the run config: where it belongs, what it accepts, its default and its meaning. */
export interface ConfigKey<S extends z.ZodType = z.ZodType> {
  /** The section the key belongs to (a key may be written under any section). */
  readonly section: ConfigSection;
  /** The zod schema that validates the key's value. */
  readonly schema: S;
  /** The value used when a config leaves the key out. */
  readonly default: z.infer<S>;
  /** What the key means, in a sentence or two. */
  readonly description: string;
}

function key<S extends z.ZodType>(section: ConfigSection, schema: S, defaultValue: z.infer<S>, description: string): ConfigKey<S> {
  return { section, schema, default: defaultValue, description };
}

const positiveInt = (min = 1) => z.int().min(min);
const fraction = z.number().gt(0).lt(1);

/**
 * Every key a run config accepts. The file's sections are merged into one
 * flat config, as in the seed project, so a key may be written under any
 * section; `section` is where it belongs (and where the docs list it).
 * The schemas also generate the configuration reference of the docs.
 */
export const CONFIG_KEYS = {
  seed: key('global', z.int(), 42, 'Seed of every random stream: graphs, walks, initial weights, fast weights, batch order.'),
  run_name: key('global', z.string().min(1).nullable(), null, 'A name for the run, shown in its report; default: the config file name.'),
  backend: key(
    'global',
    z.enum(['wasm', 'cpu', 'tensorflow', 'tfjs-node', 'tfjs-node-gpu']),
    'wasm',
    'tfjs backend: wasm (default, SIMD), cpu (slow fallback), tensorflow (native TensorFlow: @tensorflow/tfjs-node-gpu if installed, else @tensorflow/tfjs-node), or tfjs-node / tfjs-node-gpu (that very package, e.g. the CPU build where both are installed).',
  ),
  threads: key(
    'global',
    positiveInt().max(64).nullable(),
    null,
    "Threads of the WebAssembly kernels (plastic network, RNN, GRU and LSTM); default min(2, CPU cores). Results do not depend on it: set 1 when runs share the cores.",
  ),

  dataset_type: key('dataset', z.enum(['standard', 'disjoint']), 'standard', 'standard: train and test graphs share action semantics; disjoint: no (node, action, next node) triplet of a test graph occurs in training.'),
  num_nodes: key('dataset', positiveInt(2).max(1000), 20, 'Nodes per graph. At most 1,000: building graphs slows steeply with their size (4 graphs of 200 nodes took 3.4 s), and the figures draw every node.'),
  edge_prob: key('dataset', z.number().gt(0).max(1), 0.2, 'Probability of each edge in G(n, p); draws are resampled until connected.'),
  num_samples_per_graph: key(
    'dataset',
    positiveInt().max(100_000),
    64,
    'Random walks per graph: per test graph, and per training and validation graph unless train_samples_per_graph is set. Every walk of every graph is stored: graphs × num_samples_per_graph × num_timesteps (with the training walks counted at their own sizes) must stay within 2^28 nodes.',
  ),
  num_graphs: key('dataset', positiveInt(1).max(1_000_000), 200, 'How many graphs: every graph, or the training graphs only, as num_graphs_counts says.'),
  num_graphs_counts: key(
    'dataset',
    z.enum(['all', 'train']),
    'all',
    "What num_graphs counts. all: train and test graphs together, the test split taking round(num_graphs × test_fraction) of them. train: the training graphs only, with max(1, ceil(test_fraction × num_graphs)) test graphs on top, the original project's rule (its num_graphs: 10000 runs had 10,000 training and 2,000 test graphs).",
  ),
  num_timesteps: key(
    'dataset',
    positiveInt(2).max(10_000),
    32,
    'Nodes per walk (the walk makes num_timesteps - 1 moves, each a prediction): of the test walks, and of the training and validation walks unless train_num_timesteps is set. A batch of inputs holds batch × (num_timesteps - 1) × (num_nodes + num_actions) values, within 2^28.',
  ),
  train_num_timesteps: key(
    'dataset',
    positiveInt(2).max(10_000).nullable(),
    null,
    "Nodes per training walk, when the model should train on longer (or shorter) walks than it is tested on, e.g. 400 with trainer.tbptt_steps 40 to carry the fast weights across ten chunks. The validation walks that choose the epoch are as long, so that they measure what training optimises; the test walks keep num_timesteps and are the very walks of a run without this key. Default: num_timesteps.",
  ),
  train_samples_per_graph: key(
    'dataset',
    positiveInt().max(100_000).nullable(),
    null,
    'Random walks per training and validation graph (e.g. fewer, when train_num_timesteps makes them longer); the test graphs keep num_samples_per_graph. Default: num_samples_per_graph.',
  ),
  num_actions: key('dataset', positiveInt().max(1024), 8, 'Size of the action space; actions are unique around each node. At most 1,024: the action histograms draw a bar per action (1,024 render in about a second; 100,000 break the renderer).'),
  test_fraction: key('dataset', fraction, 0.2, 'Share of test graphs: of all graphs, or of the training graphs, as num_graphs_counts says.'),
  k_train: key('dataset', positiveInt().max(1024).nullable(), null, 'Disjoint only: actions per node pair reserved for training; default floor(num_actions / 2).'),
  k_test: key('dataset', positiveInt().max(1024).nullable(), null, 'Disjoint only: actions per node pair reserved for testing; default num_actions - k_train.'),

  network_type: key('network', z.enum(['plastic', 'rnn', 'gru', 'lstm', 'transformer']), 'plastic', 'The model: the plastic fast-weight network or a sequence baseline.'),
  hidden_dim: key('network', positiveInt().max(2048), 128, 'Hidden size (the plastic matrix is hidden_dim × hidden_dim). At most 2,048: a batch of plastic fast weights holds batch × hidden_dim² values, which must stay within 2^28 (64 × 2048², 1 GiB of float32; a batch of 64 of them trained on the WebAssembly backend).'),
  intermediate_dim: key('network', positiveInt().max(8192).nullable(), null, "Decoder's intermediate size; default floor(sqrt(hidden_dim * num_nodes)), as in the seed project."),
  batch_size: key('network', positiveInt().nullable(), null, "Accepted for compatibility with the seed project's plastic configs and ignored: fast weights are sized per batch."),
  decay: key('network', z.boolean(), false, 'Plastic only: learn a decay of the fast weights before each write.'),
  gated_write: key('network', z.boolean(), false, 'Plastic only: learn a gate on the strength of each write.'),
  reverse_write: key('network', z.boolean(), false, 'Plastic only: also write the reverse direction of each traversed edge.'),
  write_rule: key(
    'network',
    z.enum(['hebbian', 'delta']),
    'hebbian',
    "Plastic only: how a write changes the fast weights. hebbian: add v kᵀ (the original's rule); delta: replace the value stored for the key, W + (v − W k̂) k̂ᵀ with the key k̂ normalised (Schlag, Irie and Schmidhuber 2021), before the rows are renormalised.",
  ),
  num_layers: key('network', positiveInt().max(64), 2, 'Transformer only: number of layers.'),
  num_heads: key('network', positiveInt().max(64), 4, 'Transformer only: attention heads (must divide hidden_dim).'),
  positions: key('network', z.enum(['learned', 'sinusoidal']), 'sinusoidal', 'Transformer only: position encoding.'),

  epochs: key('trainer', positiveInt().max(1_000_000), 50, 'Passes over the training walks.'),
  trainer_batch_size: key('trainer', positiveInt().max(4096), 32, 'Walks per minibatch (batch_size in the trainer section means the same).'),
  lr: key('trainer', z.number().gt(0), 0.0005, 'Adam learning rate.'),
  val_split: key('trainer', z.number().min(0).lt(1), 0.2, 'Share held out for validation: of the training walks, or of the training graphs, as validation says.'),
  validation: key(
    'trainer',
    z.enum(['auto', 'train_walks', 'held_out_graphs']),
    'auto',
    "What chooses the best epoch. train_walks: val_split of the training walks, from the training graphs (the original's way). held_out_graphs: round(val_split × training graphs) of the training graphs are replaced by as many graphs drawn like the test graphs under seeds of their own (on a disjoint dataset, from the test side of every node pair's actions), so that choosing rewards no memorised training graph and no test graph is used; every training walk trains. auto: held_out_graphs on a disjoint dataset, train_walks on a standard one. A run folder stored before this key existed used train_walks.",
  ),
  scheduler: key('trainer', z.enum(['none', 'cosine']), 'cosine', 'Learning-rate schedule over the epochs.'),
  warmup_steps: key(
    'trainer',
    positiveInt().nullable(),
    null,
    'A linear learning-rate warm-up: the scheduled rate times (step + 1) / warmup_steps over the first warmup_steps optimizer steps. Default: none.',
  ),
  tbptt_steps: key(
    'trainer',
    positiveInt().nullable(),
    null,
    "Truncated backpropagation: cut each training walk (of train_num_timesteps nodes when set) into chunks of this many steps, run in order with the state (the fast weights) carried over, one optimizer step per chunk and no gradient across chunks (a value at or above a training walk's steps runs whole walks); validation runs in the same chunks, the test walks whole. Default: whole walks.",
  ),
  curriculum_start_steps: key(
    'trainer',
    positiveInt().nullable(),
    null,
    'A curriculum on walk length: the first epoch trains on the first curriculum_start_steps steps of each training walk (below its train_num_timesteps - 1 steps, or num_timesteps - 1), growing linearly to the whole walk at epoch curriculum_epochs (from 0). Set both or neither; validation always runs whole walks.',
  ),
  curriculum_epochs: key('trainer', positiveInt().nullable(), null, 'Epochs over which the curriculum grows to whole walks (see curriculum_start_steps).'),
  early_stopping_patience: key(
    'trainer',
    positiveInt().nullable(),
    null,
    "Early stopping: end training once this many epochs pass without a better validation loss (the best epoch's weights are kept either way; the schedule still spans epochs). Needs validation (val_split > 0). Default: train every epoch.",
  ),
  grad_clip: key('trainer', z.number().gt(0).nullable(), null, 'Clip the global gradient norm to this value; default off (the norm is logged either way).'),

  long_timesteps: key('evaluation', positiveInt(2).max(100_000), 2000, 'Length of the long exploration of one test graph.'),
  long_window_size: key('evaluation', positiveInt().max(100_000), 100, 'Window of the rolling accuracy over the long exploration.'),
  long_late_start: key(
    'evaluation',
    z.int().min(0).nullable(),
    null,
    'First step (from 0) of the late window of the long walks, which runs to their end: accuracy once the graph has long been explored, beside the oracles over the same steps. 1500 on 2,000-node walks gives steps 1,500–2,000; default the last quarter of the steps.',
  ),
  long_num_graphs: key('evaluation', positiveInt().max(256), 8, 'Long explorations run side by side, each on its own test graph, and averaged (the seed used 1).'),
  boundary_num_graphs: key('evaluation', positiveInt(2).max(1000), 5, 'Test graphs visited in turn in the graph-switch evaluation.'),
  boundary_repeats_per_graph: key('evaluation', positiveInt().max(256), 5, 'Repeats of the switch sequence, averaged.'),
  boundary_window_size: key('evaluation', positiveInt().max(100_000), 50, 'Window of the rolling accuracy across switches.'),
  boundary_steps_per_graph: key('evaluation', positiveInt(2).max(100_000), 200, 'Steps walked on each graph before switching to the next (fast weights are not reset).'),

  wandb_enabled: key('logging', z.boolean(), false, 'Log to Weights & Biases where a client and credentials exist; otherwise warn once and go on.'),
  wandb_project: key('logging', z.string().nullable(), 'plastic-graphs', 'W&B project.'),
  wandb_entity: key('logging', z.string().nullable(), null, 'W&B entity.'),
  wandb_group: key('logging', z.string().nullable(), null, 'W&B group.'),
  wandb_tags: key('logging', z.array(z.string()), [], 'W&B tags.'),
} satisfies Record<string, ConfigKey>;

/** The name of a config key, e.g. `hidden_dim`. */
export type ConfigKeyName = keyof typeof CONFIG_KEYS;

/** A complete, validated config: every key with its value, in the file's snake_case. */
export type FlatConfig = { -readonly [K in ConfigKeyName]: z.infer<(typeof CONFIG_KEYS)[K]['schema']> };

/** Keys accepted under another name, per section. */
export const KEY_ALIASES: Partial<Record<ConfigSection, Record<string, ConfigKeyName>>> = {
  trainer: { batch_size: 'trainer_batch_size' },
};
