import { formatConfigValue, formatValue } from './format-value.js';
import type { ReportContent } from './report-content.js';

const STYLE = `
body { font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #222; max-width: 1000px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.subtitle { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; } td, th { padding: 0.25rem 0.8rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.value { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; } td.note { color: #666; font-size: 0.9em; }
figure { margin: 1.5rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #555; font-size: 0.9em; }
.tables { display: flex; flex-wrap: wrap; gap: 0 2.5rem; } code { font-size: 0.9em; }
`;

/**
 * Writes a report as one self-contained HTML page: styles inline and every
 * figure as inline SVG, so it opens offline from any folder.
 *
 * @example
 * ```ts
 * writeFileSync('report.html', htmlReport(content));
 * ```
 */
export function htmlReport(content: ReportContent): string {
  const metrics = content.metrics
    .map(
      ({ label, value, format, note }) =>
        `<tr><td>${escapeHtml(label)}</td><td class="value">${escapeHtml(formatValue(value, format))}</td><td class="note">${escapeHtml(note ?? '')}</td></tr>`,
    )
    .join('\n');
  const grids = (content.grids ?? [])
    .map(
      ({ title, columns, rows }) =>
        `<h3>${escapeHtml(title)}</h3><table><tr>${columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>${rows
          .map((row) => `<tr>${row.map((cell, i) => `<td${i > 0 ? ' class="value"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</table>`,
    )
    .join('\n');
  const figures = content.figures
    .map(({ figure, svg }) => `<figure id="${escapeHtml(figure.name)}">${svg}<figcaption>${escapeHtml(figure.caption)}</figcaption></figure>`)
    .join('\n');
  const tables = content.tables
    .map(
      ({ title, rows }) =>
        `<div><h3>${escapeHtml(title)}</h3><table>${rows
          .map(([key, value]) => `<tr><td><code>${escapeHtml(key)}</code></td><td>${escapeHtml(formatConfigValue(value))}</td></tr>`)
          .join('')}</table></div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(content.title)}</h1>
<p class="subtitle">${escapeHtml(content.subtitle)}</p>
${content.summary.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<h2>Results</h2>
${metrics ? `<table>${metrics}</table>` : ''}
${grids}
<h2>Figures</h2>
${figures}
<h2>Configuration and environment</h2>
<div class="tables">${tables}</div>
</body>
</html>
`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
