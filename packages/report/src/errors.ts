import { ParameterError } from '@pg/graphs';

/** Thrown by @pg/report for a value it cannot work with; the message names the field, the value and what was expected. */
export class ReportError extends ParameterError {
  /** The error's class name, shown before the message. */
  override name = 'ReportError';
}
