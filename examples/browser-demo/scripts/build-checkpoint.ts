// Trains the demo's network with the `pg` pipeline (checkpoint.yaml, about 3 minutes on two cores)
// and copies its checkpoint into checkpoint/, where the page and the online-checkpoint example
// load it. Same config, same seed, same backend: the same bytes.
// Run: pnpm --filter @pg-examples/browser-demo checkpoint
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, executeRun } from '@pg/cli';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'pg-demo-checkpoint-'));
const target = join(here, '..', 'checkpoint');
try {
  const source = { kind: 'config', path: join(here, '..', 'checkpoint.yaml'), overrides: [], out } as const;
  const { run } = await executeRun(source, ['train'], createLogger(), 'build-checkpoint');
  mkdirSync(target, { recursive: true });
  for (const file of ['model.json', 'weights.bin']) copyFileSync(run.path(file), join(target, file));
  console.log(`checkpoint written to ${target}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
