import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunFolder, openRunFolder } from '../../src/runtime/run-folder.js';

const at = new Date('2026-11-28T04:05:06Z');

describe('run folders', () => {
  it('are named after the config and the time, never reusing a folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-out-'));
    const first = createRunFolder(out, 'plastic disjoint', at);
    const second = createRunFolder(out, 'plastic disjoint', at);
    expect(first.id).toBe('plastic_disjoint-20261128-040506');
    expect(second.id).toBe('plastic_disjoint-20261128-040506-2');
    expect(readdirSync(out).sort()).toEqual([first.id, second.id]);
  });

  it('write whole files, leaving no temporary behind', () => {
    const run = createRunFolder(mkdtempSync(join(tmpdir(), 'pg-out-')), 'x', at);
    run.writeJson('summary.json', { status: 'running' });
    run.write('run.log', 'hello\n');
    expect(readdirSync(run.dir).sort()).toEqual(['run.log', 'summary.json']);
    expect(readFileSync(run.path('summary.json'), 'utf8')).toBe('{\n  "status": "running"\n}\n');
    expect(openRunFolder(run.dir).readJson<{ status: string }>('summary.json').status).toBe('running');
    expect(run.has('model.json')).toBe(false);
  });

  it('refuse to open a folder that is not a run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-empty-'));
    expect(() => openRunFolder(dir)).toThrow(`--run must be a run folder made by \`pg run\` or \`pg train\` (it has no summary.json) (got "${dir}")`);
  });
});
