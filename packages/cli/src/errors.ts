import { ParameterError } from '@pg/graphs';

/** Thrown by @pg/cli for a value it cannot work with; the message names the field, the value and what was expected. */
export class ConfigError extends ParameterError {
  /** The error's class name, shown before the message. */
  override name = 'ConfigError';
}
