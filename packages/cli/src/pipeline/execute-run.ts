import type { GraphDataset } from '@pg/datasets';
import { loadCheckpoint, type GraphNetwork } from '@pg/models';
import { basename, extname } from 'node:path';
import { readFileSync } from 'node:fs';
import type { FlatConfig } from '../config/config-keys.js';
import { parseRunConfig } from '../config/resolve-config.js';
import { ConfigError } from '../errors.js';
import { useBackend, type BackendInfo } from '../runtime/backend.js';
import type { Logger } from '../runtime/logger.js';
import { createRunFolder, createRunFolderAt, openRunFolder, type RunFolder } from '../runtime/run-folder.js';
import { acquireLock, LOCK_FILE, lockOwner, releaseLock } from '../runtime/run-lock.js';
import { buildDataset } from './build-dataset.js';
import { datasetStage } from './dataset-stage.js';
import { evaluateStage } from './evaluate-stage.js';
import { writeReport } from './report-stage.js';
import type { RunContext } from './run-context.js';
import { RunInterrupted, SummaryWriter, type StageName } from './run-summary.js';
import { discardSnapshot, trainStage, type TrainedModel } from './train-stage.js';
import { versions } from './versions.js';

/** Where a run's config comes from: a file (a new run) or an existing run folder. */
export type RunSource =
  | {
      /** Start a new run from a config file. */
      readonly kind: 'config';
      /** The YAML config file. */
      readonly path: string;
      /** `section.key=value` overrides, applied in order (as `--set`). */
      readonly overrides: readonly string[];
      /** The folder in which the run folder is created. */
      readonly out: string;
      /** The run's name. Default: `run_name`, else the config file's name. */
      readonly name?: string;
      /** The run folder's exact path, for a folder named in advance (a sweep's run); default a new `out/<name>-<time>`. */
      readonly folder?: string;
    }
  | {
      /** Continue or extend an existing run folder. */
      readonly kind: 'folder';
      /** The run folder. */
      readonly dir: string;
      /** The option that named the folder, for messages. Default `--run`. */
      readonly flag?: '--run' | '--resume';
    };

/** What {@link executeRun} reports back. */
export interface RunOutcome {
  /** The run folder. */
  readonly run: RunFolder;
  /** `interrupted` when Ctrl-C stopped it (resume it later), otherwise `complete`. */
  readonly status: 'complete' | 'interrupted';
  /** The HTML report, when the report stage ran. */
  readonly report?: string;
}

/**
 * Runs the requested stages of an experiment in a run folder: a new one for
 * a config file, or an existing one (resume, `pg evaluate`, `pg report`),
 * skipping stages that an earlier invocation finished. The config is
 * validated before any work and before the folder exists; from then on
 * `summary.json` tells the status at every moment.
 */
export async function executeRun(source: RunSource, stages: readonly StageName[], log: Logger, command: string): Promise<RunOutcome> {
  const { config, name } = readSource(source);
  const backend = await useBackend(config.backend);
  const fields = { command, backend: backend.description, versions: versions() };
  const owner = lockOwner(command);
  let run: RunFolder;
  if (source.kind === 'config') {
    const contents = (id: string) => ({
      'run_config.json': `${JSON.stringify(config, null, 2)}\n`,
      'summary.json': `${JSON.stringify(SummaryWriter.initial(id, { name, ...fields }), null, 2)}\n`,
      [LOCK_FILE]: `${JSON.stringify(owner)}\n`,
    });
    run = source.folder ? createRunFolderAt(source.folder, contents) : createRunFolder(source.out, name, contents);
  } else {
    run = openRunFolder(source.dir, source.flag);
    acquireLock(run.dir, owner);
  }
  try {
    return await runStages(run, config, stages, log, new SummaryWriter(run, fields, SummaryWriter.read(run)), backend);
  } finally {
    releaseLock(run.dir, owner);
  }
}

async function runStages(run: RunFolder, config: FlatConfig, stages: readonly StageName[], log: Logger, summary: SummaryWriter, backend: BackendInfo): Promise<RunOutcome> {
  log.attachFile(run.path('run.log'));
  log.info(`run folder ${run.dir} (${backend.description})`);
  const interruption = { requested: false };
  const onInterrupt = () => {
    if (interruption.requested) process.exit(130);
    interruption.requested = true;
    log.warn(`stopping after this batch; continue later with: pg run --resume ${run.dir}`);
  };
  process.on('SIGINT', onInterrupt);
  const context: RunContext = { config, run, log, summary, backend, interruption };
  let trained: TrainedModel | undefined;
  try {
    let dataset: GraphDataset | undefined;
    const needDataset = () => (dataset ??= buildDataset(config));
    if (stages.includes('dataset') && !summary.isDone('dataset')) dataset = await summary.stage('dataset', () => datasetStage(context));
    if (stages.includes('train') && !summary.isDone('train')) trained = await summary.stage('train', () => trainStage(context, needDataset()));
    if (summary.isDone('train')) discardSnapshot(run);
    if (stages.includes('evaluate') && !summary.isDone('evaluate')) {
      const model = trained?.model ?? (await loadTrainedModel(run));
      await summary.stage('evaluate', () => evaluateStage(context, needDataset(), model));
      if (!trained) model.dispose();
    }
    await trained?.tracking?.finish(summary.metrics);
    let report: string | undefined;
    if (stages.includes('report')) report = await summary.stage('report', async () => writeReport(run, SummaryWriter.read(run), log));
    summary.finish('complete');
    return { run, status: 'complete', report };
  } catch (error) {
    if (error instanceof RunInterrupted) {
      summary.finish('interrupted');
      return { run, status: 'interrupted' };
    }
    summary.finish('failed', error as Error);
    throw error;
  } finally {
    trained?.model.dispose();
    process.off('SIGINT', onInterrupt);
  }
}

/** The validated config and the run's name, before any folder is made or locked. */
function readSource(source: RunSource): { config: FlatConfig; name: string } {
  if (source.kind === 'folder') {
    const run = openRunFolder(source.dir, source.flag);
    return { name: SummaryWriter.read(run).name, config: parseRunConfigFile(run.path('run_config.json'), []) };
  }
  const config = parseRunConfigFile(source.path, source.overrides);
  return { config, name: source.name ?? config.run_name ?? basename(source.path, extname(source.path)) };
}

/** Reads and validates a config file (YAML or the JSON a run folder keeps). */
export function parseRunConfigFile(path: string, overrides: readonly string[]): FlatConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError('--config', path, `a readable YAML file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (path.endsWith('.json')) return parseRunConfig(jsonAsSections(text), { name: path }, overrides);
  return parseRunConfig(text, { name: path }, overrides);
}

/** A run folder's flat `run_config.json`, read back through the validation of a YAML config. */
function jsonAsSections(text: string): string {
  return JSON.stringify({ global: JSON.parse(text) });
}

async function loadTrainedModel(run: RunFolder): Promise<GraphNetwork> {
  if (!run.has('model.json')) throw new ConfigError('--run', run.dir, 'a run whose training finished (it has no model.json; run `pg run --resume` first)');
  return (await loadCheckpoint(run.dir)).model;
}
