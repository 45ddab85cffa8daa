// Batched f32 GEMM with a fused epilogue: C[p] = act(op(A[p]) op(B[p]) + bias), C row-major [M, N].
// One driver serves every transpose form: B is packed into NR-wide panels (which undoes its
// transpose), A is read in place through two strides or packed into MR-tall panels when it pays,
// and one MR x NR register tile (narrower and shorter ones at the edges) does all the arithmetic.
// The register tile is chosen once per instance (f32_gemm_set_tile; the backend times each with
// f32_gemm_tile_probe at start): 4x8, 3x12 or 4x16. Every tile sums each C element in the same
// order (k ascending within a K block, then the block added to C, then the bias), so all tiles give
// bit-identical results.
// NOTE: V8 on x64 has 15 SIMD registers for wasm and loads a k step's A splats and B vectors
// before its multiply-adds, so a tile fits there when rows + vectors per row + accumulators <= 15:
// 4x8 (14) and 3x12 (15, 9 accumulators for FMA units of longer latency) do; 4x16 (24) spills on
// x64 and is there for hosts with 32 SIMD registers (arm64). 6x8 and 5x8 also spill on x64 (measured:
// half the speed of 4x8). Without relaxed SIMD a multiply-add needs one more register for the
// product: the simd build's 3x12 keeps an accumulator on the stack (seen in V8's code), and each k
// step's add then waits on a store and a load (measured at half the speed of 4x8).
// NOTE: `tile` is a plain loop on purpose (Binaryen folds hand-unrolled k-loops into trees that
// spill); the unrolled 4x8 kernels (tile4x8Unrolled, tile4x8UnrolledRows: every full 4x8 tile of
// packed B) end a basic block after each k step (their note).
import { madd, storeTransposed4x4, vgelu, vsigmoid, vtanh } from './math';

const ZERO: v128 = i32x4.splat(0);

/** The register tiles (MR rows x NR columns), as types so each driver is its own function with constant MR, NR. */
@final @unmanaged class Tile4x8 { @inline get MR(): i32 { return 4; } @inline get NR(): i32 { return 8; } }
@final @unmanaged class Tile4x16 { @inline get MR(): i32 { return 4; } @inline get NR(): i32 { return 16; } }
@final @unmanaged class Tile3x12 { @inline get MR(): i32 { return 3; } @inline get NR(): i32 { return 12; } }
/** Panel widths (4 NV columns), as types for the same reason. */
@final @unmanaged class Vec1 { @inline get NV(): i32 { return 1; } }
@final @unmanaged class Vec2 { @inline get NV(): i32 { return 2; } }
@final @unmanaged class Vec3 { @inline get NV(): i32 { return 3; } }
@final @unmanaged class Vec4 { @inline get NV(): i32 { return 4; } }

/** The tile ids of f32_gemm_set_tile (bindings/abi.ts mirrors them as GemmTile). */
const TILE_4X8 = 0;
const TILE_4X16 = 1;
const TILE_3X12 = 2;

/** The tile every GEMM of this instance runs (a module instance per thread: each sets its own). */
let gemmTile: i32 = TILE_4X8;

/** Chooses the register tile of every later GEMM of this instance; false (and no change) for an unknown id. */
export function f32_gemm_set_tile(tile: i32): bool {
  if (tile < TILE_4X8 || tile > TILE_3X12) return false;
  gemmTile = tile;
  return true;
}

/** The tile id in use. */
export function f32_gemm_tile(): i32 {
  return gemmTile;
}

/** K block, and the rows / columns of one cache block. */
const KC = 256;
const MC = 128;
const NC = 1024;
/** The widest tile's columns and the most floats of one tile (bounds for the scratch, any tile). */
const NR_MAX = 16;
const TILE_FLOATS_MAX = 64;

/**
 * Activations of the epilogue (the `act` argument; bindings/abi.ts mirrors them as GemmActivation).
 * NOTE: the 4x8 kernels apply relu in registers; the activations above it go through activateTile (`act > ACT_RELU`).
 */
const ACT_LINEAR = 0;
const ACT_RELU = 1;
const ACT_GELU = 2;
const ACT_SIGMOID = 3;
const ACT_TANH = 4;

/** n rounded up to a multiple of r. */
@inline function roundUp(n: i32, r: i32): i32 {
  return (n + r - 1) / r * r;
}

/** Scratch the kernels need at `work` for these sizes (any tile): packed B block, packed A block, edge tile, bias. */
export function f32_gemm_work_bytes(M: i32, N: i32, K: i32): i32 {
  // NOTE: n + NR_MAX bounds n rounded up to any tile's NR.
  const kc = min(max(K, 1), KC), nc = min(N, NC) + NR_MAX;
  const mc = min(M, MC);
  return (kc * nc + roundUp(mc * kc, 4) + TILE_FLOATS_MAX + N + NR_MAX) << 2;
}

// ---- packing ----------------------------------------------------------------------------------

/**
 * Packs a kc x w block of a matrix whose element (k, j) lies at src + k*ks + j*js (bytes) into
 * dst as kc rows of `width` (3, 4, 8, 12 or 16) floats, zero-padded past w. js == 4 copies rows; ks == 4
 * (a transposed operand) goes through 4x4 register transposes.
 */
