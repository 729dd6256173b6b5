import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { ActionGraph } from './action-graph.js';
import { GraphParameterError } from './errors.js';
import { randomInt } from './rng.js';
import { requireInteger } from './validate.js';

/**
 * A walk of `T` steps: `nodes[t]` is the node at time `t` (length `T + 1`),
 * `actions[t]` the action taken from `nodes[t]` to `nodes[t + 1]` (length `T`).
 */
export interface Walk {
  /** The visited nodes, `T + 1` of them. */
  readonly nodes: Int32Array;
  /** The action of each move, `T` of them. */
  readonly actions: Int32Array;
}

/** Options of {@link randomWalk}. */
export interface RandomWalkOptions {
  /** Number of moves `T`, ≥ 0. */
  steps: number;
  /** Source of the start node and of each move; advanced by the call. */
  rng: RandomGenerator;
  /** The first node. Default: drawn uniformly from all nodes. */
  start?: number;
}

/**
 * Walks `steps` moves on `graph`, each time to a neighbour chosen uniformly,
 * recording the node sequence and the action of every move.
 *
 * @example
 * ```ts
 * const { nodes, actions } = randomWalk(graph, { steps: 40, rng: createRng(3) });
 * ```
 */
export function randomWalk(graph: ActionGraph, options: RandomWalkOptions): Walk {
  const steps = requireInteger('steps', options.steps, 0);
  const { rng } = options;
  const start =
    options.start === undefined ? randomInt(rng, graph.numNodes) : requireInteger('start', options.start, 0, graph.numNodes - 1);
  const nodes = new Int32Array(steps + 1);
  const actions = new Int32Array(steps);
  nodes[0] = start;
  let node = start;
  for (let t = 0; t < steps; t++) {
    const degree = graph.degree(node);
    if (degree === 0) throw new GraphParameterError('start', start, 'a node from which the walk can continue (node ' + node + ' has no edges)');
    const pick = degree === 1 ? 0 : randomInt(rng as RandomGenerator, degree);
    actions[t] = graph.neighbourActions(node)[pick]!;
    node = graph.neighbours(node)[pick]!;
    nodes[t + 1] = node;
  }
  return { nodes, actions };
}
