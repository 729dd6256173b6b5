import type { Grid } from '@pg/report';

/**
 * A table as aligned plain-text columns under its title, for the terminal.
 * `transpose` turns its columns into rows: a wide table of few rows (the
 * settings of a sweep, each with many metrics) then fits a terminal.
 */
export function gridText(grid: Grid, { transpose = false }: { transpose?: boolean } = {}): string {
  const table = [grid.columns, ...grid.rows];
  const cells = transpose ? grid.columns.map((_, c) => table.map((row) => row[c] ?? '')) : table;
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [grid.title, ...cells.map(line)].join('\n');
}
