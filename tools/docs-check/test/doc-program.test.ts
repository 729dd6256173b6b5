import { describe, expect, it } from '@jest/globals';
import { docProgram } from '../src/doc-program.js';
import type { CodeBlock } from '../src/markdown-blocks.js';

const block = (code: string, line: number, fragment = false, lang = 'ts'): CodeBlock => ({ lang, fragment, code, line });

describe('docProgram', () => {
  it('runs the blocks in order as one module, imports gathered once at the top', () => {
    const program = docProgram([
      block("import * as tf from '@tensorflow/tfjs-core';\nimport { a, type B } from 'x';\nconst one = tf.scalar(1);\n", 10),
      block("import '@tensorflow/tfjs-backend-cpu';\nimport * as tf from '@tensorflow/tfjs-core';\nimport { a, c as d } from 'x';\nconsole.log(one, a, d);\n", 20),
      block('echo no', 30, false, 'sh'),
    ]);
    const lines = program.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      "import * as tf from \"@tensorflow/tfjs-core\";",
      'import { a, type B, c as d } from "x";',
      'import "@tensorflow/tfjs-backend-cpu";',
    ]);
    expect(program.runs).toBe(true);
    const at = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(program.sourceLine(at('const one'))).toBe(12);
    expect(program.sourceLine(at('console.log'))).toBe(23);
    expect(program.sourceLine(1)).toBe(10);
    expect(program.sourceLine(3)).toBe(20);
    expect(program.text).not.toContain('echo');
    expect(program.text.trimEnd().endsWith('export {};')).toBe(true);
  });

  it('type-checks a fragment in context without running it', () => {
    const program = docProgram([block('const model = 1;\n', 1), block('await train(model);\n', 5, true)]);
    expect(program.text).toContain('async function fragment2(): Promise<void> {\nawait train(model);\n}');
    expect(program.sourceLine(program.text.split('\n').indexOf('await train(model);') + 1)).toBe(5);
    expect(docProgram([block('await train(model);\n', 5, true)]).runs).toBe(false);
  });

  it('keeps a value import when another block imports the same name as a type only', () => {
    const program = docProgram([block("import type { A } from 'x';\n", 1), block("import { A } from 'x';\n", 3)]);
    expect(program.text.split('\n')[0]).toBe('import { A } from "x";');
  });
});
