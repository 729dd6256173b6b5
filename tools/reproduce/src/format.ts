import { formatValue, type MetricFormat } from '@pg/report';
import type { CollectedRun } from './collect-runs.js';

/**
 * A headline number of a row, written for a table cell: the value of its one
 * seed, or, over several seeds, their mean ± the half-width of its 95%
 * Student t interval.
 */
export function cell(run: Pick<CollectedRun, 'metrics' | 'spread'>, key: string, format: MetricFormat): string {
  const spread = run.spread[key];
  const value = run.metrics[key] ?? null;
  const mean = formatValue(value, format);
  if (spread?.halfWidth == null) return mean;
  // A plain number is written to 4 significant digits; its spread keeps the mean's last decimal place
  // rather than 4 digits of its own (0.9883 ± 0.0097, not ± 0.009668).
  const halfWidth =
    format === 'number' && value !== null && value !== 0 && Number.isFinite(value)
      ? spread.halfWidth.toFixed(Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))))
      : formatValue(spread.halfWidth, format);
  return `${mean} ± ${halfWidth}`;
}

/** A markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
