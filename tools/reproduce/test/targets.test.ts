import { describe, expect, it } from '@jest/globals';
import type { CollectedRun } from '../src/collect-runs.js';
import { RUNS } from '../src/catalogue.js';
import { checkTargets } from '../src/targets.js';

/** A collected row of the catalogue with the given config keys and metrics, one seed. */
function row(name: string, config: Record<string, unknown>, metrics: Record<string, number>): [string, CollectedRun] {
  const spec = RUNS.find((run) => run.name === name)!;
  const full = { dataset_type: 'disjoint', reverse_write: false, ...config };
  return [name, { spec, seeds: [], config: full, metrics, spread: {} } as unknown as CollectedRun];
}

const target = (runs: Array<[string, CollectedRun]>, start: string) => checkTargets(new Map(runs)).find(({ text }) => text.startsWith(start))!;

describe('checkTargets', () => {
  // Every generic baseline of the catalogue on 50 nodes: trained on 40-node walks, then on 400-node ones.
  const baselines50 = ['rnn', 'gru', 'lstm', 'transformer', 'rnn_long', 'gru_long', 'lstm_long', 'transformer_long'].map((name, i) =>
    row(`${name}_disjoint_50`, { network_type: name.split('_')[0], num_nodes: 50 }, { test_accuracy: 0.2 + i / 200, long_accuracy: 0.25 + i / 200 }),
  );

  it('counts a lasting memory from the late window over the oracle that matches the model', () => {
    const forward = row('plastic_disjoint_50', { network_type: 'plastic', num_nodes: 50 }, { long_late_accuracy: 0.9, long_late_directed_oracle: 0.94, long_late_undirected_oracle: 1 });
    const reverse = row('plastic_reverse_disjoint_50', { network_type: 'plastic', num_nodes: 50, reverse_write: true }, { long_late_accuracy: 0.93, long_late_directed_oracle: 0.94, long_late_undirected_oracle: 1 });
    // 0.9 / 0.94 = 0.957 (directed, met) beats 0.93 / 1 (undirected).
    const check = target([forward, reverse], 'a plastic memory that lasts');
    expect(check.met).toBe(true);
    expect(check.text).toContain('best plastic_disjoint_50 at 90.0%, 0.9574 of the directed oracle');
    expect(target([reverse], 'a plastic memory that lasts').met).toBe(false);
    expect(target([], 'a plastic memory that lasts').met).toBeNull();
  });

  it('asks one plastic row to beat every baseline on both test accuracy and long walks, once every baseline has run', () => {
    const testOnly = row('plastic_disjoint_50', { network_type: 'plastic', num_nodes: 50 }, { test_accuracy: 0.3, long_accuracy: 0.2 });
    const both = row('plastic_reverse_disjoint_50', { network_type: 'plastic', num_nodes: 50, reverse_write: true }, { test_accuracy: 0.25, long_accuracy: 0.4 });
    const on50 = (runs: Array<[string, CollectedRun]>) => target(runs, 'on the 50-node disjoint graphs');
    expect(on50([testOnly, ...baselines50]).met).toBe(false);
    const met = on50([testOnly, both, ...baselines50]);
    expect(met.met).toBe(true);
    expect(met.text).toContain('plastic_reverse_disjoint_50 25.0% and 40.0% against the best baselines, transformer_long_disjoint_50 23.5% and transformer_long_disjoint_50 28.5%');
    const waiting = on50([testOnly, both, ...baselines50.slice(0, 7)]);
    expect(waiting.met).toBeNull();
    expect(waiting.text).toContain('(not run yet: transformer_long_disjoint_50)');
  });

  it('writes the steps to recover a mean over seeds with one decimal', () => {
    const plastic = row('plastic_disjoint_8', { network_type: 'plastic', num_nodes: 8 }, { test_ratio_directed: 0.97, level_before_switch: 0.95, steps_to_recover: 78 + 1 / 3 });
    const rnn = row('rnn_disjoint_8', { network_type: 'rnn', num_nodes: 8 }, { level_before_switch: 0.3, steps_to_recover: 4 });
    const check = target([plastic, rnn], 'after a graph switch (8 nodes)');
    expect(check.met).toBe(true);
    expect(check.text).toContain('78.3 steps vs never at best');
  });

  it("counts a level before the switch against the matching oracle's over the same steps", () => {
    // On 50 nodes 200 steps leave the oracle near 75%: 68% is 0.91 of it, and 60% only 0.8.
    const plastic = (level: number) =>
      row('plastic_lasting_disjoint_50', { network_type: 'plastic', num_nodes: 50, reverse_write: true }, {
        test_ratio_undirected: 0.99,
        level_before_switch: level,
        level_before_switch_directed_oracle: 0.5,
        level_before_switch_undirected_oracle: 0.75,
        steps_to_recover: 122,
      });
    const gru = row('gru_disjoint_50', { network_type: 'gru', num_nodes: 50 }, { level_before_switch: 0.22, level_before_switch_undirected_oracle: 0.75, steps_to_recover: 3 });
    const check = (level: number) => target([plastic(level), gru], 'after a graph switch (50 nodes)');
    expect(check(0.68).met).toBe(true);
    expect(check(0.68).text).toContain('122 steps vs never at best');
    expect(check(0.6).met).toBe(false);
  });
});
