import { ParameterError } from '@pg/graphs';

/**
 * Thrown by @pg/datasets for a value it cannot work with; the message names
 * the field, the value and what was expected.
 *
 * @example
 * ```ts
 * try {
 *   createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, kTrain: 3 });
 * } catch (error) {
 *   if (error instanceof DatasetError) console.error(error.message); // 'kTrain must be at least the largest node degree …'
 * }
 * ```
 */
export class DatasetError extends ParameterError {
  /** The error's class name, shown before the message. */
  override name = 'DatasetError';
}
