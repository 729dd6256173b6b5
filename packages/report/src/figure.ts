import type { TopLevelSpec } from 'vega-lite';
import { svgToPng, type PngOptions } from './render/render-png.js';
import { renderSvg } from './render/render-svg.js';

/**
 * A figure of a report: a file name (without extension), a caption, and a
 * self-contained vega-lite spec whose data is inline, so a user can restyle
 * it, embed it in a notebook or render it with any vega tool.
 */
export interface Figure {
  readonly name: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** A rendered figure: SVG text and PNG bytes. */
export interface RenderedFigure {
  readonly figure: Figure;
  readonly svg: string;
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
