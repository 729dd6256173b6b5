import { PANEL } from './theme.js';

/** One named curve: y values at x positions. */
export interface Series {
  /** The legend entry. */
  readonly label: string;
  /** The x position of each point. */
  readonly x: ArrayLike<number>;
  /** The y value of each point. */
  readonly y: ArrayLike<number>;
  /** Draw dashed, for reference curves such as an oracle's ceiling. */
  readonly dashed?: boolean;
  /**
   * A shaded band around the curve in its colour, e.g. the 95% interval of a
   * mean over seeds: its lower and upper ends at each x.
   */
  readonly band?: {
    /** The band's lower end at each point. */
    readonly lower: ArrayLike<number>;
    /** The band's upper end at each point. */
    readonly upper: ArrayLike<number>;
  };
}

/** A horizontal reference line, e.g. an oracle ceiling. */
export interface ReferenceLine {
  /** The text at the line's right end. */
  readonly label: string;
  /** The y value of the line. */
  readonly value: number;
}

/** Titles, scale and reference marks of one panel of a line figure. */
export interface LinePanelOptions {
  /** The panel's title. */
  readonly title: string;
  /** The x axis title. */
  readonly xTitle: string;
  /** The y axis title. */
  readonly yTitle: string;
  /** Fix the y axis to [0, 1] (accuracies). */
  readonly unitInterval?: boolean;
  /** Dashed horizontal lines, labelled at their right end. */
  readonly references?: readonly ReferenceLine[];
  /** Vertical rules at these x positions (graph switches). */
  readonly markers?: readonly number[];
}

/** Characters of a legend label that two columns hold side by side within the default label limit. */
const LONG_LABEL = 30;

/** Points kept per series: enough for a smooth curve at report size, few enough to keep specs small. */
const MAX_POINTS = 500;

/**
 * One panel of a layered vega-lite line chart of several series, with
 * optional horizontal reference lines and vertical markers: the shape of
 * every curve of a report. Wrap it (or several) with {@link figureSpec}.
 */
export function linePanel(series: readonly Series[], options: LinePanelOptions): Record<string, unknown> {
  const kept = (x: ArrayLike<number>) => {
    const stride = Math.ceil(x.length / MAX_POINTS);
    return Array.from({ length: x.length }, (_, i) => i).filter((i) => i % stride === 0 || i === x.length - 1);
  };
  const points = series.flatMap(({ label, x, y, dashed }) =>
    kept(x)
      .map((i) => ({ series: label, x: x[i]!, y: y[i]!, ...(dashed ? { dashed } : {}) }))
      .filter(({ y: value }) => Number.isFinite(value)),
  );
  const bands = series.flatMap(({ label, x, band }) =>
    band
      ? kept(x)
          .map((i) => ({ series: label, x: x[i]!, lower: band.lower[i]!, upper: band.upper[i]! }))
          .filter(({ lower, upper }) => Number.isFinite(lower) && Number.isFinite(upper))
      : [],
  );
  const anyDashed = series.some(({ dashed }) => dashed);
  const yScale = options.unitInterval ? { domain: [0, 1] } : { zero: false };
  // Two columns keep a legend of many runs within the panel's width, one where a label is long (a
  // row's seeds, an oracle's walks), uncut: without a canvas, vega takes 0.8 em a character and
  // would cut it short of its room. Its symbols are strokes in full colour, also where a band's pale
  // shading shares the legend.
  const longLabels = series.some(({ label }) => label.length > LONG_LABEL);
  const legend = {
    columns: longLabels ? 1 : 2,
    ...(longLabels ? { labelLimit: 0 } : {}),
    ...(bands.length > 0 ? { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 } : {}),
  };
  const color = { field: 'series', type: 'nominal', title: null, sort: series.map(({ label }) => label), legend };
  const x = { field: 'x', type: 'quantitative', title: options.xTitle };
  const y = (field: string) => ({ field, type: 'quantitative', title: options.yTitle, scale: yScale });
  const layers: object[] = [];
  if (bands.length > 0) {
    // Drawn first, so the curves lie on top of the shading.
    layers.push({
      data: { values: bands },
      mark: { type: 'area', opacity: 0.2, clip: true },
      encoding: { x, y: y('lower'), y2: { field: 'upper' }, color },
    });
  }
  layers.push({
    data: { values: points },
    mark: { type: 'line', strokeWidth: 1.8, clip: true },
    encoding: {
      x,
      y: y('y'),
      color,
      ...(anyDashed
        ? { strokeDash: { field: 'dashed', type: 'nominal', legend: null, scale: { domain: [true], range: [[5, 4]], unknown: [1, 0] } } }
        : {}),
    },
  });
  if (options.markers?.length) {
    layers.push({
      data: { values: options.markers.map((x) => ({ x })) },
      mark: { type: 'rule', color: '#999', strokeDash: [2, 3] },
      encoding: { x: { field: 'x', type: 'quantitative' } },
    });
  }
  if (options.references?.length) {
    // Labels of close lines would overlap at one end, so each sits further left than the last.
    const references = options.references.map(({ label, value }, i) => ({ label, value, at: PANEL.width - 4 - i * 150 }));
    layers.push(
      {
        data: { values: references },
        mark: { type: 'rule', color: '#444', strokeDash: [6, 4] },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: references },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10, color: '#444' },
        encoding: { x: { field: 'at', type: 'quantitative', scale: null }, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  return { title: options.title, width: PANEL.width, height: PANEL.height, layer: layers };
}
