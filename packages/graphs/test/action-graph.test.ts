import { describe, expect, it } from '@jest/globals';
import { ActionGraph } from '../src/action-graph.js';

const triangle = () =>
  ActionGraph.fromEdges(4, 3, [
    { u: 0, v: 1, action: 0 },
    { u: 2, v: 1, action: 1 },
    { u: 0, v: 2, action: 2 },
    { u: 2, v: 3, action: 0 },
  ]);

describe('ActionGraph', () => {
  it('answers adjacency, actions and moves in both directions', () => {
    const graph = triangle();
    expect(graph.numEdges).toBe(4);
    expect(graph.maxDegree).toBe(3);
    expect(graph.nodes()).toEqual([0, 1, 2, 3]);
    expect([...graph.neighbours(2)]).toEqual([0, 1, 3]);
    expect([...graph.neighbourActions(2)]).toEqual([2, 1, 0]);
    expect(graph.degree(3)).toBe(1);
    expect(graph.edgeAction(1, 2)).toBe(1);
    expect(graph.edgeAction(2, 1)).toBe(1);
    expect(graph.edgeAction(1, 3)).toBeUndefined();
    expect(graph.next(1, 1)).toBe(2);
    expect(graph.next(2, 1)).toBe(1);
    expect(graph.next(3, 1)).toBeUndefined();
    expect(graph.next(3, 7)).toBeUndefined();
    expect(graph.edges()).toContainEqual({ u: 1, v: 2, action: 1 });
  });

  it('round-trips through plain JSON', () => {
    const graph = triangle();
    const json = JSON.parse(JSON.stringify(graph));
    expect(json.format).toBe('pg-action-graph');
    const restored = ActionGraph.fromJSON(json);
    expect(restored.toJSON()).toEqual(graph.toJSON());
    expect([...restored.neighbours(2)]).toEqual([...graph.neighbours(2)]);
  });

  it('refuses an action used twice around a node', () => {
    expect(() =>
      ActionGraph.fromEdges(3, 2, [
        { u: 0, v: 1, action: 1 },
        { u: 1, v: 2, action: 1 },
      ]),
    ).toThrow('action of edge {1, 2} must be unique around node 1, but edge {1, 0} already uses it (got 1)');
  });

  it('refuses malformed edges and JSON', () => {
    expect(() => ActionGraph.fromEdges(3, 2, [{ u: 0, v: 1, action: 2 }])).toThrow(
      'action of edge {0, 1} must be an integer in [0, 1] (got 2)',
    );
    expect(() => ActionGraph.fromEdges(3, 2, [{ u: 0, v: 0, action: 0 }])).toThrow('no self-loops');
    expect(() =>
      ActionGraph.fromEdges(3, 2, [
        { u: 0, v: 1, action: 0 },
        { u: 1, v: 0, action: 1 },
      ]),
    ).toThrow('listed once');
    expect(() => ActionGraph.fromJSON({ format: 'other' })).toThrow('format must be "pg-action-graph" (got "other")');
    expect(() => ActionGraph.fromJSON({ format: 'pg-action-graph', version: 2 })).toThrow('version must be 1 (got 2)');
    expect(() =>
      ActionGraph.fromJSON({ format: 'pg-action-graph', version: 1, numNodes: 2, numActions: 1, edges: [[0, 1]] }),
    ).toThrow('edges[0] must be a triple [u, v, action]');
    expect(() => ActionGraph.fromJSON(null)).toThrow('format must be "pg-action-graph"');
  });
});
