import { describe, expect, it } from '@jest/globals';
import { ModelError } from '../src/errors.js';
import { GRUGraphNetwork } from '../src/gru-graph-network.js';
import { LSTMGraphNetwork } from '../src/lstm-graph-network.js';
import { createGraphNetwork, networkClassNamed, networkTypes } from '../src/network-registry.js';
import { PlasticGraphNetwork } from '../src/plastic-graph-network.js';
import { RNNGraphNetwork } from '../src/rnn-graph-network.js';
import { TransformerGraphNetwork } from '../src/transformer-graph-network.js';

const config = { numNodes: 6, numActions: 3, hiddenDim: 4 };

describe('createGraphNetwork', () => {
  it('builds each network type from its name and configuration', () => {
    expect(networkTypes).toEqual(['plastic', 'rnn', 'gru', 'lstm', 'transformer']);
    expect(createGraphNetwork('plastic', { ...config, reverseWrite: true })).toBeInstanceOf(PlasticGraphNetwork);
    expect(createGraphNetwork('rnn', config)).toBeInstanceOf(RNNGraphNetwork);
    expect(createGraphNetwork('gru', config)).toBeInstanceOf(GRUGraphNetwork);
    expect(createGraphNetwork('lstm', config)).toBeInstanceOf(LSTMGraphNetwork);
    expect(createGraphNetwork('transformer', { ...config, numHeads: 2 })).toBeInstanceOf(TransformerGraphNetwork);
  });

  it('rejects unknown types and configurations with ModelErrors', () => {
    expect(() => createGraphNetwork('mlp' as never, config as never)).toThrow(
      'networkType must be one of "plastic", "rnn", "gru", "lstm", "transformer" (got "mlp")',
    );
    expect(() => createGraphNetwork('rnn', { ...config, decay: true } as never)).toThrow(ModelError);
  });
});

describe('networkClassNamed', () => {
  it('finds a class by the name checkpoints store', () => {
    expect(networkClassNamed('LSTMGraphNetwork')).toBe(LSTMGraphNetwork);
    expect(() => networkClassNamed('Net')).toThrow('modelClass must be one of PlasticGraphNetwork, RNNGraphNetwork');
  });
});
