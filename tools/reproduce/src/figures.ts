import { renderFigure, rollingAccuracyFigure, switchAccuracyFigure, type Figure, type Series } from '@pg/report';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectedRun } from './collect-runs.js';

/** The figures of the results page, written as SVG and PNG into `dir`; returns their file names and captions. */
export async function writeResultFigures(runs: readonly CollectedRun[], dir: string): Promise<Array<{ file: string; caption: string }>> {
  mkdirSync(dir, { recursive: true });
  const written: Array<{ file: string; caption: string }> = [];
  for (const size of [8, 50]) {
    const disjoint = runs.filter(({ config, spec }) => config.num_nodes === size && config.dataset_type === 'disjoint' && (spec.group !== 'variants'));
    if (disjoint.length === 0) continue;
    const first = disjoint[0]!;
    const rolling = rollingAccuracyFigure(
      [
        ...disjoint.map(({ spec, long }) => ({ label: spec.name, x: long.curve.x, y: long.curve.y })),
        { label: 'undirected oracle', x: first.long.oracleCurves.undirected.x, y: first.long.oracleCurves.undirected.y, dashed: true } satisfies Series,
      ],
      { window: first.long.window, name: `rolling_disjoint_${size}` },
    );
    const switching = switchAccuracyFigure(
      disjoint.map(({ spec, switching }) => ({ label: spec.name, x: switching.curve.x, y: switching.curve.y })),
      { switches: first.switching.switches, window: first.switching.window, name: `switches_disjoint_${size}` },
    );
    for (const figure of [rolling, switching]) written.push(await writeFigure(figure, dir, `${size} nodes`));
  }
  return written;
}

async function writeFigure(figure: Figure, dir: string, setting: string): Promise<{ file: string; caption: string }> {
  const { svg, png } = await renderFigure(figure);
  writeFileSync(join(dir, `${figure.name}.svg`), svg);
  writeFileSync(join(dir, `${figure.name}.png`), png);
  return { file: `${figure.name}.png`, caption: `${setting}, disjoint test graphs. ${figure.caption}` };
}
