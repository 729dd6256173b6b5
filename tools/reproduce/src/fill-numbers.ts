import { formatValue, type MetricFormat } from '@pg/report';
import { RUNS } from './catalogue.js';
import type { CollectedRun } from './collect-runs.js';

/** How a headline metric is written, from its name. */
function formatOf(metric: string): MetricFormat {
  if (metric.includes('ratio') || metric.includes('loss')) return 'number';
  if (metric.endsWith('_seconds')) return 'seconds';
  if (/^(parameters_|steps_)|(_start|_walks|_graphs)$|^(best_epoch|epochs_trained)$/.test(metric)) return 'integer';
  return 'percent';
}

/** Throws unless `name` is a row of the catalogue (a typo in the notes must not pass as a run not made yet). */
function requireRow(name: string, placeholder: string): void {
  if (!RUNS.some((run) => run.name === name)) throw new Error(`notes.md: ${placeholder} names no run of the catalogue`);
}

/**
 * Fills the placeholders of the hand-written notes from the collected runs'
 * summaries, so that no number in the prose is typed by hand:
 * `{{plastic_disjoint_50.revisit_accuracy}}` becomes `97.1%` (or "—" when
 * the row has not run or its summary lacks the metric), and
 * `{{if row}}…{{else}}…{{end}}` keeps the first text when the row has run,
 * the second (optional) otherwise. A name that is not a row of the
 * catalogue throws.
 */
export function fillNumbers(text: string, runs: ReadonlyMap<string, CollectedRun>): string {
  return text
    .replace(/\{\{if (\w+)\}\}([\s\S]*?)(?:\{\{else\}\}([\s\S]*?))?\{\{end\}\}/g, (placeholder, name: string, ran: string, notRun = '') => {
      requireRow(name, placeholder.slice(0, name.length + 7));
      return runs.has(name) ? ran : notRun;
    })
    .replace(/\{\{(\w+)\.(\w+)\}\}/g, (placeholder, name: string, metric: string) => {
      requireRow(name, placeholder);
      return formatValue(runs.get(name)?.metrics[metric] ?? null, formatOf(metric));
    });
}
