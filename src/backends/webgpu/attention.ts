// The attention family (src/kernels.ts: KernelAttrs.attention, layerNorm and their gradients) as
// WGSL programs, same semantics as js.ts and assembly/attention.ts.
//
// attention: one 64-wide workgroup per query row (b, i); the row's visible keys (causal rows stop at
// their last one) go by blocks of 64, one key per invocation: its score scale·q_i·k_j (-Infinity
// where masked) into workgroup memory, the block's max read back by every invocation, then online
// softmax (flash attention's running max m and sum l, the accumulators rescaled by exp(m - m')),
// the probabilities in workgroup memory and each invocation accumulating Σ p_j v_j for its columns
// of Dv (c = l, l + 64, ...: NC per invocation, a compile-time count). Writes out and
// lse = m + log l; a row with no allowed key gets the mean of v's rows and lse -Infinity.
// attentionGrad recomputes p_ij = exp(s_ij - lse_i) from the forward's lse, in two programs (WGSL
// has no float atomics, so each output is summed by the one workgroup that owns it):
//   rows: lse_i and dy_i·out_i per query row into a scratch buffer (one buffer for both: the dkv
//       program then binds 8 storage buffers, WebGPU's default limit);
//   dq: a workgroup per query row, as the forward: ds_j = scale·p_j·(dy_i·v_j - dy_i·out_i) per key,
//       dq_i = Σ ds_j k_j;
//   dkv: a workgroup per key row (b, j), an invocation per query row: p_ij and ds_ij, then
//       dk_j = Σ_i ds_ij q_i and dv_j = Σ_i p_ij dy_i (a row without allowed keys adds dy_i / Tk).
// layerNorm and the dx of layerNormGrad: a row per invocation (C <= 64) or per 64-wide workgroup
// (row sums in workgroup memory), as softmax.ts; dgamma and dbeta: a column per invocation or per
// workgroup, summing over the rows.
// Keys `attn/<fwd|dq|dkv>/<masked>/<NC>`, `attn/rows`, `ln/<fwd|dx>/<W>`, `ln/dgb/<W>`.
import type { KernelAttrs } from '../../kernels.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';
import { groups } from './runtime.js';

/** Invocations of the attention programs' workgroups: keys (or query rows) per block. */
const AW = 64;

// Param words of the attention programs.
const ROWS = 'p(0u)', TQ = 'p(1u)', TK = 'p(2u)', D = 'p(3u)', DV = 'p(4u)', MSTRIDE = 'p(5u)', SCALE = 'pf(6u)', CAUSAL = 'p(7u)';

/** The workgroup's row from a 2-D split of the workgroup count (runtime.ts groups()). */
const WG_ENTRY = (w: number) => `@compute @workgroup_size(${w}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let row = (w.z * n.y + w.y) * n.x + w.x;`;

/** WGSL shared by the attention programs: -Infinity tests on bits, a mask value's "attend" test, visibility. */
const ATTN_COMMON = /* wgsl */ `
fn is_ninf(v: f32) -> bool { return bitcast<u32>(v) == 0xff800000u; }
// nonzero (NaN included, -0 not) attends, as js's mask !== 0
fn attends(m: f32) -> bool { return (bitcast<u32>(m) & 0x7fffffffu) != 0u; }
// keys row i may see: all Tk, or up to i + Tk - Tq when causal (none: 0)
fn visible(i: u32) -> u32 {
  if (${CAUSAL} == 0u) { return ${TK}; }
  return u32(clamp(i32(i) + i32(${TK}) - i32(${TQ}) + 1, 0, i32(${TK})));
}
`;

/** The score scale·q_i·k_j (q row offset qo, k row offset ko), D products. */
const DOT = (a: string, ao: string, b: string, bo: string, n: string) =>
  `{ var acc = 0.0; for (var d = 0u; d < ${n}; d++) { acc += ${a}[${ao} + d] * ${b}[${bo} + d]; } dot = acc; }`;

