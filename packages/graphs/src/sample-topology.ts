import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { GraphGenerator } from './graph-generator.js';
import { GraphParameterError } from './errors.js';
import { edgeCount, isConnected, type Topology } from './topology.js';
import { requireInteger } from './validate.js';

/** Options of {@link sampleTopology}. */
export interface SampleTopologyOptions {
  /** Source of the draws; advanced by the call. */
  rng: RandomGenerator;
  /** Draws before giving up. Default 10 000. */
  maxTries?: number;
  /**
   * An extra condition on a connected draw: return `undefined` to accept it,
   * or a short reason (e.g. `'max degree above 7'`) to draw again. The reasons
   * are counted and reported if no draw is accepted.
   */
  reject?: (topology: Topology) => string | undefined;
}

/**
 * Draws from `generator` until the topology is connected, has at least one
 * edge and passes `reject`, within `maxTries` draws; otherwise throws a
 * {@link GraphParameterError} that counts why the draws were rejected.
 *
 * @example
 * ```ts
 * const topology = sampleTopology(gnpGenerator({ numNodes: 8, edgeProb: 0.1 }), { rng: createRng(42) });
 * ```
 */
export function sampleTopology(generator: GraphGenerator, options: SampleTopologyOptions): Topology {
  const maxTries = requireInteger('maxTries', options.maxTries ?? 10_000, 1);
  const rejections = new Map<string, number>();
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const topology = generator.generate(options.rng);
    const reason =
      edgeCount(topology) === 0 ? 'no edges' : !isConnected(topology) ? 'disconnected' : options.reject?.(topology);
    if (reason === undefined) return topology;
    rejections.set(reason, (rejections.get(reason) ?? 0) + 1);
  }
  const counts = [...rejections].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
  throw new GraphParameterError(
    `${generator.name} generator`,
    generator.getConfig(),
    `able to give a usable graph within ${maxTries} draws (rejected: ${counts.join(', ')})`,
  );
}
