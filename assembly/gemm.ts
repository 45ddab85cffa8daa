// Batched f32 GEMM, one function per operand layout: C[b] = op(A[b]) * op(B[b]), C row-major [M, N].
// Leading dims and batch strides are in elements; a batch stride of 0 broadcasts that operand.
// NOTE: plain loops on purpose; Binaryen folds hand-unrolled k-loops badly.
import { madd } from './math';

const ZERO: v128 = i32x4.splat(0);

/** The first n (1..3) floats at p, zeros after; never reads past them. */
@inline function loadPartial(p: usize, n: i32): v128 {
  let v = v128.load32_zero(p);
  if (n > 1) v = v128.load_lane<u32>(p, v, 1, 4);
  if (n > 2) v = v128.load_lane<u32>(p, v, 2, 8);
  return v;
}

@inline function storePartial(p: usize, v: v128, n: i32): void {
  v128.store_lane<u32>(p, v, 0);
  if (n > 1) v128.store_lane<u32>(p, v, 1, 4);
  if (n > 2) v128.store_lane<u32>(p, v, 2, 8);
}

/** Stores the transpose of the 4x4 block whose rows are r0..r3 at p, rows `ld` bytes apart. */
@inline function storeTransposed4x4(p: usize, ld: usize, r0: v128, r1: v128, r2: v128, r3: v128): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(p, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(p + ld, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(p + 2 * ld, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(p + 3 * ld, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}

/** Stores `nc` (1..4) columns of one accumulator row: P(i, j..j+nc) at C, or at C^T when trans. */
@inline function storeRow(c: usize, ldc: usize, v: v128, nc: i32, trans: bool): void {
  if (!trans) {
    if (nc == 4) v128.store(c, v);
    else storePartial(c, v, nc);
    return;
  }
  v128.store_lane<u32>(c, v, 0);
  if (nc > 1) v128.store_lane<u32>(c + ldc, v, 1);
  if (nc > 2) v128.store_lane<u32>(c + 2 * ldc, v, 2);
  if (nc > 3) v128.store_lane<u32>(c + 3 * ldc, v, 3);
}

/**
 * One MR x (4 * NV) tile of P = A B by rank-1 updates: A(i, k) at a + i*ars + k*acs (bytes), B row k
 * contiguous at b + k*ldb. NV = 0 means a partial tile of nr (1..3) columns. P(i, j) goes to
 * c + i*ldc + 4j, or to c + j*ldc + 4i when trans (so TT can run as P = C^T).
 */
@inline function tileAxpy(a: usize, ars: usize, acs: usize, b: usize, ldb: usize, c: usize, ldc: usize,
  K: i32, MR: i32, NV: i32, nr: i32, trans: bool): void {
  let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO, c20 = ZERO, c21 = ZERO, c30 = ZERO, c31 = ZERO;
  let pa = a, pb = b;
  for (let k = 0; k < K; k++) {
    const b0 = NV == 0 ? loadPartial(pb, nr) : v128.load(pb);
    const b1 = NV == 2 ? v128.load(pb, 16) : ZERO;
    const a0 = v128.load32_splat(pa);
    c00 = madd(a0, b0, c00);
    if (NV == 2) c01 = madd(a0, b1, c01);
    if (MR == 4) {
      const a1 = v128.load32_splat(pa + ars);
      c10 = madd(a1, b0, c10);
      if (NV == 2) c11 = madd(a1, b1, c11);
      const a2 = v128.load32_splat(pa + 2 * ars);
      c20 = madd(a2, b0, c20);
      if (NV == 2) c21 = madd(a2, b1, c21);
      const a3 = v128.load32_splat(pa + 3 * ars);
      c30 = madd(a3, b0, c30);
      if (NV == 2) c31 = madd(a3, b1, c31);
    }
    pa += acs;
    pb += ldb;
  }
  const nc = NV == 0 ? nr : 4;
  if (trans && MR == 4 && NV != 0) {
    storeTransposed4x4(c, ldc, c00, c10, c20, c30);
    if (NV == 2) storeTransposed4x4(c + 4 * ldc, ldc, c01, c11, c21, c31);
    return;
  }
  const rowStep: usize = trans ? 4 : ldc;
  const colStep: usize = trans ? 4 * ldc : 16;
  storeRow(c, ldc, c00, nc, trans);
  if (NV == 2) storeRow(c + colStep, ldc, c01, 4, trans);
  if (MR == 4) {
    storeRow(c + rowStep, ldc, c10, nc, trans);
    if (NV == 2) storeRow(c + rowStep + colStep, ldc, c11, 4, trans);
    storeRow(c + 2 * rowStep, ldc, c20, nc, trans);
    if (NV == 2) storeRow(c + 2 * rowStep + colStep, ldc, c21, 4, trans);
    storeRow(c + 3 * rowStep, ldc, c30, nc, trans);
    if (NV == 2) storeRow(c + 3 * rowStep + colStep, ldc, c31, 4, trans);
  }
}

/** P [M, N] = A B over rank-1 updates, in 4x8 tiles with 4-wide and partial edges. */
@inline function gemmAxpy(a: usize, ars: usize, acs: usize, b: usize, ldb: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, trans: bool): void {
  const rowStep: usize = trans ? 4 : ldc;
  const colStep: usize = trans ? ldc : 4;
  const N8 = N & ~7, N4 = N & ~3;
  for (let j = 0; j < N8; j += 8) {
    let i = 0;
    for (; i + 4 <= M; i += 4) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 4, 2, 0, trans);
    for (; i < M; i++) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 1, 2, 0, trans);
  }
  if (N4 > N8) {
    const j = N8;
    let i = 0;
    for (; i + 4 <= M; i += 4) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 4, 1, 0, trans);
    for (; i < M; i++) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 1, 1, 0, trans);
  }
  if (N > N4) {
    const j = N4, nr = N - N4;
    let i = 0;
    for (; i + 4 <= M; i += 4) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 4, 0, nr, trans);
    for (; i < M; i++) tileAxpy(a + <usize>i * ars, ars, acs, b + (<usize>j << 2), ldb, c + <usize>i * rowStep + <usize>j * colStep, ldc, K, 1, 0, nr, trans);
  }
}

