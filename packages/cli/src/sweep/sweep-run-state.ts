import { existsSync } from 'node:fs';
import { requireSameExperiment } from '../config/require-same-experiment.js';
import { parseRunConfigFile } from '../pipeline/execute-run.js';
import { SummaryWriter } from '../pipeline/run-summary.js';
import { openRunFolder } from '../runtime/run-folder.js';
import { isLockedByOther } from '../runtime/run-lock.js';
import type { SweepPlan, SweepRun } from './sweep-plan.js';

/**
 * Where a run of a sweep stands in the output folder: `new` (no folder yet),
 * `complete` (skipped), `running` (a live `pg` process holds its lock),
 * or `resumable` (started and stopped: interrupted, failed, or killed).
 */
export type SweepRunState = 'new' | 'complete' | 'running' | 'resumable';

/**
 * Reads the state of a sweep's run from its folder. A folder whose config
 * differs from the one the sweep gives the run (the sweep file or its base
 * config changed since) is refused, so a sweep never skips or resumes a run
 * of another config; keys that do not change results (threads, logging) may differ.
 */
export function sweepRunState(plan: SweepPlan, run: SweepRun): SweepRunState {
  if (!existsSync(run.dir)) return 'new';
  const folder = openRunFolder(run.dir, `run folder of ${run.name}`);
  const stored = parseRunConfigFile(folder.path('run_config.json'), []);
  requireSameExperiment(folder.path('run_config.json'), stored, run.config, `the config that ${plan.file} gives run ${run.name}`, 'move the folder away or use another --out');
  if (isLockedByOther(run.dir)) return 'running';
  return SummaryWriter.read(folder).status === 'complete' ? 'complete' : 'resumable';
}
