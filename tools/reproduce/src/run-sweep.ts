import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Runs the catalogue's sweep with `pg sweep` (each run in its own process,
 * `jobs` at a time, complete runs skipped, stopped ones resumed), its output
 * shown live; `only` limits it to those rows. Returns pg's exit code: 0 when
 * every run is complete, 1 when some failed, 130 when interrupted.
 */
export function runSweep(sweepFile: string, out: string, only: readonly string[], jobs: string | undefined, repoRoot: string): number {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@pg/cli/package.json')), 'dist', 'bin.js');
  const args = [bin, 'sweep', sweepFile, '--out', out, ...only.flatMap((name) => ['--only', name]), ...(jobs ? ['--jobs', jobs] : [])];
  console.log(`pg ${args.slice(1).join(' ')}`);
  // Ctrl-C reaches pg, which stops its runs after their batch: this process waits for it instead of dying first.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    return spawnSync(process.execPath, args, { stdio: 'inherit', cwd: repoRoot }).status ?? 1;
  } finally {
    process.off('SIGINT', ignore);
  }
}
