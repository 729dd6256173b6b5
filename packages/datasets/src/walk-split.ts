import type { ActionGraph, Walk } from '@pg/graphs';
import { DatasetError } from './errors.js';
import { walkSteps, type StepSequence } from './step-sequence.js';
import { requireInteger } from './validate.js';

/** The two sides a dataset's graphs are drawn from: the training graphs' distribution and the test graphs'. */
export type SplitName = 'train' | 'test';

/** The splits of a dataset's walks: validation graphs are drawn like test graphs but are a split of their own. */
export type WalkSplitName = SplitName | 'validation';

/** What a {@link WalkSplit} is made of: its fields, checked by its constructor. */
export type WalkSplitData = Pick<WalkSplit, 'name' | 'numNodes' | 'numActions' | 'numTimesteps' | 'graphs' | 'nodes' | 'actions' | 'graphIndex'>;

/**
 * One split of a dataset in compact form: the split's graphs and all its
 * walks as flat integer arrays (4 bytes per node and per action, never
 * one-hot). Walks are read as views into the flat arrays, without copying;
 * dense model inputs are made per batch by {@link batches}. The constructor
 * checks that the arrays fit together.
 *
 * @example
 * ```ts
 * const { train } = createStandardDataset({ seed: 1 });
 * const walk = train.walk(0); // { nodes: Int32Array(T), actions: Int32Array(T − 1) }, views
 * train.graphOf(0).next(walk.nodes[0], walk.actions[0]) === walk.nodes[1]; // true
 * ```
 */
export class WalkSplit {
  /** Which split this is. */
  readonly name: WalkSplitName;
  /** Nodes of every graph. */
  readonly numNodes: number;
  /** Size of the action space. */
  readonly numActions: number;
  /** T, the nodes of every walk. */
  readonly numTimesteps: number;
  /** The split's graphs; walk `w` ran on `graphs[graphIndex[w]]`. */
  readonly graphs: readonly ActionGraph[];
  /** The walks' nodes, walk after walk: `numWalks × T`. */
  readonly nodes: Int32Array;
  /** The walks' actions, walk after walk: `numWalks × (T − 1)`. */
  readonly actions: Int32Array;
  /** The index in `graphs` of the graph each walk was run on. */
  readonly graphIndex: Int32Array;

  constructor(data: WalkSplitData) {
    this.name = data.name;
    this.numNodes = requireInteger('numNodes', data.numNodes, 1);
    this.numActions = requireInteger('numActions', data.numActions, 1);
    this.numTimesteps = requireInteger('numTimesteps', data.numTimesteps, 2);
    this.graphs = data.graphs;
    this.nodes = data.nodes;
    this.actions = data.actions;
    this.graphIndex = data.graphIndex;
    const numWalks = this.graphIndex.length;
    const T = this.numTimesteps;
    if (this.nodes.length !== numWalks * T) {
      throw new DatasetError('nodes.length', this.nodes.length, `numWalks × numTimesteps = ${numWalks} × ${T}`);
    }
    if (this.actions.length !== numWalks * (T - 1)) {
      throw new DatasetError('actions.length', this.actions.length, `numWalks × (numTimesteps − 1) = ${numWalks} × ${T - 1}`);
    }
    for (const index of this.graphIndex) requireInteger('graphIndex entry', index, 0, this.graphs.length - 1);
    for (const graph of this.graphs) {
      if (graph.numNodes !== this.numNodes || graph.numActions !== this.numActions) {
        throw new DatasetError('graph size', [graph.numNodes, graph.numActions], `[numNodes, numActions] = [${this.numNodes}, ${this.numActions}]`);
      }
    }
  }

  /** The number of walks. */
  get numWalks(): number {
    return this.graphIndex.length;
  }

  /** Bytes held by the walk arrays (the graphs not counted). */
  get byteLength(): number {
    return this.nodes.byteLength + this.actions.byteLength + this.graphIndex.byteLength;
  }

  /** Walk `i` as views into the flat arrays (no copy). */
  walk(i: number): Walk {
    requireInteger('walk index', i, 0, this.numWalks - 1);
    const T = this.numTimesteps;
    return { nodes: this.nodes.subarray(i * T, (i + 1) * T), actions: this.actions.subarray(i * (T - 1), (i + 1) * (T - 1)) };
  }

  /** Walk `i` as its T − 1 prediction steps (views, no copy). */
  steps(i: number): StepSequence {
    return walkSteps(this.walk(i));
  }

  /** The graph walk `i` was run on. */
  graphOf(i: number): ActionGraph {
    requireInteger('walk index', i, 0, this.numWalks - 1);
    return this.graphs[this.graphIndex[i]!]!;
  }
}
