import { describe, expect, it } from '@jest/globals';
import { ActionGraph } from '@pg/graphs';
import { renderFigure } from '../../src/figure.js';
import { graphDrawingFigure } from '../../src/figures/graph-drawing.js';
import { layoutGraph } from '../../src/figures/graph-layout.js';

const path = ActionGraph.fromEdges(4, 3, [
  { u: 0, v: 1, action: 0 },
  { u: 1, v: 2, action: 1 },
  { u: 2, v: 3, action: 2 },
]);

describe('graph drawing', () => {
  it('lays a graph out deterministically, with distinct positions', () => {
    const a = layoutGraph(path);
    const b = layoutGraph(path);
    expect(a).toEqual(b);
    const points = new Set(path.nodes().map((node) => `${a.x[node]},${a.y[node]}`));
    expect(points.size).toBe(4);
  });

  it('draws one coloured segment per edge and one label per node', async () => {
    const figure = graphDrawingFigure(path, { name: 'test_graph', title: 'A test graph' });
    const [edges, , labels] = (figure.spec as unknown as { layer: Array<{ data: { values: Array<Record<string, unknown>> } }> }).layer;
    expect(edges!.data.values.map((edge) => edge.action)).toEqual(['a0', 'a1', 'a2']);
    expect(labels!.data.values.map((node) => node.node)).toEqual(['0', '1', '2', '3']);
    const { svg } = await renderFigure(figure);
    expect(svg).toContain('A test graph');
  });
});
