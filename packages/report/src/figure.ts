import type { TopLevelSpec } from 'vega-lite';
import { svgToPng, type PngOptions } from './render/render-png.js';
import { renderSvg } from './render/render-svg.js';

/**
 * A figure of a report: a file name (without extension), a caption, and a
 * self-contained vega-lite spec whose data is inline, so a user can restyle
 * it, embed it in a notebook or render it with any vega tool.
 */
export interface Figure {
  /** File name without extension, e.g. `training_curves`. */
  readonly name: string;
  /** One or two sentences shown under the figure. */
  readonly caption: string;
  /** The vega-lite spec, data inline. */
  readonly spec: TopLevelSpec;
}

/** A rendered figure: SVG text and PNG bytes. */
export interface RenderedFigure {
  /** The figure rendered. */
  readonly figure: Figure;
  /** The SVG document. */
  readonly svg: string;
  /** The PNG file's bytes. */
  readonly png: Uint8Array;
}

/**
 * Renders a figure to SVG and PNG.
 *
 * @example
 * ```ts
 * const { svg, png } = await renderFigure(trainingCurvesFigure(history));
 * ```
 */
export async function renderFigure(figure: Figure, options?: PngOptions): Promise<RenderedFigure> {
  const svg = await renderSvg(figure.spec);
  return { figure, svg, png: svgToPng(svg, options) };
}