function pack(src: usize, ks: usize, js: usize, kc: i32, w: i32, width: i32, dst: usize): void {
  // NOTE: widths 4 and 8 (every panel of 4x8) take the straight-line stores; the loops over groups
  // of 4 floats only serve 12 and 16, and the element loops 3 (a loop's overhead per k costs the
  // small GEMMs a few percent).
  const ds = <usize>width << 2;
  if (w == width && js == 4 && width != 3) {
    for (let k = 0; k < kc; k++) {
      v128.store(dst, v128.load(src));
      if (width >= 8) v128.store(dst, v128.load(src, 16), 16);
      if (width >= 12) v128.store(dst, v128.load(src, 32), 32);
      if (width == 16) v128.store(dst, v128.load(src, 48), 48);
      src += ks;
      dst += ds;
    }
    return;
  }
  let k = 0;
  if (w == width && ks == 4 && width != 3) {
    for (; k + 4 <= kc; k += 4) {
      for (let g = 0; g < width; g += 4) {
        const s = src + <usize>g * js + (<usize>k << 2);
        storeTransposed4x4(dst + <usize>k * ds + (<usize>g << 2), ds,
          v128.load(s), v128.load(s + js), v128.load(s + 2 * js), v128.load(s + 3 * js));
      }
    }
  }
  for (; k < kc; k++) {
    const d = dst + <usize>k * ds, s = src + <usize>k * ks;
    if (width == 3) {
      store<f32>(d, 0);
      store<f32>(d, 0, 4);
      store<f32>(d, 0, 8);
    } else {
      v128.store(d, ZERO);
      if (width >= 8) v128.store(d, ZERO, 16);
      if (width >= 12) v128.store(d, ZERO, 32);
      if (width == 16) v128.store(d, ZERO, 48);
    }
    for (let j = 0; j < w; j++) store<f32>(d + (<usize>j << 2), load<f32>(s + <usize>j * js));
  }
}

/** The width of the panel that holds the last w columns of a block: 4, 8 or NR. */
@inline function panelWidth(w: i32, NR: i32): i32 {
  return w <= 4 ? 4 : w <= 8 ? 8 : NR;
}

// ---- the register tile ------------------------------------------------------------------------

/** max(v, 0) per lane, +0 for -0, NaN kept (pmax returns its first operand unless it is less than 0). */
@inline function vrelu(v: v128): v128 {
  return f32x4.add(f32x4.pmax(v, ZERO), ZERO);
}

/** Applies `act` to the 4-lane group v. */
export function activate(v: v128, act: i32): v128 {
  if (act == ACT_RELU) return vrelu(v);
  if (act == ACT_GELU) return vgelu(v);
  if (act == ACT_SIGMOID) return vsigmoid(v);
  if (act == ACT_TANH) return vtanh(v);
  return v;
}

/** Applies `act` in place to `rows` rows of `nv` 4-lane groups at c, rows ldc bytes apart (a tile still in L1). */
function activateTile(c: usize, ldc: usize, rows: i32, nv: i32, act: i32): void {
  // NOTE: relu inline, the others through `activate`: a call of it per group (its tests of `act`)
  // made relu cost the MLP's 256x784x128 GEMM 2-3% and its 256x128x10 15%; inline, 0-1%.
  for (let i = 0; i < rows; i++) {
    const r = c + <usize>i * ldc;
    if (act == ACT_RELU) {
      for (let v = 0; v < nv; v++) v128.store(r + (<usize>v << 4), vrelu(v128.load(r + (<usize>v << 4))));
    } else if (act == ACT_GELU) {
      // NOTE: gelu inline, two groups a turn: its long dependency chains overlap (see unaryPair).
      let v = 0;
      for (; v + 2 <= nv; v += 2) {
        const p = r + (<usize>v << 4);
        const y0 = vgelu(v128.load(p)), y1 = vgelu(v128.load(p, 16));
        v128.store(p, y0);
        v128.store(p, y1, 16);
      }
      if (v < nv) v128.store(r + (<usize>v << 4), activate(v128.load(r + (<usize>v << 4)), act));
    } else {
      for (let v = 0; v < nv; v++) v128.store(r + (<usize>v << 4), activate(v128.load(r + (<usize>v << 4)), act));
    }
  }
}

/** Stores one row (NV groups) of a tile at p. */
@inline function storeRow(p: usize, v0: v128, v1: v128, v2: v128, v3: v128, NV: i32): void {
  v128.store(p, v0);
  if (NV >= 2) v128.store(p, v1, 16);
  if (NV >= 3) v128.store(p, v2, 32);
  if (NV == 4) v128.store(p, v3, 48);
}

/**
 * One MRT x (4 NV) tile over kc steps (MRT 1, 3 or 4; NV 1 to 4): A(i, k) at a + i*ars + k*acs,
 * B row k (4 NV floats) at b + k*bs, all in bytes. The result goes to c (rows ldc bytes apart),
 * added to what is there when `acc`, and with the bias row at `bias` (0: none) added before the store.
 */
