import { describe, expect, it } from '@jest/globals';
import { describeValue, GraphParameterError, ParameterError } from '../src/errors.js';

describe('ParameterError', () => {
  it('names the field, the value and what was expected', () => {
    const error = new GraphParameterError('numNodes', 1.5, 'an integer ≥ 2');
    expect(error.message).toBe('numNodes must be an integer ≥ 2 (got 1.5)');
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.name).toBe('GraphParameterError');
    expect([error.field, error.value, error.expected]).toEqual(['numNodes', 1.5, 'an integer ≥ 2']);
  });

  it('renders values compactly', () => {
    expect(describeValue('gnp')).toBe('"gnp"');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1, 2])).toBe('[1,2]');
    expect(describeValue({ long: 'x'.repeat(200) })).toHaveLength(120);
    // A string may be a whole file: it is cut short too, its control characters escaped.
    expect(describeValue(`\u0000${'y'.repeat(10_000)}`)).toBe(`"\\u0000${'y'.repeat(110)}...`);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('object');
  });
});
