import {
  edgeCount,
  generateActionGraph,
  GraphParameterError,
  isConnected,
  maxDegree,
  type ActionGraph,
  type GraphGenerator,
  type LabelActionsOptions,
  type RandomGenerator,
} from '@pg/graphs';
import { DatasetError } from './errors.js';

/** Options of {@link drawLabelledGraph}. */
export interface DrawLabelledGraphOptions {
  generator: GraphGenerator;
  numActions: number;
  rng: RandomGenerator;
  /** Draws before giving up. */
  maxTries: number;
  /** The option that bounds node degrees, by name and value: `numActions`, or a disjoint split's `kTrain` / `kTest`. */
  degreeLimit: { field: string; value: number };
  /** The actions each edge may carry, as in `labelActions`. Default: all. */
  allowedActions?: LabelActionsOptions['allowedActions'];
  /** What is being drawn, for error messages, e.g. `'train graphs'`. */
  what: string;
}

/**
 * Draws a connected, labelled graph by rejection sampling (so the result
 * follows the generator's distribution conditioned on every constraint):
 * draws with no edge, disconnected draws and draws with a node of degree
 * above the limit are rejected before any labelling is tried. When
 * `maxTries` draws give nothing, throws a {@link DatasetError} naming the
 * constraint that failed and by how much: for a degree limit, the smallest
 * maximum degree any connected draw had.
 */
export function drawLabelledGraph(options: DrawLabelledGraphOptions): ActionGraph {
  const { generator, numActions, maxTries, what } = options;
  const { field, value: limit } = options.degreeLimit;
  let lowestMaxDegree = Infinity;
  let aboveLimit = 0;
  // The degree check is the cheapest and, in sparse settings such as the seed's disjoint one, rejects
  // most draws, so it runs first: a draw above the limit is handed on as an empty topology, which
  // sampleTopology rejects before its connectivity check. The draw is rejected either way, so the
  // accepted graphs' distribution is unchanged; only the work is less.
  const prefiltered: GraphGenerator = {
    name: generator.name,
    numNodes: generator.numNodes,
    getConfig: () => generator.getConfig(),
    generate(rng) {
      const topology = generator.generate(rng);
      const degree = maxDegree(topology);
      if (degree < lowestMaxDegree && edgeCount(topology) > 0 && isConnected(topology)) lowestMaxDegree = degree;
      if (degree <= limit) return topology;
      aboveLimit += 1;
      return { numNodes: topology.numNodes, edges: NO_EDGES };
    },
  };
  try {
    return generateActionGraph({ generator: prefiltered, numActions, rng: options.rng, maxTries, allowedActions: options.allowedActions });
  } catch (error) {
    if (!(error instanceof GraphParameterError)) throw error;
    if (lowestMaxDegree === Infinity) {
      throw new DatasetError(`${generator.name} generator`, generator.getConfig(), `able to give a connected graph with an edge (none of ${maxTries} draws was)`, {
        cause: error,
      });
    }
    if (lowestMaxDegree > limit) {
      throw new DatasetError(
        field,
        limit,
        `at least the largest node degree of the ${what}, but every connected draw of ${maxTries} had a node of degree ` +
          `${lowestMaxDegree} or more (${lowestMaxDegree - limit} too many)`,
        { cause: error },
      );
    }
    throw new DatasetError(
      field,
      limit,
      `large enough to label the ${what}: of ${maxTries} draws, ${aboveLimit} had a node of degree above ${limit} and the ` +
        `others were disconnected or could not be labelled (${error.message})`,
      { cause: error },
    );
  }
}

const NO_EDGES = new Int32Array(0);
