import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** The life of a run, as `summary.json` records it. */
export type RunStatus = 'running' | 'complete' | 'failed' | 'interrupted';

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
 * numeric suffix if that exists already).
 *
 * @example
 * ```ts
 * const run = createRunFolder('run', 'plastic_disjoint');
 * run.writeJson('run_config.json', config);
 * ```
 */
export function createRunFolder(outDir: string, name: string, now: Date = new Date()): RunFolder {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${name.replace(/[^\w.-]+/g, '_')}-${stamp}`;
  let id = base;
  for (let n = 2; existsSync(join(outDir, id)); n++) id = `${base}-${n}`;
  mkdirSync(join(outDir, id), { recursive: true });
  return runFolderAt(join(outDir, id));
}

/**
 * Creates (or takes, when it exists) the run folder at exactly `dir`: for
 * runs whose folder name is fixed in advance, such as the runs of a sweep.
 *
 * @example
 * ```ts
 * const run = createRunFolderAt('run/my-sweep/quickstart-seed=1');
 * ```
 */
export function createRunFolderAt(dir: string): RunFolder {
  mkdirSync(dir, { recursive: true });
  return runFolderAt(dir);
}

/**
 * Opens an existing run folder (for `--resume`, `pg evaluate`, `pg report`),
 * checking that it is one.
 */
export function openRunFolder(dir: string): RunFolder {
  if (!existsSync(join(dir, 'summary.json'))) {
    throw new ConfigError('--run', dir, 'a run folder made by `pg run` or `pg train` (it has no summary.json)');
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
    readJson: <T>(name: string) => JSON.parse(readFileSync(path(name), 'utf8')) as T,
    has: (name) => existsSync(path(name)),
  };
}
