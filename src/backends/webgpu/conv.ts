// Convolution and pooling programs on NHWC images (the conv family of src/kernels.ts).
//
// conv2d, conv2dBackpropInput and conv2dBackpropFilter are each a GEMM per group (workgroup z)
// whose operands are read through the window index math (implicit GEMM: no im2col buffer):
//   conv2d  [N*OH*OW, KH*KW*Cg] x [KH*KW*Cg, Og]   A(m, k) = x at output m's window tap k
//   dx      [N*H*W,   KH*KW*Og] x [KH*KW*Og, Cg]   A(m, k) = dy at the output whose tap k covers m (0 if none)
//   dw      [KH*KW*Cg, N*OH*OW] x [N*OH*OW, Og]    A(m, k) = x at output k's window tap m
// The tiled program is gemm.ts's shared-memory tile (4x4 per invocation, BK-deep slices) with
// these loaders; conv2d applies gemm.ts's bias + activation epilogue; dw, whose grid is small and
// K long, splits K over extra workgroups and sums their copies after. Shapes with few channels
// per group (depthwise) take barrier-free programs instead: one invocation per output element
// for conv2d and dx, one 64-wide workgroup per filter element for dw (a split reduction over
// N*OH*OW). Pooling and its gradients are one invocation per element; the gradients gather over
// the windows that cover each dx element (no atomics).
// A 1x1 window at stride 1 without padding or groups runs gemm.ts's fusedMatmul on the same buffers.
// NOTE: the tiled programs multiply a tap in the padding (or, for dx, a tap between strides) as
// 0 * the other operand, where js skips it: a non-finite filter (dy for dw) makes those sums NaN
// on webgpu where js may be finite. The per-element programs skip such taps, as js does.
// Keys `conv/<kind>/<path>[/<tile>][/<epilogue>]`. Geometry travels in the params (G below), so
// one program serves every shape.
/// <reference types="@webgpu/types" />
import { type Conv2dGeometry, type FusedActivation, type KernelAttrs, convOutShape } from '../../kernels.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';
import { groups } from './runtime.js';
import { epilogue, gemmKernels } from './gemm.js';

/**
 * Param words: the geometry, the element count of 1-D programs, the GEMM's M, N, K; the tiled
 * program's p(21) first row, p(22) K per split, p(23) splits.
 */
const G = {
  N: 'p(0u)', H: 'p(1u)', W: 'p(2u)', C: 'p(3u)', OH: 'p(4u)', OW: 'p(5u)', O: 'p(6u)', KH: 'p(7u)', KW: 'p(8u)',
  SH: 'p(9u)', SW: 'p(10u)', DH: 'p(11u)', DW: 'p(12u)', PT: 'p(13u)', PL: 'p(14u)', CG: 'p(15u)', OG: 'p(16u)',
  TOTAL: 'p(17u)', M: 'p(18u)', GN: 'p(19u)', K: 'p(20u)',
} as const;

function params(x: readonly number[], oh: number, ow: number, o: number, kh: number, kw: number, g: Conv2dGeometry,
  cg: number, og: number, total: number, gemm: [number, number, number] = [0, 0, 0]): number[] {
  return [x[0], x[1], x[2], x[3], oh, ow, o, kh, kw, g.strides[0], g.strides[1], g.dilations[0], g.dilations[1],
    g.pads[0], g.pads[2], cg, og, total, ...gemm];
}

// x (IN0) at tap (kh, kw) of output (b, oh, ow), channel ch: its index (x_at, NONE in the
// padding) or its value (x_tap, 0 in the padding).
const X_TAP = /* wgsl */ `
fn x_at(b: u32, oh: u32, ow: u32, kh: u32, kw: u32, ch: u32) -> u32 {
  let ih = i32(oh * ${G.SH} + kh * ${G.DH}) - i32(${G.PT});
  let iw = i32(ow * ${G.SW} + kw * ${G.DW}) - i32(${G.PL});
  if (ih < 0 || iw < 0 || ih >= i32(${G.H}) || iw >= i32(${G.W})) { return NONE; }
  return ((b * ${G.H} + u32(ih)) * ${G.W} + u32(iw)) * ${G.C} + ch;
}
fn x_tap(b: u32, oh: u32, ow: u32, kh: u32, kw: u32, ch: u32) -> f32 {
  let i = x_at(b, oh, ow, kh, kw, ch);
  if (i == NONE) { return 0.0; }
  return IN0[i];
}`;

