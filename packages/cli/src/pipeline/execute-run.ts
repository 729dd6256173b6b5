import type { GraphDataset } from '@pg/datasets';
import { loadCheckpoint, loadWasmKernels, setWasmKernelThreads, type GraphNetwork } from '@pg/models';
import { ParameterError } from '@pg/graphs';
import { firstNonFiniteWeight } from '@pg/trainer';
import { basename, extname } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import type { FlatConfig } from '../config/config-keys.js';
import { parseRunConfig } from '../config/resolve-config.js';
import { checkRunName } from '../config/run-name.js';
import { ConfigError } from '../errors.js';
import { useBackend } from '../runtime/backend.js';
import { watchInterruptions } from '../runtime/interruptions.js';
import type { Logger } from '../runtime/logger.js';
import { createRunFolder, createRunFolderAt, openRunFolder, type RunFolder, type RunStatus } from '../runtime/run-folder.js';
import { acquireLock, LOCK_FILE, lockOwner, releaseLock } from '../runtime/run-lock.js';
import { buildDataset } from './build-dataset.js';
import { datasetStage } from './dataset-stage.js';
import { evaluateStage } from './evaluate-stage.js';
import { writeReport } from './report-stage.js';
import type { RunContext } from './run-context.js';
import { RunHalted, SummaryWriter, type StageName } from './run-summary.js';
import { discardSnapshot, trainStage, type TrainedModel } from './train-stage.js';
import { stopPoint } from './stop-point.js';
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
      /** Run the stages even where an earlier invocation finished them (`pg evaluate --run`); otherwise they are skipped (a resume). */
      readonly redo?: boolean;
    };

/** What {@link executeRun} reports back. */
export interface RunOutcome {
  /** The run folder. */
  readonly run: RunFolder;
  /** The run's status now, as `summary.json` says: what all its stages say, not only this invocation's. */
  readonly status: Exclude<RunStatus, 'running'>;
  /** Set when this invocation ended early: interrupted by a signal (resume it later), or diverged in training (the message says where). */
  readonly halted?: {
    /** `interrupted` (by SIGINT or SIGTERM) or `diverged`. */
    readonly status: 'interrupted' | 'diverged';
    /** Where it stopped, e.g. `training diverged in epoch 3, batch 2: the training loss is NaN; …`. */
    readonly message: string;
  };
  /** The HTML report, when the report stage ran. */
  readonly report?: string;
}

/**
 * Runs the requested stages of an experiment in a run folder: a new one for
 * a config file, or an existing one (resume, `pg evaluate`, `pg report`),
 * skipping stages that an earlier invocation finished unless `redo` is set.
 * The config is validated and the backend loaded before any work and before
 * the folder exists; from then on the process holds the folder's lock and
 * `summary.json` tells the status at every moment. The first SIGINT or
 * SIGTERM records `interrupted` and stops the work at its next safe point
 * (resumable); a second ends the process at once (its lock is then stale,
 * and taken over by the next command).
 */
export async function executeRun(source: RunSource, stages: readonly StageName[], log: Logger, command: string): Promise<RunOutcome> {
  const { config, name } = readSource(source);
  setWasmKernelThreads(config.threads ?? undefined);
  const { threads } = await loadWasmKernels();
  const tfjs = await useBackend(config.backend);
  const backend = { ...tfjs, description: `${tfjs.description}; wasm kernels on ${threads} thread${threads === 1 ? '' : 's'}` };
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
  const summary = new SummaryWriter(run, fields, SummaryWriter.read(run));
  const interruption = watchInterruptions(() => {
    // Recorded at once: a second signal ends the process without running any more JavaScript.
    summary.markInterrupted();
    log.warn(`stopping at the next safe point; continue later with: pg run --resume ${run.dir} (a second Ctrl-C stops at once)`);
  });
  try {
    log.attachFile(run.path('run.log'));
    log.info(`run folder ${run.dir} (${backend.description})`);
    const redo = source.kind === 'folder' && source.redo === true;
    return await runStages({ config, run, log, summary, backend, interruption }, stages, redo);
  } finally {
    interruption.dispose();
    releaseLock(run.dir, owner);
  }
}