function forward(masked: boolean, nc: number) {
  const key = `attn/fwd/${+masked}/${nc}`;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
${masked ? '@group(0) @binding(4) var<storage, read> M: array<f32>;' : ''}
@group(0) @binding(${masked ? 5 : 4}) var<storage, read_write> O: array<f32>;
@group(0) @binding(${masked ? 6 : 5}) var<storage, read_write> L: array<f32>;
var<workgroup> S: array<f32, ${AW}>;
var<workgroup> PS: array<f32, ${AW}>;
${WG_ENTRY(AW)}
  if (row >= ${ROWS}) { return; }
  let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / ${TQ}; let i = row % ${TQ};
  let nvis = visible(i);
  let qo = row * Dh; let kb = b * Tk * Dh; let vb = b * Tk * Dv;
  let mo = b * ${MSTRIDE} + i * Tk;
  var m = -inf_f();
  var lsum = 0.0;
  var acc: array<f32, ${nc}>;
  for (var j0 = 0u; j0 < nvis; j0 += ${AW}u) {
    let j = j0 + l;
    var s = -inf_f();
    if (j < nvis${masked ? ' && attends(M[mo + j])' : ''}) {
      var dot = 0.0;
      ${DOT('Q', 'qo', 'K', 'kb + j * Dh', 'Dh')}
      s = dot * ${SCALE};
    }
    S[l] = s;
    workgroupBarrier();
    let cnt = min(${AW}u, nvis - j0);
    var bm = -inf_f();
    for (var t = 0u; t < cnt; t++) { bm = max(bm, S[t]); }
    let mn = max(m, bm);
    var pj = 0.0;
    if (!is_ninf(s)) { pj = exp(s - mn); }
    PS[l] = pj;
    workgroupBarrier();
    if (!is_ninf(mn)) {
      // m -Infinity: nothing was added yet (lsum and acc are 0)
      let corr = select(exp(m - mn), 0.0, is_ninf(m));
      lsum *= corr;
      for (var k = 0u; k < ${nc}u; k++) { acc[k] *= corr; }
      for (var t = 0u; t < cnt; t++) {
        let pt = PS[t];
        lsum += pt;
        let vr = vb + (j0 + t) * Dv;
        for (var k = 0u; k < ${nc}u; k++) {
          let c = l + k * ${AW}u;
          if (c < Dv) { acc[k] += pt * V[vr + c]; }
        }
      }
      m = mn;
    }
  }
  let oo = row * Dv;
  if (is_ninf(m)) {
    // no allowed key: uniform over every key (Keras' -1e9 scores)
    let inv = 1.0 / f32(Tk);
    for (var k = 0u; k < ${nc}u; k++) {
      let c = l + k * ${AW}u;
      if (c < Dv) {
        var sum = 0.0;
        for (var j = 0u; j < Tk; j++) { sum += V[vb + j * Dv + c]; }
        O[oo + c] = sum * inv;
      }
    }
    if (l == 0u) { L[row] = m; }
    return;
  }
  let inv = 1.0 / lsum;
  for (var k = 0u; k < ${nc}u; k++) {
    let c = l + k * ${AW}u;
    if (c < Dv) { O[oo + c] = acc[k] * inv; }
  }
  if (l == 0u) { L[row] = m + log(lsum); }
}`;
  return { key, code };
}

/**
 * The backward's row facts: LD[2·row] = lse, LD[2·row + 1] = dy_i·out_i, an invocation per query
 * row (one buffer for both keeps the dkv program within WebGPU's default 8 storage buffers).
 */
const ROW_FACTS = {
  key: 'attn/rows',
  code: () => `${PARAMS}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> O: array<f32>;
