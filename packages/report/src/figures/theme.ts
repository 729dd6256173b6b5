import type { Config } from 'vega-lite';

/** The look shared by every figure: one font that renders in Node, quiet grids, readable sizes. */
export const FIGURE_CONFIG: Config = {
  font: 'DejaVu Sans',
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e8e8e8', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', labelLimit: 320 },
  title: { fontSize: 14, anchor: 'start', offset: 10 },
  range: { category: { scheme: 'tableau10' } },
};

/** Width and height of one panel, in SVG units. */
export const PANEL = { width: 420, height: 240 } as const;