/** Horizontal sums of four accumulators: lane q of the result is the sum of the lanes of vq. */
@inline function hsum4(v0: v128, v1: v128, v2: v128, v3: v128): v128 {
  const s01 = f32x4.add(i32x4.shuffle(v0, v1, 0, 4, 1, 5), i32x4.shuffle(v0, v1, 2, 6, 3, 7));
  const s23 = f32x4.add(i32x4.shuffle(v2, v3, 0, 4, 1, 5), i32x4.shuffle(v2, v3, 2, 6, 3, 7));
  return f32x4.add(i32x4.shuffle(s01, s23, 0, 1, 4, 5), i32x4.shuffle(s01, s23, 2, 3, 6, 7));
}

/**
 * One MR (1|2) x NB (4|1) tile of C = A B^T by dot products along k: A rows at a + i*lda, B rows
 * at b + j*ldb, both contiguous in k. The k tail (K % 4) runs once more on zero-padded loads.
 */
@inline function tileDot(a: usize, lda: usize, b: usize, ldb: usize, c: usize, ldc: usize, K: i32, MR: i32, NB: i32): void {
  let c00 = ZERO, c01 = ZERO, c02 = ZERO, c03 = ZERO, c10 = ZERO, c11 = ZERO, c12 = ZERO, c13 = ZERO;
  const K4 = K & ~3, kr = K - K4;
  for (let k = 0; k <= K4; k += 4) {
    if (k == K4 && kr == 0) break;
    const o = <usize>k << 2;
    const full = k < K4;
    const a0 = full ? v128.load(a + o) : loadPartial(a + o, kr);
    const a1 = MR == 2 ? (full ? v128.load(a + lda + o) : loadPartial(a + lda + o, kr)) : ZERO;
    const b0 = full ? v128.load(b + o) : loadPartial(b + o, kr);
    c00 = madd(a0, b0, c00);
    if (MR == 2) c10 = madd(a1, b0, c10);
    if (NB == 4) {
      const b1 = full ? v128.load(b + ldb + o) : loadPartial(b + ldb + o, kr);
      c01 = madd(a0, b1, c01);
      if (MR == 2) c11 = madd(a1, b1, c11);
      const b2 = full ? v128.load(b + 2 * ldb + o) : loadPartial(b + 2 * ldb + o, kr);
      c02 = madd(a0, b2, c02);
      if (MR == 2) c12 = madd(a1, b2, c12);
      const b3 = full ? v128.load(b + 3 * ldb + o) : loadPartial(b + 3 * ldb + o, kr);
      c03 = madd(a0, b3, c03);
      if (MR == 2) c13 = madd(a1, b3, c13);
    }
  }
  if (NB == 4) {
    v128.store(c, hsum4(c00, c01, c02, c03));
    if (MR == 2) v128.store(c + ldc, hsum4(c10, c11, c12, c13));
  } else {
    v128.store_lane<u32>(c, hsum4(c00, c10, ZERO, ZERO), 0);
    if (MR == 2) v128.store_lane<u32>(c + ldc, hsum4(c00, c10, ZERO, ZERO), 1);
  }
}

