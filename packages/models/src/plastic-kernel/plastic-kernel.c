/*
 * The plastic recurrence of PlasticLayer.scan, forward and backward, for WebAssembly with SIMD.
 * Built by scripts/build-kernels.mjs (clang --target=wasm32 -O3 -msimd128) into the one module of
 * every kernel, embedded in wasm-kernels/kernels-binary.ts.
 *
 * Per sequence, with fast weights W (H x H), retention rho (H; 1 without decay) and the writes
 * (k_n, v_n) of step t:
 *
 *   P   = diag(rho) W_{t-1} + sum_n v_n k_n^T
 *   s_i = 1 / max(|P_i|, 1e-8)                    (P_i: row i)
 *   W_t = diag(s) P                                (W_t = W_{t-1} at a step without writes)
 *   y_t = W_t q_t                                  (the read, before the layer's relu)
 *
 * The state is kept as W = diag(sigma) U, a lazy scale per row, so a step is one pass over each
 * row: U_i += (v_n[i] / (rho_i sigma_i)) k_n, while summing |U_i|^2 and U_i . q_t; then
 * sigma_i = rho_i sigma_i s_i and y_i = sigma_i (U_i . q_t), without ever dividing the row.
 * A row whose scale leaves [2^-24, 2^24] is folded back (U_i *= sigma_i, sigma_i = 1).
 *
 * Backward, with dW the adjoint of W_t (from dfinal, or 0):
 *
 *   dW  += dy_t q_t^T,  dq_t = W_t^T dy_t
 *   dP_i = s_i (dW_i - (dW_i . W_t,i) W_t,i)       (s_i dW_i where the norm was floored)
 *   dv_n[i] = dP_i . k_n,  dk_n = dP^T v_n,  drho_i += dP_i . W_{t-1,i},  dW_{t-1} = diag(rho) dP
 *
 * A write step is again one pass over each row: the scalar e_i = dW_i . W_t,i that dP_i needs is
 * carried instead of summed over the row first. A read adds dy_t[i] y_t[i] to it, and a write step
 * leaves e_i = rho_i (dP_i . W_{t-1,i}), the same product drho needs.
 *
 * The delta rule (delta = 1) writes the amount c_n[i] = v_n[i] - beta_n rho_i a_n[i] instead of v_n[i],
 * a_n[i] = W_{t-1,i} . k_n (the keys arrive normalised, and v_n already scaled by beta_n where the layer
 * gates): P_i = rho_i W_{t-1,i} + sum_n c_n[i] k_n. The dots a_n are summed in the pass of the write
 * step before (the row does not change in between), as look-ahead dots beside |U_i|^2 and U_i . q, so
 * a step is still one pass; they are recorded for the backward pass. Its adjoint, with dc_n[i] = dP_i . k_n
 * (what the Hebbian rule gives dv_n[i]):
 *
 *   dv_n[i] = dc_n[i],  dk_n = sum_i (c_n[i] dP_i - beta_n rho_i dc_n[i] W_{t-1,i}),
 *   dbeta_n = -sum_i rho_i a_n[i] dc_n[i],  drho_i += dP_i . W_{t-1,i} - sum_n beta_n a_n[i] dc_n[i],
 *   dW_{t-1,i} = rho_i (dP_i - sum_n beta_n dc_n[i] k_n)
 *
 * dc_n[i] is a sum over the row, so the terms it scales take a second pass over it; e_i stays
 * rho_i times the bracket drho_i gains, since a_n[i] is W_{t-1,i} . k_n.
 *
 * The forward pass keeps the state every K steps (checkpoints); the backward pass recomputes each
 * segment of K steps from its checkpoint, then walks it backwards.
 *
 * Memory is the caller's: every pointer is an offset into this module's memory, laid out by the
 * TypeScript binding (plastic-kernel-scan.ts, wasm-kernels/kernel-runner.ts). No allocation, no libc.
 */
#include "simd.h"

#define ROW_NORM_FLOOR 1e-8f
#define SCALE_MIN (1.0f / 16777216.0f)
#define SCALE_MAX 16777216.0f