@inline function tile(a: usize, ars: usize, acs: usize, b: usize, bs: usize, kc: i32, c: usize, ldc: usize,
  acc: bool, bias: usize, MRT: i32, NV: i32): void {
  let c00 = ZERO, c01 = ZERO, c02 = ZERO, c03 = ZERO, c10 = ZERO, c11 = ZERO, c12 = ZERO, c13 = ZERO;
  let c20 = ZERO, c21 = ZERO, c22 = ZERO, c23 = ZERO, c30 = ZERO, c31 = ZERO, c32 = ZERO, c33 = ZERO;
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(b);
    const b1 = NV >= 2 ? v128.load(b, 16) : ZERO;
    const b2 = NV >= 3 ? v128.load(b, 32) : ZERO;
    const b3 = NV == 4 ? v128.load(b, 48) : ZERO;
    const a0 = v128.load32_splat(a);
    c00 = madd(a0, b0, c00);
    if (NV >= 2) c01 = madd(a0, b1, c01);
    if (NV >= 3) c02 = madd(a0, b2, c02);
    if (NV == 4) c03 = madd(a0, b3, c03);
    if (MRT >= 3) {
      const a1 = v128.load32_splat(a + ars);
      c10 = madd(a1, b0, c10);
      if (NV >= 2) c11 = madd(a1, b1, c11);
      if (NV >= 3) c12 = madd(a1, b2, c12);
      if (NV == 4) c13 = madd(a1, b3, c13);
      const a2 = v128.load32_splat(a + 2 * ars);
      c20 = madd(a2, b0, c20);
      if (NV >= 2) c21 = madd(a2, b1, c21);
      if (NV >= 3) c22 = madd(a2, b2, c22);
      if (NV == 4) c23 = madd(a2, b3, c23);
    }
    if (MRT == 4) {
      const a3 = v128.load32_splat(a + 3 * ars);
      c30 = madd(a3, b0, c30);
      if (NV >= 2) c31 = madd(a3, b1, c31);
      if (NV >= 3) c32 = madd(a3, b2, c32);
      if (NV == 4) c33 = madd(a3, b3, c33);
    }
    a += acs;
    b += bs;
  }
  finishTile(c, ldc, acc, bias, false, MRT, NV, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
}

/**
 * The full 4x8 tile against packed B (8 floats per k) with A's 4 rows 4 bytes apart (A packed, 4
 * floats per k, acs 16; or A stored [K, M] read in place, acs its row), as `tile` computes it (the
 * same sums in the same order) in fewer instructions per k: four k steps per loop turn, B loaded at
 * constant offsets, the 4 A values of a k step at a + 0, 4, 8, 12, and a count test after each step.
 */
// NOTE: from V8's x64 code (node --print-wasm-code, Node 20): `tile` spends ~8 integer instructions
// per k step next to its 6 loads and 16 mul/add (the row addresses a + ars, a + 2 ars, a + 3 ars, the
// two pointer steps, the count), and on Zen 4 (2 mul + 2 add pipes: 4 cycles a step at best) that
// held the simd build to ~83-87% of the mul+add probe; here a step costs ~4. V8 emits load32_splat
// with no displacement, so the splats keep a + 0..12 (it holds the bases in registers: more offsets
// would run out of them) and a steps each k; v128.load takes its offset as a displacement. V8 also
// emits a basic block's loads before its arithmetic: 4 steps in one block would hold 24 vectors and
// spill; the count test after each step ends a block (2 B + 4 A + 8 accumulators + a product: 15).
@inline function tile4x8Unrolled(a: usize, acs: usize, b: usize, kc: i32, c: usize, ldc: usize, acc: bool, bias: usize, relu: bool): void {
  let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO, c20 = ZERO, c21 = ZERO, c30 = ZERO, c31 = ZERO;
  let b0: v128, b1: v128, a0: v128, a1: v128, a2: v128, a3: v128;
  let n = kc;
  while (true) {
    b0 = v128.load(b);
    b1 = v128.load(b, 16);
    a0 = v128.load32_splat(a);
    a1 = v128.load32_splat(a, 4);
    a2 = v128.load32_splat(a, 8);
    a3 = v128.load32_splat(a, 12);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    a += acs;
    b0 = v128.load(b, 32);
    b1 = v128.load(b, 48);
    a0 = v128.load32_splat(a);
    a1 = v128.load32_splat(a, 4);
    a2 = v128.load32_splat(a, 8);
    a3 = v128.load32_splat(a, 12);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    a += acs;
    b0 = v128.load(b, 64);
    b1 = v128.load(b, 80);
    a0 = v128.load32_splat(a);
    a1 = v128.load32_splat(a, 4);
    a2 = v128.load32_splat(a, 8);
    a3 = v128.load32_splat(a, 12);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    a += acs;
    b0 = v128.load(b, 96);
    b1 = v128.load(b, 112);
    a0 = v128.load32_splat(a);
    a1 = v128.load32_splat(a, 4);
    a2 = v128.load32_splat(a, 8);
    a3 = v128.load32_splat(a, 12);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    a += acs;
    b += 128;
  }
  finishTile(c, ldc, acc, bias, relu, 4, 2, c00, c01, ZERO, ZERO, c10, c11, ZERO, ZERO, c20, c21, ZERO, ZERO,
    c30, c31, ZERO, ZERO);
}

