// Convolution and pooling over NHWC images (src/kernels.ts: conv2d, its two backprops, max/avg pooling
// and their gradients). Convolutions run on the packed GEMM (gemm.ts): a 1x1 stride-1 unpadded one
// reads x in place; the rest go through im2col in row blocks of at most ROWS rows, so the scratch stays
// bounded. dW is im2col(x)^T dy (a TN GEMM accumulated over the blocks); dX is dy W^T per block, then
// col2im (a scatter-add). A one-group 3x3 stride-1 forward with C, O multiples of 4 and C >= 8 runs
// Winograd F(4x4, 3x3) (isWinograd: 36 GEMMs over blocks of transformed tiles, the transformed filter
// packed as their B); so does the dX of a 3x3 stride-1 conv, as the transposed conv (isInputByWinograd),
// and its dW runs F(3x3, 4x4), the same transforms transposed (isFilterByWinograd). Another one-group forward with at most 64 input channels skips im2col: register
// tiles straight over the image (isDirectForward). A depthwise convolution (one input channel per
// group, C > 1) has its own loops with the channels along the SIMD lanes, as do the pooling kernels and
// the dW of a one-group conv with at most 4 input channels (isFewChannels). Geometry comes in a params block.
import { activate, gemm, gemmStrided, f32_gemm_work_bytes, f32_gemm_packed_bytes, f32_gemm_pack_b } from './gemm';
import { madd } from './math';

const ZERO: v128 = i32x4.splat(0);
const NEG_INF: v128 = f32x4.splat(-Infinity);

/** Params block slots (i32): mirrors bindings/abi.ts ConvParams. Pooling uses O = C and KH, KW = poolSize. */
const P_N = 0, P_H = 1, P_W = 2, P_C = 3, P_OH = 4, P_OW = 5, P_O = 6, P_KH = 7, P_KW = 8;
const P_SH = 9, P_SW = 10, P_DH = 11, P_DW = 12, P_PT = 13, P_PL = 14, P_G = 15;

/** Most im2col rows per block, and the most floats one block holds (1 MiB). */
const ROWS = 256;
const COL_FLOATS = 1 << 18;

/** What f32_conv_work_bytes sizes. */
const WORK_FORWARD = 0;
const WORK_INPUT = 1;
const WORK_FILTER = 2;

@inline function pg(params: usize, slot: i32): i32 {
  return load<i32>(params + (<usize>slot << 2));
}

/** First tap k with base + k*d >= 0. */
@inline function tapLo(base: i32, d: i32): i32 {
  return base >= 0 ? 0 : (d - 1 - base) / d;
}

/** One past the last tap k < window with base + k*d < size. */
@inline function tapHi(base: i32, d: i32, window: i32, size: i32): i32 {
  return size - base <= 0 ? 0 : min(window, (size - base + d - 1) / d);
}

/** Rows per im2col block for rows of kg floats. */
function rowBlock(M: i32, kg: i32): i32 {
  return min(M, max(4, min(ROWS, COL_FLOATS / max(kg, 1)) & ~3));
}

/** A 1x1 kernel at stride 1 without padding: x is its own im2col matrix. */
function isPointwise(p: usize): bool {
  return pg(p, P_KH) == 1 && pg(p, P_KW) == 1 && pg(p, P_SH) == 1 && pg(p, P_SW) == 1 && pg(p, P_PT) == 0
    && pg(p, P_PL) == 0 && pg(p, P_OH) == pg(p, P_H) && pg(p, P_OW) == pg(p, P_W);
}

/**
 * One input channel per group and more than one group: the depthwise loops. (One channel in one
 * group, the first layer on grey images, runs its forward faster as im2col + GEMM: 2.7 against 2.6-4.1
 * ms for 3x3 1->16 at 28x28 batch 64, measured here; its dW goes to isFewChannels.)
 */
function isDepthwise(p: usize): bool {
  return pg(p, P_G) == pg(p, P_C) && pg(p, P_C) > 1;
}

/**
 * Few input channels (C <= 4, one group) and O % 4 == 0, not pointwise: dW by direct loops with the
 * output channels on the lanes (the first layer on grey or RGB images; via im2col its dW is a TN GEMM
 * with N = O and K = the batch's pixels: 2.2 against 0.76 ms in the reference CNN's step profile). Its
 * forward is isDirectForward's.
 */
function isFewChannels(p: usize): bool {
  return pg(p, P_G) == 1 && pg(p, P_C) <= 4 && (pg(p, P_O) & 3) == 0 && !isPointwise(p);
}

/** The most input channels the direct forward takes. */
const DIRECT_MAX_C = 64;

/**
 * The forward by register tiles straight over the (padded) image, no im2col (directForward): one
 * group, C <= 64, O % 4 == 0, not pointwise. In-process A/B (bench/wasm-ab.mjs, simd, filters
 * packed ahead for the GEMM paths) against im2col + GEMM for 3x3 16->32 at 28x28 b64: 1.09x median,
 * 1.18x best; against the wide path for 3x3 64->64 at 56x56: 1.13x (b1), 1.05x (b4); equal for 1->16.
 */
function isDirectForward(p: usize): bool {
  return pg(p, P_G) == 1 && pg(p, P_C) <= DIRECT_MAX_C && (pg(p, P_O) & 3) == 0 && !isPointwise(p);
}

@inline function align16(n: i32): usize {
  return <usize>((n + 15) & ~15);
}

/** Scratch bytes the kernel `kind` (0 forward, 1 dX, 2 dW) needs for the geometry at params. */
export function f32_conv_work_bytes(params: usize, kind: i32): i32 {
  if (kind == WORK_INPUT && isDepthwise(params) && isDepthwiseInputByForward(params)) return depthwiseInputWorkBytes(params);
  if (kind == WORK_INPUT && isInputByWinograd(params)) return inputByWinogradWorkBytes(params);
  if (kind == WORK_INPUT && isInputByForward(params)) return inputByForwardWorkBytes(params);
  if (isDepthwise(params) || (kind == WORK_FILTER && isFewChannels(params))) return 0;
  if (kind == WORK_FORWARD && isWinograd(params)) {
    return winoWorkBytes(pg(params, P_N), pg(params, P_OH), pg(params, P_OW), pg(params, P_C), pg(params, P_O));
  }
  if (kind == WORK_FORWARD && isDirectForward(params)) return directWorkBytes(params);
  if (kind == WORK_FORWARD && isWide(params)) return wideWorkBytes(params);
  const G = pg(params, P_G), C = pg(params, P_C), O = pg(params, P_O);
  const cg = C / G, og = O / G;
  const M = pg(params, P_N) * pg(params, P_OH) * pg(params, P_OW);
  if (isPointwise(params)) {
    if (kind == WORK_FORWARD) return f32_gemm_work_bytes(M, og, cg);
    if (kind == WORK_INPUT) return f32_gemm_work_bytes(M, cg, og);
    return f32_gemm_work_bytes(cg, og, M);
  }
  const kg = pg(params, P_KH) * pg(params, P_KW) * cg;
  const rb = rowBlock(M, kg);
  const g = kind == WORK_FORWARD ? f32_gemm_work_bytes(rb, og, kg)
    : kind == WORK_INPUT ? f32_gemm_work_bytes(rb, kg, og) : f32_gemm_work_bytes(kg, og, rb);
  const bytes = <i32>align16(g) + ((rb * kg) << 2);
  return kind == WORK_FILTER && isFilterByWinograd(params) ? filterByWinogradWorkBytes(params, bytes) : bytes;
}

// ---- small vector helpers ---------------------------------------------------------------------

@inline function copyF32(dst: usize, src: usize, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) v128.store(dst + (<usize>j << 2), v128.load(src + (<usize>j << 2)));
  for (; j < n; j++) store<f32>(dst + (<usize>j << 2), load<f32>(src + (<usize>j << 2)));
}

@inline function zeroF32(dst: usize, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) v128.store(dst + (<usize>j << 2), ZERO);
  for (; j < n; j++) store<f32>(dst + (<usize>j << 2), 0);
}

@inline function addF32(dst: usize, src: usize, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const d = dst + (<usize>j << 2);
    v128.store(d, f32x4.add(v128.load(d), v128.load(src + (<usize>j << 2))));
  }
  for (; j < n; j++) {
    const d = dst + (<usize>j << 2);
    store<f32>(d, load<f32>(d) + load<f32>(src + (<usize>j << 2)));
  }
}

/** Applies `act` in place to n floats at p (one call site of activate: its polynomials are large). */
function activateRow(p: usize, n: i32, act: i32): void {
  if (act == 0 || n == 0) return;
  // The last (partial) group: read before the loop changes it, stored after; lanes past n untouched.
  const t = n & ~3, tp = p + (<usize>t << 2), r = n - t;
  let last = ZERO;
  if (r > 0) last = f32x4.replace_lane(last, 0, load<f32>(tp));
  if (r > 1) last = f32x4.replace_lane(last, 1, load<f32>(tp, 4));
  if (r > 2) last = f32x4.replace_lane(last, 2, load<f32>(tp, 8));
  for (let j = 0; j <= t; j += 4) {
    const q = p + (<usize>j << 2);
    const v = activate(j < t ? v128.load(q) : last, act);
    if (j < t) { v128.store(q, v); continue; }
    if (r > 0) store<f32>(tp, f32x4.extract_lane(v, 0));
    if (r > 1) store<f32>(tp, f32x4.extract_lane(v, 1), 4);
    if (r > 2) store<f32>(tp, f32x4.extract_lane(v, 2), 8);
  }
}

// ---- im2col / col2im --------------------------------------------------------------------------

/**
 * Rows [r0, r0 + rows) of group g's im2col matrix into col (kg = KH*KW*Cg floats per row, in the
 * filter's (kh, kw, c) order; taps in the padding are zeros). `scatter`: the reverse, col2im, adding
 * each row's values into x at the taps inside it.
 */
function im2col(x: usize, col: usize, p: usize, g: i32, r0: i32, rows: i32, scatter: bool): void {
  const H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KH = pg(p, P_KH), KW = pg(p, P_KW), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), cg = C / pg(p, P_G);
  const kg = KH * KW * cg;
  const xg = x + (<usize>(g * cg) << 2);
  const whole = cg == C && dw == 1;
  let ow = r0 % OW, oh = (r0 / OW) % OH, n = r0 / (OW * OH);
  for (let r = 0; r < rows; r++) {
    let dst = col + (<usize>(r * kg) << 2);
    const bh = oh * sh - pt, bw = ow * sw - pl;
    for (let kh = 0; kh < KH; kh++) {
      const ih = bh + kh * dh;
      if (ih < 0 || ih >= H) {
        if (!scatter) zeroF32(dst, KW * cg);
        dst += <usize>(KW * cg) << 2;
        continue;
      }
      const row = xg + (<usize>((n * H + ih) * W) * <usize>C << 2);
      // One group, undilated, the row's taps all inside x: they lie side by side, one copy.
      if (whole && bw >= 0 && bw + KW <= W) {
        const src = row + (<usize>bw * <usize>C << 2);
        if (scatter) addF32(src, dst, KW * C);
        else copyF32(dst, src, KW * C);
        dst += <usize>(KW * C) << 2;
        continue;
      }
      for (let kw = 0; kw < KW; kw++) {
        const iw = bw + kw * dw;
        if (iw >= 0 && iw < W) {
          const src = row + (<usize>iw * <usize>C << 2);
          if (scatter) addF32(src, dst, cg);
          else copyF32(dst, src, cg);
        } else if (!scatter) {
          zeroF32(dst, cg);
        }
        dst += <usize>cg << 2;
      }
    }
    if (++ow == OW) { ow = 0; if (++oh == OH) { oh = 0; n++; } }
  }
}

// ---- convolution ------------------------------------------------------------------------------

/**
 * out [N, OH, OW, O] = act(conv(x [N, H, W, C], w [KH, KW, C/G, O]) + bias); bias: O floats or 0;
 * act: a GemmActivation; work: f32_conv_work_bytes(params, 0) bytes.
 */
export function f32_conv2d(x: usize, w: usize, bias: usize, out: usize, act: i32, params: usize, work: usize): void {
  conv2dForward(x, w, 0, bias, out, act, params, work);
}

// ---- the filter packed ahead (the conv filter cache) ------------------------------------------
// The forward paths that run the GEMM on the filter (im2col, pointwise: per group the matrix
// [KH*KW*C/G, O/G] with rows O apart; wide: per kh the matrix [KW*C, O]; Winograd: its 36 transformed
// [C, O] matrices, then a copy of the filter, winoPack) pack it as B on every call
// and, for im2col, on every row block. A filter kept between calls (inference) is packed once, whole,
// by f32_conv_pack_filter (what every call would pack, so the sums are the same bit for bit), and
// f32_conv2d_packed reads those panels. Depthwise convolutions read the filter in place and direct
// ones (isDirectForward) pack it per call into their scratch (directPack): nothing to cache (0 bytes).

/** Bytes f32_conv_pack_filter writes for the forward conv of params (0: its path packs nothing). */
export function f32_conv_packed_bytes(params: usize): i32 {
  const p = params;
  if (isWinograd(p)) return winoPackedBytes(pg(p, P_C), pg(p, P_O));
  if (isDepthwise(p) || isDirectForward(p)) return 0;
  const O = pg(p, P_O), C = pg(p, P_C);
  if (isWide(p)) return pg(p, P_KH) * <i32>f32_gemm_packed_bytes(O, pg(p, P_KW) * C);
  const G = pg(p, P_G), cg = C / G, og = O / G;
  return G * <i32>f32_gemm_packed_bytes(og, pg(p, P_KH) * pg(p, P_KW) * cg);
}

/** Packs the filter w [KH, KW, C/G, O] for the forward conv of params into dst (f32_conv_packed_bytes). */
export function f32_conv_pack_filter(w: usize, params: usize, dst: usize): void {
  const p = params;
  if (isWinograd(p)) {
    winoPack(w, p, dst);
    return;
  }
  if (isDepthwise(p) || isDirectForward(p)) return;
  const O = pg(p, P_O), C = pg(p, P_C);
  if (isWide(p)) {
    const K = pg(p, P_KW) * C, step = f32_gemm_packed_bytes(O, K);
    for (let kh = 0; kh < pg(p, P_KH); kh++) f32_gemm_pack_b(w + (<usize>(kh * K * O) << 2), O, K, O, false, dst + <usize>kh * step);
    return;
  }
  const G = pg(p, P_G), cg = C / G, og = O / G, kg = pg(p, P_KH) * pg(p, P_KW) * cg;
  const step = f32_gemm_packed_bytes(og, kg);
  for (let g = 0; g < G; g++) f32_gemm_pack_b(w + (<usize>(g * og) << 2), og, kg, O, false, dst + <usize>g * step);
}

/** f32_conv2d with the filter packed ahead by f32_conv_pack_filter (packed: its panels; not 0). */
export function f32_conv2d_packed(x: usize, packed: usize, bias: usize, out: usize, act: i32, params: usize, work: usize): void {
  conv2dForward(x, 0, packed, bias, out, act, params, work);
}

/**
 * gemmStrided on a B that is either in place (w: bks, bjs) or packed ahead (packed, not 0). A's
 * packing rule is gemmStrided's.
 */
function gemmW(a: usize, ars: usize, acs: usize, w: usize, bks: usize, packed: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, accumulate: bool): void {
  if (packed == 0) {
    gemmStrided(a, ars, acs, w, bks, 4, c, ldc, M, N, K, bias, act, work, accumulate);
    return;
  }
  const packA = M >= 8 && N > 32 && K > 64 && (ars == 4 ? acs >= 1024 : ars >= 2048);
  gemm(a, ars, acs, 0, 0, 0, c, ldc, M, N, K, bias, act, work, packA, true, accumulate, packed);
}

function conv2dForward(x: usize, w: usize, packed: usize, bias: usize, out: usize, act: i32, params: usize, work: usize): void {
  const p = params;
  if (isDepthwise(p)) {
    depthwise(x, w, bias, out, act, p);
    return;
  }
  if (isWinograd(p)) {
    winoForward(x, w, packed, bias, out, act, p, work);
    return;
  }
  if (isDirectForward(p)) {
    directForward(x, w, bias, out, act, p, work);
    return;
  }
  if (isWide(p)) {
    wideForward(x, w, packed, bias, out, act, p, work);
    return;
  }
  const G = pg(p, P_G), C = pg(p, P_C), O = pg(p, P_O), cg = C / G, og = O / G;
  const M = pg(p, P_N) * pg(p, P_OH) * pg(p, P_OW);
  const ldo = <usize>O << 2;
  if (isPointwise(p)) {
    const step = packed != 0 ? f32_gemm_packed_bytes(og, cg) : 0;
    for (let g = 0; g < G; g++) {
      gemmW(x + (<usize>(g * cg) << 2), <usize>C << 2, 4, w + (<usize>(g * og) << 2), ldo, packed != 0 ? packed + <usize>g * step : 0,
        out + (<usize>(g * og) << 2), ldo, M, og, cg, bias != 0 ? bias + (<usize>(g * og) << 2) : 0, act, work, false);
    }
    return;
  }
  const kg = pg(p, P_KH) * pg(p, P_KW) * cg;
  const rb = rowBlock(M, kg);
  const col = work + align16(f32_gemm_work_bytes(rb, og, kg));
  const step = packed != 0 ? f32_gemm_packed_bytes(og, kg) : 0;
  for (let r0 = 0; r0 < M; r0 += rb) {
    const rows = min(rb, M - r0);
    for (let g = 0; g < G; g++) {
      im2col(x, col, p, g, r0, rows, false);
      gemmW(col, <usize>kg << 2, 4, w + (<usize>(g * og) << 2), ldo, packed != 0 ? packed + <usize>g * step : 0,
        out + <usize>r0 * ldo + (<usize>(g * og) << 2), ldo, rows, og, kg,
        bias != 0 ? bias + (<usize>(g * og) << 2) : 0, act, work, false);
    }
  }
}

/** dx [N, H, W, C] of conv2d from dy [N, OH, OW, O] and w; work: f32_conv_work_bytes(params, 1) bytes. */
export function f32_conv2d_backprop_input(dy: usize, w: usize, dx: usize, params: usize, work: usize): void {
  const p = params;
  const G = pg(p, P_G), C = pg(p, P_C), O = pg(p, P_O), cg = C / G, og = O / G;
  const M = pg(p, P_N) * pg(p, P_OH) * pg(p, P_OW);
  const ldo = <usize>O << 2;
  if (isDepthwise(p)) {
    if (isDepthwiseInputByForward(p)) depthwiseInputByForward(dy, w, dx, p, work);
    else depthwiseInput(dy, w, dx, p);
    return;
  }
  if (isInputByWinograd(p)) {
    inputByWinograd(dy, w, dx, p, work);
    return;
  }
  if (isInputByForward(p)) {
    inputByForward(dy, w, dx, p, work);
    return;
  }
  if (isPointwise(p)) {
    for (let g = 0; g < G; g++) {
      gemmStrided(dy + (<usize>(g * og) << 2), ldo, 4, w + (<usize>(g * og) << 2), 4, ldo,
        dx + (<usize>(g * cg) << 2), <usize>C << 2, M, cg, og, 0, 0, work, false);
    }
    return;
  }
  memory.fill(dx, 0, <usize>(pg(p, P_N) * pg(p, P_H) * pg(p, P_W)) * <usize>C << 2);
  const kg = pg(p, P_KH) * pg(p, P_KW) * cg;
  const rb = rowBlock(M, kg);
  const col = work + align16(f32_gemm_work_bytes(rb, kg, og));
  for (let r0 = 0; r0 < M; r0 += rb) {
    const rows = min(rb, M - r0);
    for (let g = 0; g < G; g++) {
      gemmStrided(dy + <usize>r0 * ldo + (<usize>(g * og) << 2), ldo, 4, w + (<usize>(g * og) << 2), 4, ldo,
        col, <usize>kg << 2, rows, kg, og, 0, 0, work, false);
      im2col(dx, col, p, g, r0, rows, true);
    }
  }
}

