import ts from 'typescript';
import type { CodeBlock } from './markdown-blocks.js';

/** The TypeScript blocks of one document, made into one module. */
export interface DocProgram {
  /** The module's source. */
  readonly text: string;
  /** Whether it has code to run (a block that is not a fragment). */
  readonly runs: boolean;
  /** The document line of a 1-based line of {@link DocProgram.text}; `undefined` for lines the program adds. */
  sourceLine(line: number): number | undefined;
}

/** The languages whose blocks are checked. */
export const CHECKED_LANGUAGES: ReadonlySet<string> = new Set(['ts', 'typescript']);

interface ModuleImports {
  /** The document line of the first import of the module. */
  readonly line: number;
  readonly namespaces: Set<string>;
  readonly defaults: Set<string>;
  /** `name` or `name as alias`, mapped to whether it is imported as a type only. */
  readonly named: Map<string, boolean>;
}

/**
 * Makes one module of a document's TypeScript blocks, in order, as a
 * notebook runs its cells: a later block sees what earlier blocks declared.
 * Imports are gathered at the top (the same binding imported by two blocks
 * appears once); a `fragment` block becomes the body of a function that is
 * never called, so it is type-checked in context but does not run.
 *
 * @example
 * ```ts
 * const program = docProgram(codeBlocks(readFileSync('README.md', 'utf8')));
 * writeFileSync('readme.ts', program.text);
 * ```
 */
export function docProgram(blocks: readonly CodeBlock[]): DocProgram {
  const imports = new Map<string, ModuleImports>();
  const body: string[] = [];
  const bodyLines: Array<number | undefined> = [];
  const add = (text: string, line?: number) => {
    body.push(text);
    bodyLines.push(line);
  };
  let runs = false;
  blocks
    .filter((block) => CHECKED_LANGUAGES.has(block.lang))
    .forEach((block, index) => {
      runs ||= !block.fragment;
      const code = withoutImports(block, imports);
      if (block.fragment) add(`async function fragment${index + 1}(): Promise<void> {`);
      code.split('\n').forEach((line, offset) => add(line, block.line + offset));
      if (block.fragment) add('}');
    });
  const header = [...imports].map(([specifier, found]) => ({ text: importStatement(specifier, found), line: found.line }));
  const lines = [...header.map((entry) => entry.text), ...body, 'export {};', ''];
  const sourceLines = [...header.map((entry) => entry.line), ...bodyLines];
  return { text: lines.join('\n'), runs, sourceLine: (line) => sourceLines[line - 1] };
}

/** The block's code with its import declarations blanked out (lines kept), after recording them. */
function withoutImports(block: CodeBlock, imports: Map<string, ModuleImports>): string {
  const source = ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let code = block.code;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const line = block.line + source.getLineAndCharacterOfPosition(statement.getStart()).line;
    const found = imports.get(specifier) ?? { line, namespaces: new Set(), defaults: new Set(), named: new Map() };
    imports.set(specifier, found);
    const clause = statement.importClause;
    if (clause?.name) found.defaults.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) found.namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const name = element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text;
        const typeOnly = Boolean(clause?.isTypeOnly || element.isTypeOnly);
        found.named.set(name, (found.named.get(name) ?? true) && typeOnly);
      }
    }
    const start = statement.getStart();
    const end = statement.getEnd();
    code = code.slice(0, start) + code.slice(start, end).replace(/[^\n]/g, ' ') + code.slice(end);
  }
  return code.replace(/\n$/, '');
}

function importStatement(specifier: string, found: ModuleImports): string {
  const from = JSON.stringify(specifier);
  const parts: string[] = [...found.namespaces].map((name) => `import * as ${name} from ${from};`);
  const named = [...found.named].map(([name, typeOnly]) => (typeOnly ? `type ${name}` : name));
  const clause = [...found.defaults, ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : [])];
  if (clause.length > 0) parts.push(`import ${clause.join(', ')} from ${from};`);
  return parts.length > 0 ? parts.join(' ') : `import ${from};`;
}