/**
 * tile4x8Unrolled for A read in place with its k values 4 bytes apart (A(i, k) at a + i*ars + 4k:
 * A stored [M, K]): a pointer per row, a loop turn's four k steps at offsets 0, 4, 8, 12 from them
 * (V8 forms each offset's base once, for the 4 splats), the pointers stepped once a turn.
 */
@inline function tile4x8UnrolledRows(a: usize, ars: usize, b: usize, kc: i32, c: usize, ldc: usize, acc: bool, bias: usize, relu: bool): void {
  let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO, c20 = ZERO, c21 = ZERO, c30 = ZERO, c31 = ZERO;
  let b0: v128, b1: v128, a0: v128, a1: v128, a2: v128, a3: v128;
  let p0 = a, p1 = a + ars, p2 = a + 2 * ars, p3 = a + 3 * ars;
  let n = kc;
  while (true) {
    b0 = v128.load(b);
    b1 = v128.load(b, 16);
    a0 = v128.load32_splat(p0);
    a1 = v128.load32_splat(p1);
    a2 = v128.load32_splat(p2);
    a3 = v128.load32_splat(p3);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    b0 = v128.load(b, 32);
    b1 = v128.load(b, 48);
    a0 = v128.load32_splat(p0, 4);
    a1 = v128.load32_splat(p1, 4);
    a2 = v128.load32_splat(p2, 4);
    a3 = v128.load32_splat(p3, 4);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    b0 = v128.load(b, 64);
    b1 = v128.load(b, 80);
    a0 = v128.load32_splat(p0, 8);
    a1 = v128.load32_splat(p1, 8);
    a2 = v128.load32_splat(p2, 8);
    a3 = v128.load32_splat(p3, 8);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    b0 = v128.load(b, 96);
    b1 = v128.load(b, 112);
    a0 = v128.load32_splat(p0, 12);
    a1 = v128.load32_splat(p1, 12);
    a2 = v128.load32_splat(p2, 12);
    a3 = v128.load32_splat(p3, 12);
    c00 = madd(a0, b0, c00); c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10); c11 = madd(a1, b1, c11);
    c20 = madd(a2, b0, c20); c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30); c31 = madd(a3, b1, c31);
    if (--n == 0) break;
    p0 += 16;
    p1 += 16;
    p2 += 16;
    p3 += 16;
    b += 128;
  }
  finishTile(c, ldc, acc, bias, relu, 4, 2, c00, c01, ZERO, ZERO, c10, c11, ZERO, ZERO, c20, c21, ZERO, ZERO,
    c30, c31, ZERO, ZERO);
}

/**
 * The end of a tile: the accumulators (row i, group v in civ) added to C at c (rows ldc bytes apart)
 * when `acc`, then the bias row at `bias` (0: none), then relu when `relu` (the unrolled 4x8
 * kernels; `tile` passes false and its callers run activateTile), then stored.
 */
