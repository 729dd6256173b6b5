import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSweepPlan } from '../../src/sweep/sweep-plan.js';

const tiny = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));

/** Writes a sweep file into a fresh folder and returns its path. */
function sweepFile(text: string, name = 'study.sweep.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-sweep-'));
  writeFileSync(join(dir, 'tiny.yaml'), `# a copy, so that the sweep can name it relative to itself\n${readTiny()}`);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
const readTiny = () => readFileSync(tiny, 'utf8');

describe('readSweepPlan', () => {
  it('crosses the grid (first key slowest), then the seeds, with names made of the values', () => {
    const file = sweepFile('config: tiny.yaml\nset:\n  trainer.epochs: 2\ngrid:\n  network.hidden_dim: [8, 16]\n  trainer.lr: [0.01, 0.1]\nseeds: [1, 2]\n');
    const plan = readSweepPlan(file);
    expect(plan.name).toBe('study');
    expect(plan.out).toBe(join(process.cwd(), 'run', 'study'));
    expect(plan.runs.map(({ index, name }) => `${index} ${name}`)).toEqual([
      '0 tiny-hidden_dim=8-lr=0.01-seed=1',
      '1 tiny-hidden_dim=8-lr=0.01-seed=2',
      '2 tiny-hidden_dim=8-lr=0.1-seed=1',
      '3 tiny-hidden_dim=8-lr=0.1-seed=2',
      '4 tiny-hidden_dim=16-lr=0.01-seed=1',
      '5 tiny-hidden_dim=16-lr=0.01-seed=2',
      '6 tiny-hidden_dim=16-lr=0.1-seed=1',
      '7 tiny-hidden_dim=16-lr=0.1-seed=2',
    ]);
    const run = plan.runs[6]!;
    expect(run.setting).toBe('tiny-hidden_dim=16-lr=0.1');
    expect(run.dir).toBe(join(plan.out, run.name));
    expect(run.overrides).toEqual(['trainer.epochs=2', 'network.hidden_dim=16', 'trainer.lr=0.1', 'global.seed=1']);
    expect([run.config.hidden_dim, run.config.lr, run.config.seed, run.config.epochs, run.config.num_nodes]).toEqual([16, 0.1, 1, 2, 6]);
  });

  it('keeps names when values and seeds are added, and takes the config’s seed when none are listed', () => {
    const before = readSweepPlan(sweepFile('config: tiny.yaml\ngrid:\n  network.hidden_dim: [8]\n'));
    expect(before.runs.map(({ name }) => name)).toEqual(['tiny-hidden_dim=8-seed=7']);
    const after = readSweepPlan(sweepFile('config: tiny.yaml\ngrid:\n  network.hidden_dim: [4, 8]\nseeds: [7, 8]\n'));
    expect(after.runs.map(({ name }) => name)).toContain('tiny-hidden_dim=8-seed=7');
  });

  it('lists experiments in order, each with its config, seeds and overrides over the shared ones', () => {
    const file = sweepFile(
      [
        'name: catalogue',
        'out: somewhere',
        'seeds: [1]',
        'set:',
        '  trainer.epochs: 2',
        'experiments:',
        '  - name: plastic',
        '    config: tiny.yaml',
        '    seeds: [5, 6]',
        '  - name: rnn',
        '    config: tiny.yaml',
        '    set:',
        '      network.network_type: rnn',
        '      trainer.epochs: 1',
        '',
      ].join('\n'),
    );
    const plan = readSweepPlan(file, 'elsewhere');
    expect(plan.out).toBe(join(process.cwd(), 'elsewhere'));
    expect(plan.runs.map(({ name, experiment }) => `${experiment}: ${name}`)).toEqual(['plastic: plastic-seed=5', 'plastic: plastic-seed=6', 'rnn: rnn-seed=1']);
    expect([plan.runs[2]!.config.network_type, plan.runs[2]!.config.epochs, plan.runs[0]!.config.epochs]).toEqual(['rnn', 1, 2]);
    expect(readSweepPlan(file).out).toBe(join(process.cwd(), 'somewhere'));
  });

  const bad: Array<[string, string]> = [
    ['config: tiny.yaml\nseed: [1]\n', 'study.sweep.yaml: seed must be a known key (did you mean seeds? keys: name, out, config, set, grid, seeds, experiments) (got [1])'],
    ['config: tiny.yaml\ngrid:\n  network.hidden_dim: 8\n', 'study.sweep.yaml: grid.network.hidden_dim must be a non-empty list of values (got 8)'],
    ['config: tiny.yaml\ngrid:\n  hidden_dim: [8]\n', 'study.sweep.yaml: grid.hidden_dim must be keyed by section.key, as in --set (e.g. network.hidden_dim) (got [8])'],
    ['config: tiny.yaml\ngrid:\n  network.hidden_dim: [8, "x"]\n', 'study.sweep.yaml: grid.network.hidden_dim must be an integer in [1, 2048] (got "x")'],
    ['config: tiny.yaml\ngrid:\n  network.hiden_dim: [8]\n', 'study.sweep.yaml: grid.network.hiden_dim must be a known key: did you mean network.hidden_dim? (got 8)'],
    ['config: tiny.yaml\nset:\n  netwrk.hidden_dim: 8\n', 'study.sweep.yaml: set.netwrk.hidden_dim must be a known section (did you mean "network"?) (got "netwrk.hidden_dim=8")'],
    ['config: tiny.yaml\nseeds: [1, 1]\n', 'study.sweep.yaml: seeds must be a list without repeats (1 appears twice) (got [1,1])'],
    ['config: tiny.yaml\nseeds: 3\n', 'study.sweep.yaml: seeds must be a non-empty list of integers, e.g. [1, 2, 3] (got 3)'],
    ['config: missing.yaml\n', 'study.sweep.yaml: config must be a readable YAML file (ENOENT)'],
    ['grid:\n  network.hidden_dim: [8]\n', 'study.sweep.yaml: config must be a run config file (relative to the sweep file), or a list of experiments (got undefined)'],
    ['experiments:\n  - config: tiny.yaml\n  - config: tiny.yaml\n', 'study.sweep.yaml: experiments[1].name must be a name no other experiment has (experiments[0] has it too) (got "tiny")'],
    ['config: tiny.yaml\nset:\n  global.seed: 3\n', 'study.sweep.yaml: set.global.seed must be listed under seeds, not set or grid (got 3)'],
    ['config: tiny.yaml\ngrid:\n  network.network_type: [plastic, rnn]\n  network.decay: [true]\n', 'study.sweep.yaml: grid.network.decay must be false unless network_type is "plastic" (it is "rnn") (got true)'],
    ['- a\n', 'study.sweep.yaml must be a mapping with the keys name, out, config, set, grid, seeds, experiments (got ["a"])'],
  ];
  it.each(bad)('refuses a bad sweep file with one line naming the file, key and value: %j', (text, message) => {
    const file = sweepFile(text);
    let thrown: Error | undefined;
    try {
      readSweepPlan(file);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.name).toBe('ConfigError');
    expect(thrown!.message.replace(`${file.slice(0, -'study.sweep.yaml'.length)}`, '').replace(/\(ENOENT\).*$/, '(ENOENT)')).toBe(message);
  });
});
