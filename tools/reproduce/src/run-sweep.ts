import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What {@link runSweep} runs. */
export interface SweepRequest {
  readonly sweepFile: string;
  readonly out: string;
  /** The rows to run (all when empty). */
  readonly only: readonly string[];
  /** The runs to leave out, by name (those the page's committed copies hold). */
  readonly skip: readonly string[];
  /** Runs at a time (pg's default when undefined). */
  readonly jobs: string | undefined;
}

/** The arguments of `pg` for the sweep of `request`. */
export const sweepArguments = ({ sweepFile, out, only, skip, jobs }: SweepRequest): string[] => [
  'sweep',
  sweepFile,
  '--out',
  out,
  ...only.flatMap((name) => ['--only', name]),
  ...skip.flatMap((name) => ['--skip', name]),
  ...(jobs ? ['--jobs', jobs] : []),
];

/**
 * Runs the catalogue's sweep with `pg sweep` (each run in its own process,
 * `jobs` at a time, complete runs skipped, stopped ones resumed), its output
 * shown live, in `repoRoot`. Resolves to pg's exit code: 0 when every run is
 * complete, 1 when some failed, 130 when interrupted.
 */
export function runSweep(request: SweepRequest, repoRoot: string): Promise<number> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@pg/cli/package.json')), 'dist', 'bin.js');
  const args = [bin, ...sweepArguments(request)];
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