@group(0) @binding(2) var<storage, read> L: array<f32>;
@group(0) @binding(3) var<storage, read> DY: array<f32>;
@group(0) @binding(4) var<storage, read_write> LD: array<f32>;
${ENTRY_1D(WG)} {
  let row = flat(gid, nwg);
  if (row >= ${ROWS}) { return; }
  let Dv = ${DV};
  let yo = row * Dv;
  var di = 0.0;
  for (var c = 0u; c < Dv; c++) { di += DY[yo + c] * O[yo + c]; }
  LD[2u * row] = L[row];
  LD[2u * row + 1u] = di;
}`,
};

/** The backward's inputs in binding order: Q K V DY (M) LD, then the program's outputs. */
const GRAD_INPUTS = (masked: boolean) => `
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read> DY: array<f32>;
${masked ? '@group(0) @binding(5) var<storage, read> M: array<f32>;' : ''}
@group(0) @binding(${masked ? 6 : 5}) var<storage, read> LD: array<f32>;`;

/** dq, a workgroup per query row. */
function gradQ(masked: boolean, nc: number) {
  const key = `attn/dq/${+masked}/${nc}`;
  const o = masked ? 7 : 6;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}${GRAD_INPUTS(masked)}
@group(0) @binding(${o}) var<storage, read_write> DQ: array<f32>;
var<workgroup> DS: array<f32, ${AW}>;
${WG_ENTRY(AW)}
  if (row >= ${ROWS}) { return; }
  let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / ${TQ}; let i = row % ${TQ};
  let nvis = visible(i);
  let qo = row * Dh; let kb = b * Tk * Dh; let vb = b * Tk * Dv; let yo = row * Dv;
  let mo = b * ${MSTRIDE} + i * Tk;
  let lse = LD[2u * row];
  let di = LD[2u * row + 1u];
  // a row without allowed keys (lse -Infinity) gives its scores no gradient
  let live = !is_ninf(lse);
  var acc: array<f32, ${nc}>;
  for (var j0 = 0u; j0 < nvis; j0 += ${AW}u) {
    let j = j0 + l;
    var ds = 0.0;
    if (live && j < nvis${masked ? ' && attends(M[mo + j])' : ''}) {
      var dot = 0.0;
      ${DOT('Q', 'qo', 'K', 'kb + j * Dh', 'Dh')}
      let pr = exp(dot * ${SCALE} - lse);
      ${DOT('DY', 'yo', 'V', 'vb + j * Dv', 'Dv')}
      ds = ${SCALE} * pr * (dot - di);
    }
    DS[l] = ds;
    workgroupBarrier();
    let cnt = min(${AW}u, nvis - j0);
    for (var t = 0u; t < cnt; t++) {
      let dt = DS[t];
      let kr = kb + (j0 + t) * Dh;
      for (var k = 0u; k < ${nc}u; k++) {
        let c = l + k * ${AW}u;
        if (c < Dh) { acc[k] += dt * K[kr + c]; }
      }
    }
    workgroupBarrier();
  }
  for (var k = 0u; k < ${nc}u; k++) {
    let c = l + k * ${AW}u;
    if (c < Dh) { DQ[qo + c] = acc[k]; }
  }
}`;
  return { key, code };
}

/** dk and dv, a workgroup per key row (b, j), an invocation per query row. p(0) is B·Tk here. */
function gradKV(masked: boolean, nc: number) {
  const key = `attn/dkv/${+masked}/${nc}`;
  const o = masked ? 7 : 6;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}${GRAD_INPUTS(masked)}
