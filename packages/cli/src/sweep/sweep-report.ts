import { join } from 'node:path';
import { readComparedFolders, writeComparison, type Comparison } from '../pipeline/compare-runs.js';
import { artefactFolder } from '../runtime/run-folder.js';
import type { SweepPlan } from './sweep-plan.js';
import { sweepRunState } from './sweep-run-state.js';

/**
 * Writes the report of a sweep into `<out>/report/`: the comparison of its
 * complete runs, seeds grouped into settings with their mean, spread and
 * 95% interval. Returns `undefined` while fewer than two runs are complete.
 */
export async function writeSweepReport(plan: SweepPlan): Promise<Comparison | undefined> {
  const complete = plan.runs.filter((run) => sweepRunState(plan, run) === 'complete');
  if (complete.length < 2) return undefined;
  const folders = readComparedFolders(complete.map(({ dir }) => dir));
  return writeComparison(folders, artefactFolder(join(plan.out, 'report')), `Sweep ${plan.name}: ${complete.length} of ${plan.runs.length} runs complete`);
}
