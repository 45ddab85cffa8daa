// Int8 GEMM for quantised layers: out = act((q(x) · W) * rowScale * colScale + bias), out float32 [M, N].
// W is int8 [K, N] (symmetric per output column), packed once (i8_qpack) into 8-column panels of
// 4-deep k groups: panel p, group g holds, for each of its 8 columns j, the 4 bytes W[4g..4g+3, 8p+j]
// (32 bytes per group), K padded to a multiple of 4 and N to a multiple of 8 with zeros; then the
// column sums (i32 per padded column). x is float32 [M, K], quantised per row here, MC rows at a
// time: dynamically (scale = max|row| / Q) or with one static range (scale = range / Q, clamped).
//
// Two inner kernels read the same panels:
//  - simd: activations as i16 (Q = 127), weights widened i8 -> i16, `i32x4.dot_i16x8_s`, 4x4 tiles;
//  - relaxed (relaxed build, only when the caller's probe agreed): `i32x4.relaxed_dot_i8x16_i7x16_add_s`
//    with the weights as the signed operand and the activations as the 7-bit one: Q = 63 and
//    q + 64 in [1, 127] (top bit clear, the one form every platform computes alike, without the
//    i16 saturation of x86's pmaddubsw: 2 * 127 * 128 < 2^15); 64 * colsum is taken off after.
// Integer sums are exact; the epilogue converts to float32 and fuses scales, bias and activation.
import { activate } from './gemm';

const ZERO: v128 = i32x4.splat(0);
const MR = 4;
const NR = 8;
/** Most rows quantised per block (fewer for long rows: a block stays within ~16 KB of L1, see blockRows). */
const MC = 64;
/** The relaxed path's activation shift (q + 64 is 7-bit unsigned). */
const SHIFT = 64;

// ---- packing ---------------------------------------------------------------------------------

/** Bytes of the packed form of an int8 [K, N] weight matrix (panels, then N8 int32 column sums). */
export function i8_qpack_bytes(K: i32, N: i32): i32 {
  const k4 = (K + 3) & ~3, n8 = (N + NR - 1) & ~(NR - 1);
  return n8 * k4 + n8 * 4;
}

/** Packs int8 w [K, N] (row-major) into out (i8_qpack_bytes(K, N) bytes). */
export function i8_qpack(w: usize, out: usize, K: i32, N: i32): void {
  const k4 = (K + 3) & ~3, n8 = (N + NR - 1) & ~(NR - 1);
  const sums = out + <usize>(n8 * k4);
  for (let col = 0; col < n8; col++) {
    const p = col >> 3, j = col & 7;
    const base = out + <usize>(p * k4 * NR) + (<usize>j << 2);
    let s = 0;
    for (let k = 0; k < k4; k++) {
      const v: i32 = k < K && col < N ? <i32>load<i8>(w + <usize>k * N + col) : 0;
      s += v;
      store<i8>(base + <usize>((k >> 2) * 32) + (k & 3), <i8>v);
    }
    store<i32>(sums + (<usize>col << 2), s);
  }
}

// ---- activations: per-row quantisation ---------------------------------------------------------

/**
 * Quantises `rows` rows of x (K floats each) into dst (rows of k4 i16, or k4 u8 shifted by SHIFT
 * when `relaxed`; padded with 0) and their scales. range > 0: static, else max |row|.
 */
