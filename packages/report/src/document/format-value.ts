import type { MetricFormat } from './report-content.js';

/**
 * Writes a metric for a table: percentages with one decimal, seconds with a
 * unit, integers with thousands separators, `—` for a missing value.
 *
 * @example
 * ```ts
 * formatValue(0.8612, 'percent'); // '86.1%'
 * ```
 */
export function formatValue(value: number | string | null | undefined, format: MetricFormat = 'number'): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'percent':
      return `${(100 * value).toFixed(1)}%`;
    case 'integer':
      return Math.round(value).toLocaleString('en-US');
    case 'seconds':
      return value >= 120 ? `${(value / 60).toFixed(1)} min` : `${value.toFixed(1)} s`;
    case 'text':
      return String(value);
    default:
      return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toPrecision(4);
  }
}

/** Writes a config value compactly: strings bare, lists and objects as JSON, null as `—`. */
export function formatConfigValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
