import type { RenderedFigure } from '../figure.js';

/** How a metric's value is written. */
export type MetricFormat = 'percent' | 'number' | 'integer' | 'seconds' | 'text';

/** One row of a metrics table. */
export interface MetricRow {
  /** What is measured, e.g. `Test accuracy`. */
  readonly label: string;
  /** The value; `null` is shown as a dash. */
  readonly value: number | string | null;
  /** How the value is written. Default `number`. */
  readonly format?: MetricFormat;
  /** A short explanation shown beside the value. */
  readonly note?: string;
}

/** A titled table of key–value rows (a config section, the environment). */
export interface KeyValueTable {
  /** The table's heading. */
  readonly title: string;
  /** Key and value of each row. */
  readonly rows: ReadonlyArray<readonly [string, unknown]>;
}

/** A table with named columns, e.g. one row per run of a comparison. */
export interface Grid {
  /** The table's heading. */
  readonly title: string;
  /** The column headings. */
  readonly columns: readonly string[];
  /** The cells of each row, one per column. */
  readonly rows: ReadonlyArray<readonly string[]>;
}

/**
 * Everything a run report shows, independent of its format: the HTML and
 * LaTeX writers render the same content.
 */
export interface ReportContent {
  /** The report's heading. */
  readonly title: string;
  /** One line under the title: run id, date, status. */
  readonly subtitle: string;
  /** Paragraphs of plain text shown first (what the run did, or why it failed). */
  readonly summary: readonly string[];
  /** The headline numbers. */
  readonly metrics: readonly MetricRow[];
  /** Tables shown after the metrics (a comparison's table of runs). */
  readonly grids?: readonly Grid[];
  /** The figures, in order. */
  readonly figures: readonly RenderedFigure[];
  /** Config sections, environment, timings. */
  readonly tables: readonly KeyValueTable[];
}
