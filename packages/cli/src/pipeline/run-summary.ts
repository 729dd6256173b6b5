import { ConfigError } from '../errors.js';
import type { RunFolder, RunStatus } from '../runtime/run-folder.js';

/** The stages of a run, in order. */
export type StageName = 'dataset' | 'train' | 'evaluate' | 'report';

/** One stage's record in `summary.json`. */
export interface StageRecord {
  /** Where the stage is: `done` once it finished, otherwise how it stopped (`running` in a finished run: its process was killed). */
  status: 'running' | 'done' | 'failed' | 'interrupted' | 'diverged';
  /** Wall-clock seconds spent in it so far. */
  seconds: number;
}

/** The contents of `summary.json`: what a run is, how far it got, and its headline numbers. */
export interface RunSummary {
  /** Marks the file as a run summary. */
  format: 'pg-run-summary';
  /** The layout version of the file. */
  formatVersion: 1;
  /** The run folder's name, e.g. `quickstart-20261128-101500`. */
  runId: string;
  /** The run's name: `run_name`, `--name` or the config file's name. */
  name: string;
  /** `running` while a process works on the run, then what its stages say: `failed`, `diverged`, `interrupted` or `complete`. */
  status: RunStatus;
  /** When the run started (ISO 8601). */
  startedAt: string;
  /** When the summary was last written (ISO 8601). */
  updatedAt: string;
  /** When the run ended (ISO 8601); `null` while it runs. */
  finishedAt: string | null;
  /** Why the run failed or diverged, and in which stage; `null` otherwise. It stays until that stage succeeds. */
  error: {
    /** The stage that failed, or `null` if it failed outside a stage. */
    stage: StageName | null;
    /** The error's message. */
    message: string;
  } | null;
  /** The `pg` command line that started or last continued the run, with paths inside its working directory relative to it. */
  command: string;
  /** The tfjs backend, e.g. `wasm (SIMD, 1 thread)`. */
  backend: string;
  /** Versions of Node, tfjs and the `@pg/*` packages. */
  versions: Record<string, string>;
  /** Each stage's record, once it has started. */
  stages: Partial<Record<StageName, StageRecord>>;
  /** The headline metrics, by name (`test_accuracy`, …), as stages produce them. */
  metrics: Record<string, number | null>;
}

/**
 * Keeps a run's `summary.json` true at every moment: `running` while work
 * goes on, each stage's status and time, and at the end a status derived
 * from the stages, so that a command that runs only some stages (`pg report`
 * on a failed run) never hides what the others say. Every change is written
 * at once, so a crash leaves a summary that says how far the run got.
 */
export class SummaryWriter {
  private readonly summary: RunSummary;

  /** Takes over the summary `previous` of a run folder, marking it `running` and writing it at once. */
  constructor(
    private readonly run: RunFolder,
    update: Pick<RunSummary, 'command' | 'backend' | 'versions'>,
    previous: RunSummary,
  ) {
    // An error outside any stage belonged to the invocation that made it; a stage's error stays until that stage runs again.
    this.summary = { ...previous, ...update, status: 'running', finishedAt: null, error: previous.error?.stage ? previous.error : null };
    this.write();
  }

  /** The summary of a run that has not started yet, for a new run folder. */
  static initial(runId: string, fields: Pick<RunSummary, 'name' | 'command' | 'backend' | 'versions'>): RunSummary {
    const now = new Date().toISOString();
    return {
      format: 'pg-run-summary',
      formatVersion: 1,
      runId,
      ...fields,
      status: 'running',
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
      error: null,
      stages: {},
      metrics: {},
    };
  }

  /** Reads the summary of an existing run folder. */
  static read(run: RunFolder): RunSummary {
    const summary = run.readJson<RunSummary>('summary.json');
    if (summary?.format !== 'pg-run-summary' || typeof summary.stages !== 'object' || summary.stages === null) {
      throw new ConfigError(run.path('summary.json'), summary, 'a run summary written by pg (format "pg-run-summary")');
    }
    return summary;
  }

  /** A stage's status, if it has started in this or an earlier invocation. */
  stageStatus(stage: StageName): StageRecord['status'] | undefined {
    return this.summary.stages[stage]?.status;
  }

  /** Whether a stage finished in an earlier invocation (a resumed run skips it). */
  isDone(stage: StageName): boolean {
    return this.stageStatus(stage) === 'done';
  }

  /** Runs a stage, recording its status and wall time; a throw marks it failed (or interrupted, or diverged) and propagates. */
  async stage<T>(name: StageName, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    this.summary.stages[name] = { status: 'running', seconds: 0 };
    // Run again, the stage is no longer what failed before: a resumed run that is then interrupted is interrupted, not failed.
    if (this.summary.error?.stage === name) this.summary.error = null;
    this.write();
    try {
      const result = await work();
      this.summary.stages[name] = { status: 'done', seconds: seconds() };
      return result;
    } catch (error) {
      const status = error instanceof RunHalted ? error.status : 'failed';
      this.summary.stages[name] = { status, seconds: seconds() };
      if (status !== 'interrupted') this.summary.error = { stage: name, message: (error as Error).message };
      throw error;
    } finally {
      this.write();
    }
  }

  /** Records at once that a stop was asked for: the status says `interrupted` even if the process is killed before it ends. */
  markInterrupted(): void {
    this.summary.status = 'interrupted';
    this.write();
  }

  /** Adds headline numbers (written at once). */
  setMetrics(metrics: Record<string, number | null>): void {
    Object.assign(this.summary.metrics, metrics);
    this.write();
  }

  get metrics(): Readonly<Record<string, number | null>> {
    return this.summary.metrics;
  }

  /**
   * Ends this invocation: stages left `running` become `interrupted`, an
   * error thrown outside any stage is recorded, and the status becomes what
   * the stages say (a diverged or failed stage first, then an interrupted
   * one, else `complete`). Returns it.
   */
  finish(error?: Error): Exclude<RunStatus, 'running'> {
    const { stages } = this.summary;
    for (const record of Object.values(stages)) if (record.status === 'running') record.status = 'interrupted';
    if (error && !(error instanceof RunHalted) && !this.summary.error) this.summary.error = { stage: null, message: error.message };
    const statuses = Object.values(stages).map((record) => record.status);
    this.summary.status = statuses.includes('diverged')
      ? 'diverged'
      : this.summary.error
        ? 'failed'
        : statuses.includes('interrupted')
          ? 'interrupted'
          : 'complete';
    this.summary.finishedAt = new Date().toISOString();
    this.write();
    return this.summary.status;
  }

  private write(): void {
    this.summary.updatedAt = new Date().toISOString();
    this.run.writeJson('summary.json', this.summary);
  }
}

/** Thrown to end a run early: `interrupted` by a signal (resumable), or `diverged` in training (the message says where). */
export class RunHalted extends Error {
  /** The error's class name. */
  override name = 'RunHalted';

  constructor(
    /** How the run ended: `interrupted` (resume it) or `diverged`. */
    readonly status: 'interrupted' | 'diverged',
    message: string,
  ) {
    super(message);
  }
}