@inline function finishTile(c: usize, ldc: usize, acc: bool, bias: usize, relu: bool, MRT: i32, NV: i32,
  c00: v128, c01: v128, c02: v128, c03: v128, c10: v128, c11: v128, c12: v128, c13: v128,
  c20: v128, c21: v128, c22: v128, c23: v128, c30: v128, c31: v128, c32: v128, c33: v128): void {
  // NOTE: all the adds of C first, then the bias's, then the stores (per element the order is the
  // same either way); a branch per 4-lane group instead measured 3-7% slower on the MLP shapes.
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c));
    if (NV >= 2) c01 = f32x4.add(c01, v128.load(c, 16));
    if (NV >= 3) c02 = f32x4.add(c02, v128.load(c, 32));
    if (NV == 4) c03 = f32x4.add(c03, v128.load(c, 48));
    if (MRT >= 3) {
      const p1 = c + ldc, p2 = c + 2 * ldc;
      c10 = f32x4.add(c10, v128.load(p1));
      if (NV >= 2) c11 = f32x4.add(c11, v128.load(p1, 16));
      if (NV >= 3) c12 = f32x4.add(c12, v128.load(p1, 32));
      if (NV == 4) c13 = f32x4.add(c13, v128.load(p1, 48));
      c20 = f32x4.add(c20, v128.load(p2));
      if (NV >= 2) c21 = f32x4.add(c21, v128.load(p2, 16));
      if (NV >= 3) c22 = f32x4.add(c22, v128.load(p2, 32));
      if (NV == 4) c23 = f32x4.add(c23, v128.load(p2, 48));
    }
    if (MRT == 4) {
      const p3 = c + 3 * ldc;
      c30 = f32x4.add(c30, v128.load(p3));
      if (NV >= 2) c31 = f32x4.add(c31, v128.load(p3, 16));
      if (NV >= 3) c32 = f32x4.add(c32, v128.load(p3, 32));
      if (NV == 4) c33 = f32x4.add(c33, v128.load(p3, 48));
    }
  }
  if (bias != 0) {
    const bv0 = v128.load(bias);
    const bv1 = NV >= 2 ? v128.load(bias, 16) : ZERO;
    const bv2 = NV >= 3 ? v128.load(bias, 32) : ZERO;
    const bv3 = NV == 4 ? v128.load(bias, 48) : ZERO;
    c00 = f32x4.add(c00, bv0);
    if (NV >= 2) c01 = f32x4.add(c01, bv1);
    if (NV >= 3) c02 = f32x4.add(c02, bv2);
    if (NV == 4) c03 = f32x4.add(c03, bv3);
    if (MRT >= 3) {
      c10 = f32x4.add(c10, bv0);
      if (NV >= 2) c11 = f32x4.add(c11, bv1);
      if (NV >= 3) c12 = f32x4.add(c12, bv2);
      if (NV == 4) c13 = f32x4.add(c13, bv3);
      c20 = f32x4.add(c20, bv0);
      if (NV >= 2) c21 = f32x4.add(c21, bv1);
      if (NV >= 3) c22 = f32x4.add(c22, bv2);
      if (NV == 4) c23 = f32x4.add(c23, bv3);
    }
    if (MRT == 4) {
      c30 = f32x4.add(c30, bv0);
      if (NV >= 2) c31 = f32x4.add(c31, bv1);
      if (NV >= 3) c32 = f32x4.add(c32, bv2);
      if (NV == 4) c33 = f32x4.add(c33, bv3);
    }
  }
  if (relu) {
    // NOTE: only the 4x8 kernels pass relu (rows 4, NV 2).
    c00 = vrelu(c00); c01 = vrelu(c01); c10 = vrelu(c10); c11 = vrelu(c11);
    c20 = vrelu(c20); c21 = vrelu(c21); c30 = vrelu(c30); c31 = vrelu(c31);
  }
  storeRow(c, c00, c01, c02, c03, NV);
  if (MRT >= 3) {
    storeRow(c + ldc, c10, c11, c12, c13, NV);
    storeRow(c + 2 * ldc, c20, c21, c22, c23, NV);
  }
  if (MRT == 4) storeRow(c + 3 * ldc, c30, c31, c32, c33, NV);
}

/** Copies rows x w (< 16) floats between two row-major tiles. */
// NOTE: @inline: with asconfig's shrinkLevel 1, Binaryen would leave this a call inside panel and
// the GEMM would lose a few percent; forced inline, the GEMM code is the same as at shrinkLevel 0.
@inline function copyTile(src: usize, ss: usize, dst: usize, ds: usize, rows: i32, w: i32): void {
  // NOTE: element loops, not memory.copy: V8 runs that through a call, slow for a few bytes.
  for (let i = 0; i < rows; i++) {
    const s = src + <usize>i * ss, d = dst + <usize>i * ds;
    let j = 0;
    for (; j + 4 <= w; j += 4) v128.store(d + (<usize>j << 2), v128.load(s + (<usize>j << 2)));
    for (; j < w; j++) store<f32>(d + (<usize>j << 2), load<f32>(s + (<usize>j << 2)));
  }
}

/** `rows` (a multiple of 4) rows of C against one packed 4x8 B panel by tile4x8Unrolled: A's 4-row panels aStep bytes apart. */
function tiles4x8Unrolled(a: usize, acs: usize, aStep: usize, rows: i32, b: usize, kc: i32, c: usize, ldc: usize,
  acc: bool, bias: usize, act: i32): void {
  for (let i = 0; i < rows; i += 4) {
    const pc = c + <usize>i * ldc;
    tile4x8Unrolled(a, acs, b, kc, pc, ldc, acc, bias, act == ACT_RELU);
    if (act > ACT_RELU) activateTile(pc, ldc, 4, 2, act);
    a += aStep;
  }
}

/** The same by tile4x8UnrolledRows: A's rows ars bytes apart, its k values 4. */
function tiles4x8UnrolledRows(a: usize, ars: usize, rows: i32, b: usize, kc: i32, c: usize, ldc: usize,
  acc: bool, bias: usize, act: i32): void {
  for (let i = 0; i < rows; i += 4) {
    const pc = c + <usize>i * ldc;
    tile4x8UnrolledRows(a, ars, b, kc, pc, ldc, acc, bias, act == ACT_RELU);
    if (act > ACT_RELU) activateTile(pc, ldc, 4, 2, act);
    a += ars << 2;
  }
}

/**
 * The tiles of one B panel (kc x 4 NV floats, bs bytes per k; w of its columns are real)
 * against MC rows of A: MR-row tiles, then 1-row ones for the rest.
 * Full tiles go straight to C; a partial one goes through the edge tile.
 */
