import { ConfigError, restoreRunProgress, saveRunProgress, type RunSummary, type SweepPlan, type SweepRun } from '@pg/cli';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from './read-json.js';

/**
 * Brings the saved progress in `progress` (one folder per run, committed with
 * the page) up to date with the run folders of `runs`: an unfinished run's
 * progress is saved (what `pg run --resume` needs, see `saveRunProgress`),
 * unless the saved copy is newer than its folder; a complete run's saved
 * progress is removed (its summary goes to the page's committed copies). A
 * run without a folder keeps its saved progress as it is.
 */
export function saveProgress(runs: readonly SweepRun[], progress: string, print: (line: string) => void): void {
  for (const run of runs) {
    const saved = join(progress, run.name);
    if (!existsSync(join(run.dir, 'summary.json'))) continue;
    if (readSummary(run.dir).status === 'complete') {
      if (!existsSync(saved)) continue;
      rmSync(saved, { recursive: true, force: true });
      print(`${run.name}: complete; its saved progress removed`);
    } else if (existsSync(saved) && isOlder(run.dir, saved)) {
      print(`${run.name}: its saved progress is newer than its run folder, kept`);
    } else {
      const { files, bytes, epochs } = saveRunProgress(run, saved);
      print(`${run.name}: progress saved, ${epochs} of ${run.config.epochs} epochs, ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
    }
  }
}

/**
 * Puts the saved progress of each of `runs` in place as its run folder when
 * that folder is absent or older, so that the sweep resumes the run where it
 * stopped. Refuses (a `ConfigError`) a saved copy whose config differs from
 * the sweep's, and one that is no run of the sweep.
 */
export function restoreProgress(plan: SweepPlan, runs: readonly SweepRun[], progress: string, print: (line: string) => void): void {
  if (!existsSync(progress)) return;
  const names = new Set(plan.runs.map(({ name }) => name));
  const stray = readdirSync(progress).find((name) => !name.startsWith('.') && !names.has(name));
  if (stray !== undefined) throw new ConfigError(join(progress, stray), stray, `the saved progress of a run of ${plan.file} (it has no run of that name: delete the folder)`);
  for (const run of runs) {
    const saved = join(progress, run.name);
    if (!existsSync(saved) || (existsSync(join(run.dir, 'summary.json')) && !isOlder(run.dir, saved))) continue;
    restoreRunProgress(run, saved);
    print(`${run.name}: restored from its saved progress`);
  }
}

/** Whether folder `a` was last written before `b` (by their summaries). */
const isOlder = (a: string, b: string) => readSummary(a).updatedAt < readSummary(b).updatedAt;

const readSummary = (dir: string) => readJsonFile<RunSummary>(join(dir, 'summary.json'), 'a readable run summary');