/* The shapes of one call, and where the writes of each step start (writes of step t: [first[t], first[t + 1])). */
typedef struct {
  int H, L, N, K;
  const int *first;
} Shape;

/* The writes of one step: count pairs, and for the delta rule their strengths (null: 1) and dots (null: Hebbian). */
typedef struct {
  int count;
  const float *keys, *values; /* [count, H] */
  const float *strengths;     /* [count] */
  const float *dots;          /* [count, H]: a_n[i] = W_{t-1,i} . k_n */
} Writes;

/* The writes of step t, in one sequence's arrays keys, values, strengths (null: none) and dots (null: Hebbian). */
static Writes writes_of(const Shape *shape, int t, const float *keys, const float *values, const float *strengths,
                        const float *dots) {
  int at = shape->first[t], H = shape->H;
  Writes w = {shape->first[t + 1] - at, keys + at * H, values + at * H, strengths ? strengths + at : 0,
              dots ? dots + at * H : 0};
  return w;
}

/* What pair n adds to row i in units of its key: v_n[i], or with the delta rule v_n[i] - beta_n rho_i a_n[i]. */
static inline float write_amount(const Writes *w, int H, int n, int i, float rho_i) {
  if (!w->dots) return w->values[n * H + i];
  return w->values[n * H + i] - (w->strengths ? w->strengths[n] : 1.0f) * (rho_i * w->dots[n * H + i]);
}

/* The first step after t with writes (L if none). */
static int next_write_step(const Shape *shape, int t) {
  int next = t + 1;
  while (next < shape->L && shape->first[next + 1] == shape->first[next]) next++;
  return next;
}

/* Number of checkpoints kept per sequence: the state after steps K-1, 2K-1, ... (before the last step). */
static inline int checkpoint_count(const Shape *shape) { return (shape->L - 1) / shape->K; }

/* A state W = diag(sigma) U. */
typedef struct {
  float *u;
  float *sigma;
} State;

/*
 * The row loops below work on 16 floats at a time with 4 independent accumulators (a single one
 * would wait on each addition's latency), then 4 at a time, then one by one. The order of every
 * sum is fixed, so results are the same on every run and every thread.
 */
#define BLOCK 4

/* The sum of four accumulators, in a fixed order. */
static inline float sum4(const f32x4 *acc) {
  return lanes_sum(wasm_f32x4_add(wasm_f32x4_add(acc[0], acc[1]), wasm_f32x4_add(acc[2], acc[3])));
}

/*
 * One step on row i: dst_u = src_u + sum_n alpha_n k_n (alpha_n = c_n[i] / base, base = rho_i sigma_i),
 * returning |dst_u|^2 through squares and dst_u . q as the result, and (delta rule) dst_u . k'_m for
 * the `ahead` keys k'_m of the next write step through ahead_dots. dst_u may be src_u. Inlined with
 * constant counts for the common cases (see write_row).
 */
