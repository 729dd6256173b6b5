import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { ActionGraph } from './action-graph.js';
import { GraphParameterError } from './errors.js';
import { shuffleInPlace } from './shuffle.js';
import { degrees, edgeCount, type Topology } from './topology.js';
import { requireInteger } from './validate.js';

/** Options of {@link labelActions} and {@link tryLabelActions}. */
export interface LabelActionsOptions {
  /** Size of the action space, ≥ 1. */
  numActions: number;
  /** Source of the search's random choices; advanced by the call. */
  rng: RandomGenerator;
  /**
   * The actions an edge between `u` and `v` may carry (`u < v`). Default: all
   * of `[0, numActions)`. The disjoint dataset passes each pair's train-only or
   * test-only subset here.
   */
  allowedActions?: (u: number, v: number) => ArrayLike<number>;
  /** Independent restarts of the search before giving up. Default 20. */
  maxTries?: number;
}

/** The outcome of {@link tryLabelActions}: a graph, or why none was found. */
export type LabelActionsResult =
  | {
      /** The labelled graph. */
      readonly graph: ActionGraph;
      /** Absent on success. */
      readonly reason?: undefined;
      /** Absent on success. */
      readonly field?: undefined;
      /** Absent on success. */
      readonly value?: undefined;
    }
  | {
      /** Absent on failure. */
      readonly graph?: undefined;
      /** What that value would need to be, worded for an error message (`expected` of a {@link GraphParameterError}). */
      readonly reason: string;
      /** What made labelling fail, e.g. `numActions`. */
      readonly field: string;
      /** Its value. */
      readonly value: number;
    };

/**
 * Assigns every edge an action so that the actions around each node are
 * distinct (a proper edge colouring, each edge restricted to its allowed
 * actions). The search colours the most constrained edge first, tries its
 * actions in random order and backtracks, within a step budget per restart.
 * Throws a {@link GraphParameterError} naming the numbers when no labelling
 * exists or none is found.
 *
 * @example
 * ```ts
 * const topology = createTopology(3, [[0, 1], [1, 2]]);
 * const graph = labelActions(topology, { numActions: 2, rng: createRng(1) });
 * ```
 */
export function labelActions(topology: Topology, options: LabelActionsOptions): ActionGraph {
  const result = tryLabelActions(topology, options);
  if (result.graph) return result.graph;
  throw new GraphParameterError(result.field, result.value, result.reason);
}

/**
 * Like {@link labelActions}, but reports failure as a value instead of
 * throwing, for callers that resample the graph when it cannot be labelled.
 */
export function tryLabelActions(topology: Topology, options: LabelActionsOptions): LabelActionsResult {
  const numActions = requireInteger('numActions', options.numActions, 1);
  const maxTries = requireInteger('maxTries', options.maxTries ?? 20, 1);
  const { numNodes, edges } = topology;
  const numEdges = edgeCount(topology);

  const degree = degrees(topology);
  const maxDegree = degree.reduce((max, d) => Math.max(max, d), 0);
  if (maxDegree > numActions) {
    return { field: 'numActions', value: numActions, reason: `at least the maximum node degree ${maxDegree}` };
  }

  const allowed = new Uint8Array(numEdges * numActions);
  for (let e = 0; e < numEdges; e++) {
    const u = edges[2 * e]!;
    const v = edges[2 * e + 1]!;
    const subset = options.allowedActions ? options.allowedActions(u, v) : null;
    if (subset === null) allowed.fill(1, e * numActions, (e + 1) * numActions);
    else for (let i = 0; i < subset.length; i++) allowed[e * numActions + requireAction(subset[i], numActions)] = 1;
  }
  const infeasible = unreachableNode(topology, degree, allowed, numActions);
  if (infeasible) return infeasible;

  const search = new EdgeColouringSearch(topology, numActions, allowed, options.rng);
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const colours = search.run(64 * numEdges + 1024);
    if (colours) {
      return {
        graph: ActionGraph.fromEdges(
          numNodes,
          numActions,
          Array.from({ length: numEdges }, (_, e) => ({ u: edges[2 * e]!, v: edges[2 * e + 1]!, action: colours[e]! })),
        ),
      };
    }
  }
  return {
    field: 'numActions',
    value: numActions,
    reason: `enough to label this graph (max degree ${maxDegree}); no labelling was found in ${maxTries} searches`,
  };
}

