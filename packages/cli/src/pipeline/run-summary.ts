import type { RunFolder, RunStatus } from '../runtime/run-folder.js';

/** The stages of a run, in order. */
export type StageName = 'dataset' | 'train' | 'evaluate' | 'report';

/** One stage's record in `summary.json`. */
export interface StageRecord {
  /** Where the stage is: `done` once it finished, otherwise how it stopped. */
  status: 'running' | 'done' | 'failed' | 'interrupted';
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
  /** `running` until the run ends `complete`, `failed` or `interrupted`. */
  status: RunStatus;
  /** When the run started (ISO 8601). */
  startedAt: string;
  /** When the summary was last written (ISO 8601). */
  updatedAt: string;
  /** When the run ended (ISO 8601); `null` while it runs. */
  finishedAt: string | null;
  /** Why the run failed, and in which stage; `null` unless it failed. */
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
 * goes on, each stage's status and time, and `complete`, `failed` (with the
 * error) or `interrupted` at the end. Every change is written at once, so a
 * crash leaves a summary that says how far the run got.
 */
export class SummaryWriter {
  private readonly summary: RunSummary;

  /** Takes over the summary `previous` of a run folder, marking it `running` and writing it at once. */
  constructor(
    private readonly run: RunFolder,
    update: Pick<RunSummary, 'command' | 'backend' | 'versions'>,
    previous: RunSummary,
  ) {
    this.summary = { ...previous, ...update, status: 'running', finishedAt: null, error: null };
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
    return run.readJson<RunSummary>('summary.json');
  }

  /** Whether a stage finished in an earlier invocation (a resumed run skips it). */
  isDone(stage: StageName): boolean {
    return this.summary.stages[stage]?.status === 'done';
  }

  /** Runs a stage, recording its status and wall time; a throw marks it failed and propagates. */
  async stage<T>(name: StageName, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    this.summary.stages[name] = { status: 'running', seconds: 0 };
    this.write();
    try {
      const result = await work();
      this.summary.stages[name] = { status: 'done', seconds: seconds() };
      return result;
    } catch (error) {
      this.summary.stages[name] = { status: error instanceof RunInterrupted ? 'interrupted' : 'failed', seconds: seconds() };
      if (!(error instanceof RunInterrupted)) this.summary.error = { stage: name, message: (error as Error).message };
      throw error;
    } finally {
      this.write();
    }
  }

  /** Adds headline numbers (written at once). */
  setMetrics(metrics: Record<string, number | null>): void {
    Object.assign(this.summary.metrics, metrics);
    this.write();
  }

  get metrics(): Readonly<Record<string, number | null>> {
    return this.summary.metrics;
  }

  /** Ends the run with a final status. */
  finish(status: Exclude<RunStatus, 'running'>, error?: Error): void {
    this.summary.status = status;
    this.summary.finishedAt = new Date().toISOString();
    if (error && !this.summary.error) this.summary.error = { stage: null, message: error.message };
    this.write();
  }

  private write(): void {
    this.summary.updatedAt = new Date().toISOString();
    this.run.writeJson('summary.json', this.summary);
  }
}

/** Thrown when the user interrupts a run (Ctrl-C): the run can be resumed. */
export class RunInterrupted extends Error {
  override name = 'RunInterrupted';
}
