import { splitGraphCounts } from '@pg/datasets';
import { compileLatex, htmlReport, latexReport, type ReportContent } from '@pg/report';
import { CONFIG_KEYS, CONFIG_SECTIONS, type FlatConfig } from '../config/config-keys.js';
import type { RunFolder } from '../runtime/run-folder.js';
import type { Logger } from '../runtime/logger.js';
import { readFigures } from './figure-files.js';
import { headlineMetrics } from './headline-metrics.js';
import type { RunSummary } from './run-summary.js';

/** The figures of a run report, in reading order. */
export const REPORT_FIGURES = [
  'training_curves',
  'rolling_accuracy',
  'rolling_accuracy_boundaries',
  'train_graph',
  'test_graph',
  'train_action_hist',
  'test_action_hist',
  'degree_distribution',
  'walk_coverage',
] as const;

/**
 * Writes `report.html` (self-contained) and `report.tex` from what the run
 * folder holds, and compiles `report.pdf` when tectonic or pdflatex is
 * installed. Returns the path of the HTML report.
 */
export function writeReport(run: RunFolder, summary: RunSummary, log: Logger): string {
  const config = run.readJson<FlatConfig>('run_config.json');
  const graphs = splitGraphCounts({ numGraphs: config.num_graphs, numGraphsCounts: config.num_graphs_counts, testFraction: config.test_fraction });
  const content: ReportContent = {
    title: `${summary.name}: ${config.network_type} on a ${config.dataset_type} dataset`,
    subtitle: `run ${summary.runId} — ${summary.backend} — started ${summary.startedAt}`,
    summary: [
      `A ${config.network_type} network (hidden size ${config.hidden_dim}) trained for ${config.epochs} epochs on random walks of ` +
        `${config.train_num_timesteps ?? config.num_timesteps} nodes over ${graphs.train} graphs of ${config.num_nodes} nodes and ${config.num_actions} actions ` +
        `(${config.dataset_type} dataset), then tested on walks of ${config.num_timesteps} nodes over ${graphs.test} held-out graphs. Seed ${config.seed}.`,
      ...(summary.error ? [`The run failed${summary.error.stage ? ` in its ${summary.error.stage} stage` : ''}: ${summary.error.message}`] : []),
    ],
    metrics: headlineMetrics(summary.metrics),
    figures: readFigures(run, REPORT_FIGURES),
    tables: [
      ...CONFIG_SECTIONS.map((section) => ({
        title: section,
        rows: (Object.keys(CONFIG_KEYS) as Array<keyof FlatConfig>)
          .filter((name) => CONFIG_KEYS[name].section === section)
          .map((name) => [name, config[name]] as const),
      })),
      { title: 'environment', rows: [['backend', summary.backend], ...Object.entries(summary.versions)] },
    ],
  };
  run.write('report.html', htmlReport(content));
  run.write('report.tex', latexReport(content));
  const outcome = compileLatex(run.dir, 'report.tex');
  if (outcome.status === 'compiled') log.info(`report.pdf compiled with ${outcome.engine}`);
  else if (outcome.status === 'no-engine') log.info('report.pdf skipped: no LaTeX engine (tectonic or pdflatex) on the PATH');
  else log.warn(`report.pdf failed with ${outcome.engine}; report.tex is there to fix by hand:\n${outcome.log}`);
  return run.path('report.html');
}