@group(0) @binding(${o}) var<storage, read_write> DK: array<f32>;
@group(0) @binding(${o + 1}) var<storage, read_write> DVO: array<f32>;
var<workgroup> PS: array<f32, ${AW}>;
var<workgroup> DS: array<f32, ${AW}>;
${WG_ENTRY(AW)}
  if (row >= ${ROWS}) { return; }
  let Tq = ${TQ}; let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / Tk; let j = row % Tk;
  let ko = row * Dh; let vo = row * Dv;
  // the first query row that may see key j: causal rows before it see none of it, and (Tq <= Tk,
  // no mask) none of them is a row without keys, whose uniform weights reach every key
  var i0 = 0u;
  if (${CAUSAL} != 0u && ${masked ? 'false' : 'true'} && Tq <= Tk) { i0 = u32(max(0, i32(j) + i32(Tq) - i32(Tk))); }
  let inv = 1.0 / f32(Tk);
  var ak: array<f32, ${nc}>;
  var av: array<f32, ${nc}>;
  for (var r0 = i0; r0 < Tq; r0 += ${AW}u) {
    let i = r0 + l;
    var pr = 0.0;
    var ds = 0.0;
    if (i < Tq) {
      let qr = b * Tq + i;
      let lse = LD[2u * qr];
      if (is_ninf(lse)) {
        pr = inv;
      } else if (j < visible(i)${masked ? ' && attends(M[b * ' + MSTRIDE + ' + i * Tk + j])' : ''}) {
        var dot = 0.0;
        ${DOT('Q', 'qr * Dh', 'K', 'ko', 'Dh')}
        pr = exp(dot * ${SCALE} - lse);
        ${DOT('DY', 'qr * Dv', 'V', 'vo', 'Dv')}
        ds = ${SCALE} * pr * (dot - LD[2u * qr + 1u]);
      }
    }
    PS[l] = pr;
    DS[l] = ds;
    workgroupBarrier();
    let cnt = min(${AW}u, Tq - r0);
    for (var t = 0u; t < cnt; t++) {
      let pt = PS[t]; let dt = DS[t];
      let qr = b * Tq + r0 + t;
      for (var k = 0u; k < ${nc}u; k++) {
        let c = l + k * ${AW}u;
        if (c < Dh) { ak[k] += dt * Q[qr * Dh + c]; }
        if (c < Dv) { av[k] += pt * DY[qr * Dv + c]; }
      }
    }
    workgroupBarrier();
  }
  for (var k = 0u; k < ${nc}u; k++) {
    let c = l + k * ${AW}u;
    if (c < Dh) { DK[ko + c] = ak[k]; }
    if (c < Dv) { DVO[vo + c] = av[k]; }
  }
}`;
  return { key, code };
}

// ---- the barrier-free variant: one invocation per query row (forward, dq) or key row (dkv) ---------
// Each invocation keeps its row's accumulators in a private array (N floats, N = max(D, Dv) rounded
// up to 16) and walks the keys (or query rows) alone, with the online softmax in registers. Software
// adapters (SwiftShader) run it far faster than the 64-wide workgroups, whose barriers they emulate;
// the neighbouring invocations of a workgroup read the same key (query) rows, so loads are shared.

function forwardLanes(masked: boolean, N: number) {
  const key = `attn/fwd-lanes/${+masked}/${N}`;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
${masked ? '@group(0) @binding(4) var<storage, read> M: array<f32>;' : ''}
@group(0) @binding(${masked ? 5 : 4}) var<storage, read_write> O: array<f32>;
@group(0) @binding(${masked ? 6 : 5}) var<storage, read_write> L: array<f32>;
${ENTRY_1D(WG)} {
  let row = flat(gid, nwg);
  if (row >= ${ROWS}) { return; }
  let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / ${TQ}; let i = row % ${TQ};
  let nvis = visible(i);
  let qo = row * Dh; let kb = b * Tk * Dh; let vb = b * Tk * Dv;
  let mo = b * ${MSTRIDE} + i * Tk;
  var m = -inf_f();
  var lsum = 0.0;
  var acc: array<f32, ${N}>;
  for (var j = 0u; j < nvis; j++) {
    ${masked ? 'if (!attends(M[mo + j])) { continue; }' : ''}
    var dot = 0.0;
    ${DOT('Q', 'qo', 'K', 'kb + j * Dh', 'Dh')}
    let s = dot * ${SCALE};
    let vr = vb + j * Dv;
    if (s > m) {
      let corr = select(exp(m - s), 0.0, is_ninf(m));
      lsum = lsum * corr + 1.0;
      for (var c = 0u; c < Dv; c++) { acc[c] = acc[c] * corr + V[vr + c]; }
      m = s;
    } else {
      let pj = exp(s - m);
      lsum += pj;
      for (var c = 0u; c < Dv; c++) { acc[c] += pj * V[vr + c]; }
    }
  }
  let oo = row * Dv;
  if (is_ninf(m)) {
    let inv = 1.0 / f32(Tk);
    for (var c = 0u; c < Dv; c++) {
      var sum = 0.0;
      for (var j = 0u; j < Tk; j++) { sum += V[vb + j * Dv + c]; }
      O[oo + c] = sum * inv;
    }
    L[row] = m;
    return;
  }
  let inv = 1.0 / lsum;
  for (var c = 0u; c < Dv; c++) { O[oo + c] = acc[c] * inv; }
  L[row] = m + log(lsum);
}`;
  return { key, code };
}

