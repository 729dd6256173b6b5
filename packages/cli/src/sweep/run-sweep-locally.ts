import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../runtime/logger.js';
import type { SweepPlan } from './sweep-plan.js';

/** How the runs of a local sweep ended: each run's exit code, and whether the user stopped the sweep. */
export interface LocalSweepOutcome {
  /** Exit code of each run's process, by run index (130: interrupted). */
  readonly exitCodes: ReadonlyMap<number, number>;
  /** Whether Ctrl-C (or SIGTERM) stopped the sweep before every run was done. */
  readonly interrupted: boolean;
}

/** The `pg` command of this package, which each run's process executes. */
export function pgBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@pg/cli/package.json')), 'dist', 'bin.js');
}

/**
 * Runs the given runs of a sweep on this machine, `jobs` at a time, each as
 * `pg sweep run FILE --index I` in its own process (a fresh heap and backend
 * per run, as on a cluster), its output lines prefixed with the run's name.
 * Ctrl-C stops starting runs and passes the interruption to the running
 * ones, which stop after their batch and can be resumed; a second Ctrl-C
 * stops them at once.
 */
export async function runSweepLocally(plan: SweepPlan, indexes: readonly number[], jobs: number, log: Logger): Promise<LocalSweepOutcome> {
  const queue = [...indexes];
  const running = new Map<number, ChildProcess>();
  const exitCodes = new Map<number, number>();
  let interrupted = false;
  const stop = (signal: NodeJS.Signals) => {
    if (!interrupted) log.warn(`${signal}: stopping; the ${running.size} running runs stop after their batch, and the same command continues the sweep`);
    interrupted = true;
    for (const child of running.values()) child.kill(signal);
  };
  const onSigint = () => stop('SIGINT');
  const onSigterm = () => stop('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    await new Promise<void>((allDone) => {
      const startNext = () => {
        while (!interrupted && running.size < jobs && queue.length > 0) start(queue.shift()!);
        if (running.size === 0) allDone();
      };
      const start = (index: number) => {
        const run = plan.runs[index]!;
        log.info(`[${run.name}] start (run ${index + 1} of ${plan.runs.length})`);
        // Its own process group: a terminal's Ctrl-C reaches this process only, which passes it on once.
        const child = spawn(process.execPath, [pgBin(), 'sweep', 'run', plan.file, '--index', String(index), '--out', plan.out], {
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
        running.set(index, child);
        for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => log.info(`[${run.name}] ${line}`));
        const finish = (code: number) => {
          if (!running.has(index)) return;
          running.delete(index);
          exitCodes.set(index, code);
          startNext();
        };
        child.on('error', (error) => {
          log.error(`[${run.name}] could not start: ${error.message}`);
          finish(1);
        });
        child.on('close', (code, signal) => finish(code ?? (signal === 'SIGINT' ? 130 : 1)));
      };
      startNext();
    });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
  return { exitCodes, interrupted };
}
