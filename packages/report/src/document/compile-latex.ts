import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Options of {@link compileLatex}. */
export interface CompileLatexOptions {
  /** Where to look for the engines. Default: the `PATH` environment variable. */
  searchPath?: string;
  /** Limit per engine pass. Default 3 minutes. */
  timeoutMs?: number;
}

/** The outcome of {@link compileLatex}. */
export type LatexOutcome =
  | {
      /** The PDF was written. */
      readonly status: 'compiled';
      /** The engine that wrote it (`tectonic` or `pdflatex`). */
      readonly engine: string;
      /** The PDF's path. */
      readonly pdf: string;
    }
  | {
      /** Neither engine is installed. */
      readonly status: 'no-engine';
    }
  | {
      /** The engine reported an error. */
      readonly status: 'failed';
      /** The engine that failed. */
      readonly engine: string;
      /** The end of its log. */
      readonly log: string;
    };

const ENGINES: ReadonlyArray<{ name: string; args: (file: string) => string[] }> = [
  { name: 'tectonic', args: (file) => ['--keep-logs', file] },
  { name: 'pdflatex', args: (file) => ['-interaction=nonstopmode', '-halt-on-error', file] },
];

/**
 * Compiles `dir/file.tex` to PDF with `tectonic` or, failing that,
 * `pdflatex`, whichever is found first on the PATH. Without either it
 * reports `no-engine` and does nothing; a compile error is reported with
 * the end of the engine's output, never thrown.
 *
 * @example
 * ```ts
 * const outcome = compileLatex(runDir, 'report.tex');
 * if (outcome.status === 'compiled') console.log(outcome.pdf);
 * ```
 */
export function compileLatex(dir: string, file: string, options: CompileLatexOptions = {}): LatexOutcome {
  const searchPath = options.searchPath ?? process.env.PATH ?? '';
  const found = ENGINES.map((engine) => ({ engine, command: findCommand(engine.name, searchPath) })).find(({ command }) => command);
  if (!found) return { status: 'no-engine' };
  const { engine, command } = found;
  // pdflatex resolves cross-references on a second pass; tectonic reruns by itself.
  const passes = engine.name === 'pdflatex' ? 2 : 1;
  for (let pass = 0; pass < passes; pass++) {
    const run = spawnSync(command!, engine.args(file), { cwd: dir, encoding: 'utf8', timeout: options.timeoutMs ?? 180_000 });
    if (run.status !== 0) {
      const log = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
      return { status: 'failed', engine: engine.name, log: log.slice(-2000) };
    }
  }
  // The engine's by-products are noise in a run folder once the PDF exists.
  for (const extension of ['.aux', '.log', '.out']) rmSync(join(dir, file.replace(/\.tex$/, extension)), { force: true });
  return { status: 'compiled', engine: engine.name, pdf: join(dir, file.replace(/\.tex$/, '.pdf')) };
}

function findCommand(name: string, searchPath: string): string | undefined {
  return searchPath
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, name))
    .find((candidate) => existsSync(candidate));
}