function gradQLanes(masked: boolean, N: number) {
  const key = `attn/dq-lanes/${+masked}/${N}`;
  const o = masked ? 7 : 6;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}${flatIndex(WG)}${GRAD_INPUTS(masked)}
@group(0) @binding(${o}) var<storage, read_write> DQ: array<f32>;
${ENTRY_1D(WG)} {
  let row = flat(gid, nwg);
  if (row >= ${ROWS}) { return; }
  let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / ${TQ}; let i = row % ${TQ};
  let qo = row * Dh; let kb = b * Tk * Dh; let vb = b * Tk * Dv; let yo = row * Dv;
  let mo = b * ${MSTRIDE} + i * Tk;
  let lse = LD[2u * row];
  let di = LD[2u * row + 1u];
  var acc: array<f32, ${N}>;
  // a row without allowed keys (lse -Infinity) gives its scores no gradient
  var nvis = visible(i);
  if (is_ninf(lse)) { nvis = 0u; }
  for (var j = 0u; j < nvis; j++) {
    ${masked ? 'if (!attends(M[mo + j])) { continue; }' : ''}
    var dot = 0.0;
    ${DOT('Q', 'qo', 'K', 'kb + j * Dh', 'Dh')}
    let pr = exp(dot * ${SCALE} - lse);
    ${DOT('DY', 'yo', 'V', 'vb + j * Dv', 'Dv')}
    let ds = ${SCALE} * pr * (dot - di);
    let kr = kb + j * Dh;
    for (var c = 0u; c < Dh; c++) { acc[c] += ds * K[kr + c]; }
  }
  for (var c = 0u; c < Dh; c++) { DQ[qo + c] = acc[c]; }
}`;
  return { key, code };
}

function gradKVLanes(masked: boolean, N: number) {
  const key = `attn/dkv-lanes/${+masked}/${N}`;
  const o = masked ? 7 : 6;
  const code = () => `${PARAMS}${MATH}${ATTN_COMMON}${flatIndex(WG)}${GRAD_INPUTS(masked)}