@inline function gemmDot(a: usize, lda: usize, b: usize, ldb: usize, c: usize, ldc: usize, M: i32, N: i32, K: i32): void {
  const N4 = N & ~3;
  let i = 0;
  for (; i + 2 <= M; i += 2) {
    let j = 0;
    for (; j < N4; j += 4) tileDot(a + <usize>i * lda, lda, b + <usize>j * ldb, ldb, c + <usize>i * ldc + (<usize>j << 2), ldc, K, 2, 4);
    for (; j < N; j++) tileDot(a + <usize>i * lda, lda, b + <usize>j * ldb, ldb, c + <usize>i * ldc + (<usize>j << 2), ldc, K, 2, 1);
  }
  for (; i < M; i++) {
    let j = 0;
    for (; j < N4; j += 4) tileDot(a + <usize>i * lda, lda, b + <usize>j * ldb, ldb, c + <usize>i * ldc + (<usize>j << 2), ldc, K, 1, 4);
    for (; j < N; j++) tileDot(a + <usize>i * lda, lda, b + <usize>j * ldb, ldb, c + <usize>i * ldc + (<usize>j << 2), ldc, K, 1, 1);
  }
}

/** C = A B: A [M, K] (lda), B [K, N] (ldb). */
export function f32_gemm_nn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32): void {
  for (let p = 0; p < batch; p++) {
    gemmAxpy(a + (<usize>(p * strideA) << 2), <usize>lda << 2, 4, b + (<usize>(p * strideB) << 2), <usize>ldb << 2,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, M, N, K, false);
  }
}

/** C = A^T B: A stored [K, M] (lda), B [K, N] (ldb). */
export function f32_gemm_tn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32): void {
  for (let p = 0; p < batch; p++) {
    gemmAxpy(a + (<usize>(p * strideA) << 2), 4, <usize>lda << 2, b + (<usize>(p * strideB) << 2), <usize>ldb << 2,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, M, N, K, false);
  }
}

/** C = A B^T: A [M, K] (lda), B stored [N, K] (ldb). */
export function f32_gemm_nt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32): void {
  for (let p = 0; p < batch; p++) {
    gemmDot(a + (<usize>(p * strideA) << 2), <usize>lda << 2, b + (<usize>(p * strideB) << 2), <usize>ldb << 2,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, M, N, K);
  }
}

/** C = A^T B^T: A stored [K, M] (lda), B stored [N, K] (ldb); computed as C^T = B A. */
export function f32_gemm_tt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32): void {
  for (let p = 0; p < batch; p++) {
    gemmAxpy(b + (<usize>(p * strideB) << 2), <usize>ldb << 2, 4, a + (<usize>(p * strideA) << 2), <usize>lda << 2,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, N, M, K, true);
  }
}

/** The scalar reference for all four forms, accumulating in f64 like the js backend. */
export function f32_gemm_scalar(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, transA: bool, transB: bool): void {
  for (let p = 0; p < batch; p++) {
    const pa = a + (<usize>(p * strideA) << 2), pb = b + (<usize>(p * strideB) << 2), pc = c + (<usize>(p * strideC) << 2);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s: f64 = 0;
        for (let k = 0; k < K; k++) {
          const av = load<f32>(pa + (<usize>(transA ? k * lda + i : i * lda + k) << 2));
          const bv = load<f32>(pb + (<usize>(transB ? j * ldb + k : k * ldb + j) << 2));
          s += <f64>av * <f64>bv;
        }
        store<f32>(pc + (<usize>(i * ldc + j) << 2), <f32>s);
      }
    }
  }
}
