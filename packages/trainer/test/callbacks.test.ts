import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleProgress } from '../src/console-progress.js';
import { jsonlMetrics } from '../src/jsonl-metrics.js';
import type { Trainer } from '../src/trainer.js';

const record = { epoch: 2, trainLoss: 0.5, trainAccuracy: 0.75, valLoss: 0.6, valAccuracy: 0.7, learningRate: 0.0005, gradNorm: 1.5, seconds: 3.2 };
const trainer = { options: { epochs: 10 } } as unknown as Trainer;

describe('training callbacks', () => {
  it('print one concise line per epoch when not on a terminal', async () => {
    const out: string[] = [];
    const progress = consoleProgress({ interactive: false, write: (text) => out.push(text) });
    await progress.onBatchEnd!({ epoch: 2, batch: 0, numBatches: 4, loss: 0.5 }, trainer);
    await progress.onEpochEnd!(record, trainer);
    expect(out).toEqual(['epoch 2/10  loss 0.5000 acc 75.0%  val loss 0.6000 acc 70.0%  lr 5.00e-4  3.2 s\n']);
  });

  it('append one JSON line per epoch', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pg-metrics-')), 'metrics.jsonl');
    const metrics = jsonlMetrics(path);
    await metrics.onEpochEnd!(record, trainer);
    await metrics.onEpochEnd!({ ...record, epoch: 3 }, trainer);
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([{ event: 'epoch', ...record }, { event: 'epoch', ...record, epoch: 3 }]);
  });
});
