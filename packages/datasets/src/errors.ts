import { ParameterError } from '@pg/graphs';

/** Thrown by @pg/datasets for a value it cannot work with; the message names the field, the value and what was expected. */
export class DatasetError extends ParameterError {
  override name = 'DatasetError';
}
