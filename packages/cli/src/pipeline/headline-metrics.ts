import type { MetricRow } from '@pg/report';

/** How each headline number of `summary.json` is shown in reports. */
const HEADLINES: ReadonlyArray<Omit<MetricRow, 'value'> & { key: string }> = [
  { key: 'test_accuracy', label: 'Test next-node accuracy', format: 'percent', note: 'every step of every test walk' },
  { key: 'test_undirected_oracle', label: 'Undirected oracle (test walks)', format: 'percent', note: 'knows each edge walked so far, both ways; chance elsewhere' },
  { key: 'test_directed_oracle', label: 'Directed oracle (test walks)', format: 'percent', note: 'knows each move taken so far; chance elsewhere' },
  { key: 'seed_oracle', label: "Seed project's oracle", format: 'percent', note: 'optimal_prediction_rate: guesses among true neighbours' },
  { key: 'test_ratio_undirected', label: 'Accuracy / undirected oracle', format: 'number' },
  { key: 'first_visit_accuracy', label: 'First-visit accuracy', format: 'percent', note: 'edge never walked before: below chance is expected, above it means a leak' },
  { key: 'reverse_accuracy', label: 'First reverse traversal accuracy', format: 'percent', note: 'edge walked the other way before' },
  { key: 'revisit_accuracy', label: 'Revisit accuracy', format: 'percent', note: 'repeated traversals: what plasticity is for' },
  { key: 'chance', label: 'Chance', format: 'percent', note: '1 / num_nodes' },
  { key: 'long_accuracy', label: 'Long exploration accuracy', format: 'percent', note: 'mean over all steps of the long walks' },
  { key: 'long_directed_oracle', label: 'Long exploration, directed oracle', format: 'percent', note: 'all steps, as above' },
  { key: 'long_undirected_oracle', label: 'Long exploration, undirected oracle', format: 'percent', note: 'all steps, as above' },
  { key: 'long_revisit_accuracy', label: 'Long exploration, revisits', format: 'percent', note: 'repeated traversals of the long walks' },
  {
    key: 'long_rolling_average',
    label: "Long exploration, the original's rolling average",
    format: 'percent',
    note: 'mean of the rolling curve, short windows at the start (its avg rolling accuracy single graph)',
  },
  { key: 'long_rolling_average_directed_oracle', label: "Long exploration, directed oracle, the original's way", format: 'percent' },
  { key: 'long_rolling_average_undirected_oracle', label: "Long exploration, undirected oracle, the original's way", format: 'percent' },
  { key: 'long_late_accuracy', label: 'Long exploration, late window', format: 'percent', note: 'steps long_late_start to the end of the long walks' },
  { key: 'long_late_directed_oracle', label: 'Late window, directed oracle', format: 'percent', note: 'the same steps' },
  { key: 'long_late_undirected_oracle', label: 'Late window, undirected oracle', format: 'percent', note: 'the same steps' },
  { key: 'long_final_accuracy', label: 'Long exploration, last window', format: 'percent' },
  { key: 'steps_to_recover', label: 'Steps to recover after a switch', format: 'integer', note: 'back to 90% of the level before, no reset' },
  { key: 'level_before_switch', label: 'Accuracy before a switch', format: 'percent' },
  { key: 'triplet_overlap', label: 'Train/test triplet overlap', format: 'percent', note: '0 on a disjoint dataset' },
  { key: 'validation_triplet_overlap', label: 'Train/validation triplet overlap', format: 'percent', note: 'validation graphs drawn like the test graphs: 0 on a disjoint dataset' },
  { key: 'train_walks', label: 'Training walks', format: 'integer' },
  { key: 'validation_walks', label: 'Validation walks', format: 'integer', note: 'of held-out graphs, or held out of the training walks' },
  { key: 'parameters_slow', label: 'Trained parameters', format: 'integer' },
  { key: 'parameters_fast', label: 'Fast values per sequence', format: 'integer' },
  { key: 'best_epoch', label: 'Best epoch', format: 'integer' },
  { key: 'epochs_trained', label: 'Epochs trained', format: 'integer', note: 'fewer than epochs when early stopping ended training' },
  { key: 'train_seconds', label: 'Training time', format: 'seconds' },
];

/** The headline rows of a report, for the numbers a run has. */
export function headlineMetrics(metrics: Readonly<Record<string, number | null>>): MetricRow[] {
  return HEADLINES.filter(({ key }) => key in metrics).map(({ key, ...row }) => ({ ...row, value: metrics[key] ?? null }));
}
