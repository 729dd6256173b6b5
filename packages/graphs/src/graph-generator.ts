import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Topology } from './topology.js';

/**
 * A family of random graphs. `generate` draws one topology; it may be
 * disconnected or empty, since {@link sampleTopology} resamples until the
 * draw is usable. Implement this interface to plug a new family into the
 * datasets (see `examples/custom-generator`).
 *
 * @example
 * ```ts
 * const star: GraphGenerator = {
 *   name: 'star',
 *   numNodes: 5,
 *   generate: () => createTopology(5, [[0, 1], [0, 2], [0, 3], [0, 4]]),
 *   getConfig: () => ({ numNodes: 5 }),
 * };
 * ```
 */
export interface GraphGenerator {
  /** A short family name, recorded in dataset configs. */
  readonly name: string;
  /** Every topology this generator draws has this many nodes. */
  readonly numNodes: number;
  /** Draws one topology, advancing `rng`. */
  generate(rng: RandomGenerator): Topology;
  /** The parameters of the family, as plain JSON. */
  getConfig(): Record<string, unknown>;
}
