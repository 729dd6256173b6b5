import { describe, expect, it } from '@jest/globals';
import { svgToPng } from '../../src/render/render-png.js';
import { renderSvg } from '../../src/render/render-svg.js';

describe('rendering', () => {
  it('turns a vega-lite spec into SVG, and SVG into a PNG of the scaled size', async () => {
    const svg = await renderSvg({
      width: 100,
      height: 50,
      data: { values: [{ x: 1, y: 2 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg, { scale: 2 });
    // The PNG header stores the width as a big-endian integer at byte 16.
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(2 * width);
  });
});
