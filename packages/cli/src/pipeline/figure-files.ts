import { renderFigure, type Figure, type RenderedFigure } from '@pg/report';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { RunFolder } from '../runtime/run-folder.js';

/** Where a run keeps each figure's vega-lite spec and SVG (the PNG sits at the top, under the seed's name). */
const FIGURE_DIR = 'figures';

/**
 * Renders a figure and writes it into the run: `<name>.png` at the top of the
 * folder, and `figures/<name>.vl.json` (the self-contained vega-lite spec,
 * to restyle or embed) and `figures/<name>.svg` (for the HTML report).
 */
export async function writeFigure(run: RunFolder, figure: Figure): Promise<RenderedFigure> {
  const rendered = await renderFigure(figure);
  mkdirSync(run.path(FIGURE_DIR), { recursive: true });
  run.write(`${figure.name}.png`, rendered.png);
  run.writeJson(`${FIGURE_DIR}/${figure.name}.vl.json`, { caption: figure.caption, spec: figure.spec });
  run.write(`${FIGURE_DIR}/${figure.name}.svg`, rendered.svg);
  return rendered;
}

/** Reads back the figures a run wrote, in the given order, skipping those it does not have. */
export function readFigures(run: RunFolder, names: readonly string[]): RenderedFigure[] {
  return names
    .filter((name) => existsSync(run.path(`${FIGURE_DIR}/${name}.vl.json`)))
    .map((name) => {
      const { caption, spec } = run.readJson<{ caption: string; spec: Figure['spec'] }>(`${FIGURE_DIR}/${name}.vl.json`);
      return {
        figure: { name, caption, spec },
        svg: readFileSync(run.path(`${FIGURE_DIR}/${name}.svg`), 'utf8'),
        png: new Uint8Array(readFileSync(run.path(`${name}.png`))),
      };
    });
}
