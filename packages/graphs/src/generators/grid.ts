import type { GraphGenerator } from '../graph-generator.js';
import { GraphParameterError } from '../errors.js';
import { createTopology } from '../topology.js';
import { requireInteger } from '../validate.js';

/** Options of {@link gridGenerator}. */
export interface GridOptions {
  /** Rows of the lattice, ≥ 1 (≥ 3 when periodic). */
  rows: number;
  /** Columns of the lattice, ≥ 1 (≥ 3 when periodic). */
  cols: number;
  /** Wrap both axes into a torus, so every node has degree 4. Default `false`. */
  periodic?: boolean;
}

/**
 * A 2-D lattice of `rows × cols` nodes (node `r * cols + c`), each joined to
 * its horizontal and vertical neighbours; with `periodic` the edges wrap into
 * a torus. The structure is fixed, so worlds differ only by their action
 * labels. A periodic axis needs at least 3 nodes, or wrapping would repeat an edge.
 *
 * @example
 * ```ts
 * const torus = gridGenerator({ rows: 4, cols: 4, periodic: true });
 * ```
 */
export function gridGenerator(options: GridOptions): GraphGenerator {
  const rows = requireInteger('rows', options.rows, 1);
  const cols = requireInteger('cols', options.cols, 1);
  const periodic = options.periodic ?? false;
  if (rows * cols < 2) throw new GraphParameterError('rows × cols', rows * cols, 'at least 2 nodes');
  if (periodic && (rows < 3 || cols < 3)) {
    throw new GraphParameterError('rows and cols', [rows, cols], 'both ≥ 3 when periodic is true');
  }
  const pairs: Array<[number, number]> = [];
  const id = (r: number, c: number) => r * cols + c;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols || periodic) pairs.push([id(r, c), id(r, (c + 1) % cols)]);
      if (r + 1 < rows || periodic) pairs.push([id(r, c), id((r + 1) % rows, c)]);
    }
  }
  const topology = createTopology(rows * cols, pairs);
  return {
    name: periodic ? 'torus' : 'grid',
    numNodes: topology.numNodes,
    generate: () => topology,
    getConfig: () => ({ rows, cols, periodic }),
  };
}