function quantRows(x: usize, K: i32, k4: i32, rows: i32, range: f32, Q: f32, relaxed: bool, dst: usize, scales: usize): void {
  const rowBytes: usize = relaxed ? <usize>k4 : <usize>k4 << 1;
  for (let i = 0; i < rows; i++) {
    const src = x + <usize>i * K * 4;
    let m = range;
    if (!(m > 0)) {
      let v = ZERO;
      let k = 0;
      for (; k + 4 <= K; k += 4) v = f32x4.pmax(v, f32x4.abs(v128.load(src + (<usize>k << 2))));
      m = max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
      for (; k < K; k++) m = max(m, abs(load<f32>(src + (<usize>k << 2))));
    }
    const inv: f32 = m > 0 ? Q / m : 0;
    store<f32>(scales + (<usize>i << 2), m > 0 ? m / Q : 0);
    const d = dst + <usize>i * rowBytes;
    const vinv = f32x4.splat(inv), hi = f32x4.splat(Q), lo = f32x4.splat(-Q);
    let k = 0;
    for (; k + 4 <= K; k += 4) {
      const q = i32x4.trunc_sat_f32x4_s(f32x4.pmin(f32x4.pmax(f32x4.nearest(f32x4.mul(v128.load(src + (<usize>k << 2)), vinv)), lo), hi));
      if (relaxed) {
        const h = i16x8.narrow_i32x4_s(i32x4.add(q, i32x4.splat(SHIFT)), ZERO);
        v128.store32_lane(d + <usize>k, i8x16.narrow_i16x8_u(h, ZERO), 0);
      } else {
        v128.store64_lane(d + (<usize>k << 1), i16x8.narrow_i32x4_s(q, ZERO), 0);
      }
    }
    for (; k < k4; k++) {
      let q: i32 = 0;
      if (k < K) {
        const f = nearest(load<f32>(src + (<usize>k << 2)) * inv);
        q = f != f ? 0 : <i32>min(max(f, -Q), Q);
        if (relaxed) q += SHIFT;
      }
      if (relaxed) store<u8>(d + <usize>k, <u8>q);
      else store<i16>(d + (<usize>k << 1), <i16>q);
    }
  }
}

// ---- tiles -------------------------------------------------------------------------------------

/** act(sum * rowScale * colScale + bias) for 4 columns, stored at c. */
@inline function epilogue(sum: v128, rowScale: f32, cs: v128, bias: v128, act: i32, c: usize): void {
  const v = f32x4.add(f32x4.mul(f32x4.mul(f32x4.convert_i32x4_s(sum), f32x4.splat(rowScale)), cs), bias);
  v128.store(c, activate(v, act));
}

/** Sums the lane pairs of lo [c0 c0 c1 c1] and hi [c2 c2 c3 c3] into [c0 c1 c2 c3]. */
@inline function pairSum(lo: v128, hi: v128): v128 {
  return i32x4.add(i32x4.shuffle(lo, hi, 0, 2, 4, 6), i32x4.shuffle(lo, hi, 1, 3, 5, 7));
}

/**
 * simd: MRT rows (i16 rows of lda bytes at a) x 4 columns (their 16 bytes at b in each 32-byte
 * group) over `groups` k groups; results to c (rows ldc bytes apart).
 */
@inline function tileSimd(a: usize, lda: usize, b: usize, groups: i32, scales: usize, cs: usize, bias: usize,
  act: i32, c: usize, ldc: usize, MRT: i32): void {
  let r0l = ZERO, r0h = ZERO, r1l = ZERO, r1h = ZERO, r2l = ZERO, r2h = ZERO, r3l = ZERO, r3h = ZERO;
  for (let g = 0; g < groups; g++) {
    const bv = v128.load(b);
    const bl = i16x8.extend_low_i8x16_s(bv), bh = i16x8.extend_high_i8x16_s(bv);
    const x0 = v128.load64_splat(a);
    r0l = i32x4.add(r0l, i32x4.dot_i16x8_s(x0, bl));
    r0h = i32x4.add(r0h, i32x4.dot_i16x8_s(x0, bh));
    if (MRT == 4) {
      const x1 = v128.load64_splat(a + lda);
      r1l = i32x4.add(r1l, i32x4.dot_i16x8_s(x1, bl));
      r1h = i32x4.add(r1h, i32x4.dot_i16x8_s(x1, bh));
      const x2 = v128.load64_splat(a + 2 * lda);
      r2l = i32x4.add(r2l, i32x4.dot_i16x8_s(x2, bl));
      r2h = i32x4.add(r2h, i32x4.dot_i16x8_s(x2, bh));
      const x3 = v128.load64_splat(a + 3 * lda);
      r3l = i32x4.add(r3l, i32x4.dot_i16x8_s(x3, bl));
      r3h = i32x4.add(r3h, i32x4.dot_i16x8_s(x3, bh));
    }
    a += 8;
    b += 32;
  }
  const vcs = v128.load(cs), vb = v128.load(bias);
  epilogue(pairSum(r0l, r0h), load<f32>(scales), vcs, vb, act, c);
  if (MRT == 4) {
    epilogue(pairSum(r1l, r1h), load<f32>(scales, 4), vcs, vb, act, c + ldc);
    epilogue(pairSum(r2l, r2h), load<f32>(scales, 8), vcs, vb, act, c + 2 * ldc);
    epilogue(pairSum(r3l, r3h), load<f32>(scales, 12), vcs, vb, act, c + 3 * ldc);
  }
}