/** dw [KH, KW, C/G, O] of conv2d from x and dy; work: f32_conv_work_bytes(params, 2) bytes. */
export function f32_conv2d_backprop_filter(x: usize, dy: usize, dw: usize, params: usize, work: usize): void {
  const p = params;
  const G = pg(p, P_G), C = pg(p, P_C), O = pg(p, P_O), cg = C / G, og = O / G;
  const M = pg(p, P_N) * pg(p, P_OH) * pg(p, P_OW);
  const ldo = <usize>O << 2;
  const kg = pg(p, P_KH) * pg(p, P_KW) * cg;
  memory.fill(dw, 0, <usize>(kg * O) << 2);
  if (isDepthwise(p)) {
    depthwiseFilter(x, dy, dw, p);
    return;
  }
  if (isFewChannels(p)) {
    fewFilter(x, dy, dw, p);
    return;
  }
  if (isFilterByWinograd(p)) {
    if (filterByWinograd(x, dy, dw, p, work)) return;
    memory.fill(dw, 0, <usize>(kg * O) << 2);
  }
  if (isPointwise(p)) {
    for (let g = 0; g < G; g++) {
      gemmStrided(x + (<usize>(g * cg) << 2), 4, <usize>C << 2, dy + (<usize>(g * og) << 2), ldo, 4,
        dw + (<usize>(g * og) << 2), ldo, cg, og, M, 0, 0, work, true);
    }
    return;
  }
  const rb = rowBlock(M, kg);
  const col = work + align16(f32_gemm_work_bytes(kg, og, rb));
  for (let r0 = 0; r0 < M; r0 += rb) {
    const rows = min(rb, M - r0);
    for (let g = 0; g < G; g++) {
      im2col(x, col, p, g, r0, rows, false);
      gemmStrided(col, 4, <usize>kg << 2, dy + <usize>r0 * ldo + (<usize>(g * og) << 2), ldo, 4,
        dw + (<usize>(g * og) << 2), ldo, kg, og, rows, 0, 0, work, true);
    }
  }
}

// ---- forward by register tiles over the image, im2col-free (isDirectForward) -------------------

/** Rows and columns of the (padded) image the direct forward reads: exactly what its taps reach. */
@inline function directSpanH(p: usize): i32 {
  return (pg(p, P_OH) - 1) * pg(p, P_SH) + (pg(p, P_KH) - 1) * pg(p, P_DH) + 1;
}
@inline function directSpanW(p: usize): i32 {
  return (pg(p, P_OW) - 1) * pg(p, P_SW) + (pg(p, P_KW) - 1) * pg(p, P_DW) + 1;
}

/** Is the image read in place (every tap inside it), or copied into a zero-padded scratch image? */
@inline function directInPlace(p: usize): bool {
  return pg(p, P_PT) == 0 && pg(p, P_PL) == 0 && directSpanH(p) <= pg(p, P_H) && directSpanW(p) <= pg(p, P_W);
}

/**
 * Input channels up to which the direct forward walks one flat table of the filter's rows (directTile's
 * flat loop) instead of a loop per tap over C channels. In-process A/B (bench/wasm-ab.mjs, load ~7):
 * 3x3 1->16 28x28 b64 1.36x (simd), 1.47x (relaxed); 3->16 1.07x (simd), 1.10x (relaxed).
 */
const FLAT_MAX_C = 4;

/** Bytes of directForward's offset table: one i32 per tap, or per filter row (kh, kw, c) if C <= FLAT_MAX_C. */
@inline function directTabBytes(KH: i32, KW: i32, C: i32): usize {
  return align16((KH * KW * (C <= FLAT_MAX_C ? C : 1)) << 2);
}

/** Scratch of directForward: the offset table, the packed filter (directPack), then one padded image unless in place. */
function directWorkBytes(p: usize): i32 {
  const taps = <i32>(directTabBytes(pg(p, P_KH), pg(p, P_KW), pg(p, P_C)) + align16((pg(p, P_KH) * pg(p, P_KW) * pg(p, P_C) * pg(p, P_O)) << 2));
  return directInPlace(p) ? taps : taps + ((directSpanH(p) * directSpanW(p) * pg(p, P_C)) << 2);
}

/**
 * PX output pixels (sw*C*4 bytes apart in the image from xb) x NV groups of 4 output channels, their
 * taps' byte offsets in the table at tab (nt entries; flat: one per filter row, C of them per tap), the
 * filter's rows for these channels packed side by side at wo (NV*16 bytes a row, directPack): PX * NV
 * accumulators in registers, one splat of x and NV filter vectors per filter row, bias and relu (act 1)
 * in the epilogue. Per tap, the C rows go four a loop turn at constant offsets with a count test after
 * each (as the GEMM's tile4x8UnrolledRows), so V8 spends few integer instructions per row.
 */
@inline function directTile(xb: usize, xs: usize, tab: usize, nt: i32, C: i32, wo: usize, bias: usize,
  op: usize, os: usize, relu: bool, PX: i32, NV: i32, flat: bool): void {
  let b0 = ZERO, b1 = ZERO;
  if (bias != 0) {
    b0 = v128.load(bias);
    if (NV > 1) b1 = v128.load(bias, 16);
  }
  // NOTE: the sums start from the bias (the GEMM adds it last): for 1->16 (K = 9) adding it after
  // measured 4% slower.
  let a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
  let w0 = ZERO, w1 = ZERO, x0 = ZERO, x1 = ZERO, x2 = ZERO, x3 = ZERO;
  let wp = wo;
  const wstep = <usize>(16 * NV);
  if (flat) {
    // C <= FLAT_MAX_C: one loop over the filter rows (a loop per tap ran C times: once for C = 1).
    for (let tp = tab, te = tab + (<usize>nt << 2); tp < te; tp += 4) {
      const xp = xb + <usize>load<i32>(tp);
      w0 = v128.load(wp);
      if (NV > 1) w1 = v128.load(wp, 16);
      x0 = v128.load32_splat(xp);
      a00 = madd(x0, w0, a00);
      if (NV > 1) a01 = madd(x0, w1, a01);
      if (PX > 1) {
        x1 = v128.load32_splat(xp + xs);
        a10 = madd(x1, w0, a10);
        if (NV > 1) a11 = madd(x1, w1, a11);
        x2 = v128.load32_splat(xp + 2 * xs);
        a20 = madd(x2, w0, a20);
        if (NV > 1) a21 = madd(x2, w1, a21);
        x3 = v128.load32_splat(xp + 3 * xs);
        a30 = madd(x3, w0, a30);
        if (NV > 1) a31 = madd(x3, w1, a31);
      }
      wp += wstep;
    }
  } else {
    for (let t = 0; t < nt; t++) {
      let p0 = xb + <usize>load<i32>(tab + (<usize>t << 2)), p1 = p0 + xs, p2 = p1 + xs, p3 = p2 + xs;
      let n = C;
      while (true) {
        w0 = NV > 1 ? v128.load(wp, 0) : v128.load(wp, 0);
        if (NV > 1) w1 = v128.load(wp, 16);
        x0 = v128.load32_splat(p0, 0);
        a00 = madd(x0, w0, a00);
        if (NV > 1) a01 = madd(x0, w1, a01);
        if (PX > 1) {
          x1 = v128.load32_splat(p1, 0); x2 = v128.load32_splat(p2, 0); x3 = v128.load32_splat(p3, 0);
          a10 = madd(x1, w0, a10); a20 = madd(x2, w0, a20); a30 = madd(x3, w0, a30);
          if (NV > 1) { a11 = madd(x1, w1, a11); a21 = madd(x2, w1, a21); a31 = madd(x3, w1, a31); }
        }
        if (--n == 0) break;
        w0 = NV > 1 ? v128.load(wp, 32) : v128.load(wp, 16);
        if (NV > 1) w1 = v128.load(wp, 48);
        x0 = v128.load32_splat(p0, 4);
        a00 = madd(x0, w0, a00);
        if (NV > 1) a01 = madd(x0, w1, a01);
        if (PX > 1) {
          x1 = v128.load32_splat(p1, 4); x2 = v128.load32_splat(p2, 4); x3 = v128.load32_splat(p3, 4);
          a10 = madd(x1, w0, a10); a20 = madd(x2, w0, a20); a30 = madd(x3, w0, a30);
          if (NV > 1) { a11 = madd(x1, w1, a11); a21 = madd(x2, w1, a21); a31 = madd(x3, w1, a31); }
        }
        if (--n == 0) break;
        w0 = NV > 1 ? v128.load(wp, 64) : v128.load(wp, 32);
        if (NV > 1) w1 = v128.load(wp, 80);
        x0 = v128.load32_splat(p0, 8);
        a00 = madd(x0, w0, a00);
        if (NV > 1) a01 = madd(x0, w1, a01);
        if (PX > 1) {
          x1 = v128.load32_splat(p1, 8); x2 = v128.load32_splat(p2, 8); x3 = v128.load32_splat(p3, 8);
          a10 = madd(x1, w0, a10); a20 = madd(x2, w0, a20); a30 = madd(x3, w0, a30);
          if (NV > 1) { a11 = madd(x1, w1, a11); a21 = madd(x2, w1, a21); a31 = madd(x3, w1, a31); }
        }
        if (--n == 0) break;
        w0 = NV > 1 ? v128.load(wp, 96) : v128.load(wp, 48);
        if (NV > 1) w1 = v128.load(wp, 112);
        x0 = v128.load32_splat(p0, 12);
        a00 = madd(x0, w0, a00);
        if (NV > 1) a01 = madd(x0, w1, a01);
        if (PX > 1) {
          x1 = v128.load32_splat(p1, 12); x2 = v128.load32_splat(p2, 12); x3 = v128.load32_splat(p3, 12);
          a10 = madd(x1, w0, a10); a20 = madd(x2, w0, a20); a30 = madd(x3, w0, a30);
          if (NV > 1) { a11 = madd(x1, w1, a11); a21 = madd(x2, w1, a21); a31 = madd(x3, w1, a31); }
        }
        if (--n == 0) break;
        p0 += 16; p1 += 16; p2 += 16; p3 += 16;
        wp += wstep * 4;
      }
      wp += wstep * (((C - 1) & 3) + 1);
    }
  }
  if (relu) {
    a00 = f32x4.add(f32x4.pmax(a00, ZERO), ZERO); a01 = f32x4.add(f32x4.pmax(a01, ZERO), ZERO);
    a10 = f32x4.add(f32x4.pmax(a10, ZERO), ZERO); a11 = f32x4.add(f32x4.pmax(a11, ZERO), ZERO);
    a20 = f32x4.add(f32x4.pmax(a20, ZERO), ZERO); a21 = f32x4.add(f32x4.pmax(a21, ZERO), ZERO);
    a30 = f32x4.add(f32x4.pmax(a30, ZERO), ZERO); a31 = f32x4.add(f32x4.pmax(a31, ZERO), ZERO);
  }
  v128.store(op, a00);
  if (NV > 1) v128.store(op, a01, 16);
  if (PX > 1) {
    v128.store(op + os, a10);
    if (NV > 1) v128.store(op + os, a11, 16);
    v128.store(op + 2 * os, a20);
    if (NV > 1) v128.store(op + 2 * os, a21, 16);
    v128.store(op + 3 * os, a30);
    if (NV > 1) v128.store(op + 3 * os, a31, 16);
  }
}

/**
 * One output row of directForward: tiles of 4 pixels (then 1) x 8 channels (then 4); the filter packed
 * by directPack at pw (K = KH*KW*C rows).
 */
@inline function directRow(rowIn: usize, rowOut: usize, OW: i32, O: i32, xs: usize, tab: usize, nt: i32, C: i32, pw: usize,
  K: i32, os: usize, bias: usize, relu: bool, flat: bool): void {
  const O8 = O & ~7, OW4 = OW & ~3;
  let ow = 0;
  for (; ow < OW4; ow += 4) {
    const xb = rowIn + <usize>ow * xs, op = rowOut + <usize>ow * os;
    let o = 0;
    for (; o < O8; o += 8) {
      directTile(xb, xs, tab, nt, C, pw + (<usize>(o * K) << 2), bias != 0 ? bias + (<usize>o << 2) : 0, op + (<usize>o << 2), os, relu, 4, 2, flat);
    }
    if (o < O) directTile(xb, xs, tab, nt, C, pw + (<usize>(o * K) << 2), bias != 0 ? bias + (<usize>o << 2) : 0, op + (<usize>o << 2), os, relu, 4, 1, flat);
  }
  for (; ow < OW; ow++) {
    const xb = rowIn + <usize>ow * xs, op = rowOut + <usize>ow * os;
    let o = 0;
    for (; o < O8; o += 8) {
      directTile(xb, xs, tab, nt, C, pw + (<usize>(o * K) << 2), bias != 0 ? bias + (<usize>o << 2) : 0, op + (<usize>o << 2), os, relu, 1, 2, flat);
    }
    if (o < O) directTile(xb, xs, tab, nt, C, pw + (<usize>(o * K) << 2), bias != 0 ? bias + (<usize>o << 2) : 0, op + (<usize>o << 2), os, relu, 1, 1, flat);
  }
}

/**
 * The filter w [K, O] (K = KH*KW*C rows) as directTile reads it, at dst: per group of 8 output channels
 * (the last 4 when O % 8 == 4) its K rows side by side, the group from channel o at o*K floats.
 */
function directPack(w: usize, K: i32, O: i32, dst: usize): void {
  const O8 = O & ~7;
  for (let o = 0; o < O; o += 8) {
    const wide = o < O8;
    let d = dst + (<usize>(o * K) << 2), src = w + (<usize>o << 2);
    for (let k = 0; k < K; k++) {
      v128.store(d, v128.load(src));
      if (wide) v128.store(d, v128.load(src, 16), 16);
      d += wide ? 32 : 16;
      src += <usize>O << 2;
    }
  }
}

/** The filter w [K, O] for directDotTile: each output channel's K rows side by side, channel o from o*K floats. */
function dotPack(w: usize, K: i32, O: i32, dst: usize): void {
  for (let o = 0; o < O; o++) {
    for (let k = 0; k < K; k++) store<f32>(dst + (<usize>(o * K + k) << 2), load<f32>(w + (<usize>(k * O + o) << 2)));
  }
}

/**
 * PX (4 or 1) output pixels of one output channel of a conv with C % 4 == 0 input channels (cs bytes)
 * and fewer than 4 output channels, the dX of a conv on 1 to 3 channels: per pixel a vector of 4
 * partial dot products over the taps' channels (the channel group on the lanes), the filter's rows for
 * the channel side by side at wo (dotPack), then the lanes' sum, stored at op (pixels os bytes apart).
 */
@inline function directDotTile(xb: usize, xs: usize, tab: usize, nt: i32, cs: usize, wo: usize, op: usize, os: usize, PX: i32): void {
  let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO;
  let wp = wo;
  const groups = <i32>(cs >> 4);
  let w: v128;
  for (let t = 0; t < nt; t++) {
    let p0 = xb + <usize>load<i32>(tab + (<usize>t << 2)), p1 = p0 + xs, p2 = p1 + xs, p3 = p2 + xs;
    // The tap's channel groups four a loop turn at constant offsets (as directTile).
    let n = groups;
    while (true) {
      w = v128.load(wp, 0);
      a0 = madd(v128.load(p0, 0), w, a0);
      if (PX > 1) { a1 = madd(v128.load(p1, 0), w, a1); a2 = madd(v128.load(p2, 0), w, a2); a3 = madd(v128.load(p3, 0), w, a3); }
      if (--n == 0) break;
      w = v128.load(wp, 16);
      a0 = madd(v128.load(p0, 16), w, a0);
      if (PX > 1) { a1 = madd(v128.load(p1, 16), w, a1); a2 = madd(v128.load(p2, 16), w, a2); a3 = madd(v128.load(p3, 16), w, a3); }
      if (--n == 0) break;
      w = v128.load(wp, 32);
      a0 = madd(v128.load(p0, 32), w, a0);
      if (PX > 1) { a1 = madd(v128.load(p1, 32), w, a1); a2 = madd(v128.load(p2, 32), w, a2); a3 = madd(v128.load(p3, 32), w, a3); }
      if (--n == 0) break;
      w = v128.load(wp, 48);
      a0 = madd(v128.load(p0, 48), w, a0);
      if (PX > 1) { a1 = madd(v128.load(p1, 48), w, a1); a2 = madd(v128.load(p2, 48), w, a2); a3 = madd(v128.load(p3, 48), w, a3); }
      if (--n == 0) break;
      p0 += 64; p1 += 64; p2 += 64; p3 += 64;
      wp += 64;
    }
    wp += <usize>((((groups - 1) & 3) + 1) << 4);
  }
  store<f32>(op, (f32x4.extract_lane(a0, 0) + f32x4.extract_lane(a0, 1)) + (f32x4.extract_lane(a0, 2) + f32x4.extract_lane(a0, 3)));
  if (PX > 1) {
    store<f32>(op + os, (f32x4.extract_lane(a1, 0) + f32x4.extract_lane(a1, 1)) + (f32x4.extract_lane(a1, 2) + f32x4.extract_lane(a1, 3)));
    store<f32>(op + 2 * os, (f32x4.extract_lane(a2, 0) + f32x4.extract_lane(a2, 1)) + (f32x4.extract_lane(a2, 2) + f32x4.extract_lane(a2, 3)));
    store<f32>(op + 3 * os, (f32x4.extract_lane(a3, 0) + f32x4.extract_lane(a3, 1)) + (f32x4.extract_lane(a3, 2) + f32x4.extract_lane(a3, 3)));
  }
}

/** One output row of directForward for fewer than 4 output channels: directDotTile per pixel group and channel. */
@inline function directDotRow(rowIn: usize, rowOut: usize, OW: i32, O: i32, xs: usize, tab: usize, nt: i32, cs: usize, pw: usize,
  K: i32, os: usize): void {
  let ow = 0;
  for (; ow + 4 <= OW; ow += 4) {
    for (let o = 0; o < O; o++) directDotTile(rowIn + <usize>ow * xs, xs, tab, nt, cs, pw + (<usize>(o * K) << 2), rowOut + <usize>ow * os + (<usize>o << 2), os, 4);
  }
  for (; ow < OW; ow++) {
    for (let o = 0; o < O; o++) directDotTile(rowIn + <usize>ow * xs, xs, tab, nt, cs, pw + (<usize>(o * K) << 2), rowOut + <usize>ow * os + (<usize>o << 2), os, 1);
  }
}

/**
 * conv2d forward without im2col (isDirectForward: one group, C <= 64, O % 4 == 0): tiles of 4 output
 * pixels x 8 output channels in registers (directTile, the GEMM's 4x8 tile with A read from the image)
 * over a table of the taps' offsets, on x in place when unpadded, else on a zero-padded copy of each
 * image in the scratch; the filter packed into the scratch first (directPack: 8 channels' rows side by
 * side, so a tile's filter loads sit at constant offsets). In-process A/B (bench/wasm-ab.mjs, simd,
 * load ~5) against the filter read in place with a loop turn per channel: 3x3 64->64 56x56 1.15x (b1),
 * 1.12x (b4); 16->32 28x28 b64 1.02x; 1->16 (flat) 0.95-0.97x; relaxed 1.00-1.04x. Sums each output from the
 * bias over the taps in the filter's (kh, kw, c) order (im2col + GEMM adds the bias last and, past its
 * K block of 256, sums per block: the rounding differs from that path's).
 */