static inline __attribute__((always_inline)) float write_row_n(int H, const float *src_u, float *dst_u, const int writes,
                                                                 const float *keys, const float *alpha, const float *q,
                                                                 float *squares, const int ahead, const float *ahead_keys,
                                                                 float *ahead_dots) {
  f32x4 sq[BLOCK], dot[BLOCK], next[ahead > 0 ? ahead : 1][BLOCK];
  for (int u = 0; u < BLOCK; u++) {
    sq[u] = dot[u] = splat(0);
    for (int m = 0; m < ahead; m++) next[m][u] = splat(0);
  }
  int j = 0;
  for (; j + 4 * BLOCK <= H; j += 4 * BLOCK) {
    for (int u = 0; u < BLOCK; u++) {
      int at = j + 4 * u;
      f32x4 x = load(src_u + at);
      for (int n = 0; n < writes; n++) x = madd(x, splat(alpha[n]), load(keys + n * H + at));
      store(dst_u + at, x);
      sq[u] = madd(sq[u], x, x);
      dot[u] = madd(dot[u], x, load(q + at));
      for (int m = 0; m < ahead; m++) next[m][u] = madd(next[m][u], x, load(ahead_keys + m * H + at));
    }
  }
  for (; j + 4 <= H; j += 4) {
    f32x4 x = load(src_u + j);
    for (int n = 0; n < writes; n++) x = madd(x, splat(alpha[n]), load(keys + n * H + j));
    store(dst_u + j, x);
    sq[0] = madd(sq[0], x, x);
    dot[0] = madd(dot[0], x, load(q + j));
    for (int m = 0; m < ahead; m++) next[m][0] = madd(next[m][0], x, load(ahead_keys + m * H + j));
  }
  float sq_tail = 0, dot_tail = 0, next_tail[ahead > 0 ? ahead : 1];
  for (int m = 0; m < ahead; m++) next_tail[m] = 0;
  for (; j < H; j++) {
    float x = src_u[j];
    for (int n = 0; n < writes; n++) x += alpha[n] * keys[n * H + j];
    dst_u[j] = x;
    sq_tail += x * x;
    dot_tail += x * q[j];
    for (int m = 0; m < ahead; m++) next_tail[m] += x * ahead_keys[m * H + j];
  }
  for (int m = 0; m < ahead; m++) ahead_dots[m] = sum4(next[m]) + next_tail[m];
  *squares = sum4(sq) + sq_tail;
  return sum4(dot) + dot_tail;
}

/*
 * write_row_n, specialised for one write (the seed's model) and two (with the reverse write), each
 * without look-ahead (the Hebbian rule, or the last write step) and with as many next writes.
 */
static float write_row(int H, const float *src_u, float *dst_u, int writes, const float *keys, const float *alpha,
                       const float *q, float *squares, int ahead, const float *ahead_keys, float *ahead_dots) {
  if (writes == 1 && ahead == 0) return write_row_n(H, src_u, dst_u, 1, keys, alpha, q, squares, 0, 0, 0);
  if (writes == 2 && ahead == 0) return write_row_n(H, src_u, dst_u, 2, keys, alpha, q, squares, 0, 0, 0);
  if (writes == 1 && ahead == 1) return write_row_n(H, src_u, dst_u, 1, keys, alpha, q, squares, 1, ahead_keys, ahead_dots);
  if (writes == 2 && ahead == 2) return write_row_n(H, src_u, dst_u, 2, keys, alpha, q, squares, 2, ahead_keys, ahead_dots);
  return write_row_n(H, src_u, dst_u, writes, keys, alpha, q, squares, ahead, ahead_keys, ahead_dots);
}

static float dot_row(int H, const float *a, const float *b) {
  f32x4 acc[BLOCK];
  for (int u = 0; u < BLOCK; u++) acc[u] = splat(0);
  int j = 0;
  for (; j + 4 * BLOCK <= H; j += 4 * BLOCK)
    for (int u = 0; u < BLOCK; u++) acc[u] = madd(acc[u], load(a + j + 4 * u), load(b + j + 4 * u));
  for (; j + 4 <= H; j += 4) acc[0] = madd(acc[0], load(a + j), load(b + j));
  float tail = 0;
  for (; j < H; j++) tail += a[j] * b[j];
  return sum4(acc) + tail;
}

static void scale_row(int H, float *x, float factor) {
  int j = 0;
  for (; j + 4 <= H; j += 4) store(x + j, wasm_f32x4_mul(load(x + j), splat(factor)));
  for (; j < H; j++) x[j] *= factor;
}

/*
 * The scale a write to row i divides by, base = rho_i sigma_i. Where it leaves [2^-24, 2^24], the
 * scale is folded into the row first (dst_row = base src_row, base = 1), so that v_n[i] / base
 * stays finite; *src_row then points at dst_row.
 */
static float write_base(int H, const float **src_row, float *dst_row, float base) {
  if (base >= SCALE_MIN && base <= SCALE_MAX) return base;
  for (int j = 0; j < H; j++) dst_row[j] = base * (*src_row)[j];
  *src_row = dst_row;
  return 1.0f;
}

/* The new scale of a row after its write, sigma = base s, folded into the row where it leaves the range. */
static float settle_scale(int H, float *dst_row, float sigma) {
  if (sigma >= SCALE_MIN && sigma <= SCALE_MAX) return sigma;
  scale_row(H, dst_row, sigma);
  return 1.0f;
}

