// `pnpm bench` (after `pnpm build`): times every model on the wasm and cpu backends, each case
// in a fresh process, and prints markdown tables. `--backend wasm` limits it to one backend.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REFERENCE = { batchSize: 32, length: 39, numNodes: 50, numActions: 15, hiddenDim: 128 };
const backends = process.argv.includes('--backend') ? [process.argv[process.argv.indexOf('--backend') + 1]] : ['wasm', 'cpu'];

function measure(script, spec) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(spec)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${JSON.stringify(spec)} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const fmt = (value, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const PLASTIC = [
  ['plastic (seed model)', {}],
  ['plastic + decay + gated write', { decay: true, gatedWrite: true }],
  ['plastic + reverse write', { reverseWrite: true }],
];
for (const backend of backends) {
  const repeats = backend === 'wasm' ? 10 : 3;
  console.log(`\n### ${backend}: training step, B ${REFERENCE.batchSize}, L ${REFERENCE.length}, N ${REFERENCE.numNodes}, A ${REFERENCE.numActions}, H ${REFERENCE.hiddenDim}\n`);
  const rows = [];
  for (const [label, config] of PLASTIC) {
    const r = measure('./measure.mjs', { ...REFERENCE, backend, repeats, model: 'plastic', config, compareWith: 'reference' });
    const rss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model: 'plastic', config, mode: 'memory' });
    const referenceRss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model: 'plastic', config: { ...config, implementation: 'reference' }, mode: 'memory' });
    rows.push([label, fmt(r.stepMs), fmt(r.forwardMs), fmt(rss.peakRssMb, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`,
      `${fmt(r.referenceStepMs)} / ${fmt(referenceRss.peakRssMb, 0)} MB`, `${fmt(r.referenceStepMs / r.stepMs)}×`]);
  }
  for (const model of ['rnn', 'gru', 'lstm']) {
    const r = measure('./measure.mjs', { ...REFERENCE, backend, repeats, model, config: {}, compareWith: 'layers' });
    const rss = measure('./measure.mjs', { ...REFERENCE, backend, repeats: 5, model, config: {}, mode: 'memory' });
    rows.push([model, fmt(r.stepMs), fmt(r.forwardMs), fmt(rss.peakRssMb, 0), fmt(r.gflops, 2), `${fmt((100 * r.gflops) / r.matmulGflops)}%`, `tfjs-layers ${fmt(r.layersStepMs)}`, `${fmt(r.layersStepMs / r.stepMs)}×`]);
  }
  console.log(table(['model', 'ms / step (median)', 'forward ms', 'peak RSS MB', 'GFLOP/s', 'of matmul ceiling', 'baseline ms / step', 'speed-up vs baseline'], rows));
}

console.log('\n### Long evaluation: forward only, 2,000 steps in chunks of 200, batch 32 (wasm)\n');
const long = measure('./long-evaluation.mjs', { ...REFERENCE, backend: 'wasm', model: 'plastic', config: {}, steps: 2000, chunk: 200 });
console.log(`${fmt(long.stepsPerSecond, 0)} steps/s (× batch 32); RSS and tensors after each quarter: ${long.checkpoints.map((c) => `${c.steps}: ${fmt(c.rssMb, 0)} MB, ${c.tensors}`).join('; ')}`);
