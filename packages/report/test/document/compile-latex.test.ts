import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileLatex } from '../../src/document/compile-latex.js';

/** A folder holding a stand-in `pdflatex` that records its arguments and writes the PDF, or fails. */
function fakeEngine(exitCode: number): string {
  const bin = mkdtempSync(join(tmpdir(), 'pg-engine-'));
  const script = `#!/bin/sh\necho "$@" >> calls.txt\nprintf '%%PDF-1.5' > report.pdf\necho "engine says hi"\nexit ${exitCode}\n`;
  writeFileSync(join(bin, 'pdflatex'), script);
  chmodSync(join(bin, 'pdflatex'), 0o755);
  return bin;
}

describe('compileLatex', () => {
  it('does nothing when no engine is on the PATH', () => {
    const searchPath = mkdtempSync(join(tmpdir(), 'pg-empty-'));
    expect(compileLatex(mkdtempSync(join(tmpdir(), 'pg-run-')), 'report.tex', { searchPath })).toEqual({ status: 'no-engine' });
  });

  it('runs pdflatex twice in the report folder and returns the PDF path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const outcome = compileLatex(dir, 'report.tex', { searchPath: fakeEngine(0) });
    expect(outcome).toEqual({ status: 'compiled', engine: 'pdflatex', pdf: join(dir, 'report.pdf') });
    expect(readFileSync(join(dir, 'calls.txt'), 'utf8')).toBe('-interaction=nonstopmode -halt-on-error report.tex\n'.repeat(2));
  });

  it('reports a failed compile with the end of its output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-run-'));
    const outcome = compileLatex(dir, 'report.tex', { searchPath: fakeEngine(1) });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.log).toContain('engine says hi');
  });
});
