import { formatConfigValue, formatValue } from './format-value.js';
import type { ReportContent } from './report-content.js';

/**
 * Writes a report as a LaTeX document that includes each figure's PNG by
 * file name (`training_curves.png` beside `report.tex`), ready for
 * {@link compileLatex}.
 *
 * @example
 * ```ts
 * writeFileSync(join(runDir, 'report.tex'), latexReport(content));
 * ```
 */
export function latexReport(content: ReportContent): string {
  const metrics = content.metrics.length
    ? [
        '\\begin{tabularx}{\\linewidth}{@{}lrX@{}}',
        '\\toprule',
        ...content.metrics.map(
          ({ label, value, format, note }) =>
            `${escapeLatex(label)} & ${escapeLatex(formatValue(value, format))} & {\\small ${escapeLatex(note ?? '')}} \\\\`,
        ),
        '\\bottomrule',
        '\\end{tabularx}',
      ].join('\n')
    : '';
  const grids = (content.grids ?? []).map(({ title, columns, rows }) =>
    [
      `\\subsection*{${escapeLatex(title)}}`,
      '{\\small',
      `\\begin{tabular}{@{}l${'r'.repeat(columns.length - 1)}@{}}`,
      '\\toprule',
      `${columns.map(escapeLatex).join(' & ')} \\\\`,
      '\\midrule',
      ...rows.map((row) => `${row.map(escapeLatex).join(' & ')} \\\\`),
      '\\bottomrule',
      '\\end{tabular}}',
    ].join('\n'),
  );
  const figures = content.figures.map(({ figure }) =>
    [
      '\\begin{figure}[htbp]',
      '\\centering',
      `\\includegraphics[width=\\linewidth,height=0.4\\textheight,keepaspectratio]{${figure.name}.png}`,
      `\\caption{${escapeLatex(figure.caption)}}`,
      '\\end{figure}',
    ].join('\n'),
  );
  const tables = content.tables.map(({ title, rows }) =>
    [
      `\\subsection*{${escapeLatex(title)}}`,
      '\\begin{tabular}{@{}ll@{}}',
      '\\toprule',
      ...rows.map(([key, value]) => `\\texttt{${escapeLatex(key)}} & ${escapeLatex(formatConfigValue(value))} \\\\`),
      '\\bottomrule',
      '\\end{tabular}',
    ].join('\n'),
  );
  return [
    '\\documentclass[11pt]{article}',
    '\\usepackage[margin=2cm]{geometry}',
    '\\usepackage{graphicx}',
    '\\usepackage{booktabs}',
    '\\usepackage{tabularx}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage{lmodern}',
    `\\title{${escapeLatex(content.title)}}`,
    `\\date{${escapeLatex(content.subtitle)}}`,
    '\\begin{document}',
    '\\maketitle',
    '',
    content.summary.map(escapeLatex).join('\n\n'),
    '',
    '\\section*{Results}',
    metrics,
    '',
    grids.join('\n\n'),
    '',
    '\\section*{Figures}',
    figures.join('\n\n'),
    '',
    '\\clearpage',
    '\\section*{Configuration and environment}',
    tables.join('\n\n'),
    '',
    '\\end{document}',
    '',
  ].join('\n');
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '—': '---',
  '–': '--',
  '≥': '$\\geq$',
  '≤': '$\\leq$',
  '×': '$\\times$',
  '→': '$\\rightarrow$',
  '‖': '$\\|$',
};

/** Escapes text for LaTeX body text, including the few non-ASCII symbols reports use. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#%_^~—–≥≤×→‖]/g, (c) => LATEX_SPECIALS[c]!);
}
