import { GraphParameterError } from './errors.js';
import { requireInteger } from './validate.js';

/** One undirected edge with its action label, `u < v`. */
export interface LabelledEdge {
  /** The endpoint with the smaller id. */
  readonly u: number;
  /** The endpoint with the larger id. */
  readonly v: number;
  /** The action the edge carries, the same in both directions. */
  readonly action: number;
}

/** The plain-JSON form of an {@link ActionGraph}. */
export interface ActionGraphJSON {
  /** Marks the object as an action graph. */
  readonly format: 'pg-action-graph';
  /** The layout version of this JSON form. */
  readonly version: 1;
  /** Number of nodes; node ids are `0 … numNodes-1`. */
  readonly numNodes: number;
  /** Size of the action space; actions are `0 … numActions-1`. */
  readonly numActions: number;
  /** `[u, v, action]` triples with `u < v`. */
  readonly edges: ReadonlyArray<readonly [number, number, number]>;
}

const NO_NODE = -1;

/**
 * An immutable undirected graph whose edges carry action ids in
 * `[0, numActions)`, unique among the edges around each node, so that
 * `(node, action)` determines the next node. An edge carries one action in
 * both directions. Lookups are array reads; build one with
 * {@link labelActions} or {@link generateActionGraph}.
 *
 * @example
 * ```ts
 * const graph = ActionGraph.fromEdges(3, 2, [{ u: 0, v: 1, action: 0 }, { u: 1, v: 2, action: 1 }]);
 * graph.next(1, 1); // 2
 * graph.edgeAction(1, 0); // 0
 * ```
 */
export class ActionGraph {
  /** Number of nodes; node ids are `0 … numNodes-1`. */
  readonly numNodes: number;
  /** Size of the action space; every edge carries one action in `[0, numActions)`. */
  readonly numActions: number;
  /** Number of undirected edges. */
  readonly numEdges: number;
  /** Largest number of edges around one node. */
  readonly maxDegree: number;
  private readonly offsets: Int32Array;
  private readonly adjacentNodes: Int32Array;
  private readonly adjacentActions: Int32Array;
  private readonly nextNode: Int32Array;
  private readonly edgeTriples: Int32Array;

  private constructor(numNodes: number, numActions: number, edgeTriples: Int32Array) {
    this.numNodes = numNodes;
    this.numActions = numActions;
    this.numEdges = edgeTriples.length / 3;
    this.edgeTriples = edgeTriples;
    this.nextNode = new Int32Array(numNodes * numActions).fill(NO_NODE);
    const degree = new Int32Array(numNodes);
    for (let i = 0; i < edgeTriples.length; i += 3) {
      const u = edgeTriples[i]!;
      const v = edgeTriples[i + 1]!;
      const action = edgeTriples[i + 2]!;
      for (const [from, to] of [[u, v], [v, u]] as const) {
        const slot = from * numActions + action;
        if (this.nextNode[slot] !== NO_NODE) {
          throw new GraphParameterError(
            `action of edge {${u}, ${v}}`,
            action,
            `unique around node ${from}, but edge {${from}, ${this.nextNode[slot]}} already uses it`,
          );
        }
        this.nextNode[slot] = to;
        degree[from]! += 1;
      }
    }
    this.offsets = new Int32Array(numNodes + 1);
    for (let node = 0; node < numNodes; node++) this.offsets[node + 1] = this.offsets[node]! + degree[node]!;
    this.maxDegree = degree.reduce((max, d) => Math.max(max, d), 0);
    // Neighbours listed in ascending order, so iteration (and walks) never depend on insertion order.
    this.adjacentNodes = new Int32Array(2 * this.numEdges);
    this.adjacentActions = new Int32Array(2 * this.numEdges);
    for (let node = 0; node < numNodes; node++) {
      let at = this.offsets[node]!;
      const pairs: Array<[number, number]> = [];
      for (let action = 0; action < numActions; action++) {
        const to = this.nextNode[node * numActions + action]!;
        if (to !== NO_NODE) pairs.push([to, action]);
      }
      pairs.sort((a, b) => a[0] - b[0]);
      for (const [to, action] of pairs) {
        this.adjacentNodes[at] = to;
        this.adjacentActions[at] = action;
        at += 1;
      }
    }
  }

