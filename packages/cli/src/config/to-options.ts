import type { DisjointDatasetOptions } from '@pg/datasets';
import type { LongExplorationOptions, SwitchAdaptationOptions } from '@pg/eval';
import type { NetworkConfigs, NetworkType } from '@pg/models';
import type { TrainerOptions } from '@pg/trainer';
import type { FlatConfig } from './config-keys.js';
import { longestSequence } from './longest-sequence.js';
import { trainingSplits } from './training-splits.js';

/** The dataset options of a run config (the same seed drives every stream of the run). */
export function datasetOptions(config: FlatConfig): DisjointDatasetOptions {
  return {
    numNodes: config.num_nodes,
    edgeProb: config.edge_prob,
    numSamplesPerGraph: config.num_samples_per_graph,
    numGraphs: config.num_graphs,
    numGraphsCounts: config.num_graphs_counts,
    numTimesteps: config.num_timesteps,
    ...(config.train_samples_per_graph !== null ? { trainSamplesPerGraph: config.train_samples_per_graph } : {}),
    ...(config.train_num_timesteps !== null ? { trainTimesteps: config.train_num_timesteps } : {}),
    numActions: config.num_actions,
    testFraction: config.test_fraction,
    validationFraction: trainingSplits(config).validation === 'held_out_graphs' ? config.val_split : 0,
    seed: config.seed,
    ...(config.dataset_type === 'disjoint' && config.k_train !== null ? { kTrain: config.k_train } : {}),
    ...(config.dataset_type === 'disjoint' && config.k_test !== null ? { kTest: config.k_test } : {}),
  };
}

/** The model config of a run config, for `createGraphNetwork(config.network_type, …)`. */
export function networkConfig(config: FlatConfig): NetworkConfigs[NetworkType] {
  const base = {
    numNodes: config.num_nodes,
    numActions: config.num_actions,
    hiddenDim: config.hidden_dim,
    seed: config.seed,
    ...(config.intermediate_dim !== null ? { intermediateDim: config.intermediate_dim } : {}),
  };
  switch (config.network_type) {
    case 'plastic':
      return { ...base, decay: config.decay, gatedWrite: config.gated_write, reverseWrite: config.reverse_write, writeRule: config.write_rule };
    case 'transformer':
      // The positions and the attention cache must hold the longest sequence the run trains or evaluates on.
      return { ...base, numLayers: config.num_layers, numHeads: config.num_heads, positions: config.positions, maxLength: longestSequence(config).length };
    default:
      return base;
  }
}

/** The trainer options of a run config (callbacks and the validation split of held-out graphs are added by the train stage). */
export function trainerOptions(config: FlatConfig): TrainerOptions {
  return {
    epochs: config.epochs,
    batchSize: config.trainer_batch_size,
    learningRate: config.lr,
    valSplit: trainingSplits(config).validation === 'train_walks' ? config.val_split : 0,
    scheduler: config.scheduler,
    gradClip: config.grad_clip,
    warmupSteps: config.warmup_steps,
    tbpttSteps: config.tbptt_steps,
    curriculumStartSteps: config.curriculum_start_steps,
    curriculumEpochs: config.curriculum_epochs,
    earlyStoppingPatience: config.early_stopping_patience,
    seed: config.seed,
  };
}

/** The long-exploration evaluation of a run config: `long_timesteps` nodes, so one move fewer. */
export function longExplorationOptions(config: FlatConfig): LongExplorationOptions {
  return {
    steps: config.long_timesteps - 1,
    window: config.long_window_size,
    explorations: config.long_num_graphs,
    seed: config.seed,
    ...(config.long_late_start !== null ? { lateFrom: config.long_late_start } : {}),
  };
}

/** The graph-switch evaluation of a run config. */
export function switchAdaptationOptions(config: FlatConfig): SwitchAdaptationOptions {
  return {
    numGraphs: config.boundary_num_graphs,
    repeats: config.boundary_repeats_per_graph,
    stepsPerGraph: config.boundary_steps_per_graph,
    window: config.boundary_window_size,
    seed: config.seed,
  };
}
