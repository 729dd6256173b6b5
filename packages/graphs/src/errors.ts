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
export function describeValue(value: unknown): string {
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
