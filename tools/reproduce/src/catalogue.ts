/** Which table of the results page a run belongs to. */
export type RunGroup = 'original' | 'large' | 'controls' | 'baselines' | 'variants' | 'beyond';

/** One reproduction run: its config is `configs/reproduce/<name>.yaml`. */
export interface ReproductionRun {
  readonly name: string;
  readonly group: RunGroup;
  readonly label: string;
  /** The original project's published numbers for this row (its PDF run reports), where it has them. */
  readonly original?: OriginalRow;
}

/** One of the original project's PDF run reports (pellegre/plastic, `reports/`): its numbers and its training budget. */
export interface OriginalRow {
  readonly hidden: number;
  /** `test next node accuracy`. */
  readonly testAccuracy: number;
  /** `avg rolling accuracy single graph`: the mean of the 100-step rolling curve over one 2,000-node walk on one test graph. */
  readonly rolling: number;
  /** `optimal prediction rate`, the seed oracle. */
  readonly oracle: number;
  /** `epochs`. */
  readonly epochs: number;
  /** `trainer batch size`: the global batch, split over the report's 4 GPUs. */
  readonly batch: number;
  /** Adam steps: each of the 4 GPUs takes 20,000 of the 80,000 training walks per epoch in batches of batch / 4. */
  readonly adamSteps: number;
}

/** The original's data and optimizer in every report: 10,000 training and 2,000 test graphs, 10 walks of 100 nodes each, 20% of the walks for validation, Adam at 0.0005 with a cosine schedule. */
export const ORIGINAL_DATA = { trainGraphs: 10_000, testGraphs: 2000, trainWalks: 80_000, validationWalks: 20_000, learningRate: 0.0005 } as const;

const plasticOriginal = { hidden: 128, epochs: 50, batch: 512, adamSteps: 50 * Math.ceil(20_000 / 128) } as const;
const rnnOriginal = { hidden: 1024, epochs: 300, batch: 2048, adamSteps: 300 * Math.ceil(20_000 / 512) } as const;

/** Every run of the results page, in the order of its tables. */
export const RUNS: readonly ReproductionRun[] = [
  { name: 'plastic_disjoint_8', group: 'original', label: 'plastic, disjoint', original: { ...plasticOriginal, testAccuracy: 0.86, rolling: 0.9843, oracle: 0.9554 } },
  { name: 'plastic_standard_8', group: 'original', label: 'plastic, standard', original: { ...plasticOriginal, testAccuracy: 0.87, rolling: 0.9805, oracle: 0.9558 } },
  {
    name: 'plastic_disjoint_8_original_budget',
    group: 'original',
    label: "plastic, disjoint, the original's full budget",
    original: { ...plasticOriginal, testAccuracy: 0.86, rolling: 0.9843, oracle: 0.9554 },
  },
  {
    name: 'plastic_disjoint_8_original_batch',
    group: 'original',
    label: "plastic, disjoint, the original's full budget at its batch of 512",
    original: { ...plasticOriginal, testAccuracy: 0.86, rolling: 0.9843, oracle: 0.9554 },
  },
  {
    name: 'plastic_standard_8_original_budget',
    group: 'original',
    label: "plastic, standard, the original's full budget",
    original: { ...plasticOriginal, testAccuracy: 0.87, rolling: 0.9805, oracle: 0.9558 },
  },
  { name: 'rnn_disjoint_8', group: 'original', label: 'RNN, disjoint', original: { ...rnnOriginal, testAccuracy: 0.2701, rolling: 0.3928, oracle: 0.9554 } },
  { name: 'rnn_standard_8', group: 'original', label: 'RNN, standard', original: { ...rnnOriginal, testAccuracy: 0.8649, rolling: 0.9766, oracle: 0.9558 } },
  { name: 'plastic_disjoint_50', group: 'large', label: 'plastic, disjoint, 50 nodes' },
  { name: 'rnn_disjoint_50', group: 'large', label: 'RNN, disjoint, 50 nodes' },
  { name: 'plastic_disjoint_50_readme', group: 'large', label: "plastic, disjoint, 50 nodes, the seed README's exact config" },
  { name: 'gru_standard_8', group: 'controls', label: 'GRU, standard' },
  { name: 'lstm_standard_8', group: 'controls', label: 'LSTM, standard' },
  { name: 'rnn_aided_standard_8', group: 'controls', label: 'RNN + clipping + warm-up, standard' },
  { name: 'rnn_aided_disjoint_8', group: 'controls', label: 'RNN + clipping + warm-up, disjoint' },
  { name: 'gru_disjoint_8', group: 'baselines', label: 'GRU, disjoint' },
  { name: 'lstm_disjoint_8', group: 'baselines', label: 'LSTM, disjoint' },
  { name: 'transformer_disjoint_8', group: 'baselines', label: 'Transformer, disjoint' },
  { name: 'gru_disjoint_50', group: 'baselines', label: 'GRU, disjoint, 50 nodes' },
  { name: 'lstm_disjoint_50', group: 'baselines', label: 'LSTM, disjoint, 50 nodes' },
  { name: 'transformer_disjoint_50', group: 'baselines', label: 'Transformer, disjoint, 50 nodes' },
  { name: 'plastic_decay_disjoint_8', group: 'variants', label: 'plastic + learned decay, disjoint' },
  { name: 'plastic_gated_disjoint_8', group: 'variants', label: 'plastic + gated write, disjoint' },
  { name: 'plastic_decay_disjoint_50', group: 'variants', label: 'plastic + learned decay, disjoint, 50 nodes' },
  { name: 'plastic_gated_disjoint_50', group: 'variants', label: 'plastic + gated write, disjoint, 50 nodes' },
  { name: 'plastic_reverse_disjoint_8', group: 'beyond', label: 'plastic + reverse write, disjoint' },
  { name: 'plastic_reverse_disjoint_50', group: 'beyond', label: 'plastic + reverse write, disjoint, 50 nodes' },
  { name: 'plastic_delta_disjoint_8', group: 'variants', label: 'plastic + delta write, disjoint' },
  { name: 'plastic_delta_disjoint_50', group: 'variants', label: 'plastic + delta write, disjoint, 50 nodes' },
  { name: 'plastic_long_disjoint_50', group: 'beyond', label: 'plastic trained on 400-node walks, disjoint, 50 nodes' },
  { name: 'plastic_lasting_disjoint_50', group: 'beyond', label: 'plastic, lasting memory (H 256, delta + reverse write, 400-node training walks), disjoint, 50 nodes' },
  { name: 'rnn_long_disjoint_50', group: 'baselines', label: 'RNN trained on 400-node walks, disjoint, 50 nodes' },
  { name: 'gru_long_disjoint_50', group: 'baselines', label: 'GRU trained on 400-node walks, disjoint, 50 nodes' },
  { name: 'lstm_long_disjoint_50', group: 'baselines', label: 'LSTM trained on 400-node walks, disjoint, 50 nodes' },
  { name: 'transformer_long_disjoint_50', group: 'baselines', label: 'Transformer trained on 400-node walks, disjoint, 50 nodes' },
];
