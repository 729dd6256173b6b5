import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A published package of the workspace and where its committed API report lives. */
export interface ReportedPackage {
  /** The package folder, e.g. `<root>/packages/graphs`. */
  readonly dir: string;
  /** The committed report, `<dir>/etc/<folder>.api.md`. */
  readonly report: string;
}

/** The packages under `packages/` that are published (not private). */
export function reportedPackages(root: string): ReportedPackage[] {
  return readdirSync(join(root, 'packages'))
    .sort()
    .map((name) => ({ name, dir: join(root, 'packages', name) }))
    .filter(({ dir }) => existsSync(join(dir, 'package.json')) && !(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { private?: boolean }).private)
    .map(({ name, dir }) => ({ dir, report: join(dir, 'etc', `${name}.api.md`) }));
}
