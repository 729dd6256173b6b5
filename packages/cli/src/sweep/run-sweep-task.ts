import { executeRun, type RunOutcome } from '../pipeline/execute-run.js';
import type { StageName } from '../pipeline/run-summary.js';
import type { Logger } from '../runtime/logger.js';
import type { SweepPlan } from './sweep-plan.js';
import { sweepRunState } from './sweep-run-state.js';

const ALL_STAGES: readonly StageName[] = ['dataset', 'train', 'evaluate', 'report'];

/**
 * Does one run of a sweep in its folder of the shared output folder: skips
 * it when complete, resumes it when it was started and stopped, starts it
 * otherwise. This is what each task of a cluster's job array runs.
 */
export async function runSweepTask(plan: SweepPlan, index: number, log: Logger, command: string): Promise<RunOutcome | 'skipped'> {
  const run = plan.runs[index]!;
  const { dir } = run;
  const state = sweepRunState(plan, run);
  if (state === 'complete') {
    log.info(`${run.name}: complete already, skipped`);
    return 'skipped';
  }
  if (state === 'resumable') {
    log.info(`${run.name}: resuming`);
    return executeRun({ kind: 'folder', dir }, ALL_STAGES, log, command);
  }
  return executeRun({ kind: 'config', path: run.configPath, overrides: run.overrides, out: plan.out, name: run.name, folder: dir }, ALL_STAGES, log, command);
}
