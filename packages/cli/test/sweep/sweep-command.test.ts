import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, main } from '../../src/main.js';
import type { RunSummary } from '../../src/pipeline/run-summary.js';
import { createLogger } from '../../src/runtime/logger.js';

const tiny = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));

/** Runs `pg` in-process, capturing its log lines and what it prints on stdout. */
async function pg(args: string[], onLine: (line: string) => void = () => {}) {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => (lines.push(line), onLine(line)) });
  const printed: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((text) => (printed.push(String(text)), true));
  try {
    const code = await main(args, log);
    return { code, lines, stdout: printed.join('') };
  } finally {
    stdout.mockRestore();
  }
}
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
/** What a run computed: its weights, and its metrics without wall-clock times. */
function results(dir: string) {
  const { train_seconds: _seconds, ...metrics } = summaryOf(dir).metrics;
  const epochs = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((line) => ({ ...JSON.parse(line), seconds: undefined }));
  return { weights: readFileSync(join(dir, 'weights.bin')), metrics, epochs, evaluation: readFileSync(join(dir, 'evaluation.json'), 'utf8') };
}

// No LaTeX in tests, as in main.test.ts.
const path = process.env.PATH;
beforeAll(() => void (process.env.PATH = '/nonexistent'));
afterAll(() => void (process.env.PATH = path));

