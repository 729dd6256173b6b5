import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    await metrics.onTrainStart!({ history: [] } as unknown as Trainer);
    await metrics.onEpochEnd!(record, trainer);
    await metrics.onEpochEnd!({ ...record, epoch: 3 }, trainer);
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([{ event: 'epoch', ...record }, { event: 'epoch', ...record, epoch: 3 }]);
  });

  it('start from exactly the epochs a resumed trainer has: later lines and a cut line are dropped', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pg-metrics-')), 'metrics.jsonl');
    const line = (epoch: number) => `${JSON.stringify({ event: 'epoch', ...record, epoch })}\n`;
    // An interrupted run wrote epochs 1 to 3 and half of 4; its snapshot holds 2 epochs.
    writeFileSync(path, `${line(1)}${line(2)}${line(3)}${line(4).slice(0, 20)}`);
    const metrics = jsonlMetrics(path);
    await metrics.onTrainStart!({ history: [{ ...record, epoch: 1 }, { ...record, epoch: 2 }] } as unknown as Trainer);
    expect(readFileSync(path, 'utf8')).toBe(`${line(1)}${line(2)}`);
    await metrics.onEpochEnd!({ ...record, epoch: 3 }, trainer);
    expect(readFileSync(path, 'utf8')).toBe(`${line(1)}${line(2)}${line(3)}`);
  });
});
