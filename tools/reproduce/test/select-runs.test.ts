import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRuns } from '../src/select-runs.js';
import { fakeSweep } from './fake-runs.js';

const plan = fakeSweep(mkdtempSync(join(tmpdir(), 'pg-select-')), { plastic_disjoint_8: [42, 1, 2], rnn_disjoint_8: [42, 1] });
const names = (runs: readonly { name: string }[]) => runs.map(({ name }) => name);

describe('the runs pnpm reproduce is asked for', () => {
  it('takes every run, with no --only or --skip, when nothing is named', () => {
    const { selected, only, unnamed } = selectRuns(plan.runs, []);
    expect(names(selected)).toEqual(names(plan.runs));
    expect(only).toEqual([]);
    expect(unnamed).toEqual([]);
  });

  it('takes every seed of a row named', () => {
    const { selected, only, unnamed } = selectRuns(plan.runs, ['rnn_disjoint_8']);
    expect(names(selected)).toEqual(['rnn_disjoint_8-seed=42', 'rnn_disjoint_8-seed=1']);
    expect(only).toEqual(['rnn_disjoint_8']);
    expect(unnamed).toEqual([]);
  });

  it('takes a run named alone, leaving the other seeds of its row out of the sweep', () => {
    const { selected, only, unnamed } = selectRuns(plan.runs, ['plastic_disjoint_8-seed=1', 'rnn_disjoint_8']);
    expect(names(selected)).toEqual(['plastic_disjoint_8-seed=1', 'rnn_disjoint_8-seed=42', 'rnn_disjoint_8-seed=1']);
    expect(only).toEqual(['plastic_disjoint_8', 'rnn_disjoint_8']);
    expect(unnamed).toEqual(['plastic_disjoint_8-seed=42', 'plastic_disjoint_8-seed=2']);
  });
});
