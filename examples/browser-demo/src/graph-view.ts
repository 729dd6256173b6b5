import type { ActionGraph } from '@pg/graphs';
import { layoutGraph } from './layout.js';
import { svgElement } from './svg.js';
import type { WalkStep } from './walk-session.js';

const SIZE = 420;
const MARGIN = 34;
const RADIUS = 15;

/**
 * The graph drawn as SVG: nodes with their ids, edges with their action
 * labels. After each step it marks the edge just walked, the node reached,
 * and the node the network predicted (green when right, red when wrong).
 */
export class GraphView {
  private readonly root: SVGSVGElement;
  private nodes: SVGGElement[] = [];
  private edges = new Map<string, SVGLineElement>();

  constructor(container: HTMLElement) {
    this.root = svgElement('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-label': 'the graph being walked' });
    container.append(this.root);
  }

  /** Draws a new graph, laid out afresh. */
  setGraph(graph: ActionGraph): void {
    this.root.replaceChildren();
    const points = layoutGraph(graph).map(({ x, y }) => ({ x: MARGIN + x * (SIZE - 2 * MARGIN), y: MARGIN + y * (SIZE - 2 * MARGIN) }));
    const edgeLayer = svgElement('g', {}, this.root);
    const labelLayer = svgElement('g', {}, this.root);
    this.edges = new Map();
    for (const { u, v, action } of graph.edges()) {
      const [a, b] = [points[u]!, points[v]!];
      this.edges.set(edgeKey(u, v), svgElement('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge' }, edgeLayer));
      const label = svgElement('text', { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, class: 'edge-label' }, labelLayer);
      label.textContent = `a${action}`;
    }
    this.nodes = points.map(({ x, y }, node) => {
      const group = svgElement('g', { class: 'node', transform: `translate(${x} ${y})` }, this.root);
      svgElement('circle', { r: RADIUS }, group);
      svgElement('text', { class: 'node-label', dy: '0.35em' }, group).textContent = String(node);
      return group;
    });
  }

  /** Marks the step just taken; `null` before the first step on this graph. */
  showStep(step: WalkStep | null, current: number): void {
    for (const line of this.edges.values()) line.setAttribute('class', 'edge');
    this.nodes.forEach((group, node) => group.setAttribute('class', node === current ? 'node current' : 'node'));
    if (!step) return;
    const right = step.prediction === step.target;
    this.edges.get(edgeKey(step.node, step.target))?.setAttribute('class', `edge walked ${right ? 'right' : 'wrong'}`);
    const predicted = this.nodes[step.prediction];
    predicted?.setAttribute('class', `${predicted.getAttribute('class')} predicted ${right ? 'right' : 'wrong'}`);
  }
}

function edgeKey(u: number, v: number): string {
  return u < v ? `${u}-${v}` : `${v}-${u}`;
}