/**
 * relaxed: MRT rows (u8 rows of lda bytes at a, shifted by SHIFT) x 8 columns (the 32-byte groups
 * at b); col sums at sums; results to c (rows ldc bytes apart).
 */
@inline function tileRelaxed(a: usize, lda: usize, b: usize, groups: i32, scales: usize, cs: usize, bias: usize,
  sums: usize, act: i32, c: usize, ldc: usize, MRT: i32, V: i32): void {
  let r0a = ZERO, r0b = ZERO, r1a = ZERO, r1b = ZERO, r2a = ZERO, r2b = ZERO, r3a = ZERO, r3b = ZERO;
  if (ASC_FEATURE_RELAXED_SIMD) {
    for (let g = 0; g < groups; g++) {
      const b0 = v128.load(b), b1 = v128.load(b, 16);
      const x0 = v128.load32_splat(a);
      r0a = rdot(b0, x0, r0a, V);
      r0b = rdot(b1, x0, r0b, V);
      if (MRT == 4) {
        const x1 = v128.load32_splat(a + lda);
        r1a = rdot(b0, x1, r1a, V);
        r1b = rdot(b1, x1, r1b, V);
        const x2 = v128.load32_splat(a + 2 * lda);
        r2a = rdot(b0, x2, r2a, V);
        r2b = rdot(b1, x2, r2b, V);
        const x3 = v128.load32_splat(a + 3 * lda);
        r3a = rdot(b0, x3, r3a, V);
        r3b = rdot(b1, x3, r3b, V);
      }
      a += 4;
      b += 32;
    }
  }
  const sh = i32x4.splat(SHIFT);
  const s0 = i32x4.mul(v128.load(sums), sh), s1 = i32x4.mul(v128.load(sums, 16), sh);
  const cs0 = v128.load(cs), cs1 = v128.load(cs, 16), b0 = v128.load(bias), b1 = v128.load(bias, 16);
  epilogue(i32x4.sub(r0a, s0), load<f32>(scales), cs0, b0, act, c);
  epilogue(i32x4.sub(r0b, s1), load<f32>(scales), cs1, b1, act, c + 16);
  if (MRT == 4) {
    epilogue(i32x4.sub(r1a, s0), load<f32>(scales, 4), cs0, b0, act, c + ldc);
    epilogue(i32x4.sub(r1b, s1), load<f32>(scales, 4), cs1, b1, act, c + ldc + 16);
    epilogue(i32x4.sub(r2a, s0), load<f32>(scales, 8), cs0, b0, act, c + 2 * ldc);
    epilogue(i32x4.sub(r2b, s1), load<f32>(scales, 8), cs1, b1, act, c + 2 * ldc + 16);
    epilogue(i32x4.sub(r3a, s0), load<f32>(scales, 12), cs0, b0, act, c + 3 * ldc);
    epilogue(i32x4.sub(r3b, s1), load<f32>(scales, 12), cs1, b1, act, c + 3 * ldc + 16);
  }
}

