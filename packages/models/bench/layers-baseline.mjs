// The same recurrent model built from tfjs-layers (SimpleRNN / GRU / LSTM with
// return sequences, then Dense(I, relu) and Dense(N)), trained with the same
// Adam on the same batch: the side-by-side baseline of the benchmark.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

const LAYERS = { rnn: tfl.layers.simpleRNN, gru: tfl.layers.gru, lstm: tfl.layers.lstm };

export function layersTrainingStep({ model, numNodes: N, numActions: A, hiddenDim: H }, inputs, targets) {
  const I = Math.floor(Math.sqrt(H * N));
  const network = tfl.sequential({
    layers: [
      // Glorot rather than the default orthogonal recurrent initialiser, whose QR needs tfjs's chained ops (not registered by tfjs-core).
      LAYERS[model]({ units: H, returnSequences: true, inputShape: [null, N + A], recurrentInitializer: 'glorotUniform' }),
      tfl.layers.dense({ units: I, activation: 'relu' }),
      tfl.layers.dense({ units: N }),
    ],
  });
  const optimizer = tf.train.adam(5e-4);
  const variables = network.trainableWeights.map((weight) => weight.read());
  const loss = () => tf.losses.softmaxCrossEntropy(targets, network.apply(inputs, { training: true }));
  return {
    step: () => optimizer.minimize(loss, true, variables).dispose(),
    dispose: () => (network.dispose(), optimizer.dispose()),
  };
}