/*
 * The keys the delta rule's look-ahead dots are taken with in a step's pass: those of the next write
 * step, `count` of them (0 for the Hebbian rule, or after the last write step); dots[m * H + i]
 * receives W_i . k'_m.
 */
typedef struct {
  int count;
  const float *keys;
  float *dots;
} Ahead;

/*
 * Step t from state src into state dst (dst.u may equal src.u): the writes of the step, then the
 * read y = W_t q. Records each row's inverse norm s when asked, negated where the norm was floored,
 * and the look-ahead dots of the delta rule. A step without writes only reads (dst must then be src).
 */
static void step(const Shape *shape, const Writes *w, const float *rho, State src, State dst, const float *q, float *y,
                 float *s, Ahead ahead) {
  int H = shape->H;
  for (int i = 0; i < H; i++) {
    const float *src_row = src.u + i * H;
    if (w->count == 0) {
      y[i] = src.sigma[i] * dot_row(H, src_row, q);
      continue;
    }
    float *dst_row = dst.u + i * H;
    float rho_i = rho ? rho[i] : 1.0f;
    float base = write_base(H, &src_row, dst_row, rho_i * src.sigma[i]);
    float alpha[w->count], squares, ahead_dots[ahead.count > 0 ? ahead.count : 1];
    for (int n = 0; n < w->count; n++) alpha[n] = write_amount(w, H, n, i, rho_i) / base;
    float dot = write_row(H, src_row, dst_row, w->count, w->keys, alpha, q, &squares, ahead.count, ahead.keys, ahead_dots);
    float norm = base * __builtin_sqrtf(squares);
    float inverse = 1.0f / (norm < ROW_NORM_FLOOR ? ROW_NORM_FLOOR : norm);
    float sigma = base * inverse;
    y[i] = sigma * dot;
    if (s) s[i] = norm < ROW_NORM_FLOOR ? -inverse : inverse;
    for (int m = 0; m < ahead.count; m++) ahead.dots[m * H + i] = sigma * ahead_dots[m];
    dst.sigma[i] = settle_scale(H, dst_row, sigma);
  }
}

/* dst_u = src_u + sum_n alpha_n k_n: write_row_n's update, to the same bits, without its sums. */
static inline __attribute__((always_inline)) void replay_row_n(int H, const float *src_u, float *dst_u, const int writes,
                                                                 const float *keys, const float *alpha) {
  int j = 0;
  for (; j + 4 <= H; j += 4) {
    f32x4 x = load(src_u + j);
    for (int n = 0; n < writes; n++) x = madd(x, splat(alpha[n]), load(keys + n * H + j));
    store(dst_u + j, x);
  }
  for (; j < H; j++) {
    float x = src_u[j];
    for (int n = 0; n < writes; n++) x += alpha[n] * keys[n * H + j];
    dst_u[j] = x;
  }
}

/*
 * Step t again, for the backward pass, from the inverse norms s (and the delta rule's dots) the
 * forward pass recorded: the same state, bit for bit, for a third of the work (no norms, no read).
 */
static void replay(const Shape *shape, const Writes *w, const float *rho, State src, State dst, const float *s) {
  int H = shape->H;
  for (int i = 0; i < H; i++) {
    const float *src_row = src.u + i * H;
    float *dst_row = dst.u + i * H;
    float rho_i = rho ? rho[i] : 1.0f;
    float base = write_base(H, &src_row, dst_row, rho_i * src.sigma[i]);
    float alpha[w->count];
    for (int n = 0; n < w->count; n++) alpha[n] = write_amount(w, H, n, i, rho_i) / base;
    if (w->count == 1) replay_row_n(H, src_row, dst_row, 1, w->keys, alpha);
    else if (w->count == 2) replay_row_n(H, src_row, dst_row, 2, w->keys, alpha);
    else replay_row_n(H, src_row, dst_row, w->count, w->keys, alpha);
    dst.sigma[i] = settle_scale(H, dst_row, base * __builtin_fabsf(s[i]));
  }
}

