/**
 * The base of every plastic-graphs error about a value: its message names the
 * field, the value received and what was expected, so a caller (the CLI) can
 * print it as one line without a stack trace. Each package throws its own
 * subclass (`GraphParameterError`, `DatasetError`, …).
 *
 * @example
 * ```ts
 * new ParameterError('numNodes', 1, 'an integer ≥ 2').message;
 * // 'numNodes must be an integer ≥ 2 (got 1)'
 * ```
 */
export class ParameterError extends Error {
  /** The error's class name, shown before the message. */
  override name = 'ParameterError';

  constructor(
    /** The option or argument at fault, e.g. `numActions`. */
    readonly field: string,
    /** The value that was received. */
    readonly value: unknown,
    /** What the field must be, in words. */
    readonly expected: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} must be ${expected} (got ${describeValue(value)})`, options);
  }

  /**
   * Returns `value` when it is an integer in `[min, max]`, and otherwise throws
   * the error class it is called on, naming the field, the value and the range:
   * each package checks its integers with its own class, and so can a
   * generator of your own.
   *
   * @example
   * ```ts
   * GraphParameterError.requireInteger('numNodes', 8, 2); // 8
   * GraphParameterError.requireInteger('numNodes', 1.5, 2); // throws "numNodes must be an integer ≥ 2 (got 1.5)"
   * ```
   */
  static requireInteger(
    this: new (field: string, value: unknown, expected: string) => ParameterError,
    field: string,
    value: unknown,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    throw new this(field, value, `an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`}`);
  }
}

/**
 * Thrown by @pg/graphs when an argument is out of range or the parameters
 * make the requested graph impossible.
 *
 * @example
 * ```ts
 * try {
 *   gnpGenerator({ numNodes: 1, edgeProb: 0.2 });
 * } catch (error) {
 *   if (error instanceof GraphParameterError) console.error(error.field); // 'numNodes'
 * }
 * ```
 */
export class GraphParameterError extends ParameterError {
  /** The error's class name, shown before the message. */
  override name = 'GraphParameterError';
}

/** Renders a received value compactly for an error message. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    // Strings too are cut short: a value may be a whole file's content.
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length <= 120 ? json : `${json.slice(0, 117)}...`;
  } catch {
    // circular or otherwise unserialisable: fall through to the type name
  }
  return typeof value;
}
