import type { ActionGraph } from '@pg/graphs';

/** A position in the unit square. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Places a graph's nodes in the unit square by stress majorisation: the
 * distance between two nodes on screen approaches `hops^0.6`, where `hops` is
 * their distance in the graph. The exponent below 1 keeps far nodes closer
 * than a straight line would, so paths and trees curl into the square instead
 * of stretching across it. Starts from a circle, so a graph always gets the
 * same drawing.
 *
 * @example
 * ```ts
 * const points = layoutGraph(graph); // points[node] = { x, y } in [0, 1]²
 * ```
 */
export function layoutGraph(graph: ActionGraph, rounds = 200): Point[] {
  const n = graph.numNodes;
  const target = Float64Array.from(hopDistances(graph), (hops) => (hops > 0 ? hops ** 0.6 : 0));
  let x = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / n));
  let y = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / n));
  for (let round = 0; round < rounds; round++) {
    const nextX = new Float64Array(n);
    const nextY = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let weights = 0;
      for (let j = 0; j < n; j++) {
        const wanted = target[i * n + j]!;
        if (i === j || wanted === 0) continue;
        const weight = wanted ** -2;
        const distance = Math.max(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!), 1e-9);
        nextX[i]! += weight * (x[j]! + (wanted * (x[i]! - x[j]!)) / distance);
        nextY[i]! += weight * (y[j]! + (wanted * (y[i]! - y[j]!)) / distance);
        weights += weight;
      }
      nextX[i]! /= Math.max(weights, 1e-9);
      nextY[i]! /= Math.max(weights, 1e-9);
    }
    [x, y] = [nextX, nextY];
  }
  return normalise(x, y);
}

/** Hops between every pair of nodes (breadth-first), row after row; 0 on the diagonal and between components. */
function hopDistances(graph: ActionGraph): Int32Array {
  const n = graph.numNodes;
  const result = new Int32Array(n * n);
  for (let source = 0; source < n; source++) {
    const queue = [source];
    const seen = new Uint8Array(n);
    seen[source] = 1;
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const next of graph.neighbours(node)) {
        if (seen[next]) continue;
        seen[next] = 1;
        result[source * n + next] = result[source * n + node]! + 1;
        queue.push(next);
      }
    }
  }
  return result;
}

/** Scales positions into [0, 1]², centred, keeping their aspect ratio. */
function normalise(x: Float64Array, y: Float64Array): Point[] {
  const [minX, maxX, minY, maxY] = [Math.min(...x), Math.max(...x), Math.min(...y), Math.max(...y)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const offsetX = (1 - (maxX - minX) / span) / 2;
  const offsetY = (1 - (maxY - minY) / span) / 2;
  return Array.from(x, (_, i) => ({ x: offsetX + (x[i]! - minX) / span, y: offsetY + (y[i]! - minY) / span }));
}
