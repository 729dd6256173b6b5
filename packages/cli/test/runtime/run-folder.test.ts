import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunFolder, openRunFolder } from '../../src/runtime/run-folder.js';

const at = new Date('2026-11-28T04:05:06Z');
const none = () => ({});

describe('run folders', () => {
  it('are named after the config and the time, never reusing a folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-out-'));
    const first = createRunFolder(out, 'plastic disjoint', none, at);
    const second = createRunFolder(out, 'plastic disjoint', none, at);
    expect(first.id).toBe('plastic_disjoint-20261128-040506');
    expect(second.id).toBe('plastic_disjoint-20261128-040506-2');
    expect(readdirSync(out).sort()).toEqual([first.id, second.id]);
  });

  it('appear with their first files, staged out of sight, or not at all', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pg-out-')), 'runs');
    const run = createRunFolder(out, 'x', (id) => ({ 'run_config.json': '{}', 'summary.json': JSON.stringify({ id }) }), at);
    expect(readdirSync(out)).toEqual([run.id]);
    expect(readdirSync(run.dir).sort()).toEqual(['run_config.json', 'summary.json']);
    expect(run.readJson<{ id: string }>('summary.json').id).toBe('x-20261128-040506');
  });

  it('write whole files, leaving no temporary behind', () => {
    const run = createRunFolder(mkdtempSync(join(tmpdir(), 'pg-out-')), 'x', () => ({ 'run_config.json': '{}' }), at);
    run.writeJson('summary.json', { status: 'running' });
    run.write('run.log', 'hello\n');
    expect(readdirSync(run.dir).sort()).toEqual(['run.log', 'run_config.json', 'summary.json']);
    expect(readFileSync(run.path('summary.json'), 'utf8')).toBe('{\n  "status": "running"\n}\n');
    expect(openRunFolder(run.dir).readJson<{ status: string }>('summary.json').status).toBe('running');
    expect(run.has('model.json')).toBe(false);
  });

  it('refuse to open a folder that is not a run, naming the folder and the missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-empty-'));
    expect(() => openRunFolder(dir)).toThrow(`--run must be a run folder made by \`pg run\`, \`pg train\` or \`pg dataset\` (it has no run_config.json) (got "${dir}")`);
    writeFileSync(join(dir, 'run_config.json'), '{}');
    expect(() => openRunFolder(dir, '--resume')).toThrow(`--resume must be a run folder made by \`pg run\`, \`pg train\` or \`pg dataset\` (it has no summary.json) (got "${dir}")`);
    expect(() => openRunFolder(join(dir, 'nope'))).toThrow(`--run must be an existing run folder (no such folder) (got "${join(dir, 'nope')}")`);
  });
});
