import { describe, expect, it } from '@jest/globals';
import { formatConfigValue, formatValue } from '../../src/document/format-value.js';

describe('formatValue', () => {
  it('writes each kind of metric', () => {
    expect(formatValue(0.8612, 'percent')).toBe('86.1%');
    expect(formatValue(1162034, 'integer')).toBe('1,162,034');
    expect(formatValue(42.345, 'seconds')).toBe('42.3 s');
    expect(formatValue(600, 'seconds')).toBe('10.0 min');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(12)).toBe('12');
    expect(formatValue('wasm')).toBe('wasm');
    expect(formatValue(null, 'percent')).toBe('—');
    expect(formatValue(Number.NaN)).toBe('—');
  });

  it('writes config values compactly', () => {
    expect(formatConfigValue('cosine')).toBe('cosine');
    expect(formatConfigValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatConfigValue(null)).toBe('—');
    expect(formatConfigValue(0.5)).toBe('0.5');
  });
});
