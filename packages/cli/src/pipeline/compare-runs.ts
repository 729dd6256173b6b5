import type { LongExplorationResult, SwitchAdaptationResult } from '@pg/eval';
import {
  comparisonTable,
  htmlReport,
  latexReport,
  meanSeries,
  rollingAccuracyFigure,
  seedGroupTables,
  switchAccuracyFigure,
  type Grid,
  type ReportContent,
  type Series,
} from '@pg/report';
import type { FlatConfig } from '../config/config-keys.js';
import { ConfigError } from '../errors.js';
import { createRunFolder, openRunFolder, type RunFolder } from '../runtime/run-folder.js';
import { isLockedByOther } from '../runtime/run-lock.js';
import { parseRunConfigFile } from './execute-run.js';
import { writeFigure } from './figure-files.js';
import { gridCsv, gridMarkdown } from './grid-files.js';
import { headlineMetrics } from './headline-metrics.js';
import { SummaryWriter, type RunSummary } from './run-summary.js';
import { groupBySeed } from './seed-groups.js';

type Evaluation = { long: LongExplorationResult; switching: SwitchAdaptationResult };

/** A run folder as a comparison reads it. */
export interface ComparedFolder {
  readonly run: RunFolder;
  readonly summary: RunSummary;
  readonly name: string;
  readonly config?: FlatConfig;
  readonly evaluation?: Evaluation;
}

/** What a comparison wrote, and its tables. */
export interface Comparison {
  /** The HTML report. */
  readonly report: string;
  /** The tables as files beside it: `comparison.csv` (one row per run), `comparison.md` (every table) and, where runs differ only in seed, `comparison_settings.csv`. */
  readonly tables: readonly string[];
  /** Its tables: one row per run, then, where runs differ only in seed, the settings over seeds and their detail. */
  readonly grids: readonly Grid[];
  /** Where runs differ only in seed: one row per setting, each metric as mean ± the half-width of its 95% interval. */
  readonly settings?: Grid;
}

/**
 * Compares run folders in a new folder `out/compare-<time>/` (see
 * {@link writeComparison}). Every folder is read before anything is written.
 */
export async function compareRuns(dirs: readonly string[], out: string): Promise<Comparison> {
  if (dirs.length < 2) throw new ConfigError('run folders', dirs.length, 'at least 2 run folders to compare');
  const folders = readComparedFolders(dirs);
  return writeComparison(folders, createRunFolder(out, 'compare'), `Comparison of ${folders.length} runs`);
}

/** Reads run folders for a comparison; a bad folder stops it before any work. */
export function readComparedFolders(dirs: readonly string[]): ComparedFolder[] {
  return dirs.map((dir) => {
    const run = openRunFolder(dir, 'each folder compared');
    const summary = SummaryWriter.read(run);
    // `running` with no live process holding the lock: that process was killed.
    if (summary.status === 'running' && !isLockedByOther(run.dir)) summary.status = 'interrupted';
    const evaluation = run.has('evaluation.json') ? run.readJson<Evaluation>('evaluation.json') : undefined;
    return { run, summary, name: summary.name, config: readConfig(run), evaluation };
  });
}

/**
 * Writes a comparison of runs into `target`: one table of their headline
 * numbers and their rolling-accuracy curves, as `comparison.html` and
 * `comparison.tex`, and the tables alone as `comparison.csv` (one row per
 * run, for spreadsheets) and `comparison.md` (every table, for papers). Runs that differ only in seed are grouped into settings:
 * the report then shows each metric's mean, standard deviation and 95%
 * Student t interval with the value of every seed, and the figures draw each
 * setting's mean curve in its interval band. Returns the HTML path.
 */