/* Per-sequence strides of the arrays. */
static inline int state_size(const Shape *shape) { return shape->H * shape->H + shape->H; }

/*
 * Forward pass over `count` sequences, with the Hebbian rule (delta = 0) or the delta rule (1).
 * Inputs per sequence: q [L, H], keys and values [N, H], (delta rule) strengths [N] (null: 1),
 * w0 [H, H]; rho [H] shared (null: no decay). Outputs per sequence: y [L, H]; final [H, H] (null:
 * not wanted); for a backward pass (null: none will follow), checkpoints [C, H * H + H], each U then
 * sigma, and the signed inverse norms s [L, H] of every write step; (delta rule) the dots a [N, H]
 * of every write. Scratch: H * H + H floats.
 */
__attribute__((export_name("plastic_forward"))) void plastic_forward(int count, int H, int L, int N, int K, int delta,
                                                                      const int *first, const float *q,
                                                                      const float *keys, const float *values,
                                                                      const float *strengths, const float *w0,
                                                                      const float *rho, float *y, float *final,
                                                                      float *checkpoints, float *s, float *dots,
                                                                      float *scratch) {
  Shape shape = {H, L, N, K, first};
  State state = {scratch, scratch + H * H};
  for (int b = 0; b < count; b++) {
    const float *kb = keys + b * N * H, *vb = values + b * N * H, *sb = strengths ? strengths + b * N : 0;
    float *db = delta ? dots + b * N * H : 0;
    __builtin_memcpy(state.u, w0 + b * H * H, sizeof(float) * H * H);
    for (int i = 0; i < H; i++) state.sigma[i] = 1.0f;
    /* The delta rule's dots for the first write step, from W_0 (the later ones come with each write step's pass). */
    int ahead_step = next_write_step(&shape, -1);
    if (db && ahead_step < L) {
      Writes w = writes_of(&shape, ahead_step, kb, vb, sb, db);
      for (int n = 0; n < w.count; n++)
        for (int i = 0; i < H; i++) db[(first[ahead_step] + n) * H + i] = dot_row(H, state.u + i * H, w.keys + n * H);
    }
    float *saved = checkpoints ? checkpoints + b * checkpoint_count(&shape) * state_size(&shape) : 0;
    for (int t = 0; t < L; t++) {
      Writes w = writes_of(&shape, t, kb, vb, sb, db);
      Ahead ahead = {0, 0, 0};
      if (db && w.count > 0 && (ahead_step = next_write_step(&shape, t)) < L) {
        Writes next = writes_of(&shape, ahead_step, kb, vb, sb, db);
        ahead.count = next.count;
        ahead.keys = next.keys;
        ahead.dots = db + first[ahead_step] * H;
      }
      step(&shape, &w, rho, state, state, q + (b * L + t) * H, y + (b * L + t) * H, s ? s + (b * L + t) * H : 0, ahead);
      if (saved && (t + 1) % K == 0 && t + 1 < L) {
        __builtin_memcpy(saved, state.u, sizeof(float) * state_size(&shape));
        saved += state_size(&shape);
      }
    }
    if (final) {
      float *out = final + b * H * H;
      for (int i = 0; i < H; i++)
        for (int j = 0; j < H; j++) out[i * H + j] = state.sigma[i] * state.u[i * H + j];
    }
  }
}

/* The states of one segment, recomputed: `start` is the state before its first step, slot r the state after its step r. */
typedef struct {
  State start;
  float *u;      /* [K, H * H]: U after each step with writes */
  float *sigma;  /* [K, H] */
  int *has_slot; /* [K]: whether step r wrote (steps without writes share the previous state) */
} Segment;

static State state_after(const Segment *seg, const Shape *shape, int r) {
  while (r >= 0 && !seg->has_slot[r]) r--;
  if (r < 0) return seg->start;
  State state = {seg->u + r * shape->H * shape->H, seg->sigma + r * shape->H};
  return state;
}

