// pnpm reproduce [name ...] [--jobs N] [--page | --save-progress]
// Runs the reproduction sweep configs/reproduce/catalogue.sweep.yaml (every row, or those named,
// over their seeds, or single runs named `<row>-seed=<n>`; complete runs skipped, stopped ones
// resumed) and regenerates docs/results.md from the complete run folders (or, where none is at
// hand, from the copies of their summaries, configs and curves committed in docs/results/runs/);
// --page only regenerates the page.
// A run is complete when its folder in run/reproduce/ is, or, where it has no folder (a fresh
// clone), when its committed copy is and was made with the config the sweep now gives it.
// An unfinished run's progress is kept in docs/results/progress/<run>/ (committed, since run/ is
// not): restored into run/reproduce/ before the sweep, saved after it (also when it is stopped),
// and by --save-progress alone at any moment, even while the sweep runs in another process.
import { ConfigError, readSweepPlan, type SweepPlan } from '@pg/cli';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArguments } from './arguments.js';
import { RUNS } from './catalogue.js';
import { collectRuns } from './collect-runs.js';
import { commitCopies } from './commit-copies.js';
import { committedRuns } from './committed-runs.js';
import { writeResultFigures } from './figures.js';
import { restoreProgress, saveProgress } from './progress.js';
import { resultsPage } from './results-page.js';
import { runSweep } from './run-sweep.js';
import { selectRuns } from './select-runs.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sweepFile = join(repoRoot, 'configs', 'reproduce', 'catalogue.sweep.yaml');
const out = join(repoRoot, 'run', 'reproduce');
const fail = (message: string): never => {
  console.error(`error: ${message}`);
  process.exit(2);
};
/** Runs work whose bad input (an unknown argument, a saved copy of another config, a garbled file) ends the command with one line. */
const guarded = <T>(work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
};
const readPlan = (): SweepPlan => {
  try {
    return readSweepPlan(sweepFile, out);
  } catch (error) {
    return fail((error as Error).message);
  }
};
const plan = readPlan();
const experiments = new Set(plan.runs.map(({ experiment }) => experiment));
const unlisted = [...RUNS.map(({ name }) => name).filter((name) => !experiments.has(name)), ...[...experiments].filter((name) => !RUNS.some((run) => run.name === name))];
if (unlisted.length > 0) fail(`${sweepFile} and tools/reproduce/src/catalogue.ts must list the same rows (only in one: ${unlisted.join(', ')})`);
const { names, jobs, pageOnly, saveOnly } = guarded(() =>
  parseArguments(
    process.argv.slice(2),
    RUNS.map(({ name }) => name),
    plan.runs.map(({ name }) => name),
  ),
);

const docs = join(repoRoot, 'docs');
const resultsDir = join(docs, 'results');
const committedDir = join(resultsDir, 'runs');
const progressDir = join(resultsDir, 'progress');
const { selected, only, unnamed } = selectRuns(plan.runs, names);
const print = (line: string) => console.log(`progress: ${line}`);

let status = 0;
if (!pageOnly && !saveOnly) {
  guarded(() => restoreProgress(plan, selected, progressDir, print));
  // run/ is gone in a fresh clone; the runs whose complete copies are committed are not made again.
  const skip = guarded(() => committedRuns(selected, committedDir, (line) => console.log(`committed: ${line}`)));
  if (skip.length < selected.length) status = await runSweep({ sweepFile, out, only, skip: [...skip, ...unnamed], jobs }, repoRoot);
  else console.log('every run asked for is complete in its committed copy: nothing to run');
}
// After every sweep, stopped or not: the next sitting may find run/ gone, and docs/ is what git keeps.
if (!pageOnly) guarded(() => saveProgress(selected, progressDir, print));

const runs = guarded(() => collectRuns(RUNS, plan, committedDir));
commitCopies(runs, committedDir);
const figures = await writeResultFigures(runs, resultsDir);
const notes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'notes.md'), 'utf8');
const planned = new Map(RUNS.map(({ name }) => [name, plan.runs.find(({ experiment }) => experiment === name)!.config]));
writeFileSync(join(docs, 'results.md'), resultsPage({ runs, figures, notes, pageDir: docs, figureDir: resultsDir, committedDir, planned }));
const seedCount = runs.reduce((sum, { seeds }) => sum + seeds.length, 0);
console.log(`\ndocs/results.md written from ${runs.length} of ${RUNS.length} rows (${seedCount} of ${plan.runs.length} runs)`);
process.exit(status);
