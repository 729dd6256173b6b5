import { describe, expect, it } from '@jest/globals';
import { createProgress, formatDuration } from '../src/progress.js';

describe('createProgress', () => {
  it('redraws a bar with an ETA on a terminal', () => {
    const out: string[] = [];
    let clock = 0;
    const progress = createProgress({ label: 'epoch 1/2', total: 4, interactive: true, write: (t) => out.push(t), now: () => clock });
    clock = 10_000;
    progress.update(1, 'loss 0.50');
    expect(out[0]).toBe('\repoch 1/2 [######..................] 1/4 0:10<0:30 loss 0.50\u001b[K');
    progress.finish('epoch 1/2 done');
    expect(out[1]).toBe('\r\u001b[Kepoch 1/2 done\n');
  });

  it('prints only the final line when not on a terminal', () => {
    const out: string[] = [];
    const progress = createProgress({ label: 'x', total: 2, interactive: false, write: (t) => out.push(t) });
    progress.update(1);
    progress.finish('done');
    expect(out).toEqual(['done\n']);
  });

  it('formats durations', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});
