// Writes the API report of every published package (packages/<name>/etc/<name>.api.md) from its
// build. Run: pnpm api-report (from the repository root; it builds the packages first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReport } from './api-report.js';
import { reportedPackages } from './packages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
for (const { dir, report } of reportedPackages(root)) {
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, apiReport(dir));
  console.log(`api-report: ${relative(root, report)}`);
}
