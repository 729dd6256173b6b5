/*
 * The recurrence of RNNGraphNetwork (PyTorch's nn.RNN with tanh), forward and backward, for
 * WebAssembly with SIMD. Built by scripts/build-kernels.mjs into the one module of every kernel.
 *
 * Per sequence, with the input gates x_t = x_t W_ih + b_ih already computed for every step (one
 * large product outside), the recurrent weights W (H x H, row i: input i) and bias b:
 *
 *   h_t = tanh(x_t + h_{t-1} W + b)                  (h_{-1} = h0)
 *
 * Backward (BPTT), from the gradients dy_t of every h_t:
 *
 *   dz_t = (dy_t + dz_{t+1} W^T) (1 - h_t^2)         (dz_L = 0), dh0 = dz_0 W^T
 *
 * dz_t is the gradient of the input gates x_t and of the recurrent product's output; the caller
 * turns it into dW = sum_t h_{t-1}^T dz_t and db = sum_t dz_t as two large products over the whole
 * batch (rnn-kernel-scan.ts), one fixed order whatever the threads.
 *
 * Memory is the caller's: every pointer is an offset into this module's memory, laid out by the
 * TypeScript binding (rnn-kernel-scan.ts, wasm-kernels/kernel-runner.ts). No allocation, no libc.
 */
#include "simd.h"

/* Columns of the product held in registers at once: 8 independent accumulators hide the latency of each addition. */
#define COLUMN_VECTORS 8

/* out = v M for a row vector v [rows] and M [rows, cols], summing over rows in order. */
static void vector_matrix(const float *v, int rows, const float *m, int cols, float *out) {
  int j = 0;
  for (; j + 4 * COLUMN_VECTORS <= cols; j += 4 * COLUMN_VECTORS) {
    f32x4 acc[COLUMN_VECTORS];
    for (int u = 0; u < COLUMN_VECTORS; u++) acc[u] = splat(0);
    for (int i = 0; i < rows; i++) {
      f32x4 vi = splat(v[i]);
      const float *row = m + i * cols + j;
      for (int u = 0; u < COLUMN_VECTORS; u++) acc[u] = madd(acc[u], vi, load(row + 4 * u));
    }
    for (int u = 0; u < COLUMN_VECTORS; u++) store(out + j + 4 * u, acc[u]);
  }
  for (; j + 4 <= cols; j += 4) {
    f32x4 acc = splat(0);
    for (int i = 0; i < rows; i++) acc = madd(acc, splat(v[i]), load(m + i * cols + j));
    store(out + j, acc);
  }
  for (; j < cols; j++) {
    float acc = 0;
    for (int i = 0; i < rows; i++) acc += v[i] * m[i * cols + j];
    out[j] = acc;
  }
}

/*
 * exp(x) for x <= 0, four at a time: x = n ln 2 + r with |r| <= ln 2 / 2, exp(r) by its Taylor
 * polynomial of degree 7 (relative error below 2^-24 on that range), times 2^n through the exponent bits.
 */
static inline f32x4 exp_nonpositive(f32x4 x) {
  x = wasm_f32x4_max(x, splat(-87.0f));
  f32x4 n = wasm_f32x4_nearest(wasm_f32x4_mul(x, splat(1.44269504f)));
  f32x4 r = wasm_f32x4_sub(wasm_f32x4_sub(x, wasm_f32x4_mul(n, splat(0.693145752f))), wasm_f32x4_mul(n, splat(1.42860677e-6f)));
  f32x4 p = splat(1.0f / 5040);
  p = madd(splat(1.0f / 720), p, r);
  p = madd(splat(1.0f / 120), p, r);
  p = madd(splat(1.0f / 24), p, r);
  p = madd(splat(1.0f / 6), p, r);
  p = madd(splat(0.5f), p, r);
  p = madd(splat(1.0f), p, r);
  p = madd(splat(1.0f), p, r);
  f32x4 scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, scale);
}

/* tanh(z) = sign(z) (1 - u) / (1 + u) with u = exp(-2 |z|): no overflow, absolute error about 1e-7. */
static inline f32x4 tanh4(f32x4 z) {
  f32x4 u = exp_nonpositive(wasm_f32x4_mul(splat(-2.0f), wasm_f32x4_abs(z)));
  f32x4 t = wasm_f32x4_div(wasm_f32x4_sub(splat(1.0f), u), wasm_f32x4_add(splat(1.0f), u));
  return wasm_v128_or(t, wasm_v128_and(z, wasm_i32x4_splat((int)0x80000000)));
}

/* h = tanh(x + (z + b)), in place in z (= h). */
static void activate(int H, const float *x, const float *b, float *z) {
  int j = 0;
  for (; j + 4 <= H; j += 4) store(z + j, tanh4(wasm_f32x4_add(load(x + j), wasm_f32x4_add(load(z + j), load(b + j)))));
  if (j < H) {
    float tail[4] = {0, 0, 0, 0};
    for (int k = j; k < H; k++) tail[k - j] = x[k] + (z[k] + b[k]);
    store(tail, tanh4(load(tail)));
    for (int k = j; k < H; k++) z[k] = tail[k - j];
  }
}

/*
 * Forward pass over `count` sequences. Inputs per sequence: x [L, H] (the input gates), h0 [H];
 * shared: w [H, H], b [H]. Output per sequence: y [L, H], every h_t. No scratch.
 */
__attribute__((export_name("rnn_forward"))) void rnn_forward(int count, int H, int L, const float *x, const float *h0,
                                                            const float *w, const float *b, float *y, float *scratch) {
  (void)scratch;
  for (int s = 0; s < count; s++) {
    const float *previous = h0 + s * H;
    for (int t = 0; t < L; t++) {
      float *h = y + (s * L + t) * H;
      vector_matrix(previous, H, w, H, h);
      activate(H, x + (s * L + t) * H, b, h);
      previous = h;
    }
  }
}

/*
 * Backward pass over `count` sequences. Shared input: w [H, H]; per sequence: y [L, H] (the forward
 * pass's h_t) and dy [L, H]. Outputs per sequence: dz [L, H], dh0 [H].
 * Scratch: H * H + H floats (W^T, and the gradient carried into the previous step).
 */
__attribute__((export_name("rnn_backward"))) void rnn_backward(int count, int H, int L, const float *w, const float *y,
                                                              const float *dy, float *dz, float *dh0, float *scratch) {
  float *wt = scratch, *carry = scratch + H * H;
  for (int i = 0; i < H; i++)
    for (int j = 0; j < H; j++) wt[j * H + i] = w[i * H + j];
  for (int s = 0; s < count; s++) {
    __builtin_memset(carry, 0, sizeof(float) * H);
    for (int t = L - 1; t >= 0; t--) {
      const float *h = y + (s * L + t) * H, *g = dy + (s * L + t) * H;
      float *d = dz + (s * L + t) * H;
      int j = 0;
      for (; j + 4 <= H; j += 4) {
        f32x4 ht = load(h + j);
        store(d + j, wasm_f32x4_mul(wasm_f32x4_add(load(g + j), load(carry + j)), wasm_f32x4_sub(splat(1.0f), wasm_f32x4_mul(ht, ht))));
      }
      for (; j < H; j++) d[j] = (g[j] + carry[j]) * (1.0f - h[j] * h[j]);
      vector_matrix(d, H, wt, H, carry);
    }
    __builtin_memcpy(dh0 + s * H, carry, sizeof(float) * H);
  }
}
