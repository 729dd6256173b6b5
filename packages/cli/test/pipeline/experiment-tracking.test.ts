import { describe, expect, it } from '@jest/globals';
import { createDisjointDataset } from '@pg/datasets';
import { createGraphNetwork } from '@pg/models';
import { Trainer } from '@pg/trainer';
import { parseRunConfig } from '../../src/config/resolve-config.js';
import { startTracking, type WandbClient } from '../../src/pipeline/experiment-tracking.js';
import { createLogger } from '../../src/runtime/logger.js';

/** A stand-in for @wandb/sdk's default export, with its API (init, log with an optional step, finish), recording every call. */
function standInClient(options: { initFails?: string } = {}) {
  const calls: Array<[string, ...unknown[]]> = [];
  const client: WandbClient = {
    async init(settings) {
      calls.push(['init', settings]);
      if (options.initFails) throw new Error(options.initFails);
      return { id: 'run-1' };
    },
    log(data, step) {
      calls.push(['log', data, step]);
    },
    async finish(code) {
      calls.push(['finish', code]);
    },
  };
  let loads = 0;
  return { calls, loadClient: async () => (loads++, client), loads: () => loads };
}

const config = (...overrides: string[]) => parseRunConfig('global:\n', { name: 'test' }, ['logging.wandb_enabled=true', 'logging.wandb_tags=[a, b]', ...overrides]);
const logger = () => {
  const lines: string[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(line) }) };
};

describe('W&B tracking', () => {
  it('starts a W&B run, logs every epoch of a real training at its step, then the final metrics, and finishes', async () => {
    const client = standInClient();
    const { lines, log } = logger();
    const tracking = await startTracking(config('logging.wandb_entity=lab'), 'run-20261129', log, { loadClient: client.loadClient, apiKey: 'key' });
    expect(tracking).toBeDefined();
    expect(lines).toEqual([]);
    const [init] = client.calls;
    expect(init).toEqual(['init', expect.objectContaining({ project: 'plastic-graphs', entity: 'lab', name: 'run-20261129', tags: ['a', 'b'] })]);
    expect((init![1] as { config: Record<string, unknown> }).config).toMatchObject({ wandb_enabled: true, seed: 42 });

    const dataset = createDisjointDataset({ numNodes: 6, edgeProb: 0.3, numActions: 8, numGraphs: 6, numSamplesPerGraph: 4, numTimesteps: 8, seed: 1 });
    const model = createGraphNetwork('rnn', { numNodes: 6, numActions: 8, hiddenDim: 4, seed: 1 });
    const trainer = new Trainer(model, dataset.train, { epochs: 2, batchSize: 4, seed: 1, callbacks: tracking!.callbacks });
    const { history } = await trainer.fit();
    trainer.dispose();
    model.dispose();
    expect(client.calls.slice(1)).toEqual(history.map((record) => ['log', { ...record }, record.epoch]));

    await tracking!.finish({ test_accuracy: 0.5, steps_to_recover: null });
    expect(client.calls.slice(-2)).toEqual([
      ['log', { test_accuracy: 0.5, steps_to_recover: null }, undefined],
      ['finish', undefined],
    ]);
  });

  it('does nothing when tracking is off, and warns once, going on without it, when it cannot start', async () => {
    const off = standInClient();
    expect(await startTracking(parseRunConfig('global:\n', { name: 'test' }), 'run', logger().log, { loadClient: off.loadClient, apiKey: 'key' })).toBeUndefined();
    expect(off.loads()).toBe(0);

    const noKey = standInClient();
    const quiet = logger();
    expect(await startTracking(config(), 'run', quiet.log, { loadClient: noKey.loadClient, apiKey: '' })).toBeUndefined();
    expect(noKey.loads()).toBe(0);
    expect(quiet.lines).toEqual(['warn: wandb_enabled is true but WANDB_API_KEY is not set; metrics go to metrics.jsonl only']);

    const refused = logger();
    const failing = standInClient({ initFails: 'invalid API key' });
    expect(await startTracking(config(), 'run', refused.log, { loadClient: failing.loadClient, apiKey: 'key' })).toBeUndefined();
    expect(refused.lines).toEqual(['warn: wandb_enabled is true but W&B could not start (invalid API key); metrics go to metrics.jsonl only']);

    const absent = logger();
    const notInstalled = async () => {
      throw Object.assign(new Error("Cannot find package '@wandb/sdk' imported from /app/cli.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    expect(await startTracking(config(), 'run', absent.log, { loadClient: notInstalled, apiKey: 'key' })).toBeUndefined();
    expect(absent.lines).toEqual(['warn: wandb_enabled is true but the W&B client is not installed (npm install @wandb/sdk); metrics go to metrics.jsonl only']);
  });
});