function directForward(x: usize, w: usize, bias: usize, out: usize, act: i32, p: usize, work: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KH = pg(p, P_KH), KW = pg(p, P_KW), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  const inPlace = directInPlace(p);
  const SH = inPlace ? H : directSpanH(p), SW = inPlace ? W : directSpanW(p);
  // dot: fewer than 4 output channels (only the dX of a conv with C < 4 input channels comes here).
  const dot = (O & 3) != 0;
  const nt = KH * KW, flat = C <= FLAT_MAX_C && !dot, ne = nt * C, K = ne;
  const tab = work, pw = work + directTabBytes(KH, KW, C), img = pw + align16((K * O) << 2);
  if (dot) dotPack(w, K, O, pw);
  else directPack(w, K, O, pw);
  let t = 0;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      const off = ((kh * dh * SW + kw * dw) * C) << 2;
      if (!flat) store<i32>(tab + (<usize>(t++) << 2), off);
      else for (let c = 0; c < C; c++) store<i32>(tab + (<usize>(t++) << 2), off + (c << 2));
    }
  }
  const cs = <usize>C << 2, os = <usize>O << 2, xs = <usize>sw * cs;
  const relu = act == 1;
  const imgBytes = <usize>(SH * SW) * cs;
  for (let n = 0; n < N; n++) {
    let src = x + <usize>(n * H * W) * cs;
    if (!inPlace) {
      // The padded image: rows [pt, pt + H) and columns [pl, pl + W) of it from x, zeros elsewhere
      // (only the border zeroed: the rest is overwritten).
      const r0 = max(0, pt), r1 = min(SH, pt + H), c0 = max(0, pl), c1 = min(SW, pl + W);
      if (c1 > c0 && r1 > r0) {
        const rb = <usize>SW * cs;
        memory.fill(img, 0, <usize>r0 * rb);
        memory.fill(img + <usize>r1 * rb, 0, <usize>(SH - r1) * rb);
        for (let r = r0; r < r1; r++) {
          const row = img + <usize>r * rb;
          // NOTE: zeroF32, not memory.fill, for these few bytes (V8 runs memory.fill through a call).
          zeroF32(row, c0 * C);
          memory.copy(row + <usize>c0 * cs, src + <usize>((r - pt) * W + c0 - pl) * cs, <usize>(c1 - c0) * cs);
          zeroF32(row + <usize>c1 * cs, (SW - c1) * C);
        }
      } else {
        memory.fill(img, 0, imgBytes);
      }
      src = img;
    }
    for (let oh = 0; oh < OH; oh++) {
      const rowIn = src + <usize>(oh * sh * SW) * cs;
      const rowOut = out + <usize>((n * OH + oh) * OW) * os;
      if (dot) directDotRow(rowIn, rowOut, OW, O, xs, tab, nt, cs, pw, K, os);
      else if (flat) directRow(rowIn, rowOut, OW, O, xs, tab, ne, C, pw, K, os, bias, relu, true);
      else directRow(rowIn, rowOut, OW, O, xs, tab, nt, C, pw, K, os, bias, relu, false);
      if (act > 1) activateRow(rowOut, OW * O, act);
    }
  }
}

// ---- forward by "wide" rows, im2col-free (isWide) ----------------------------------------------

/** Padded rows and columns the wide forward reads per image: exactly what the taps reach. */
@inline function wideSpanH(p: usize): i32 {
  return pg(p, P_OH) + (pg(p, P_KH) - 1) * pg(p, P_DH);
}
@inline function wideSpanW(p: usize): i32 {
  return pg(p, P_OW) + pg(p, P_KW) - 1;
}
/**
 * One group, stride 1, undilated along W, not pointwise, C > 64 (isDirectForward takes C <= 64): for a fixed kh the taps
 * (kw, c) of output pixel ow lie side by side in the (padded) input row from ow, so the rows of
 * x itself are im2col's rows for that kh, C floats apart, if the output is computed over the
 * input's whole padded width (the last KW - 1 columns of each row are then discarded). Taken where
 * that waste is at most 1/16 and C >= 32: in-process A/B against im2col + GEMM, 3x3 64->64 at 56x56
 * ran 1.08-1.14x (simd and relaxed), while 16->32 at 13x13 (waste 2/13) ran 0.87x and at 28x28 1.0x.
 * (Those layers now take the direct forward, which beat this path for 64->64 at 56x56 too.)
 */
function isWide(p: usize): bool {
  return pg(p, P_G) == 1 && pg(p, P_SH) == 1 && pg(p, P_SW) == 1 && pg(p, P_DW) == 1 && pg(p, P_C) >= 32
    && pg(p, P_OW) * 16 >= wideSpanW(p) * 15 && !isPointwise(p);
}

@inline function wideInPlace(p: usize): bool {
  return pg(p, P_PT) == 0 && pg(p, P_PL) == 0 && wideSpanH(p) == pg(p, P_H) && wideSpanW(p) == pg(p, P_W);
}
/** Rows of one image's wide output: through the last valid pixel. */
@inline function wideRows(p: usize): i32 {
  return (pg(p, P_OH) - 1) * wideSpanW(p) + pg(p, P_OW);
}

/** Scratch of wideForward: the GEMM's, then the wide output of one image, then one padded image unless in place. */
function wideWorkBytes(p: usize): i32 {
  const SW = wideSpanW(p), C = pg(p, P_C), O = pg(p, P_O), rows = wideRows(p);
  const g = <i32>align16(f32_gemm_work_bytes(rows, O, pg(p, P_KW) * C));
  const y = <i32>align16((rows * O) << 2);
  return g + y + (wideInPlace(p) ? 0 : (wideSpanH(p) * SW * C) << 2);
}

/**
 * conv2d forward per image as KH GEMMs accumulated into a wide output (isWide): for each kh, the
 * input rows from kh*dh times the filter's [KW*C, O] slice for kh; bias and act on the last; then the
 * valid OW pixels of each row copied out. Sums each output in the filter's (kh, kw, c) order.
 */
function wideForward(x: usize, w: usize, packed: usize, bias: usize, out: usize, act: i32, p: usize, work: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KH = pg(p, P_KH), KW = pg(p, P_KW), dh = pg(p, P_DH), pt = pg(p, P_PT), pl = pg(p, P_PL);
  const SH = wideSpanH(p), SW = wideSpanW(p), rows = wideRows(p), inPlace = wideInPlace(p);
  const cs = <usize>C << 2, os = <usize>O << 2, K = KW * C;
  const y = work + align16(f32_gemm_work_bytes(rows, O, K));
  const img = y + align16((rows * O) << 2);
  const imgBytes = <usize>(SH * SW) * cs;
  const step = packed != 0 ? f32_gemm_packed_bytes(O, K) : 0;
  for (let n = 0; n < N; n++) {
    let src = x + <usize>(n * H * W) * cs;
    if (!inPlace) {
      memory.fill(img, 0, imgBytes);
      const r0 = max(0, pt), r1 = min(SH, pt + H), c0 = max(0, pl), c1 = min(SW, pl + W);
      if (c1 > c0) {
        for (let r = r0; r < r1; r++) {
          memory.copy(img + <usize>(r * SW + c0) * cs, src + <usize>((r - pt) * W + c0 - pl) * cs, <usize>(c1 - c0) * cs);
        }
      }
      src = img;
    }
    for (let kh = 0; kh < KH; kh++) {
      const last = kh == KH - 1;
      gemmW(src + <usize>(kh * dh * SW) * cs, cs, 4, w + <usize>(kh * K) * os, os, packed != 0 ? packed + <usize>kh * step : 0, y, os, rows, O, K,
        last ? bias : 0, last ? act : 0, work, kh > 0);
    }
    const o = out + <usize>(n * OH * OW) * os;
    for (let oh = 0; oh < OH; oh++) memory.copy(o + <usize>(oh * OW) * os, y + <usize>(oh * SW) * os, <usize>OW * os);
  }
}

// ---- Winograd forward, F(4x4, 3x3) (isWinograd) --------------------------------------------------
// Y = A^T [ (G g G^T) . (B^T d B) ] A per output tile of 4x4 pixels from a 6x6 input tile, summed over
// the input channels (36 multiplies per 16 outputs where the direct sum does 144): per block of tiles
// the input transform writes V[pos][tile][C] (channels on the lanes), one GEMM per position pos (36)
// multiplies V[pos] [tiles x C] by U[pos] [C x O] (the transformed filter packed as the GEMM's B, which
// the conv filter cache keeps), and the output transform reads M[pos][tile][O] back into 4x4 pixels with
// bias and relu. F(2x2, 3x3) (16 multiplies per 4 outputs) was built and measured too: F(4x4) ran
// 1.44-2.07x its speed on bench/wasm-ab.mjs's layers (simd), at a max error of 3-9e-6 of the largest
// output against 2-6e-7 (bench/conv-error.mjs; the direct sum: 4-9e-7), within the tests' bound.

/**
 * Fewest input channels for the Winograd forward. In-process A/B against the direct forward
 * (bench/wasm-ab.mjs, 3x3 'same' 28x28 -> 16 b16): C 4 1.16x simd, 0.97x relaxed; C 8 1.59x, 1.38x.
 */
const WINO_MIN_C = 8;
/**
 * Most filter entries (C * O) for the Winograd forward: its transformed filter (36 C O floats, 4x the
 * filter's, plus the filter) sits in the conv filter cache and, for a call without it, in the scratch;
 * 256 x 256 (11.8 MB) is the most this allows (a memory bound, not a measured one).
 */
const WINO_MAX_CO = 256 * 256;
/**
 * Bytes of V and M for one block of tiles (they stay in L2). In-process A/B (bench/wasm-ab.mjs, simd, 1 MiB
 * L2 a core) against 192 KiB: 96 KiB 0.93-0.98x, 384 KiB 1.05x (13x13x16->32 b256) and 1.10x (56x56x64->64
 * b4), 768 KiB 0.90-0.97x of 384.
 */
const WINO_BLOCK_BYTES = 384 << 10;

@inline function winoTiles(N: i32, OH: i32, OW: i32): i32 {
  return N * ((OH + 3) >> 2) * ((OW + 3) >> 2);
}

/**
 * One group, a 3x3 window at stride 1, undilated, C and O multiples of 4, C >= WINO_MIN_C, at most one
 * row or column of padding on each side ('valid', 'same' or explicit pads of 0 or 1), and no more
 * multiplies than the direct sum when the filter's transform counts as 8 tiles more: (tiles + 8) * 36
 * <= pixels * 9 (tiles that overhang the output waste theirs; the transform of a 256->256 filter cost
 * as much as 7 tiles' GEMMs). In-process A/B against the direct forward (bench/wasm-ab.mjs, simd /
 * relaxed, C32 O32 'valid' b64, filter transformed per call): 1x1 output 0.35x / 0.50x, 2x2 1.33x / 1.90x,
 * 3x3 2.83x / 4.11x, 5x5 1.24x / 1.42x, 6x6 1.94x / 2.40x; 14x14x256->256 'same' b1 1.50x / 1.46x.
 * Wider padding gives outputs with few taps inside x, whose error is still that of their whole tile
 * ('direct C8 O4 3x3 pads 3' in tests/wasm-conv.test.ts measured 1.5x the direct sum's bound).
 */
function isWinograd(p: usize): bool {
  return pg(p, P_G) == 1 && pg(p, P_KH) == 3 && pg(p, P_KW) == 3 && pg(p, P_SH) == 1 && pg(p, P_SW) == 1
    && pg(p, P_DH) == 1 && pg(p, P_DW) == 1
    && winoFits(pg(p, P_N), pg(p, P_H), pg(p, P_W), pg(p, P_C), pg(p, P_OH), pg(p, P_OW), pg(p, P_O), pg(p, P_PT), pg(p, P_PL), 1);
}

/**
 * isWinograd's rule on the sizes of a 3x3 stride-1 undilated one-group conv, with at most maxPad rows
 * or columns of padding a side (2: the transposed conv of a 'valid' one, isInputByWinograd).
 */
function winoFits(N: i32, H: i32, W: i32, C: i32, OH: i32, OW: i32, O: i32, pt: i32, pl: i32, maxPad: u32): bool {
  const pb = OH + 2 - H - pt, pr = OW + 2 - W - pl;
  return (C & 3) == 0 && (O & 3) == 0 && C >= WINO_MIN_C
    && <u32>pt <= maxPad && <u32>pl <= maxPad && <u32>pb <= maxPad && <u32>pr <= maxPad
    && (<i64>winoTiles(N, OH, OW) + 8) * 4 <= <i64>N * OH * OW
    && <i64>C * O <= WINO_MAX_CO;
}

/** Tiles per block: V and M of a block within WINO_BLOCK_BYTES, a multiple of 4, at most the tiles there are (rounded up to 4). */
function winoBlock(N: i32, OH: i32, OW: i32, C: i32, O: i32, bytes: i32 = WINO_BLOCK_BYTES): i32 {
  const t = (bytes / (36 * (C + O) * 4)) & ~3;
  return min(max(t, 4), (winoTiles(N, OH, OW) + 3) & ~3);
}

/** Bytes of the transformed filter: 36 GEMM-packed [C, O] matrices, then a copy of the filter (winoTileDirect's). */
function winoPackedBytes(C: i32, O: i32): i32 {
  return 36 * <i32>f32_gemm_packed_bytes(O, C) + ((9 * C * O) << 2);
}

/** Scratch of winoForward: the GEMM's, V, M, the transforms' 36 vectors, then the filter's transform. */
function winoWorkBytes(N: i32, OH: i32, OW: i32, C: i32, O: i32): i32 {
  const T = winoBlock(N, OH, OW, C, O);
  return <i32>align16(f32_gemm_work_bytes(T, O, C)) + ((36 * (T * (C + O) + 4)) << 2) + winoPackedBytes(C, O);
}

/**
 * Row i of G applied to 3 vectors, G[i][0] g0 + G[i][1] g1 + G[i][2] g2, for
 * G = [1/4 0 0; -1/6 -1/6 -1/6; -1/6 1/6 -1/6; 1/24 1/12 1/6; 1/24 -1/12 1/6; 0 0 1].
 */
@inline function winoG(i: i32, g0: v128, g1: v128, g2: v128): v128 {
  if (i == 0) return f32x4.mul(g0, f32x4.splat(0.25));
  if (i == 5) return g2;
  if (i <= 2) {
    const s = f32x4.add(g0, g2);
    return f32x4.mul(i == 1 ? f32x4.add(s, g1) : f32x4.sub(s, g1), f32x4.splat(<f32>(-1.0 / 6.0)));
  }
  const s = f32x4.add(f32x4.mul(g0, f32x4.splat(<f32>(1.0 / 24.0))), f32x4.mul(g2, f32x4.splat(<f32>(1.0 / 6.0))));
  const h = f32x4.mul(g1, f32x4.splat(<f32>(1.0 / 12.0)));
  return i == 3 ? f32x4.add(s, h) : f32x4.sub(s, h);
}

/** Row i of U = G g G^T, (G g G^T)[i][j] for j < 6, for every channel pair of w [3, 3, C, O]: at stage + j*C*O floats, each [C, O]. */
function winoFilterRow(w: usize, C: i32, O: i32, i: i32, stage: usize): void {
  const tap = <usize>(C * O) << 2;
  for (let c = 0; c < C; c++) {
    for (let o = 0; o < O; o += 4) {
      const off = <usize>(c * O + o) << 2, g = w + off;
      const r0 = winoG(i, v128.load(g), v128.load(g + 3 * tap), v128.load(g + 6 * tap));
      const r1 = winoG(i, v128.load(g + tap), v128.load(g + 4 * tap), v128.load(g + 7 * tap));
      const r2 = winoG(i, v128.load(g + 2 * tap), v128.load(g + 5 * tap), v128.load(g + 8 * tap));
      for (let j = 0; j < 6; j++) v128.store(stage + <usize>j * tap + off, winoG(j, r0, r1, r2));
    }
  }
}

/**
 * The transformed filter of w [3, 3, C, O] for params into dst (winoPackedBytes): per row i of U, its 6
 * positions staged where the filter's copy goes last, each packed as the GEMM's B.
 */
function winoPack(w: usize, p: usize, dst: usize): void {
  const C = pg(p, P_C), O = pg(p, P_O), tap = <usize>(C * O) << 2;
  const step = f32_gemm_packed_bytes(O, C), copy = dst + 36 * step;
  for (let i = 0; i < 6; i++) {
    winoFilterRow(w, C, O, i, copy);
    for (let j = 0; j < 6; j++) f32_gemm_pack_b(copy + <usize>j * tap, O, C, O, false, dst + <usize>(i * 6 + j) * step);
  }
  memory.copy(copy, w, <usize>(9 * C * O) << 2);
}

/**
 * One tile's rows x cols output pixels from oh0, ow0 of image n by direct sums over the taps inside x
 * (the filter w [3, 3, C, O] as is), bias and relu: the Winograd tiles whose outputs came out NaN or
 * infinite (winoOutput), so that a non-finite input reaches only the outputs whose windows hold it.
 */
function winoTileDirect(x: usize, w: usize, bias: usize, out: usize, relu: bool, p: usize, n: i32, oh0: i32, ow0: i32, rows: i32, cols: i32): void {
  const H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  for (let oh = oh0; oh < oh0 + rows; oh++) {
    for (let ow = ow0; ow < ow0 + cols; ow++) {
      const op = out + (<usize>((n * OH + oh) * OW + ow) * <usize>O << 2);
      for (let o = 0; o < O; o += 4) {
        let acc = bias != 0 ? v128.load(bias + (<usize>o << 2)) : ZERO;
        for (let kh = 0; kh < 3; kh++) {
          const ih = oh - pt + kh;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < 3; kw++) {
            const iw = ow - pl + kw;
            if (iw < 0 || iw >= W) continue;
            const xp = x + (<usize>((n * H + ih) * W + iw) * <usize>C << 2);
            const wp = w + (<usize>((kh * 3 + kw) * C * O + o) << 2);
            for (let c = 0; c < C; c++) acc = madd(v128.load32_splat(xp + (<usize>c << 2)), v128.load(wp + (<usize>(c * O) << 2)), acc);
          }
        }
        if (relu) acc = f32x4.add(f32x4.pmax(acc, ZERO), ZERO);
        v128.store(op + (<usize>o << 2), acc);
      }
    }
  }
}

/** B^T d: the 6 vectors d0..d5 into 6 at out, os bytes apart (B^T's rows: 4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0; 0 2 -1 -2 1 0; 0 4 0 -5 0 1). */
@inline function winoIn(d0: v128, d1: v128, d2: v128, d3: v128, d4: v128, d5: v128, out: usize, os: usize): void {
  const four = f32x4.splat(4), five = f32x4.splat(5);
  const a = f32x4.sub(d4, f32x4.mul(d2, four)), b = f32x4.sub(d3, f32x4.mul(d1, four));
  const c = f32x4.sub(d4, d2), e = f32x4.add(f32x4.sub(d3, d1), f32x4.sub(d3, d1));
  v128.store(out, f32x4.add(f32x4.sub(f32x4.mul(d0, four), f32x4.mul(d2, five)), d4));
  v128.store(out + os, f32x4.add(a, b));
  v128.store(out + 2 * os, f32x4.sub(a, b));
  v128.store(out + 3 * os, f32x4.add(c, e));
  v128.store(out + 4 * os, f32x4.sub(c, e));
  v128.store(out + 5 * os, f32x4.add(f32x4.sub(f32x4.mul(d1, four), f32x4.mul(d3, five)), d5));
}

