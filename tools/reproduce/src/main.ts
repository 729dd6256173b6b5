// pnpm reproduce [name ...] [--page]
// Runs the reproduction experiments (all, or those named) and regenerates docs/results.md
// from the newest complete run folder of each (or, where none is at hand, from the copies of its
// summary and config committed in docs/results/runs/); --page only regenerates the page.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNS } from './catalogue.js';
import { collectRuns, committedFiles } from './collect-runs.js';
import { writeResultFigures } from './figures.js';
import { resultsPage } from './results-page.js';
import { runExperiments } from './run-experiments.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(repoRoot, 'run', 'reproduce');
const args = process.argv.slice(2);
const pageOnly = args.includes('--page');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !RUNS.some((run) => run.name === name));
if (unknown.length > 0) {
  console.error(`error: unknown run ${unknown.map((name) => JSON.stringify(name)).join(', ')}; runs: ${RUNS.map(({ name }) => name).join(', ')}`);
  process.exit(2);
}

const failed = pageOnly ? [] : runExperiments(names.length > 0 ? RUNS.filter((run) => names.includes(run.name)) : RUNS, repoRoot, out);

const docs = join(repoRoot, 'docs');
const resultsDir = join(docs, 'results');
const committedDir = join(resultsDir, 'runs');
const runs = collectRuns(RUNS, out, committedDir);
mkdirSync(committedDir, { recursive: true });
for (const { dir, spec } of runs) {
  if (dir === null) continue;
  const copies = committedFiles(committedDir, spec.name);
  copyFileSync(join(dir, 'summary.json'), copies.summary);
  copyFileSync(join(dir, 'run_config.json'), copies.config);
}
const figures = await writeResultFigures(runs, resultsDir);
const notes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'notes.md'), 'utf8');
writeFileSync(join(docs, 'results.md'), resultsPage({ runs, figures, notes, repoRoot, pageDir: docs, figureDir: resultsDir, committedDir }));
console.log(`\ndocs/results.md written from ${runs.length} of ${RUNS.length} runs`);
if (failed.length > 0) {
  console.error(`failed runs: ${failed.join(', ')}`);
  process.exit(1);
}
