import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { GraphGenerator } from '../graph-generator.js';
import type { Topology } from '../topology.js';
import { requireInteger, requireProbability } from '../validate.js';

/** Options of {@link gnpGenerator}. */
export interface GnpOptions {
  /** Number of nodes, ≥ 2. */
  numNodes: number;
  /** Probability that each unordered pair is joined, in [0, 1]. */
  edgeProb: number;
}

const TWO_POW_32 = 0x100000000;

/**
 * The Erdős–Rényi family G(n, p): every unordered pair of the `numNodes`
 * nodes is an edge independently with probability `edgeProb`. Each pair costs
 * one 32-bit draw compared with an integer threshold, so the same seed gives
 * the same graph on every platform.
 *
 * @example
 * ```ts
 * const topology = gnpGenerator({ numNodes: 20, edgeProb: 0.2 }).generate(createRng(1));
 * ```
 */
export function gnpGenerator(options: GnpOptions): GraphGenerator {
  const numNodes = requireInteger('numNodes', options.numNodes, 2);
  const edgeProb = requireProbability('edgeProb', options.edgeProb);
  const threshold = Math.round(edgeProb * TWO_POW_32);
  return {
    name: 'gnp',
    numNodes,
    generate(rng: RandomGenerator): Topology {
      const flat: number[] = [];
      for (let u = 0; u < numNodes; u++) {
        for (let v = u + 1; v < numNodes; v++) {
          if ((rng.next() >>> 0) < threshold) flat.push(u, v);
        }
      }
      return { numNodes, edges: Int32Array.from(flat) };
    },
    getConfig: () => ({ numNodes, edgeProb }),
  };
}