/**
 * The input transform B^T d B of one 6x6 tile at src (rows rs bytes apart, pixels cs apart), every
 * channel four at a time, into V at v (positions vs bytes apart), through tmp (36 vectors).
 */
function winoInput(src: usize, rs: usize, cs: usize, C: i32, v: usize, vs: usize, tmp: usize): void {
  for (let c = 0; c < C; c += 4) {
    const sc = src + (<usize>c << 2), vc = v + (<usize>c << 2);
    // Columns: tmp[r][s] = (B^T d)[r][s]; then rows: V[r*6 + s] = (tmp B)[r][s].
    for (let s = 0; s < 6; s++) {
      const d = sc + <usize>s * cs;
      winoIn(v128.load(d), v128.load(d + rs), v128.load(d + 2 * rs), v128.load(d + 3 * rs), v128.load(d + 4 * rs), v128.load(d + 5 * rs), tmp + (<usize>s << 4), 96);
    }
    for (let r = 0; r < 6; r++) {
      const t = tmp + <usize>r * 96;
      winoIn(v128.load(t), v128.load(t, 16), v128.load(t, 32), v128.load(t, 48), v128.load(t, 64), v128.load(t, 80), vc + <usize>(r * 6) * vs, vs);
    }
  }
}

/**
 * winoInput for a tile reaching past the image: rows [r0, r1) and columns [s0, s1) of the 6x6 tile at
 * src lie inside it and are read, the rest taken as zeros (src itself may lie outside).
 */
function winoInputEdge(src: usize, rs: usize, cs: usize, C: i32, v: usize, vs: usize, tmp: usize, r0: i32, r1: i32, s0: i32, s1: i32): void {
  for (let c = 0; c < C; c += 4) {
    const sc = src + (<usize>c << 2), vc = v + (<usize>c << 2);
    for (let s = 0; s < 6; s++) {
      const d = sc + <usize>s * cs;
      if (s < s0 || s >= s1) {
        winoIn(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, tmp + (<usize>s << 4), 96);
        continue;
      }
      winoIn(r0 <= 0 && r1 > 0 ? v128.load(d) : ZERO, r0 <= 1 && r1 > 1 ? v128.load(d + rs) : ZERO,
        r0 <= 2 && r1 > 2 ? v128.load(d + 2 * rs) : ZERO, r0 <= 3 && r1 > 3 ? v128.load(d + 3 * rs) : ZERO,
        r0 <= 4 && r1 > 4 ? v128.load(d + 4 * rs) : ZERO, r1 > 5 ? v128.load(d + 5 * rs) : ZERO, tmp + (<usize>s << 4), 96);
    }
    for (let r = 0; r < 6; r++) {
      const t = tmp + <usize>r * 96;
      winoIn(v128.load(t), v128.load(t, 16), v128.load(t, 32), v128.load(t, 48), v128.load(t, 64), v128.load(t, 80), vc + <usize>(r * 6) * vs, vs);
    }
  }
}

/** A^T m: the 6 vectors m0..m5 into 4 at out, os bytes apart (A^T's rows: 1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1). */
@inline function winoOut(m0: v128, m1: v128, m2: v128, m3: v128, m4: v128, m5: v128, out: usize, os: usize): void {
  const p = f32x4.add(m1, m2), q = f32x4.sub(m1, m2), r = f32x4.add(m3, m4), s = f32x4.sub(m3, m4);
  v128.store(out, f32x4.add(f32x4.add(m0, p), r));
  v128.store(out + os, f32x4.add(q, f32x4.add(s, s)));
  v128.store(out + 2 * os, f32x4.add(p, f32x4.mul(r, f32x4.splat(4))));
  v128.store(out + 3 * os, f32x4.add(f32x4.add(q, f32x4.mul(s, f32x4.splat(8))), m5));
}

/**
 * The output transform A^T M A of one tile from M at mt (positions ms bytes apart, O channels), plus
 * bias, relu if `relu`: its first rows x cols pixels stored at op (rows ros bytes apart, pixels O*4),
 * through tmp. False if an output before relu was NaN or infinite.
 */
function winoOutput(mt: usize, ms: usize, O: i32, bias: usize, relu: bool, op: usize, ros: usize, rows: i32, cols: i32, tmp: usize): bool {
  const os = <usize>O << 2, ms6 = ms * 6;
  // The sum of the outputs: NaN or infinite in a lane iff some y there was (or the sum overflowed).
  let sum = ZERO;
  for (let o = 0; o < O; o += 4) {
    const mc = mt + (<usize>o << 2);
    // Columns: tmp[k][s] = (A^T M)[k][s]; then each row k's 4 pixels (tmp[k] A), in place in tmp.
    for (let s = 0; s < 6; s++) {
      const d = mc + <usize>s * ms;
      winoOut(v128.load(d), v128.load(d + ms6), v128.load(d + 2 * ms6), v128.load(d + 3 * ms6), v128.load(d + 4 * ms6), v128.load(d + 5 * ms6), tmp + (<usize>s << 4), 96);
    }
    const bv = bias != 0 ? v128.load(bias + (<usize>o << 2)) : ZERO;
    for (let k = 0; k < rows; k++) {
      // Row k: (tmp[k] A) + bias in registers (winoOut's sums), then stored through relu.
      const t = tmp + <usize>k * 96, m5 = v128.load(t, 80);
      const m1 = v128.load(t, 16), m2 = v128.load(t, 32), m3 = v128.load(t, 48), m4 = v128.load(t, 64);
      const pp = f32x4.add(m1, m2), qq = f32x4.sub(m1, m2), rr = f32x4.add(m3, m4), ss = f32x4.sub(m3, m4);
      let y0 = f32x4.add(f32x4.add(f32x4.add(v128.load(t), pp), rr), bv);
      let y1 = f32x4.add(f32x4.add(qq, f32x4.add(ss, ss)), bv);
      let y2 = f32x4.add(f32x4.add(pp, f32x4.mul(rr, f32x4.splat(4))), bv);
      let y3 = f32x4.add(f32x4.add(f32x4.add(qq, f32x4.mul(ss, f32x4.splat(8))), m5), bv);
      // NOTE: the overhanging pixels' sums count too: finite unless the tile's inputs are not.
      sum = f32x4.add(sum, f32x4.add(f32x4.add(y0, y1), f32x4.add(y2, y3)));
      if (relu) {
        y0 = f32x4.add(f32x4.pmax(y0, ZERO), ZERO); y1 = f32x4.add(f32x4.pmax(y1, ZERO), ZERO);
        y2 = f32x4.add(f32x4.pmax(y2, ZERO), ZERO); y3 = f32x4.add(f32x4.pmax(y3, ZERO), ZERO);
      }
      const q = op + <usize>k * ros + (<usize>o << 2);
      v128.store(q, y0);
      if (cols > 1) v128.store(q + os, y1);
      if (cols > 2) v128.store(q + 2 * os, y2);
      if (cols > 3) v128.store(q + 3 * os, y3);
    }
  }
  const z = f32x4.sub(sum, sum);
  return !v128.any_true(f32x4.ne(z, z));
}

/**
 * conv2d forward by Winograd's minimal filtering (isWinograd): U the transformed filter (winoPack;
 * transformed into the scratch first when 0, from w). Blocks of T tiles (winoBlock): input transforms
 * (tiles that reach past the image read zeros there), 36 GEMMs V[pos] U[pos], output
 * transforms into out, dropping pixels past its edge (a tile with a NaN or infinite output again by
 * direct sums, winoTileDirect); activations past relu over the whole output.
 */
function winoForward(x: usize, w: usize, U: usize, bias: usize, out: usize, act: i32, p: usize, work: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), T = winoBlock(N, OH, OW, C, O);
  const TW = (OW + 3) >> 2, perImage = ((OH + 3) >> 2) * TW, total = N * perImage;
  const cs = <usize>C << 2, os = <usize>O << 2;
  const gw = work, V = gw + align16(f32_gemm_work_bytes(T, O, C));
  const vs = <usize>T * cs, ms = <usize>T * os;
  const M = V + 36 * vs, tmp = M + 36 * ms;
  if (U == 0) {
    U = tmp + 36 * 16;
    winoPack(w, p, U);
  }
  const step = f32_gemm_packed_bytes(O, C), filter = U + 36 * step;
  const relu = act == 1;
  for (let t0 = 0; t0 < total; t0 += T) {
    const nt = min(T, total - t0);
    for (let t = 0; t < nt; t++) {
      const g = t0 + t, n = g / perImage, r = g % perImage;
      const ih0 = (r / TW) * 4 - pt, iw0 = (r % TW) * 4 - pl;
      if (ih0 >= 0 && iw0 >= 0 && ih0 + 6 <= H && iw0 + 6 <= W) {
        winoInput(x + <usize>((n * H + ih0) * W + iw0) * cs, <usize>W * cs, cs, C, V + <usize>t * cs, vs, tmp);
        continue;
      }
      // NOTE: the tile's origin may lie outside x (its address wraps around, never read).
      winoInputEdge(x + <usize>((n * H + ih0) * W + iw0) * cs, <usize>W * cs, cs, C, V + <usize>t * cs, vs, tmp,
        max(0, -ih0), min(6, H - ih0), max(0, -iw0), min(6, W - iw0));
    }
    for (let pos = 0; pos < 36; pos++) {
      gemmW(V + <usize>pos * vs, cs, 4, 0, 0, U + <usize>pos * step, M + <usize>pos * ms, os, nt, O, C, 0, 0, gw, false);
    }
    for (let t = 0; t < nt; t++) {
      const g = t0 + t, n = g / perImage, r = g % perImage;
      const oh0 = (r / TW) * 4, ow0 = (r % TW) * 4;
      const rows = min(4, OH - oh0), cols = min(4, OW - ow0);
      if (!winoOutput(M + <usize>t * os, ms, O, bias, relu, out + <usize>((n * OH + oh0) * OW + ow0) * os, <usize>OW * os, rows, cols, tmp)) {
        winoTileDirect(x, filter, bias, out, relu, p, n, oh0, ow0, rows, cols);
      }
    }
  }
  if (act > 1) activateRow(out, N * OH * OW * O, act);
}

// ---- Winograd dW, F(3x3, 4x4) (isFilterByWinograd) ---------------------------------------------
// dW[kh, kw, c, o] = sum over n, oh, ow of x[n, oh + kh - pt, ow + kw - pl, c] dy[n, oh, ow, o]. Per
// 4x4 tile of dy and its 6x6 window of x that is a 3x3 correlation with a 4x4 "filter" (dy), whose
// minimal algorithm is the forward's F(4x4, 3x3) transposed: dW = G^T [(A dy A^T) . (B^T x B)] G with
// the forward's B^T (winoIn, on x), its A (6x4, winoDy, on dy) and its G (6x3) read as the output
// transform (winoGT). The sum over tiles stays in the transformed domain: per block of tiles, 36 TN
// GEMMs S[pos] [C x O] += V[pos]^T [C x T] Y[pos] [T x O], K = the block's tiles; one output transform
// of the 36 sums per (c, o) at the end.

/**
 * Fewest input and output channels for the Winograd dW (C <= 4 has its own loops, isFewChannels; O = 4
 * was not measured and stays on im2col).
 */
const WINO_GRAD_MIN_C = 8;
/**
 * Fewest tiles in a block of the Winograd dW (its GEMMs' K; each block reads and writes the 36 C x O
 * sums), else V and Y within WINO_BLOCK_BYTES as the forward. In-process A/B (bench/wasm-ab.mjs, simd)
 * against blocks of 384 KiB: 256->256 14x14 b1 (4 tiles a block) 0.69x im2col's speed, 16 tiles 1.06x;
 * blocks of 1.5 MiB: 64->64 56x56 1.05-1.07x, 16->32 28x28 b64 0.92x.
 */
const WINO_GRAD_MIN_TILES = 16;

function winoGradBlock(p: usize): i32 {
  const C = pg(p, P_C), O = pg(p, P_O);
  return winoBlock(pg(p, P_N), pg(p, P_OH), pg(p, P_OW), C, O, max(WINO_BLOCK_BYTES, 36 * (C + O) * 4 * WINO_GRAD_MIN_TILES));
}

/**
 * One group, a 3x3 window at stride 1, undilated, C and O multiples of 4 and >= WINO_GRAD_MIN_C,
 * padding of at most 2 on the top and left (the tiles' x windows read zeros past the image), C * O at
 * most WINO_MAX_CO (the 36 sums live in the scratch), and, as the forward, (tiles + 8) * 4 <= dy's
 * pixels (tiles overhanging dy waste their multiplies). In-process A/B against im2col + TN GEMM
 * (bench/wasm-ab.mjs, CPU time, load 2.6-3.4, simd / relaxed): 16->32 'same' 28x28 b64 2.12x / 2.01x,
 * 64->64 'same' 56x56 b1 2.60x / 2.79x, b4 2.72x / 2.90x, 256->256 'same' 14x14 b1 1.06x / 0.99x,
 * 16->32 'valid' 13x13 b64 1.84x / 1.80x, 8->8 'same' 28x28 b16 2.94x / 2.83x, 64->64 7x7 b16 1.89x /
 * 1.94x, 32->32 4x4 b64 2.42x / 2.26x. Error against float64 (bench/conv-error.mjs): 2-4e-6 of the
 * largest dW (im2col: 3e-7), 3-12e-7 of the sum of |terms|, the tests' bound 2.3e-5 to 3.7e-4.
 */
function isFilterByWinograd(p: usize): bool {
  const N = pg(p, P_N), OH = pg(p, P_OH), OW = pg(p, P_OW), C = pg(p, P_C), O = pg(p, P_O);
  return pg(p, P_G) == 1 && pg(p, P_KH) == 3 && pg(p, P_KW) == 3 && pg(p, P_SH) == 1 && pg(p, P_SW) == 1
    && pg(p, P_DH) == 1 && pg(p, P_DW) == 1 && (C & 3) == 0 && (O & 3) == 0 && C >= WINO_GRAD_MIN_C && O >= WINO_GRAD_MIN_C
    && <u32>pg(p, P_PT) <= 2 && <u32>pg(p, P_PL) <= 2
    && (<i64>winoTiles(N, OH, OW) + 8) * 4 <= <i64>N * OH * OW && <i64>C * O <= WINO_MAX_CO;
}

/** Scratch of filterByWinograd: the GEMM's, V, Y, the 36 sums, the transforms' 36 vectors; at least im2col's (its fallback). */
function filterByWinogradWorkBytes(p: usize, im2colBytes: i32): i32 {
  const C = pg(p, P_C), O = pg(p, P_O), T = winoGradBlock(p);
  return max(im2colBytes, <i32>align16(f32_gemm_work_bytes(C, O, T)) + ((36 * (T * (C + O) + C * O + 4)) << 2));
}

/** A d: the 4 vectors d0..d3 into 6 at out, os bytes apart (A's rows: 1 0 0 0; 1 1 1 1; 1 -1 1 -1; 1 2 4 8; 1 -2 4 -8; 0 0 0 1). */
@inline function winoDy(d0: v128, d1: v128, d2: v128, d3: v128, out: usize, os: usize): void {
  const a = f32x4.add(d0, d2), b = f32x4.add(d1, d3);
  const c = f32x4.add(d0, f32x4.mul(d2, f32x4.splat(4))), e = f32x4.add(f32x4.add(d1, d1), f32x4.mul(d3, f32x4.splat(8)));
  v128.store(out, d0);
  v128.store(out + os, f32x4.add(a, b));
  v128.store(out + 2 * os, f32x4.sub(a, b));
  v128.store(out + 3 * os, f32x4.add(c, e));
  v128.store(out + 4 * os, f32x4.sub(c, e));
  v128.store(out + 5 * os, d3);
}

/**
 * The transform A dy A^T of one 4x4 tile of dy at src (rows rs bytes apart, pixels O*4), its first rows x
 * cols pixels inside dy (the rest zeros), every channel four at a time, into Y at y (positions ys bytes
 * apart), through tmp (36 vectors).
 */
function winoDyInput(src: usize, rs: usize, O: i32, y: usize, ys: usize, tmp: usize, rows: i32, cols: i32): void {
  const cs = <usize>O << 2;
  for (let o = 0; o < O; o += 4) {
    const sc = src + (<usize>o << 2), yc = y + (<usize>o << 2);
    // Columns: tmp[r][s] = (A dy)[r][s] for s < 4; then rows: Y[r*6 + q] = (tmp A^T)[r][q].
    for (let s = 0; s < 4; s++) {
      const d = sc + <usize>s * cs;
      if (s >= cols) {
        winoDy(ZERO, ZERO, ZERO, ZERO, tmp + (<usize>s << 4), 96);
        continue;
      }
      winoDy(v128.load(d), rows > 1 ? v128.load(d + rs) : ZERO, rows > 2 ? v128.load(d + 2 * rs) : ZERO,
        rows > 3 ? v128.load(d + 3 * rs) : ZERO, tmp + (<usize>s << 4), 96);
    }
    for (let r = 0; r < 6; r++) {
      const t = tmp + <usize>r * 96;
      winoDy(v128.load(t), v128.load(t, 16), v128.load(t, 32), v128.load(t, 48), yc + <usize>(r * 6) * ys, ys);
    }
  }
}

/** G^T m: the 6 vectors m0..m5 into 3 at out, os bytes apart (G^T's rows: 1/4 -1/6 -1/6 1/24 1/24 0; 0 -1/6 1/6 1/12 -1/12 0; 0 -1/6 -1/6 1/6 1/6 1). */
@inline function winoGT(m0: v128, m1: v128, m2: v128, m3: v128, m4: v128, m5: v128, out: usize, os: usize): void {
  const s12 = f32x4.add(m1, m2), d21 = f32x4.sub(m2, m1), s34 = f32x4.add(m3, m4), d34 = f32x4.sub(m3, m4);
  const sixth = f32x4.splat(<f32>(1.0 / 6.0));
  v128.store(out, f32x4.add(f32x4.sub(f32x4.mul(m0, f32x4.splat(0.25)), f32x4.mul(s12, sixth)), f32x4.mul(s34, f32x4.splat(<f32>(1.0 / 24.0)))));
  v128.store(out + os, f32x4.add(f32x4.mul(d21, sixth), f32x4.mul(d34, f32x4.splat(<f32>(1.0 / 12.0)))));
  v128.store(out + 2 * os, f32x4.add(f32x4.mul(f32x4.sub(s34, s12), sixth), m5));
}

/**
 * dW (zeroed by the caller) of a 3x3 stride-1 conv by Winograd (isFilterByWinograd): blocks of T tiles
 * of dy (winoBlock), each tile's x window transformed as the forward's input (winoInput, zeros past the
 * image) and its dy by winoDyInput, 36 GEMMs accumulating S[pos] += V[pos]^T Y[pos], then dW = G^T S G
 * per (c, o). False if some sum is NaN or infinite: the caller redoes dW by im2col, whose sums keep a
 * non-finite input to the taps that reach it.
 */
