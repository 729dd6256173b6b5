import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, isLockedByOther, LOCK_FILE, lockOwner, releaseLock, type LockOwner } from '../../src/runtime/run-lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'pg-lock-'));
const holder = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('run locks', () => {
  it('let one process hold a folder and release it', () => {
    const dir = folder();
    const owner = lockOwner('pg run --resume x');
    acquireLock(dir, owner);
    expect(holder(dir)).toEqual(owner);
    expect(owner.processStart).toMatch(/^\d+$/);
    releaseLock(dir, owner);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuse a folder that a live process holds, naming it', () => {
    const dir = folder();
    const live = lockOwner('pg run --config a.yaml');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(live));
    expect(() => acquireLock(dir, lockOwner('pg run --resume x'))).toThrow(
      `${dir} must be a run folder no other pg process works on: process ${process.pid} on ${live.host} has held its run.lock since ${live.since} (pg run --config a.yaml); wait for it to end or stop it (got "locked")`,
    );
    expect(holder(dir)).toEqual(live);
  });

  it('take over a lock that an ended process left, or whose process id was reused', () => {
    for (const stale of [{ pid: deadPid() }, { processStart: '1' }, {}]) {
      const dir = folder();
      writeFileSync(join(dir, LOCK_FILE), Object.keys(stale).length === 0 ? 'not json' : JSON.stringify({ ...lockOwner('killed'), ...stale }));
      expect(isLockedByOther(dir)).toBe(false);
      const owner = lockOwner('pg run --resume x');
      acquireLock(dir, owner);
      expect(holder(dir)).toEqual(owner);
    }
  });

  it('leave alone a lock that another process took meanwhile', () => {
    const dir = folder();
    const mine = lockOwner('pg run --resume x');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...mine, since: 'another time' }));
    releaseLock(dir, mine);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
