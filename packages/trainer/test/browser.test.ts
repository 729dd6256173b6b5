import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

// The trainer bundled as a web page would have it, run where Node's globals and modules do not
// exist: a top-level import of node:fs, a call to setImmediate or a write to process.stderr fails here.
const page = `
  import '@tensorflow/tfjs-backend-cpu';
  import { createDisjointDataset } from '@pg/datasets';
  import { PlasticGraphNetwork } from '@pg/models';
  import { consoleProgress, Trainer } from '../src/index.ts';

  export async function train() {
    const dataset = createDisjointDataset({ numNodes: 6, edgeProb: 0.3, numActions: 8, numGraphs: 6, numSamplesPerGraph: 4, numTimesteps: 8, seed: 1 });
    const model = new PlasticGraphNetwork({ numNodes: 6, numActions: 8, hiddenDim: 8, seed: 1 });
    const trainer = new Trainer(model, dataset.train, { epochs: 2, batchSize: 4, seed: 1, callbacks: consoleProgress() });
    return (await trainer.fit()).history.map((record) => record.trainLoss);
  }
`;

describe('the trainer in a browser', () => {
  it('bundles for the browser and trains with no Node global or module', async () => {
    const bundle = await build({
      stdin: { contents: page, resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'iife',
      globalName: 'page',
      platform: 'browser',
      // Node's modules may only be loaded lazily, by code a page never calls (a static import would fail at load).
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      // Every module whole (no tree shaking, sideEffects ignored), as a page loading the modules unbundled sees them.
      treeShaking: false,
      ignoreAnnotations: true,
      write: false,
      logLevel: 'silent',
    });
    const lines: string[] = [];
    const browser = {
      console: { log: (text: string) => lines.push(text), warn: () => undefined, error: (text: string) => lines.push(text) },
      setTimeout,
      clearTimeout,
      performance,
      TextEncoder,
      TextDecoder,
      navigator: { userAgent: 'test', hardwareConcurrency: 1 },
      document: {},
    };
    const context = Object.assign(browser, { window: browser, self: browser });
    const { page: loaded } = runInNewContext(`${bundle.outputFiles[0]!.text}; ({ page })`, context) as { page: { train: () => Promise<number[]> } };
    const losses = await loaded.train();
    expect(losses).toHaveLength(2);
    expect(losses.every((loss) => Number.isFinite(loss))).toBe(true);
    expect(lines.filter((line) => line.startsWith('epoch '))).toHaveLength(2);
  });
});
