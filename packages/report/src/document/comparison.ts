import { formatValue } from './format-value.js';
import type { Grid, MetricRow } from './report-content.js';

/** One run of a comparison: its name and its headline metrics. */
export interface ComparedRun {
  /** The run's name, a column heading. */
  readonly name: string;
  /** Its headline metrics. */
  readonly metrics: readonly MetricRow[];
}

/**
 * Lines up the headline metrics of several runs into one table: a column
 * per metric label (in order of first appearance), a row per run.
 *
 * @example
 * ```ts
 * const grid = comparisonTable([{ name: 'plastic', metrics }, { name: 'rnn', metrics: rnnMetrics }]);
 * ```
 */
export function comparisonTable(runs: readonly ComparedRun[], title = 'Runs compared'): Grid {
  const columns: string[] = [];
  for (const run of runs) for (const { label } of run.metrics) if (!columns.includes(label)) columns.push(label);
  const rows = runs.map((run) => [
    run.name,
    ...columns.map((label) => {
      const metric = run.metrics.find((row) => row.label === label);
      return metric ? formatValue(metric.value, metric.format) : '—';
    }),
  ]);
  return { title, columns: ['run', ...columns], rows };
}
