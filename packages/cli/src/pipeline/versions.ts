import { createRequire } from 'node:module';

const PACKAGES = ['@pg/graphs', '@pg/datasets', '@pg/models', '@pg/trainer', '@pg/eval', '@pg/report', '@pg/cli', '@tensorflow/tfjs-core'];

/** The versions a run was made with, for `summary.json` and the report. */
export function versions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const found: Record<string, string> = { node: process.version };
  for (const name of PACKAGES) {
    try {
      found[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      found[name] = 'unknown';
    }
  }
  return found;
}
