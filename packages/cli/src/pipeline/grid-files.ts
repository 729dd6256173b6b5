import type { Grid } from '@pg/report';

/** How the report tables show a missing value; a spreadsheet wants an empty cell instead. */
const MISSING = '—';

/**
 * A table as CSV (RFC 4180: a header row, cells quoted where they hold a
 * comma, a quote or a line break), for spreadsheets. Missing values are empty.
 */
export function gridCsv(grid: Grid): string {
  const cell = (text: string) => (text === MISSING ? '' : /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `${[grid.columns, ...grid.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A table as a Markdown section (its title as a heading), for papers and READMEs. */
export function gridMarkdown(grid: Grid): string {
  const row = (cells: readonly string[]) => `| ${cells.map((text) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')).join(' | ')} |`;
  return [`## ${grid.title}`, '', row(grid.columns), row(grid.columns.map(() => '---')), ...grid.rows.map(row), ''].join('\n');
}
