import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunHalted, SummaryWriter, type RunSummary } from '../../src/pipeline/run-summary.js';
import { createRunFolderAt } from '../../src/runtime/run-folder.js';

const fields = { name: 'run', command: 'pg run', backend: 'cpu', versions: {} };

describe('SummaryWriter', () => {
  it("keeps a stage's error while other stages run, and drops it when that stage runs again", async () => {
    const run = createRunFolderAt(join(mkdtempSync(join(tmpdir(), 'pg-summary-')), 'run'));
    const failed: RunSummary = {
      ...SummaryWriter.initial('run', fields),
      status: 'failed',
      error: { stage: 'train', message: 'options.earlyStoppingPatience must be null without validation walks' },
      stages: { dataset: { status: 'done', seconds: 1 }, train: { status: 'failed', seconds: 1 } },
    };
    // `pg report` on the failed run: the training error still says why the run failed.
    const report = new SummaryWriter(run, fields, failed);
    await report.stage('report', async () => undefined);
    expect(report.finish()).toBe('failed');
    // Resumed, training runs again and is interrupted: the run is interrupted (resumable), its old error gone.
    const resumed = new SummaryWriter(run, fields, SummaryWriter.read(run));
    await expect(
      resumed.stage('train', async () => {
        throw new RunHalted('interrupted', 'stopped by SIGINT');
      }),
    ).rejects.toThrow('stopped by SIGINT');
    expect(resumed.finish()).toBe('interrupted');
    expect(SummaryWriter.read(run)).toMatchObject({ status: 'interrupted', error: null });
  });
});
