import { describe, expect, it } from '@jest/globals';
import { comparisonTable } from '../../src/document/comparison.js';
import { escapeHtml, htmlReport } from '../../src/document/html-report.js';
import { escapeLatex, latexReport } from '../../src/document/latex-report.js';
import type { ReportContent } from '../../src/document/report-content.js';
import type { RenderedFigure } from '../../src/figure.js';

const figure: RenderedFigure = {
  figure: { name: 'training_curves', caption: 'Loss & accuracy', spec: {} as RenderedFigure['figure']['spec'] },
  svg: '<svg width="10" height="10"></svg>',
  png: new Uint8Array(),
};

const content: ReportContent = {
  title: 'plastic_disjoint <run>',
  subtitle: 'run 1234 — complete',
  summary: ['Trained a plastic network on 120 graphs.'],
  metrics: [
    { label: 'test accuracy', value: 0.912, format: 'percent', note: 'next-node, all steps' },
    { label: 'steps to recover', value: null, format: 'integer' },
  ],
  grids: [comparisonTable([{ name: 'a', metrics: [{ label: 'acc', value: 0.5, format: 'percent' }] }])],
  figures: [figure],
  tables: [{ title: 'dataset', rows: [['num_nodes', 50], ['wandb_tags', ['x']]] }],
};

describe('htmlReport', () => {
  it('is one self-contained page with escaped text, metrics, inline SVG figures and config tables', () => {
    const html = htmlReport(content);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>plastic_disjoint &lt;run&gt;</title>');
    expect(html).toContain('<td class="value">91.2%</td>');
    expect(html).toContain('<td class="value">—</td>');
    expect(html).toContain('<figure id="training_curves"><svg width="10" height="10"></svg><figcaption>Loss &amp; accuracy</figcaption></figure>');
    expect(html).toContain('<code>wandb_tags</code></td><td>[&quot;x&quot;]</td>');
    expect(html).toContain('<th>run</th><th>acc</th>');
    expect(html).not.toMatch(/<(script|link)\b/);
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('latexReport', () => {
  it('includes each figure by its PNG name and escapes text', () => {
    const tex = latexReport(content);
    expect(tex).toContain('\\documentclass[11pt]{article}');
    expect(tex).toContain('\\includegraphics[width=\\linewidth,height=0.4\\textheight,keepaspectratio]{training_curves.png}');
    expect(tex).toContain('\\caption{Loss \\& accuracy}');
    expect(tex).toContain('test accuracy & 91.2\\% & {\\small next-node, all steps} \\\\');
    expect(tex).toContain('\\texttt{num\\_nodes} & 50 \\\\');
    expect(tex).toContain('\\title{plastic\\_disjoint <run>}');
    expect(tex).toContain('\\date{run 1234 --- complete}');
    expect(tex.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it('escapes LaTeX specials and the symbols reports use', () => {
    expect(escapeLatex('50% of $x_1 & {y}# ~ ^ \\')).toBe('50\\% of \\$x\\_1 \\& \\{y\\}\\# \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(escapeLatex('k ≥ 2 × 3 → ‖W‖')).toBe('k $\\geq$ 2 $\\times$ 3 $\\rightarrow$ $\\|$W$\\|$');
  });
});

describe('comparisonTable', () => {
  it('aligns metrics by label, one row per run, marking missing ones', () => {
    const grid = comparisonTable([
      { name: 'plastic', metrics: [{ label: 'accuracy', value: 0.9, format: 'percent' }, { label: 'recover', value: 12, format: 'integer' }] },
      { name: 'rnn', metrics: [{ label: 'accuracy', value: 0.3, format: 'percent' }] },
    ]);
    expect(grid.columns).toEqual(['run', 'accuracy', 'recover']);
    expect(grid.rows).toEqual([
      ['plastic', '90.0%', '12'],
      ['rnn', '30.0%', '—'],
    ]);
  });
});
