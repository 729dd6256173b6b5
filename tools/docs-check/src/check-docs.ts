import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { docProgram, type DocProgram } from './doc-program.js';
import { codeBlocks } from './markdown-blocks.js';

/** One document's TypeScript, compiled. */
export interface CompiledDoc {
  /** The document, relative to the repository root, e.g. `packages/models/README.md`. */
  readonly doc: string;
  readonly program: DocProgram;
  /** The compiler's errors, each as `doc:line: message`. */
  readonly errors: readonly string[];
  /** The emitted JavaScript module. */
  readonly js: string;
  /** The generated TypeScript module (its lines map back to the document). */
  readonly ts: string;
}

/** What running a document's code gave. */
export interface DocRun {
  /** The exit code (`null` if it was killed). */
  readonly status: number | null;
  /** stdout and stderr, with positions in the generated module rewritten to document lines. */
  readonly output: string;
}

/** The documents whose TypeScript blocks are checked: the READMEs and the guides. */
export function findDocuments(root: string): string[] {
  const inDir = (dir: string, keep: (name: string) => boolean) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter(keep).sort().map((name) => join(dir, name)) : [];
  const packageReadmes = inDir('packages', (name) => existsSync(join(root, 'packages', name, 'README.md'))).map((dir) => join(dir, 'README.md'));
  return ['README.md', ...packageReadmes, ...inDir(join('docs', 'guides'), (name) => name.endsWith('.md'))];
}

/** Strict settings a user's project would have; the modules resolve the packages as Node does. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  sourceMap: true,
};

/**
 * Turns each document's TypeScript blocks into one module (see
 * {@link docProgram}), type-checks them all in one compiler run and emits
 * JavaScript beside them in `outDir`, which must lie in a package that
 * depends on the packages the documents import.
 */
export function compileDocs(root: string, documents: readonly string[], outDir: string): CompiledDoc[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = documents.map((doc) => {
    const program = docProgram(codeBlocks(readFileSync(join(root, doc), 'utf8')));
    const file = join(outDir, `${doc.replace(/\.md$/, '').replace(/[^\w]+/g, '-')}.ts`);
    writeFileSync(file, program.text);
    return { doc, program, file };
  });
  const compiler = ts.createProgram(
    entries.map((entry) => entry.file),
    { ...COMPILER_OPTIONS, outDir, rootDir: outDir },
  );
  const diagnostics = [...ts.getPreEmitDiagnostics(compiler), ...compiler.emit().diagnostics];
  return entries.map(({ doc, program, file }) => ({
    doc,
    program,
    ts: file,
    js: file.replace(/\.ts$/, '.js'),
    errors: diagnostics
      .filter((diagnostic) => diagnostic.file?.fileName === file || (!diagnostic.file && doc === entries[0]!.doc))
      .map((diagnostic) => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (!diagnostic.file || diagnostic.start === undefined) return `${doc}: ${message}`;
        const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
        return `${doc}:${program.sourceLine(line) ?? `(added line ${line} of ${relative(root, file)})`}: ${message}`;
      }),
  }));
}

/**
 * Runs a compiled document with Node in a fresh temporary folder (so files it
 * writes go nowhere), and maps positions in its stack traces back to the document.
 */
export function runDoc(compiled: CompiledDoc, timeoutMs: number): DocRun {
  const cwd = mkdtempSync(join(tmpdir(), 'pg-docs-'));
  try {
    const result = spawnSync(process.execPath, ['--enable-source-maps', compiled.js], { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, NODE_OPTIONS: '' } });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replaceAll(
      new RegExp(`${escapeRegExp(compiled.ts)}:(\\d+)`, 'g'),
      (_, line: string) => `${compiled.doc}:${compiled.program.sourceLine(Number(line)) ?? `?(${line})`}`,
    );
    return { status: result.status, output };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
