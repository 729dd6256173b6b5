import { experimentDifference, parseRunConfigFile, type RunSummary, type SweepRun } from '@pg/cli';
import { existsSync } from 'node:fs';
import { committedFiles } from './collect-runs.js';
import { readJsonFile } from './read-json.js';

/**
 * The runs of `runs` that the sweep leaves out because the page's committed
 * copies under `committed` already hold them: runs without a folder (none
 * left from an earlier sweep, no saved progress restored) whose committed
 * summary is complete and whose committed config makes the experiment the
 * sweep gives them, compared as `pg sweep` compares a run folder's (keys that
 * do not change results may differ). A copy of another config does not
 * count: its run runs again. Prints a line for each run left out and for
 * each copy of another config.
 */
export function committedRuns(runs: readonly SweepRun[], committed: string, print: (line: string) => void): string[] {
  const kept: string[] = [];
  for (const run of runs) {
    const copies = committedFiles(committed, run.name);
    if (existsSync(run.dir) || !existsSync(copies.summary) || !existsSync(copies.config)) continue;
    if (readJsonFile<RunSummary>(copies.summary, 'a readable run summary').status !== 'complete') continue;
    const difference = experimentDifference(parseRunConfigFile(copies.config, []), run.config);
    if (difference === undefined) {
      kept.push(run.name);
      print(`${run.name}: complete in its committed copy, skipped`);
    } else {
      const { key, stored, expected } = difference;
      print(`${run.name}: its committed copy has ${key}: ${JSON.stringify(stored)}, the sweep now gives ${key}: ${JSON.stringify(expected)}; it runs again`);
    }
  }
  return kept;
}
