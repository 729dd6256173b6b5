/** Which table of the results page a run belongs to. */
export type RunGroup = 'original' | 'large' | 'baselines' | 'variants' | 'beyond';

/** One reproduction run: its config is `configs/reproduce/<name>.yaml`. */
export interface ReproductionRun {
  readonly name: string;
  readonly group: RunGroup;
  readonly label: string;
  /** The original project's published numbers for this row (its PDF run reports), where it has them. */
  readonly original?: { readonly hidden: number; readonly testAccuracy: number; readonly rolling: number; readonly oracle: number };
}

/** Every run of the results page, in the order of its tables. */
export const RUNS: readonly ReproductionRun[] = [
  { name: 'plastic_disjoint_8', group: 'original', label: 'plastic, disjoint', original: { hidden: 128, testAccuracy: 0.86, rolling: 0.984, oracle: 0.955 } },
  { name: 'plastic_standard_8', group: 'original', label: 'plastic, standard', original: { hidden: 128, testAccuracy: 0.87, rolling: 0.981, oracle: 0.956 } },
  { name: 'rnn_disjoint_8', group: 'original', label: 'RNN, disjoint', original: { hidden: 1024, testAccuracy: 0.27, rolling: 0.393, oracle: 0.955 } },
  { name: 'rnn_standard_8', group: 'original', label: 'RNN, standard', original: { hidden: 1024, testAccuracy: 0.865, rolling: 0.977, oracle: 0.956 } },
  { name: 'plastic_disjoint_50', group: 'large', label: 'plastic, disjoint, 50 nodes' },
  { name: 'rnn_disjoint_50', group: 'large', label: 'RNN, disjoint, 50 nodes' },
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
];
