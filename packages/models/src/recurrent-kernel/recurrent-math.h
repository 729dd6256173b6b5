/*
 * The vector arithmetic of the recurrent cells (recurrent-kernel.c), four floats at a time: the
 * product of a state vector with a weight matrix, the activations, and rows of H floats whatever H.
 */
#ifndef RECURRENT_MATH_H
#define RECURRENT_MATH_H
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

#endif
