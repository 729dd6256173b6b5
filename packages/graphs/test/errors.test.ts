import { describe, expect, it } from '@jest/globals';
import { GraphParameterError, ParameterError } from '../src/errors.js';

const got = (value: unknown) => new ParameterError('field', value, 'something').message.replace('field must be something (got ', '').slice(0, -1);

describe('ParameterError', () => {
  it('names the field, the value and what was expected', () => {
    const error = new GraphParameterError('numNodes', 1.5, 'an integer ≥ 2');
    expect(error.message).toBe('numNodes must be an integer ≥ 2 (got 1.5)');
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.name).toBe('GraphParameterError');
    expect([error.field, error.value, error.expected]).toEqual(['numNodes', 1.5, 'an integer ≥ 2']);
  });

  it('renders values compactly', () => {
    expect(got('gnp')).toBe('"gnp"');
    expect(got(undefined)).toBe('undefined');
    expect(got([1, 2])).toBe('[1,2]');
    expect(got({ long: 'x'.repeat(200) })).toHaveLength(120);
    // A string may be a whole file: it is cut short too, its control characters escaped.
    expect(got(`\u0000${'y'.repeat(10_000)}`)).toBe(`"\\u0000${'y'.repeat(110)}...`);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(got(circular)).toBe('object');
  });

  it('checks integers, throwing the class it is called on', () => {
    class PackageError extends ParameterError {
      override name = 'PackageError';
    }
    expect(PackageError.requireInteger('batchSize', 4, 1)).toBe(4);
    expect(() => PackageError.requireInteger('batchSize', 0, 1)).toThrow(new PackageError('batchSize', 0, 'an integer ≥ 1'));
    expect(() => PackageError.requireInteger('batchSize', 0, 1)).toThrow(PackageError);
    expect(() => GraphParameterError.requireInteger('k', 2.5, 0, 3)).toThrow('k must be an integer in [0, 3] (got 2.5)');
    expect(() => GraphParameterError.requireInteger('k', '2', 0)).toThrow(GraphParameterError);
  });
});