export async function writeComparison(folders: readonly ComparedFolder[], target: RunFolder, title: string): Promise<Comparison> {
  const labels = uniqueLabels(folders.map(({ name }) => name));
  const groups = groupBySeed(folders);
  const groupLabels = uniqueLabels(groups.map(({ label }) => label));
  const seeded = groups.some(({ members }) => members.length > 1);
  const curves = (pick: (evaluation: Evaluation) => { x: ArrayLike<number>; y: ArrayLike<number> }): Series[] =>
    seeded
      ? groups.flatMap(({ members }, g) => {
          const evaluated = members.filter(({ evaluation }) => evaluation);
          if (evaluated.length === 0) return [];
          const label = evaluated.length > 1 ? `${groupLabels[g]} (mean of ${evaluated.length} seeds)` : groupLabels[g]!;
          return [meanSeries(label, evaluated.map(({ evaluation }) => pick(evaluation!)))];
        })
      : folders.flatMap(({ evaluation }, i) => (evaluation ? [{ label: labels[i]!, ...pick(evaluation) }] : []));
  const figures = [];
  const first = folders.find(({ evaluation }) => evaluation)?.evaluation;
  if (first) {
    figures.push(
      await writeFigure(target, rollingAccuracyFigure(curves(({ long }) => long.curve), { window: first.long.window, name: 'compare_rolling_accuracy' })),
      await writeFigure(
        target,
        switchAccuracyFigure(curves(({ switching }) => switching.curve), {
          switches: first.switching.switches,
          window: first.switching.window,
          name: 'compare_rolling_accuracy_boundaries',
        }),
      ),
    );
  }
  const settings = seeded
    ? seedGroupTables(
        groups.flatMap(({ members }, g) =>
          members.every(({ config }) => config)
            ? [{ name: groupLabels[g]!, runs: members.map(({ config, summary }) => ({ seed: config!.seed, metrics: headlineMetrics(summary.metrics) })) }]
            : [],
        ),
      )
    : [];
  const grids: Grid[] = [comparisonTable(folders.map(({ summary }, i) => ({ name: labels[i]!, metrics: headlineMetrics(summary.metrics) }))), ...settings];
  const content: ReportContent = {
    title,
    subtitle: folders.map(({ run }) => run.id).join(', '),
    summary: [
      `Runs compared: ${folders.map(({ run }, i) => `${labels[i]} (${run.dir})`).join('; ')}.`,
      ...(seeded
        ? [
            `Runs that differ only in their seed form ${groups.length} settings; each metric is shown as the mean over seeds ± the half-width of its 95% Student t interval, ` +
              'with the standard deviation and every seed\'s value, and each curve as the seeds\' mean in the band of that interval.',
          ]
        : []),
    ],
    metrics: [],
    grids,
    figures,
    tables: folders.map(({ summary }, i) => ({ title: labels[i]!, rows: [['status', summary.status], ['backend', summary.backend], ['run id', summary.runId]] })),
  };
  target.write('comparison.html', htmlReport(content));
  target.write('comparison.tex', latexReport(content));
  const tables: Array<[string, string]> = [
    ['comparison.csv', gridCsv(grids[0]!)],
    ...(settings[0] ? [['comparison_settings.csv', gridCsv(settings[0])] as [string, string]] : []),
    ['comparison.md', grids.map(gridMarkdown).join('\n')],
  ];
  for (const [file, text] of tables) target.write(file, text);
  return { report: target.path('comparison.html'), tables: tables.map(([file]) => target.path(file)), grids, settings: settings[0] };
}

/** A run's config, when it has a readable one (needed to tell which runs differ only in seed). */
function readConfig(run: RunFolder): FlatConfig | undefined {
  if (!run.has('run_config.json')) return undefined;
  try {
    return parseRunConfigFile(run.path('run_config.json'), []);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/** Run names made distinct by a counter where they repeat. */
function uniqueLabels(names: readonly string[]): string[] {
  return names.map((name, i) => (names.filter((other) => other === name).length > 1 ? `${name} #${names.slice(0, i + 1).filter((other) => other === name).length}` : name));
}
