import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Runs the catalogue's sweep with `pg sweep` (each run in its own process,
 * `jobs` at a time, complete runs skipped, stopped ones resumed), its output
 * shown live; `only` limits it to those rows. Resolves to pg's exit code: 0
 * when every run is complete, 1 when some failed, 130 when interrupted.
 */
export function runSweep(sweepFile: string, out: string, only: readonly string[], jobs: string | undefined, repoRoot: string): Promise<number> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@pg/cli/package.json')), 'dist', 'bin.js');
  const args = [bin, 'sweep', sweepFile, '--out', out, ...only.flatMap((name) => ['--only', name]), ...(jobs ? ['--jobs', jobs] : [])];
  console.log(`pg ${args.slice(1).join(' ')}`);
  // pg in its own process group: Ctrl-C and SIGTERM reach it once, through this process, which
  // outlives it (pg stops its runs after their batch) to save their progress.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: repoRoot, detached: true });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', pass);
  process.on('SIGTERM', pass);
  return new Promise((resolve) => {
    const done = (code: number) => {
      process.off('SIGINT', pass);
      process.off('SIGTERM', pass);
      resolve(code);
    };
    child.once('error', (error) => {
      console.error(`error: could not start pg: ${error.message}`);
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 130 : 1)));
  });
}