function requireAction(action: number | undefined, numActions: number): number {
  return requireInteger('allowed action', action, 0, numActions - 1);
}

/** A node whose edges cannot all get distinct actions from the union of their allowed sets. */
function unreachableNode(topology: Topology, degree: Int32Array, allowed: Uint8Array, numActions: number) {
  const union = new Uint8Array(topology.numNodes * numActions);
  const { edges } = topology;
  for (let e = 0; e < edges.length / 2; e++) {
    for (let a = 0; a < numActions; a++) {
      if (allowed[e * numActions + a]) {
        union[edges[2 * e]! * numActions + a] = 1;
        union[edges[2 * e + 1]! * numActions + a] = 1;
      }
    }
  }
  for (let node = 0; node < topology.numNodes; node++) {
    let available = 0;
    for (let a = 0; a < numActions; a++) available += union[node * numActions + a]!;
    if (available < degree[node]!) {
      return {
        field: `allowed actions around node ${node}`,
        value: available,
        reason: `at least its degree ${degree[node]} (short by ${degree[node]! - available})`,
      };
    }
  }
  return undefined;
}

/** Backtracking list edge colouring, most-constrained edge first. */
class EdgeColouringSearch {
  private readonly colour: Int32Array;
  private readonly used: Uint8Array;
  private readonly tieBreak: Int32Array;

  constructor(
    private readonly topology: Topology,
    private readonly numActions: number,
    private readonly allowed: Uint8Array,
    private readonly rng: RandomGenerator,
  ) {
    const numEdges = topology.edges.length / 2;
    this.colour = new Int32Array(numEdges);
    this.used = new Uint8Array(topology.numNodes * numActions);
    this.tieBreak = new Int32Array(numEdges);
  }

  /** One restart with fresh random tie-breaks; the colours, or `undefined` if the budget ran out. */
  run(budget: number): Int32Array | undefined {
    this.colour.fill(-1);
    this.used.fill(0);
    for (let e = 0; e < this.tieBreak.length; e++) this.tieBreak[e] = e;
    shuffleInPlace(this.tieBreak, this.rng);
    const stack: Array<{ edge: number; candidates: number[]; next: number }> = [];
    for (let steps = 0; steps < budget; steps++) {
      const edge = this.mostConstrainedEdge();
      if (edge === -1) return this.colour.slice();
      stack.push({ edge, candidates: shuffleInPlace(this.available(edge), this.rng), next: 0 });
      // Advance to the next untried action, backtracking through exhausted frames.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (!frame) return undefined;
        if (this.colour[frame.edge] !== -1) this.assign(frame.edge, -1);
        if (frame.next < frame.candidates.length) {
          this.assign(frame.edge, frame.candidates[frame.next++]!);
          break;
        }
        stack.pop();
      }
    }
    return undefined;
  }

  private isAvailable(edge: number, action: number): boolean {
    const { numActions } = this;
    return (
      this.allowed[edge * numActions + action] === 1 &&
      this.used[this.topology.edges[2 * edge]! * numActions + action] === 0 &&
      this.used[this.topology.edges[2 * edge + 1]! * numActions + action] === 0
    );
  }

  private available(edge: number): number[] {
    const result: number[] = [];
    for (let a = 0; a < this.numActions; a++) if (this.isAvailable(edge, a)) result.push(a);
    return result;
  }

  private availableCount(edge: number): number {
    let count = 0;
    for (let a = 0; a < this.numActions; a++) if (this.isAvailable(edge, a)) count += 1;
    return count;
  }

  private mostConstrainedEdge(): number {
    let best = -1;
    let bestCount = Infinity;
    for (let i = 0; i < this.tieBreak.length; i++) {
      const edge = this.tieBreak[i]!;
      if (this.colour[edge] !== -1) continue;
      const count = this.availableCount(edge);
      if (count < bestCount) {
        best = edge;
        bestCount = count;
        if (count === 0) break;
      }
    }
    return best;
  }

  private assign(edge: number, action: number): void {
    const { numActions } = this;
    const u = this.topology.edges[2 * edge]! * numActions;
    const v = this.topology.edges[2 * edge + 1]! * numActions;
    const previous = this.colour[edge]!;
    if (previous !== -1) {
      this.used[u + previous] = 0;
      this.used[v + previous] = 0;
    }
    if (action !== -1) {
      this.used[u + action] = 1;
      this.used[v + action] = 1;
    }
    this.colour[edge] = action;
  }
}
