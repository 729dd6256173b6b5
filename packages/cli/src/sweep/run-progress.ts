import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { requireSameExperiment } from '../config/require-same-experiment.js';
import { ConfigError } from '../errors.js';
import { parseRunConfigFile } from '../pipeline/execute-run.js';
import { figureFiles } from '../pipeline/figure-files.js';
import { SummaryWriter, type RunSummary, type StageName } from '../pipeline/run-summary.js';
import { METRICS_FILE, RESUME_DIR } from '../pipeline/train-stage.js';
import { openRunFolder, type RunFolder } from '../runtime/run-folder.js';
import { isLockedByOther } from '../runtime/run-lock.js';
import type { SweepRun } from './sweep-plan.js';

/** What a saved copy of an unfinished run holds. */
export interface RunProgress {
  /** Its files, relative to the copy, sorted. */
  readonly files: readonly string[];
  /** Their total size in bytes. */
  readonly bytes: number;
  /** The training epochs the copy records (its `metrics.jsonl`); the resumed run continues after them. */
  readonly epochs: number;
}

/** The figure only training draws (from its history); the others come from stages that the resumed run does again. */
const TRAINING_FIGURE = 'training_curves';
/** Stages whose artefacts a copy leaves out (their figures are large): the resumed run does them again, the same from the same config and weights. */
const REDONE_STAGES: readonly StageName[] = ['dataset', 'evaluate'];
/** How often a copy of a live run is tried again when its trainer writes a snapshot meanwhile. */
const ATTEMPTS = 5;

/**
 * Copies into `to` (replaced whole) what `pg run --resume` needs to continue
 * a sweep's unfinished run elsewhere, bit for bit as if it had never
 * stopped: its config, its summary, and the trainer's latest snapshot with
 * `metrics.jsonl` (or, once training is done, the trained weights, the
 * trainer's settings and the training-curves figure). The dataset is not
 * copied, nor the dataset's and the evaluation's figures: the copy's summary
 * marks those stages to be done again, which rebuilds them from the config.
 * The run may be live: its snapshot is read whole, between two epochs.
 * Restore the copy with {@link restoreRunProgress}.
 *
 * @example
 * ```ts
 * const plan = readSweepPlan('configs/reproduce/catalogue.sweep.yaml');
 * const run = plan.runs[0]!;
 * const { bytes, epochs } = saveRunProgress(run, `docs/results/progress/${run.name}`);
 * ```
 */
export function saveRunProgress(run: SweepRun, to: string): RunProgress {
  const where = `run folder of ${run.name}`;
  const folder = openRunFolder(run.dir, where);
  const staging = join(dirname(to), `.${basename(to)}.partial`);
  for (let attempt = 1; ; attempt++) {
    rmSync(staging, { recursive: true, force: true });
    const summary = SummaryWriter.read(folder);
    if (summary.status === 'complete') throw new ConfigError(where, run.dir, 'an unfinished run (a complete run has nothing to resume: its summary holds its results)');
    if (copyProgress(folder, summary, staging)) break;
    if (attempt === ATTEMPTS) throw new ConfigError(where, run.dir, `a run whose resume/ snapshot holds still long enough to be copied (it changed during ${ATTEMPTS} attempts)`);
  }
  rmSync(to, { recursive: true, force: true });
  renameSync(staging, to);
  const files = filesUnder(to);
  return {
    files,
    bytes: files.reduce((total, file) => total + statSync(join(to, file)).size, 0),
    epochs: existsSync(join(to, METRICS_FILE)) ? readFileSync(join(to, METRICS_FILE), 'utf8').split('\n').filter((line) => line.trim()).length : 0,
  };
}

/**
 * Puts a copy made by {@link saveRunProgress} in place as the run's folder
 * (replacing the folder there, if any, whole), so that the sweep resumes the
 * run from it. Refuses, naming the key, a copy whose config differs from the
 * one the sweep gives the run (keys that do not change results may differ),
 * and a folder that a live process works on.
 *
 * @example
 * ```ts
 * const run = readSweepPlan('configs/reproduce/catalogue.sweep.yaml').runs[0]!;
 * restoreRunProgress(run, `docs/results/progress/${run.name}`);
 * // then: pg sweep configs/reproduce/catalogue.sweep.yaml resumes it
 * ```
 */
export function restoreRunProgress(run: SweepRun, from: string): void {
  const saved = openRunFolder(from, `saved progress of ${run.name}`);
  const stored = parseRunConfigFile(saved.path('run_config.json'), []);
  requireSameExperiment(saved.path('run_config.json'), stored, run.config, `the config the sweep gives run ${run.name}`, `the sweep changed since it was saved: delete ${from} to start the run afresh`);
  if (existsSync(run.dir) && isLockedByOther(run.dir)) {
    throw new ConfigError(`run folder of ${run.name}`, run.dir, 'a folder no live pg process works on, to be replaced by its saved progress');
  }
  // Whole or not at all: the copy is made beside the folder, then renamed into place.
  const staging = join(dirname(run.dir), `.${basename(run.dir)}.partial`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(saved.dir, staging, { recursive: true });
  rmSync(run.dir, { recursive: true, force: true });
  renameSync(staging, run.dir);
}

/** Copies the run's progress into `staging`; `false` when its snapshot changed meanwhile (try again). */
function copyProgress(folder: RunFolder, summary: RunSummary, staging: string): boolean {
  const copy = (file: string) => {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    copyFileSync(folder.path(file), join(staging, file));
  };
  mkdirSync(staging, { recursive: true });
  copy('run_config.json');
  if (summary.stages.train?.status === 'done') {
    const figure = figureFiles(TRAINING_FIGURE);
    for (const file of ['model.json', 'weights.bin', 'trainer_config.json', METRICS_FILE, figure.png, figure.spec, figure.svg]) copy(file);
  } else if (folder.has(RESUME_DIR)) {
    // The metrics first: the trainer writes an epoch's snapshot before its line, so the copy records no epoch its snapshot lacks.
    if (folder.has(METRICS_FILE)) copy(METRICS_FILE);
    const before = listing(folder.path(RESUME_DIR));
    if (before === null) return false;
    for (const file of before.keys()) {
      try {
        copy(join(RESUME_DIR, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    }
    const after = listing(folder.path(RESUME_DIR));
    if (after === null || JSON.stringify([...after]) !== JSON.stringify([...before])) return false;
  }
  writeFileSync(join(staging, 'summary.json'), `${JSON.stringify(stoppedSummary(summary), null, 2)}\n`);
  return true;
}

/** The summary of the copy: a stopped run, whose left-out stages are to be done again. */
function stoppedSummary(summary: RunSummary): RunSummary {
  const stages: RunSummary['stages'] = {};
  for (const [name, record] of Object.entries(summary.stages) as Array<[StageName, NonNullable<RunSummary['stages'][StageName]>]>) {
    const redo = record.status === 'running' || (record.status === 'done' && REDONE_STAGES.includes(name));
    stages[name] = redo ? { ...record, status: 'interrupted' } : record;
  }
  return { ...summary, status: summary.status === 'running' ? 'interrupted' : summary.status, stages };
}

/** A snapshot folder's files with their size and time of change, skipping files still being written; `null` if it is gone. */
function listing(dir: string): Map<string, string> | null {
  try {
    const files = readdirSync(dir).filter((name) => !name.endsWith('.partial')).sort();
    return new Map(files.map((name) => [name, `${statSync(join(dir, name)).size}@${statSync(join(dir, name)).mtimeMs}`]));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The files under a folder, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
