import { meanInterval, type MeanInterval } from '@pg/eval';
import { formatValue } from './format-value.js';
import type { Grid, MetricFormat, MetricRow } from './report-content.js';

/** Runs that differ only in their seed: one setting, measured once per seed. */
export interface SeedGroup {
  /** The setting's name, a row heading. */
  readonly name: string;
  /** Each run of the setting: its seed and its headline metrics. */
  readonly runs: ReadonlyArray<{
    /** The run's seed. */
    readonly seed: number;
    /** Its headline metrics. */
    readonly metrics: readonly MetricRow[];
  }>;
}

/**
 * Summarises settings measured over several seeds in two tables: an overview
 * with one row per setting and each metric as mean ± half-width of its 95%
 * Student t interval, and a detail table with, per setting and metric, the
 * count, mean, standard deviation, interval and the value of every seed.
 * Metrics are aligned by label; a seed without a value is left out of that
 * metric's statistics.
 *
 * @example
 * ```ts
 * const [overview, detail] = seedGroupTables([
 *   { name: 'hidden 64', runs: [{ seed: 1, metrics: [{ label: 'accuracy', value: 0.84, format: 'percent' }] }, { seed: 2, metrics: [{ label: 'accuracy', value: 0.86, format: 'percent' }] }] },
 * ]);
 * overview.rows[0]; // ['hidden 64', '2', '85.0% ± 12.7%']
 * ```
 */
export function seedGroupTables(groups: readonly SeedGroup[], confidence = 0.95): [Grid, Grid] {
  const columns: Array<{ label: string; format?: MetricFormat }> = [];
  for (const group of groups) {
    for (const run of group.runs) for (const { label, format } of run.metrics) if (!columns.some((column) => column.label === label)) columns.push({ label, format });
  }
  const level = `${Math.round(confidence * 100)}%`;
  const statistics = groups.map((group) =>
    columns.map(({ label, format }) => {
      const perSeed = group.runs.map(({ seed, metrics }) => ({ seed, value: metrics.find((row) => row.label === label)?.value }));
      const finite = perSeed.filter((entry): entry is { seed: number; value: number } => typeof entry.value === 'number' && Number.isFinite(entry.value));
      return { label, format, perSeed, summary: finite.length > 0 ? meanInterval(finite.map(({ value }) => value), confidence) : undefined };
    }),
  );
  const overview: Grid = {
    title: `Settings over seeds (mean ± half-width of the ${level} interval)`,
    columns: ['setting', 'seeds', ...columns.map(({ label }) => label)],
    rows: groups.map((group, g) => [group.name, String(group.runs.length), ...statistics[g]!.map(({ summary, format }) => meanPlusMinus(summary, format))]),
  };
  const detail: Grid = {
    title: `Each metric over seeds (Student t ${level} interval of the mean)`,
    columns: ['setting', 'metric', 'n', 'mean', 'sd', `${level} interval`, 'per seed'],
    rows: groups.flatMap((group, g) =>
      statistics[g]!.map(({ label, format, perSeed, summary }) => [
        group.name,
        label,
        String(summary?.count ?? 0),
        formatValue(summary?.mean, format),
        formatValue(summary?.standardDeviation, format),
        summary?.low == null ? '—' : `[${formatValue(summary.low, format)}, ${formatValue(summary.high, format)}]`,
        perSeed.map(({ seed, value }) => `${seed}: ${formatValue(value, format)}`).join(', '),
      ]),
    ),
  };
  return [overview, detail];
}

/** `mean ± half-width`, or the mean alone where there is no spread. */
function meanPlusMinus(summary: MeanInterval | undefined, format: MetricFormat | undefined): string {
  if (!summary) return '—';
  if (summary.halfWidth === null) return formatValue(summary.mean, format);
  return `${formatValue(summary.mean, format)} ± ${formatValue(summary.halfWidth, format)}`;
}
