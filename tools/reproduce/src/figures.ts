import { meanSeries, renderFigure, rollingAccuracyFigure, switchAccuracyFigure, type Figure, type Series } from '@pg/report';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectedRun, RunCurves, StoredCurve } from './collect-runs.js';

/** A row as a figure draws it: the seeds whose curves are at hand (a run folder, or committed curves). */
interface DrawnRow {
  readonly name: string;
  readonly curves: readonly RunCurves[];
  /** How many seeds the row has in all. */
  readonly seeds: number;
}

/** A row's legend entry: its name, with the seeds drawn where it has several, and how many of them where not all are. */
function rowLabel({ name, curves, seeds }: DrawnRow): string {
  if (seeds === 1) return name;
  return curves.length === seeds ? `${name} (${seeds} seeds)` : `${name} (${curves.length} of ${seeds} seeds)`;
}

/** A row's curve: the mean over its seeds, in the band of its 95% interval when it has several. */
const rowSeries = (row: DrawnRow, curve: (curves: RunCurves) => StoredCurve) => meanSeries(rowLabel(row), row.curves.map(curve));
/** A reference curve (an oracle), dashed, as the mean over the seeds' walks. */
const oracleSeries = (label: string, curves: readonly StoredCurve[]): Series => ({ ...meanSeries(label, curves), band: undefined, dashed: true });

/**
 * Both oracles over the rows' walks. Rows share their walks where their seeds
 * and test graphs are the same (then their oracle curves are too): one pair
 * of oracles for each set of walks, named after its rows where there are several.
 */
function oracles(rows: readonly DrawnRow[]): Series[] {
  const groups = new Map<string, DrawnRow[]>();
  for (const row of rows) {
    const walks = JSON.stringify(row.curves.map(({ long }) => long.oracleCurves));
    groups.set(walks, [...(groups.get(walks) ?? []), row]);
  }
  return [...groups.values()].flatMap((group) => {
    const whose = groups.size > 1 ? ` (walks of ${group.map(({ name }) => name).join(', ')})` : '';
    const curves = group[0]!.curves;
    return [oracleSeries(`directed oracle${whose}`, curves.map(({ long }) => long.oracleCurves.directed)), oracleSeries(`undirected oracle${whose}`, curves.map(({ long }) => long.oracleCurves.undirected))];
  });
}

/**
 * The figures of the results page, written as SVG and PNG into `dir`; returns their file names and captions.
 * A figure draws each seed whose curves are at hand (its run folder, or curves committed with its copies), with
 * both oracles on the long walks, and its caption names the runs it lacks. Where no seed of its rows has its
 * curves at hand, the figure already in `dir`, if any, is kept and its caption says so.
 */
export async function writeResultFigures(runs: readonly CollectedRun[], dir: string): Promise<Array<{ file: string; caption: string }>> {
  mkdirSync(dir, { recursive: true });
  const written: Array<{ file: string; caption: string }> = [];
  for (const size of [8, 50]) {
    const disjoint = runs.filter(({ config, spec }) => config.num_nodes === size && config.dataset_type === 'disjoint' && spec.group !== 'variants');
    if (disjoint.length === 0) continue;
    const rows: DrawnRow[] = disjoint
      .map(({ spec, seeds }) => ({ name: spec.name, curves: seeds.flatMap(({ curves }) => (curves ? [curves] : [])), seeds: seeds.length }))
      .filter(({ curves }) => curves.length > 0);
    const lacking = disjoint.flatMap(({ seeds }) => seeds.filter(({ curves }) => curves === null).map(({ name }) => name));
    const first = rows[0]?.curves[0];
    const oracleCurves = oracles(rows);
    const rolling = rollingAccuracyFigure([...rows.map((row) => rowSeries(row, ({ long }) => long.curve)), ...oracleCurves], {
      window: first?.long.window ?? Number(disjoint[0]!.config.long_window_size),
      name: `rolling_disjoint_${size}`,
    });
    const switching = switchAccuracyFigure(
      rows.map((row) => rowSeries(row, ({ switching }) => switching.curve)),
      { switches: first?.switching.switches ?? [], window: first?.switching.window ?? Number(disjoint[0]!.config.boundary_window_size), name: `switches_disjoint_${size}` },
    );
    for (const figure of [rolling, switching]) {
      const several = rows.length > 0 ? rows.some(({ curves }) => curves.length > 1) : disjoint.some(({ seeds }) => seeds.length > 1);
      const seeded = several ? ' A row over several seeds is their mean, shaded over the 95% interval of that mean.' : '';
      const caption = (note = '') => `${size} nodes, disjoint test graphs. ${figure.caption}${note}${seeded}`;
      if (rows.length > 0) {
        const separate = oracleCurves.length > 2 ? '; rows walked on other test graphs (another seed or dataset) have their own, named after them' : '';
        const oracleNote =
          figure === rolling ? ` Dashed: the directed oracle (knows the moves taken so far) and the undirected oracle (also knows each walked edge backwards), over the same walks${separate}.` : '';
        const lackingNote = lacking.length > 0 ? ` Not drawn: ${lacking.join(', ')} (made before the curves were committed with the runs; drawn once they run again).` : '';
        written.push(await writeFigure(figure, dir, `${caption(oracleNote)}${lackingNote}`));
      } else if (existsSync(join(dir, `${figure.name}.png`))) {
        written.push({ file: `${figure.name}.png`, caption: `${caption()} (Kept from when these runs were made: their curves were not committed then, so it cannot be redrawn; its legend names what it shows.)` });
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
