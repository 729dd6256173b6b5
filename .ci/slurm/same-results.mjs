// node same-results.mjs LOCAL SLURM: checks that every run folder of LOCAL has a twin in SLURM,
// both complete, with the same weights (byte for byte), the same metrics.jsonl and summary
// metrics (wall-clock times aside) and the same evaluation.json. Exits 1, naming what differs.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [local, slurm] = process.argv.slice(2);
const runs = readdirSync(local).filter((name) => existsSync(join(local, name, 'summary.json')));
const problems = [];
const read = (dir, file) => readFileSync(join(dir, file));
const withoutTimes = (dir) => ({
  status: JSON.parse(read(dir, 'summary.json')).status,
  metrics: { ...JSON.parse(read(dir, 'summary.json')).metrics, train_seconds: undefined },
  epochs: read(dir, 'metrics.jsonl').toString().trim().split('\n').map((line) => ({ ...JSON.parse(line), seconds: undefined })),
});
if (runs.length === 0) problems.push(`no run folders in ${local}`);
for (const name of runs) {
  const [a, b] = [join(local, name), join(slurm, name)];
  if (!existsSync(join(b, 'summary.json'))) {
    problems.push(`${name}: no run folder in ${slurm}`);
    continue;
  }
  const [left, right] = [withoutTimes(a), withoutTimes(b)];
  if (left.status !== 'complete' || right.status !== 'complete') problems.push(`${name}: status ${left.status} locally, ${right.status} on Slurm`);
  if (!read(a, 'weights.bin').equals(read(b, 'weights.bin'))) problems.push(`${name}: weights.bin differs`);
  if (!read(a, 'evaluation.json').equals(read(b, 'evaluation.json'))) problems.push(`${name}: evaluation.json differs`);
  if (JSON.stringify(left.metrics) !== JSON.stringify(right.metrics)) problems.push(`${name}: summary metrics differ`);
  if (JSON.stringify(left.epochs) !== JSON.stringify(right.epochs)) problems.push(`${name}: metrics.jsonl differs`);
  if (!problems.some((problem) => problem.startsWith(name))) console.log(`same: ${name} (weights.bin ${read(a, 'weights.bin').length} bytes, ${left.epochs.length} epochs)`);
}
for (const problem of problems) console.error(`differs: ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