function filterByWinograd(x: usize, dy: usize, dw: usize, p: usize, work: usize): bool {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), T = winoGradBlock(p);
  const TW = (OW + 3) >> 2, perImage = ((OH + 3) >> 2) * TW, total = N * perImage;
  const cs = <usize>C << 2, os = <usize>O << 2, co = <usize>(C * O) << 2;
  const gw = work, V = gw + align16(f32_gemm_work_bytes(C, O, T));
  const vs = <usize>T * cs, ys = <usize>T * os;
  const Y = V + 36 * vs, S = Y + 36 * ys, tmp = S + 36 * co;
  memory.fill(S, 0, 36 * co);
  for (let t0 = 0; t0 < total; t0 += T) {
    const nt = min(T, total - t0);
    for (let t = 0; t < nt; t++) {
      const g = t0 + t, n = g / perImage, r = g % perImage;
      const oh0 = (r / TW) * 4, ow0 = (r % TW) * 4, ih0 = oh0 - pt, iw0 = ow0 - pl;
      const xs = x + <usize>((n * H + ih0) * W + iw0) * cs;
      if (ih0 >= 0 && iw0 >= 0 && ih0 + 6 <= H && iw0 + 6 <= W) winoInput(xs, <usize>W * cs, cs, C, V + <usize>t * cs, vs, tmp);
      // NOTE: the window's origin may lie outside x (its address wraps around, never read).
      else winoInputEdge(xs, <usize>W * cs, cs, C, V + <usize>t * cs, vs, tmp, max(0, -ih0), min(6, H - ih0), max(0, -iw0), min(6, W - iw0));
      winoDyInput(dy + <usize>((n * OH + oh0) * OW + ow0) * os, <usize>OW * os, O, Y + <usize>t * os, ys, tmp, min(4, OH - oh0), min(4, OW - ow0));
    }
    for (let pos = 0; pos < 36; pos++) {
      gemmStrided(V + <usize>pos * vs, 4, cs, Y + <usize>pos * ys, os, 4, S + <usize>pos * co, os, C, O, nt, 0, 0, gw, true);
    }
  }
  // dW = G^T S G per (c, o), four output channels at a time: columns first (tmp[i][kw], 6 x 3), then rows.
  let sum = ZERO;
  for (let c = 0; c < C; c++) {
    for (let o = 0; o < O; o += 4) {
      const sc = S + (<usize>(c * O + o) << 2);
      for (let i = 0; i < 6; i++) {
        const m = sc + <usize>(i * 6) * co;
        winoGT(v128.load(m), v128.load(m + co), v128.load(m + 2 * co), v128.load(m + 3 * co), v128.load(m + 4 * co), v128.load(m + 5 * co), tmp + <usize>i * 48, 16);
      }
      const dc = dw + (<usize>(c * O + o) << 2);
      for (let kw = 0; kw < 3; kw++) {
        const t = tmp + (<usize>kw << 4);
        winoGT(v128.load(t), v128.load(t, 48), v128.load(t, 96), v128.load(t, 144), v128.load(t, 192), v128.load(t, 240), dc + <usize>kw * co, 3 * co);
        sum = f32x4.add(sum, f32x4.add(f32x4.add(v128.load(dc + <usize>kw * co), v128.load(dc + <usize>(kw + 3) * co)), v128.load(dc + <usize>(kw + 6) * co)));
      }
    }
  }
  const z = f32x4.sub(sum, sum);
  return !v128.any_true(f32x4.ne(z, z));
}

// ---- dW for few input channels (isFewChannels) -------------------------------------------------

/**
 * dW (zeroed by the caller) of a one-group conv with C <= 4 and O % 4 == 0. Per block of 3 taps along
 * KW, output row, input channel and 8 output channels (fewRow3x8; 4 for the O % 8 left, fewRow3x4),
 * each output pixel's dy vectors are loaded once and multiplied by the 3 taps' input values (splatted),
 * the sums kept in registers over the row, then added into dw; the taps left over (KW % 3) go one at a
 * time (fewTap). Which pixels of a row each tap reaches inside x (tapFirst, tapEnd: two divisions) is
 * worked out once per tap, not per row. Summation order, the same on every path: each dw entry's sum
 * over one output row runs in pixel order from zero in a register, then is added into dw, rows in order
 * (n, then oh). Pixels whose tap lies in the padding are skipped, not multiplied by zero, so NaN and
 * infinities in x and dy propagate as in float64.
 */
function fewFilter(x: usize, dy: usize, dw: usize, p: usize): void {
  const KW = pg(p, P_KW), KW3 = KW - KW % 3;
  for (let kw = 0; kw < KW; kw += kw < KW3 ? 3 : 1) {
    const b0 = tapFirst(p, kw), e0 = tapEnd(p, kw);
    if (kw >= KW3) {
      fewRows(x, dy, dw, p, kw, 1, b0, 0, 0, e0, 0, 0);
    } else {
      fewRows(x, dy, dw, p, kw, 3, b0, tapFirst(p, kw + 1), tapFirst(p, kw + 2), e0, tapEnd(p, kw + 1), tapEnd(p, kw + 2));
    }
  }
}

/** fewFilter's taps kw.. kw+nt-1 (nt: 3 or 1) over every output row; b*, e*: each tap's pixel span. */
function fewRows(x: usize, dy: usize, dw: usize, p: usize, kw: i32, nt: i32, b0: i32, b1: i32, b2: i32, e0: i32, e1: i32, e2: i32): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KW = pg(p, P_KW), KH = pg(p, P_KH);
  const cs = <usize>C << 2, os = <usize>O << 2, O8 = <usize>(O & ~7) << 2;
  // One image at a time (its dy, 50 KB at 28x28x16, stays in cache for every tap and channel pass).
  for (let n = 0; n < N; n++) {
    const xn = x + <usize>(n * H * W) * cs, dyn = dy + <usize>(n * OH * OW) * os;
    for (let kh = 0; kh < KH; kh++) {
      for (let c: usize = 0; c < cs; c += 4) {
        const wp = dw + <usize>((kh * KW + kw) * C) * os + c * <usize>O;
        if (nt == 1) {
          for (let o: usize = 0; o < os; o += 64) fewTap(xn + c, dyn + o, wp + o, p, kh, kw, b0, e0, min<i32>(4, <i32>(os - o) >> 4));
          continue;
        }
        for (let o: usize = 0; o < O8; o += 32) fewRows3x8(xn + c, dyn + o, wp + o, p, kh, kw, b0, b1, b2, e0, e1, e2);
        for (let o = O8; o < os; o += 16) fewRows3x4(xn + c, dyn + o, wp + o, p, kh, kw, b0, b1, b2, e0, e1, e2);
      }
    }
  }
}

/** First output pixel of a row whose tap kw lies inside x along W. */
@inline function tapFirst(p: usize, kw: i32): i32 {
  const lo = pg(p, P_PL) - kw * pg(p, P_DW), sw = pg(p, P_SW);
  return min(pg(p, P_OW), lo <= 0 ? 0 : (lo + sw - 1) / sw);
}

/** One past the last output pixel of a row whose tap kw lies inside x along W. */
@inline function tapEnd(p: usize, kw: i32): i32 {
  const hi = pg(p, P_W) - 1 + pg(p, P_PL) - kw * pg(p, P_DW);
  return hi < 0 ? 0 : min(pg(p, P_OW), hi / pg(p, P_SW) + 1);
}

/**
 * Taps (kh, kw), (kh, kw+1), (kh, kw+2) of one image's output rows, one input channel (xn: the image
 * plus the channel's offset) and 8 output channels (dyn, wp: offset to them): 6 sums in registers over
 * each row, added into dw row by row. Pixels with all three taps inside x run unchecked; the few at
 * the edges check each tap.
 */
function fewRows3x8(xn: usize, dyn: usize, wp: usize, p: usize, kh: i32, kw: i32, b0: i32, b1: i32, b2: i32, e0: i32, e1: i32, e2: i32): void {
  const H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dwd = pg(p, P_DW), pt = pg(p, P_PT), pl = pg(p, P_PL);
  const cs = <usize>C << 2, os = <usize>O << 2, ts = <usize>dwd * cs, xs = <usize>sw * cs;
  const f0 = max(b0, max(b1, b2)), f1 = max(f0, min(e0, min(e1, e2)));
  const q1 = wp + cs * <usize>O, q2 = q1 + cs * <usize>O;
  for (let oh = 0; oh < OH; oh++) {
    const ih = oh * sh - pt + kh * dh;
    if (ih < 0 || ih >= H) continue;
    // xp: the first tap's input at pixel ow (outside x at the edges: only read where the tap is inside).
    let xp = xn + <usize>(ih * W) * cs + <usize>(kw * dwd - pl) * cs, d = dyn + <usize>(oh * OW) * os;
    let a00 = ZERO, a01 = ZERO, a10 = ZERO, a11 = ZERO, a20 = ZERO, a21 = ZERO;
    for (let ow = 0; ow < OW; ow++) {
      if (ow == f0) {
        for (; ow < f1; ow++) {
          const x0 = v128.load32_splat(xp), x1 = v128.load32_splat(xp + ts), x2 = v128.load32_splat(xp + 2 * ts);
          const g0 = v128.load(d), g1 = v128.load(d, 16);
          a00 = madd(x0, g0, a00); a10 = madd(x1, g0, a10); a20 = madd(x2, g0, a20);
          a01 = madd(x0, g1, a01); a11 = madd(x1, g1, a11); a21 = madd(x2, g1, a21);
          xp += xs;
          d += os;
        }
        if (ow >= OW) break;
      }
      const g0 = v128.load(d), g1 = v128.load(d, 16);
      if (ow >= b0 && ow < e0) { const xv = v128.load32_splat(xp); a00 = madd(xv, g0, a00); a01 = madd(xv, g1, a01); }
      if (ow >= b1 && ow < e1) { const xv = v128.load32_splat(xp + ts); a10 = madd(xv, g0, a10); a11 = madd(xv, g1, a11); }
      if (ow >= b2 && ow < e2) { const xv = v128.load32_splat(xp + 2 * ts); a20 = madd(xv, g0, a20); a21 = madd(xv, g1, a21); }
      xp += xs;
      d += os;
    }
    v128.store(wp, f32x4.add(v128.load(wp), a00));
    v128.store(wp, f32x4.add(v128.load(wp, 16), a01), 16);
    v128.store(q1, f32x4.add(v128.load(q1), a10));
    v128.store(q1, f32x4.add(v128.load(q1, 16), a11), 16);
    v128.store(q2, f32x4.add(v128.load(q2), a20));
    v128.store(q2, f32x4.add(v128.load(q2, 16), a21), 16);
  }
}

/** As fewRows3x8 for 4 output channels (the O % 8 left over): 3 sums in registers. */
function fewRows3x4(xn: usize, dyn: usize, wp: usize, p: usize, kh: i32, kw: i32, b0: i32, b1: i32, b2: i32, e0: i32, e1: i32, e2: i32): void {
  const H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dwd = pg(p, P_DW), pt = pg(p, P_PT), pl = pg(p, P_PL);
  const cs = <usize>C << 2, os = <usize>O << 2, ts = <usize>dwd * cs, xs = <usize>sw * cs;
  const f0 = max(b0, max(b1, b2)), f1 = max(f0, min(e0, min(e1, e2)));
  const q1 = wp + cs * <usize>O, q2 = q1 + cs * <usize>O;
  for (let oh = 0; oh < OH; oh++) {
    const ih = oh * sh - pt + kh * dh;
    if (ih < 0 || ih >= H) continue;
    let xp = xn + <usize>(ih * W) * cs + <usize>(kw * dwd - pl) * cs, d = dyn + <usize>(oh * OW) * os;
    let a0 = ZERO, a1 = ZERO, a2 = ZERO;
    for (let ow = 0; ow < OW; ow++) {
      if (ow == f0) {
        for (; ow < f1; ow++) {
          const g = v128.load(d);
          a0 = madd(v128.load32_splat(xp), g, a0);
          a1 = madd(v128.load32_splat(xp + ts), g, a1);
          a2 = madd(v128.load32_splat(xp + 2 * ts), g, a2);
          xp += xs;
          d += os;
        }
        if (ow >= OW) break;
      }
      const g = v128.load(d);
      if (ow >= b0 && ow < e0) a0 = madd(v128.load32_splat(xp), g, a0);
      if (ow >= b1 && ow < e1) a1 = madd(v128.load32_splat(xp + ts), g, a1);
      if (ow >= b2 && ow < e2) a2 = madd(v128.load32_splat(xp + 2 * ts), g, a2);
      xp += xs;
      d += os;
    }
    v128.store(wp, f32x4.add(v128.load(wp), a0));
    v128.store(q1, f32x4.add(v128.load(q1), a1));
    v128.store(q2, f32x4.add(v128.load(q2), a2));
  }
}

/** One tap (kh, kw) of one image's output rows and input channel, nv vectors of output channels (dyn, wp: offset to them). */
function fewTap(xn: usize, dyn: usize, wp: usize, p: usize, kh: i32, kw: i32, ow0: i32, ow1: i32, nv: i32): void {
  const H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dwd = pg(p, P_DW), pt = pg(p, P_PT), pl = pg(p, P_PL);
  const cs = <usize>C << 2, os = <usize>O << 2, xs = <usize>sw * cs;
  if (ow0 >= ow1) return;
  for (let oh = 0; oh < OH; oh++) {
    const ih = oh * sh - pt + kh * dh;
    if (ih < 0 || ih >= H) continue;
    let xp = xn + <usize>(ih * W) * cs + <usize>(ow0 * sw - pl + kw * dwd) * cs, d = dyn + <usize>((oh * OW + ow0)) * os;
    let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO;
    for (let ow = ow0; ow < ow1; ow++) {
      const xv = v128.load32_splat(xp);
      a0 = madd(xv, v128.load(d), a0);
      if (nv > 1) a1 = madd(xv, v128.load(d, 16), a1);
      if (nv > 2) a2 = madd(xv, v128.load(d, 32), a2);
      if (nv > 3) a3 = madd(xv, v128.load(d, 48), a3);
      xp += xs;
      d += os;
    }
    v128.store(wp, f32x4.add(v128.load(wp), a0));
    if (nv > 1) v128.store(wp, f32x4.add(v128.load(wp, 16), a1), 16);
    if (nv > 2) v128.store(wp, f32x4.add(v128.load(wp, 32), a2), 32);
    if (nv > 3) v128.store(wp, f32x4.add(v128.load(wp, 48), a3), 48);
  }
}

// ---- depthwise (groups == C; channel multiplier mult = O / C) -----------------------------------

/** Output channels the vector loops of the depthwise kernels cover (multiplier 1); the rest run scalar. */
@inline function vectorOut(O: i32, mult: i32): i32 {
  return mult == 1 ? O & ~3 : 0;
}

/** NV (1 or 2) groups of 4 channels from o of one output pixel of a depthwise conv of multiplier 1. */
@inline function dwVectors(x: usize, w: usize, bias: usize, op: usize, o: i32, row0: i32,
  W: i32, C: i32, O: i32, KW: i32, bw: i32, dh: i32, dw: i32, kh0: i32, kh1: i32, kw0: i32, kw1: i32, NV: i32): void {
  let a0 = ZERO, a1 = ZERO;
  for (let kh = kh0; kh < kh1; kh++) {
    const row = x + (<usize>((row0 + kh * dh) * W) * <usize>C << 2);
    const wr = w + (<usize>(kh * KW) * <usize>O << 2) + (<usize>o << 2);
    for (let kw = kw0; kw < kw1; kw++) {
      const xp = row + (<usize>(bw + kw * dw) * <usize>C << 2);
      const wk = wr + (<usize>kw * <usize>O << 2);
      a0 = madd(v128.load(xp + (<usize>o << 2)), v128.load(wk), a0);
      if (NV == 2) a1 = madd(v128.load(xp + (<usize>o << 2), 16), v128.load(wk, 16), a1);
    }
  }
  const q = op + (<usize>o << 2);
  if (bias != 0) {
    a0 = f32x4.add(a0, v128.load(bias + (<usize>o << 2)));
    if (NV == 2) a1 = f32x4.add(a1, v128.load(bias + (<usize>o << 2), 16));
  }
  v128.store(q, a0);
  if (NV == 2) v128.store(q, a1, 16);
}

/**
 * 4 adjacent output pixels of one row of a 3x3 depthwise conv at stride 1, undilated along W, channels
 * c..c+3 (q: byte offset of the first pixel's first tap in the input rows r0, r1, r2; o: its output; wc:
 * the channels' filter, taps os bytes apart): per window row, its 3 weights and 6 input vectors, each
 * added into every pixel it is a tap of, the 4 sums in registers. Each pixel sums its taps in
 * dwVectors' order (kh, then kw) from zero, then the bias. (8 pixels spill sums in V8: 1.16x against
 * the former two-row loop, where 4 gave 1.22x; the window rows written out, not looped: 0.9x of this.)
 */
@inline function dwBlock4(r0: usize, r1: usize, r2: usize, q: usize, o: usize, wc: usize, os: usize, bias: usize, bv: v128,
  kh0: i32, kh1: i32): void {
  let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO;
  for (let kh = kh0; kh < kh1; kh++) {
    let xp = (kh == 0 ? r0 : kh == 1 ? r1 : r2) + q;
    const wk = wc + <usize>(3 * kh) * os;
    const w0 = v128.load(wk), w1 = v128.load(wk + os), w2 = v128.load(wk + 2 * os);
    // Input column j is tap kw of pixel j - kw.
    let x: v128;
    x = v128.load(xp); a0 = madd(x, w0, a0); xp += os;
    x = v128.load(xp); a1 = madd(x, w0, a1); a0 = madd(x, w1, a0); xp += os;
    x = v128.load(xp); a2 = madd(x, w0, a2); a1 = madd(x, w1, a1); a0 = madd(x, w2, a0); xp += os;
    x = v128.load(xp); a3 = madd(x, w0, a3); a2 = madd(x, w1, a2); a1 = madd(x, w2, a1); xp += os;
    x = v128.load(xp); a3 = madd(x, w1, a3); a2 = madd(x, w2, a2); xp += os;
    x = v128.load(xp); a3 = madd(x, w2, a3);
  }
  if (bias != 0) {
    a0 = f32x4.add(a0, bv); a1 = f32x4.add(a1, bv); a2 = f32x4.add(a2, bv); a3 = f32x4.add(a3, bv);
  }
  v128.store(o, a0); v128.store(o + os, a1); v128.store(o + 2 * os, a2); v128.store(o + 3 * os, a3);
}

/**
 * One output row of a 3x3 depthwise conv (multiplier 1) whose three input rows (from row0 = n*H + the
 * top tap's row) lie inside x, its vector channels: per group of 4 channels, at stride 1 undilated
 * along W blocks of 4 pixels (dwBlock4), the rest with the 9 weights in registers; pixels whose taps
 * leave x along W go through dwVectors. Sums in the order of dwVectors (row by row), so all give the
 * same bits. In-process A/B (bench/wasm-ab.mjs, simd) against two rows at a time with the 9 weights in
 * registers (dw3x3Rows2, removed), 3x3 at 56x56x64: 1.22x; then the edge pixels' tap bounds once per
 * row (not per channel group) and the rows with taps above or below x in blocks too (kh0, kh1: the
 * window rows inside x): 1.09x more.
 */
