import { describe, expect, it } from '@jest/globals';
import { checkConsistency } from '../src/consistency.js';
import { createStandardDataset } from '../src/standard-dataset.js';
import { WalkSplit } from '../src/walk-split.js';
import { PATH4 } from './fixtures.js';

/** Walks on PATH4 (0 -a0- 1 -a1- 2 -a0- 3) given verbatim, right or wrong. */
function walksOnPath(walks: Array<{ nodes: number[]; actions: number[] }>) {
  return new WalkSplit({
    name: 'test',
    numNodes: 4,
    numActions: 2,
    numTimesteps: walks[0]!.nodes.length,
    graphs: [PATH4],
    nodes: Int32Array.from(walks.flatMap((walk) => walk.nodes)),
    actions: Int32Array.from(walks.flatMap((walk) => walk.actions)),
    graphIndex: new Int32Array(walks.length),
  });
}

describe('checkConsistency', () => {
  it('passes the walks of generated datasets', () => {
    const { train, test } = createStandardDataset({ numGraphs: 20, numSamplesPerGraph: 8, seed: 3 });
    expect(checkConsistency(train)).toEqual({ consistent: true, keyConflicts: 0, edgeConflicts: 0, offGraphMoves: 0, firstProblem: undefined });
    expect(checkConsistency(test).consistent).toBe(true);
  });

  it('finds a (node, action) that leads to two nodes', () => {
    const report = checkConsistency(
      walksOnPath([
        { nodes: [0, 1, 2, 3], actions: [0, 1, 0] },
        { nodes: [0, 2, 1, 0], actions: [0, 1, 0] },
      ]),
    );
    expect(report).toEqual({
      consistent: false,
      keyConflicts: 1,
      edgeConflicts: 0,
      offGraphMoves: 1,
      firstProblem: 'walk 1 (graph 0) step 0: 0 -a0-> 2, but (0, a0) led to 1 before',
    });
  });

  it('finds an edge that carries two actions', () => {
    const report = checkConsistency(
      walksOnPath([
        { nodes: [0, 1, 2], actions: [0, 1] },
        { nodes: [2, 1, 0], actions: [0, 0] },
      ]),
    );
    expect(report).toEqual({
      consistent: false,
      keyConflicts: 0,
      edgeConflicts: 1,
      offGraphMoves: 1,
      firstProblem: 'walk 1 (graph 0) step 0: 2 -a0-> 1, but edge {2, 1} carried a1 before',
    });
  });

  it('finds moves that the stored graph does not have, even when the walks agree among themselves', () => {
    const report = checkConsistency(walksOnPath([{ nodes: [0, 3, 0], actions: [1, 1] }]));
    expect(report).toMatchObject({ consistent: false, keyConflicts: 0, edgeConflicts: 0, offGraphMoves: 2 });
    expect(report.firstProblem).toBe('walk 0 (graph 0) step 0: 0 -a1-> 3 is not an edge of the graph');
  });
});
