import { describe, expect, it } from '@jest/globals';
import { renderFigure } from '../../src/figure.js';
import { rollingAccuracyFigure } from '../../src/figures/rolling-accuracy.js';
import { switchAccuracyFigure } from '../../src/figures/switch-accuracy.js';
import { trainingCurvesFigure } from '../../src/figures/training-curves.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
type Layer = { data: { values: Array<Record<string, unknown>> }; mark: { type: string } };
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('curve figures', () => {
  const history = [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 2 / epoch, valLoss: 2.2 / epoch, trainAccuracy: epoch / 4, valAccuracy: null }));

  it('draws training curves with inline data, leaving out validation when there is none', () => {
    const figure = trainingCurvesFigure(history);
    expect(figure.name).toBe('training_curves');
    const [loss, accuracy] = (figure.spec as unknown as { hconcat: unknown[] }).hconcat;
    expect(layersOf(loss)[0]!.data.values).toEqual([
      { series: 'train', x: 1, y: 2 },
      { series: 'train', x: 2, y: 1 },
      { series: 'train', x: 3, y: 2 / 3 },
      { series: 'validation', x: 1, y: 2.2 },
      { series: 'validation', x: 2, y: 1.1 },
      { series: 'validation', x: 3, y: 2.2 / 3 },
    ]);
    // Validation accuracy is null throughout, so its points are dropped rather than drawn at NaN.
    expect(layersOf(accuracy)[0]!.data.values.map((point) => point.series)).toEqual(['train', 'train', 'train']);
  });

  it('draws oracle ceilings and switch markers as rules', () => {
    const figure = switchAccuracyFigure([{ label: 'plastic', x: [0, 1, 2], y: [0.2, 0.5, 0.9] }], {
      switches: [1],
      window: 2,
      ceilings: [{ label: 'oracle', value: 0.95 }],
    });
    const marks = layersOf(figure.spec).map((layer) => layer.mark.type);
    expect(marks).toEqual(['line', 'rule', 'rule', 'text']);
    expect(layersOf(figure.spec)[1]!.data.values).toEqual([{ x: 1 }]);
  });

  it('renders to SVG and PNG in Node', async () => {
    const figure = rollingAccuracyFigure([{ label: 'plastic', x: [1, 2, 3], y: [0.5, 0.7, 0.9] }], {
      window: 3,
      ceilings: [{ label: 'undirected oracle', value: 0.97 }],
    });
    const { svg, png } = await renderFigure(figure);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Rolling accuracy along long explorations');
    expect(svg).toContain('undirected oracle');
    expect([...png.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
  });
});

describe('bands', () => {
  it('shade a series between its lower and upper ends, under the curves, and render', async () => {
    const figure = rollingAccuracyFigure(
      [
        { label: 'plastic (3 seeds)', x: [1, 2, 3], y: [0.5, 0.7, 0.9], band: { lower: [0.4, 0.6, Number.NaN], upper: [0.6, 0.8, 0.95] } },
        { label: 'rnn', x: [1, 2, 3], y: [0.2, 0.2, 0.3] },
      ],
      { window: 3 },
    );
    const [area, line] = layersOf(figure.spec);
    expect(area!.mark.type).toBe('area');
    expect(line!.mark.type).toBe('line');
    // The point with no lower end is left out of the band, not drawn at NaN.
    expect(area!.data.values).toEqual([
      { series: 'plastic (3 seeds)', x: 1, lower: 0.4, upper: 0.6 },
      { series: 'plastic (3 seeds)', x: 2, lower: 0.6, upper: 0.8 },
    ]);
    const { svg } = await renderFigure(figure);
    expect(svg).toContain('plastic (3 seeds)');
  });
});

describe('legends', () => {
  it('hold short labels in two columns, and long ones in one, uncut', async () => {
    const legendOf = (spec: unknown) => (layersOf(spec).at(-1) as unknown as { encoding: { color: { legend: Record<string, unknown> } } }).encoding.color.legend;
    const short = rollingAccuracyFigure([{ label: 'plastic', x: [1, 2], y: [0.5, 0.7] }], { window: 2 });
    expect(legendOf(short.spec)).toEqual({ columns: 2 });
    const label = 'directed oracle (walks of plastic_disjoint_8_original_budget, rnn_disjoint_8)';
    const long = rollingAccuracyFigure(
      [
        { label: 'plastic', x: [1, 2], y: [0.5, 0.7] },
        { label, x: [1, 2], y: [0.8, 0.9], dashed: true },
      ],
      { window: 2 },
    );
    expect(legendOf(long.spec)).toMatchObject({ columns: 1, labelLimit: 0 });
    expect((await renderFigure(long)).svg).toContain(`>${label}</text>`);
  });
});

describe('long series', () => {
  it('are thinned to at most 500 points, keeping the last', () => {
    const x = Array.from({ length: 2000 }, (_, i) => i);
    const figure = rollingAccuracyFigure([{ label: 'm', x, y: x.map(() => 0.5) }], { window: 10 });
    const values = layersOf(figure.spec)[0]!.data.values;
    expect(values.length).toBeLessThanOrEqual(501);
    expect(values[values.length - 1]!.x).toBe(1999);
  });
});
