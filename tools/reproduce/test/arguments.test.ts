import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@pg/cli';
import { parseArguments } from '../src/arguments.js';

const rows = ['plastic_disjoint_8', 'rnn_disjoint_8', 'gru_disjoint_8'];
const runs = rows.flatMap((row) => [`${row}-seed=42`, `${row}-seed=1`]);

describe('pnpm reproduce arguments', () => {
  it('takes names without --jobs as rows or single runs (the first is no --jobs value)', () => {
    expect(parseArguments(['rnn_disjoint_8'], rows, runs)).toEqual({ names: ['rnn_disjoint_8'], jobs: undefined, pageOnly: false, saveOnly: false });
    expect(parseArguments(['gru_disjoint_8', 'plastic_disjoint_8'], rows, runs).names).toEqual(['gru_disjoint_8', 'plastic_disjoint_8']);
    expect(parseArguments(['rnn_disjoint_8-seed=1', 'gru_disjoint_8'], rows, runs).names).toEqual(['rnn_disjoint_8-seed=1', 'gru_disjoint_8']);
    expect(parseArguments([], rows, runs)).toEqual({ names: [], jobs: undefined, pageOnly: false, saveOnly: false });
  });

  it('takes the argument after --jobs as its value, wherever --jobs stands', () => {
    expect(parseArguments(['--jobs', '2', 'rnn_disjoint_8'], rows, runs)).toMatchObject({ names: ['rnn_disjoint_8'], jobs: '2' });
    expect(parseArguments(['rnn_disjoint_8', '--jobs', '3', 'gru_disjoint_8'], rows, runs)).toMatchObject({ names: ['rnn_disjoint_8', 'gru_disjoint_8'], jobs: '3' });
    expect(parseArguments(['--page'], rows, runs)).toMatchObject({ names: [], pageOnly: true, saveOnly: false });
    expect(parseArguments(['--save-progress', 'rnn_disjoint_8'], rows, runs)).toMatchObject({ names: ['rnn_disjoint_8'], saveOnly: true });
  });

  it('refuses, naming the argument, an unknown option or row, a bad --jobs and --page with --save-progress', () => {
    const refusal = (args: string[]) => {
      try {
        parseArguments(args, rows, runs);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${args.join(' ')}`);
    };
    expect(refusal(['--jbos', '2'])).toBe('option must be one of --jobs N, --page, --save-progress (got "--jbos")');
    expect(refusal(['rnn_disjoint_8', '--jobs'])).toBe('--jobs must be an integer ≥ 1 (got undefined)');
    expect(refusal(['--jobs', 'rnn_disjoint_8'])).toBe('--jobs must be an integer ≥ 1 (got "rnn_disjoint_8")');
    expect(refusal(['--jobs', '0'])).toBe('--jobs must be an integer ≥ 1 (got "0")');
    expect(refusal(['--jobs', '--page'])).toBe('--jobs must be an integer ≥ 1 (got "--page")');
    expect(refusal(['--page', '--save-progress'])).toBe('--page must be given alone (--save-progress writes the page too) (got "--save-progress")');
    const named = 'run must be a row of the catalogue (plastic_disjoint_8, rnn_disjoint_8, gru_disjoint_8) or one of its runs, <row>-seed=<n>';
    expect(refusal(['rnn_disjoint_9'])).toBe(`${named} (got "rnn_disjoint_9")`);
    expect(refusal(['rnn_disjoint_8-seed=7'])).toBe(`${named} (got "rnn_disjoint_8-seed=7")`);
  });
});
