import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseRunConfigFile } from '../pipeline/execute-run.js';
import type { RunSummary } from '../pipeline/run-summary.js';
import type { SweepPlan, SweepRun } from './sweep-plan.js';

/**
 * Where a run of a sweep stands in the output folder: `new` (no folder, or
 * one that holds no run yet), `complete` (skipped), or `resumable` (started
 * and stopped: interrupted, failed, or killed while running).
 */
export type SweepRunState = 'new' | 'complete' | 'resumable';

/**
 * Reads the state of a sweep's run from its folder. A folder whose config
 * differs from the one the sweep gives the run (the sweep file or its base
 * config changed since) is refused, so a sweep never skips or resumes a run
 * of another config.
 */
export function sweepRunState(plan: SweepPlan, run: SweepRun): SweepRunState {
  const { dir } = run;
  // The summary is written first and the config right after, before any stage: a folder without both holds no work.
  if (!existsSync(join(dir, 'summary.json')) || !existsSync(join(dir, 'run_config.json'))) return 'new';
  const stored = parseRunConfigFile(join(dir, 'run_config.json'), []);
  const differing = (Object.keys(run.config) as Array<keyof typeof run.config>).find((key) => JSON.stringify(stored[key]) !== JSON.stringify(run.config[key]));
  if (differing !== undefined) {
    throw new ConfigError(
      join(dir, 'run_config.json'),
      `${differing}: ${JSON.stringify(stored[differing])}`,
      `the config that ${plan.file} gives run ${run.name} (${differing}: ${JSON.stringify(run.config[differing])}); move the folder away or use another --out`,
    );
  }
  let summary: RunSummary;
  try {
    summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
  } catch {
    throw new ConfigError(join(dir, 'summary.json'), 'unreadable', 'a run summary in JSON; move the folder away to run it again');
  }
  return summary.status === 'complete' ? 'complete' : 'resumable';
}
