import { describe, expect, it } from '@jest/globals';
import { gridCsv, gridMarkdown } from '../../src/pipeline/grid-files.js';

const grid = {
  title: 'Runs compared',
  columns: ['run', 'Test next-node accuracy', 'Note'],
  rows: [
    ['plastic, h=64', '58.7%', 'said "fast"'],
    ['rnn|gru', '—', 'two\nlines'],
  ],
};

describe('comparison tables as files', () => {
  it('writes CSV a spreadsheet reads: quoted where needed, missing values empty', () => {
    expect(gridCsv(grid)).toBe(
      'run,Test next-node accuracy,Note\r\n"plastic, h=64",58.7%,"said ""fast"""\r\nrnn|gru,,"two\nlines"\r\n',
    );
  });

  it('writes a Markdown table under its title, pipes escaped', () => {
    expect(gridMarkdown(grid)).toBe(
      [
        '## Runs compared',
        '',
        '| run | Test next-node accuracy | Note |',
        '| --- | --- | --- |',
        '| plastic, h=64 | 58.7% | said "fast" |',
        '| rnn\\|gru | — | two lines |',
        '',
      ].join('\n'),
    );
  });
});
