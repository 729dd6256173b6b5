import { describe, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReport } from '../src/api-report.js';
import { reportedPackages } from '../src/packages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The lines each text has that the other lacks, marked `-` (committed) and `+` (built). */
function changedLines(committed: string, built: string): string {
  const before = committed.split('\n');
  const after = built.split('\n');
  return [...before.filter((line) => !after.includes(line)).map((line) => `- ${line}`), ...after.filter((line) => !before.includes(line)).map((line) => `+ ${line}`)].join('\n');
}

describe('the committed API reports', () => {
  it.each(reportedPackages(root).map((entry) => [relative(root, entry.report), entry] as const))('%s matches the built package', (name, { dir, report }) => {
    const committed = existsSync(report) ? readFileSync(report, 'utf8') : '';
    const built = apiReport(dir);
    if (committed !== built) {
      throw new Error(`${name} differs from the built package. If the change of the public surface is meant, run pnpm api-report and commit the report.\n${changedLines(committed, built)}`);
    }
  });
});
