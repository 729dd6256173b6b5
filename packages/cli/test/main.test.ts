import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { datasetFromConfig } from '@pg/datasets';
import * as tf from '@tensorflow/tfjs-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../src/exit-codes.js';
import { main } from '../src/main.js';
import { createLogger } from '../src/runtime/logger.js';
import type { RunSummary } from '../src/pipeline/run-summary.js';

const tiny = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED_ARTEFACTS = [
  'model.json',
  'weights.bin',
  'run_config.json',
  'dataset_config.json',
  'trainer_config.json',
  'train_graph.png',
  'test_graph.png',
  'train_action_hist.png',
  'test_action_hist.png',
  'training_curves.png',
  'rolling_accuracy.png',
  'rolling_accuracy_boundaries.png',
  'report.tex',
  'run.log',
];
const OUR_ARTEFACTS = ['metrics.jsonl', 'summary.json', 'report.html', 'evaluation.json', 'dataset_checks.json'];

/** Runs `pg` in-process, capturing the log lines. */
async function pg(args: string[], onLine: (line: string) => void = () => {}) {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => (lines.push(line), onLine(line)) });
  const code = await main(args, log);
  return { code, lines };
}
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
const onlyRun = (out: string) => join(out, readdirSync(out)[0]!);
/** A run's metrics.jsonl without the wall-clock seconds, which no two runs share. */
const epochLines = (dir: string) => readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((line) => ({ ...JSON.parse(line), seconds: undefined }));

// No LaTeX in tests: the PDF is compiled only when an engine is on the PATH, which CI may lack.
const path = process.env.PATH;
beforeAll(() => void (process.env.PATH = '/nonexistent'));
afterAll(() => void (process.env.PATH = path));