function panel<T, V>(a: usize, ars: usize, acs: usize, ap: usize, rows: i32, b: usize, bs: usize, kc: i32,
  c: usize, ldc: usize, w: i32, acc: bool, bias: usize, act: i32, edge: usize): void {
  // NOTE: the tile and the width are types so that each is its own function with MR and NV
  // constants; passed as values, Binaryen merges them into one loop that tests NV at every k.
  const MR = changetype<T>(0).MR;
  const NV = changetype<V>(0).NV;
  const full = w == NV * 4;
  const rowsMR = rows - rows % MR;
  // A packed (ap != 0) is MR floats per k, panels kc * MR floats apart.
  const aStep: usize = ap != 0 ? <usize>(kc * MR * 4) : <usize>MR * ars;
  const arsP: usize = ap != 0 ? 4 : ars;
  const acsP: usize = ap != 0 ? <usize>(MR * 4) : acs;
  // A partial tile goes through the edge tile (rows ts bytes apart).
  const ts: usize = <usize>NV << 4;
  let pa = ap != 0 ? ap : a;
  let i = 0;
  // Full 4x8 tiles of B packed (rows 32 bytes apart) take the unrolled kernels, in functions of
  // their own (inlined here, V8 ran their loops short of registers): A's 4 rows 4 bytes apart (A
  // packed, or stored [K, M]), or its k values 4 bytes apart (A stored [M, K]).
  if (MR == 4 && NV == 2 && full && bs == 32 && kc > 0 && rowsMR > 0) {
    if (arsP == 4) {
      tiles4x8Unrolled(pa, acsP, aStep, rowsMR, b, kc, c, ldc, acc, bias, act);
      i = rowsMR;
    } else if (acs == 4) {
      tiles4x8UnrolledRows(a, ars, rowsMR, b, kc, c, ldc, acc, bias, act);
      i = rowsMR;
    }
  }
  for (; i < rows; ) {
    const m = i < rowsMR ? MR : 1;
    const pc = c + <usize>i * ldc;
    // Rows past the packed ones are read in place.
    const ra = i < rowsMR ? pa : a + <usize>i * ars;
    const rs = i < rowsMR ? arsP : ars;
    const cs = i < rowsMR ? acsP : acs;
    if (full) {
      if (m == MR) tile(ra, rs, cs, b, bs, kc, pc, ldc, acc, bias, MR, NV);
      else tile(ra, rs, cs, b, bs, kc, pc, ldc, acc, bias, 1, NV);
      if (act != ACT_LINEAR) activateTile(pc, ldc, m, NV, act);
    } else {
      if (acc) copyTile(pc, ldc, edge, ts, m, w);
      if (m == MR) tile(ra, rs, cs, b, bs, kc, edge, ts, acc, bias, MR, NV);
      else tile(ra, rs, cs, b, bs, kc, edge, ts, acc, bias, 1, NV);
      if (act != ACT_LINEAR) activateTile(edge, ts, m, NV, act);
      copyTile(edge, ts, pc, ldc, m, w);
    }
    if (i < rowsMR) pa += aStep;
    i += m;
  }
}

// ---- B packed ahead (the packed-weight cache) ---------------------------------------------------

/**
 * Byte offset of block (jc, pc) in a whole packed B: the NC-column blocks one after the other, each
 * its K blocks (kc x nc rounded up to NR) one after the other, in gemm's panel layout.
 */
@inline function packBlock(jc: i32, pc: i32, nc: i32, K: i32, NR: i32): usize {
  return (<usize>jc * <usize>K + <usize>pc * <usize>roundUp(nc, NR)) << 2;
}

function packedBytes<T>(N: i32, K: i32): usize {
  const NR = changetype<T>(0).NR;
  let n: usize = 0;
  for (let jc = 0; jc < N; jc += NC) n += <usize>roundUp(min(NC, N - jc), NR);
  return (n * <usize>K) << 2;
}

/** Bytes f32_gemm_pack_b writes for B with K rows and N columns (for this instance's tile). */
export function f32_gemm_packed_bytes(N: i32, K: i32): usize {
  if (gemmTile == TILE_4X16) return packedBytes<Tile4x16>(N, K);
  if (gemmTile == TILE_3X12) return packedBytes<Tile3x12>(N, K);
  return packedBytes<Tile4x8>(N, K);
}

function packB<T>(b: usize, N: i32, K: i32, ldb: i32, transB: bool, dst: usize): void {
  const NR = changetype<T>(0).NR;
  const lb = <usize>ldb << 2;
  const bks: usize = transB ? 4 : lb, bjs: usize = transB ? lb : 4;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const bBlock = b + <usize>pc * bks + <usize>jc * bjs, out = dst + packBlock(jc, pc, nc, K, NR);
      for (let jr = 0; jr < nc; jr += NR) {
        const w = min(NR, nc - jr);
        pack(bBlock + <usize>jr * bjs, bks, bjs, kc, w, panelWidth(w, NR), out + (<usize>(jr * kc) << 2));
      }
    }
  }
}

/**
 * Packs all of B [K, N] (stored [N, K] when transB; rows ldb elements long) into dst
 * (f32_gemm_packed_bytes(N, K) bytes) as every call of gemm would pack it, block by block, for
 * this instance's tile (a tile change needs B packed again).
 */
export function f32_gemm_pack_b(b: usize, N: i32, K: i32, ldb: i32, transB: bool, dst: usize): void {
  if (gemmTile == TILE_4X16) packB<Tile4x16>(b, N, K, ldb, transB, dst);
  else if (gemmTile == TILE_3X12) packB<Tile3x12>(b, N, K, ldb, transB, dst);
  else packB<Tile4x8>(b, N, K, ldb, transB, dst);
}

