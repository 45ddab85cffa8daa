// Data movement: strided N-d copies (transpose, slice, pad, concat), fill, gather, scatterAdd, oneHot, cast.
import { storeTransposed4x4 } from './math';

// Layout of the params block that N-d kernels read (i32 slots; 8 dims at most).
export const MAX_RANK = 8;
export const P_RANK: usize = 0;
export const P_SHAPE: usize = 4;
export const P_STRIDE_A: usize = P_SHAPE + 4 * MAX_RANK;
export const P_STRIDE_B: usize = P_STRIDE_A + 4 * MAX_RANK;
/** Kernel scratch for the index counters. */
export const P_COUNTER: usize = P_STRIDE_B + 4 * MAX_RANK;

@inline export function pget(params: usize, field: usize, d: i32): i32 {
  return load<i32>(params + field + (<usize>d << 2));
}

@inline function pset(params: usize, field: usize, d: i32, v: i32): void {
  store<i32>(params + field + (<usize>d << 2), v);
}

/** Number of rows (the product of all dims but the last) of an N-d params block; zeroes the counters. */
export function ndRows(params: usize, inner: i32): i32 {
  const rank = load<i32>(params + P_RANK);
  let rows = 1;
  for (let d = 0; d < rank - inner; d++) {
    rows *= pget(params, P_SHAPE, d);
    pset(params, P_COUNTER, d, 0);
  }
  return rows;
}

/**
 * Advances the counters over dims [0, rank - inner) by one and returns the packed change of the
 * two element offsets (A in the low 32 bits, B in the high 32 bits).
 */
export function ndStep(params: usize, inner: i32): i64 {
  const rank = load<i32>(params + P_RANK);
  let da = 0, db = 0;
  for (let d = rank - inner - 1; d >= 0; d--) {
    const c = pget(params, P_COUNTER, d) + 1;
    const n = pget(params, P_SHAPE, d);
    const sa = pget(params, P_STRIDE_A, d), sb = pget(params, P_STRIDE_B, d);
    da += sa; db += sb;
    if (c < n) { pset(params, P_COUNTER, d, c); break; }
    pset(params, P_COUNTER, d, 0);
    da -= sa * n; db -= sb * n;
  }
  return (<i64>db << 32) | <i64><u32>da;
}

@inline export function lo32(x: i64): i32 { return <i32>x; }
@inline export function hi32(x: i64): i32 { return <i32>(x >> 32); }

/** Copies `n` 4-byte elements between non-overlapping contiguous ranges. */
@inline function copyRow(src: usize, dst: usize, n: i32): void {
  // NOTE: V8 runs memory.copy as an out-of-line call; short rows are cheaper inline.
  if (n > 32) { memory.copy(dst, src, <usize>n << 2); return; }
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
  for (; i < n; i++) store<u32>(dst + (<usize>i << 2), load<u32>(src + (<usize>i << 2)));
}

/** A 4x4 block: dst row i (stride dr elements) gets src column i (src rows of stride sr). */
@inline function transpose4x4(src: usize, sr: usize, dst: usize, dr: usize): void {
  const r0 = v128.load(src), r1 = v128.load(src + sr), r2 = v128.load(src + 2 * sr), r3 = v128.load(src + 3 * sr);
  storeTransposed4x4(dst, dr, r0, r1, r2, r3);
}

/**
 * A 2-d strided copy of R x C elements; strides in elements. Contiguous rows use memory.copy,
 * the transposing case (src contiguous down the rows, dst along them) uses 4x4 SIMD blocks.
 */
function copy2d(src: usize, dst: usize, R: i32, C: i32, srs: i32, scs: i32, drs: i32, dcs: i32): void {
  if (scs == 1 && dcs == 1) {
    for (let i = 0; i < R; i++) copyRow(src + (<usize>(i * srs) << 2), dst + (<usize>(i * drs) << 2), C);
    return;
  }
  let r0 = 0;
  if (srs == 1 && dcs == 1) {
    const sr = <usize>scs << 2, dr = <usize>drs << 2;
    const R4 = R & ~3, C4 = C & ~3;
    // 16x16 tiles of 4x4 blocks keep both sides' cache lines hot.
    for (let ib = 0; ib < R4; ib += 16) {
      const ie = min(ib + 16, R4);
      for (let jb = 0; jb < C4; jb += 16) {
        const je = min(jb + 16, C4);
        for (let i = ib; i < ie; i += 4) {
          for (let j = jb; j < je; j += 4) {
            transpose4x4(src + (<usize>(j * scs + i) << 2), sr, dst + (<usize>(i * drs + j) << 2), dr);
          }
        }
      }
    }
    // The ragged right and bottom edges go through the scalar loops below.
    for (let i = 0; i < R4; i++) {
      for (let j = C4; j < C; j++) store<u32>(dst + (<usize>(i * drs + j) << 2), load<u32>(src + (<usize>(j * scs + i) << 2)));
    }
    r0 = R4;
  }
  for (let i = r0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      store<u32>(dst + (<usize>(i * drs + j * dcs) << 2), load<u32>(src + (<usize>(i * srs + j * scs) << 2)));
    }
  }
}

/**
 * dst[i] = src[i] walked with per-dim element strides: params hold rank, shape, src strides (A)
 * and dst strides (B). Serves transpose, slice, pad and concat; any 4-byte dtype.
 */