@group(0) @binding(${o}) var<storage, read_write> DK: array<f32>;
@group(0) @binding(${o + 1}) var<storage, read_write> DVO: array<f32>;
${ENTRY_1D(WG)} {
  let row = flat(gid, nwg);
  if (row >= ${ROWS}) { return; }
  let Tq = ${TQ}; let Tk = ${TK}; let Dh = ${D}; let Dv = ${DV};
  let b = row / Tk; let j = row % Tk;
  let ko = row * Dh; let vo = row * Dv;
  var i0 = 0u;
  if (${CAUSAL} != 0u && ${masked ? 'false' : 'true'} && Tq <= Tk) { i0 = u32(max(0, i32(j) + i32(Tq) - i32(Tk))); }
  let inv = 1.0 / f32(Tk);
  var ak: array<f32, ${N}>;
  var av: array<f32, ${N}>;
  for (var i = i0; i < Tq; i++) {
    let qr = b * Tq + i;
    let lse = LD[2u * qr];
    if (is_ninf(lse)) {
      for (var c = 0u; c < Dv; c++) { av[c] += inv * DY[qr * Dv + c]; }
      continue;
    }
    if (j >= visible(i)) { continue; }
    ${masked ? `if (!attends(M[b * ${MSTRIDE} + i * Tk + j])) { continue; }` : ''}
    var dot = 0.0;
    ${DOT('Q', 'qr * Dh', 'K', 'ko', 'Dh')}
    let pr = exp(dot * ${SCALE} - lse);
    ${DOT('DY', 'qr * Dv', 'V', 'vo', 'Dv')}
    let ds = ${SCALE} * pr * (dot - LD[2u * qr + 1u]);
    for (var c = 0u; c < Dh; c++) { ak[c] += ds * Q[qr * Dh + c]; }
    for (var c = 0u; c < Dv; c++) { av[c] += pr * DY[qr * Dv + c]; }
  }
  for (var c = 0u; c < Dh; c++) { DK[ko + c] = ak[c]; }
  for (var c = 0u; c < Dv; c++) { DVO[vo + c] = av[c]; }
}`;
  return { key, code };
}

/** Accumulator floats per invocation of the lanes variant: max(D, Dv) rounded up to 16. */
const laneFloats = (n: number) => Math.max(16, Math.ceil(n / 16) * 16);
/** Up to this head size the lanes variant may run (its private arrays grow with it). */
const LANES_MAX = 256;

/** Which attention programs run: 'lanes' (barrier-free), 'workgroup', or null (lanes on software adapters). */
let forcedPath: 'lanes' | 'workgroup' | null = null;
let preferLanes = false;
/** Forces a variant (tests cover both on one adapter); null restores the choice by adapter. */
export function setAttentionPath(path: 'lanes' | 'workgroup' | null): void { forcedPath = path; }
/** Set by the backend: software (fallback) adapters prefer the lanes variant. */
export function setPreferLanes(on: boolean): void { preferLanes = on; }
const useLanes = (D: number, Dv: number) => (forcedPath ?? (preferLanes ? 'lanes' : 'workgroup')) === 'lanes' && Math.max(D, Dv) <= LANES_MAX;

// ---- layer norm -----------------------------------------------------------------------------

/** Sums over a W-wide workgroup through workgroup memory (identity when W = 1). */
function reducer(W: number): string {
  if (W === 1) return 'fn reduce_sum(v: f32, l: u32) -> f32 { return v; }';
  return `var<workgroup> sh: array<f32, ${W}>;
fn reduce_sum(v: f32, l: u32) -> f32 {
  workgroupBarrier();
  sh[l] = v;
  workgroupBarrier();
  for (var s = ${W / 2}u; s > 0u; s = s >> 1u) { if (l < s) { sh[l] = sh[l] + sh[l + s]; } workgroupBarrier(); }
  return sh[0];
}`;
}

/** The entry of a program over p(0) items: a workgroup each (W > 1) or an invocation each. */
function itemEntry(W: number, name: string): string {
  return W > 1
    ? `${WG_ENTRY(W).replace('let row =', `let ${name} =`)}`
    : `@compute @workgroup_size(${WG}) fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let ${name} = flat(gid, nwg);
  let l = 0u;`;
}

/** layerNorm (fwd) or the dx of layerNormGrad (dx) over rows of C; params p(0) rows, p(1) C, pf(2) epsilon. */
function layerNormRows(kind: 'fwd' | 'dx', W: number) {
  const key = `ln/${kind}/${W}`;
  const io = kind === 'fwd'
    ? `@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> G: array<f32>;
@group(0) @binding(3) var<storage, read> BT: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;
@group(0) @binding(5) var<storage, read_write> MEAN: array<f32>;
@group(0) @binding(6) var<storage, read_write> RSTD: array<f32>;`
    : `@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> G: array<f32>;