  /**
   * Builds a graph from labelled edges, checking that nodes and actions are in
   * range, that no pair repeats and that actions are unique around each node.
   */
  static fromEdges(numNodes: number, numActions: number, edges: Iterable<LabelledEdge>): ActionGraph {
    requireInteger('numNodes', numNodes, 1);
    requireInteger('numActions', numActions, 1);
    const triples: number[] = [];
    const seen = new Set<number>();
    for (const { u, v, action } of edges) {
      requireInteger('edge endpoint', u, 0, numNodes - 1);
      requireInteger('edge endpoint', v, 0, numNodes - 1);
      requireInteger(`action of edge {${u}, ${v}}`, action, 0, numActions - 1);
      if (u === v) throw new GraphParameterError('edge', [u, v], 'a pair of distinct nodes (no self-loops)');
      const low = Math.min(u, v);
      const high = Math.max(u, v);
      if (seen.has(low * numNodes + high)) throw new GraphParameterError('edge', [low, high], 'listed once');
      seen.add(low * numNodes + high);
      triples.push(low, high, action);
    }
    return new ActionGraph(numNodes, numActions, Int32Array.from(triples));
  }

  /** Rebuilds a graph from {@link ActionGraph.toJSON}'s output, validating it. */
  static fromJSON(json: unknown): ActionGraph {
    const data = json as Partial<ActionGraphJSON> | null;
    if (data === null || typeof data !== 'object' || data.format !== 'pg-action-graph') {
      throw new GraphParameterError('format', data?.format, '"pg-action-graph"');
    }
    if (data.version !== 1) throw new GraphParameterError('version', data.version, '1');
    if (!Array.isArray(data.edges)) throw new GraphParameterError('edges', data.edges, 'an array of [u, v, action]');
    const edges = data.edges.map((edge, i) => {
      if (!Array.isArray(edge) || edge.length !== 3) {
        throw new GraphParameterError(`edges[${i}]`, edge, 'a triple [u, v, action]');
      }
      return { u: edge[0], v: edge[1], action: edge[2] };
    });
    return ActionGraph.fromEdges(data.numNodes as number, data.numActions as number, edges);
  }

  /** The node ids, `0 … numNodes-1`. */
  nodes(): number[] {
    return Array.from({ length: this.numNodes }, (_, node) => node);
  }

  /** The neighbours of `node` in ascending order (a read-only view). */
  neighbours(node: number): Int32Array {
    return this.adjacentNodes.subarray(this.offsets[node], this.offsets[node + 1]);
  }

  /** The action of each edge to {@link ActionGraph.neighbours}`(node)`, in the same order. */
  neighbourActions(node: number): Int32Array {
    return this.adjacentActions.subarray(this.offsets[node], this.offsets[node + 1]);
  }

  /** The number of edges around `node`. */
  degree(node: number): number {
    return this.offsets[node + 1]! - this.offsets[node]!;
  }

  /** The action on the edge between `u` and `v` (either direction), or `undefined` if they are not adjacent. */
  edgeAction(u: number, v: number): number | undefined {
    for (let at = this.offsets[u]!; at < this.offsets[u + 1]!; at++) {
      if (this.adjacentNodes[at] === v) return this.adjacentActions[at];
    }
    return undefined;
  }

  /** The node reached from `node` by `action`, or `undefined` if no edge around `node` carries it. */
  next(node: number, action: number): number | undefined {
    if (action < 0 || action >= this.numActions) return undefined;
    const to = this.nextNode[node * this.numActions + action];
    return to === undefined || to === NO_NODE ? undefined : to;
  }

  /** Every edge once, `u < v`, in the order they were given. */
  edges(): LabelledEdge[] {
    const result: LabelledEdge[] = [];
    for (let i = 0; i < this.edgeTriples.length; i += 3) {
      result.push({ u: this.edgeTriples[i]!, v: this.edgeTriples[i + 1]!, action: this.edgeTriples[i + 2]! });
    }
    return result;
  }

  /** A plain-JSON form that {@link ActionGraph.fromJSON} restores exactly. */
  toJSON(): ActionGraphJSON {
    return {
      format: 'pg-action-graph',
      version: 1,
      numNodes: this.numNodes,
      numActions: this.numActions,
      edges: this.edges().map(({ u, v, action }) => [u, v, action] as const),
    };
  }
}
