import type { LongExplorationResult, SwitchAdaptationResult } from '@pg/eval';
import { comparisonTable, htmlReport, latexReport, rollingAccuracyFigure, switchAccuracyFigure, type ReportContent } from '@pg/report';
import { ConfigError } from '../errors.js';
import { createRunFolder, openRunFolder } from '../runtime/run-folder.js';
import { writeFigure } from './figure-files.js';
import { headlineMetrics } from './headline-metrics.js';
import { SummaryWriter } from './run-summary.js';

type Evaluation = { long: LongExplorationResult; switching: SwitchAdaptationResult };

/**
 * Compares run folders in a new folder `out/compare-<time>/`: one table of
 * their headline numbers and their rolling-accuracy curves overlaid, as
 * `comparison.html` and `comparison.tex`. Returns the HTML path.
 */
export async function compareRuns(dirs: readonly string[], out: string): Promise<string> {
  if (dirs.length < 2) throw new ConfigError('run folders', dirs.length, 'at least 2 run folders to compare');
  const runs = dirs.map((dir) => {
    const run = openRunFolder(dir, 'each folder compared');
    const summary = SummaryWriter.read(run);
    const evaluation = run.has('evaluation.json') ? run.readJson<Evaluation>('evaluation.json') : undefined;
    return { run, summary, evaluation };
  });
  const labels = uniqueLabels(runs.map(({ summary }) => summary.name));
  const target = createRunFolder(out, 'compare');
  const evaluated = runs.map((entry, i) => ({ ...entry, label: labels[i]! })).filter((entry) => entry.evaluation);
  const figures = [];
  if (evaluated.length > 0) {
    const first = evaluated[0]!.evaluation!;
    figures.push(
      await writeFigure(
        target,
        rollingAccuracyFigure(
          evaluated.map(({ label, evaluation }) => ({ label, x: evaluation!.long.curve.x, y: evaluation!.long.curve.y })),
          { window: first.long.window, name: 'compare_rolling_accuracy' },
        ),
      ),
      await writeFigure(
        target,
        switchAccuracyFigure(
          evaluated.map(({ label, evaluation }) => ({ label, x: evaluation!.switching.curve.x, y: evaluation!.switching.curve.y })),
          { switches: first.switching.switches, window: first.switching.window, name: 'compare_rolling_accuracy_boundaries' },
        ),
      ),
    );
  }
  const content: ReportContent = {
    title: `Comparison of ${runs.length} runs`,
    subtitle: runs.map(({ run }) => run.id).join(', '),
    summary: [`Runs compared: ${runs.map(({ run }, i) => `${labels[i]} (${run.dir})`).join('; ')}.`],
    metrics: [],
    grids: [comparisonTable(runs.map(({ summary }, i) => ({ name: labels[i]!, metrics: headlineMetrics(summary.metrics) })))],
    figures,
    tables: runs.map(({ summary }, i) => ({ title: labels[i]!, rows: [['status', summary.status], ['backend', summary.backend], ['run id', summary.runId]] })),
  };
  target.write('comparison.html', htmlReport(content));
  target.write('comparison.tex', latexReport(content));
  return target.path('comparison.html');
}

/** Run names made distinct by a counter where they repeat. */
function uniqueLabels(names: readonly string[]): string[] {
  return names.map((name, i) => (names.filter((other) => other === name).length > 1 ? `${name} #${names.slice(0, i + 1).filter((other) => other === name).length}` : name));
}