/* Row i of a step without writes, backwards: dW_i += d q, dq += (d sigma_i) U_i. */
static void read_adjoint_row(int H, float *dw, const float *u, float d, float d_sigma, const float *q, float *dq) {
  int j = 0;
  for (; j + 4 <= H; j += 4) {
    store(dw + j, madd(load(dw + j), splat(d), load(q + j)));
    store(dq + j, madd(load(dq + j), splat(d_sigma), load(u + j)));
  }
  for (; j < H; j++) {
    dw[j] += d * q[j];
    dq[j] += d_sigma * u[j];
  }
}

/*
 * Row i of a write step, backwards, in one pass: g = dW_i + d q (the read's share of the
 * adjoint), p = a g + b U_i (= dP_i), dv_n[i] = p . k_n, dk_n += c_n[i] p (c: the amounts written,
 * v_n[i] with the Hebbian rule), dq += (d sigma_i) U_i, dW_i = rho_i p. Returns p . U_prev (U_prev:
 * row i of the state before the step). Inlined with a constant `writes` for the common counts (see
 * write_adjoint_row).
 */
typedef struct {
  float d, d_sigma, a, b, rho;
} RowAdjoint;

static inline __attribute__((always_inline)) float write_adjoint_row_n(
    int H, float *dw, const float *u, const float *u_prev, const float *q, float *dq, RowAdjoint row, const int writes,
    const float *keys, const float *amounts, int i, float *dkeys, float *dvalues) {
  f32x4 dv[writes > 0 ? writes : 1][BLOCK], previous[BLOCK];
  float dv_tail[writes > 0 ? writes : 1];
  for (int u = 0; u < BLOCK; u++) {
    previous[u] = splat(0);
    for (int n = 0; n < writes; n++) dv[n][u] = splat(0);
  }
  for (int n = 0; n < writes; n++) dv_tail[n] = 0;
  float previous_tail = 0;
  int j = 0;
  for (; j + 4 * BLOCK <= H; j += 4 * BLOCK) {
    for (int k = 0; k < BLOCK; k++) {
      int at = j + 4 * k;
      f32x4 x = load(u + at);
      f32x4 p = madd(wasm_f32x4_mul(splat(row.a), madd(load(dw + at), splat(row.d), load(q + at))), splat(row.b), x);
      for (int n = 0; n < writes; n++) {
        dv[n][k] = madd(dv[n][k], p, load(keys + n * H + at));
        store(dkeys + n * H + at, madd(load(dkeys + n * H + at), splat(amounts[n]), p));
      }
      store(dq + at, madd(load(dq + at), splat(row.d_sigma), x));
      previous[k] = madd(previous[k], p, load(u_prev + at));
      store(dw + at, wasm_f32x4_mul(splat(row.rho), p));
    }
  }
  for (; j + 4 <= H; j += 4) {
    f32x4 x = load(u + j);
    f32x4 p = madd(wasm_f32x4_mul(splat(row.a), madd(load(dw + j), splat(row.d), load(q + j))), splat(row.b), x);
    for (int n = 0; n < writes; n++) {
      dv[n][0] = madd(dv[n][0], p, load(keys + n * H + j));
      store(dkeys + n * H + j, madd(load(dkeys + n * H + j), splat(amounts[n]), p));
    }
    store(dq + j, madd(load(dq + j), splat(row.d_sigma), x));
    previous[0] = madd(previous[0], p, load(u_prev + j));
    store(dw + j, wasm_f32x4_mul(splat(row.rho), p));
  }
  for (; j < H; j++) {
    float p = row.a * (dw[j] + row.d * q[j]) + row.b * u[j];
    for (int n = 0; n < writes; n++) {
      dv_tail[n] += p * keys[n * H + j];
      dkeys[n * H + j] += amounts[n] * p;
    }
    dq[j] += row.d_sigma * u[j];
    previous_tail += p * u_prev[j];
    dw[j] = row.rho * p;
  }
  for (int n = 0; n < writes; n++) dvalues[n * H + i] = sum4(dv[n]) + dv_tail[n];
  return sum4(previous) + previous_tail;
}

