// `pnpm bench` (after `pnpm build`): times every model on the wasm and cpu backends, each case
// in a fresh process, and prints markdown tables: the reference setting, the original's 8-node
// setting in walk-passes per second, the original's PyTorch code side by side (when Debian's
// python3-torch is installed), long walks at H 256, and a long evaluation.
// `--backend wasm` limits the first table to one backend; `--quick` skips the cpu backend and the peer;
// `--only <models>` (comma-separated: plastic, rnn, gru, lstm) keeps the first two tables' rows of
// those models and skips the rest, to re-measure a few rows beside one another.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REFERENCE = { batchSize: 32, length: 39, numNodes: 50, numActions: 15, hiddenDim: 128 };
/** The original's 8-node runs: batch 32, walks of 100 nodes (99 steps), 8 nodes, 10 actions. */
const ORIGINAL_8 = { batchSize: 32, length: 99, numNodes: 8, numActions: 10, hiddenDim: 128 };
const LONG_MEMORY = { batchSize: 32, length: 500, numNodes: 50, numActions: 15, hiddenDim: 256 };
const argument = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const quick = process.argv.includes('--quick');
const backends = argument('--backend') ? [argument('--backend')] : quick ? ['wasm'] : ['wasm', 'cpu'];
const only = argument('--only')?.split(',');
const measured = (model) => only === undefined || only.includes(model);
const PEER = fileURLToPath(new URL('../../../../shared/peer-bench/bench.py', import.meta.url));

