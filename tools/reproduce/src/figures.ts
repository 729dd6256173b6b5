import { meanSeries, renderFigure, rollingAccuracyFigure, switchAccuracyFigure, type Figure } from '@pg/report';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectedRun, StoredCurve } from './collect-runs.js';

/** A row's curve: the mean over its seeds, in the band of its 95% interval when it has several. */
const rowSeries = (label: string, curves: readonly StoredCurve[]) => meanSeries(curves.length > 1 ? `${label} (${curves.length} seeds)` : label, curves);
/** A reference curve (an oracle), dashed, as the mean over the seeds' walks. */
const oracleSeries = (label: string, curves: readonly StoredCurve[]) => ({ ...meanSeries(label, curves), band: undefined, dashed: true });

/**
 * The figures of the results page, written as SVG and PNG into `dir`; returns their file names and captions.
 * A figure is drawn only when every seed of every row it shows has its curves at hand (its run folder); otherwise
 * the figure already in `dir`, if any, is kept and its caption says so.
 */
export async function writeResultFigures(runs: readonly CollectedRun[], dir: string): Promise<Array<{ file: string; caption: string }>> {
  mkdirSync(dir, { recursive: true });
  const written: Array<{ file: string; caption: string }> = [];
  for (const size of [8, 50]) {
    const disjoint = runs.filter(({ config, spec }) => config.num_nodes === size && config.dataset_type === 'disjoint' && spec.group !== 'variants');
    if (disjoint.length === 0) continue;
    const rows = disjoint.map(({ seeds }) => seeds.map(({ curves }) => curves));
    const first = rows[0]![0];
    const complete = rows.every((curves) => curves.every((curve) => curve !== null)) ? rows.map((curves) => curves.map((curve) => curve!)) : null;
    // The oracles depend on the walks alone, which the rows of a size share seed by seed (same evaluation).
    const rolling = rollingAccuracyFigure(
      complete
        ? [
            ...complete.map((curves, i) => rowSeries(disjoint[i]!.spec.name, curves.map(({ long }) => long.curve))),
            oracleSeries('undirected oracle', complete[0]!.map(({ long }) => long.oracleCurves.undirected)),
            oracleSeries('directed oracle', complete[0]!.map(({ long }) => long.oracleCurves.directed)),
          ]
        : [],
      { window: first?.long.window ?? Number(disjoint[0]!.config.long_window_size), name: `rolling_disjoint_${size}` },
    );
    const switching = switchAccuracyFigure(complete ? complete.map((curves, i) => rowSeries(disjoint[i]!.spec.name, curves.map(({ switching }) => switching.curve))) : [], {
      switches: complete?.[0]![0]!.switching.switches ?? [],
      window: first?.switching.window ?? Number(disjoint[0]!.config.boundary_window_size),
      name: `switches_disjoint_${size}`,
    });
    for (const figure of [rolling, switching]) {
      const seeded = disjoint.some(({ seeds }) => seeds.length > 1) ? ' A row over several seeds is their mean, shaded over the 95% interval of that mean.' : '';
      const caption = `${size} nodes, disjoint test graphs. ${figure.caption}${seeded}`;
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
