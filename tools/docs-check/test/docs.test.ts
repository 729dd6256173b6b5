import { describe, expect, it } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDocs, findDocuments, runDoc } from '../src/check-docs.js';
import { CHECKED_LANGUAGES } from '../src/doc-program.js';
import { codeBlocks } from '../src/markdown-blocks.js';
import { readFileSync } from 'node:fs';

// Every TypeScript block of the READMEs and guides, compiled against the built packages and run.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const documents = findDocuments(root).filter((doc) => codeBlocks(readFileSync(join(root, doc), 'utf8')).some((block) => CHECKED_LANGUAGES.has(block.lang)));
const compiled = compileDocs(root, documents, join(here, '..', '.cache', 'docs'));

describe('the TypeScript of the docs', () => {
  it('covers the package READMEs and the guides', () => {
    expect(documents).toEqual(expect.arrayContaining(['packages/models/README.md', 'docs/guides/plastic-layer.md']));
  });

  describe.each(compiled)('$doc', (doc) => {
    it('compiles', () => {
      expect(doc.errors).toEqual([]);
    });
    if (doc.program.runs) {
      it('runs', () => {
        const run = runDoc(doc, 100_000);
        if (run.status !== 0) throw new Error(`${doc.doc} exited with ${run.status}:\n${run.output}`);
      });
    }
  });
});
