import { gnpGenerator, type GraphGenerator } from '@pg/graphs';
import { DatasetError } from './errors.js';
import { requireInteger, requireUnitNumber } from './validate.js';

/** Options shared by every dataset; each has a documented default. */
export interface DatasetOptions {
  /** Nodes of every graph. Default 20, or the `generator`'s node count. */
  numNodes?: number;
  /** Edge probability of the default G(n, p) generator. Default 0.2; leave it out when passing `generator`. */
  edgeProb?: number;
  /** Random walks run on each graph. Default 64. */
  numSamplesPerGraph?: number;
  /** How many graphs: all of them, or the training graphs only, as `numGraphsCounts` says. Default 200. */
  numGraphs?: number;
  /**
   * What `numGraphs` counts. `all` (the default): train and test graphs together, the test split
   * taking `round(numGraphs × testFraction)` of them. `train`: the training graphs only, with
   * `max(1, ceil(testFraction × numGraphs))` test graphs on top, the original project's rule (its
   * `num_graphs: 10000` runs had 10,000 training and 2,000 test graphs).
   */
  numGraphsCounts?: NumGraphsCounts;
  /** T, the nodes of each walk: a walk makes T − 1 moves and gives T − 1 predictions. Default 32. */
  numTimesteps?: number;
  /**
   * Random walks run on each training and validation graph, when the model should train on more or
   * fewer walks than it is tested on. Default `numSamplesPerGraph`. The test split keeps
   * `numSamplesPerGraph`, and its graphs and walks do not change with this option.
   */
  trainSamplesPerGraph?: number;
  /**
   * T of the training and validation walks, when the model should train on longer or shorter walks
   * than it is tested on (long walks cut into chunks by truncated backpropagation, say). Default
   * `numTimesteps`. The validation walks, which choose among trained models, are as long as the
   * training walks, so that they measure what training optimises; the test split keeps
   * `numTimesteps`, and its graphs and walks do not change with this option.
   *
   * @example
   * ```ts
   * // Train on 400-node walks, test on the same 40-node walks as a run without the option.
   * const dataset = createDisjointDataset({ numNodes: 50, edgeProb: 0.1, numActions: 15, numTimesteps: 40, trainTimesteps: 400, trainSamplesPerGraph: 4 });
   * dataset.train.numTimesteps; // 400
   * dataset.test.numTimesteps; // 40
   * ```
   */
  trainTimesteps?: number;
  /** Size of the action space shared by all graphs. Default 8. */
  numActions?: number;
  /** Share of the graphs that go to the test split, rounded to a whole graph. Default 0.2. */
  testFraction?: number;
  /**
   * Share of the training graphs replaced by as many validation graphs, `round(validationFraction ×
   * training graphs)`, for choosing among trained models without rewarding memorised training graphs.
   * They are drawn like the test graphs (on a disjoint dataset, from the test side of every node pair's
   * actions, so no triplet of theirs occurs in training) but with seeds of their own, so that no test
   * graph is ever used to choose. Default 0: no validation split.
   */
  validationFraction?: number;
  /** Seed of everything random in the dataset. Default 42. */
  seed?: number;
  /** Graph draws allowed per graph before the dataset gives up with an error. Default 10 000. */
  maxTries?: number;
  /** The graph family. Default: G(n, p) with `numNodes` and `edgeProb` (`gnpGenerator`). */
  generator?: GraphGenerator;
}

/** Options of the disjoint dataset: the shared ones plus the sizes of each node pair's action subsets. */
export interface DisjointDatasetOptions extends DatasetOptions {
  /** Actions of each node pair reserved for train graphs. Default `floor(numActions / 2)`. */
  kTrain?: number;
  /** Actions of each node pair reserved for test graphs. Default `numActions − kTrain`. */
  kTest?: number;
}

/** What a dataset's `numGraphs` counts: every graph (`all`), or the training graphs only (`train`, the original project's rule). */
export type NumGraphsCounts = 'all' | 'train';

/** The graph family of a dataset as plain JSON: the generator's name and its parameters. */
export type GraphFamilyJSON = {
  /** The generator's family name (`gnp`, `grid`, `torus`, `ring`, or a custom one). */
  readonly name: string;
} & Readonly<Record<string, unknown>>;

