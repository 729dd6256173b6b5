import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { GraphGenerator } from '../graph-generator.js';
import { GraphParameterError } from '../errors.js';
import { randomInt } from '../rng.js';
import { createTopology } from '../topology.js';
import { requireInteger } from '../validate.js';

/** Options of {@link ringGenerator}. */
export interface RingOptions {
  /** Number of nodes on the cycle, ≥ 3. */
  numNodes: number;
  /** Random shortcuts added across the ring (a small-world variant). Default 0. */
  chords?: number;
}

/**
 * A cycle `0 – 1 – … – (n-1) – 0`, optionally with `chords` random extra edges
 * between distinct non-adjacent nodes.
 *
 * @example
 * ```ts
 * const ring = ringGenerator({ numNodes: 12, chords: 2 });
 * ```
 */
export function ringGenerator(options: RingOptions): GraphGenerator {
  const numNodes = requireInteger('numNodes', options.numNodes, 3);
  const chords = requireInteger('chords', options.chords ?? 0, 0);
  const freePairs = (numNodes * (numNodes - 1)) / 2 - numNodes;
  if (chords > freePairs) {
    throw new GraphParameterError('chords', chords, `at most ${freePairs} for a ring of ${numNodes} nodes`);
  }
  const cycle: Array<[number, number]> = Array.from({ length: numNodes }, (_, i) => [i, (i + 1) % numNodes]);
  return {
    name: 'ring',
    numNodes,
    generate(rng: RandomGenerator) {
      const pairs = [...cycle];
      const taken = new Set(cycle.map(([a, b]) => Math.min(a, b) * numNodes + Math.max(a, b)));
      while (pairs.length < numNodes + chords) {
        const a = randomInt(rng, numNodes);
        const b = randomInt(rng, numNodes);
        const key = Math.min(a, b) * numNodes + Math.max(a, b);
        if (a === b || taken.has(key)) continue;
        taken.add(key);
        pairs.push([a, b]);
      }
      return createTopology(numNodes, pairs);
    },
    getConfig: () => ({ numNodes, chords }),
  };
}
