/*
 * The SIMD helpers every kernel shares (wasm32 with -msimd128): four floats at a time, and sums
 * in a fixed order so that results are the same on every run and every thread.
 */
#ifndef WASM_KERNELS_SIMD_H
#define WASM_KERNELS_SIMD_H
#include <wasm_simd128.h>

typedef v128_t f32x4;

static inline f32x4 load(const float *p) { return wasm_v128_load(p); }
static inline void store(float *p, f32x4 x) { wasm_v128_store(p, x); }
static inline f32x4 splat(float x) { return wasm_f32x4_splat(x); }
static inline f32x4 madd(f32x4 acc, f32x4 a, f32x4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
static inline float lanes_sum(f32x4 x) {
  return (wasm_f32x4_extract_lane(x, 0) + wasm_f32x4_extract_lane(x, 1)) +
         (wasm_f32x4_extract_lane(x, 2) + wasm_f32x4_extract_lane(x, 3));
}

#endif
