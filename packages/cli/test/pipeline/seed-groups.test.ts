import { describe, expect, it } from '@jest/globals';
import { parseRunConfig } from '../../src/config/resolve-config.js';
import { groupBySeed } from '../../src/pipeline/seed-groups.js';

const config = (...overrides: string[]) => parseRunConfig('global:\n', { name: 'test' }, overrides);

describe('groupBySeed', () => {
  it('groups runs whose configs differ only in seed, name, threads and logging, in order of first appearance', () => {
    const runs = [
      { name: 'a-seed=1', config: config('global.seed=1') },
      { name: 'b-seed=1', config: config('global.seed=1', 'network.hidden_dim=64') },
      { name: 'a-seed=2', config: config('global.seed=2', 'global.run_name=other', 'global.threads=1', 'logging.wandb_enabled=true') },
      { name: 'no config' },
      { name: 'a-seed=-3', config: config('global.seed=-3') },
    ];
    expect(groupBySeed(runs).map(({ label, members }) => [label, members.map(({ name }) => name)])).toEqual([
      ['a', ['a-seed=1', 'a-seed=2', 'a-seed=-3']],
      ['b', ['b-seed=1']],
      ['no config', ['no config']],
    ]);
  });
});
