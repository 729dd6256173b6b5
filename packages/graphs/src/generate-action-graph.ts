import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { ActionGraph } from './action-graph.js';
import type { GraphGenerator } from './graph-generator.js';
import { GraphParameterError } from './errors.js';
import { tryLabelActions, type LabelActionsOptions } from './label-actions.js';
import { sampleTopology, type SampleTopologyOptions } from './sample-topology.js';
import { maxDegree } from './topology.js';
import { requireInteger } from './validate.js';

/** Options of {@link generateActionGraph}. */
export interface GenerateActionGraphOptions {
  /** The family to draw topologies from. */
  generator: GraphGenerator;
  /** Size of the action space, ≥ 1; actions end up unique around each node. */
  numActions: number;
  /** Source of every random choice (draws and labelling); advanced by the call. */
  rng: RandomGenerator;
  /** Passed to {@link labelActions}. */
  allowedActions?: LabelActionsOptions['allowedActions'];
  /** An extra condition on each draw, as in {@link sampleTopology}. */
  reject?: SampleTopologyOptions['reject'];
  /** Graphs drawn, in all, before giving up. Default 10 000. */
  maxTries?: number;
}

/**
 * Draws a connected graph from `generator` and labels its edges with
 * actions, drawing again when the draw has a node of degree above
 * `numActions`, fails `reject`, or cannot be labelled, within `maxTries`
 * draws in all. Throws a {@link GraphParameterError} that says why the draws
 * failed.
 *
 * @example
 * ```ts
 * const graph = generateActionGraph({
 *   generator: gnpGenerator({ numNodes: 20, edgeProb: 0.2 }),
 *   numActions: 8,
 *   rng: createRng(42),
 * });
 * ```
 */
export function generateActionGraph(options: GenerateActionGraphOptions): ActionGraph {
  const { generator, rng, allowedActions, reject } = options;
  const numActions = requireInteger('numActions', options.numActions, 1);
  const maxTries = requireInteger('maxTries', options.maxTries ?? 10_000, 1);
  let draws = 0;
  const counted: GraphGenerator = {
    name: generator.name,
    numNodes: generator.numNodes,
    getConfig: () => generator.getConfig(),
    generate: (source) => {
      draws += 1;
      return generator.generate(source);
    },
  };
  const tooManyActionsNeeded = `with a node of degree above numActions ${numActions}`;
  let failure: { field: string; value: number; reason: string } | undefined;
  while (draws < maxTries) {
    const topology = sampleTopology(counted, {
      rng,
      maxTries: maxTries - draws,
      reject: (candidate) => (maxDegree(candidate) > numActions ? tooManyActionsNeeded : reject?.(candidate)),
    });
    const labelled = tryLabelActions(topology, { numActions, rng, allowedActions, maxTries: 4 });
    if (labelled.graph) return labelled.graph;
    failure = labelled;
  }
  throw new GraphParameterError(
    failure!.field,
    failure!.value,
    `${failure!.reason}; the last of ${maxTries} draws could not be labelled`,
  );
}