/** Whether A is packed: where many B panels reuse it and its rows lie far apart (ars, acs in bytes). */
@inline function packsA(M: i32, N: i32, K: i32, ars: usize, acs: usize): bool {
  return M >= 8 && N > 32 && K > 64 && (ars == 4 ? acs >= 1024 : ars >= 2048);
}

/**
 * C[p] = act(op(A[p]) B + bias) with B packed ahead by f32_gemm_pack_b (one B for the whole batch);
 * A as in f32_gemm_nn / f32_gemm_tn (transA). `work` holds f32_gemm_work_bytes(M, N, K) bytes.
 */
export function f32_gemm_packed(a: usize, packed: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldc: i32,
  batch: i32, strideA: i32, strideC: i32, bias: usize, act: i32, work: usize, transA: bool): void {
  const la = <usize>lda << 2;
  const ars: usize = transA ? 4 : la, acs: usize = transA ? la : 4;
  const packA = packsA(M, N, K, ars, acs);
  for (let p = 0; p < batch; p++) {
    gemm(a + (<usize>(p * strideA) << 2), ars, acs, 0, 0, 0, c + (<usize>(p * strideC) << 2), <usize>ldc << 2,
      M, N, K, bias, act, work, packA, true, false, packed);
  }
}

/**
 * C = act(A B + bias) for one matrix (C += A B when `accumulate`) with this instance's tile. A(i, k)
 * at a + i*ars + k*acs and B(k, j) at b + k*bks + j*bjs (bytes); bias is N floats or 0. `packA`
 * packs A's full MR-row panels per block. `work` holds f32_gemm_work_bytes(M, N, K) bytes.
 * `packed` (not 0): B already packed whole by f32_gemm_pack_b; b, bks and bjs are then unused.
 */
export function gemm(a: usize, ars: usize, acs: usize, b: usize, bks: usize, bjs: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, packA: bool, packB: bool, accumulate: bool = false,
  packed: usize = 0): void {
  if (gemmTile == TILE_4X16) gemmTiled<Tile4x16>(a, ars, acs, b, bks, bjs, c, ldc, M, N, K, bias, act, work, packA, packB, accumulate, packed);
  else if (gemmTile == TILE_3X12) gemmTiled<Tile3x12>(a, ars, acs, b, bks, bjs, c, ldc, M, N, K, bias, act, work, packA, packB, accumulate, packed);
  else gemmTiled<Tile4x8>(a, ars, acs, b, bks, bjs, c, ldc, M, N, K, bias, act, work, packA, packB, accumulate, packed);
}

/** gemm with tile T. */
function gemmTiled<T>(a: usize, ars: usize, acs: usize, b: usize, bks: usize, bjs: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, packA: bool, packB: bool, accumulate: bool,
  packed: usize): void {
  const MR = changetype<T>(0).MR, NR = changetype<T>(0).NR;
  const kcMax = min(max(K, 1), KC), ncMax = roundUp(min(N, NC), NR);
  const bPack = work;
  const aPack = bPack + (<usize>(kcMax * ncMax) << 2);
  const mcA = min(M, MC) - min(M, MC) % MR;
  const edge = aPack + (<usize>roundUp(mcA * kcMax, 4) << 2);
  const biasPad = edge + TILE_FLOATS_MAX * 4;
  if (bias != 0) {
    const nr = roundUp(N, NR);
    memory.fill(biasPad + (<usize>N << 2), 0, <usize>(nr - N) << 2);
    memory.copy(biasPad, bias, <usize>N << 2);
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc == 0 || pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const acc = pc > 0 || accumulate, last = pc + kc >= K;
      const bBlock = b + <usize>pc * bks + <usize>jc * bjs;
      // B packed ahead (f32_gemm_pack_b): this block's panels lie where packBlock puts them.
      const bPanels = packed != 0 ? packed + packBlock(jc, pc, nc, K, NR) : bPack;
      // Packs the block's panels: NR wide, the last one 4 or 8 wide when that many columns remain.
      if (packed == 0 && (packB || nc % NR != 0)) {
        for (let jr = packB ? 0 : nc - nc % NR; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          pack(bBlock + <usize>jr * bjs, bks, bjs, kc, w, panelWidth(w, NR), bPack + (<usize>(jr * kc) << 2));
        }
      }
      const epBias = last && bias != 0 ? biasPad + (<usize>jc << 2) : 0;
      const epAct = last ? act : ACT_LINEAR;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        const aBlock = a + <usize>ic * ars + <usize>pc * acs;
        if (packA) {
          for (let ir = 0; ir + MR <= mc; ir += MR) {
            pack(aBlock + <usize>ir * ars, acs, ars, kc, MR, MR, aPack + (<usize>(ir * kc) << 2));
          }
        }
        const ap = packA ? aPack : 0;
        for (let jr = 0; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          const direct = packed == 0 && !packB && w == NR;
          const pb = direct ? bBlock + <usize>jr * bjs : bPanels + (<usize>(jr * kc) << 2);
          const pcC = c + <usize>ic * ldc + (<usize>(jc + jr) << 2);
          const pBias = epBias != 0 ? epBias + (<usize>jr << 2) : 0;
          if (NR == 16 && w > 8) {
            panel<T, Vec4>(aBlock, ars, acs, ap, mc, pb, direct ? bks : 64, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          } else if (NR == 12 && w > 8) {
            panel<T, Vec3>(aBlock, ars, acs, ap, mc, pb, direct ? bks : 48, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          } else if (w > 4) {
            panel<T, Vec2>(aBlock, ars, acs, ap, mc, pb, direct && NR == 8 ? bks : 32, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          } else {
            panel<T, Vec1>(aBlock, ars, acs, ap, mc, pb, 16, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          }
        }
      }
    }
  }
}

/**
 * The batched entry for all forms: A [M, K] (or stored [K, M] when transA), B [K, N] (or stored
 * [N, K] when transB), leading dims and batch strides in elements (a batch stride of 0 broadcasts
 * that operand). `work` holds f32_gemm_work_bytes(M, N, K) bytes of scratch.
 */
@inline function batched(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize, transA: bool, transB: bool): void {
  const la = <usize>lda << 2, lb = <usize>ldb << 2;
  const ars: usize = transA ? 4 : la, acs: usize = transA ? la : 4;
  const bks: usize = transB ? 4 : lb, bjs: usize = transB ? lb : 4;
  // B is packed unless it is stored [K, N] and A has too few rows to repay the copy: read in place,
  // a panel's rows lie ldb apart and, for power-of-two ldb, fall into a few L1 sets.
  const packB = transB || M > 8;
  const packA = packsA(M, N, K, ars, acs);
  for (let p = 0; p < batch; p++) {
    gemm(a + (<usize>(p * strideA) << 2), ars, acs, b + (<usize>(p * strideB) << 2), bks, bjs,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, M, N, K, bias, act, work, packA, packB);
  }
}

/** C = A B: A [M, K] (lda), B [K, N] (ldb). */
export function f32_gemm_nn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, false, false);
}