describe('pg run', () => {
  it('writes every artefact of a run and a complete summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const { code, lines } = await pg(['run', '--config', tiny, '--out', out]);
    expect(code).toBe(EXIT.ok);
    const dir = onlyRun(out);
    for (const name of [...SEED_ARTEFACTS, ...OUR_ARTEFACTS]) expect(existsSync(join(dir, name))).toBe(true);
    expect(existsSync(join(dir, 'resume'))).toBe(false);
    const summary = summaryOf(dir);
    expect(summary.status).toBe('complete');
    expect(summary.error).toBeNull();
    expect(Object.values(summary.stages).map((stage) => stage.status)).toEqual(['done', 'done', 'done', 'done']);
    for (const key of ['test_accuracy', 'test_undirected_oracle', 'seed_oracle', 'revisit_accuracy', 'first_visit_accuracy', 'long_accuracy', 'long_rolling_average', 'long_rolling_average_directed_oracle', 'long_late_accuracy', 'long_late_undirected_oracle', 'level_before_switch', 'parameters_slow']) {
      expect(typeof summary.metrics[key]).toBe('number');
    }
    expect(summary.metrics.triplet_overlap).toBe(0);
    // A disjoint dataset validates on graphs held out of training and drawn like the test graphs.
    expect([summary.metrics.train_graphs, summary.metrics.validation_graphs, summary.metrics.test_graphs]).toEqual([6, 1, 3]);
    expect(summary.metrics.validation_triplet_overlap).toBe(0);
    expect(summary.metrics.validation_walks).toBe(4);
    expect(summary.versions['@tensorflow/tfjs-core']).toBe('4.22.0');
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Test next-node accuracy');
    expect(html.match(/<figure /g)).toHaveLength(9);
    expect(lines).toContain('warn: wandb_enabled is true but WANDB_API_KEY is not set; metrics go to metrics.jsonl only');
    expect(lines.some((line) => line.startsWith('report.pdf skipped: no LaTeX engine'))).toBe(true);
  }, 90_000);

  it('trains on long walks cut into chunks that carry the fast weights, and tests on the very walks of a run without them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const longWalks = ['dataset.train_num_timesteps=30', 'dataset.train_samples_per_graph=2', 'trainer.tbptt_steps=10', 'trainer.epochs=2'].flatMap((set) => ['--set', set]);
    const { code, lines } = await pg(['run', '--config', tiny, '--out', out, ...longWalks]);
    expect(code).toBe(EXIT.ok);
    const dir = onlyRun(out);
    const readJson = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    expect(summaryOf(dir).status).toBe('complete');
    // 6 training and 1 validation graph walked twice for 30 nodes; 3 test graphs 4 times for 12, as tiny.yaml says.
    expect(lines.some((line) => line.includes('walks of 12 train × 30 nodes, 2 validation × 30 nodes, 12 test × 12 nodes'))).toBe(true);
    expect(readJson('dataset_config.json')).toMatchObject({ numTimesteps: 12, numSamplesPerGraph: 4, trainTimesteps: 30, trainSamplesPerGraph: 2 });
    const checks = readJson('dataset_checks.json');
    expect([checks.fairOracle.train.numSteps, checks.fairOracle.test.numSteps]).toEqual([12 * 29, 12 * 11]);
    expect(readJson('trainer_config.json')).toMatchObject({ tbpttSteps: 10, trainWalks: 12, validationWalks: 2 });
    const { metrics } = summaryOf(dir);
    expect([metrics.train_walks, metrics.validation_walks]).toEqual([12, 2]);
    expect(typeof metrics.test_accuracy).toBe('number');
    expect(readJson('evaluation.json').test.oracle.numSteps).toBe(12 * 11);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/random walks of 30 nodes over 7 graphs[^.]*then tested on walks of 12 nodes over 3 held-out graphs/);

    // The test split is the one of the run without the training sizes, bit for bit.
    const plain = mkdtempSync(join(tmpdir(), 'pg-run-'));
    expect((await pg(['dataset', '--config', tiny, '--out', plain])).code).toBe(EXIT.ok);
    const [long, same] = [dir, onlyRun(plain)].map((folder) => datasetFromConfig(JSON.parse(readFileSync(join(folder, 'dataset_config.json'), 'utf8'))));
    expect(long!.test.nodes).toEqual(same!.test.nodes);
    expect(long!.test.actions).toEqual(same!.test.actions);
    expect(long!.test.graphs.map((graph) => graph.toJSON())).toEqual(same!.test.graphs.map((graph) => graph.toJSON()));
    expect(long!.train.numTimesteps).toBe(30);
    expect(metrics.test_undirected_oracle).toBe(summaryOf(onlyRun(plain)).metrics.test_undirected_oracle);
  }, 90_000);

  it('fails on a bad config before any work, with one line and no run folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const bad = join(out, 'bad.yaml');
    writeFileSync(bad, 'dataset:\n  num_node: 8\n');
    const { code, lines } = await pg(['run', '--config', bad, '--out', join(out, 'runs')]);
    expect(code).toBe(EXIT.badInput);
    expect(lines).toEqual(['error: dataset.num_node must be a known key: did you mean dataset.num_nodes? (got 8)']);
    expect(existsSync(join(out, 'runs'))).toBe(false);
    expect((await pg(['run', '--config', join(out, 'missing.yaml')])).lines[0]).toMatch(/^error: --config must be a readable YAML file \(ENOENT\)/);
    expect((await pg(['run', '--config', tiny, '--set', 'trainer.lr=fast'])).lines).toEqual([
      'error: --set trainer.lr must be a number > 0 (got "fast")',
    ]);
  });

  it('stops before any work, with one line and no run folder, when the backend cannot load', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    // Neither native package can be installed here: tfjs-node is missing, as on a machine without it.
    const { code, lines } = await pg(['run', '--config', tiny, '--out', join(out, 'runs'), '--backend', 'tfjs-node']);
    expect(code).toBe(EXIT.badInput);
    expect(lines).toEqual([
      'error: backend must be a backend whose package is installed: "tfjs-node" needs @tensorflow/tfjs-node (npm install @tensorflow/tfjs-node), or use "wasm" (got "tfjs-node")',
    ]);
    expect(existsSync(join(out, 'runs'))).toBe(false);
  });

  it('marks a run failed, with its error, when the parameters are impossible', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const { code, lines } = await pg(['run', '--config', tiny, '--out', out, '--set', 'dataset.edge_prob=1', '--set', 'dataset.num_actions=4']);
    expect(code).toBe(EXIT.badInput);
    expect(lines[lines.length - 1]).toBe(
      'error: dataset.k_train must be at least the largest node degree of the train graphs, but every connected draw of 10000 had a node of degree 5 or more (3 too many); ' +
        'k_train defaults to floor(num_actions / 2): raise dataset.num_actions, or lower dataset.edge_prob (got 2)',
    );
    const summary = summaryOf(onlyRun(out));
    expect(summary.status).toBe('failed');
    expect(summary.error?.stage).toBe('dataset');
    expect(summary.stages.dataset?.status).toBe('failed');
  });

  it('leaves a resumable run on Ctrl-C, which resumes to exactly the uninterrupted run', async () => {
    // Enough Adam steps for a restored optimizer that drifts in its last bits to change the weights.
    const epochs = ['--set', 'trainer.epochs=8'];
    const whole = mkdtempSync(join(tmpdir(), 'pg-run-'));
    expect((await pg(['run', '--config', tiny, '--out', whole, ...epochs])).code).toBe(EXIT.ok);

    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const interrupted = await pg(['run', '--config', tiny, '--out', out, ...epochs], (line) => {
      if (line.startsWith('epoch {"epoch":3,')) process.emit('SIGINT');
    });
    expect(interrupted.code).toBe(EXIT.interrupted);
    const dir = onlyRun(out);
    expect(summaryOf(dir).status).toBe('interrupted');
    expect(summaryOf(dir).stages.train?.status).toBe('interrupted');
    expect(existsSync(join(dir, 'resume', 'trainer_state.json'))).toBe(true);
    expect(existsSync(join(dir, 'model.json'))).toBe(false);

    const resumed = await pg(['run', '--resume', dir]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.lines).toContain('resuming after epoch 3 of 8');
    expect(summaryOf(dir).status).toBe('complete');
    expect(existsSync(join(dir, 'resume'))).toBe(false);
    const reference = onlyRun(whole);
    expect(readFileSync(join(dir, 'weights.bin'))).toEqual(readFileSync(join(reference, 'weights.bin')));
    expect(epochLines(dir)).toEqual(epochLines(reference));
    expect(summaryOf(dir).metrics.best_epoch).toBe(summaryOf(reference).metrics.best_epoch);
    expect(readFileSync(join(dir, 'evaluation.json'), 'utf8')).toBe(readFileSync(join(reference, 'evaluation.json'), 'utf8'));
  }, 120_000);

  it('holds no more tensors after each epoch than after the one before (snapshots and metrics included)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const counts: number[] = [];
    const { code } = await pg(['train', '--config', tiny, '--out', out, '--set', 'trainer.epochs=6'], (line) => {
      if (line.startsWith('epoch {')) counts.push(tf.memory().numTensors);
    });
    expect(code).toBe(EXIT.ok);
    expect(counts).toHaveLength(6);
    // The first epoch creates Adam's moments and the kept best weights; nothing grows after it.
    expect(new Set(counts.slice(1)).size).toBe(1);
  }, 60_000);

  it('lets one process work on a run folder: a second is refused while the first lives, and takes over once it is killed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const child = spawn(process.execPath, [bin, 'train', '--config', tiny, '--out', out, '--set', 'trainer.epochs=40'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const snapshot = () => readdirSync(out).some((id) => existsSync(join(out, id, 'resume', 'trainer_state.json')));
    while (!snapshot()) await new Promise((resolve) => setTimeout(resolve, 20));
    const dir = onlyRun(out);
    for (const args of [['run', '--resume', dir], ['evaluate', '--run', dir], ['report', '--run', dir]]) {
      const refused = await pg(args);
      expect(refused.code).toBe(EXIT.badInput);
      expect(refused.lines).toEqual([
        expect.stringMatching(new RegExp(`^error: ${dir} must be a run folder no other pg process works on: process ${child.pid} on \\S+ has held its run.lock since \\S+ \\(pg train --config .*\\); wait for it to end or stop it \\(got "locked"\\)$`)),
      ]);
    }
    child.kill('SIGKILL');
    await exited;
    expect(summaryOf(dir).status).toBe('running'); // what the killed process left; the lock tells it is gone
    const resumed = await pg(['run', '--resume', dir]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(epochLines(dir).map((line) => line.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  }, 120_000);

  it('refuses to resume a run whose resume/ snapshot was deleted, rather than append its epochs again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const interrupted = await pg(['run', '--config', tiny, '--out', out], (line) => {
      if (line.startsWith('epoch {"epoch":2,')) process.emit('SIGINT');
    });
    expect(interrupted.code).toBe(EXIT.interrupted);
    const dir = onlyRun(out);
    rmSync(join(dir, 'resume'), { recursive: true });
    const metrics = readFileSync(join(dir, 'metrics.jsonl'), 'utf8');
    const refused = await pg(['run', '--resume', dir]);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.lines.at(-1)).toBe(
      `error: ${join(dir, 'resume', 'trainer_state.json')} must be the trainer snapshot of the epochs that metrics.jsonl records (2 lines), ` +
        `without which the run cannot continue; start it afresh with: pg run --config ${join(dir, 'run_config.json')} (got "missing")`,
    );
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8')).toBe(metrics);
    const again = await pg(['run', '--config', join(dir, 'run_config.json'), '--out', out]);
    expect(again.code).toBe(EXIT.ok);
  }, 120_000);

  it('evaluates and reports an existing run folder, and evaluates a complete run again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    expect((await pg(['train', '--config', tiny, '--out', out])).code).toBe(EXIT.ok);
    const dir = onlyRun(out);
    expect(summaryOf(dir).stages.evaluate).toBeUndefined();
    expect((await pg(['evaluate', '--run', dir])).code).toBe(EXIT.ok);
    expect(typeof summaryOf(dir).metrics.test_accuracy).toBe('number');
    expect((await pg(['report', '--run', dir])).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(summaryOf(dir).status).toBe('complete');

    const evaluation = readFileSync(join(dir, 'evaluation.json'), 'utf8');
    rmSync(join(dir, 'evaluation.json'));
    const again = await pg(['evaluate', '--run', dir]);
    expect(again.code).toBe(EXIT.ok);
    expect(again.lines.some((line) => line.startsWith('test accuracy '))).toBe(true);
    expect(readFileSync(join(dir, 'evaluation.json'), 'utf8')).toBe(evaluation);

    const missing = await pg(['evaluate', '--run', out]);
    expect(missing.code).toBe(EXIT.badInput);
  }, 90_000);

  it('refuses to evaluate a checkpoint that is garbage or not finite, in one line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    expect((await pg(['train', '--config', tiny, '--out', out, '--set', 'trainer.epochs=1'])).code).toBe(EXIT.ok);
    const dir = onlyRun(out);
    const manifest = readFileSync(join(dir, 'model.json'), 'utf8');
    writeFileSync(join(dir, 'model.json'), '\u0000\u0001garbage');
    const garbage = await pg(['evaluate', '--run', dir]);
    expect(garbage.code).toBe(EXIT.badInput);
    expect(garbage.lines.at(-1)).toBe(`error: model.json must be valid JSON (got "${join(dir, 'model.json')}")`);
    writeFileSync(join(dir, 'model.json'), '{"format": "something else"}');
    expect((await pg(['evaluate', '--run', dir])).lines.at(-1)).toBe(`error: ${join(dir, 'model.json')} format must be "pg-model-checkpoint" (got "something else")`);

    writeFileSync(join(dir, 'model.json'), manifest);
    const weights = readFileSync(join(dir, 'weights.bin'));
    new Float32Array(weights.buffer, weights.byteOffset, 1)[0] = NaN;
    writeFileSync(join(dir, 'weights.bin'), weights);
    const notFinite = await pg(['evaluate', '--run', dir]);
    expect(notFinite.code).toBe(EXIT.badInput);
    expect(notFinite.lines.at(-1)).toMatch(new RegExp(`^error: ${join(dir, 'weights.bin')} must be finite weights \\(got "NaN or infinite values in \\S+"\\)$`));
    expect(existsSync(join(dir, 'evaluation.json'))).toBe(false);
  }, 90_000);

  it('ends a run whose training diverges as diverged: exit 3, the epoch named, never evaluated', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const { code, lines } = await pg(['run', '--config', tiny, '--out', out, '--set', 'trainer.lr=1e30']);
    expect(code).toBe(EXIT.diverged);
    const dir = onlyRun(out);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^error: training diverged in epoch 1(, batch \\d+)?: the .+; try a lower trainer.lr \\(it is 1e\\+30\\) or set trainer.grad_clip \\(run folder ${dir}\\)$`),
    );
    const summary = summaryOf(dir);
    expect(summary.status).toBe('diverged');
    expect(summary.stages.train?.status).toBe('diverged');
    expect(summary.error).toEqual({ stage: 'train', message: expect.stringMatching(/^training diverged in epoch 1/) });
    expect(summary.metrics.test_accuracy).toBeUndefined();
    for (const file of ['model.json', 'evaluation.json', 'report.html', 'run.lock']) expect(existsSync(join(dir, file))).toBe(false);
    const evaluate = await pg(['evaluate', '--run', dir]);
    expect(evaluate.code).toBe(EXIT.badInput);
    expect(evaluate.lines.at(-1)).toBe(`error: --run must be a run whose training finished (its train stage is diverged; it diverged: there is nothing to evaluate) (got "${dir}")`);
    const resume = await pg(['run', '--resume', dir]);
    expect(resume.code).toBe(EXIT.badInput);
    expect(resume.lines.at(-1)).toMatch(/^error: --resume must be a run that can continue: it diverged \(training diverged in epoch 1.*\), and would again; start a new run with other settings \(got ".*"\)$/);
    expect(summaryOf(dir).status).toBe('diverged');
  }, 90_000);

  it('keeps the status and error of a failed or interrupted run when reporting it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    await pg(['run', '--config', tiny, '--out', out, '--set', 'dataset.edge_prob=1', '--set', 'dataset.num_actions=4']);
    const failed = onlyRun(out);
    const before = summaryOf(failed);
    expect((await pg(['report', '--run', failed])).code).toBe(EXIT.ok);
    expect(summaryOf(failed)).toMatchObject({ status: 'failed', error: before.error });
    expect(summaryOf(failed).stages.report?.status).toBe('done');
    expect(readFileSync(join(failed, 'report.html'), 'utf8')).toContain('The run failed in its dataset stage');

    const runs = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const stopped = await pg(['run', '--config', tiny, '--out', runs], (line) => {
      if (line.startsWith('epoch {"epoch":1,')) process.emit('SIGTERM');
    });
    expect(stopped.code).toBe(EXIT.interrupted);
    const interrupted = onlyRun(runs);
    expect(summaryOf(interrupted)).toMatchObject({ status: 'interrupted', error: null });
    const reported = await pg(['report', '--run', interrupted]);
    expect(reported.code).toBe(EXIT.ok);
    expect(reported.lines).toContain(`warn: the run is interrupted (see ${join(interrupted, 'summary.json')})`);
    expect(summaryOf(interrupted).status).toBe('interrupted');
    expect(summaryOf(interrupted).stages.train?.status).toBe('interrupted');
    expect((await pg(['run', '--resume', interrupted])).code).toBe(EXIT.ok);
    expect(summaryOf(interrupted).status).toBe('complete');
  }, 90_000);
});

describe('pg dataset and pg compare', () => {
  it('build a dataset report, and compare runs side by side', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-run-'));
    expect((await pg(['dataset', '--config', tiny, '--out', out])).code).toBe(EXIT.ok);
    const dir = onlyRun(out);
    expect(existsSync(join(dir, 'train_action_hist.png'))).toBe(true);
    expect(existsSync(join(dir, 'model.json'))).toBe(false);
    expect(summaryOf(dir).status).toBe('complete');

    const runs = mkdtempSync(join(tmpdir(), 'pg-runs-'));
    for (const type of ['plastic', 'rnn']) {
      await pg(['run', '--config', tiny, '--out', runs, '--name', type, '--set', `global.network_type=${type}`, '--set', 'trainer.epochs=1']);
    }
    const compared = mkdtempSync(join(tmpdir(), 'pg-compare-'));
    const [a, b] = readdirSync(runs).map((name) => join(runs, name));
    // What a killed process leaves: `running`, with no live holder of the lock.
    writeFileSync(join(b!, 'summary.json'), JSON.stringify({ ...summaryOf(b!), status: 'running' }));
    expect((await pg(['compare', a!, b!, '--out', compared])).code).toBe(EXIT.ok);
    const html = readFileSync(join(onlyRun(compared), 'comparison.html'), 'utf8');
    expect(html).toContain('<th>run</th>');
    expect(html).toMatch(/<td>plastic<\/td>[\s\S]*<td>rnn<\/td>/);
    expect(html).toMatch(/status<\/code><\/td><td>complete<\/td>[\s\S]*status<\/code><\/td><td>interrupted<\/td>/);
    // The table also as CSV (one row per run) and Markdown, beside the report.
    const csv = readFileSync(join(onlyRun(compared), 'comparison.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toMatch(/^run,Test next-node accuracy,/);
    expect(csv.slice(1).map((row) => row.split(',')[0])).toEqual(['plastic', 'rnn']);
    expect(csv[1]).toMatch(/^plastic,\d+\.\d%,/);
    const markdown = readFileSync(join(onlyRun(compared), 'comparison.md'), 'utf8');
    expect(markdown).toMatch(/^## Runs compared\n\n\| run \| Test next-node accuracy \|[^\n]*\n\| --- \|/);
    expect(markdown).toMatch(/\n\| plastic \| [\d.]+% \|[^\n]*\n\| rnn \| /);
    expect((await pg(['compare', a!])).code).toBe(EXIT.badInput);
  }, 120_000);
});
