import { randomWalk, type ActionGraph, type RandomGenerator } from '@pg/graphs';
import { DatasetError } from './errors.js';
import { concatSteps, walkSteps, type StepSequence } from './step-sequence.js';
import { requireInteger } from './validate.js';

/** Options of {@link graphSwitchSequence}. */
export interface GraphSwitchOptions {
  /** Moves walked on each graph, ≥ 1. */
  stepsPerGraph: number;
  /** Source of the walks and start nodes; advanced by the call. */
  rng: RandomGenerator;
}

/** One sequence across several graphs, with the steps at which the graph changes. */
export interface SwitchSequence extends StepSequence {
  /** The first step on each graph after the first: `stepsPerGraph, 2 × stepsPerGraph, …`. */
  readonly switches: Int32Array;
}

/**
 * A sequence for adaptation tests: `stepsPerGraph` moves of a random walk on
 * the first graph, then on the second from a uniform start node, and so on.
 * Nothing in the steps marks a switch (a model sees only that its node
 * jumped); the positions are returned for plots and for
 * {@link fairOracle}'s `resetAt`. The sequence is compact; encode it a chunk
 * at a time with {@link chunkSteps} and {@link encodeSteps}.
 *
 * @example
 * ```ts
 * const sequence = graphSwitchSequence(dataset.test.graphs.slice(0, 5), { stepsPerGraph: 200, rng: createRng(9) });
 * sequence.switches; // Int32Array [200, 400, 600, 800]
 * ```
 */
export function graphSwitchSequence(graphs: readonly ActionGraph[], options: GraphSwitchOptions): SwitchSequence {
  const stepsPerGraph = requireInteger('stepsPerGraph', options.stepsPerGraph, 1);
  const first = graphs[0];
  if (!first) throw new DatasetError('graphs', [], 'at least one graph');
  for (const graph of graphs) {
    if (graph.numNodes !== first.numNodes || graph.numActions !== first.numActions) {
      throw new DatasetError('graph size', [graph.numNodes, graph.numActions], `the first graph's [${first.numNodes}, ${first.numActions}]`);
    }
  }
  const { sequence, starts } = concatSteps(graphs.map((graph) => walkSteps(randomWalk(graph, { steps: stepsPerGraph, rng: options.rng }))));
  return { ...sequence, switches: starts.slice(1) };
}