/**
 * c + the 4-wide dot of the signed bytes of w with the 7-bit bytes of x, in one of two forms (the
 * probe picks): 1, `i32x4.relaxed_dot_i8x16_i7x16_add_s`; 2, the i16 relaxed dot, widened pairwise
 * and added. NOTE: Node 20's V8 (11.3) on x64 without AVX-VNNI computes form 1 wrong in its baseline
 * tier (2 * dot, the addend lost: Liftoff gives pmaddubsw the addend's register as scratch; see
 * scripts/relaxed-dot-repro.mjs), and where it is right, form 1 is 5 instructions there against 3.
 */
@inline function rdot(w: v128, x: v128, c: v128, V: i32): v128 {
  if (!ASC_FEATURE_RELAXED_SIMD) return c;
  if (V == 1) return i32x4.relaxed_dot_i8x16_i7x16_add_s(w, x, c);
  return i32x4.add(c, i32x4.extadd_pairwise_i16x8_s(i16x8.relaxed_dot_i8x16_i7x16_s(w, x)));
}

/** Copies rows x w floats from the edge tile (32-byte rows) to c. */
function copyEdge(edge: usize, c: usize, ldc: usize, rows: i32, w: i32): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < w; j++) store<f32>(c + <usize>i * ldc + (<usize>j << 2), load<f32>(edge + <usize>(i * 32 + j * 4)));
  }
}

// ---- the driver ----------------------------------------------------------------------------------

/** Scratch i8_qgemm needs at `work` (16-byte aligned). */
export function i8_qgemm_work_bytes(M: i32, N: i32, K: i32): i32 {
  const k4 = (K + 3) & ~3, n8 = (N + NR - 1) & ~(NR - 1);
  // The last term: one row block of float patches (i8_qconv2d's im2col, in L1).
  return min(max(M, 1), MC) * k4 * 2 + MC * 4 + MR * NR * 4 + n8 * 8 + 16 + min(max(M, 1), MC) * K * 4;
}

/** The activation range of the path i8_qgemm takes for `relaxed` (127: simd, 63: relaxed build and relaxed != 0). */
export function i8_qgemm_levels(relaxed: i32): i32 {
  return ASC_FEATURE_RELAXED_SIMD && relaxed != 0 ? 63 : 127;
}

/**
 * out [M, N] = act((q(x) W) rowScale colScale + bias): x float32 [M, K], wp the i8_qpack form of W,
 * colScale N floats, bias N floats or 0, range > 0 a static activation range (else per row), act a
 * GemmActivation, work i8_qgemm_work_bytes(M, N, K) bytes. relaxed 1 or 2 takes the relaxed path in
 * that form of the dot (see rdot; a relaxed build only; the caller sets it after its probe agreed).
 */
export function i8_qgemm(x: usize, wp: usize, colScale: usize, bias: usize, out: usize, M: i32, N: i32, K: i32,
  range: f32, act: i32, work: usize, relaxed: i32): void {
  drive(x, 0, wp, colScale, bias, out, M, N, K, range, act, work, relaxed);
}

/**
 * The quantised convolution: x [N, H, W, C] float32 (params: a ConvParams block; groups 1) with the
 * packed filter [KH KW C, O] -> out [N, OH, OW, O] = act(q(patches) W rowScale colScale + bias), the
 * patches of each row block gathered into L1 (im2col, see f32_im2col) and quantised from there.
 * work: i8_qgemm_work_bytes(N OH OW, O, KH KW C) bytes.
 */
export function i8_qconv2d(x: usize, wp: usize, colScale: usize, bias: usize, out: usize, params: usize,
  range: f32, act: i32, work: usize, relaxed: i32): void {
  const M = pg(params, P_N) * pg(params, P_OH) * pg(params, P_OW);
  const K = pg(params, P_KH) * pg(params, P_KW) * pg(params, P_C);
  drive(x, params, wp, colScale, bias, out, M, pg(params, P_O), K, range, act, work, relaxed);
}