function dw3x3Row(x: usize, w: usize, bias: usize, op: usize, p: usize, row0: i32, kh0: i32, kh1: i32): void {
  const W = pg(p, P_W), C = pg(p, P_C), OW = pg(p, P_OW), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW), pl = pg(p, P_PL);
  const C4 = C & ~3;
  const r0 = x + (<usize>(row0 * W) * <usize>C << 2), rs = <usize>(dh * W) * <usize>C << 2;
  const r1 = r0 + rs, r2 = r1 + rs;
  const ts = <usize>(dw * C) << 2, ps = <usize>(sw * C) << 2, os = <usize>C << 2;
  // Output pixels [ow0, ow1) have every tap inside x along W.
  const ow0 = pl <= 0 ? 0 : min(OW, (pl + sw - 1) / sw);
  const ow1 = max(ow0, min(OW, W - 2 * dw + pl > 0 ? (W - 2 * dw + pl - 1) / sw + 1 : 0));
  // The pixels whose taps leave x along W: their tap bounds once, then every channel group.
  for (let ow = 0; ow < OW; ow++) {
    if (ow == ow0) ow = ow1;
    if (ow >= OW) break;
    const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, 3, W), po = op + <usize>ow * os;
    let c = 0;
    for (; c + 8 <= C4; c += 8) dwVectors(x, w, bias, po, c, row0, W, C, C, 3, bw, dh, dw, kh0, kh1, kw0, kw1, 2);
    if (c < C4) dwVectors(x, w, bias, po, c, row0, W, C, C, 3, bw, dh, dw, kh0, kh1, kw0, kw1, 1);
  }
  if (kh0 != 0 || kh1 != 3) {
    // A row with taps above or below x (stride 1, undilated along W): blocks of 4 pixels over its
    // window rows inside x, the rest pixel by pixel.
    for (let c = 0; c < C4; c += 4) {
      const wc = w + (<usize>c << 2), bv = bias != 0 ? v128.load(bias + (<usize>c << 2)) : ZERO;
      let ow = ow0;
      for (let q = (<usize>((ow0 - pl) * C + c) << 2), o = op + <usize>ow0 * os + (<usize>c << 2); ow + 4 <= ow1; ow += 4, q += 4 * os, o += 4 * os) {
        dwBlock4(r0, r1, r2, q, o, wc, os, bias, bv, kh0, kh1);
      }
      for (; ow < ow1; ow++) dwVectors(x, w, bias, op + <usize>ow * os, c, row0, W, C, C, 3, ow - pl, dh, dw, kh0, kh1, 0, 3, 1);
    }
    return;
  }
  for (let c = 0; c < C4; c += 4) {
    const wc = w + (<usize>c << 2);
    const w0 = v128.load(wc), w1 = v128.load(wc + os), w2 = v128.load(wc + 2 * os);
    const w3 = v128.load(wc + 3 * os), w4 = v128.load(wc + 4 * os), w5 = v128.load(wc + 5 * os);
    const w6 = v128.load(wc + 6 * os), w7 = v128.load(wc + 7 * os), w8 = v128.load(wc + 8 * os);
    const bv = bias != 0 ? v128.load(bias + (<usize>c << 2)) : ZERO;
    let q = (<usize>((ow0 * sw - pl) * C + c) << 2), o = op + <usize>ow0 * os + (<usize>c << 2);
    let ow = ow0;
    if (sw == 1 && dw == 1) {
      // Blocks of 4 pixels: each input vector loaded once serves up to 3 of them.
      for (; ow + 4 <= ow1; ow += 4, q += 4 * os, o += 4 * os) dwBlock4(r0, r1, r2, q, o, wc, os, bias, bv, 0, 3);
    }
    for (; ow < ow1; ow++) {
      let a = madd(v128.load(r0 + q), w0, ZERO);
      a = madd(v128.load(r0 + q + ts), w1, a);
      a = madd(v128.load(r0 + q + 2 * ts), w2, a);
      a = madd(v128.load(r1 + q), w3, a);
      a = madd(v128.load(r1 + q + ts), w4, a);
      a = madd(v128.load(r1 + q + 2 * ts), w5, a);
      a = madd(v128.load(r2 + q), w6, a);
      a = madd(v128.load(r2 + q + ts), w7, a);
      a = madd(v128.load(r2 + q + 2 * ts), w8, a);
      v128.store(o, bias != 0 ? f32x4.add(a, bv) : a);
      q += ps;
      o += os;
    }
  }
}

function depthwise(x: usize, w: usize, bias: usize, out: usize, act: i32, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), mult = O / C;
  const O4 = vectorOut(O, mult);
  let op = out;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      // A 3x3 window's rows all inside x: the vector channels go by dw3x3Row; the loop below does the rest.
      // (Rows with taps above or below x too at stride 1 along W, undilated: dw3x3Row over the rows inside.)
      const fast = KH == 3 && KW == 3 && O4 > 0 && ((kh0 == 0 && kh1 == 3) || (sw == 1 && dw == 1 && kh1 > kh0));
      if (fast) dw3x3Row(x, w, bias, op, p, n * H + bh, kh0, kh1);
      const vEnd = fast ? 0 : O4;
      if (vEnd == 0 && O4 == O) {
        // Every channel done by the register loops above: only the activation is left.
        op += <usize>(OW * O) << 2;
        activateRow(op - (<usize>(OW * O) << 2), OW * O, act);
        continue;
      }
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        // Two groups of 4 channels per pass (the taps' addressing shared), then one.
        let o = 0;
        for (; o + 8 <= vEnd; o += 8) dwVectors(x, w, bias, op, o, n * H + bh, W, C, O, KW, bw, dh, dw, kh0, kh1, kw0, kw1, 2);
        if (o < vEnd) dwVectors(x, w, bias, op, o, n * H + bh, W, C, O, KW, bw, dh, dw, kh0, kh1, kw0, kw1, 1);
        for (let o = O4; o < O; o++) {
          let acc: f32 = 0;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const xi = ((n * H + bh + kh * dh) * W + bw + kw * dw) * C + o / mult;
              acc += load<f32>(x + (<usize>xi << 2)) * load<f32>(w + (<usize>((kh * KW + kw) * O + o) << 2));
            }
          }
          if (bias != 0) acc += load<f32>(bias + (<usize>o << 2));
          store<f32>(op + (<usize>o << 2), acc);
        }
        op += <usize>O << 2;
      }
      activateRow(op - (<usize>(OW * O) << 2), OW * O, act);
    }
  }
}

/**
 * The params of the stride-1 conv whose forward is the dX of params p: input dy (OH x OW, O channels),
 * output H x W with C channels, the same window and dilation, padding (KH-1)*dh - pt and
 * (KW-1)*dw - pl; written at q (16 i32).
 */
function transposedParams(p: usize, q: usize): void {
  const KH = pg(p, P_KH), KW = pg(p, P_KW), dh = pg(p, P_DH), dwd = pg(p, P_DW);
  store<i32>(q + (<usize>P_N << 2), pg(p, P_N));
  store<i32>(q + (<usize>P_H << 2), pg(p, P_OH));
  store<i32>(q + (<usize>P_W << 2), pg(p, P_OW));
  store<i32>(q + (<usize>P_C << 2), pg(p, P_O));
  store<i32>(q + (<usize>P_OH << 2), pg(p, P_H));
  store<i32>(q + (<usize>P_OW << 2), pg(p, P_W));
  store<i32>(q + (<usize>P_O << 2), pg(p, P_C));
  store<i32>(q + (<usize>P_KH << 2), KH);
  store<i32>(q + (<usize>P_KW << 2), KW);
  store<i32>(q + (<usize>P_SH << 2), 1);
  store<i32>(q + (<usize>P_SW << 2), 1);
  store<i32>(q + (<usize>P_DH << 2), dh);
  store<i32>(q + (<usize>P_DW << 2), dwd);
  store<i32>(q + (<usize>P_PT << 2), (KH - 1) * dh - pg(p, P_PT));
  store<i32>(q + (<usize>P_PL << 2), (KW - 1) * dwd - pg(p, P_PL));
  store<i32>(q + (<usize>P_G << 2), pg(p, P_G));
}

/** Stride 1 and padding at most the dilated window's reach less one: the transposed padding is not negative. */
function isTransposable(p: usize): bool {
  return pg(p, P_SH) == 1 && pg(p, P_SW) == 1
    && pg(p, P_PT) <= (pg(p, P_KH) - 1) * pg(p, P_DH) && pg(p, P_PL) <= (pg(p, P_KW) - 1) * pg(p, P_DW);
}

/**
 * A one-group dX that runs as the direct forward (isDirectForward of the transposed conv: O <= 64
 * and C % 4 == 0, or C < 4 and O % 4 == 0: then its 1 to 3 output channels go by per-pixel dot
 * products, directDotTile; 3x3 1->16 at 28x28 b64 1.85x dy W^T + col2im), not pointwise (that one is one GEMM already), where it does at most 1/8 more
 * multiply-adds than dy W^T (H*W against OH*OW output pixels: the transposed conv also multiplies
 * the zeros of its padding). In-process A/B (bench/wasm-ab.mjs, simd) against dy W^T + col2im: 3x3
 * 16->32 'same' at 28x28 b64 1.33x, 64->64 'same' at 56x56 1.12x (b1 and b4); 16->32 'valid' at
 * 13x13 (169 against 121 pixels) 0.84x, so left out. (3x3 stride-1 ones that fit isInputByWinograd go there first.)
 */
function isInputByForward(p: usize): bool {
  const C = pg(p, P_C);
  return pg(p, P_G) == 1 && pg(p, P_O) <= DIRECT_MAX_C && ((C & 3) == 0 || (C < 4 && (pg(p, P_O) & 3) == 0)) && !isPointwise(p)
    && isTransposable(p) && <i64>pg(p, P_H) * pg(p, P_W) * 8 <= <i64>pg(p, P_OH) * pg(p, P_OW) * 9;
}

/** Scratch of inputByForward: params (64 bytes), the transposed filter, then directForward's (bounded). */
function inputByForwardWorkBytes(p: usize): i32 {
  const KH = pg(p, P_KH), KW = pg(p, P_KW), C = pg(p, P_C), O = pg(p, P_O);
  const SH = pg(p, P_H) + (KH - 1) * pg(p, P_DH), SW = pg(p, P_W) + (KW - 1) * pg(p, P_DW);
  return 64 + ((KH * KW * C * O) << 2) + <i32>(directTabBytes(KH, KW, O) + align16((KH * KW * O * C) << 2)) + ((SH * SW * O) << 2);
}

/**
 * dx of a one-group conv at stride 1 (isInputByForward): the direct forward over dy with the filter
 * flipped in both axes and its channel axes swapped (w'[kh', kw', o, c] = w[KH-1-kh', KW-1-kw', c, o])
 * and the transposed padding (transposedParams), instead of dy W^T and a col2im scatter. Each dx
 * element sums its taps in the flipped filter's (kh, kw, o) order.
 */
function inputByForward(dy: usize, w: usize, dx: usize, p: usize, work: usize): void {
  const q = work, wt = work + 64;
  const scratch = wt + align16((pg(p, P_KH) * pg(p, P_KW) * pg(p, P_C) * pg(p, P_O)) << 2);
  transposedParams(p, q);
  transposedFilter(w, p, wt);
  directForward(dy, wt, 0, dx, 0, q, scratch);
}

/** w' [KH, KW, O, C] of the transposed conv: w'[kh', kw', o, c] = w[KH-1-kh', KW-1-kw', c, o]. */
function transposedFilter(w: usize, p: usize, wt: usize): void {
  const C = pg(p, P_C), O = pg(p, P_O), nt = pg(p, P_KH) * pg(p, P_KW);
  for (let t = 0; t < nt; t++) {
    const src = w + (<usize>((nt - 1 - t) * C * O) << 2), dst = wt + (<usize>(t * O * C) << 2);
    for (let c = 0; c < C; c++) {
      for (let o = 0; o < O; o++) store<f32>(dst + (<usize>(o * C + c) << 2), load<f32>(src + (<usize>(c * O + o) << 2)));
    }
  }
}

/**
 * A one-group 3x3 stride-1 undilated dX whose transposed conv (dy [N, OH, OW, O] over the flipped,
 * channel-swapped filter to [N, H, W, C], padding 2 - pad a side) Winograd's forward takes, with up to
 * 2 rows or columns of padding a side (the transposed conv of a 'valid' one; its error against float64,
 * bench/conv-error.mjs: 1.9e-6 of the sum of |terms| for 13x13x16->32 'valid', the tests' bound 3.4e-5).
 * In-process A/B (bench/wasm-ab.mjs, simd / relaxed, CPU time, load ~2) against the paths it replaces
 * (isInputByForward's direct forward, else dy W^T + col2im): 16->32 'same' 28x28 b64 2.04x / 1.94x,
 * 64->64 'same' 56x56 b1 2.89x / 2.61x, b4 2.78x / 2.86x, 16->32 'valid' 13x13 b64 1.35x / 1.33x,
 * 4->16 'same' 28x28 b16 1.36x / 1.53x, 16->8 1.83x / 1.65x, 64->64 'same' 7x7 b16 2.90x / 3.72x.
 */
function isInputByWinograd(p: usize): bool {
  return pg(p, P_G) == 1 && pg(p, P_KH) == 3 && pg(p, P_KW) == 3 && pg(p, P_SH) == 1 && pg(p, P_SW) == 1
    && pg(p, P_DH) == 1 && pg(p, P_DW) == 1 && isTransposable(p)
    && winoFits(pg(p, P_N), pg(p, P_OH), pg(p, P_OW), pg(p, P_O), pg(p, P_H), pg(p, P_W), pg(p, P_C), 2 - pg(p, P_PT), 2 - pg(p, P_PL), 2);
}

/** Scratch of inputByWinograd: params (64 bytes), the transposed filter, then winoForward's. */
function inputByWinogradWorkBytes(p: usize): i32 {
  const C = pg(p, P_C), O = pg(p, P_O);
  return 64 + <i32>align16((9 * C * O) << 2) + winoWorkBytes(pg(p, P_N), pg(p, P_H), pg(p, P_W), O, C);
}

/** dx of a 3x3 stride-1 conv (isInputByWinograd): Winograd's forward of the transposed conv over dy. */
function inputByWinograd(dy: usize, w: usize, dx: usize, p: usize, work: usize): void {
  const q = work, wt = work + 64;
  transposedParams(p, q);
  transposedFilter(w, p, wt);
  winoForward(dy, wt, 0, 0, dx, 0, q, wt + align16((9 * pg(p, P_C) * pg(p, P_O)) << 2));
}

/**
 * A depthwise dX that is itself a depthwise forward: multiplier 1, stride 1, and padding at most the
 * dilated window's reach less one (so the transposed padding is not negative).
 */
function isDepthwiseInputByForward(p: usize): bool {
  return pg(p, P_O) == pg(p, P_C) && isTransposable(p);
}

/** Scratch of depthwiseInputByForward: its params block (16 i32, padded to 64 bytes), then the flipped filter. */
function depthwiseInputWorkBytes(p: usize): i32 {
  return 64 + ((pg(p, P_KH) * pg(p, P_KW) * pg(p, P_C)) << 2);
}

/**
 * dx of a depthwise conv at stride 1 (isDepthwiseInputByForward): the depthwise forward over dy with
 * the filter flipped in both axes and the padding ((KH-1)*dh - pt, (KW-1)*dw - pl), output H x W
 * (dx[ih] sums dy[ih + pt - kh*dh] w[kh] over the taps inside dy), so it runs dw3x3Row's register
 * loop instead of a scatter. Each dx element sums its taps in the flipped filter's row-major order.
 */
function depthwiseInputByForward(dy: usize, w: usize, dx: usize, p: usize, work: usize): void {
  const KH = pg(p, P_KH), KW = pg(p, P_KW), C = pg(p, P_C);
  const q = work, wf = work + 64;
  transposedParams(p, q);
  const tap = <usize>C << 2;
  for (let t = 0, nt = KH * KW; t < nt; t++) copyF32(wf + <usize>t * tap, w + <usize>(nt - 1 - t) * tap, C);
  depthwise(dy, wf, 0, dx, 0, q);
}

/** dx of a depthwise convolution: each output pixel's dy * w added into the input pixels of its taps. */
function depthwiseInput(dy: usize, w: usize, dx: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), mult = O / C;
  const C4 = C & ~3;
  memory.fill(dx, 0, <usize>(N * H * W) * <usize>C << 2);
  let dyp = dy;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        for (let kh = kh0; kh < kh1; kh++) {
          for (let kw = kw0; kw < kw1; kw++) {
            const xp = dx + (<usize>((n * H + bh + kh * dh) * W + bw + kw * dw) * <usize>C << 2);
            const wp = w + (<usize>((kh * KW + kw) * O) << 2);
            if (mult == 1) {
              let c = 0;
              for (; c < C4; c += 4) {
                const q = <usize>c << 2;
                v128.store(xp + q, madd(v128.load(dyp + q), v128.load(wp + q), v128.load(xp + q)));
              }
              for (; c < C; c++) {
                const q = <usize>c << 2;
                store<f32>(xp + q, load<f32>(xp + q) + load<f32>(dyp + q) * load<f32>(wp + q));
              }
            } else if ((mult & 3) == 0) {
              for (let c = 0; c < C; c++) {
                let acc = ZERO;
                for (let m = 0; m < mult; m += 4) {
                  const q = <usize>(c * mult + m) << 2;
                  acc = madd(v128.load(dyp + q), v128.load(wp + q), acc);
                }
                const xq = xp + (<usize>c << 2);
                store<f32>(xq, load<f32>(xq) + ((f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1))
                  + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3))));
              }
            } else {
              for (let c = 0; c < C; c++) {
                let s: f32 = 0;
                for (let m = 0; m < mult; m++) {
                  const q = <usize>(c * mult + m) << 2;
                  s += load<f32>(dyp + q) * load<f32>(wp + q);
                }
                const xq = xp + (<usize>c << 2);
                store<f32>(xq, load<f32>(xq) + s);
              }
            }
          }
        }
        dyp += <usize>O << 2;
      }
    }
  }
}

/**
 * One output row's share of a 3x3 depthwise dW (multiplier 1) whose three input rows (from row0) lie
 * inside x, for the vector channels and the pixels [ow0, ow1) whose taps all lie inside x along W:
 * per group of 4 channels, the 9 taps' sums in registers over the row, then added into dw. At stride 1,
 * undilated along W, blocks of 4 pixels load each input vector once for every tap it is of (as
 * dwBlock4; each tap still sums the pixels in order).
 */