async function runStages(context: RunContext, stages: readonly StageName[], redo: boolean): Promise<RunOutcome> {
  const { config, run, log, summary } = context;
  const wanted = (stage: StageName) => stages.includes(stage) && (redo || !summary.isDone(stage));
  let trained: TrainedModel | undefined;
  try {
    let dataset: GraphDataset | undefined;
    const needDataset = () => (dataset ??= buildDataset(config));
    if (wanted('dataset')) dataset = await summary.stage('dataset', () => datasetStage(context));
    if (wanted('train')) trained = await summary.stage('train', () => trainStage(context, needDataset()));
    if (summary.isDone('train')) discardSnapshot(run);
    if (wanted('evaluate')) {
      const model = trained?.model ?? (await loadTrainedModel(run, summary));
      try {
        await summary.stage('evaluate', () => evaluateStage(context, needDataset(), model));
      } finally {
        if (!trained) model.dispose();
      }
    }
    await trained?.tracking?.finish(summary.metrics);
    let report: string | undefined;
    if (stages.includes('report')) {
      report = await summary.stage('report', async () => {
        await stopPoint(context);
        return writeReport(run, SummaryWriter.read(run), log);
      });
    }
    return { run, status: summary.finish(), report };
  } catch (error) {
    const status = summary.finish(error as Error);
    if (error instanceof RunHalted) return { run, status, halted: error };
    throw error;
  } finally {
    trained?.model.dispose();
  }
}

/** The validated config and the run's name, before any folder is made or locked. */
function readSource(source: RunSource): { config: FlatConfig; name: string } {
  if (source.kind === 'config') {
    const config = parseRunConfigFile(source.path, source.overrides);
    if (source.name !== undefined) return { config, name: checkRunName(source.name, '--name') };
    return { config, name: config.run_name ?? checkRunName(basename(source.path, extname(source.path)), `--config ${source.path} (the run's name by default)`) };
  }
  const run = openRunFolder(source.dir, source.flag);
  const summary = SummaryWriter.read(run);
  if (source.flag === '--resume' && summary.status === 'diverged') {
    throw new ConfigError('--resume', source.dir, `a run that can continue: it diverged (${summary.error?.message}), and would again; start a new run with other settings`);
  }
  return { name: summary.name, config: parseRunConfigFile(run.path('run_config.json'), []) };
}

/** Reads and validates a config file (YAML or the JSON a run folder keeps). */
export function parseRunConfigFile(path: string, overrides: readonly string[]): FlatConfig {
  const text = readConfigText(path);
  if (path.endsWith('.json')) return parseRunConfig(jsonAsSections(text, path), { name: path }, overrides);
  return parseRunConfig(text, { name: path }, overrides);
}

/** The most bytes a config file may have: real configs are a few hundred; a huge one is a mistake, and YAML parsing it takes minutes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file's text, refusing an unreadable, oversized or binary file in one line that names it (and never echoes it). */
function readConfigText(path: string): string {
  let bytes: Buffer;
  try {
    const { size } = statSync(path);
    if (size > MAX_CONFIG_BYTES) throw new ConfigError(path, `${size.toLocaleString('en-US')} bytes`, 'a config file of at most 1 MiB');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('--config', path, `a readable YAML file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const text = bytes.toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new ConfigError(path, 'binary data', 'a YAML text file in UTF-8');
  return text;
}

/**
 * Keys added after run folders were first stored, with the value that gives the behaviour such a
 * folder's run had (its `run_config.json` lacks them): a resumed or re-evaluated run stays the same.
 */
const STORED_BEFORE_KEY: Partial<FlatConfig> = { validation: 'train_walks' };

/** A run folder's flat `run_config.json`, read back through the validation of a YAML config. */
function jsonAsSections(text: string, path: string): string {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, (error as Error).message, 'the JSON config a run folder keeps (the file is damaged)');
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new ConfigError(path, stored, 'the JSON object of config keys a run folder keeps');
  return JSON.stringify({ global: { ...STORED_BEFORE_KEY, ...stored } });
}

/** The run's checkpoint, once its training is recorded done; refuses one whose weights are not all finite. */
async function loadTrainedModel(run: RunFolder, summary: SummaryWriter): Promise<GraphNetwork> {
  const train = summary.stageStatus('train');
  if (train !== 'done') {
    const hint = train === 'diverged' ? 'it diverged: there is nothing to evaluate' : 'finish it first with `pg run --resume`';
    // A stage still `running` in the summary of a folder this process holds was cut short by a killed process.
    const stage = train === 'running' ? 'unfinished' : (train ?? 'not started');
    throw new ConfigError('--run', run.dir, `a run whose training finished (its train stage is ${stage}; ${hint})`);
  }
  const { model } = await loadCheckpoint(run.dir).catch((error: unknown) => {
    // Name the file when the checkpoint's own message does not.
    if (!(error instanceof ParameterError) || error.message.includes(run.dir)) throw error;
    throw new ConfigError(`${run.path('model.json')} ${error.field}`, error.value, error.expected);
  });
  const nonFinite = firstNonFiniteWeight(model.namedVariables);
  if (nonFinite !== null) {
    model.dispose();
    throw new ConfigError(run.path('weights.bin'), `NaN or infinite values in ${nonFinite}`, 'finite weights');
  }
  return model;
}
