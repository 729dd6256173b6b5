import { formatValue, type MetricFormat } from '@pg/report';

/** A headline number of a run, written for a table cell. */
export function cell(metrics: Readonly<Record<string, number | null>>, key: string, format: MetricFormat): string {
  return formatValue(metrics[key] ?? null, format);
}

/** A markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