function dwFilter3x3Row(x: usize, dyr: usize, dw: usize, p: usize, row0: i32, ow0: i32, ow1: i32): void {
  const W = pg(p, P_W), C = pg(p, P_C), sw = pg(p, P_SW), dh = pg(p, P_DH), dwd = pg(p, P_DW), pl = pg(p, P_PL);
  const C4 = C & ~3;
  const r0 = x + (<usize>(row0 * W) * <usize>C << 2), rs = <usize>(dh * W) * <usize>C << 2;
  const r1 = r0 + rs, r2 = r1 + rs;
  const ts = <usize>(dwd * C) << 2, ps = <usize>(sw * C) << 2, os = <usize>C << 2;
  for (let c = 0; c < C4; c += 4) {
    let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO, a4 = ZERO, a5 = ZERO, a6 = ZERO, a7 = ZERO, a8 = ZERO;
    let q = (<usize>((ow0 * sw - pl) * C + c) << 2), d = dyr + <usize>ow0 * os + (<usize>c << 2);
    let ow = ow0;
    if (sw == 1 && dwd == 1) {
      // Blocks of 4 pixels: their 4 dy vectors, then per window row 6 input vectors, each multiplied by
      // the dy of every pixel it is a tap of (pixels still in order for each tap's sum).
      for (; ow + 4 <= ow1; ow += 4, q += 4 * os, d += 4 * os) {
        const g0 = v128.load(d), g1 = v128.load(d + os), g2 = v128.load(d + 2 * os), g3 = v128.load(d + 3 * os);
        let x: v128;
        let xp = r0 + q;
        x = v128.load(xp); a0 = madd(x, g0, a0); xp += os;
        x = v128.load(xp); a0 = madd(x, g1, a0); a1 = madd(x, g0, a1); xp += os;
        x = v128.load(xp); a0 = madd(x, g2, a0); a1 = madd(x, g1, a1); a2 = madd(x, g0, a2); xp += os;
        x = v128.load(xp); a0 = madd(x, g3, a0); a1 = madd(x, g2, a1); a2 = madd(x, g1, a2); xp += os;
        x = v128.load(xp); a1 = madd(x, g3, a1); a2 = madd(x, g2, a2); xp += os;
        x = v128.load(xp); a2 = madd(x, g3, a2);
        xp = r1 + q;
        x = v128.load(xp); a3 = madd(x, g0, a3); xp += os;
        x = v128.load(xp); a3 = madd(x, g1, a3); a4 = madd(x, g0, a4); xp += os;
        x = v128.load(xp); a3 = madd(x, g2, a3); a4 = madd(x, g1, a4); a5 = madd(x, g0, a5); xp += os;
        x = v128.load(xp); a3 = madd(x, g3, a3); a4 = madd(x, g2, a4); a5 = madd(x, g1, a5); xp += os;
        x = v128.load(xp); a4 = madd(x, g3, a4); a5 = madd(x, g2, a5); xp += os;
        x = v128.load(xp); a5 = madd(x, g3, a5);
        xp = r2 + q;
        x = v128.load(xp); a6 = madd(x, g0, a6); xp += os;
        x = v128.load(xp); a6 = madd(x, g1, a6); a7 = madd(x, g0, a7); xp += os;
        x = v128.load(xp); a6 = madd(x, g2, a6); a7 = madd(x, g1, a7); a8 = madd(x, g0, a8); xp += os;
        x = v128.load(xp); a6 = madd(x, g3, a6); a7 = madd(x, g2, a7); a8 = madd(x, g1, a8); xp += os;
        x = v128.load(xp); a7 = madd(x, g3, a7); a8 = madd(x, g2, a8); xp += os;
        x = v128.load(xp); a8 = madd(x, g3, a8);
      }
    }
    for (; ow < ow1; ow++) {
      const g = v128.load(d);
      a0 = madd(v128.load(r0 + q), g, a0);
      a1 = madd(v128.load(r0 + q + ts), g, a1);
      a2 = madd(v128.load(r0 + q + 2 * ts), g, a2);
      a3 = madd(v128.load(r1 + q), g, a3);
      a4 = madd(v128.load(r1 + q + ts), g, a4);
      a5 = madd(v128.load(r1 + q + 2 * ts), g, a5);
      a6 = madd(v128.load(r2 + q), g, a6);
      a7 = madd(v128.load(r2 + q + ts), g, a7);
      a8 = madd(v128.load(r2 + q + 2 * ts), g, a8);
      q += ps;
      d += os;
    }
    const wc = dw + (<usize>c << 2);
    v128.store(wc, f32x4.add(v128.load(wc), a0));
    v128.store(wc + os, f32x4.add(v128.load(wc + os), a1));
    v128.store(wc + 2 * os, f32x4.add(v128.load(wc + 2 * os), a2));
    v128.store(wc + 3 * os, f32x4.add(v128.load(wc + 3 * os), a3));
    v128.store(wc + 4 * os, f32x4.add(v128.load(wc + 4 * os), a4));
    v128.store(wc + 5 * os, f32x4.add(v128.load(wc + 5 * os), a5));
    v128.store(wc + 6 * os, f32x4.add(v128.load(wc + 6 * os), a6));
    v128.store(wc + 7 * os, f32x4.add(v128.load(wc + 7 * os), a7));
    v128.store(wc + 8 * os, f32x4.add(v128.load(wc + 8 * os), a8));
  }
}

/**
 * dw of a depthwise convolution (dw zeroed by the caller): x * dy summed over the output pixels, per
 * tap. A 3x3 row inside x (multiplier 1) sums its inner pixels' vector channels in registers
 * (dwFilter3x3Row, then added into dw once per row); every other (pixel, channel) is added into dw
 * pixel by pixel. In-process A/B (bench/wasm-ab.mjs) 3x3 at 56x56x64: skipping the inner pixels of a
 * row the register loop did whole (their per-pixel loop only computed tap bounds) 1.5x, the 4-pixel
 * blocks 1.1x more (simd 1.74x together, relaxed 1.94x).
 */
function depthwiseFilter(x: usize, dy: usize, dw: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW), O = pg(p, P_O);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dwd = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL), mult = O / C;
  const O4 = vectorOut(O, mult);
  // Output pixels [fw0, fw1) have every tap of a 3x3 window inside x along W (as in dw3x3Row).
  const fw0 = pl <= 0 ? 0 : min(OW, (pl + sw - 1) / sw);
  const fw1 = max(fw0, min(OW, W - 2 * dwd + pl > 0 ? (W - 2 * dwd + pl - 1) / sw + 1 : 0));
  let dyp = dy;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      const fast = KH == 3 && KW == 3 && O4 > 0 && kh0 == 0 && kh1 == 3;
      if (fast) dwFilter3x3Row(x, dyp, dw, p, n * H + bh, fw0, fw1);
      // Where the register rows did every channel of the inner pixels, only the outer ones are left.
      const skip = fast && O4 == O;
      for (let ow = 0; ow < OW; ow++) {
        if (skip && ow == fw0 && fw1 > fw0) {
          dyp += <usize>((fw1 - fw0) * O) << 2;
          ow = fw1 - 1;
          continue;
        }
        const bw = ow * sw - pl, kw0 = tapLo(bw, dwd), kw1 = tapHi(bw, dwd, KW, W);
        // The vector channels of the inner pixels of a fast row are done.
        const oLo = fast && ow >= fw0 && ow < fw1 ? O4 : 0;
        for (let kh = kh0; kh < kh1; kh++) {
          for (let kw = kw0; kw < kw1; kw++) {
            const xp = x + (<usize>((n * H + bh + kh * dh) * W + bw + kw * dwd) * <usize>C << 2);
            const wp = dw + (<usize>((kh * KW + kw) * O) << 2);
            let o = oLo;
            for (; o < O4; o += 4) {
              const q = <usize>o << 2;
              v128.store(wp + q, madd(v128.load(xp + q), v128.load(dyp + q), v128.load(wp + q)));
            }
            for (; o < O; o++) {
              const q = <usize>o << 2;
              store<f32>(wp + q, load<f32>(wp + q) + load<f32>(xp + (<usize>(o / mult) << 2)) * load<f32>(dyp + q));
            }
          }
        }
        dyp += <usize>O << 2;
      }
    }
  }
}

// ---- pooling (SIMD over channels) -------------------------------------------------------------

/**
 * Windows that tile x without overlap or padding (stride = window, undilated, unpadded, every window
 * inside x) and C % 4 == 0: the pooling kernels' fast path, by pointer steps over each window.
 */
function isTiling(p: usize): bool {
  const KH = pg(p, P_KH), KW = pg(p, P_KW);
  return (pg(p, P_C) & 3) == 0 && pg(p, P_SH) == KH && pg(p, P_SW) == KW && pg(p, P_DH) == 1 && pg(p, P_DW) == 1
    && pg(p, P_PT) == 0 && pg(p, P_PL) == 0 && pg(p, P_OH) * KH <= pg(p, P_H) && pg(p, P_OW) * KW <= pg(p, P_W);
}

/**
 * max pooling on tiling windows (isTiling). NOTE: the max is f32x4.pmax (m < v ? v : m: one x64
 * instruction; V8 expands f32x4.max into a long NaN and signed-zero sequence), so on ties the first
 * tap in row-major order wins, as in the js reference (-0 before +0 gives -0); a NaN tap sets its
 * lane to all ones (a NaN) through the `nan` mask, so NaN still propagates.
 */
function maxPoolTiling(x: usize, out: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KH = pg(p, P_KH), KW = pg(p, P_KW);
  const cs = <usize>C << 2, rs = <usize>W * cs;
  let op = out;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      let win = x + <usize>(n * H + oh * KH) * rs;
      for (let ow = 0; ow < OW; ow++) {
        if (KH == 2 && KW == 2) {
          // The common 2x2 window unrolled, taps in row-major order (ties and NaN as above).
          for (let c: usize = 0; c < cs; c += 16) {
            const r = win + c;
            const a = v128.load(r), b = v128.load(r + cs), d = v128.load(r + rs), e = v128.load(r + rs + cs);
            // pmax(a, b) and pmax(b, a) differ exactly where a or b is NaN (each keeps its first operand's NaN; equal
            // taps, -0 and +0 included, compare equal): 2 operations fewer a vector than four self-compares.
            const ab = f32x4.pmax(a, b), de = f32x4.pmax(d, e);
            const nan = v128.or(f32x4.ne(ab, f32x4.pmax(b, a)), f32x4.ne(de, f32x4.pmax(e, d)));
            v128.store(op + c, v128.or(f32x4.pmax(ab, de), nan));
          }
        } else {
          for (let c: usize = 0; c < cs; c += 16) {
            let m = NEG_INF, nan = f32x4.splat(0), r = win + c;
            for (let kh = 0; kh < KH; kh++) {
              for (let kw = 0; kw < KW; kw++) {
                const v = v128.load(r + <usize>kw * cs);
                m = f32x4.pmax(m, v);
                nan = v128.or(nan, f32x4.ne(v, v));
              }
              r += rs;
            }
            v128.store(op + c, v128.or(m, nan));
          }
        }
        win += <usize>KW * cs;
        op += cs;
      }
    }
  }
}

/** One 2x2 window of maxPoolGradTiling, unrolled: the same winner rule, taps in row-major order. */
@inline function maxGrad2x2(x: usize, dy: usize, dx: usize, cs: usize, rs: usize): void {
  for (let c: usize = 0; c < cs; c += 16) {
    const v0 = v128.load(x + c), v1 = v128.load(x + c + cs), v2 = v128.load(x + c + rs), v3 = v128.load(x + c + rs + cs);
    let best = v0;
    // w_t: tap t beats the best so far (greater, or NaN while the best is not).
    const w1 = v128.or(f32x4.gt(v1, best), v128.and(f32x4.ne(v1, v1), f32x4.eq(best, best)));
    best = v128.bitselect(v1, best, w1);
    const w2 = v128.or(f32x4.gt(v2, best), v128.and(f32x4.ne(v2, v2), f32x4.eq(best, best)));
    best = v128.bitselect(v2, best, w2);
    const w3 = v128.or(f32x4.gt(v3, best), v128.and(f32x4.ne(v3, v3), f32x4.eq(best, best)));
    // The winner: the last tap whose w is set, else tap 0.
    const m3 = w3, m2 = v128.andnot(w2, m3), m1 = v128.andnot(w1, v128.or(w2, w3));
    const m0 = v128.not(v128.or(v128.or(w1, w2), w3));
    const g = v128.load(dy + c);
    v128.store(dx + c, v128.and(g, m0));
    v128.store(dx + c + cs, v128.and(g, m1));
    v128.store(dx + c + rs, v128.and(g, m2));
    v128.store(dx + c + rs + cs, v128.and(g, m3));
  }
}

/**
 * max pooling's gradient on tiling windows (isTiling): each window's dy written at its max (the rule of
 * f32_max_pool2d_grad) and zeros at its other positions; positions outside every window zeroed first.
 */
function maxPoolGradTiling(x: usize, dy: usize, dx: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KH = pg(p, P_KH), KW = pg(p, P_KW);
  const cs = <usize>C << 2, rs = <usize>W * cs;
  if (OH * KH != H || OW * KW != W) memory.fill(dx, 0, <usize>(N * H) * rs);
  let dyp = dy;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const row = <usize>(n * H + oh * KH) * rs;
      for (let ow = 0; ow < OW; ow++) {
        const win = row + <usize>(ow * KW) * cs;
        if (KH == 2 && KW == 2) {
          maxGrad2x2(x + win, dyp, dx + win, cs, rs);
          dyp += cs;
          continue;
        }
        for (let c: usize = 0; c < cs; c += 16) {
          // The winner's tap index per lane, then every tap written: dy where it won, else 0.
          let best = v128.load(x + win + c), at = ZERO, r = x + win + c, t = 0;
          for (let kh = 0; kh < KH; kh++) {
            for (let kw = 0; kw < KW; kw++) {
              const v = v128.load(r + <usize>kw * cs);
              const w = v128.or(f32x4.gt(v, best), v128.and(f32x4.ne(v, v), f32x4.eq(best, best)));
              best = v128.bitselect(v, best, w);
              at = v128.bitselect(i32x4.splat(t), at, w);
              t++;
            }
            r += rs;
          }
          const g = v128.load(dyp + c);
          r = dx + win + c;
          t = 0;
          for (let kh = 0; kh < KH; kh++) {
            for (let kw = 0; kw < KW; kw++) {
              v128.store(r + <usize>kw * cs, v128.and(g, i32x4.eq(at, i32x4.splat(t))));
              t++;
            }
            r += rs;
          }
        }
        dyp += cs;
      }
    }
  }
}

/** out [N, OH, OW, C]: each window's max over its positions inside x; -Infinity for none; NaN propagates. */
export function f32_max_pool2d(x: usize, out: usize, p: usize): void {
  if (isTiling(p)) {
    maxPoolTiling(x, out, p);
    return;
  }
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  const C4 = C & ~3;
  let op = out;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        let c = 0;
        for (; c < C4; c += 4) {
          let m = NEG_INF, nan = f32x4.splat(0);
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const v = v128.load(x + (<usize>(((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c) << 2));
              m = f32x4.pmax(m, v);
              nan = v128.or(nan, f32x4.ne(v, v));
            }
          }
          v128.store(op + (<usize>c << 2), v128.or(m, nan));
        }
        for (; c < C; c++) {
          let m: f32 = -Infinity;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const v = load<f32>(x + (<usize>(((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c) << 2));
              if (v > m || (v != v && m == m)) m = v; // the first of equal taps, the first NaN (as the vector lanes)
            }
          }
          store<f32>(op + (<usize>c << 2), m);
        }
        op += <usize>C << 2;
      }
    }
  }
}

// ---- conv2d then max pooling, fused for inference ---------------------------------------------

/**
 * Bytes of conv output the fused conv + max pool keeps per chunk of images: small enough to stay in
 * L2 between the conv writing it and the pool reading it back.
 */
const POOL_CHUNK_BYTES = 128 << 10;

/**
 * Images per chunk of f32_conv2d_max_pool (at least 1, at most N). NOTE: a forward path may be chosen
 * by the batch size (Winograd's tile count), and the filter cache packs for the whole batch's path; so
 * where a chunk's path packs another form (f32_conv_packed_bytes differs) the batch runs as one chunk.
 */
function poolChunk(p: usize): i32 {
  const N = pg(p, P_N), img = max(1, (pg(p, P_OH) * pg(p, P_OW) * pg(p, P_O)) << 2);
  const n = max(1, min(N, POOL_CHUNK_BYTES / img)), rest = N % n;
  if (n == N) return N;
  const whole = f32_conv_packed_bytes(p);
  return atBatch(p, n, 0) == whole && (rest == 0 || atBatch(p, rest, 0) == whole) ? n : N;
}

/** f32_conv_packed_bytes (what 0) or f32_conv_work_bytes(params, 0) (what 1) for a batch of n images. */
function atBatch(params: usize, n: i32, what: i32): i32 {
  const N = pg(params, P_N);
  store<i32>(params + (<usize>P_N << 2), n);
  const bytes = what == 0 ? f32_conv_packed_bytes(params) : f32_conv_work_bytes(params, WORK_FORWARD);
  store<i32>(params + (<usize>P_N << 2), N);
  return bytes;
}

/** Scratch of f32_conv2d_max_pool: one chunk's conv output, then the conv forward's own scratch. */
export function f32_conv2d_max_pool_work_bytes(params: usize): i32 {
  const N = pg(params, P_N), n = poolChunk(params), rest = N % n;
  const y = <i32>align16((n * pg(params, P_OH) * pg(params, P_OW) * pg(params, P_O)) << 2);
  return y + max(atBatch(params, n, 1), rest > 0 ? atBatch(params, rest, 1) : 0);
}

/**
 * out = max_pool(act(conv(x, w) + bias)) without the full conv output: per chunk of images
 * (poolChunk), the forward conv of params (conv2dForward: whichever path it picks; packed: the filter
 * cache's panels or 0) into the scratch, then f32_max_pool2d of pool (a ConvParams block over the conv
 * output) from there into out. Each image's conv and pool are those of the unfused pair, so the result
 * is the same bit for bit. work: f32_conv2d_max_pool_work_bytes(params) bytes.
 */
export function f32_conv2d_max_pool(x: usize, w: usize, packed: usize, bias: usize, out: usize, act: i32, params: usize, pool: usize, work: usize): void {
  const N = pg(params, P_N), n = poolChunk(params);
  const xs = <usize>(pg(params, P_H) * pg(params, P_W) * pg(params, P_C)) << 2;
  const ys = <usize>(pg(pool, P_OH) * pg(pool, P_OW) * pg(pool, P_C)) << 2;
  const y = work, cw = work + align16((n * pg(params, P_OH) * pg(params, P_OW) * pg(params, P_O)) << 2);
  for (let n0 = 0; n0 < N; n0 += n) {
    const k = min(n, N - n0);
    store<i32>(params + (<usize>P_N << 2), k);
    store<i32>(pool + (<usize>P_N << 2), k);
    conv2dForward(x + <usize>n0 * xs, w, packed, bias, y, act, params, cw);
    f32_max_pool2d(y, out + <usize>n0 * ys, pool);
  }
  store<i32>(params + (<usize>P_N << 2), N);
  store<i32>(pool + (<usize>P_N << 2), N);
}

/**
 * dx [N, H, W, C]: each window's dy added at its max in x, the first in row-major window order on
 * ties; where the window holds a NaN, at the first NaN (the position max pooling's NaN came from).
 */
