import { fairOracle, type GraphSampler } from '@pg/datasets';
import { oracleExpectedCorrect } from '@pg/eval';
import { createRng, deriveSeed, randomInt, randomWalk, type ActionGraph, type RandomGenerator } from '@pg/graphs';
import type { PlasticGraphNetwork, PlasticState } from '@pg/models';
import { argMax, dispose, tensor2d, tidy } from '@tensorflow/tfjs-core';

/** One step of the walk, as the page shows it. */
export interface WalkStep {
  /** The node the walker was at. */
  readonly node: number;
  /** The action it took. */
  readonly action: number;
  /** The node that action led to. */
  readonly target: number;
  /** The network's prediction of `target`, made from `node` and `action` before seeing it. */
  readonly prediction: number;
}

/**
 * A plastic network walking unseen graphs online, one step at a time, with its
 * fast weights carried across graph switches. Everything is computed live:
 * the walk is drawn as it goes, the network writes its fast weights as it
 * walks, and the fair oracle is recomputed over the history at every step.
 *
 * @example
 * ```ts
 * const session = new WalkSession(model, sampler, 1);
 * const { prediction, target } = session.step();
 * session.switchGraph(); // a new unseen graph; the fast weights are kept
 * ```
 */
export class WalkSession {
  /** The graph being walked. */
  graph: ActionGraph;
  /** The walker's node. */
  node: number;
  /** Every step so far. */
  readonly steps: WalkStep[] = [];
  /** The step index at which each graph switch happened. */
  readonly switches: number[] = [];
  private state: PlasticState;
  /** Draws the moves on the current graph; each graph has its own stream. */
  private rng: RandomGenerator;

  constructor(
    private readonly model: PlasticGraphNetwork,
    private readonly sampler: GraphSampler,
    private readonly seed: number,
  ) {
    this.state = model.initialState(1, createRng(deriveSeed(seed, 'fast-weights')));
    [this.graph, this.node, this.rng] = this.enterGraph(0);
  }

  /** Takes one random move, lets the network predict where it leads and write what it saw. */
  step(): WalkStep {
    const { nodes, actions } = randomWalk(this.graph, { steps: 1, start: this.node, rng: this.rng });
    const move = { node: this.node, action: actions[0]!, target: nodes[1]! };
    const { numNodes, numActions } = this.model;
    const values = new Float32Array(numNodes + numActions);
    values[move.node] = 1;
    values[numNodes + move.action] = 1;
    const row = tensor2d(values, [1, numNodes + numActions]);
    const { logits, state } = this.model.step(this.state, row);
    const prediction = tidy(() => argMax(logits, -1).dataSync()[0]!);
    dispose([row, logits]);
    this.model.disposeState(this.state);
    this.state = state;
    this.node = move.target;
    const step = { ...move, prediction };
    this.steps.push(step);
    return step;
  }

  /** Moves the walker to a uniform node of a new unseen graph, without resetting the fast weights. */
  switchGraph(): void {
    this.switches.push(this.steps.length);
    [this.graph, this.node, this.rng] = this.enterGraph(this.switches.length);
  }

  /** Whether each step's prediction was right (1) or wrong (0). */
  correctness(): Float64Array {
    return Float64Array.from(this.steps, (step) => (step.prediction === step.target ? 1 : 0));
  }

  /**
   * The undirected fair oracle's expected correctness at each step: what a learner that remembers
   * every move of this walk (both ways) could score. It is not told of switches, so what it learnt
   * on an old graph is stale on the new one and counts as wrong, as for the network.
   */
  oracleCorrectness(): Float64Array {
    const sequence = {
      nodes: Int32Array.from(this.steps, (step) => step.node),
      actions: Int32Array.from(this.steps, (step) => step.action),
      targets: Int32Array.from(this.steps, (step) => step.target),
    };
    return oracleExpectedCorrect(fairOracle(sequence).undirected, this.model.numNodes);
  }

  /** The fast-weight matrix `W [H, H]` now, row after row. */
  fastWeights(): Float32Array {
    return this.state.fastWeights.dataSync() as Float32Array;
  }

  /** Frees the network's state (the network itself belongs to the caller). */
  dispose(): void {
    this.model.disposeState(this.state);
  }

  /**
   * The `index`-th graph of the session, a uniform start node on it and the stream of its moves, all
   * derived from the seed and the index: the same seed shows the same graphs and walks, whenever
   * the switches happen.
   */
  private enterGraph(index: number): [ActionGraph, number, RandomGenerator] {
    const graph = this.sampler.sample('test', createRng(deriveSeed(this.seed, 'graph', index)));
    const rng = createRng(deriveSeed(this.seed, 'walk', index));
    return [graph, randomInt(rng, graph.numNodes), rng];
  }
}