// The output position whose tap kh covers input row h (`cover_h`), or NONE when none does
// (the tap falls between strides or outside the output); the same along the width.
const COVER = /* wgsl */ `
fn cover(i: u32, k: u32, s: u32, d: u32, pad: u32, out: u32) -> u32 {
  let t = i32(i + pad) - i32(k * d);
  if (t < 0) { return NONE; }
  let o = u32(t) / s;
  if (o * s != u32(t) || o >= out) { return NONE; }
  return o;
}
fn cover_h(h: u32, kh: u32) -> u32 { return cover(h, kh, ${G.SH}, ${G.DH}, ${G.PT}, ${G.OH}); }
fn cover_w(w: u32, kw: u32) -> u32 { return cover(w, kw, ${G.SW}, ${G.DW}, ${G.PL}, ${G.OW}); }`;

/** PARAMS and the NONE index every conv program shares. */
const BASE = `${PARAMS}
const NONE: u32 = 0xffffffffu;`;

type GemmKind = 'fwd' | 'dx' | 'dw';

/**
 * loadA(m, k, g) and loadB(k, n, g) per kind, written with RD0/RD1 (read IN0/IN1 at an index)
 * and ZERO, so each also makes a vec4 loader of 4 elements along its contiguous direction (k when
 * kFast, else m or n), used when that direction has a multiple of 4 per tap and group (vecA,
 * vecB). Column nn of group g is output column g * colsPerGroup + nn of rows `ld` wide.
 */
interface Loaders {
  a: string; b: string; colsPerGroup: string; ld: string; aKFast: boolean; bKFast: boolean;
  vecA: (cg: number, og: number) => boolean; vecB: (cg: number, og: number) => boolean;
}
const LOADERS: Record<GemmKind, Loaders> = {
  fwd: {
    a: `let ow = m % ${G.OW}; let r = m / ${G.OW}; let oh = r % ${G.OH}; let b = r / ${G.OH};
  let c = k % ${G.CG}; let t = k / ${G.CG};
  let i = x_at(b, oh, ow, t / ${G.KW}, t % ${G.KW}, g * ${G.CG} + c);
  if (i == NONE) { return ZERO; }
  return RD0(i);`,
    b: `return RD1(k * ${G.O} + g * ${G.OG} + n);`,
    colsPerGroup: G.OG, ld: G.O,
    aKFast: true, bKFast: false,
    vecA: (cg) => cg % 4 === 0, vecB: (_, og) => og % 4 === 0,
  },
  dx: {
    a: `let w = m % ${G.W}; let r = m / ${G.W}; let h = r % ${G.H}; let b = r / ${G.H};
  let o = k % ${G.OG}; let t = k / ${G.OG};
  let oh = cover_h(h, t / ${G.KW}); let ow = cover_w(w, t % ${G.KW});
  if (oh == NONE || ow == NONE) { return ZERO; }
  return RD0(((b * ${G.OH} + oh) * ${G.OW} + ow) * ${G.O} + g * ${G.OG} + o);`,
    b: `let o = k % ${G.OG}; let t = k / ${G.OG};
  return RD1((t * ${G.CG} + n) * ${G.O} + g * ${G.OG} + o);`,
    colsPerGroup: G.CG, ld: G.C,
    aKFast: true, bKFast: true,
    vecA: (_, og) => og % 4 === 0, vecB: (_, og) => og % 4 === 0,
  },
  dw: {
    a: `let c = m % ${G.CG}; let t = m / ${G.CG};
  let ow = k % ${G.OW}; let r = k / ${G.OW}; let oh = r % ${G.OH}; let b = r / ${G.OH};
  let i = x_at(b, oh, ow, t / ${G.KW}, t % ${G.KW}, g * ${G.CG} + c);
  if (i == NONE) { return ZERO; }
  return RD0(i);`,
    b: `return RD1(k * ${G.O} + g * ${G.OG} + n);`,
    colsPerGroup: G.OG, ld: G.O,
    aKFast: false, bKFast: false,
    vecA: (cg) => cg % 4 === 0, vecB: (_, og) => og % 4 === 0,
  },
};

