import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/errors.js';
import { main } from '../../src/main.js';
import { createLogger } from '../../src/runtime/logger.js';
import { restoreRunProgress, saveRunProgress } from '../../src/sweep/run-progress.js';
import { readSweepPlan } from '../../src/sweep/sweep-plan.js';

const tiny = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));

// The tool that carries a catalogue across sittings (tools/reproduce) tests the round trip to a bit-identical run.
describe('saving and restoring the progress of a sweep run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-progress-'));
  const file = join(dir, 'study.sweep.yaml');
  writeFileSync(file, `config: ${tiny}\nset:\n  logging.wandb_enabled: false\n  trainer.epochs: 2\nseeds: [1]\n`);
  const plan = readSweepPlan(file, join(dir, 'runs'));
  const run = plan.runs[0]!;
  const saved = join(dir, 'saved');

  it('refuses a complete run, which has nothing to resume, and a folder that a live process works on', async () => {
    const stopped = await main(['sweep', 'run', file, '--index', '0', '--out', plan.out], createLogger({ level: 'debug', write: (line) => line.startsWith('epoch {"epoch":1,') && process.emit('SIGINT') }));
    expect(stopped).toBe(130);
    expect(saveRunProgress(run, saved)).toMatchObject({ epochs: 1, files: expect.arrayContaining(['metrics.jsonl', 'resume/trainer_state.json']) });

    // A live process (this one's parent) holds the folder's lock: the saved copy must not replace it.
    writeFileSync(join(run.dir, 'run.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), processStart: null, since: 'now', command: 'pg sweep run' }));
    expect(() => restoreRunProgress(run, saved)).toThrow(new ConfigError(`run folder of ${run.name}`, run.dir, 'a folder no live pg process works on, to be replaced by its saved progress'));

    writeFileSync(join(run.dir, 'run.lock'), '');
    expect(await main(['sweep', 'run', file, '--index', '0', '--out', plan.out], createLogger({ write: () => {} }))).toBe(0);
    expect(JSON.parse(readFileSync(join(run.dir, 'summary.json'), 'utf8')).status).toBe('complete');
    expect(() => saveRunProgress(run, saved)).toThrow(
      new ConfigError(`run folder of ${run.name}`, run.dir, 'an unfinished run (a complete run has nothing to resume: its summary holds its results)'),
    );
  });
});
