import { describe, expect, it } from '@jest/globals';
import { createRng } from '@pg/graphs';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSummary } from '../src/pipeline/run-summary.js';

// Kill anywhere, lose nothing: a small run is stopped at many points (SIGKILL at seeded file-system
// operations, some cut in the middle of a write, and at seeded moments; SIGINT and SIGTERM), resumed,
// and must end bit-identical to the uninterrupted run, with every epoch exactly once in metrics.jsonl.

const harness = fileURLToPath(new URL('./fault-injection/pg-with-faults.mjs', import.meta.url));
const tiny = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const EPOCHS = 4;
const START = ['run', '--config', tiny, '--set', `trainer.epochs=${EPOCHS}`];
/** Kill points at seeded operations, one drawn in each of this many equal stretches of the run's operations. */
const STRETCHES = 17;
/** Kill points at seeded moments of the training stage, where no file is written (mid-epoch). */
const MOMENTS = 1;
/** Cases run side by side. */
const PARALLEL = 2;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `pg` through the fault harness; `onLine` may signal the child when a line of its stderr appears. */
function pg(args: readonly string[], env: Record<string, string> = {}, onLine?: (line: string, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, [harness, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let pending = '';
  child.stderr!.on('data', (data: Buffer) => {
    stderr += data.toString();
    const lines = (pending + data.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) onLine?.(line, child);
  });
  return new Promise<Outcome>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** The run folder in `out` (staging folders of a run killed while being created start with a dot). */
const runIn = (out: string) => readdirSync(out).filter((name) => !name.startsWith('.'))[0];
const readText = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const summaryOf = (dir: string) => JSON.parse(readText(dir, 'summary.json')) as RunSummary;
/** Everything a run must reproduce, wall-clock times aside. */
function results(dir: string) {
  const summary = summaryOf(dir);
  const { train_seconds: _, ...metrics } = summary.metrics;
  return {
    status: summary.status,
    error: summary.error,
    stages: Object.fromEntries(Object.entries(summary.stages).map(([name, record]) => [name, record.status])),
    metrics,
    epochs: readText(dir, 'metrics.jsonl')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => ({ ...JSON.parse(line), seconds: undefined })),
    weights: readFileSync(join(dir, 'weights.bin')).toString('base64'),
    model: readText(dir, 'model.json'),
    evaluation: readText(dir, 'evaluation.json'),
    datasetChecks: readText(dir, 'dataset_checks.json'),
    leftovers: [
      ...['resume', 'run.lock'].filter((file) => existsSync(join(dir, file))),
      ...(readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.partial')),
    ],
  };
}

interface Case {
  readonly label: string;
  readonly env?: Record<string, string>;
  readonly onLine?: (line: string, child: ReturnType<typeof spawn>) => void;
  readonly afterMs?: number;
}

/** Interrupts a run as the case says, resumes it (or starts it again if it was killed before its folder existed), and returns where it was stopped and its results. */
async function interruptAndResume({ env, onLine, afterMs }: Case) {
  const out = mkdtempSync(join(tmpdir(), 'pg-fault-'));
  const run = pg([...START, '--out', out], env, (line, child) => {
    if (afterMs !== undefined && line.startsWith('model: ')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    onLine?.(line, child);
  });
  const stopped = await run;
  const id = runIn(out);
  const stoppedIn = id ? Object.entries(summaryOf(join(out, id)).stages).find(([, record]) => record.status !== 'done')?.[0] ?? 'between stages' : 'before its folder';
  const again = id ? await pg(['run', '--resume', join(out, id)]) : await pg([...START, '--out', out]);
  expect(again.stderr.split('\n').filter((line) => line.startsWith('error'))).toEqual([]);
  expect(again.code).toBe(0);
  return { stopped, stoppedIn, results: results(join(out, runIn(out)!)) };
}

describe('fault injection', () => {
  it('a run killed or interrupted anywhere resumes to exactly the uninterrupted run', async () => {
    const reference = mkdtempSync(join(tmpdir(), 'pg-fault-'));
    const record = join(reference, 'operations.json');
    const whole = await pg([...START, '--out', join(reference, 'runs')], { PG_FAULT_RECORD: record });
    expect(whole.code).toBe(0);
    const expected = results(join(reference, 'runs', runIn(join(reference, 'runs'))!));
    expect(expected.epochs.map((line) => line.epoch)).toEqual([1, 2, 3, 4]);
    const operations = JSON.parse(readFileSync(record, 'utf8')) as Array<{ kind: string; path: string }>;

    const rng = createRng(20261129);
    const draw = (n: number) => (rng.next() >>> 0) % n;
    const cases: Case[] = [];
    const killAt = (index: number, why: string) => {
      const tear = /write|append/i.test(operations[index]!.kind) && draw(2) === 1;
      cases.push({ label: `SIGKILL at ${why} ${index + 1} (${operations[index]!.kind} ${operations[index]!.path.split('/').slice(-2).join('/')}${tear ? ', half written' : ''})`, env: { PG_FAULT_KILL_AT: String(index + 1), PG_FAULT_TEAR: tear ? '1' : '0' } });
    };
    // Across the whole run, one seeded operation in each stretch.
    for (let stretch = 0; stretch < STRETCHES; stretch++) {
      const from = Math.floor((stretch * operations.length) / STRETCHES);
      killAt(from + draw(Math.floor(((stretch + 1) * operations.length) / STRETCHES) - from), 'operation');
    }
    // And where consistency is hardest: inside the writing of a snapshot and of an epoch's metrics line, and in the report.
    const among = (test: (operation: { kind: string; path: string }) => boolean, why: string) => {
      const indices = operations.flatMap((operation, i) => (test(operation) ? [i] : []));
      killAt(indices[draw(indices.length)]!, why);
    };
    among(({ path }) => path.includes('/resume/'), 'snapshot operation');
    among(({ kind, path }) => kind.includes('append') && path.endsWith('metrics.jsonl'), 'metrics operation');
    among(({ path }) => /report\.(html|tex)/.test(path), 'report operation');
    // Mid-epoch: at seeded moments once training has started.
    for (let k = 0; k < MOMENTS; k++) {
      const afterMs = 20 + draw(400);
      cases.push({ label: `SIGKILL ${afterMs} ms into training`, afterMs });
    }
    const signalOn = (signal: NodeJS.Signals, prefix: string): Case => ({
      label: `${signal} on "${prefix}"`,
      onLine: (line, child) => (line.startsWith(prefix) ? void child.kill(signal) : undefined),
    });
    cases.push(signalOn('SIGINT', 'epoch 2/'), signalOn('SIGTERM', 'dataset: '));

    const outcomes: Array<{ label: string; stoppedIn: string; signal: NodeJS.Signals | null; code: number | null }> = [];
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { stopped, stoppedIn, results: got } = await interruptAndResume(next);
          outcomes.push({ label: next.label, stoppedIn, signal: stopped.signal, code: stopped.code });
          expect({ case: next.label, ...got }).toEqual({ case: next.label, ...expected });
        }
      }),
    );

    // The kills landed across the whole run, and the signals were honoured as interruptions.
    const stagesHit = new Set(outcomes.filter(({ signal }) => signal === 'SIGKILL').map(({ stoppedIn }) => stoppedIn));
    for (const stage of ['dataset', 'train', 'evaluate', 'report']) expect([...stagesHit]).toContain(stage);
    expect(outcomes.filter(({ signal }) => signal === 'SIGKILL').length).toBeGreaterThanOrEqual(20);
    for (const outcome of outcomes.filter(({ label }) => label.startsWith('SIGINT') || label.startsWith('SIGTERM'))) expect(outcome.code).toBe(130);
  }, 240_000);
});