/** A fully defaulted standard-dataset configuration, as plain JSON (what a run stores as `dataset_config.json`). */
export interface StandardDatasetConfig {
  /** Which dataset this configures. */
  readonly type: 'standard';
  /** Nodes of every graph. */
  readonly numNodes: number;
  /** The default generator's edge probability, or `null` when a custom generator was given. */
  readonly edgeProb: number | null;
  /** Random walks run on each test graph (and on each training and validation graph unless `trainSamplesPerGraph` says otherwise). */
  readonly numSamplesPerGraph: number;
  /** How many graphs, as `numGraphsCounts` says. */
  readonly numGraphs: number;
  /** What `numGraphs` counts: every graph, or the training graphs only. */
  readonly numGraphsCounts: NumGraphsCounts;
  /** T, the nodes of each test walk (T − 1 predictions), and of each training and validation walk unless `trainTimesteps` says otherwise. */
  readonly numTimesteps: number;
  /** Random walks run on each training and validation graph. */
  readonly trainSamplesPerGraph: number;
  /** T, the nodes of each training and validation walk. */
  readonly trainTimesteps: number;
  /** Size of the action space shared by all graphs. */
  readonly numActions: number;
  /** Share of the graphs in the test split. */
  readonly testFraction: number;
  /** Share of the training graphs replaced by validation graphs (0: none). */
  readonly validationFraction: number;
  /** Seed of everything random in the dataset. */
  readonly seed: number;
  /** Graph draws allowed per graph. */
  readonly maxTries: number;
  /** The graph family, by name and parameters. */
  readonly graphFamily: GraphFamilyJSON;
}

/** A fully defaulted disjoint-dataset configuration, as plain JSON. */
export interface DisjointDatasetConfig extends Omit<StandardDatasetConfig, 'type'> {
  /** Which dataset this configures. */
  readonly type: 'disjoint';
  /** Actions of each node pair reserved for train graphs. */
  readonly kTrain: number;
  /** Actions of each node pair reserved for test graphs. */
  readonly kTest: number;
}

/** The configuration of either dataset. */
export type DatasetConfig = StandardDatasetConfig | DisjointDatasetConfig;

const DEFAULTS = {
  numNodes: 20,
  edgeProb: 0.2,
  numSamplesPerGraph: 64,
  numGraphs: 200,
  numGraphsCounts: 'all',
  numTimesteps: 32,
  numActions: 8,
  testFraction: 0.2,
  validationFraction: 0,
  seed: 42,
  maxTries: 10_000,
} as const;

/**
 * Checks dataset options and fills in every default, returning the
 * configuration as plain JSON. The defaults are the seed project's standard
 * run (20 nodes, p 0.2, 8 actions, 200 graphs of 64 walks of 32 nodes, 20 %
 * test graphs, seed 42). Throws a {@link DatasetError} naming the first bad field.
 *
 * @example
 * ```ts
 * const config = resolveDatasetConfig('disjoint', { numNodes: 50, edgeProb: 0.1, numActions: 15 });
 * config.kTrain; // 7
 * JSON.stringify(config); // what a run stores as dataset_config.json
 * ```
 */
