import { describe, expect, it, jest } from '@jest/globals';
import { ConfigError, createLogger, main, readSweepPlan, type RunSummary } from '@pg/cli';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreProgress, saveProgress } from '../src/progress.js';

const tiny = fileURLToPath(new URL('../../../packages/cli/test/fixtures/tiny.yaml', import.meta.url));

/** Runs `pg` in this process (its output kept quiet), calling `onLine` with each log line. */
async function pg(args: string[], onLine: (line: string) => void = () => {}) {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => (lines.push(line), onLine(line)) });
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args, log), lines };
  } finally {
    stdout.mockRestore();
  }
}
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
/** What a run computed: its weights, its epochs and headline numbers without wall-clock times, its evaluation and its files. */
function results(dir: string) {
  const { train_seconds: _seconds, ...metrics } = summaryOf(dir).metrics;
  const epochs = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((line) => ({ ...JSON.parse(line), seconds: undefined }));
  const text = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    status: summaryOf(dir).status,
    weights: readFileSync(join(dir, 'weights.bin')),
    epochs,
    metrics,
    evaluation: text('evaluation.json'),
    checks: text('dataset_checks.json'),
    files: filesUnder(dir),
  };
}

// A catalogue-like sweep of one tiny run, stopped, carried over to a sitting whose run/ is gone, and finished there.
describe('progress carried across sittings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-reproduce-progress-'));
  const sweep = (epochs: number) => {
    const file = join(dir, `catalogue-${epochs}.sweep.yaml`);
    writeFileSync(file, `set:\n  logging.wandb_enabled: false\n  trainer.epochs: ${epochs}\nexperiments:\n  - name: plastic_disjoint_8\n    config: ${tiny}\n    seeds: [1]\n`);
    return file;
  };
  const file = sweep(6);
  const out = join(dir, 'run');
  const plan = readSweepPlan(file, out);
  const run = plan.runs[0]!;
  const progress = join(dir, 'progress');
  const saved = join(progress, run.name);
  const printed: string[] = [];
  const print = (line: string) => void printed.push(line);
  let reference: ReturnType<typeof results>;

  it('runs the sweep uninterrupted, for reference', async () => {
    expect((await pg(['sweep', 'run', file, '--index', '0', '--out', join(dir, 'reference')])).code).toBe(0);
    reference = results(join(dir, 'reference', run.name));
    expect(reference.epochs).toHaveLength(6);
  });

  it('saves a live run in training, and resumes it from the saved copy alone to exactly the uninterrupted run', async () => {
    // Saved while the run trains (holding its lock, between epochs 2 and 3), as before a sitting's end; then stopped.
    const stopped = await pg(['sweep', 'run', file, '--index', '0', '--out', out], (line) => {
      if (!line.startsWith('epoch {"epoch":3,')) return;
      saveProgress(plan.runs, progress, print);
      process.emit('SIGINT');
    });
    expect(stopped.code).toBe(130);
    expect(printed).toEqual([expect.stringMatching(/^plastic_disjoint_8-seed=1: progress saved, 2 of 6 epochs, 5 files, \d+ KiB$/)]);
    const files = filesUnder(saved);
    expect(files).toEqual(['metrics.jsonl', expect.stringMatching(/^resume\/trainer_state-0+2\.bin$/), 'resume/trainer_state.json', 'run_config.json', 'summary.json']);
    const copy = summaryOf(saved);
    expect(copy.status).toBe('interrupted');
    // The dataset stage is done again after the restore: its figures are not carried.
    expect(copy.stages).toMatchObject({ dataset: { status: 'interrupted' }, train: { status: 'interrupted' } });

    rmSync(out, { recursive: true });
    restoreProgress(plan, plan.runs, progress, print);
    expect(printed.at(-1)).toBe('plastic_disjoint_8-seed=1: restored from its saved progress');
    expect(filesUnder(run.dir)).toEqual(files);
    const resumed = await pg(['sweep', file, '--out', out]);
    expect(resumed.code).toBe(0);
    expect(resumed.lines).toContain('[plastic_disjoint_8-seed=1] resuming after epoch 2 of 6');
    expect(results(run.dir)).toEqual(reference);

    saveProgress(plan.runs, progress, print);
    expect(printed.at(-1)).toBe('plastic_disjoint_8-seed=1: complete; its saved progress removed');
    expect(existsSync(saved)).toBe(false);
  });

  it('carries a run stopped after its training with its weights, and finishes it the same', async () => {
    rmSync(out, { recursive: true });
    const stopped = await pg(['sweep', 'run', file, '--index', '0', '--out', out], (line) => {
      if (line.startsWith('training done:')) process.emit('SIGINT');
    });
    expect(stopped.code).toBe(130);
    expect(summaryOf(run.dir).stages.evaluate?.status).toBe('interrupted');
    saveProgress(plan.runs, progress, print);
    expect(filesUnder(saved)).toEqual([
      'figures/training_curves.svg',
      'figures/training_curves.vl.json',
      'metrics.jsonl',
      'model.json',
      'run_config.json',
      'summary.json',
      'trainer_config.json',
      'training_curves.png',
      'weights.bin',
    ]);

    rmSync(out, { recursive: true });
    restoreProgress(plan, plan.runs, progress, print);
    expect((await pg(['sweep', 'run', file, '--index', '0', '--out', out])).code).toBe(0);
    expect(results(run.dir)).toEqual(reference);
  });

  it('keeps a run folder newer than its saved copy, and replaces an older one', async () => {
    mkdirSync(progress, { recursive: true });
    rmSync(saved, { recursive: true, force: true });
    rmSync(out, { recursive: true });
    expect((await pg(['sweep', 'run', file, '--index', '0', '--out', out], (line) => line.startsWith('epoch {"epoch":2,') && process.emit('SIGINT'))).code).toBe(130);
    saveProgress(plan.runs, progress, print);
    const folder = summaryOf(run.dir);
    // The folder goes on (a later summary) after the save: restoring must not take it back.
    writeFileSync(join(run.dir, 'summary.json'), JSON.stringify({ ...folder, updatedAt: '2999-01-01T00:00:00.000Z' }));
    restoreProgress(plan, plan.runs, progress, print);
    expect(summaryOf(run.dir).updatedAt).toBe('2999-01-01T00:00:00.000Z');
    // And an older folder is replaced by the saved copy.
    writeFileSync(join(run.dir, 'summary.json'), JSON.stringify({ ...folder, updatedAt: '2000-01-01T00:00:00.000Z' }));
    restoreProgress(plan, plan.runs, progress, print);
    expect(summaryOf(run.dir).updatedAt).toBe(summaryOf(saved).updatedAt);
  });

  it('refuses, in one line, a saved copy of another config or of no run of the sweep', () => {
    expect(existsSync(saved)).toBe(true);
    rmSync(out, { recursive: true });
    const changed = readSweepPlan(sweep(7), out);
    expect(() => restoreProgress(changed, changed.runs, progress, print)).toThrow(
      new ConfigError(
        join(saved, 'run_config.json'),
        'epochs: 6',
        `the config the sweep gives run ${run.name} (epochs: 7); the sweep changed since it was saved: delete ${saved} to start the run afresh`,
      ),
    );
    expect(existsSync(run.dir)).toBe(false);
    mkdirSync(join(progress, 'gone-seed=1'));
    expect(() => restoreProgress(plan, plan.runs, progress, print)).toThrow(
      `${join(progress, 'gone-seed=1')} must be the saved progress of a run of ${file} (it has no run of that name: delete the folder) (got "gone-seed=1")`,
    );
  });
});
