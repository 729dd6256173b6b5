import { svgElement } from './svg.js';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };

/** The curves the chart draws, one value per step. */
export interface ChartData {
  readonly accuracy: ArrayLike<number>;
  readonly oracle: ArrayLike<number>;
  readonly switches: readonly number[];
}

/**
 * The rolling accuracy of the network and of the fair oracle over the last
 * `span` steps, with a dotted line at each graph switch.
 */
export class ChartView {
  private readonly root: SVGSVGElement;

  constructor(
    container: HTMLElement,
    private readonly span = 400,
  ) {
    this.root = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'rolling accuracy' });
    container.append(this.root);
  }

  /** Redraws the chart from the whole history. */
  draw({ accuracy, oracle, switches }: ChartData): void {
    this.root.replaceChildren();
    const end = accuracy.length;
    const start = Math.max(0, end - this.span);
    // The curves fill the width: the whole history until it is longer than `span`, then its last `span` steps.
    const x = (t: number) => PAD.left + ((t - start) / Math.max(1, end - start - 1)) * (WIDTH - PAD.left - PAD.right);
    const y = (value: number) => PAD.top + (1 - value) * (HEIGHT - PAD.top - PAD.bottom);
    for (const level of [0, 0.5, 1]) {
      svgElement('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(level), y2: y(level), class: 'grid' }, this.root);
      svgElement('text', { x: PAD.left - 4, y: y(level), class: 'axis', dy: '0.35em' }, this.root).textContent = `${level * 100}%`;
    }
    for (const at of switches.filter((step) => step >= start)) {
      svgElement('line', { x1: x(at), x2: x(at), y1: PAD.top, y2: HEIGHT - PAD.bottom, class: 'switch' }, this.root);
    }
    const line = (values: ArrayLike<number>, name: string) => {
      const points = Array.from({ length: end - start }, (_, i) => `${x(start + i).toFixed(1)},${y(values[start + i]!).toFixed(1)}`);
      svgElement('polyline', { points: points.join(' '), class: name }, this.root);
    };
    line(oracle, 'oracle-line');
    line(accuracy, 'accuracy-line');
    svgElement('text', { x: PAD.left, y: HEIGHT - 6, class: 'axis start' }, this.root).textContent = `step ${start + 1}`;
    svgElement('text', { x: WIDTH - PAD.right, y: HEIGHT - 6, class: 'axis end' }, this.root).textContent = `step ${end}`;
  }
}
