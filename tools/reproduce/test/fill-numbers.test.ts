import { describe, expect, it } from '@jest/globals';
import type { CollectedRun } from '../src/collect-runs.js';
import { fillNumbers } from '../src/fill-numbers.js';

const row = (metrics: Record<string, number | null>) => ({ metrics, spread: {} }) as unknown as CollectedRun;
const runs = new Map([['plastic_disjoint_8', row({ test_accuracy: 0.8421, test_ratio_directed: 0.97657, best_epoch: 30, epochs_trained: 33, train_seconds: 1524.7, long_late_start: 1500 })]]);

describe('fillNumbers', () => {
  it('writes each metric as its kind of number, and "—" for a row not run or a metric not recorded', () => {
    expect(fillNumbers('{{plastic_disjoint_8.test_accuracy}}, {{plastic_disjoint_8.test_ratio_directed}}, epoch {{plastic_disjoint_8.best_epoch}} of {{plastic_disjoint_8.epochs_trained}}', runs)).toBe(
      '84.2%, 0.9766, epoch 30 of 33',
    );
    expect(fillNumbers('{{plastic_disjoint_8.train_seconds}} from step {{plastic_disjoint_8.long_late_start}}', runs)).toBe('25.4 min from step 1,500');
    expect(fillNumbers('{{rnn_disjoint_8.test_accuracy}} / {{plastic_disjoint_8.long_rolling_average}}', runs)).toBe('— / —');
  });

  it('keeps the text of a row that has run, or the other text', () => {
    const text = 'A{{if plastic_disjoint_8}} ran at {{plastic_disjoint_8.test_accuracy}}{{else}} not run{{end}}; B{{if rnn_disjoint_8}} ran{{else}} not run{{end}}{{if rnn_disjoint_8}} x{{end}}.';
    expect(fillNumbers(text, runs)).toBe('A ran at 84.2%; B not run.');
  });

  it('refuses a name that is no row of the catalogue', () => {
    expect(() => fillNumbers('{{plastic_disjoint_9.test_accuracy}}', runs)).toThrow('notes.md: {{plastic_disjoint_9.test_accuracy}} names no run of the catalogue');
    expect(() => fillNumbers('{{if plastic_8}}x{{end}}', runs)).toThrow('notes.md: {{if plastic_8}} names no run of the catalogue');
  });
});
