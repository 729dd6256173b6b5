import { describe, expect, it } from '@jest/globals';
import { seedGroupTables } from '../../src/document/seed-groups.js';

const accuracy = (value: number | null) => ({ label: 'accuracy', value, format: 'percent' as const });
const steps = (value: number) => ({ label: 'steps', value, format: 'integer' as const });

describe('seedGroupTables', () => {
  const [overview, detail] = seedGroupTables([
    { name: 'hidden 8', runs: [1, 2, 3].map((seed, i) => ({ seed, metrics: [accuracy([0.84, 0.86, 0.87][i]!), steps([10, 12, 14][i]!)] })) },
    { name: 'hidden 16', runs: [{ seed: 1, metrics: [accuracy(0.9)] }] },
  ]);

  it('gives one overview row per setting, with mean ± the 95% half-width', () => {
    expect(overview.columns).toEqual(['setting', 'seeds', 'accuracy', 'steps']);
    // accuracy: mean 85.67%, sd 1.528 points, t(0.975, 2) = 4.303 → half-width 3.79 points; steps: 12 ± 4.303 · 2 / √3.
    expect(overview.rows).toEqual([
      ['hidden 8', '3', '85.7% ± 3.8%', '12 ± 5'],
      ['hidden 16', '1', '90.0%', '—'],
    ]);
  });

  it('details every metric with n, mean, sd, the interval and each seed', () => {
    expect(detail.columns).toEqual(['setting', 'metric', 'n', 'mean', 'sd', '95% interval', 'per seed']);
    expect(detail.rows).toEqual([
      ['hidden 8', 'accuracy', '3', '85.7%', '1.5%', '[81.9%, 89.5%]', '1: 84.0%, 2: 86.0%, 3: 87.0%'],
      ['hidden 8', 'steps', '3', '12', '2', '[7, 17]', '1: 10, 2: 12, 3: 14'],
      ['hidden 16', 'accuracy', '1', '90.0%', '—', '—', '1: 90.0%'],
      ['hidden 16', 'steps', '0', '—', '—', '—', '1: —'],
    ]);
  });

  it('leaves seeds without a value out of the statistics', () => {
    const [withGap] = seedGroupTables([{ name: 'a', runs: [{ seed: 1, metrics: [accuracy(0.5)] }, { seed: 2, metrics: [accuracy(null)] }] }]);
    expect(withGap.rows).toEqual([['a', '2', '50.0%']]);
  });
});
