// Builds the documentation site into docs/site/: regenerates the configuration reference from
// CONFIG_KEYS, then runs typedoc over every package with the hand-written pages. Any typedoc
// warning fails the build. Run: pnpm run docs (from the repository root; turbo builds the packages first).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, TSConfigReader, TypeDocReader } from 'typedoc';
import { documentConfigKeys } from './config-key-comments.js';
import { configReference } from './config-reference.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The guides in the order the site lists them (file names in guides/). */
const GUIDES = [
  'getting-started',
  'concepts',
  'plastic-layer',
  'cli',
  'configuration',
  'backends',
  'browser-demo',
  'reproducing',
  'running-many-experiments',
  'releasing',
];

/**
 * Pages written elsewhere (`pnpm reproduce` writes results.md; performance.md comes with the
 * benchmarks). Each is included when it exists, otherwise a short stand-in from pending/ that
 * says where its numbers come from. Guides name these pages rather than link to them, so the site
 * has no dead link either way.
 */
const OPTIONAL_PAGES = ['results', 'performance'];

const started = performance.now();
process.chdir(docs);
writeIfChanged(join(docs, 'guides', 'configuration.md'), configReference());

const unlisted = readdirSync(join(docs, 'guides')).filter((file) => file.endsWith('.md') && !GUIDES.includes(file.slice(0, -3)));
if (unlisted.length > 0) fail(`guides not listed in GUIDES of scripts/build-docs.ts: ${unlisted.join(', ')}`);

const optionalPages = OPTIONAL_PAGES.map((page) => (existsSync(join(docs, `${page}.md`)) ? `${page}.md` : join('pending', `${page}.md`)));

const app = await Application.bootstrapWithPlugins(
  {
    readme: 'index.md',
    projectDocuments: [...GUIDES.map((guide) => join('guides', `${guide}.md`)), ...optionalPages],
  },
  [new TypeDocReader(), new TSConfigReader()],
);
documentConfigKeys(app);
const project = await app.convert();
if (!project) fail('typedoc could not convert the packages');
app.validate(project);
failOnWarnings(app);
await app.generateOutputs(project);
failOnWarnings(app);
console.log(`docs: site/index.html written in ${((performance.now() - started) / 1000).toFixed(1)} s, no warnings`);

function writeIfChanged(path: string, text: string): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

function failOnWarnings(app: Application): void {
  const { errorCount, warningCount } = app.logger;
  if (errorCount > 0 || warningCount > 0) fail(`typedoc reported ${errorCount} errors and ${warningCount} warnings`);
}

function fail(message: string): never {
  console.error(`docs: ${message}`);
  process.exit(1);
}