/** C = A^T B: A stored [K, M] (lda), B [K, N] (ldb). */
export function f32_gemm_tn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, true, false);
}

/** C = A B^T: A [M, K] (lda), B stored [N, K] (ldb). */
export function f32_gemm_nt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, false, true);
}

/** C = A^T B^T: A stored [K, M] (lda), B stored [N, K] (ldb). */
export function f32_gemm_tt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, true, true);
}

/**
 * act(A B + bias) (or C += A B) for operands given by byte strides, packing as `batched` decides:
 * the convolutions' entry (conv.ts). `work` holds f32_gemm_work_bytes(M, N, K) bytes.
 */
export function gemmStrided(a: usize, ars: usize, acs: usize, b: usize, bks: usize, bjs: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, accumulate: bool): void {
  const packB = bjs != 4 || M > 8;
  const packA = packsA(M, N, K, ars, acs);
  gemm(a, ars, acs, b, bks, bjs, c, ldc, M, N, K, bias, act, work, packA, packB, accumulate);
}

// ---- the start-up probe -------------------------------------------------------------------------

/** Bytes f32_gemm_tile_probe reads and writes at `work` for this kc: A (4 x kc), B (kc x 16), C (4 x 16). */
export function f32_gemm_tile_probe_bytes(kc: i32): i32 {
  return (20 * kc + 64) << 2;
}

function probeTile<T>(work: usize, kc: i32, reps: i32): void {
  const MR = changetype<T>(0).MR, NR = changetype<T>(0).NR;
  const a = work, b = a + (<usize>(4 * kc) << 2), c = b + (<usize>(16 * kc) << 2);
  for (let r = 0; r < reps; r++) {
    // The kernel a GEMM runs on packed A and B: for 4x8 the unrolled one (as a 4-row panel), else `tile`.
    if (MR == 4 && NR == 8 && kc > 0) tiles4x8Unrolled(a, 16, 0, 4, b, kc, c, 32, r > 0, 0, ACT_LINEAR);
    else tile(a, 4, <usize>MR << 2, b, <usize>NR << 2, kc, c, <usize>NR << 2, r > 0, 0, MR, NR >> 2);
  }
}

/**
 * The start-up probe: `reps` runs of tile `tile`'s register kernel over kc steps of packed A and B
 * at work (f32_gemm_tile_probe_bytes(kc) bytes; a cache-resident block), each added into C.
 * A and B are set to 1 first (no denormals). The backend times this per tile (2 MR NR kc reps
 * flops) and keeps the fastest.
 */
export function f32_gemm_tile_probe(tile: i32, work: usize, kc: i32, reps: i32): void {
  const one = f32x4.splat(1);
  for (let i = 0; i < 20 * kc; i += 4) v128.store(work + (<usize>i << 2), one);
  if (tile == TILE_4X16) probeTile<Tile4x16>(work, kc, reps);
  else if (tile == TILE_3X12) probeTile<Tile3x12>(work, kc, reps);
  else probeTile<Tile4x8>(work, kc, reps);
}