describe('pg sweep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-sweep-'));
  const file = join(dir, 'study.sweep.yaml');
  writeFileSync(file, `config: ${tiny}\nset:\n  logging.wandb_enabled: false\ngrid:\n  network.hidden_dim: [8, 12]\nseeds: [1, 2]\n`);
  const local = join(dir, 'local');
  const names = ['tiny-hidden_dim=8-seed=1', 'tiny-hidden_dim=8-seed=2', 'tiny-hidden_dim=12-seed=1', 'tiny-hidden_dim=12-seed=2'];

  it('runs locally in processes, resuming an interrupted run and skipping complete ones, with a report over seeds', async () => {
    const interrupted = await pg(['sweep', 'run', file, '--index', '0', '--out', local], (line) => {
      if (line.startsWith('epoch {"epoch":1,')) process.emit('SIGINT');
    });
    expect(interrupted.code).toBe(EXIT.interrupted);
    expect((await pg(['sweep', 'list', file, '--out', local])).stdout).toBe(
      [`# sweep study: 4 runs into ${local}: 0 complete, 1 to resume, 3 new`, ...names.map((name, i) => `${i}  ${i === 0 ? 'resumable' : 'new      '}  ${name}`), ''].join('\n'),
    );

    const first = await pg(['sweep', file, '--jobs', '2', '--out', local]);
    expect(first.code).toBe(EXIT.ok);
    expect(first.lines[0]).toBe(`sweep study: 4 runs into ${local}: 0 complete, 1 to resume, 3 new; 2 at a time`);
    expect(first.lines).toContain('[tiny-hidden_dim=8-seed=1] resuming after epoch 1 of 3');
    for (const name of names) expect(summaryOf(join(local, name)).status).toBe('complete');
    expect(first.stdout).toMatch(/^Settings over seeds \(mean ± half-width of the 95% interval\)\nsetting +tiny-hidden_dim=8 +tiny-hidden_dim=12\nseeds +2 +2\nTest next-node accuracy +\d+\.\d% ± \d+\.\d% +\d+\.\d% ± \d+\.\d%\n/);
    expect(first.stdout).toContain(`Sweep study: 4 complete, 0 to resume, 0 new (of 4 runs)\nReport: ${join(local, 'report', 'comparison.html')}\n`);
    const html = readFileSync(join(local, 'report', 'comparison.html'), 'utf8');
    expect(html).toContain('Each metric over seeds (Student t 95% interval of the mean)');
    expect(html).toContain('tiny-hidden_dim=12 (mean of 2 seeds)');

    const started = names.map((name) => summaryOf(join(local, name)).startedAt);
    const second = await pg(['sweep', file, '--out', local]);
    expect(second.code).toBe(EXIT.ok);
    expect(second.lines[0]).toBe(`sweep study: 4 runs into ${local}: 4 complete, 0 to resume, 0 new; 1 at a time`);
    expect(second.lines.filter((line) => line.includes('] start'))).toEqual([]);
    expect(names.map((name) => summaryOf(join(local, name)).startedAt)).toEqual(started);
  }, 120_000);

  it('leaves out the runs named by --skip, new ones included', async () => {
    const more = join(dir, 'more.sweep.yaml');
    writeFileSync(more, `name: study\nconfig: ${tiny}\nset:\n  logging.wandb_enabled: false\ngrid:\n  network.hidden_dim: [8, 12]\nseeds: [1, 2, 3]\n`);
    const skipped = ['tiny-hidden_dim=8-seed=3', 'tiny-hidden_dim=12-seed=3'];
    const sweep = await pg(['sweep', more, '--out', local, ...skipped.flatMap((name) => ['--skip', name])]);
    expect(sweep.code).toBe(EXIT.ok);
    expect(sweep.lines[0]).toBe(`sweep study: 4 runs into ${local}: 4 complete, 0 to resume, 0 new; 1 at a time; 2 left out (--skip)`);
    expect(sweep.lines.filter((line) => line.includes('] start'))).toEqual([]);
    expect(sweep.stdout).toContain('Sweep study: 4 complete, 0 to resume, 0 new (of 4 runs)\n');
    for (const name of skipped) expect(existsSync(join(local, name))).toBe(false);
  }, 60_000);

  it('gives the same results, bit for bit, as the tasks of a job array indexed by the scheduler', async () => {
    const array = join(dir, 'array');
    try {
      for (const index of [3, 1, 0, 2]) {
        process.env.SLURM_ARRAY_TASK_ID = String(index);
        expect((await pg(['sweep', 'run', file, '--out', array])).code).toBe(EXIT.ok);
      }
    } finally {
      delete process.env.SLURM_ARRAY_TASK_ID;
    }
    for (const name of names) expect(results(join(array, name))).toEqual(results(join(local, name)));
    const again = await pg(['sweep', 'run', file, '--out', array, '--index', '1']);
    expect(again.lines).toContain('tiny-hidden_dim=8-seed=2: complete already, skipped');

    const compare = await pg(['compare', ...names.map((name) => join(array, name)), '--out', join(dir, 'compare')]);
    expect(compare.code).toBe(EXIT.ok);
    expect(compare.stdout).toMatch(/^Settings over seeds[^\n]*\nsetting +tiny-hidden_dim=8 +tiny-hidden_dim=12\n/);
  }, 120_000);

  it('refuses a bad sweep file, a bad flag and a folder of another config before any work, with one line', async () => {
    const bad = join(dir, 'bad.sweep.yaml');
    writeFileSync(bad, `config: ${tiny}\ngrid:\n  trainer.lr: [0.1, -1]\n`);
    const out = join(dir, 'never');
    expect(await pg(['sweep', bad, '--out', out])).toMatchObject({ code: EXIT.badInput, lines: [`error: ${bad}: grid.trainer.lr must be a number > 0 (got -1)`] });
    expect((await pg(['sweep', 'run', bad, '--index', '0', '--out', out])).code).toBe(EXIT.badInput);
    expect(existsSync(out)).toBe(false);
    expect((await pg(['sweep', file, '--jobs', '0', '--out', out])).lines).toEqual(['error: --jobs must be an integer ≥ 1 (got "0")']);
    expect((await pg(['sweep', file, '--only', 'tiy', '--out', out])).lines).toEqual([`error: --only must be an experiment of ${file} (tiny) (got "tiy")`]);
    expect((await pg(['sweep', file, '--skip', 'tiny-seed=1', '--out', out])).lines).toEqual([`error: --skip must be the name of a run of ${file} (pg sweep list ${file} names them) (got "tiny-seed=1")`]);
    expect(existsSync(out)).toBe(false);

    const changed = join(dir, 'changed.sweep.yaml');
    writeFileSync(changed, `config: ${tiny}\nset:\n  logging.wandb_enabled: false\n  trainer.epochs: 2\ngrid:\n  network.hidden_dim: [8]\nseeds: [1]\n`);
    const refused = await pg(['sweep', changed, '--out', local]);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.lines).toEqual([
      `error: ${join(local, names[0]!, 'run_config.json')} must be the config that ${changed} gives run ${names[0]} (epochs: 2); move the folder away or use another --out (got "epochs: 3")`,
    ]);
  });
});