export function resolveDatasetConfig(type: 'standard', options?: DatasetOptions): StandardDatasetConfig;
export function resolveDatasetConfig(type: 'disjoint', options?: DisjointDatasetOptions): DisjointDatasetConfig;
export function resolveDatasetConfig(type: DatasetConfig['type'], options: DisjointDatasetOptions = {}): DatasetConfig {
  const { generator } = options;
  if (generator && options.edgeProb !== undefined) {
    throw new DatasetError('edgeProb', options.edgeProb, `left out when a generator (here ${generator.name}) is given`);
  }
  const numNodes = requireInteger('numNodes', options.numNodes ?? generator?.numNodes ?? DEFAULTS.numNodes, 2);
  if (generator && numNodes !== generator.numNodes) {
    throw new DatasetError('numNodes', numNodes, `the generator's node count ${generator.numNodes}`);
  }
  let edgeProb: number | null = null;
  let family = generator;
  if (!family) {
    // Not `??`: a stored config's `edgeProb: null` (made with a custom family) must not fall back to G(n, p).
    edgeProb = requireUnitNumber('edgeProb', options.edgeProb === undefined ? DEFAULTS.edgeProb : options.edgeProb);
    family = gnpGenerator({ numNodes, edgeProb });
  }
  const numGraphs = requireInteger('numGraphs', options.numGraphs ?? DEFAULTS.numGraphs, 1);
  const numGraphsCounts = options.numGraphsCounts ?? DEFAULTS.numGraphsCounts;
  if (numGraphsCounts !== 'all' && numGraphsCounts !== 'train') {
    throw new DatasetError('numGraphsCounts', numGraphsCounts, "'all' (train and test graphs together) or 'train' (training graphs only)");
  }
  const testFraction = requireUnitNumber('testFraction', options.testFraction ?? DEFAULTS.testFraction, true);
  const validationFraction = requireUnitNumber('validationFraction', options.validationFraction ?? DEFAULTS.validationFraction, true);
  const counts = splitGraphCounts({ numGraphs, numGraphsCounts, testFraction, validationFraction });
  if (counts.train + counts.validation === 0) {
    throw new DatasetError('testFraction', testFraction, `small enough to leave a train graph out of numGraphs ${numGraphs}`);
  }
  if (counts.train === 0 || (validationFraction > 0 && counts.validation === 0)) {
    throw new DatasetError(
      'validationFraction',
      validationFraction,
      `0, or a share that leaves at least one training and one validation graph among ${counts.train + counts.validation} training graphs`,
    );
  }
  const numActions = requireInteger('numActions', options.numActions ?? DEFAULTS.numActions, type === 'disjoint' ? 2 : 1);
  const numSamplesPerGraph = requireInteger('numSamplesPerGraph', options.numSamplesPerGraph ?? DEFAULTS.numSamplesPerGraph, 1);
  const numTimesteps = requireInteger('numTimesteps', options.numTimesteps ?? DEFAULTS.numTimesteps, 2);
  const shared = {
    numNodes,
    edgeProb,
    numSamplesPerGraph,
    numGraphs,
    numGraphsCounts,
    numTimesteps,
    // A configuration stored before these existed trained on the test walks' sizes.
    trainSamplesPerGraph: requireInteger('trainSamplesPerGraph', options.trainSamplesPerGraph ?? numSamplesPerGraph, 1),
    trainTimesteps: requireInteger('trainTimesteps', options.trainTimesteps ?? numTimesteps, 2),
    numActions,
    testFraction,
    validationFraction,
    seed: requireInteger('seed', options.seed ?? DEFAULTS.seed, Number.MIN_SAFE_INTEGER),
    maxTries: requireInteger('maxTries', options.maxTries ?? DEFAULTS.maxTries, 1),
    graphFamily: { name: family.name, ...family.getConfig() },
  };
  if (type === 'standard') return { type, ...shared };
  const kTrain = requireInteger('kTrain', options.kTrain ?? Math.floor(numActions / 2), 1, numActions - 1);
  const kTest = requireInteger('kTest', options.kTest ?? numActions - kTrain, 1, numActions - kTrain);
  return { type, ...shared, kTrain, kTest };
}

/** The number of graphs in each split of a dataset. */
export interface SplitGraphCounts {
  /** Graphs the model trains on. */
  readonly train: number;
  /** Held-out graphs that choose among trained models (0 without a validation split). */
  readonly validation: number;
  /** Held-out graphs the model is tested on. */
  readonly test: number;
}

/**
 * How many graphs each split of a configuration holds. With `numGraphsCounts: 'all'` the test
 * split takes `round(numGraphs × testFraction)` of the `numGraphs`; with `'train'` there are
 * `numGraphs` training graphs and `max(1, ceil(testFraction × numGraphs))` test graphs besides,
 * computed in floating point as the original project did (0.55 × 100 gives 56 test graphs).
 * Then `round(validationFraction × training graphs)` of the training graphs become validation graphs.
 * A configuration stored before `numGraphsCounts` and `validationFraction` existed counts all graphs
 * and has no validation graphs.
 *
 * @example
 * ```ts
 * splitGraphCounts({ numGraphs: 400, testFraction: 0.2 }); // { train: 320, validation: 0, test: 80 }
 * splitGraphCounts({ numGraphs: 10_000, numGraphsCounts: 'train', testFraction: 0.2, validationFraction: 0.2 }); // { train: 8000, validation: 2000, test: 2000 }
 * ```
 */
export function splitGraphCounts(
  config: Pick<DatasetConfig, 'numGraphs' | 'testFraction'> & { readonly numGraphsCounts?: NumGraphsCounts; readonly validationFraction?: number },
): SplitGraphCounts {
  const { numGraphs, testFraction } = config;
  const test = config.numGraphsCounts === 'train' ? Math.max(1, Math.ceil(testFraction * numGraphs)) : Math.round(numGraphs * testFraction);
  const training = config.numGraphsCounts === 'train' ? numGraphs : numGraphs - test;
  const validation = Math.round(training * (config.validationFraction ?? 0));
  return { train: training - validation, validation, test };
}

/** The generator a configuration describes: the one given, or G(n, p) from `numNodes` and `edgeProb`. */
export function configGenerator(config: DatasetConfig, generator?: GraphGenerator): GraphGenerator {
  if (generator) return generator;
  if (config.edgeProb === null) throw new DatasetError('generator', undefined, `the ${config.graphFamily.name} generator named by the config`);
  return gnpGenerator({ numNodes: config.numNodes, edgeProb: config.edgeProb });
}
