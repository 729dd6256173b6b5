/*
 * The recurrences of RNNGraphNetwork (PyTorch's nn.RNN with tanh), GRUGraphNetwork (nn.GRU) and
 * LSTMGraphNetwork (nn.LSTM), forward and backward, for WebAssembly with SIMD. Built by scripts/build-kernels.mjs into the one
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
 *   LSTM (G = 4, blocks input, forget, candidate, output; a second state, the cell c, c_{-1} = c0):
 *                 i = sigmoid(x_i + g_i), f = sigmoid(x_f + g_f), n = tanh(x_n + g_n), o = sigmoid(x_o + g_o),
 *                 c_t = f c_{t-1} + i n,  h_t = o tanh(c_t)
 *
 * The backward pass (BPTT) walks each sequence from its last step with the gradients carried into
 * h_{t-1} (and c_{t-1}), and writes the gradients of the input gates dx_t and of the recurrent gates
 * dg_t (the same for the RNN and the LSTM; for the GRU they differ in the candidate block,
 * dg_n = r dx_n). The caller turns
 * dg into dW = sum_t h_{t-1}^T dg_t and db = sum_t dg_t as two large products over the whole batch
 * (recurrent-kernel-scan.ts), one fixed order whatever the threads.
 *
 * Memory is the caller's: every pointer is an offset into this module's memory, laid out by the
 * TypeScript binding (recurrent-kernel-scan.ts, wasm-kernels/kernel-runner.ts). No allocation, no libc.
 */
#include "recurrent-math.h"

/*
 * The passes share one signature per direction (unused arrays are null), declared by FORWARD_PASS
 * and BACKWARD_PASS:
 *   forward(count, H, L, x [L, G H], h0 [H], c0 [H], w [H, G H] shared, b [G H] shared | y [L + E, H], saved [L, S H], scratch)
 *   backward(count, H, L, w, h0, y, saved, dy [L + E, H] | dx [L, G H], dg [L, G H], dh0 [H], dc0 [H], scratch)
 * y holds every h_t, then for the LSTM (E = 1) the cell after the last step; dy their gradients.
 * `saved` holds what the backward pass needs of each step besides h_t.
 */
