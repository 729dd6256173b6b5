import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedFiles, type CollectedRun } from './collect-runs.js';

/**
 * Copies into `committed` (kept in git, unlike `run/`) what the page needs of
 * each run read from its folder: its `summary.json` and `run_config.json`,
 * the curves its figures draw (every point, about 120 KB for 2,000-step
 * walks), and its epochs (`metrics.jsonl`: training and validation loss and
 * accuracy, epoch by epoch; a few KB), which say whether a run was
 * undertrained or memorising. Runs read from their copies keep the copies
 * they have.
 */
export function commitCopies(runs: readonly CollectedRun[], committed: string): void {
  mkdirSync(committed, { recursive: true });
  for (const { dir, name, curves } of runs.flatMap(({ seeds }) => seeds)) {
    if (dir === null) continue;
    const copies = committedFiles(committed, name);
    copyFileSync(join(dir, 'summary.json'), copies.summary);
    copyFileSync(join(dir, 'run_config.json'), copies.config);
    writeFileSync(copies.curves, `${JSON.stringify(curves)}\n`);
    if (existsSync(join(dir, 'metrics.jsonl'))) copyFileSync(join(dir, 'metrics.jsonl'), copies.epochs);
  }
}
