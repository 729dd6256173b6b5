import { renderFigure, type Figure, type RenderedFigure } from '@pg/report';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { RunFolder } from '../runtime/run-folder.js';

/** Where a run keeps each figure's vega-lite spec and SVG (the PNG sits at the top, under the seed's name). */
const FIGURE_DIR = 'figures';

/** The files of a figure in a run folder, relative to it: the PNG, its vega-lite spec and its SVG. */
export function figureFiles(name: string): { png: string; spec: string; svg: string } {
  return { png: `${name}.png`, spec: `${FIGURE_DIR}/${name}.vl.json`, svg: `${FIGURE_DIR}/${name}.svg` };
}

/**
 * Renders a figure and writes it into the run: `<name>.png` at the top of the
 * folder, and `figures/<name>.vl.json` (the self-contained vega-lite spec,
 * to restyle or embed) and `figures/<name>.svg` (for the HTML report).
 */
export async function writeFigure(run: RunFolder, figure: Figure): Promise<RenderedFigure> {
  const rendered = await renderFigure(figure);
  const files = figureFiles(figure.name);
  mkdirSync(run.path(FIGURE_DIR), { recursive: true });
  run.write(files.png, rendered.png);
  run.writeJson(files.spec, { caption: figure.caption, spec: figure.spec });
  run.write(files.svg, rendered.svg);
  return rendered;
}

/** Reads back the figures a run wrote, in the given order, skipping those it does not have. */
export function readFigures(run: RunFolder, names: readonly string[]): RenderedFigure[] {
  return names
    .map((name) => ({ name, files: figureFiles(name) }))
    .filter(({ files }) => existsSync(run.path(files.spec)))
    .map(({ name, files }) => {
      const { caption, spec } = run.readJson<{ caption: string; spec: Figure['spec'] }>(files.spec);
      return {
        figure: { name, caption, spec },
        svg: readFileSync(run.path(files.svg), 'utf8'),
        png: new Uint8Array(readFileSync(run.path(files.png))),
      };
    });
}