export function f32_max_pool2d_grad(x: usize, dy: usize, dx: usize, p: usize): void {
  if (isTiling(p)) {
    maxPoolGradTiling(x, dy, dx, p);
    return;
  }
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  const C4 = C & ~3;
  const lanes = i32x4(0, 1, 2, 3);
  memory.fill(dx, 0, <usize>(N * H * W) * <usize>C << 2);
  let dyp = dy;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        if (kh0 >= kh1 || kw0 >= kw1) { dyp += <usize>C << 2; continue; }
        const first = ((n * H + bh + kh0 * dh) * W + bw + kw0 * dw) * C;
        let c = 0;
        for (; c < C4; c += 4) {
          let best = v128.load(x + (<usize>(first + c) << 2));
          let at = i32x4.add(i32x4.splat(first + c), lanes);
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const i = ((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c;
              const v = v128.load(x + (<usize>i << 2));
              // v wins when greater, or NaN while best is not (v != v and best == best).
              const win = v128.or(f32x4.gt(v, best), v128.and(f32x4.ne(v, v), f32x4.eq(best, best)));
              best = v128.bitselect(v, best, win);
              at = v128.bitselect(i32x4.add(i32x4.splat(i), lanes), at, win);
            }
          }
          const g = v128.load(dyp + (<usize>c << 2));
          let q = dx + (<usize>i32x4.extract_lane(at, 0) << 2);
          store<f32>(q, load<f32>(q) + f32x4.extract_lane(g, 0));
          q = dx + (<usize>i32x4.extract_lane(at, 1) << 2);
          store<f32>(q, load<f32>(q) + f32x4.extract_lane(g, 1));
          q = dx + (<usize>i32x4.extract_lane(at, 2) << 2);
          store<f32>(q, load<f32>(q) + f32x4.extract_lane(g, 2));
          q = dx + (<usize>i32x4.extract_lane(at, 3) << 2);
          store<f32>(q, load<f32>(q) + f32x4.extract_lane(g, 3));
        }
        for (; c < C; c++) {
          let best = load<f32>(x + (<usize>(first + c) << 2));
          let at = first + c;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const i = ((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c;
              const v = load<f32>(x + (<usize>i << 2));
              if (v > best || (v != v && best == best)) { best = v; at = i; }
            }
          }
          const q = dx + (<usize>at << 2);
          store<f32>(q, load<f32>(q) + load<f32>(dyp + (<usize>c << 2)));
        }
        dyp += <usize>C << 2;
      }
    }
  }
}

/** out [N, OH, OW, C]: each window's mean over its positions inside x (0 / 0 = NaN for none). */
export function f32_avg_pool2d(x: usize, out: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  const C4 = C & ~3;
  let op = out;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        const count = <f32>(max(kh1 - kh0, 0) * max(kw1 - kw0, 0));
        let c = 0;
        for (; c < C4; c += 4) {
          let s = ZERO;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              s = f32x4.add(s, v128.load(x + (<usize>(((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c) << 2)));
            }
          }
          v128.store(op + (<usize>c << 2), f32x4.div(s, f32x4.splat(count)));
        }
        for (; c < C; c++) {
          let s: f32 = 0;
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              s += load<f32>(x + (<usize>(((n * H + bh + kh * dh) * W + bw + kw * dw) * C + c) << 2));
            }
          }
          store<f32>(op + (<usize>c << 2), s / count);
        }
        op += <usize>C << 2;
      }
    }
  }
}

/** dx [N, H, W, C]: each window's dy / (its count of positions inside x) added at each of them. */
export function f32_avg_pool2d_grad(dy: usize, dx: usize, p: usize): void {
  const N = pg(p, P_N), H = pg(p, P_H), W = pg(p, P_W), C = pg(p, P_C), OH = pg(p, P_OH), OW = pg(p, P_OW);
  const KW = pg(p, P_KW), KH = pg(p, P_KH), sh = pg(p, P_SH), sw = pg(p, P_SW), dh = pg(p, P_DH), dw = pg(p, P_DW);
  const pt = pg(p, P_PT), pl = pg(p, P_PL);
  const C4 = C & ~3;
  memory.fill(dx, 0, <usize>(N * H * W) * <usize>C << 2);
  let dyp = dy;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const bh = oh * sh - pt, kh0 = tapLo(bh, dh), kh1 = tapHi(bh, dh, KH, H);
      for (let ow = 0; ow < OW; ow++) {
        const bw = ow * sw - pl, kw0 = tapLo(bw, dw), kw1 = tapHi(bw, dw, KW, W);
        if (kh0 < kh1 && kw0 < kw1) {
          const count = <f32>((kh1 - kh0) * (kw1 - kw0));
          for (let kh = kh0; kh < kh1; kh++) {
            for (let kw = kw0; kw < kw1; kw++) {
              const xp = dx + (<usize>((n * H + bh + kh * dh) * W + bw + kw * dw) * <usize>C << 2);
              let c = 0;
              for (; c < C4; c += 4) {
                const q = <usize>c << 2;
                v128.store(xp + q, f32x4.add(v128.load(xp + q), f32x4.div(v128.load(dyp + q), f32x4.splat(count))));
              }
              for (; c < C; c++) {
                const q = <usize>c << 2;
                store<f32>(xp + q, load<f32>(xp + q) + load<f32>(dyp + q) / count);
              }
            }
          }
        }
        dyp += <usize>C << 2;
      }
    }
  }
}

// ---- batch normalization, training mode (KernelAttrs.batchNormTrain, batchNormTrainGrad) -----------
// x is [rows, C] (NHWC flattened); the statistics run down the columns. Channels go along the SIMD
// lanes in blocks of 16 (one 64-byte line of a row), then 4, then one at a time; each block walks
// every row, so its running sums stay in registers. Sums are taken over chunks of BN_CHUNK rows and
// the chunks' sums added up, so the rounding grows with the chunk count, not the row count.

const BN_CHUNK = 64;

/** x [rows, C], gamma, beta [C] -> y [rows, C], mean, variance (biased) [C]. rows >= 1. */
export function f32_batch_norm_train(x: usize, g: usize, b: usize, y: usize, mean: usize, variance: usize, rows: i32, C: i32, eps: f32): void {
  const stride = <usize>C << 2;
  const invR: f32 = 1 / <f32>rows;
  const iv = f32x4.splat(invR), ev = f32x4.splat(eps);
  let c = 0;
  for (; c + 16 <= C; c += 16) {
    const off = <usize>c << 2;
    let t0 = ZERO, t1 = ZERO, t2 = ZERO, t3 = ZERO;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) {
        a0 = f32x4.add(a0, v128.load(p));
        a1 = f32x4.add(a1, v128.load(p, 16));
        a2 = f32x4.add(a2, v128.load(p, 32));
        a3 = f32x4.add(a3, v128.load(p, 48));
      }
      t0 = f32x4.add(t0, a0); t1 = f32x4.add(t1, a1); t2 = f32x4.add(t2, a2); t3 = f32x4.add(t3, a3);
    }
    const m0 = f32x4.mul(t0, iv), m1 = f32x4.mul(t1, iv), m2 = f32x4.mul(t2, iv), m3 = f32x4.mul(t3, iv);
    t0 = ZERO; t1 = ZERO; t2 = ZERO; t3 = ZERO;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a0 = ZERO, a1 = ZERO, a2 = ZERO, a3 = ZERO;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) {
        const d0 = f32x4.sub(v128.load(p), m0), d1 = f32x4.sub(v128.load(p, 16), m1);
        const d2 = f32x4.sub(v128.load(p, 32), m2), d3 = f32x4.sub(v128.load(p, 48), m3);
        a0 = madd(d0, d0, a0); a1 = madd(d1, d1, a1); a2 = madd(d2, d2, a2); a3 = madd(d3, d3, a3);
      }
      t0 = f32x4.add(t0, a0); t1 = f32x4.add(t1, a1); t2 = f32x4.add(t2, a2); t3 = f32x4.add(t3, a3);
    }
    const v0 = f32x4.mul(t0, iv), v1 = f32x4.mul(t1, iv), v2 = f32x4.mul(t2, iv), v3 = f32x4.mul(t3, iv);
    v128.store(mean + off, m0); v128.store(mean + off, m1, 16); v128.store(mean + off, m2, 32); v128.store(mean + off, m3, 48);
    v128.store(variance + off, v0); v128.store(variance + off, v1, 16); v128.store(variance + off, v2, 32); v128.store(variance + off, v3, 48);
    const k0 = f32x4.div(v128.load(g + off), f32x4.sqrt(f32x4.add(v0, ev)));
    const k1 = f32x4.div(v128.load(g + off, 16), f32x4.sqrt(f32x4.add(v1, ev)));
    const k2 = f32x4.div(v128.load(g + off, 32), f32x4.sqrt(f32x4.add(v2, ev)));
    const k3 = f32x4.div(v128.load(g + off, 48), f32x4.sqrt(f32x4.add(v3, ev)));
    const b0 = v128.load(b + off), b1 = v128.load(b + off, 16), b2 = v128.load(b + off, 32), b3 = v128.load(b + off, 48);
    let p = x + off, q = y + off;
    for (let r = 0; r < rows; r++, p += stride, q += stride) {
      v128.store(q, madd(f32x4.sub(v128.load(p), m0), k0, b0));
      v128.store(q, madd(f32x4.sub(v128.load(p, 16), m1), k1, b1), 16);
      v128.store(q, madd(f32x4.sub(v128.load(p, 32), m2), k2, b2), 32);
      v128.store(q, madd(f32x4.sub(v128.load(p, 48), m3), k3, b3), 48);
    }
  }
  for (; c + 4 <= C; c += 4) {
    const off = <usize>c << 2;
    let t0 = ZERO;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a0 = ZERO;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) a0 = f32x4.add(a0, v128.load(p));
      t0 = f32x4.add(t0, a0);
    }
    const m0 = f32x4.mul(t0, iv);
    t0 = ZERO;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a0 = ZERO;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) { const d0 = f32x4.sub(v128.load(p), m0); a0 = madd(d0, d0, a0); }
      t0 = f32x4.add(t0, a0);
    }
    const v0 = f32x4.mul(t0, iv);
    v128.store(mean + off, m0);
    v128.store(variance + off, v0);
    const k0 = f32x4.div(v128.load(g + off), f32x4.sqrt(f32x4.add(v0, ev)));
    const b0 = v128.load(b + off);
    let p = x + off, q = y + off;
    for (let r = 0; r < rows; r++, p += stride, q += stride) v128.store(q, madd(f32x4.sub(v128.load(p), m0), k0, b0));
  }
  for (; c < C; c++) {
    const off = <usize>c << 2;
    let t: f32 = 0;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a: f32 = 0;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) a += load<f32>(p);
      t += a;
    }
    const m = t * invR;
    t = 0;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a: f32 = 0;
      let p = x + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride) { const d = load<f32>(p) - m; a += d * d; }
      t += a;
    }
    const v = t * invR;
    store<f32>(mean + off, m);
    store<f32>(variance + off, v);
    const k = load<f32>(g + off) / Mathf.sqrt(v + eps), bb = load<f32>(b + off);
    let p = x + off, q = y + off;
    for (let r = 0; r < rows; r++, p += stride, q += stride) store<f32>(q, (load<f32>(p) - m) * k + bb);
  }
}

@inline function bnRstd(variance: usize, o: usize, eps: f32): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.sqrt(f32x4.add(v128.load(variance + o), f32x4.splat(eps))));
}
/** k = gamma·rstd */
@inline function bnK(g: usize, variance: usize, o: usize, eps: f32): v128 {
  return f32x4.mul(v128.load(g + o), bnRstd(variance, o, eps));
}
/** q = 2·dvariance/R - k·rstd·dgamma/R, dgamma = su·rstd from the raw total su = Σ dy·(x - m) */
@inline function bnQ(g: usize, variance: usize, su: usize, dvar: usize, o: usize, eps: f32, invR: f32): v128 {
  const rs = bnRstd(variance, o, eps), iv = f32x4.splat(invR);
  const k = f32x4.mul(v128.load(g + o), rs);
  return f32x4.sub(f32x4.mul(f32x4.mul(v128.load(dvar + o), f32x4.splat(2)), iv), f32x4.mul(f32x4.mul(k, rs), f32x4.mul(f32x4.mul(v128.load(su + o), rs), iv)));
}
/** o = dmean/R - k·dbeta/R */
@inline function bnO(g: usize, variance: usize, db: usize, dmean: usize, o: usize, eps: f32, invR: f32): v128 {
  const iv = f32x4.splat(invR);
  return f32x4.sub(f32x4.mul(v128.load(dmean + o), iv), f32x4.mul(bnK(g, variance, o, eps), f32x4.mul(v128.load(db + o), iv)));
}

/**
 * x, gamma, mean, variance (the forward's), dy [rows, C], dmean, dvariance [C] -> dx [rows, C],
 * dgamma, dbeta [C]. Per channel: s1 = Σ dy, s2 = Σ dy·(x - m); dbeta = s1, dgamma = s2·rstd;
 * dx = k·dy + (x - m)·q + o with k = gamma·rstd, q = 2·dvariance/R - k·rstd·dgamma/R, o = dmean/R - k·s1/R.
 */
export function f32_batch_norm_train_grad(x: usize, g: usize, mean: usize, variance: usize, dy: usize, dmean: usize, dvar: usize,
  dx: usize, dg: usize, db: usize, rows: i32, C: i32, eps: f32): void {
  const stride = <usize>C << 2;
  const invR: f32 = 1 / <f32>rows;
  let c = 0;
  // 16 channels a block: the chunk sums in registers, the running totals in dbeta (Σ dy) and dgamma
  // (Σ dy·(x - m), scaled by rstd at the end), so each row's two 64-byte lines are read once a pass.
  for (; c + 16 <= C; c += 16) {
    const off = <usize>c << 2;
    const m0 = v128.load(mean + off), m1 = v128.load(mean + off, 16), m2 = v128.load(mean + off, 32), m3 = v128.load(mean + off, 48);
    v128.store(db + off, ZERO); v128.store(db + off, ZERO, 16); v128.store(db + off, ZERO, 32); v128.store(db + off, ZERO, 48);
    v128.store(dg + off, ZERO); v128.store(dg + off, ZERO, 16); v128.store(dg + off, ZERO, 32); v128.store(dg + off, ZERO, 48);
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let s0 = ZERO, s1 = ZERO, s2 = ZERO, s3 = ZERO, u0 = ZERO, u1 = ZERO, u2 = ZERO, u3 = ZERO;
      let p = x + <usize>r0 * stride + off, e = dy + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride, e += stride) {
        const d0 = v128.load(e), d1 = v128.load(e, 16), d2 = v128.load(e, 32), d3 = v128.load(e, 48);
        s0 = f32x4.add(s0, d0); s1 = f32x4.add(s1, d1); s2 = f32x4.add(s2, d2); s3 = f32x4.add(s3, d3);
        u0 = madd(d0, f32x4.sub(v128.load(p), m0), u0);
        u1 = madd(d1, f32x4.sub(v128.load(p, 16), m1), u1);
        u2 = madd(d2, f32x4.sub(v128.load(p, 32), m2), u2);
        u3 = madd(d3, f32x4.sub(v128.load(p, 48), m3), u3);
      }
      v128.store(db + off, f32x4.add(v128.load(db + off), s0)); v128.store(db + off, f32x4.add(v128.load(db + off, 16), s1), 16);
      v128.store(db + off, f32x4.add(v128.load(db + off, 32), s2), 32); v128.store(db + off, f32x4.add(v128.load(db + off, 48), s3), 48);
      v128.store(dg + off, f32x4.add(v128.load(dg + off), u0)); v128.store(dg + off, f32x4.add(v128.load(dg + off, 16), u1), 16);
      v128.store(dg + off, f32x4.add(v128.load(dg + off, 32), u2), 32); v128.store(dg + off, f32x4.add(v128.load(dg + off, 48), u3), 48);
    }
    // dx = k·dy + (x - m)·q + o per 4-lane group (from the raw totals), then dgamma = Σ dy·(x - m)·rstd
    const k0 = bnK(g, variance, off, eps), k1 = bnK(g, variance, off + 16, eps), k2 = bnK(g, variance, off + 32, eps), k3 = bnK(g, variance, off + 48, eps);
    const q0 = bnQ(g, variance, dg, dvar, off, eps, invR), q1 = bnQ(g, variance, dg, dvar, off + 16, eps, invR);
    const q2 = bnQ(g, variance, dg, dvar, off + 32, eps, invR), q3 = bnQ(g, variance, dg, dvar, off + 48, eps, invR);
    const o0 = bnO(g, variance, db, dmean, off, eps, invR), o1 = bnO(g, variance, db, dmean, off + 16, eps, invR);
    const o2 = bnO(g, variance, db, dmean, off + 32, eps, invR), o3 = bnO(g, variance, db, dmean, off + 48, eps, invR);
    for (let j: usize = 0; j < 64; j += 16) v128.store(dg + off + j, f32x4.mul(v128.load(dg + off + j), bnRstd(variance, off + j, eps)));
    let p = x + off, e = dy + off, q = dx + off;
    for (let r = 0; r < rows; r++, p += stride, e += stride, q += stride) {
      v128.store(q, madd(k0, v128.load(e), madd(f32x4.sub(v128.load(p), m0), q0, o0)));
      v128.store(q, madd(k1, v128.load(e, 16), madd(f32x4.sub(v128.load(p, 16), m1), q1, o1)), 16);
      v128.store(q, madd(k2, v128.load(e, 32), madd(f32x4.sub(v128.load(p, 32), m2), q2, o2)), 32);
      v128.store(q, madd(k3, v128.load(e, 48), madd(f32x4.sub(v128.load(p, 48), m3), q3, o3)), 48);
    }
  }
  for (; c + 4 <= C; c += 4) {
    const off = <usize>c << 2;
    const m0 = v128.load(mean + off);
    let t1 = ZERO, t2 = ZERO;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a1 = ZERO, a2 = ZERO;
      let p = x + <usize>r0 * stride + off, e = dy + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride, e += stride) {
        const d = v128.load(e);
        a1 = f32x4.add(a1, d);
        a2 = madd(d, f32x4.sub(v128.load(p), m0), a2);
      }
      t1 = f32x4.add(t1, a1); t2 = f32x4.add(t2, a2);
    }
    const rs = f32x4.div(f32x4.splat(1), f32x4.sqrt(f32x4.add(v128.load(variance + off), f32x4.splat(eps))));
    const dgv = f32x4.mul(t2, rs);
    v128.store(db + off, t1);
    v128.store(dg + off, dgv);
    const iv = f32x4.splat(invR);
    const k = f32x4.mul(v128.load(g + off), rs);
    const qv = f32x4.sub(f32x4.mul(f32x4.mul(v128.load(dvar + off), f32x4.splat(2)), iv), f32x4.mul(f32x4.mul(k, rs), f32x4.mul(dgv, iv)));
    const ov = f32x4.sub(f32x4.mul(v128.load(dmean + off), iv), f32x4.mul(k, f32x4.mul(t1, iv)));
    let p = x + off, e = dy + off, q = dx + off;
    for (let r = 0; r < rows; r++, p += stride, e += stride, q += stride) {
      v128.store(q, madd(k, v128.load(e), madd(f32x4.sub(v128.load(p), m0), qv, ov)));
    }
  }
  for (; c < C; c++) {
    const off = <usize>c << 2;
    const m = load<f32>(mean + off);
    let t1: f32 = 0, t2: f32 = 0;
    for (let r0 = 0; r0 < rows; r0 += BN_CHUNK) {
      const r1 = min(rows, r0 + BN_CHUNK);
      let a1: f32 = 0, a2: f32 = 0;
      let p = x + <usize>r0 * stride + off, e = dy + <usize>r0 * stride + off;
      for (let r = r0; r < r1; r++, p += stride, e += stride) {
        const d = load<f32>(e);
        a1 += d;
        a2 += d * (load<f32>(p) - m);
      }
      t1 += a1; t2 += a2;
    }
    const rs: f32 = 1 / Mathf.sqrt(load<f32>(variance + off) + eps);
    const dgs = t2 * rs;
    store<f32>(db + off, t1);
    store<f32>(dg + off, dgs);
    const k = load<f32>(g + off) * rs;
    const qs: f32 = <f32>2 * load<f32>(dvar + off) * invR - k * rs * dgs * invR;
    const os = load<f32>(dmean + off) * invR - k * t1 * invR;
    let p = x + off, e = dy + off, q = dx + off;
    for (let r = 0; r < rows; r++, p += stride, e += stride, q += stride) store<f32>(q, k * load<f32>(e) + (load<f32>(p) - m) * qs + os);
  }
}
