import { stepCount, type StepSequence } from './step-sequence.js';

/**
 * How a step relates to the earlier steps of its sequence (values of {@link FairOracleResult.category}).
 *
 * @example
 * ```ts
 * const revisits = fairOracle(steps).category.map((c) => (c === StepCategory.revisit ? 1 : 0)); // a revisit mask
 * ```
 */
export const StepCategory = {
  /** A first visit: the edge was not traversed before, in either direction. */
  firstVisit: 0,
  /** The first traversal in this direction of an edge walked the other way before. */
  reverse: 1,
  /** A revisit: this very traversal (node, action, next node) happened before. */
  revisit: 2,
} as const;

/**
 * What a fair oracle's table said at a step (values of {@link FairOracleResult.directed} and `.undirected`).
 *
 * @example
 * ```ts
 * const predictable = fairOracle(steps).undirected.map((o) => (o === OracleOutcome.recalled ? 1 : 0));
 * ```
 */
export const OracleOutcome = {
  /** No entry for (node, action): the oracle can only guess, right with chance 1 / numNodes. */
  unknown: 0,
  /** The entry names the target: the step is predictable. */
  recalled: 1,
  /** The entry names another node: it was learnt before a graph switch that the oracle was not told about. */
  stale: 2,
} as const;

/** Options of {@link fairOracle}. */
export interface FairOracleOptions {
  /**
   * Steps at which the oracle forgets everything, e.g. a switch sequence's
   * `switches` (the ceiling of a learner told when the world changed).
   * Default: none, the oracle remembers the whole sequence.
   */
  resetAt?: ArrayLike<number>;
}

/** Per-step outcomes of {@link fairOracle}, each of the sequence's length. */
export interface FairOracleResult {
  /** {@link OracleOutcome} of a table of the (node, action) → next node moves taken so far. */
  readonly directed: Uint8Array;
  /** {@link OracleOutcome} of a table that also learns each move backwards (an undirected edge carries one action). */
  readonly undirected: Uint8Array;
  /** {@link StepCategory} of each step. */
  readonly category: Uint8Array;
}

/**
 * The fair oracles of one sequence: what could be known at each step from
 * the sequence so far, and nothing else (no access to the graph). The
 * `directed` oracle remembers each move (node, action) → next node; the
 * `undirected` oracle also remembers it backwards, (next node, action) →
 * node. Each answers from its latest entry, so after an unannounced graph
 * switch an entry learnt on the old graph may be stale. `category` sorts
 * steps into first visits, first reverse traversals and revisits by the
 * (node, action, next node) triplets seen before. Within one graph,
 * `directed` is recalled exactly on revisits and `undirected` on revisits and
 * reverses. With `resetAt`, tables and categories start afresh at those
 * steps.
 *
 * @example
 * ```ts
 * // 0 -a1-> 2 -a1-> 0 -a1-> 2
 * const oracle = fairOracle({ nodes: Int32Array.of(0, 2, 0), actions: Int32Array.of(1, 1, 1), targets: Int32Array.of(2, 0, 2) });
 * oracle.directed; // [unknown, unknown, recalled]
 * oracle.undirected; // [unknown, recalled, recalled]
 * oracle.category; // [firstVisit, reverse, revisit]
 * ```
 */
export function fairOracle(sequence: StepSequence, options: FairOracleOptions = {}): FairOracleResult {
  const length = stepCount(sequence);
  const { nodes, actions, targets } = sequence;
  let numActions = 1;
  for (const action of actions) numActions = Math.max(numActions, action + 1);
  let numNodes = 1;
  for (let t = 0; t < length; t++) numNodes = Math.max(numNodes, nodes[t]! + 1, targets[t]! + 1);
  const key = (node: number, action: number) => node * numActions + action;
  const triplet = (u: number, action: number, v: number) => key(u, action) * numNodes + v;

  const resets = new Set(Array.from(options.resetAt ?? []));
  const directedTable = new Map<number, number>();
  const undirectedTable = new Map<number, number>();
  const seen = new Set<number>();
  const result = { directed: new Uint8Array(length), undirected: new Uint8Array(length), category: new Uint8Array(length) };
  for (let t = 0; t < length; t++) {
    if (resets.has(t)) {
      directedTable.clear();
      undirectedTable.clear();
      seen.clear();
    }
    const u = nodes[t]!;
    const action = actions[t]!;
    const v = targets[t]!;
    result.directed[t] = outcome(directedTable.get(key(u, action)), v);
    result.undirected[t] = outcome(undirectedTable.get(key(u, action)), v);
    result.category[t] = seen.has(triplet(u, action, v))
      ? StepCategory.revisit
      : seen.has(triplet(v, action, u))
        ? StepCategory.reverse
        : StepCategory.firstVisit;
    directedTable.set(key(u, action), v);
    undirectedTable.set(key(u, action), v);
    undirectedTable.set(key(v, action), u);
    seen.add(triplet(u, action, v));
  }
  return result;
}

function outcome(entry: number | undefined, target: number): number {
  if (entry === undefined) return OracleOutcome.unknown;
  return entry === target ? OracleOutcome.recalled : OracleOutcome.stale;
}
