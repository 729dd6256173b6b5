import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSummary } from '../src/pipeline/run-summary.js';

const tiny = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
// Larger graphs and long walks: the seed oracle over a thousand fresh graphs then takes a minute, in one synchronous stage.
const slowChecks = ['--set', 'dataset.num_nodes=50', '--set', 'dataset.edge_prob=0.1', '--set', 'dataset.num_actions=15', '--set', 'dataset.num_timesteps=400'];

/** Starts `pg dataset` in a child process; resolves its exit once `signals` have been sent, each when its line appears on stderr. */
function interruptAt(out: string, signals: ReadonlyArray<{ after: string; signal: NodeJS.Signals }>) {
  const child = spawn(process.execPath, [bin, 'dataset', '--config', tiny, '--out', out, ...slowChecks], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const sentAt: number[] = [];
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
    const next = signals[sentAt.length];
    if (next && stderr.includes(next.after)) {
      sentAt.push(performance.now());
      child.kill(next.signal);
    }
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; secondsAfterLast: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr, secondsAfterLast: (performance.now() - sentAt[sentAt.length - 1]!) / 1000 })),
  );
}
const onlyRun = (out: string) => join(out, readdirSync(out)[0]!);
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;

describe('interrupting a synchronous stage', () => {
  it('honours Ctrl-C between units of work, long before the stage would end, and records it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-int-'));
    const { code, stderr, secondsAfterLast } = await interruptAt(out, [{ after: '\ndataset: ', signal: 'SIGINT' }]);
    expect(code).toBe(130);
    expect(secondsAfterLast).toBeLessThan(5);
    expect(stderr).toContain('warn: stopping at the next safe point; continue later with: pg run --resume');
    const dir = onlyRun(out);
    expect(summaryOf(dir).status).toBe('interrupted');
    expect(summaryOf(dir).stages.dataset?.status).toBe('interrupted');
    expect(existsSync(join(dir, 'dataset_checks.json'))).toBe(false);
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  }, 60_000);

  it('ends at once on a second signal, with the first already recorded', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-int-'));
    const { code, signal, secondsAfterLast } = await interruptAt(out, [
      { after: '\ndataset: ', signal: 'SIGTERM' },
      { after: 'stopping at the next safe point', signal: 'SIGTERM' },
    ]);
    // Either the second signal ended it, or the first had already brought it to a safe point.
    expect(signal === 'SIGTERM' || code === 130).toBe(true);
    expect(secondsAfterLast).toBeLessThan(2);
    expect(summaryOf(onlyRun(out)).status).toBe('interrupted');
  }, 60_000);
});
