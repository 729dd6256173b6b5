import { ModelError } from './errors.js';
import type { GraphNetwork, GraphNetworkConfig } from './graph-network.js';
import { GRUGraphNetwork } from './gru-graph-network.js';
import { LSTMGraphNetwork } from './lstm-graph-network.js';
import { PlasticGraphNetwork, type PlasticGraphNetworkConfig } from './plastic-graph-network.js';
import { RNNGraphNetwork } from './rnn-graph-network.js';
import { TransformerGraphNetwork, type TransformerGraphNetworkConfig } from './transformer-graph-network.js';
import { requireOneOf } from './validate.js';

/** The network classes by their `network_type` name. */
const networkClasses = {
  plastic: PlasticGraphNetwork,
  rnn: RNNGraphNetwork,
  gru: GRUGraphNetwork,
  lstm: LSTMGraphNetwork,
  transformer: TransformerGraphNetwork,
} as const satisfies { [T in keyof NetworkInstances]: new (config: NetworkConfigs[T]) => NetworkInstances[T] };

/** A network's name in run configurations (the seed's `network_type`). */
export type NetworkType = keyof NetworkInstances;

/** The configuration type of each {@link NetworkType}. */
export interface NetworkConfigs {
  /** {@link PlasticGraphNetwork}. */
  plastic: PlasticGraphNetworkConfig;
  /** {@link RNNGraphNetwork}. */
  rnn: GraphNetworkConfig;
  /** {@link GRUGraphNetwork}. */
  gru: GraphNetworkConfig;
  /** {@link LSTMGraphNetwork}. */
  lstm: GraphNetworkConfig;
  /** {@link TransformerGraphNetwork}. */
  transformer: TransformerGraphNetworkConfig;
}

/** The network built for each {@link NetworkType}. */
export interface NetworkInstances {
  /** {@link PlasticGraphNetwork}. */
  plastic: PlasticGraphNetwork;
  /** {@link RNNGraphNetwork}. */
  rnn: RNNGraphNetwork;
  /** {@link GRUGraphNetwork}. */
  gru: GRUGraphNetwork;
  /** {@link LSTMGraphNetwork}. */
  lstm: LSTMGraphNetwork;
  /** {@link TransformerGraphNetwork}. */
  transformer: TransformerGraphNetwork;
}

/** The network built for a {@link NetworkType}. */
export type NetworkOf<T extends NetworkType> = NetworkInstances[T];

/**
 * Every {@link NetworkType}: `plastic`, `rnn`, `gru`, `lstm`, `transformer`.
 *
 * @example
 * ```ts
 * if (!networkTypes.includes(name as NetworkType)) console.error(`unknown network ${name}`);
 * ```
 */
export const networkTypes = Object.freeze(Object.keys(networkClasses) as NetworkType[]);

/**
 * Builds a network from its type name and configuration, as a run configuration
 * names them (`network_type` and the network section). Throws a {@link ModelError}
 * for an unknown type or an invalid configuration.
 *
 * @example
 * ```ts
 * const model = createGraphNetwork('plastic', { numNodes: 50, numActions: 15, hiddenDim: 128, seed: 123 });
 * ```
 */
export function createGraphNetwork<T extends NetworkType>(type: T, config: NetworkConfigs[T]): NetworkOf<T> {
  const NetworkClass = networkClasses[requireOneOf('networkType', type, networkTypes)];
  return new NetworkClass(config as never) as NetworkOf<T>;
}

/** The network class named `className`, as checkpoints store it (`PlasticGraphNetwork`, …). */
export function networkClassNamed(className: unknown): new (config: never) => GraphNetwork {
  const classes = Object.values(networkClasses);
  const NetworkClass = classes.find((candidate) => candidate.className === className);
  if (NetworkClass === undefined) {
    throw new ModelError('modelClass', className, `one of ${classes.map((candidate) => candidate.className).join(', ')}`);
  }
  return NetworkClass;
}