static float write_adjoint_row(int H, float *dw, const float *u, const float *u_prev, const float *q, float *dq,
                               RowAdjoint row, int writes, const float *keys, const float *amounts, int i, float *dkeys,
                               float *dvalues) {
  if (writes == 1) return write_adjoint_row_n(H, dw, u, u_prev, q, dq, row, 1, keys, amounts, i, dkeys, dvalues);
  if (writes == 2) return write_adjoint_row_n(H, dw, u, u_prev, q, dq, row, 2, keys, amounts, i, dkeys, dvalues);
  return write_adjoint_row_n(H, dw, u, u_prev, q, dq, row, writes, keys, amounts, i, dkeys, dvalues);
}

/*
 * The delta rule's second pass over row i of a write step, once its dc_n[i] are known: with
 * gamma_n = rho_i beta_n dc_n[i], dW_i -= sum_n gamma_n k_n and dk_n -= gamma_n W_prev,i
 * (W_prev,i = sigma_prev U_prev).
 */
static void delta_adjoint_row(int H, float *dw, const float *u_prev, float sigma_prev, int writes, const float *keys,
                              const float *gamma, float *dkeys) {
  float minus[writes], minus_scaled[writes];
  for (int n = 0; n < writes; n++) {
    minus[n] = -gamma[n];
    minus_scaled[n] = -gamma[n] * sigma_prev;
  }
  int j = 0;
  for (; j + 4 <= H; j += 4) {
    f32x4 x = load(dw + j), previous = load(u_prev + j);
    for (int n = 0; n < writes; n++) {
      x = madd(x, splat(minus[n]), load(keys + n * H + j));
      store(dkeys + n * H + j, madd(load(dkeys + n * H + j), splat(minus_scaled[n]), previous));
    }
    store(dw + j, x);
  }
  for (; j < H; j++) {
    for (int n = 0; n < writes; n++) {
      dw[j] += minus[n] * keys[n * H + j];
      dkeys[n * H + j] += minus_scaled[n] * u_prev[j];
    }
  }
}

/*
 * Backward pass over `count` sequences, from the forward pass's inputs and outputs (y, checkpoints,
 * s, and the delta rule's dots), and the gradients of y [L, H] and (dfinal, null: none) of the final
 * weights [H, H]. Outputs per sequence: dq [L, H], dkeys and dvalues [N, H], dw0 [H, H], drho [H]
 * (when rho is given), dstrengths [N] (when strengths are given).
 * Scratch: K * (H * H + H + 1) + H * H + 2 H floats.
 */
