import { formatValue, type MetricFormat } from '@pg/report';
import type { CollectedRun } from './collect-runs.js';

/**
 * A headline number of a row, written for a table cell: the value of its one
 * seed, or, over several seeds, their mean ± the half-width of its 95%
 * Student t interval.
 */
export function cell(run: Pick<CollectedRun, 'metrics' | 'spread'>, key: string, format: MetricFormat): string {
  const spread = run.spread[key];
  const mean = formatValue(run.metrics[key] ?? null, format);
  return spread?.halfWidth == null ? mean : `${mean} ± ${formatValue(spread.halfWidth, format)}`;
}

/** A markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
