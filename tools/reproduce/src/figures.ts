import { renderFigure, rollingAccuracyFigure, switchAccuracyFigure, type Figure } from '@pg/report';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectedRun, StoredCurve } from './collect-runs.js';

const series = (label: string, curve: StoredCurve, dashed = false) => ({ label, x: curve.x, y: curve.y, dashed });

/**
 * The figures of the results page, written as SVG and PNG into `dir`; returns their file names and captions.
 * A figure is drawn only when every run it shows has its curves at hand (its run folder); otherwise the
 * figure already in `dir`, if any, is kept and its caption says so.
 */
export async function writeResultFigures(runs: readonly CollectedRun[], dir: string): Promise<Array<{ file: string; caption: string }>> {
  mkdirSync(dir, { recursive: true });
  const written: Array<{ file: string; caption: string }> = [];
  for (const size of [8, 50]) {
    const disjoint = runs.filter(({ config, spec }) => config.num_nodes === size && config.dataset_type === 'disjoint' && spec.group !== 'variants');
    if (disjoint.length === 0) continue;
    const curves = disjoint.map((run) => run.curves);
    const first = curves[0];
    const complete = curves.every((curve) => curve !== null) ? curves.map((curve) => curve!) : null;
    // The oracles depend on the walks alone, which every run of a size shares (same seed, same evaluation).
    const rolling = rollingAccuracyFigure(
      complete
        ? [
            ...complete.map(({ long }, i) => series(disjoint[i]!.spec.name, long.curve)),
            series('undirected oracle', complete[0]!.long.oracleCurves.undirected, true),
            series('directed oracle', complete[0]!.long.oracleCurves.directed, true),
          ]
        : [],
      { window: first?.long.window ?? Number(disjoint[0]!.config.long_window_size), name: `rolling_disjoint_${size}` },
    );
    const switching = switchAccuracyFigure(complete ? complete.map(({ switching }, i) => series(disjoint[i]!.spec.name, switching.curve)) : [], {
      switches: complete?.[0]!.switching.switches ?? [],
      window: first?.switching.window ?? Number(disjoint[0]!.config.boundary_window_size),
      name: `switches_disjoint_${size}`,
    });
    for (const figure of [rolling, switching]) {
      const caption = `${size} nodes, disjoint test graphs. ${figure.caption}`;
      if (complete) {
        written.push(await writeFigure(figure, dir, caption));
      } else if (existsSync(join(dir, `${figure.name}.png`))) {
        written.push({ file: `${figure.name}.png`, caption: `${caption} (Drawn when these runs were made; their curves are not at hand to redraw it.)` });
      }
    }
  }
  return written;
}

async function writeFigure(figure: Figure, dir: string, caption: string): Promise<{ file: string; caption: string }> {
  const { svg, png } = await renderFigure(figure);
  writeFileSync(join(dir, `${figure.name}.svg`), svg);
  writeFileSync(join(dir, `${figure.name}.png`), png);
  return { file: `${figure.name}.png`, caption };
}