@group(0) @binding(3) var<storage, read> MEAN: array<f32>;
@group(0) @binding(4) var<storage, read> RSTD: array<f32>;
@group(0) @binding(5) var<storage, read> DY: array<f32>;
@group(0) @binding(6) var<storage, read_write> DX: array<f32>;`;
  const body = kind === 'fwd' ? `
  var s = 0.0;
  for (var c = l; c < C; c += ${W}u) { s += X[b + c]; }
  s = reduce_sum(s, l);
  let m = s / f32(C);
  var v = 0.0;
  for (var c = l; c < C; c += ${W}u) { let d = X[b + c] - m; v += d * d; }
  v = reduce_sum(v, l);
  let rs = 1.0 / sqrt(v / f32(C) + pf(2u));
  for (var c = l; c < C; c += ${W}u) { Y[b + c] = (X[b + c] - m) * rs * G[c] + BT[c]; }
  if (l == 0u) { MEAN[row] = m; RSTD[row] = rs; }` : `
  let m = MEAN[row]; let rs = RSTD[row];
  var s1 = 0.0;
  var s2 = 0.0;
  for (var c = l; c < C; c += ${W}u) {
    let gy = DY[b + c] * G[c];
    s1 += gy;
    s2 += gy * (X[b + c] - m) * rs;
  }
  s1 = reduce_sum(s1, l) / f32(C);
  s2 = reduce_sum(s2, l) / f32(C);
  for (var c = l; c < C; c += ${W}u) {
    let xh = (X[b + c] - m) * rs;
    DX[b + c] = rs * (DY[b + c] * G[c] - s1 - xh * s2);
  }`;
  const code = () => `${PARAMS}${flatIndex(WG)}
${io}
${reducer(W)}
${itemEntry(W, 'row')}
  if (row >= p(0u)) { return; }
  let C = p(1u);
  let b = row * C;
${body}
}`;
  return { key, code };
}

/** dgamma and dbeta of layerNormGrad: a column each, summed over p(1) rows; params p(0) C. */
function layerNormColumns(W: number) {
  const key = `ln/dgb/${W}`;
  const code = () => `${PARAMS}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> MEAN: array<f32>;
