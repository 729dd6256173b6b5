import { describe, expect, it } from '@jest/globals';
import { codeBlocks } from '../src/markdown-blocks.js';

describe('codeBlocks', () => {
  it('finds fenced blocks with their language, fragment mark and first line', () => {
    const markdown = ['# Title', '', '```ts', 'const a = 1;', '```', 'text', '```ts fragment', 'a + 1;', '', 'a + 2;', '```', '```sh', 'pnpm test', '```'].join('\n');
    expect(codeBlocks(markdown)).toEqual([
      { lang: 'ts', fragment: false, code: 'const a = 1;\n', line: 4 },
      { lang: 'ts', fragment: true, code: 'a + 1;\n\na + 2;\n', line: 8 },
      { lang: 'sh', fragment: false, code: 'pnpm test\n', line: 13 },
    ]);
  });

  it('strips the indentation of an indented fence and closes only on a long enough fence', () => {
    const markdown = ['- item', '', '  ````ts', '  const b = "```";', '  ```', '  b;', '  ````'].join('\n');
    expect(codeBlocks(markdown)).toEqual([{ lang: 'ts', fragment: false, code: 'const b = "```";\n```\nb;\n', line: 4 }]);
  });
});
