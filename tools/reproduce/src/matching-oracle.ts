/** One of the two fair oracles. */
export type OracleKind = 'directed' | 'undirected';

/**
 * The fair oracle that knows what a model can know, from the run's config.
 * The plastic network's forward write stores each move only from the node it
 * left (key: that node and the action; value: the node reached), so a move
 * walked backwards cannot be read out of it: the directed oracle is its
 * ceiling. The reverse write stores both directions; the generic baselines
 * (RNN, GRU, LSTM, transformer) see the whole walk with nothing in their
 * architecture tying them to one direction (the 50-node RNN gets most first
 * reverse traversals right): the undirected oracle is theirs.
 */
export function matchingOracle(config: Readonly<Record<string, unknown>>): OracleKind {
  return config.network_type === 'plastic' && config.reverse_write !== true ? 'directed' : 'undirected';
}
