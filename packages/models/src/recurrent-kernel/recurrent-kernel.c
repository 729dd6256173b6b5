/*
 * The recurrences of RNNGraphNetwork (PyTorch's nn.RNN with tanh) and GRUGraphNetwork (nn.GRU),
 * forward and backward, for WebAssembly with SIMD. Built by scripts/build-kernels.mjs into the one
 * module of every kernel.
 *
 * Per sequence, with the input gates x_t = x_t W_ih + b_ih already computed for every step (one
 * large product outside), the recurrent weights W (H x G H, row i: input i) and bias b (G H), and
 * the recurrent gates g_t = h_{t-1} W + b:
 *
 *   RNN (G = 1):  h_t = tanh(x_t + g_t)                                       (h_{-1} = h0)
 *   GRU (G = 3, blocks reset, update, candidate):
 *                 r = sigmoid(x_r + g_r), z = sigmoid(x_z + g_z), n = tanh(x_n + r g_n),
 *                 h_t = n + z (h_{t-1} - n)
 *
 * The backward pass (BPTT) walks each sequence from its last step with the gradient carried into
 * h_{t-1}, and writes the gradients of the input gates dx_t and of the recurrent gates dg_t (the
 * same for the RNN; for the GRU they differ in the candidate block, dg_n = r dx_n). The caller turns
 * dg into dW = sum_t h_{t-1}^T dg_t and db = sum_t dg_t as two large products over the whole batch
 * (recurrent-kernel-scan.ts), one fixed order whatever the threads.
 *
 * Memory is the caller's: every pointer is an offset into this module's memory, laid out by the
 * TypeScript binding (recurrent-kernel-scan.ts, wasm-kernels/kernel-runner.ts). No allocation, no libc.
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

/* sigmoid(x) = 1 / (1 + u) for x >= 0, u / (1 + u) otherwise, with u = exp(-|x|): no overflow. */
static inline f32x4 sigmoid4(f32x4 x) {
  f32x4 u = exp_nonpositive(wasm_f32x4_neg(wasm_f32x4_abs(x)));
  f32x4 positive = wasm_f32x4_div(splat(1.0f), wasm_f32x4_add(splat(1.0f), u));
  return wasm_v128_bitselect(positive, wasm_f32x4_mul(u, positive), wasm_f32x4_ge(x, splat(0)));
}

/* The `n` <= 4 floats at p as one vector (zeros past them), and back: the last block of a row of H floats. */
static inline f32x4 load_upto(const float *p, int n) {
  if (n >= 4) return load(p);
  float t[4] = {0, 0, 0, 0};
  for (int k = 0; k < n; k++) t[k] = p[k];
  return load(t);
}
static inline void store_upto(float *p, f32x4 x, int n) {
  if (n >= 4) return store(p, x);
  float t[4];
  store(t, x);
  for (int k = 0; k < n; k++) p[k] = t[k];
}

/* wt [cols, rows] = w^T for w [rows, cols]. */
static void transpose(const float *w, int rows, int cols, float *wt) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++) wt[j * rows + i] = w[i * cols + j];
}

/*
 * The passes share one signature per direction (unused arrays are null):
 *   forward(count, H, L, x [L, G H], h0 [H], w [H, G H] shared, b [G H] shared | y [L, H], saved [L, S H], scratch)
 *   backward(count, H, L, w, h0, y, saved, dy [L, H] | dx [L, G H], dg [L, G H], dh0 [H], scratch)
 * `saved` holds what the backward pass needs of each step besides h_t.
 */

/* RNN forward: y_t = tanh(x_t + (h_{t-1} W + b)). No saved values; scratch: none. */
__attribute__((export_name("rnn_forward"))) void rnn_forward(int count, int H, int L, const float *x, const float *h0,
                                                            const float *w, const float *b, float *y, float *saved,
                                                            float *scratch) {
  (void)saved;
  (void)scratch;
  for (int s = 0; s < count; s++) {
    const float *previous = h0 + s * H;
    for (int t = 0; t < L; t++) {
      float *h = y + (s * L + t) * H;
      const float *xt = x + (s * L + t) * H;
      vector_matrix(previous, H, w, H, h);
      for (int j = 0; j < H; j += 4) {
        int n = H - j;
        store_upto(h + j, tanh4(wasm_f32x4_add(load_upto(xt + j, n), wasm_f32x4_add(load_upto(h + j, n), load_upto(b + j, n)))), n);
      }
      previous = h;
    }
  }
}

/* RNN backward: dz_t = (dy_t + carry) (1 - h_t^2), carry = dz_t W^T; dx = dz (dg is null). Scratch: H H + H. */
__attribute__((export_name("rnn_backward"))) void rnn_backward(int count, int H, int L, const float *w, const float *h0,
                                                              const float *y, const float *saved, const float *dy,
                                                              float *dx, float *dg, float *dh0, float *scratch) {
  (void)h0;
  (void)saved;
  (void)dg;
  float *wt = scratch, *carry = scratch + H * H;
  transpose(w, H, H, wt);
  for (int s = 0; s < count; s++) {
    __builtin_memset(carry, 0, sizeof(float) * H);
    for (int t = L - 1; t >= 0; t--) {
      const float *h = y + (s * L + t) * H, *g = dy + (s * L + t) * H;
      float *d = dx + (s * L + t) * H;
      for (int j = 0; j < H; j += 4) {
        int n = H - j;
        f32x4 ht = load_upto(h + j, n);
        store_upto(d + j, wasm_f32x4_mul(wasm_f32x4_add(load_upto(g + j, n), load_upto(carry + j, n)), wasm_f32x4_sub(splat(1.0f), wasm_f32x4_mul(ht, ht))), n);
      }
      vector_matrix(d, H, wt, H, carry);
    }
    __builtin_memcpy(dh0 + s * H, carry, sizeof(float) * H);
  }
}

