import type { WalkSplit } from './walk-split.js';

/** The outcome of {@link checkConsistency}. */
export interface ConsistencyReport {
  /** Whether no problem of any kind was found. */
  readonly consistent: boolean;
  /** Moves whose (node, action) led elsewhere earlier in the same graph's walks. */
  readonly keyConflicts: number;
  /** Moves along an edge that carried another action earlier in the same graph's walks. */
  readonly edgeConflicts: number;
  /** Moves that are not an edge of the walk's graph with that action. */
  readonly offGraphMoves: number;
  /** The first problem found, in words, if any. */
  readonly firstProblem?: string;
}

/**
 * Checks a split's stored walks the way the seed project checked its
 * tensors, and against the stored graphs: within every graph, each
 * (node, action) must lead to one next node, each edge must carry one
 * action (in both directions), and every move must be an edge of the graph
 * with that action.
 *
 * @example
 * ```ts
 * checkConsistency(dataset.test).consistent; // true
 * ```
 */
export function checkConsistency(split: WalkSplit): ConsistencyReport {
  const { numNodes: N, numActions: A } = split;
  const nextOf = new Map<number, number>();
  const actionOf = new Map<number, number>();
  let keyConflicts = 0;
  let edgeConflicts = 0;
  let offGraphMoves = 0;
  let firstProblem: string | undefined;
  const report = (problem: string) => (firstProblem ??= problem);
  for (let w = 0; w < split.numWalks; w++) {
    const g = split.graphIndex[w]!;
    const graph = split.graphs[g]!;
    const { nodes, actions } = split.walk(w);
    actions.forEach((action, t) => {
      const u = nodes[t]!;
      const v = nodes[t + 1]!;
      const where = `walk ${w} (graph ${g}) step ${t}: ${u} -a${action}-> ${v}`;
      const key = (g * N + u) * A + action;
      const next = nextOf.get(key) ?? v;
      nextOf.set(key, next);
      if (next !== v) {
        keyConflicts += 1;
        report(`${where}, but (${u}, a${action}) led to ${next} before`);
      }
      const edge = (g * N + Math.min(u, v)) * N + Math.max(u, v);
      const edgeAction = actionOf.get(edge) ?? action;
      actionOf.set(edge, edgeAction);
      if (edgeAction !== action) {
        edgeConflicts += 1;
        report(`${where}, but edge {${u}, ${v}} carried a${edgeAction} before`);
      }
      if (graph.next(u, action) !== v) {
        offGraphMoves += 1;
        report(`${where} is not an edge of the graph`);
      }
    });
  }
  return { consistent: firstProblem === undefined, keyConflicts, edgeConflicts, offGraphMoves, firstProblem };
}
