// The consumer test: packs every publishable package as `pnpm publish` would (workspace and catalog
// versions resolved), installs the tarballs into a fresh npm project outside the workspace, and from
// ESM and from CommonJS builds a dataset, trains a few steps, and saves and loads a checkpoint.
// Also runs the installed `pg` command. Run: pnpm test:consumer (after pnpm build).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The tfjs-core the consumer brings, as the packages' peer dependency asks. */
const TFJS = ['@tensorflow/tfjs-core@4.22.0', '@tensorflow/tfjs-backend-cpu@4.22.0'];

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const project = mkdtempSync(join(tmpdir(), 'pg-consumer-'));
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

try {
  const tarballs = join(project, 'tarballs');
  run('npx', ['-y', 'pnpm@10.34.8', '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], { cwd: root });
  // A `./` path, or npm would read `tarballs/x.tgz` as a GitHub repository.
  const packed = readdirSync(tarballs).map((file) => `./tarballs/${file}`);
  console.log(`consumer: packed ${packed.length} packages (${seconds()})`);

  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pg-consumer', private: true }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packed, ...TFJS], { cwd: project });
  // Every @pg dependency between the packages must resolve to a tarball, never to the registry.
  for (const name of readdirSync(join(project, 'node_modules', '@pg'))) {
    if (existsSync(join(project, 'node_modules', '@pg', name, 'node_modules', '@pg'))) throw new Error(`@pg/${name} installed its own copy of a @pg package`);
  }
  console.log(`consumer: installed into ${project} (${seconds()})`);

  cpSync(join(here, '..', 'fixture'), project, { recursive: true });
  for (const script of ['esm.mjs', 'cjs.cjs']) process.stdout.write(run('node', [script], { cwd: project }));
  const help = run('npx', ['--no-install', 'pg', '--help'], { cwd: project });
  if (!help.includes('Usage: pg')) throw new Error(`pg --help printed:\n${help}`);
  console.log(`consumer: the installed pg command runs; passed in ${seconds()}`);
} finally {
  rmSync(project, { recursive: true, force: true });
}

/** Runs a command, returning its output; throws with its output if it fails. */
function run(command: string, args: string[], options: SpawnSyncOptions): string {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}
