/**
 * Floating-point operations of one Adam training step of the straightforward
 * algorithm (forward ≈ 1/3, backward ≈ 2/3): the work the benchmark divides by
 * the measured time to give an effective GFLOP/s, whatever the implementation.
 */
export function referenceFlops({ model, batchSize: B, length: L, numNodes: N, numActions: A, hiddenDim: H }) {
  const I = Math.floor(Math.sqrt(H * N));
  const decoder = 2 * B * L * (H * I + I * N);
  const perModel = {
    // c1 on prediction and acquisition rows, ca on nodes, then per step: outer product, add, square, sum, divide (5 H²) and the read (2 H²).
    plastic: 2 * B * L * ((N + A + 2) * H * 2 + N * H) + 7 * B * L * H * H,
    rnn: 2 * B * L * ((N + A) * H + H * H),
    gru: 3 * 2 * B * L * ((N + A) * H + H * H),
    lstm: 4 * 2 * B * L * ((N + A) * H + H * H),
  };
  return 3 * (perModel[model] + decoder);
}