/* GRU forward. Saved per step: r, z, n and g_n (4 H). Scratch: 3 H (the recurrent gates). */
__attribute__((export_name("gru_forward"))) void gru_forward(int count, int H, int L, const float *x, const float *h0,
                                                            const float *w, const float *b, float *y, float *saved,
                                                            float *scratch) {
  float *g = scratch;
  for (int s = 0; s < count; s++) {
    const float *previous = h0 + s * H;
    for (int t = 0; t < L; t++) {
      const float *xt = x + (s * L + t) * 3 * H;
      float *h = y + (s * L + t) * H, *keep = saved + (s * L + t) * 4 * H;
      vector_matrix(previous, H, w, 3 * H, g);
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        f32x4 r = sigmoid4(wasm_f32x4_add(load_upto(xt + j, m), wasm_f32x4_add(load_upto(g + j, m), load_upto(b + j, m))));
        f32x4 z = sigmoid4(wasm_f32x4_add(load_upto(xt + H + j, m), wasm_f32x4_add(load_upto(g + H + j, m), load_upto(b + H + j, m))));
        f32x4 gn = wasm_f32x4_add(load_upto(g + 2 * H + j, m), load_upto(b + 2 * H + j, m));
        f32x4 n = tanh4(wasm_f32x4_add(load_upto(xt + 2 * H + j, m), wasm_f32x4_mul(r, gn)));
        store_upto(h + j, wasm_f32x4_add(n, wasm_f32x4_mul(z, wasm_f32x4_sub(load_upto(previous + j, m), n))), m);
        store_upto(keep + j, r, m);
        store_upto(keep + H + j, z, m);
        store_upto(keep + 2 * H + j, n, m);
        store_upto(keep + 3 * H + j, gn, m);
      }
      previous = h;
    }
  }
}

/*
 * GRU backward, with dh = dy_t + carry: dn = dh (1 - z) (1 - n^2), dz = dh (h_{t-1} - n) z (1 - z),
 * dr = dn g_n r (1 - r); dx = [dr, dz, dn], dg = [dr, dz, r dn], carry = dh z + dg W^T.
 * Scratch: 3 H H + H (W^T, and the product dg W^T).
 */
__attribute__((export_name("gru_backward"))) void gru_backward(int count, int H, int L, const float *w, const float *h0,
                                                              const float *y, const float *saved, const float *dy,
                                                              float *dx, float *dg, float *dh0, float *scratch) {
  float *wt = scratch, *product = scratch + 3 * H * H;
  transpose(w, H, 3 * H, wt);
  for (int s = 0; s < count; s++) {
    float *carry = dh0 + s * H;
    __builtin_memset(carry, 0, sizeof(float) * H);
    for (int t = L - 1; t >= 0; t--) {
      const float *previous = t > 0 ? y + (s * L + t - 1) * H : h0 + s * H;
      const float *keep = saved + (s * L + t) * 4 * H, *gy = dy + (s * L + t) * H;
      float *dxt = dx + (s * L + t) * 3 * H, *dgt = dg + (s * L + t) * 3 * H;
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        f32x4 r = load_upto(keep + j, m), z = load_upto(keep + H + j, m), n = load_upto(keep + 2 * H + j, m);
        f32x4 gn = load_upto(keep + 3 * H + j, m), one = splat(1.0f);
        f32x4 dh = wasm_f32x4_add(load_upto(gy + j, m), load_upto(carry + j, m));
        f32x4 dn = wasm_f32x4_mul(wasm_f32x4_mul(dh, wasm_f32x4_sub(one, z)), wasm_f32x4_sub(one, wasm_f32x4_mul(n, n)));
        f32x4 dz = wasm_f32x4_mul(wasm_f32x4_mul(dh, wasm_f32x4_sub(load_upto(previous + j, m), n)), wasm_f32x4_mul(z, wasm_f32x4_sub(one, z)));
        f32x4 dr = wasm_f32x4_mul(wasm_f32x4_mul(dn, gn), wasm_f32x4_mul(r, wasm_f32x4_sub(one, r)));
        store_upto(dxt + j, dr, m);
        store_upto(dxt + H + j, dz, m);
        store_upto(dxt + 2 * H + j, dn, m);
        store_upto(dgt + j, dr, m);
        store_upto(dgt + H + j, dz, m);
        store_upto(dgt + 2 * H + j, wasm_f32x4_mul(r, dn), m);
        store_upto(carry + j, wasm_f32x4_mul(dh, z), m); /* this block of carry is read above only */
      }
      vector_matrix(dgt, 3 * H, wt, H, product);
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        store_upto(carry + j, wasm_f32x4_add(load_upto(carry + j, m), load_upto(product + j, m)), m);
      }
    }
  }
}
