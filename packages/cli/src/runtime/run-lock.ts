import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';

/** The lock file of a run folder: present while a `pg` process works on the run. */
export const LOCK_FILE = 'run.lock';

/** Who holds a run folder, as its lock file records it. */
export interface LockOwner {
  /** The process id. */
  readonly pid: number;
  /** The machine, since a process id means nothing on another one. */
  readonly host: string;
  /** The kernel's start time of the process (Linux), so that a reused process id is not taken for the owner. */
  readonly processStart: string | null;
  /** When the lock was taken (ISO 8601). */
  readonly since: string;
  /** The `pg` command line that took it. */
  readonly command: string;
}

/** This process, as a lock file records it. */
export function lockOwner(command: string): LockOwner {
  return { pid: process.pid, host: hostname(), processStart: processStart(process.pid), since: new Date().toISOString(), command };
}

/**
 * Takes the lock of an existing run folder for this process, so that one
 * run folder has one writer. A lock left by a process that has ended (killed,
 * crashed, or a process id since reused) is taken over; one held by a live
 * process is refused with a {@link ConfigError} that names it. Release it
 * with {@link releaseLock}.
 */
export function acquireLock(dir: string, owner: LockOwner): void {
  const path = join(dir, LOCK_FILE);
  // Whole, then linked into place: link fails if a lock exists, and a reader never sees half a lock.
  const candidate = `${path}.${process.pid}.partial`;
  writeFileSync(candidate, `${JSON.stringify(owner)}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(candidate, path);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readText(path);
      const holder = parseOwner(text);
      if (holder && isAlive(holder)) {
        throw new ConfigError(
          dir,
          'locked',
          `a run folder no other pg process works on: process ${holder.pid} on ${holder.host} has held its ${LOCK_FILE} since ${holder.since} ` +
            `(${holder.command}); wait for it to end or stop it`,
        );
      }
      // Left by a process that has ended: remove it, unless another process took it over meanwhile.
      if (readText(path) === text) rmSync(path, { force: true });
    }
    throw new ConfigError(dir, 'locked', `a run folder whose ${LOCK_FILE} can be taken (other processes keep taking it)`);
  } finally {
    rmSync(candidate, { force: true });
  }
}

/** Whether a live process other than this one holds the folder's lock. */
export function isLockedByOther(dir: string): boolean {
  const holder = parseOwner(readText(join(dir, LOCK_FILE)));
  return holder !== null && holder.pid !== process.pid && isAlive(holder);
}

/** Removes the lock if this process still holds it. */
export function releaseLock(dir: string, owner: LockOwner): void {
  const path = join(dir, LOCK_FILE);
  const holder = parseOwner(readText(path));
  if (holder && holder.pid === owner.pid && holder.since === owner.since) rmSync(path, { force: true });
}

/** Whether the process a lock names still runs: unknown on another machine, so taken as yes. */
function isAlive(holder: LockOwner): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStart(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), or `null` where there is no /proc. */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner?.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
