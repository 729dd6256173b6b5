import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReproductionRun } from './catalogue.js';

/**
 * Runs each experiment with the `pg` command in its own process (a fresh
 * heap and backend per run), its output shown live. Returns the names of
 * the runs that failed.
 */
export function runExperiments(runs: readonly ReproductionRun[], repoRoot: string, out: string): string[] {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@pg/cli/package.json')), 'dist', 'bin.js');
  const failed: string[] = [];
  for (const [i, run] of runs.entries()) {
    console.log(`\n[${i + 1}/${runs.length}] ${run.name}: pg run --config configs/reproduce/${run.name}.yaml --out ${out}`);
    const result = spawnSync(process.execPath, [bin, 'run', '--config', join(repoRoot, 'configs', 'reproduce', `${run.name}.yaml`), '--out', out, '--name', run.name], {
      stdio: 'inherit',
      cwd: repoRoot,
    });
    if (result.status !== 0) failed.push(run.name);
  }
  return failed;
}