function measure(script, spec) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(spec)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${JSON.stringify(spec)} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const fmt = (value, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const PLASTIC = [
  ['plastic (seed model)', {}, undefined],
  ['plastic (seed model), kernel on 1 thread', {}, 1],
  ['plastic + decay + gated write', { decay: true, gatedWrite: true }, undefined],
  ['plastic + reverse write', { reverseWrite: true }, undefined],
];
for (const backend of backends) {
  const repeats = backend === 'wasm' ? 10 : 3;
  console.log(`\n### ${backend}: training step, B ${REFERENCE.batchSize}, L ${REFERENCE.length}, N ${REFERENCE.numNodes}, A ${REFERENCE.numActions}, H ${REFERENCE.hiddenDim}\n`);
  const rows = [];
  for (const [label, config, threads] of measured('plastic') ? PLASTIC : []) {
    const r = measure('./measure.mjs', { ...REFERENCE, backend, repeats, threads, model: 'plastic', config, compareWith: 'reference' });
    const rss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, threads, model: 'plastic', config, mode: 'memory' });
    const referenceRss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model: 'plastic', config, implementation: 'reference', mode: 'memory' });
    rows.push([label, fmt(r.stepMs), fmt(r.forwardMs), fmt(rss.peakRssMb, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`,
      `${fmt(r.referenceStepMs)} / ${fmt(referenceRss.peakRssMb, 0)} MB`, `${fmt(r.referenceStepMs / r.stepMs)}×`]);
  }
  for (const model of ['rnn', 'gru', 'lstm'].filter(measured)) {
    const r = measure('./measure.mjs', { ...REFERENCE, backend, repeats, model, config: {}, compareWith: 'layers' });
    const rss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model, config: {}, mode: 'memory' });
    rows.push([model, fmt(r.stepMs), fmt(r.forwardMs), fmt(rss.peakRssMb, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`, `tfjs-layers ${fmt(r.layersStepMs)}`, `${fmt(r.layersStepMs / r.stepMs)}×`]);
  }
  // The RNN, GRU and LSTM kernels on one thread against the step-by-step recurrences they replace.
  for (const model of ['rnn', 'gru', 'lstm'].filter(measured)) {
    const r = measure('./measure.mjs', { ...REFERENCE, backend, repeats, threads: 1, model, config: {}, compareWith: 'reference' });
    const rss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, threads: 1, model, config: {}, mode: 'memory' });
    const referenceRss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model, config: {}, implementation: 'reference', mode: 'memory' });
    rows.push([`${model}, kernel on 1 thread`, fmt(r.stepMs), fmt(r.forwardMs), fmt(rss.peakRssMb, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`,
      `step-by-step ${fmt(r.referenceStepMs)} / ${fmt(referenceRss.peakRssMb, 0)} MB`, `${fmt(r.referenceStepMs / r.stepMs)}×`]);
  }
  console.log(table(['model', 'ms / step (median)', 'forward ms', 'peak RSS MB', 'GFLOP/s', 'of matmul ceiling', 'baseline: ms / step, peak RSS', 'speed-up vs baseline'], rows));
}

console.log(`\n### wasm: the original's 8-node setting, B ${ORIGINAL_8.batchSize}, walks of ${ORIGINAL_8.length + 1} nodes, N ${ORIGINAL_8.numNodes}, A ${ORIGINAL_8.numActions}, H ${ORIGINAL_8.hiddenDim}\n`);
const original = [];
for (const [label, model, config, threads] of [['plastic (seed model)', 'plastic', {}, undefined], ['plastic, kernel on 1 thread', 'plastic', {}, 1], ['rnn', 'rnn', {}], ['rnn, kernel on 1 thread', 'rnn', {}, 1], ['gru', 'gru', {}], ['gru, kernel on 1 thread', 'gru', {}, 1], ['lstm', 'lstm', {}], ['lstm, kernel on 1 thread', 'lstm', {}, 1]].filter(([, model]) => measured(model))) {
  const r = measure('./measure.mjs', { ...ORIGINAL_8, backend: 'wasm', repeats: 10, threads, model, config });
  original.push([label, fmt(r.stepMs), fmt(r.forwardMs), fmt(r.walkPassesPerSecond, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`]);
}
console.log(table(['model', 'ms / step (median)', 'forward ms', 'walk-passes / s', 'GFLOP/s', 'of matmul ceiling'], original));

// `--only` re-measures rows of the tables above and nothing below (ending the script with
// process.exit here could cut off output still buffered for a pipe).
const rest = only === undefined;

if (!quick && rest) {
  const python = '/usr/bin/python3';
  const torch = existsSync(python) && spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
  if (!torch || !existsSync(PEER)) {
    console.log(`\n(The original's PyTorch code is not compared: it needs ${PEER} and Debian's python3-torch.)`);
  } else {
    console.log('\n### The original PyTorch code side by side (same machine, same settings, in turn)\n');
    const peerRows = [];
    for (const [settingLabel, setting, spec] of [['reference', 'ref', REFERENCE], ['8-node', 'orig8', ORIGINAL_8]]) {
      for (const model of ['plastic', 'rnn']) {
        for (const threads of [1, 2]) {
          const run = spawnSync(python, [PEER, String(threads), model, '10', setting], { encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`peer bench failed:\n${run.stderr}`);
          const line = run.stdout.trim().split('\n').pop();
          const [, version, median, min] = line.match(/^torch (\S+) .* step median ([\d.]+) ms \(min ([\d.]+)\)/);
          const ours = measure('./measure.mjs', { ...spec, backend: 'wasm', repeats: 10, threads, model, config: {} });
          peerRows.push([`${model}, ${settingLabel}`, `torch ${version}, ${threads} thread${threads > 1 ? 's' : ''}`, median, min, fmt(ours.stepMs), `${fmt(Number(min) / ours.stepMs)}×`, `${fmt(Number(median) / ours.stepMs)}×`]);
        }
      }
    }
    console.log(table(['model, setting', 'peer', 'peer ms / step (median)', 'peer fastest', 'ours ms / step (median)', 'ours vs peer fastest', 'ours vs peer median'], peerRows));
    console.log('\nOur plastic and RNN kernels use as many threads as the peer row (the tfjs ops around them use one).');
  }
}

if (rest) {
  console.log(`\n### wasm: long walks, B ${LONG_MEMORY.batchSize}, L ${LONG_MEMORY.length}, H ${LONG_MEMORY.hiddenDim}\n`);
  const longStep = measure('./measure.mjs', { ...LONG_MEMORY, backend: 'wasm', repeats: 2, model: 'plastic', config: {}, mode: 'memory' });
  const longTime = measure('./measure.mjs', { ...LONG_MEMORY, backend: 'wasm', repeats: 2, model: 'plastic', config: {} });
  console.log(`plastic: ${fmt(longTime.stepMs, 0)} ms per training step, peak RSS ${fmt(longStep.peakRssMb, 0)} MB`);

  console.log('\n### Long evaluation: forward only, 2,000 steps in chunks of 200, batch 32 (wasm)\n');
  const long = measure('./long-evaluation.mjs', { ...REFERENCE, backend: 'wasm', model: 'plastic', config: {}, steps: 2000, chunk: 200 });
  console.log(`${fmt(long.stepsPerSecond, 0)} steps/s (× batch 32); RSS and tensors after each quarter: ${long.checkpoints.map((c) => `${c.steps}: ${fmt(c.rssMb, 0)} MB, ${c.tensors}`).join('; ')}`);
}
