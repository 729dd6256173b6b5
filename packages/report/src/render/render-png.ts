import { Resvg } from '@resvg/resvg-js';

/** Options of the PNG rendering of a figure (`renderFigure`). */
export interface PngOptions {
  /** Pixels per SVG unit. Default 2, for sharp figures in reports. */
  scale?: number;
  /** Font used where the SVG names one the system lacks. Default `'DejaVu Sans'`. */
  defaultFontFamily?: string;
}

/**
 * Rasterises an SVG string to PNG bytes with resvg, on a white background,
 * using the system's fonts.
 *
 * @example
 * ```ts
 * writeFileSync('figure.png', svgToPng(await renderSvg(spec)));
 * ```
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const rendered = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: options.defaultFontFamily ?? 'DejaVu Sans' },
  }).render();
  return rendered.asPng();
}
