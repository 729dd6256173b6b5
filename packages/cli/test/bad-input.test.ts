import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../src/exit-codes.js';
import { main } from '../src/main.js';
import { createLogger } from '../src/runtime/logger.js';

const tiny = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));

/** Runs `pg` in-process; returns the exit code and the lines it logged. */
async function pg(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, createLogger({ level: 'debug', write: (line) => void lines.push(line) }));
  return { code, lines };
}

/** Expects exit 2, exactly one line `error: <message>`, and no run folder under `out`. */
async function refused(args: string[], message: string | RegExp, out?: string) {
  const { code, lines } = await pg(args);
  expect(code).toBe(EXIT.badInput);
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(`error: ${message}`);
  else expect(lines[0]).toMatch(message);
  if (out) expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  return lines[0]!;
}

const path = process.env.PATH;
beforeAll(() => void (process.env.PATH = '/nonexistent'));
afterAll(() => void (process.env.PATH = path));

describe('bad input: exit 2 before any work, one line naming the file, flag or key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bad-'));
  const out = join(dir, 'runs');
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('limits known before work: the key, the value and the accepted range', async () => {
    await refused(['run', '--config', tiny, '--out', out, '--set', 'dataset.num_actions=100000'], '--set dataset.num_actions must be an integer in [1, 1024] (got 100000)', out);
    await refused(['run', '--config', tiny, '--out', out, '--set', 'network.hidden_dim=100000'], '--set network.hidden_dim must be an integer in [1, 2048] (got 100000)', out);
    const config = file('big-model.yaml', 'network:\n  hidden_dim: 2048\ntrainer:\n  batch_size: 128\n');
    await refused(['run', '--config', config, '--out', out], /^error: network.hidden_dim must be a value for which a batch of plastic fast weights, .* \(got 2048\)$/, out);
  });

  it('training walks of their own sizes: the key and what it must be, before any dataset is built', async () => {
    await refused(['run', '--config', tiny, '--out', out, '--set', 'dataset.train_num_timesteps=1'], '--set dataset.train_num_timesteps must be an integer in [2, 10000] or null (got 1)', out);
    await refused(['run', '--config', tiny, '--out', out, '--set', 'dataset.train_samples_per_graph=-4'], '--set dataset.train_samples_per_graph must be an integer in [1, 100000] or null (got -4)', out);
    const curriculum = file('curriculum.yaml', 'dataset:\n  num_timesteps: 40\n  train_num_timesteps: 8\ntrainer:\n  curriculum_start_steps: 7\n  curriculum_epochs: 2\n');
    await refused(['run', '--config', curriculum, '--out', out], 'trainer.curriculum_start_steps must be below the 7 steps of a training walk (train_num_timesteps - 1), or null (got 7)', out);
    const huge = file('huge-walks.yaml', 'dataset:\n  num_graphs: 100000\n  train_num_timesteps: 1000\n');
    await refused(['dataset', '--config', huge, '--out', out], /^error: dataset.train_num_timesteps must be a value for which the walks stored, .* \(got 1000\)$/, out);
  });

  it('config files: too large, binary, an alias bomb, empty', async () => {
    await refused(['run', '--config', file('huge.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`), '--out', out], `${join(dir, 'huge.yaml')} must be a config file of at most 1 MiB (got "2,097,155 bytes")`, out);
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    const line = await refused(['run', '--config', file('binary.yaml', binary), '--out', out], `${join(dir, 'binary.yaml')} must be a YAML text file in UTF-8 (got "binary data")`, out);
    expect(line.length).toBeLessThan(200);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
    await refused(['run', '--config', file('bomb.yaml', bomb), '--out', out], `${join(dir, 'bomb.yaml')} must be valid YAML (got "Excessive alias count indicates a resource exhaustion attack")`, out);
    await refused(
      ['run', '--config', file('empty.yaml', ''), '--out', out],
      `${join(dir, 'empty.yaml')} must be a run config with at least one section (global, dataset, network, trainer, evaluation, logging); configs/quickstart.yaml is a small one (got "an empty file")`,
      out,
    );
  });

  it('a broken --set value names --set and the key', async () => {
    await refused(
      ['run', '--config', tiny, '--out', out, '--set', 'trainer.epochs=[1,'],
      '--set trainer.epochs must be a YAML value (a number, a string, true, false, null or a [list]): MISSING_CHAR at line 1, column 4 (got "[1,")',
      out,
    );
  });

  it('run names that would make a strange folder', async () => {
    const expected = 'a run name that is not empty, starts with neither "-" nor ".", and holds no "/" or "\\" (it names the run folder)';
    for (const name of ['', '-x', '--help', 'a/b', '../up']) {
      await refused(['run', '--config', tiny, '--out', out, `--name=${name}`], `--name must be ${expected} (got ${JSON.stringify(name)})`, out);
    }
    await refused(['run', '--config', file('-dash.yaml', 'global:\n'), '--out', out], `--config ${join(dir, '-dash.yaml')} (the run's name by default) must be ${expected} (got "-dash")`, out);
  });

  it('damaged run folders: the folder and the file', async () => {
    const runs = mkdtempSync(join(tmpdir(), 'pg-bad-runs-'));
    expect((await pg(['train', '--config', tiny, '--out', runs, '--set', 'trainer.epochs=1'])).code).toBe(EXIT.ok);
    const run = join(runs, readdirSync(runs)[0]!);
    const other = mkdtempSync(join(tmpdir(), 'pg-bad-runs-'));
    expect((await pg(['dataset', '--config', tiny, '--out', other])).code).toBe(EXIT.ok);
    const second = join(other, readdirSync(other)[0]!);

    writeFileSync(join(second, 'summary.json'), '{"status": "compl');
    const garbage = new RegExp(`^error: ${join(second, 'summary.json')} must be the JSON file pg wrote \\(it is damaged\\) \\(got ".+"\\)$`);
    for (const args of [['run', '--resume', second], ['report', '--run', second], ['evaluate', '--run', second], ['compare', run, second]]) await refused(args, garbage);
    writeFileSync(join(second, 'summary.json'), '[1, 2]');
    await refused(['report', '--run', second], `${join(second, 'summary.json')} must be a run summary written by pg (format "pg-run-summary") (got [1,2])`);

    writeFileSync(join(run, 'run_config.json'), '\u0000\u0001 not json');
    await refused(['run', '--resume', run], new RegExp(`^error: ${join(run, 'run_config.json')} must be a YAML text file in UTF-8 \\(got "binary data"\\)$`));
    writeFileSync(join(run, 'run_config.json'), '{"num_nodes": ');
    await refused(['run', '--resume', run], new RegExp(`^error: ${join(run, 'run_config.json')} must be the JSON config a run folder keeps \\(the file is damaged\\) \\(got ".+"\\)$`));
    rmSync(join(run, 'run_config.json'));
    await refused(['run', '--resume', run], `--resume must be a run folder made by \`pg run\`, \`pg train\` or \`pg dataset\` (it has no run_config.json) (got "${run}")`);
    mkdirSync(join(dir, 'not-a-run'));
    await refused(['evaluate', '--run', join(dir, 'not-a-run')], `--run must be a run folder made by \`pg run\`, \`pg train\` or \`pg dataset\` (it has no run_config.json) (got "${join(dir, 'not-a-run')}")`);
  }, 60_000);
});