@group(0) @binding(3) var<storage, read> RSTD: array<f32>;
@group(0) @binding(4) var<storage, read> DY: array<f32>;
@group(0) @binding(5) var<storage, read_write> DG: array<f32>;
@group(0) @binding(6) var<storage, read_write> DB: array<f32>;
${reducer(W)}
${itemEntry(W, 'col')}
  if (col >= p(0u)) { return; }
  let C = p(0u);
  var g = 0.0;
  var s = 0.0;
  for (var r = l; r < p(1u); r += ${W}u) {
    let d = DY[r * C + col];
    g += d * (X[r * C + col] - MEAN[r]) * RSTD[r];
    s += d;
  }
  g = reduce_sum(g, l);
  s = reduce_sum(s, l);
  if (l == 0u) { DG[col] = g; DB[col] = s; }
}`;
  return { key, code };
}

/** Columns per invocation for head sizes up to `n` (at least 1). */
const columns = (n: number) => Math.max(1, Math.ceil(n / AW));

export function attentionKernels(ctx: Ctx) {
  const { rt } = ctx;
  const attnParams = (q: Info, k: Info, v: Info, mask: Info | undefined, rows: number, { scale, causal }: KernelAttrs['attention']) => {
    const [, Tq, Dh] = q.shape, Tk = k.shape[1], Dv = v.shape[2];
    const mStride = mask && mask.shape[0] !== 1 ? Tq * Tk : 0;
    return [rows, Tq, Tk, Dh, Dv, mStride, f32bits(scale), causal ? 1 : 0];
  };
  return {
    attention: ([q, k, v, mask]: readonly Info[], [o, lse]: readonly Info[], attrs: KernelAttrs['attention']) => {
      const [B, Tq] = q.shape, Dv = v.shape[2];
      const rows = B * Tq;
      if (rows === 0) return;
      const masked = mask !== undefined;
      const lanes = useLanes(q.shape[2], Dv);
      rt.run({
        program: lanes ? forwardLanes(masked, laneFloats(Dv)) : forward(masked, columns(Dv)),
        buffers: [q, k, v, ...(masked ? [mask] : []), o, lse].map((t) => t.buf.buffer),
        params: attnParams(q, k, v, mask, rows, attrs),
        groups: lanes ? ctx.groups(rows) : groups(rows),
      });
    },
    attentionGrad: ([q, k, v, out, lse, dy, mask]: readonly Info[], [dq, dk, dv]: readonly Info[], attrs: KernelAttrs['attentionGrad']) => {
      const [B, Tq, Dh] = q.shape, Tk = k.shape[1], Dv = v.shape[2];
      const masked = mask !== undefined;
      const rows = B * Tq, keys = B * Tk;
      const lanes = useLanes(Dh, Dv);
      // lse and dy_i·out_i per query row, read by both programs
      const ld = rt.alloc(Math.max(8, rows * 8));
      try {
        const ins = [q, k, v, dy, ...(masked ? [mask] : [])].map((t) => t.buf.buffer);
        ins.push(ld.buffer);
        if (rows > 0) {
          rt.run({ program: ROW_FACTS, buffers: [out, lse, dy].map((t) => t.buf.buffer).concat(ld.buffer), params: attnParams(q, k, v, mask, rows, attrs), groups: ctx.groups(rows) });
          rt.run({
            program: lanes ? gradQLanes(masked, laneFloats(Dh)) : gradQ(masked, columns(Dh)), buffers: [...ins, dq.buf.buffer],
            params: attnParams(q, k, v, mask, rows, attrs), groups: lanes ? ctx.groups(rows) : groups(rows),
          });
        }
        if (keys > 0) {
          rt.run({
            program: lanes ? gradKVLanes(masked, laneFloats(Math.max(Dh, Dv))) : gradKV(masked, columns(Math.max(Dh, Dv))),
            buffers: [...ins, dk.buf.buffer, dv.buf.buffer], params: attnParams(q, k, v, mask, keys, attrs), groups: lanes ? ctx.groups(keys) : groups(keys),
          });
        }
      } finally {
        rt.free(ld);
      }
    },
    layerNorm: ([x, g, beta]: readonly Info[], [y, mean, rstd]: readonly Info[], { epsilon }: KernelAttrs['layerNorm']) => {
      const [rows, C] = x.shape;
      if (rows === 0) return;
      const W = C > 64 ? 64 : 1;
      rt.run({
        program: layerNormRows('fwd', W), buffers: [x, g, beta, y, mean, rstd].map((t) => t.buf.buffer),
        params: [rows, C, f32bits(epsilon)], groups: W > 1 ? groups(rows) : ctx.groups(rows),
      });
    },
    layerNormGrad: ([x, g, mean, rstd, dy]: readonly Info[], [dx, dg, db]: readonly Info[]) => {
      const [rows, C] = x.shape;
      if (C === 0) return;
      const W = C > 64 ? 64 : 1;
      if (rows > 0) {
        rt.run({
          program: layerNormRows('dx', W), buffers: [x, g, mean, rstd, dy, dx].map((t) => t.buf.buffer),
          params: [rows, C], groups: W > 1 ? groups(rows) : ctx.groups(rows),
        });
      }
      // NOTE: runs with no rows too: dgamma and dbeta are then zeros, and the pooled buffers are not
      const Wc = rows > 64 ? 64 : 1;
      rt.run({
        program: layerNormColumns(Wc), buffers: [x, mean, rstd, dy, dg, db].map((t) => t.buf.buffer),
        params: [C, rows], groups: Wc > 1 ? groups(C) : ctx.groups(C),
      });
    },
  };
}