/** i8_qgemm's body; conv != 0: x is an image batch and rows are its patches (ConvParams at conv). */
function drive(x: usize, conv: usize, wp: usize, colScale: usize, bias: usize, out: usize, M: i32, N: i32, K: i32,
  range: f32, act: i32, work: usize, relaxed: i32): void {
  const useRelaxed = ASC_FEATURE_RELAXED_SIMD && relaxed != 0;
  const Q: f32 = useRelaxed ? 63 : 127;
  const k4 = (K + 3) & ~3, n8 = (N + NR - 1) & ~(NR - 1), groups = k4 >> 2;
  const lda: usize = useRelaxed ? <usize>k4 : <usize>k4 << 1;
  const qa = work;
  const scales = qa + <usize>(min(max(M, 1), MC) * k4 * 2);
  const edge = scales + MC * 4;
  const csPad = edge + MR * NR * 4;
  const biasPad = csPad + (<usize>n8 << 2);
  const patches = biasPad + (<usize>n8 << 2) + 16;
  const sums = wp + <usize>(n8 * k4);
  memory.fill(csPad, 0, <usize>n8 << 3);
  memory.copy(csPad, colScale, <usize>N << 2);
  if (bias != 0) memory.copy(biasPad, bias, <usize>N << 2);
  const ldc: usize = <usize>N << 2;
  // NOTE: each panel runs over the block's rows, so the block is kept small enough to stay in L1.
  const rowsPerBlock = max(MR, min(MC, <i32>(16384 / lda) & ~(MR - 1)));
  for (let ic = 0; ic < M; ic += rowsPerBlock) {
    const mc = min(rowsPerBlock, M - ic);
    if (conv != 0) {
      im2colRows(x, conv, ic, mc, patches);
      quantRows(patches, K, k4, mc, range, Q, useRelaxed, qa, scales);
    } else {
      quantRows(x + (<usize>(ic * K) << 2), K, k4, mc, range, Q, useRelaxed, qa, scales);
    }
    for (let p = 0; p < (n8 >> 3); p++) {
      const panel = wp + <usize>(p * k4 * NR);
      const col = p * NR, w = min(NR, N - col);
      for (let i = 0; i < mc; ) {
        const m = i + MR <= mc ? MR : 1;
        const a = qa + <usize>i * lda, sc = scales + (<usize>i << 2);
        const c = out + <usize>(ic + i) * ldc + (<usize>col << 2);
        if (useRelaxed) {
          const full = w == NR;
          const dst = full ? c : edge, ld: usize = full ? ldc : 32;
          const o = <usize>col << 2;
          if (relaxed == 1) {
            if (m == MR) tileRelaxed(a, lda, panel, groups, sc, csPad + o, biasPad + o, sums + o, act, dst, ld, MR, 1);
            else tileRelaxed(a, lda, panel, groups, sc, csPad + o, biasPad + o, sums + o, act, dst, ld, 1, 1);
          } else {
            if (m == MR) tileRelaxed(a, lda, panel, groups, sc, csPad + o, biasPad + o, sums + o, act, dst, ld, MR, 2);
            else tileRelaxed(a, lda, panel, groups, sc, csPad + o, biasPad + o, sums + o, act, dst, ld, 1, 2);
          }
          if (!full) copyEdge(edge, c, ldc, m, w);
        } else {
          for (let h = 0; h < 2; h++) {
            const wh = min(4, w - 4 * h);
            if (wh <= 0) break;
            const full = wh == 4;
            const dst = full ? c + (<usize>h << 4) : edge, ld: usize = full ? ldc : 32;
            const off = <usize>(col + 4 * h) << 2;
            if (m == MR) tileSimd(a, lda, panel + (<usize>h << 4), groups, sc, csPad + off, biasPad + off, act, dst, ld, MR);
            else tileSimd(a, lda, panel + (<usize>h << 4), groups, sc, csPad + off, biasPad + off, act, dst, ld, 1);
            if (!full) copyEdge(edge, c + (<usize>h << 4), ldc, m, wh);
          }
        }
        i += m;
      }
    }
  }
}

