import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * The life of a run, as `summary.json` records it: `running` while a `pg`
 * process works on it (and holds its `run.lock`), then `complete` (every stage
 * it ran is done), `failed` (a stage failed; `error` says why), `diverged`
 * (training went NaN or infinite) or `interrupted` (stopped by a signal, or
 * killed; resumable).
 */
export type RunStatus = 'running' | 'complete' | 'failed' | 'interrupted' | 'diverged';

/** The folder of one run: every artefact it writes, written whole or not at all. */
export interface RunFolder {
  /** The folder's name, e.g. `quickstart-20261128-101500`. */
  readonly id: string;
  /** The folder's absolute path. */
  readonly dir: string;
  /** The absolute path of a file of the run. */
  path(name: string): string;
  /** Writes a file atomically (a temporary file renamed into place), so a crash never leaves half a file. */
  write(name: string, data: string | Uint8Array): void;
  /** Writes pretty JSON atomically. */
  writeJson(name: string, value: unknown): void;
  /** Reads a JSON file of the run. */
  readJson<T>(name: string): T;
  /** Whether the run has a file of this name. */
  has(name: string): boolean;
}

/**
 * Creates a fresh run folder `outDir/<name>-<yyyymmdd-hhmmss>` (with a
 * numeric suffix if that exists already) holding the files `contents(id)`
 * returns: they are written in a hidden staging folder that is then renamed
 * into place, so the run folder never exists without them, even if the
 * process is killed while creating it.
 *
 * @example
 * ```ts
 * const run = createRunFolder('run', 'plastic_disjoint', () => ({ 'run_config.json': '{}' }));
 * run.writeJson('summary.json', summary);
 * ```
 */
export function createRunFolder(outDir: string, name: string, contents: (id: string) => Record<string, string> = () => ({}), now: Date = new Date()): RunFolder {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${name.replace(/[^\w.-]+/g, '_')}-${stamp}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (existsSync(join(outDir, id))) continue;
    const run = placeWhole(outDir, id, contents);
    if (run) return run;
  }
}

/**
 * Creates the run folder at exactly `dir`, for runs whose folder is named in
 * advance (the runs of a sweep), whole as {@link createRunFolder} makes them.
 * Refuses a folder that exists already.
 *
 * @example
 * ```ts
 * const run = createRunFolderAt('run/my-sweep/quickstart-seed=1', () => ({ 'run_config.json': '{}' }));
 * ```
 */
export function createRunFolderAt(dir: string, contents: (id: string) => Record<string, string> = () => ({})): RunFolder {
  const absolute = resolve(dir);
  const run = existsSync(absolute) ? undefined : placeWhole(dirname(absolute), basename(absolute), contents);
  if (!run) throw new ConfigError('run folder', dir, 'a folder that does not exist yet (another process created it)');
  return run;
}

/**
 * A folder of artefacts that are rewritten whole each time (a sweep's
 * report), created if missing; each file is still written atomically.
 */
export function artefactFolder(dir: string): RunFolder {
  mkdirSync(dir, { recursive: true });
  return runFolderAt(dir);
}

/**
 * Writes `contents(id)` into a hidden staging folder and renames it to
 * `outDir/id`; `undefined` when another process took that name meanwhile.
 */
function placeWhole(outDir: string, id: string, contents: (id: string) => Record<string, string>): RunFolder | undefined {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.${id}.${process.pid}.partial`);
  mkdirSync(staging, { recursive: true });
  for (const [file, data] of Object.entries(contents(id))) writeFileSync(join(staging, file), data);
  try {
    renameSync(staging, join(outDir, id));
    return runFolderAt(join(outDir, id));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return undefined;
  }
}

/**
 * Opens an existing run folder (for `--resume`, `pg evaluate`, `pg report`),
 * checking that it is one: it holds `run_config.json` and `summary.json`.
 * `flag` names the option that gave the folder, for the message.
 */
export function openRunFolder(dir: string, flag: string = '--run'): RunFolder {
  if (!existsSync(dir)) throw new ConfigError(flag, dir, 'an existing run folder (no such folder)');
  for (const file of ['run_config.json', 'summary.json']) {
    if (!existsSync(join(dir, file))) throw new ConfigError(flag, dir, `a run folder made by \`pg run\`, \`pg train\` or \`pg dataset\` (it has no ${file})`);
  }
  return runFolderAt(dir);
}

function runFolderAt(dir: string): RunFolder {
  const absolute = resolve(dir);
  const path = (name: string) => join(absolute, name);
  const write = (name: string, data: string | Uint8Array) => {
    const temporary = `${path(name)}.partial`;
    writeFileSync(temporary, data);
    renameSync(temporary, path(name));
  };
  return {
    id: absolute.split(/[\\/]/).pop()!,
    dir: absolute,
    path,
    write,
    writeJson: (name, value) => write(name, `${JSON.stringify(value, null, 2)}\n`),
    readJson: <T>(name: string) => {
      const text = readFileSync(path(name), 'utf8');
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw new ConfigError(path(name), (error as Error).message, 'the JSON file pg wrote (it is damaged)');
      }
    },
    has: (name) => existsSync(path(name)),
  };
}