export function x32_copy_nd(src: usize, dst: usize, params: usize): void {
  const rank = load<i32>(params + P_RANK);
  if (rank == 0) { store<u32>(dst, load<u32>(src)); return; }
  for (let d = 0; d < rank; d++) if (pget(params, P_SHAPE, d) == 0) return;
  const inner = rank >= 2 ? 2 : 1;
  const C = pget(params, P_SHAPE, rank - 1);
  const scs = pget(params, P_STRIDE_A, rank - 1), dcs = pget(params, P_STRIDE_B, rank - 1);
  const R = inner == 2 ? pget(params, P_SHAPE, rank - 2) : 1;
  const srs = inner == 2 ? pget(params, P_STRIDE_A, rank - 2) : 0;
  const drs = inner == 2 ? pget(params, P_STRIDE_B, rank - 2) : 0;
  const rows = ndRows(params, inner);
  let so = 0, dO = 0;
  for (let r = 0; r < rows; r++) {
    copy2d(src + (<usize>so << 2), dst + (<usize>dO << 2), R, C, srs, scs, drs, dcs);
    const step = ndStep(params, inner);
    so += lo32(step); dO += hi32(step);
  }
}

/** out[0..n) = the 4-byte pattern `bits` (an f32 or i32 value). */
export function x32_fill(out: usize, n: i32, bits: i32): void {
  const v = i32x4.splat(bits);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), v);
  for (; i < n; i++) store<i32>(out + (<usize>i << 2), bits);
}

/** x [outer, N, inner], idx [M] -> out [outer, M, inner]; an index outside [0, N) gives a zero row. */
export function x32_gather(x: usize, idx: usize, out: usize, outer: i32, N: i32, inner: i32, M: i32): void {
  for (let o = 0; o < outer; o++) {
    for (let m = 0; m < M; m++) {
      const k = load<i32>(idx + (<usize>m << 2));
      const dst = out + (<usize>((o * M + m) * inner) << 2);
      if (<u32>k < <u32>N) copyRow(x + (<usize>((o * N + k) * inner) << 2), dst, inner);
      else x32_fill(dst, inner, 0);
    }
  }
}

/** dy [outer, M, inner], idx [M] -> out [outer, n, inner] = zeros, then rows added at their index; indices outside [0, n) are skipped. */
export function f32_scatter_add(dy: usize, idx: usize, out: usize, outer: i32, M: i32, inner: i32, n: i32): void {
  x32_fill(out, outer * n * inner, 0);
  for (let o = 0; o < outer; o++) {
    for (let m = 0; m < M; m++) {
      const k = load<i32>(idx + (<usize>m << 2));
      if (<u32>k >= <u32>n) continue;
      const src = dy + (<usize>((o * M + m) * inner) << 2);
      const dst = out + (<usize>((o * n + k) * inner) << 2);
      let j = 0;
      for (; j + 4 <= inner; j += 4) {
        const p = <usize>j << 2;
        v128.store(dst + p, f32x4.add(v128.load(dst + p), v128.load(src + p)));
      }
      for (; j < inner; j++) {
        const p = <usize>j << 2;
        store<f32>(dst + p, load<f32>(dst + p) + load<f32>(src + p));
      }
    }
  }
}

/** idx int32 [n] -> out f32 [n, depth]; ids outside [0, depth) give a zero row. */
export function f32_one_hot(idx: usize, out: usize, n: i32, depth: i32): void {
  x32_fill(out, n * depth, 0);
  for (let i = 0; i < n; i++) {
    const k = load<i32>(idx + (<usize>i << 2));
    if (<u32>k < <u32>depth) store<f32>(out + (<usize>(i * depth + k) << 2), 1.0);
  }
}

/** ToInt32 of one f32, as a JS Int32Array store does: truncate, then wrap modulo 2^32 (NaN and ±Infinity give 0). */
@inline function toInt32(x: f32): i32 {
  const ax = abs<f32>(x);
  if (ax < 2147483648.0) return <i32>x;
  if (!isFinite<f32>(x) || ax >= 9.2233720368547758e18) return 0; // NOTE: such floats are multiples of 2^40
  return <i32><i64>x;
}

/** float32 -> int32 with JS semantics (truncation toward zero; out of range wraps). */
export function f32_cast_i32(x: usize, out: usize, n: i32): void {
  const lim = f32x4.splat(2147483648.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    const v = v128.load(x + p);
    // NOTE: NaN lanes fail the `<` and take the scalar path (which gives 0).
    if (v128.all_true<i32>(f32x4.lt(f32x4.abs(v), lim))) {
      v128.store(out + p, i32x4.trunc_sat_f32x4_s(v));
    } else {
      for (let k = 0; k < 4; k++) store<i32>(out + p + (<usize>k << 2), toInt32(load<f32>(x + p + (<usize>k << 2))));
    }
  }
  for (; i < n; i++) store<i32>(out + (<usize>i << 2), toInt32(load<f32>(x + (<usize>i << 2))));
}

/** int32 -> float32, rounding to nearest. */
export function i32_cast_f32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(out + p, f32x4.convert_i32x4_s(v128.load(x + p)));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>load<i32>(x + (<usize>i << 2)));
}
