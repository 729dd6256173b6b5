import { describe, expect, it } from '@jest/globals';
import { ParameterError } from '@pg/graphs';
import { DatasetError } from '../src/errors.js';

describe('DatasetError', () => {
  it('is a ParameterError that names the field, the value and what was expected', () => {
    const error = new DatasetError('field', 3, 'a number below 3');
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.name).toBe('DatasetError');
    expect(error.message).toBe('field must be a number below 3 (got 3)');
  });
});