/**
 * The run-time probe of the relaxed dot: out (4 i32) = rdot(a, b, c) in form `variant` (1 or 2) for
 * the 16 bytes at a and b and 4 i32 at c. Returns 0 (and writes nothing) where the build lacks it; the
 * caller compares with the exact sums and takes the relaxed path only if they agree.
 */
export function i8_relaxed_dot_probe(a: usize, b: usize, c: usize, out: usize, variant: i32): i32 {
  if (!ASC_FEATURE_RELAXED_SIMD) return 0;
  const x = v128.load(a), y = v128.load(b), z = v128.load(c);
  v128.store(out, variant == 1 ? rdot(x, y, z, 1) : rdot(x, y, z, 2));
  return 1;
}

// ---- im2col for the quantised convolution --------------------------------------------------------

/** Conv params block slots (i32): mirrors bindings/abi.ts ConvParams. */
const P_N = 0, P_H = 1, P_W = 2, P_C = 3, P_OH = 4, P_OW = 5, P_O = 6, P_KH = 7, P_KW = 8;
const P_SH = 9, P_SW = 10, P_DH = 11, P_DW = 12, P_PT = 13, P_PL = 14;

@inline function pg(params: usize, slot: i32): i32 {
  return load<i32>(params + (<usize>slot << 2));
}

/**
 * x [N, H, W, C] float32 -> out [N OH OW, KH KW C]: row (n, oh, ow) holds, tap by tap (kh, kw), the
 * C channels of x at (oh sh - top + kh dh, ow sw - left + kw dw), zeros outside x.
 */
export function f32_im2col(x: usize, out: usize, params: usize): void {
  im2colRows(x, params, 0, pg(params, P_N) * pg(params, P_OH) * pg(params, P_OW), out);
}

/** Rows [r0, r0 + rows) of f32_im2col's output, to out. */
function im2colRows(x: usize, params: usize, r0: i32, rows: i32, out: usize): void {
  const H = pg(params, P_H), W = pg(params, P_W), C = pg(params, P_C);
  const OH = pg(params, P_OH), OW = pg(params, P_OW), KH = pg(params, P_KH), KW = pg(params, P_KW);
  const sh = pg(params, P_SH), sw = pg(params, P_SW), dh = pg(params, P_DH), dw = pg(params, P_DW);
  const pt = pg(params, P_PT), pl = pg(params, P_PL);
  const cb = <usize>C << 2;
  let o = out;
  for (let r = r0; r < r0 + rows; r++) {
    const n = r / (OH * OW), rem = r - n * OH * OW, oh = rem / OW, ow = rem - oh * OW;
    for (let kh = 0; kh < KH; kh++) {
      const ih = oh * sh - pt + kh * dh;
      for (let kw = 0; kw < KW; kw++) {
        const iw = ow * sw - pl + kw * dw;
        // NOTE: element loops, not memory.copy/fill: V8 runs those through a call, slow for a few bytes.
        if (ih < 0 || ih >= H || iw < 0 || iw >= W) {
          let c: usize = 0;
          for (; c + 16 <= cb; c += 16) v128.store(o + c, ZERO);
          for (; c < cb; c += 4) store<f32>(o + c, 0);
        } else if (C == 1) {
          store<f32>(o, load<f32>(x + (<usize>((n * H + ih) * W + iw) << 2)));
        } else {
          const src = x + <usize>((n * H + ih) * W + iw) * cb;
          let c: usize = 0;
          for (; c + 16 <= cb; c += 16) v128.store(o + c, v128.load(src + c));
          for (; c < cb; c += 4) store<f32>(o + c, load<f32>(src + c));
        }
        o += cb;
      }
    }
  }
}
