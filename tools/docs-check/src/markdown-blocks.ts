/** A fenced code block of a markdown document. */
export interface CodeBlock {
  /** The language of the fence's info string (`ts` in ```` ```ts fragment ````). */
  readonly lang: string;
  /** Whether the info string marks it `fragment`: type-checked with the rest of its document, never run. */
  readonly fragment: boolean;
  /** The code, without the fences (and without the fence's indentation). */
  readonly code: string;
  /** The 1-based line of the document where the code starts (the line after the opening fence). */
  readonly line: number;
}

const OPENING = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;

/**
 * The fenced code blocks of a markdown document, in order. A fence closes
 * with the same character, at least as long, as CommonMark has it.
 *
 * @example
 * ```ts
 * codeBlocks('text\n```ts fragment\nlet a = 1;\n```\n'); // [{ lang: 'ts', fragment: true, code: 'let a = 1;\n', line: 3 }]
 * ```
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING.exec(lines[i]!);
    if (!opening) continue;
    const [, indent, fence, lang, rest] = opening as unknown as [string, string, string, string, string];
    const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end]!)) end++;
    const code = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n');
    blocks.push({ lang: lang.toLowerCase(), fragment: rest.split(/\s+/).includes('fragment'), code: code === '' ? '' : `${code}\n`, line: i + 2 });
    i = end;
  }
  return blocks;
}