#define FORWARD_PASS(name)                                                                                            \
  __attribute__((export_name(#name))) void name(int count, int H, int L, const float *x, const float *h0, const float *c0, \
                                                const float *w, const float *b, float *y, float *saved, float *scratch)
#define BACKWARD_PASS(name)                                                                                           \
  __attribute__((export_name(#name))) void name(int count, int H, int L, const float *w, const float *h0, const float *y, \
                                                const float *saved, const float *dy, float *dx, float *dg, float *dh0,      \
                                                float *dc0, float *scratch)

/* The block of a gate at column `at` before its activation, x + (g + b), for the m <= 4 columns left in the row. */
static inline f32x4 preactivation(const float *x, const float *g, const float *b, int at, int m) {
  return wasm_f32x4_add(load_upto(x + at, m), wasm_f32x4_add(load_upto(g + at, m), load_upto(b + at, m)));
}

/* RNN forward: y_t = tanh(x_t + (h_{t-1} W + b)). No saved values; scratch: none. */
FORWARD_PASS(rnn_forward) {
  (void)c0;
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
        store_upto(h + j, tanh4(preactivation(xt, h, b, j, n)), n);
      }
      previous = h;
    }
  }
}

/* RNN backward: dz_t = (dy_t + carry) (1 - h_t^2), carry = dz_t W^T; dx = dz (dg is null). Scratch: H H + H. */
BACKWARD_PASS(rnn_backward) {
  (void)h0;
  (void)saved;
  (void)dg;
  (void)dc0;
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
FORWARD_PASS(gru_forward) {
  (void)c0;
  float *g = scratch;
  for (int s = 0; s < count; s++) {
    const float *previous = h0 + s * H;
    for (int t = 0; t < L; t++) {
      const float *xt = x + (s * L + t) * 3 * H;
      float *h = y + (s * L + t) * H, *keep = saved + (s * L + t) * 4 * H;
      vector_matrix(previous, H, w, 3 * H, g);
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        f32x4 r = sigmoid4(preactivation(xt, g, b, j, m));
        f32x4 z = sigmoid4(preactivation(xt, g, b, H + j, m));
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
BACKWARD_PASS(gru_backward) {
  (void)dc0;
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

/*
 * LSTM forward. Saved per step: i, f, n, o, c_{t-1} and tanh(c_t) (6 H); each step writes c_t where
 * the next one reads it, as its c_{t-1}, and the last step into y's last row. Scratch: 4 H.
 */
FORWARD_PASS(lstm_forward) {
  float *g = scratch;
  for (int s = 0; s < count; s++) {
    const float *previous = h0 + s * H;
    for (int t = 0; t < L; t++) {
      const float *xt = x + (s * L + t) * 4 * H;
      float *h = y + (s * (L + 1) + t) * H, *keep = saved + (s * L + t) * 6 * H;
      float *cell = t + 1 < L ? keep + 6 * H + 4 * H : y + (s * (L + 1) + L) * H;
      if (t == 0) __builtin_memcpy(keep + 4 * H, c0 + s * H, sizeof(float) * H);
      vector_matrix(previous, H, w, 4 * H, g);
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        f32x4 i = sigmoid4(preactivation(xt, g, b, j, m));
        f32x4 f = sigmoid4(preactivation(xt, g, b, H + j, m));
        f32x4 n = tanh4(preactivation(xt, g, b, 2 * H + j, m));
        f32x4 o = sigmoid4(preactivation(xt, g, b, 3 * H + j, m));
        f32x4 c = wasm_f32x4_add(wasm_f32x4_mul(f, load_upto(keep + 4 * H + j, m)), wasm_f32x4_mul(i, n));
        f32x4 tc = tanh4(c);
        store_upto(h + j, wasm_f32x4_mul(o, tc), m);
        store_upto(cell + j, c, m);
        store_upto(keep + j, i, m);
        store_upto(keep + H + j, f, m);
        store_upto(keep + 2 * H + j, n, m);
        store_upto(keep + 3 * H + j, o, m);
        store_upto(keep + 5 * H + j, tc, m);
      }
      previous = h;
    }
  }
}

/*
 * LSTM backward, with dh = dy_t + carry_h and dc = dh o (1 - tanh^2 c_t) + carry_c:
 * di = dc n i (1 - i), df = dc c_{t-1} f (1 - f), dn = dc i (1 - n^2), do = dh tanh(c_t) o (1 - o);
 * dx = [di, df, dn, do] (dg is null: the same), carry_c = dc f, carry_h = dx W^T. carry_h starts at
 * zero, carry_c at the gradient of the last cell (dy's last row). Scratch: 4 H H (W^T).
 */
BACKWARD_PASS(lstm_backward) {
  (void)h0;
  (void)y;
  (void)dg;
  float *wt = scratch;
  transpose(w, H, 4 * H, wt);
  for (int s = 0; s < count; s++) {
    float *carry_h = dh0 + s * H, *carry_c = dc0 + s * H;
    __builtin_memset(carry_h, 0, sizeof(float) * H);
    __builtin_memcpy(carry_c, dy + (s * (L + 1) + L) * H, sizeof(float) * H);
    for (int t = L - 1; t >= 0; t--) {
      const float *keep = saved + (s * L + t) * 6 * H, *gy = dy + (s * (L + 1) + t) * H;
      float *dxt = dx + (s * L + t) * 4 * H;
      for (int j = 0; j < H; j += 4) {
        int m = H - j;
        f32x4 i = load_upto(keep + j, m), f = load_upto(keep + H + j, m), n = load_upto(keep + 2 * H + j, m);
        f32x4 o = load_upto(keep + 3 * H + j, m), c_prev = load_upto(keep + 4 * H + j, m), tc = load_upto(keep + 5 * H + j, m);
        f32x4 one = splat(1.0f);
        f32x4 dh = wasm_f32x4_add(load_upto(gy + j, m), load_upto(carry_h + j, m));
        f32x4 dc = madd(load_upto(carry_c + j, m), wasm_f32x4_mul(dh, o), wasm_f32x4_sub(one, wasm_f32x4_mul(tc, tc)));
        store_upto(dxt + j, wasm_f32x4_mul(wasm_f32x4_mul(dc, n), wasm_f32x4_mul(i, wasm_f32x4_sub(one, i))), m);
        store_upto(dxt + H + j, wasm_f32x4_mul(wasm_f32x4_mul(dc, c_prev), wasm_f32x4_mul(f, wasm_f32x4_sub(one, f))), m);
        store_upto(dxt + 2 * H + j, wasm_f32x4_mul(wasm_f32x4_mul(dc, i), wasm_f32x4_sub(one, wasm_f32x4_mul(n, n))), m);
        store_upto(dxt + 3 * H + j, wasm_f32x4_mul(wasm_f32x4_mul(dh, tc), wasm_f32x4_mul(o, wasm_f32x4_sub(one, o))), m);
        store_upto(carry_c + j, wasm_f32x4_mul(dc, f), m);
      }
      vector_matrix(dxt, 4 * H, wt, H, carry_h); /* carry_h was read above only */
    }
  }
}