/** A loader body as a scalar (f32) or vec4 function. */
function loader(name: string, args: string, body: string, vec: boolean): string {
  const t = vec ? 'vec4<f32>' : 'f32';
  const b = body.replace(/ZERO/g, vec ? 'vec4<f32>(0.0)' : '0.0').replace(/RD([01])\(/g, vec ? 'rdv$1(' : 'rd$1(');
  return `fn ${name}(${args}) -> ${t} {\n  ${b}\n}`;
}
const READS = /* wgsl */ `
fn rd0(i: u32) -> f32 { return IN0[i]; }
fn rd1(i: u32) -> f32 { return IN1[i]; }
fn rdv0(i: u32) -> vec4<f32> { return vec4<f32>(IN0[i], IN0[i + 1u], IN0[i + 2u], IN0[i + 3u]); }
fn rdv1(i: u32) -> vec4<f32> { return vec4<f32>(IN1[i], IN1[i + 1u], IN1[i + 2u], IN1[i + 3u]); }`;

export interface ConvTile { tx: number; ty: number; bk: number }
const LARGE: ConvTile = { tx: 16, ty: 16, bk: 16 };
const SMALL: ConvTile = { tx: 8, ty: 8, bk: 16 };

function tiled(kind: GemmKind, cfg: ConvTile, bias: boolean, act: FusedActivation, vecA: boolean, vecB: boolean) {
  const { tx, ty, bk } = cfg;
  const BM = ty * 4, BN = tx * 4, NT = tx * ty;
  const key = `conv/${kind}/tiled/${tx}x${ty}x${bk}/${+vecA}${+vecB}/${bias ? 'bias' : 'nobias'}-${act}`;
  const L = LOADERS[kind];
  // stages a BK x X slice of operand `op` into S ([k][x/4] vec4 rows); kFast: consecutive
  // invocations take consecutive k (the operand's contiguous direction); vec: 4 elements each
  const stage = (S: string, op: 'A' | 'B', X: number, x0: string, xLim: string, kFast: boolean, vec: boolean) => {
    const X4 = X / 4;
    const load = `load${op}(${op === 'A' ? 'x, k' : 'k, x'}, g)`;
    if (!vec) {
      return `for (var e = li; e < ${bk * X}u; e += ${NT}u) {
      ${kFast ? `let kk = e % ${bk}u; let xx = e / ${bk}u;` : `let xx = e % ${X}u; let kk = e / ${X}u;`}
      let x = ${x0} + xx; let k = k0 + kk;
      var v = 0.0;
      if (x < ${xLim} && k < kEnd) { v = ${load}; }
      ${S}[kk * ${X4}u + xx / 4u][xx % 4u] = v;
    }`;
    }
    if (kFast) {
      return `for (var e = li; e < ${(bk / 4) * X}u; e += ${NT}u) {
      let kq = e % ${bk / 4}u; let xx = e / ${bk / 4}u;
      let x = ${x0} + xx; let k = k0 + kq * 4u;
      var v = vec4<f32>(0.0);
      if (x < ${xLim} && k < kEnd) { v = ${load}; }
      let q = kq * ${4 * X4}u + xx / 4u; let c = xx % 4u;
      ${S}[q][c] = v.x; ${S}[q + ${X4}u][c] = v.y; ${S}[q + ${2 * X4}u][c] = v.z; ${S}[q + ${3 * X4}u][c] = v.w;
    }`;
    }
    return `for (var e = li; e < ${bk * X4}u; e += ${NT}u) {
      let xq = e % ${X4}u; let kk = e / ${X4}u;
      let x = ${x0} + xq * 4u; let k = k0 + kk;
      var v = vec4<f32>(0.0);
      if (x < ${xLim} && k < kEnd) { v = ${load}; }
      ${S}[kk * ${X4}u + xq] = v;
    }`;
  };
  const code = () => `${BASE}${act === 'linear' ? '' : MATH}${X_TAP}${COVER}
@group(0) @binding(1) var<storage, read> IN0: array<f32>;
@group(0) @binding(2) var<storage, read> IN1: array<f32>;
${bias ? '@group(0) @binding(3) var<storage, read> BIAS: array<f32>;' : ''}
@group(0) @binding(${bias ? 4 : 3}) var<storage, read_write> OUT: array<f32>;
${READS}
${loader('loadA', 'm: u32, k: u32, g: u32', L.a, vecA)}
${loader('loadB', 'k: u32, n: u32, g: u32', L.b, vecB)}
var<workgroup> As: array<vec4<f32>, ${(bk * BM) / 4}>;
var<workgroup> Bs: array<vec4<f32>, ${(bk * BN) / 4}>;
@compute @workgroup_size(${tx}, ${ty}) fn main(@builtin(workgroup_id) wg: vec3<u32>,
    @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let M = ${G.M}; let N = ${G.GN};
  // split sp of S sums k in [kBegin, kEnd) into its own copy of the output
  let S = p(23u); let g = wg.z / S; let sp = wg.z % S;
  let kBegin = sp * p(22u); let kEnd = min(${G.K}, kBegin + p(22u));
  let m0 = p(21u) + wg.y * ${BM}u; let n0 = wg.x * ${BN}u;
  var acc = array<vec4<f32>, 4>(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
  for (var k0 = kBegin; k0 < kEnd; k0 += ${bk}u) {
    ${stage('As', 'A', BM, 'm0', 'M', L.aKFast, vecA)}
    ${stage('Bs', 'B', BN, 'n0', 'N', L.bKFast, vecB)}
    workgroupBarrier();
    for (var kk = 0u; kk < ${bk}u; kk++) {
      let a = As[kk * ${BM / 4}u + lid.y];
      let b = Bs[kk * ${BN / 4}u + lid.x];
      acc[0] += a.x * b; acc[1] += a.y * b; acc[2] += a.z * b; acc[3] += a.w * b;
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 4u; i++) {
    let m = m0 + lid.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let nn = n0 + lid.x * 4u + j;
      if (m < M && nn < N) {
        let n = g * ${L.colsPerGroup} + nn;
        var r = acc[i][j]; ${epilogue(bias, act, false)}
        OUT[sp * ${G.TOTAL} + m * ${L.ld} + n] = r;
      }
    }
  }
}`;
  return { key, code };
}

// a 1-D program over p(17) elements; MATH (the float helpers) when `math`
const prog1d = (key: string, bindings: string[], body: string, extra = '', math = true) => ({
  key,
  code: () => `${BASE}${math ? MATH : ''}${flatIndex(WG)}${extra}
${bindings.map((b, i) => `@group(0) @binding(${i + 1}) var<storage, ${i === bindings.length - 1 ? 'read_write' : 'read'}> ${b}: array<f32>;`).join('\n')}
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= ${G.TOTAL}) { return; }
  ${body}
}`,
});

// conv2d, one invocation per output element (t over [N, OH, OW, O]).
function directFwd(bias: boolean, act: FusedActivation) {
  return prog1d(`conv/fwd/direct/${bias ? 'bias' : 'nobias'}-${act}`, ['IN0', 'IN1', ...(bias ? ['BIAS'] : []), 'OUT'], `
  let n = t % ${G.O}; let q = t / ${G.O};
  let ow = q % ${G.OW}; let q2 = q / ${G.OW}; let oh = q2 % ${G.OH}; let b = q2 / ${G.OH};
  let Cg = ${G.CG}; let O = ${G.O};
  let c0 = (n / ${G.OG}) * Cg;
  var s = 0.0;
  for (var kh = 0u; kh < ${G.KH}; kh++) {
    let ih = i32(oh * ${G.SH} + kh * ${G.DH}) - i32(${G.PT});
    if (ih < 0 || ih >= i32(${G.H})) { continue; }
    for (var kw = 0u; kw < ${G.KW}; kw++) {
      let iw = i32(ow * ${G.SW} + kw * ${G.DW}) - i32(${G.PL});
      if (iw < 0 || iw >= i32(${G.W})) { continue; }
      let xb = ((b * ${G.H} + u32(ih)) * ${G.W} + u32(iw)) * ${G.C} + c0;
      let fb = (kh * ${G.KW} + kw) * Cg * O + n;
      for (var c = 0u; c < Cg; c++) { s += IN0[xb + c] * IN1[fb + c * O]; }
    }
  }
  var r = s; ${epilogue(bias, act, false)}
  OUT[t] = r;`, '', act !== 'linear');
}

// conv2dBackpropInput, one invocation per dx element (t over [N, H, W, C]).
const DIRECT_DX = prog1d('conv/dx/direct', ['IN0', 'IN1', 'OUT'], `
  let ch = t % ${G.C}; let r = t / ${G.C};
  let w = r % ${G.W}; let r2 = r / ${G.W}; let h = r2 % ${G.H}; let b = r2 / ${G.H};
  let Og = ${G.OG}; let O = ${G.O}; let Cg = ${G.CG};
  let o0 = (ch / Cg) * Og; let cl = ch % Cg;
  var s = 0.0;
  for (var kh = 0u; kh < ${G.KH}; kh++) {
    let oh = cover_h(h, kh);
    if (oh == NONE) { continue; }
    for (var kw = 0u; kw < ${G.KW}; kw++) {
      let ow = cover_w(w, kw);
      if (ow == NONE) { continue; }
      let db = ((b * ${G.OH} + oh) * ${G.OW} + ow) * O + o0;
      let fb = ((kh * ${G.KW} + kw) * Cg + cl) * O + o0;
      for (var o = 0u; o < Og; o++) { s += IN0[db + o] * IN1[fb + o]; }
    }
  }
  OUT[t] = s;`, COVER, false);

// conv2dBackpropFilter, one 64-wide workgroup per filter element (t over [KH, KW, Cg, O]), each
// invocation summing a strided share of the N*OH*OW positions, then a tree sum in shared memory.
const SPLIT = 64;
const SPLIT_DW = {
  key: `conv/dw/split/${SPLIT}`,
  code: () => `${BASE}${X_TAP}
@group(0) @binding(1) var<storage, read> IN0: array<f32>;
@group(0) @binding(2) var<storage, read> IN1: array<f32>;
@group(0) @binding(3) var<storage, read_write> OUT: array<f32>;
var<workgroup> part: array<f32, ${SPLIT}>;
@compute @workgroup_size(${SPLIT}) fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let t = (wg.z * nw.y + wg.y) * nw.x + wg.x;
  if (t >= ${G.TOTAL}) { return; }
  let O = ${G.O};
  let o = t % O; let r = t / O; let cl = r % ${G.CG}; let tap = r / ${G.CG};
  let kh = tap / ${G.KW}; let kw = tap % ${G.KW};
  let ch = (o / ${G.OG}) * ${G.CG} + cl;
  let K = ${G.N} * ${G.OH} * ${G.OW};
  var s = 0.0;
  for (var k = l; k < K; k += ${SPLIT}u) {
    let ow = k % ${G.OW}; let r2 = k / ${G.OW}; let oh = r2 % ${G.OH}; let b = r2 / ${G.OH};
    let i = x_at(b, oh, ow, kh, kw, ch);
    if (i != NONE) { s += IN0[i] * IN1[k * O + o]; }
  }
  part[l] = s;
  workgroupBarrier();
  for (var h = ${SPLIT / 2}u; h > 0u; h = h >> 1u) {
    if (l < h) { part[l] = part[l] + part[l + h]; }
    workgroupBarrier();
  }
  if (l == 0u) { OUT[t] = part[0]; }
}`,
};

// ---- pooling: O = C, one channel per group

// the window of output (b, oh, ow) at channel c, visiting positions inside x in row-major order
const WINDOW = (body: string) => `
  for (var kh = 0u; kh < ${G.KH}; kh++) {
    let ih = i32(oh * ${G.SH} + kh * ${G.DH}) - i32(${G.PT});
    if (ih < 0 || ih >= i32(${G.H})) { continue; }
    for (var kw = 0u; kw < ${G.KW}; kw++) {
      let iw = i32(ow * ${G.SW} + kw * ${G.DW}) - i32(${G.PL});
      if (iw < 0 || iw >= i32(${G.W})) { continue; }
      let v = IN0[((b * ${G.H} + u32(ih)) * ${G.W} + u32(iw)) * ${G.C} + c];
      ${body}
    }
  }`;
const OUT_POS = `let c = t % ${G.C}; let r = t / ${G.C};
  let ow = r % ${G.OW}; let r2 = r / ${G.OW}; let oh = r2 % ${G.OH}; let b = r2 / ${G.OH};`;
const IN_POS = `let c = t % ${G.C}; let r = t / ${G.C};
  let w = r % ${G.W}; let r2 = r / ${G.W}; let h = r2 % ${G.H}; let b = r2 / ${G.H};`;

// NOTE: NaN is decided on the bits (is_nan) before any comparison: SwiftShader folds NaN compares.
const MAX_POOL = prog1d('conv/max-pool', ['IN0', 'OUT'], `${OUT_POS}
  var m = -inf_f();
  ${WINDOW('if (is_nan(v)) { OUT[t] = nan_f(); return; } if (v > m) { m = v; }')}
  OUT[t] = m;`);

const AVG_POOL = prog1d('conv/avg-pool', ['IN0', 'OUT'], `${OUT_POS}
  var s = 0.0; var n = 0u;
  ${WINDOW('s += v; n++;')}
  OUT[t] = select(s / f32(n), nan_f(), n == 0u);`);

// The window's max position as kh * KW + kw: the first NaN, else the first of the largest values
// (a window of -Infinity: its first position). NONE for a window wholly in the padding.
const ARGMAX = /* wgsl */ `
fn argmax(b: u32, oh: u32, ow: u32, c: u32) -> u32 {
  var m = 0.0; var pos = NONE;
  ${WINDOW(`if (pos == NONE || (!is_nan(m) && (is_nan(v) || v > m))) { m = v; pos = kh * ${G.KW} + kw; }`)}
  return pos;
}`;

const MAX_POOL_GRAD = prog1d('conv/max-pool-grad', ['IN0', 'IN1', 'OUT'], `${IN_POS}
  var s = 0.0;
  for (var kh = 0u; kh < ${G.KH}; kh++) {
    let oh = cover_h(h, kh);
    if (oh == NONE) { continue; }
    for (var kw = 0u; kw < ${G.KW}; kw++) {
      let ow = cover_w(w, kw);
      if (ow == NONE) { continue; }
      if (argmax(b, oh, ow, c) == kh * ${G.KW} + kw) { s += IN1[((b * ${G.OH} + oh) * ${G.OW} + ow) * ${G.C} + c]; }
    }
  }
  OUT[t] = s;`, COVER + ARGMAX);

// dy (IN0) [N, OH, OW, C] -> dx: each covering window's dy / its count of positions inside x.
const AVG_POOL_GRAD = prog1d('conv/avg-pool-grad', ['IN0', 'OUT'], `${IN_POS}
  var s = 0.0;
  for (var kh = 0u; kh < ${G.KH}; kh++) {
    let oh = cover_h(h, kh);
    if (oh == NONE) { continue; }
    let rows = inside(oh, ${G.SH}, ${G.DH}, ${G.PT}, ${G.KH}, ${G.H});
    for (var kw = 0u; kw < ${G.KW}; kw++) {
      let ow = cover_w(w, kw);
      if (ow == NONE) { continue; }
      let n = rows * inside(ow, ${G.SW}, ${G.DW}, ${G.PL}, ${G.KW}, ${G.W});
      s += IN0[((b * ${G.OH} + oh) * ${G.OW} + ow) * ${G.C} + c] / f32(n);
    }
  }
  OUT[t] = s;`, `${COVER}
// how many of a window's k taps along one axis fall inside [0, size)
fn inside(o: u32, s: u32, d: u32, pad: u32, k: u32, size: u32) -> u32 {
  var n = 0u;
  for (var i = 0u; i < k; i++) { let q = i32(o * s + i * d) - i32(pad); if (q >= 0 && q < i32(size)) { n++; } }
  return n;
}`);

/**
 * Which convolution programs run: 'direct' or tiled forced (tests, benches; scalar: no vec4 loads;
 * rowGroups: fewer tile rows per dispatch than the 65535 limit), null by shape.
 */
export type ConvPath = 'direct' | { tile: ConvTile; scalar?: boolean; rowGroups?: number } | null;
let forced: ConvPath = null;
export function setConvPath(p: ConvPath): void { forced = p; }

/** Whether a GEMM of [M, K] x [K, N] per group takes the tiled program; its tile if so. */
function tileFor(M: number, N: number, K: number, G_: number): ConvTile | null {
  if (forced === 'direct') return null;
  if (forced) return forced.tile;
  // few output channels per group leave most of a 32-wide tile idle (depthwise: the barrier-free
  // programs ran 7-22x faster on SwiftShader); otherwise the tiles win there too (conv2d 3x3
  // 16->32 at 13x13, batch 16: 2x, dw 12x; dx even)
  if (N < 16 || K < 16) return null;
  // the 64x64 tile for wide outputs with enough tiles to spread (SwiftShader, 32 columns: 8x8 1.7x faster)
  return N >= 64 && Math.ceil(M / 64) * Math.ceil(N / 64) * G_ >= 16 ? LARGE : SMALL;
}

/**
 * Splits of K for a tiled grid too small to fill a GPU (dw: a filter's few tiles over N*OH*OW):
 * enough for about 128 workgroups, each summing at least 256 of K.
 */
function splitsFor(cfg: ConvTile, M: number, N: number, K: number, G_: number): number {
  const tiles = Math.ceil(M / (cfg.ty * 4)) * Math.ceil(N / (cfg.tx * 4)) * G_;
  if (tiles >= 64 || K < 512) return 1;
  return Math.min(Math.ceil(128 / tiles), Math.floor(K / 256));
}

// sums the S split copies (p(23)) of the output
const SPLIT_SUM = prog1d('conv/split-sum', ['IN0', 'OUT'], `
  var v = 0.0;
  for (var s = 0u; s < p(23u); s++) { v += IN0[s * ${G.TOTAL} + t]; }
  OUT[t] = v;`, '', false);

function runTiled(ctx: Ctx, kind: GemmKind, cfg: ConvTile, bias: boolean, act: FusedActivation, bufs: GPUBuffer[],
  p: number[], groupCount: number, splits = 1): void {
  const [M, N, K] = [p[18], p[19], p[20]];
  const f = forced !== null && forced !== 'direct' ? forced : null;
  const L = LOADERS[kind], scalar = !!f?.scalar, perDispatch = f?.rowGroups ?? 65535;
  const vecA = !scalar && L.vecA(p[15], p[16]), vecB = !scalar && L.vecB(p[15], p[16]);
  const rows = Math.ceil(M / (cfg.ty * 4));
  const chunk = Math.max(cfg.bk, Math.ceil(K / splits / cfg.bk) * cfg.bk);
  const S = Math.max(1, Math.ceil(K / chunk));
  // S > 1: the splits write S copies of the output into a scratch buffer, summed after
  const tmp = S > 1 ? ctx.rt.alloc(S * p[17] * 4) : null;
  const target = tmp ? [...bufs.slice(0, -1), tmp.buffer] : bufs;
  // NOTE: at most 65535 workgroups per dimension: taller outputs take several dispatches (p(21) the first row)
  for (let r0 = 0; r0 < rows; r0 += perDispatch) {
    ctx.rt.run({
      program: tiled(kind, cfg, bias, act, vecA, vecB), buffers: target, params: [...p, r0 * cfg.ty * 4, chunk, S],
      groups: [Math.ceil(N / (cfg.tx * 4)), Math.min(perDispatch, rows - r0), groupCount * S],
    });
  }
  if (tmp) {
    ctx.rt.run({ program: SPLIT_SUM, buffers: [tmp.buffer, bufs[bufs.length - 1]], params: [...p, 0, chunk, S], groups: ctx.groups(p[17]) });
    ctx.rt.free(tmp);
  }
}

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
/** The same buffer seen as a [1, rows, cols] matrix. */
const mat = (t: Info, rows: number, cols: number): Info => ({ shape: [1, rows, cols], dtype: t.dtype, buf: t.buf });
/** A 1x1 window at stride 1 without padding or groups: the convolutions are plain GEMMs (chosen by shape only). */
const pointwise = (kh: number, kw: number, a: Conv2dGeometry & { groups: number }) => forced === null && kh === 1 && kw === 1
  && a.groups === 1 && a.strides[0] === 1 && a.strides[1] === 1 && a.pads.every((q) => q === 0);

export function convKernels(ctx: Ctx) {
  const run1d = (program: { key: string; code: () => string }, bufs: GPUBuffer[], p: number[]) =>
    ctx.rt.run({ program, buffers: bufs, params: p, groups: ctx.groups(p[17]) });
  const gemm = gemmKernels(ctx).fusedMatmul;
  const kernels = {
    conv2d: ([x, f, bias]: readonly Info[], [y]: readonly Info[], a: KernelAttrs['conv2d']) => {
      const n = size(y.shape);
      if (n === 0) return;
      const [, OH, OW, O] = y.shape;
      const [KH, KW, Cg] = f.shape;
      const Og = O / a.groups;
      const bufs = [x.buf.buffer, f.buf.buffer, ...(bias ? [bias.buf.buffer] : []), y.buf.buffer];
      const M = x.shape[0] * OH * OW, K = KH * KW * Cg;
      if (pointwise(KH, KW, a)) {
        // y [M, O] = x [M, C] f [C, O]
        gemm([mat(x, M, K), mat(f, K, O), ...(bias ? [bias] : [])], [mat(y, M, O)], { transposeA: false, transposeB: false, activation: a.activation });
        return;
      }
      const p = params(x.shape, OH, OW, O, KH, KW, a, Cg, Og, n, [M, Og, K]);
      const tile = tileFor(M, Og, K, a.groups);
      if (tile) runTiled(ctx, 'fwd', tile, !!bias, a.activation, bufs, p, a.groups);
      else run1d(directFwd(!!bias, a.activation), bufs, p);
    },
    conv2dBackpropInput: ([dy, f]: readonly Info[], [dx]: readonly Info[], a: KernelAttrs['conv2dBackpropInput']) => {
      const n = size(dx.shape);
      if (n === 0) return;
      const [, OH, OW, O] = dy.shape;
      const [KH, KW, Cg] = f.shape;
      const Og = O / a.groups;
      const M = dx.shape[0] * dx.shape[1] * dx.shape[2], K = KH * KW * Og;
      if (pointwise(KH, KW, a)) {
        // dx [M, C] = dy [M, O] f^T
        gemm([mat(dy, M, O), mat(f, Cg, O)], [mat(dx, M, Cg)], { transposeA: false, transposeB: true, activation: 'linear' });
        return;
      }
      const p = params(dx.shape, OH, OW, O, KH, KW, a, Cg, Og, n, [M, Cg, K]);
      const bufs = [dy.buf.buffer, f.buf.buffer, dx.buf.buffer];
      const tile = tileFor(M, Cg, K, a.groups);
      if (tile) runTiled(ctx, 'dx', tile, false, 'linear', bufs, p, a.groups);
      else run1d(DIRECT_DX, bufs, p);
    },
    conv2dBackpropFilter: ([x, dy]: readonly Info[], [dw]: readonly Info[], a: KernelAttrs['conv2dBackpropFilter']) => {
      const n = size(dw.shape);
      if (n === 0) return;
      const [, OH, OW, O] = dy.shape;
      const [KH, KW, Cg] = dw.shape;
      const Og = O / a.groups;
      const M = KH * KW * Cg, K = x.shape[0] * OH * OW;
      if (pointwise(KH, KW, a)) {
        // dw [C, O] = x^T dy, x [K, C], dy [K, O]
        gemm([mat(x, K, Cg), mat(dy, K, O)], [mat(dw, Cg, O)], { transposeA: true, transposeB: false, activation: 'linear' });
        return;
      }
      const p = params(x.shape, OH, OW, O, KH, KW, a, Cg, Og, n, [M, Og, K]);
      const bufs = [x.buf.buffer, dy.buf.buffer, dw.buf.buffer];
      const tile = tileFor(M, Og, K, a.groups);
      if (tile) runTiled(ctx, 'dw', tile, false, 'linear', bufs, p, a.groups, splitsFor(tile, M, Og, K, a.groups));
      else ctx.rt.run({ program: SPLIT_DW, buffers: bufs, params: p, groups: groups(n) });
    },
    maxPool2d: ([x]: readonly Info[], [y]: readonly Info[], a: KernelAttrs['maxPool2d']) => {
      const n = size(y.shape);
      if (n === 0) return;
      run1d(MAX_POOL, [x.buf.buffer, y.buf.buffer], poolParams(x.shape, y.shape, a, n));
    },
    maxPool2dGrad: ([x, dy]: readonly Info[], [dx]: readonly Info[], a: KernelAttrs['maxPool2dGrad']) => {
      const n = size(dx.shape);
      if (n === 0) return;
      run1d(MAX_POOL_GRAD, [x.buf.buffer, dy.buf.buffer, dx.buf.buffer], poolParams(x.shape, dy.shape, a, n));
    },
    avgPool2d: ([x]: readonly Info[], [y]: readonly Info[], a: KernelAttrs['avgPool2d']) => {
      const n = size(y.shape);
      if (n === 0) return;
      run1d(AVG_POOL, [x.buf.buffer, y.buf.buffer], poolParams(x.shape, y.shape, a, n));
    },
    avgPool2dGrad: ([dy]: readonly Info[], [dx]: readonly Info[], a: KernelAttrs['avgPool2dGrad']) => {
      const n = size(dx.shape);
      if (n === 0) return;
      run1d(AVG_POOL_GRAD, [dy.buf.buffer, dx.buf.buffer], poolParams(dx.shape, dy.shape, a, n));
    },
    // The pair as written: conv2d into a pooled buffer, then maxPool2d from it.
    conv2dMaxPool: (ins: readonly Info[], [o]: readonly Info[], a: KernelAttrs['conv2dMaxPool']) => {
      if (size(o.shape) === 0) return;
      const [x, f] = ins;
      const shape = [...convOutShape(x.shape, f.shape[0], f.shape[1], a), f.shape[3]];
      const y: Info = { shape, dtype: 'float32', buf: ctx.rt.alloc(size(shape) * 4) };
      kernels.conv2d(ins, [y], a);
      kernels.maxPool2d([y], [o], a.pool);
      ctx.rt.free(y.buf);
    },
  };
  return kernels;
}

/** Params of a pooling program: x's shape, the output's [OH, OW], the window; n elements. */
function poolParams(x: readonly number[], out: readonly number[], a: KernelAttrs['maxPool2d'], n: number): number[] {
  return params(x, out[1], out[2], x[3], a.poolSize[0], a.poolSize[1], a, 1, 1, n);
}
