import { formatValue, type MetricFormat } from '@pg/report';
import { RUNS } from './catalogue.js';
import type { CollectedRun } from './collect-runs.js';

/** How a headline metric is written, from its name. */
function formatOf(metric: string): MetricFormat {
  if (metric.includes('ratio') || metric.includes('loss')) return 'number';
  if (metric.endsWith('_seconds')) return 'seconds';
  if (/^(parameters_|steps_)|(_start|_walks|_graphs)$|^best_epoch$/.test(metric)) return 'integer';
  return 'percent';
}

/**
 * Fills the `{{run.metric}}` placeholders of the hand-written notes with the
 * numbers of the collected runs' summaries (`{{plastic_disjoint_50.revisit_accuracy}}`
 * → `97.1%`), so that no number in the prose is typed by hand. A run not
 * collected, or a metric its summary lacks, is written as "—"; a name that
 * is not a run of the catalogue throws.
 */
export function fillNumbers(text: string, runs: ReadonlyMap<string, CollectedRun>): string {
  return text.replace(/\{\{(\w+)\.(\w+)\}\}/g, (_, name: string, metric: string) => {
    if (!RUNS.some((run) => run.name === name)) throw new Error(`notes.md: {{${name}.${metric}}} names no run of the catalogue`);
    return formatValue(runs.get(name)?.summary.metrics[metric] ?? null, formatOf(metric));
  });
}
