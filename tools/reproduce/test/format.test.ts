import { describe, expect, it } from '@jest/globals';
import { cell } from '../src/format.js';

describe('cell', () => {
  it('writes one seed as its value and several as mean ± half-width', () => {
    expect(cell({ metrics: { acc: 0.8532 }, spread: {} }, 'acc', 'percent')).toBe('85.3%');
    expect(cell({ metrics: { acc: 0.856 }, spread: { acc: { count: 3, halfWidth: 0.0081 } } } as never, 'acc', 'percent')).toBe('85.6% ± 0.8%');
  });

  it("gives a plain number's spread the mean's last decimal place", () => {
    const run = (value: number, halfWidth: number) => ({ metrics: { ratio: value }, spread: { ratio: { count: 3, halfWidth } } }) as never;
    expect(cell(run(0.98834, 0.009668), 'ratio', 'number')).toBe('0.9883 ± 0.0097');
    expect(cell(run(12.345, 0.6789), 'ratio', 'number')).toBe('12.35 ± 0.68');
    expect(cell(run(0, 0.01234), 'ratio', 'number')).toBe('0 ± 0.01234');
  });
});