__attribute__((export_name("plastic_backward"))) void plastic_backward(
    int count, int H, int L, int N, int K, int delta, const int *first, const float *q, const float *keys,
    const float *values, const float *strengths, const float *w0, const float *rho, const float *y,
    const float *checkpoints, const float *s, const float *dots, const float *dy, const float *dfinal, float *dq,
    float *dkeys, float *dvalues, float *dw0, float *drho, float *dstrengths, float *scratch) {
  Shape shape = {H, L, N, K, first};
  int segments = checkpoint_count(&shape) + 1;
  Segment seg;
  seg.u = scratch;
  seg.sigma = seg.u + K * H * H;
  seg.has_slot = (int *)(seg.sigma + K * H);
  float *dw = (float *)(seg.has_slot + K);
  float *ones = dw + H * H;
  float *e = ones + H; /* dW_i . W_i for the state the walk has reached */
  for (int i = 0; i < H; i++) ones[i] = 1.0f;
  for (int b = 0; b < count; b++) {
    const float *kb = keys + b * N * H, *vb = values + b * N * H, *sb = strengths ? strengths + b * N : 0;
    const float *db = delta ? dots + b * N * H : 0;
    float *dkb = dkeys + b * N * H, *dvb = dvalues + b * N * H, *drb = rho ? drho + b * H : 0;
    float *dsb = strengths ? dstrengths + b * N : 0;
    __builtin_memset(dkb, 0, sizeof(float) * N * H);
    __builtin_memset(dvb, 0, sizeof(float) * N * H);
    if (drb) __builtin_memset(drb, 0, sizeof(float) * H);
    if (dsb) __builtin_memset(dsb, 0, sizeof(float) * N);
    if (dfinal) __builtin_memcpy(dw, dfinal + b * H * H, sizeof(float) * H * H);
    else __builtin_memset(dw, 0, sizeof(float) * H * H);
    for (int g = segments - 1; g >= 0; g--) {
      int t0 = g * K, t1 = t0 + K < L ? t0 + K : L;
      if (g == 0) {
        seg.start.u = (float *)(w0 + b * H * H);
        seg.start.sigma = ones;
      } else {
        float *saved = (float *)(checkpoints + (b * (segments - 1) + g - 1) * state_size(&shape));
        seg.start.u = saved;
        seg.start.sigma = saved + H * H;
      }
      /* Replay the segment's states. */
      for (int t = t0; t < t1; t++) {
        int r = t - t0;
        Writes w = writes_of(&shape, t, kb, vb, sb, db);
        seg.has_slot[r] = w.count > 0;
        if (!w.count) continue;
        State dst = {seg.u + r * H * H, seg.sigma + r * H};
        replay(&shape, &w, rho, state_after(&seg, &shape, r - 1), dst, s + (b * L + t) * H);
      }
      if (g == segments - 1) {
        State last = state_after(&seg, &shape, t1 - 1 - t0);
        for (int i = 0; i < H; i++) e[i] = dfinal ? last.sigma[i] * dot_row(H, dw + i * H, last.u + i * H) : 0.0f;
      }
      for (int t = t1 - 1; t >= t0; t--) {
        int r = t - t0;
        Writes w = writes_of(&shape, t, kb, vb, sb, db);
        State now = state_after(&seg, &shape, r);
        State before = state_after(&seg, &shape, r - 1);
        const float *dyt = dy + (b * L + t) * H, *qt = q + (b * L + t) * H, *yt = y + (b * L + t) * H;
        float *dqt = dq + (b * L + t) * H;
        __builtin_memset(dqt, 0, sizeof(float) * H);
        float *dkt = dkb + first[t] * H, *dvt = dvb + first[t] * H, *dst = dsb ? dsb + first[t] : 0;
        for (int i = 0; i < H; i++) {
          float d = dyt[i], sigma = now.sigma[i];
          e[i] += d * yt[i]; /* (dW_i + d q) . W_i */
          if (!w.count) {
            read_adjoint_row(H, dw + i * H, now.u + i * H, d, d * sigma, qt, dqt);
            continue;
          }
          /* dP_i = s (g - (g . W_i) W_i), W_i = sigma U_i: a = s, b = -s e_i sigma. */
          float signed_s = s[(b * L + t) * H + i], inverse = __builtin_fabsf(signed_s);
          float unit = signed_s > 0 ? 1.0f : 0.0f; /* 0 where the norm was floored: s was a constant */
          float rho_i = rho ? rho[i] : 1.0f;
          RowAdjoint row = {d, d * sigma, inverse, -inverse * e[i] * sigma * unit, rho_i};
          float amounts[w.count];
          for (int n = 0; n < w.count; n++) amounts[n] = write_amount(&w, H, n, i, rho_i);
          /* dP_i . W_prev,i, then (delta rule) less sum_n beta_n a_n[i] dc_n[i]: what drho_i gains. */
          float previous = before.sigma[i] * write_adjoint_row(H, dw + i * H, now.u + i * H, before.u + i * H, qt, dqt,
                                                               row, w.count, w.keys, amounts, i, dkt, dvt);
          if (w.dots) {
            float gamma[w.count];
            for (int n = 0; n < w.count; n++) {
              float dc = dvt[n * H + i], a = w.dots[n * H + i], beta = w.strengths ? w.strengths[n] : 1.0f;
              previous -= beta * a * dc;
              if (dst) dst[n] -= rho_i * a * dc;
              gamma[n] = rho_i * beta * dc;
            }
            delta_adjoint_row(H, dw + i * H, before.u + i * H, before.sigma[i], w.count, w.keys, gamma, dkt);
          }
          if (drb) drb[i] += previous;
          e[i] = row.rho * previous;
        }
      }
    }
    __builtin_memcpy(dw0 + b * H * H, dw, sizeof(float) * H * H);
  }
}
