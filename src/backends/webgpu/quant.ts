// The int8 kernels (QUANT of src/kernels.ts) as WGSL: the weights stay int8 in GPU memory (4 to a
// u32 word, in qpack's layout), activations are quantised per row on the device exactly as the js
// reference does (max |row| or the static range, round half to even, clamp to ±127), and the GEMM
// sums packed 4 x int8 dot products in i32 (exact), then dequantises, adds the bias and applies the
// activation in its epilogue. Keys `quant/<name>[/<variant>]`.
//
// qmatmul and qconv2d run two programs: `quant/rows` (one 64-wide workgroup per row: the row's max
// |x| by an atomic max on the float bits, then its int8 values packed 4 to a word, and its scale)
// and `quant/gemm` (each invocation a 4x4 block of the output, reading 4 words of the quantised rows
// and one vec4 of packed weight words per 4-deep k group; `quant/gemm-tiled` on hardware adapters
// stages them in shared memory). qconv2d's rows gather the patches from
// x [N, H, W, C] straight into the int8 rows (im2col's float patches are never stored).
//
// Semantics against the js reference: integer sums are exact (|sum| < 2^24 for K < 1040; beyond,
// the i32 sum is rounded once to float32, as js does); the float epilogue is the reference's order of
// float32 operations. One difference is possible on hardware GPUs: WGSL's division (the row's
// L / max and max / L) may be off by up to 2.5 ulp, so a value exactly at a rounding boundary can
// land one level away; software adapters (SwiftShader) divide exactly.
import { type FusedActivation, type KernelAttrs, convOutShape } from '../../kernels.js';
import { MATH, PARAMS, ENTRY_1D, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';
import { epilogue } from './gemm.js';
import type { GpuRuntime } from './runtime.js';

/** Activation levels: as the js reference and wasm's simd path (127). */
export const WEBGPU_INT8_LEVELS = 127;

/** Reads int8 element i of the word array `A`, sign-extended. */
const I8 = (A: string, i: string) => `(bitcast<i32>(${A}[(${i}) / 4u] << (24u - ((${i}) % 4u) * 8u)) >> 24u)`;

// ---- qpack: one invocation per output word ------------------------------------------------------
// params: p(0) words in all, p(1) K, p(2) N, p(3) k4, p(4) panel words (n8 * k4 / 4)
const QPACK = {
  key: 'quant/qpack',
  code: () => `${PARAMS}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> W: array<u32>;
@group(0) @binding(2) var<storage, read_write> Y: array<u32>;
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0u)) { return; }
  let K = p(1u); let N = p(2u); let k4 = p(3u); let panelWords = p(4u);
  if (t < panelWords) {
    let panel = t / (k4 * 2u); let rem = t % (k4 * 2u);
    let g = rem / 8u; let col = panel * 8u + rem % 8u;
    var word = 0u;
    for (var b = 0u; b < 4u; b++) {
      let k = g * 4u + b;
      if (col < N && k < K) { word = word | ((bitcast<u32>(${I8('W', 'k * N + col')}) & 0xffu) << (b * 8u)); }
    }
    Y[t] = word;
    return;
  }
  let col = t - panelWords;
  var s = 0;
  if (col < N) { for (var k = 0u; k < K; k++) { s += ${I8('W', 'k * N + col')}; } }
  Y[t] = bitcast<u32>(s);
}`,
};

// ---- im2col: one invocation per patch element ----------------------------------------------------
// params: p(0) n, p(1..4) N H W C, p(5) kh, p(6) kw, p(7) sh, p(8) sw, p(9) dh, p(10) dw, p(11) top,
// p(12) left, p(13) OH, p(14) OW
const GEOMETRY = `
fn patch_at(r: u32, k: u32) -> i32 {
  let H = p(2u); let W = p(3u); let C = p(4u); let kw = p(6u); let OH = p(13u); let OW = p(14u);
  let c = k % C; let v = (k / C) % kw; let u = k / (C * kw);
  let j = r % OW; let i = (r / OW) % OH; let n = r / (OW * OH);
  let ih = i32(i * p(7u) + u * p(9u)) - i32(p(11u));
  let iw = i32(j * p(8u) + v * p(10u)) - i32(p(12u));
  if (ih < 0 || iw < 0 || u32(ih) >= H || u32(iw) >= W) { return -1; }
  return i32(((n * H + u32(ih)) * W + u32(iw)) * C + c);
}
`;
const IM2COL = {
  key: 'quant/im2col',
  code: () => `${PARAMS}${flatIndex(WG)}${GEOMETRY}
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0u)) { return; }
  let KK = p(5u) * p(6u) * p(4u);
  let at = patch_at(t / KK, t % KK);
  Y[t] = select(0.0, X[max(at, 0)], at >= 0);
}`,
};

// ---- row quantisation: one workgroup per row -----------------------------------------------------
// params: p(0) M, p(1) words per row (k4 / 4), p(2) static range bits (0: dynamic), p(3) its
// L / range bits, p(4) its range / L bits, p(5) K; gather mode: p(1..14) as im2col's (K is kh kw C),
// then p(15) M, p(16) words per row, p(17..19) the static range as above.
const RW = 64;
function rows(gather: boolean) {
  const key = `quant/rows/${gather ? 'patches' : 'matrix'}`;
  const base = gather ? 15 : 0;
  const read = gather
    ? `fn xat(r: u32, k: u32) -> f32 { let at = patch_at(r, k); return select(0.0, X[max(at, 0)], at >= 0); }`
    : 'fn xat(r: u32, k: u32) -> f32 { return X[r * p(5u) + k]; }';
  const code = () => `${PARAMS}${MATH}${gather ? GEOMETRY : ''}
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read_write> Q: array<u32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;
var<workgroup> mx: atomic<u32>;
${read}
@compute @workgroup_size(${RW}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let r = w.y * nw.x + w.x;
  let M = p(${base}u); let words = p(${base + 1}u);
  let K = ${gather ? 'p(5u) * p(6u) * p(4u)' : 'p(5u)'};
  if (l == 0u) { atomicStore(&mx, 0u); }
  workgroupBarrier();
  let live = r < M;
  var L = f32(${WEBGPU_INT8_LEVELS});
  var m = pf(${base + 2}u); var inv = pf(${base + 3}u); var scale = pf(${base + 4}u);
  if (!(m > 0.0)) {
    // |x| as bits: for finite values and infinities their order is the values' order, and NaN's
    // bits are above them all (so a NaN row gets no scale, as in the reference).
    var b = 0u;
    if (live) { for (var k = l; k < K; k += ${RW}u) { b = max(b, bitcast<u32>(xat(r, k)) & 0x7fffffffu); } }
    atomicMax(&mx, b);
    workgroupBarrier();
    m = bitcast<f32>(atomicLoad(&mx));
    if (m > 0.0 && !is_nan(m)) { inv = L / m; scale = m / L; } else { inv = 0.0; scale = 0.0; }
  }
  if (!live) { return; }
  for (var q = l; q < words; q += ${RW}u) {
    var word = 0u;
    for (var e = 0u; e < 4u; e++) {
      let k = q * 4u + e;
      var v = 0;
      if (k < K) {
        let t = round(xat(r, k) * inv);
        if (!is_nan(t)) { v = i32(clamp(t, -L, L)); }
      }
      word = word | ((bitcast<u32>(v) & 0xffu) << (e * 8u));
    }
    Q[r * words + q] = word;
  }
  if (l == 0u) { S[r] = scale; }
}`;
  return { key, code };
}

// ---- the int8 GEMM with its epilogue --------------------------------------------------------------
// params: p(0) M, p(1) N, p(2) words per row (k4 / 4), p(3) k4, p(4) row blocks per z slice
const GT = 8;
function gemm(bias: boolean, act: FusedActivation, packedDot: boolean) {
  const key = `quant/gemm/${bias ? 'bias' : 'nobias'}-${act}/${packedDot ? 'dot4' : 'unpacked'}`;
  const dot = packedDot
    ? 'fn dot4(a: u32, b: u32) -> i32 { return dot4I8Packed(a, b); }'
    : `fn unpack(a: u32) -> vec4<i32> {
  let s = bitcast<i32>(a);
  return vec4<i32>(extractBits(s, 0u, 8u), extractBits(s, 8u, 8u), extractBits(s, 16u, 8u), extractBits(s, 24u, 8u));
}
fn dot4(a: u32, b: u32) -> i32 { return dot(unpack(a), unpack(b)); }`;
  const code = () => `${PARAMS}${act === 'linear' ? '' : MATH}
@group(0) @binding(1) var<storage, read> Q: array<u32>;
@group(0) @binding(2) var<storage, read> RS: array<f32>;
@group(0) @binding(3) var<storage, read> WP: array<vec4<u32>>;
@group(0) @binding(4) var<storage, read> CS: array<f32>;
${bias ? '@group(0) @binding(5) var<storage, read> BIAS: array<f32>;' : ''}
@group(0) @binding(${bias ? 6 : 5}) var<storage, read_write> C: array<f32>;
${dot}
@compute @workgroup_size(${GT}, ${GT}) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let M = p(0u); let N = p(1u); let words = p(2u); let k4 = p(3u);
  let m0 = (g.z * p(4u) * ${GT}u + g.y) * 4u; let n0 = g.x * 4u;
  if (m0 >= M || n0 >= N) { return; }
  // the 4 columns' words of k group q: vec4 q * 2 + (n0 % 8) / 4 of panel n0 / 8
  let bBase = (n0 / 8u) * (k4 / 2u) + (n0 % 8u) / 4u;
  let r1 = min(m0 + 1u, M - 1u); let r2 = min(m0 + 2u, M - 1u); let r3 = min(m0 + 3u, M - 1u);
  var acc0 = vec4<i32>(0); var acc1 = vec4<i32>(0); var acc2 = vec4<i32>(0); var acc3 = vec4<i32>(0);
  for (var q = 0u; q < words; q++) {
    let b = WP[bBase + q * 2u];
    let a0 = Q[m0 * words + q]; let a1 = Q[r1 * words + q]; let a2 = Q[r2 * words + q]; let a3 = Q[r3 * words + q];
    acc0 += vec4<i32>(dot4(a0, b.x), dot4(a0, b.y), dot4(a0, b.z), dot4(a0, b.w));
    acc1 += vec4<i32>(dot4(a1, b.x), dot4(a1, b.y), dot4(a1, b.z), dot4(a1, b.w));
    acc2 += vec4<i32>(dot4(a2, b.x), dot4(a2, b.y), dot4(a2, b.z), dot4(a2, b.w));
    acc3 += vec4<i32>(dot4(a3, b.x), dot4(a3, b.y), dot4(a3, b.z), dot4(a3, b.w));
  }
  let accs = array<vec4<i32>, 4>(acc0, acc1, acc2, acc3);
  for (var i = 0u; i < 4u; i++) {
    let m = m0 + i;
    if (m >= M) { break; }
    let rs = RS[m];
    for (var j = 0u; j < 4u; j++) {
      let n = n0 + j;
      if (n < N) { var r = (f32(accs[i][j]) * rs) * CS[n]; ${epilogue(bias, act, false)} C[m * N + n] = r; }
    }
  }
}`;
  return { key, code };
}

// Tiled (hardware adapters): a workgroup of 8x8 invocations computes a 32x32 block of the output,
// staging 8-word (32-deep) slices of the quantised rows ([word][row]) and of the packed weights
// ([word][4 columns] as vec4) in shared memory; each invocation keeps the same 4x4 block as above.
// Software adapters take the direct program (as the float GEMM does: a barrier there costs a
// context switch of every invocation). The sums are the same integers either way.
const TW = 8;
function gemmTiled(bias: boolean, act: FusedActivation, packedDot: boolean) {
  const key = `quant/gemm-tiled/${bias ? 'bias' : 'nobias'}-${act}/${packedDot ? 'dot4' : 'unpacked'}`;
  const direct = gemm(bias, act, packedDot).code;
  const code = () => {
    // the direct program's bindings and dot4, then its own body
    const head = direct().split('@compute')[0];
    return `${head}
var<workgroup> As: array<u32, ${TW * 4 * GT}>;
var<workgroup> Bs: array<vec4<u32>, ${TW * GT}>;
@compute @workgroup_size(${GT}, ${GT}) fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
    @builtin(local_invocation_index) li: u32) {
  let M = p(0u); let N = p(1u); let words = p(2u); let k4 = p(3u);
  let mBase = (wg.z * p(4u) + wg.y) * ${4 * GT}u; let nBase = wg.x * ${4 * GT}u;
  var acc0 = vec4<i32>(0); var acc1 = vec4<i32>(0); var acc2 = vec4<i32>(0); var acc3 = vec4<i32>(0);
  for (var q0 = 0u; q0 < words; q0 += ${TW}u) {
    // A: ${TW * 4 * GT} words, ${(TW * 4 * GT) / (GT * GT)} per invocation; element e = word * ${4 * GT} + row
    for (var e = li; e < ${TW * 4 * GT}u; e += ${GT * GT}u) {
      let row = mBase + e % ${4 * GT}u; let q = q0 + e / ${4 * GT}u;
      var v = 0u;
      if (row < M && q < words) { v = Q[row * words + q]; }
      As[e] = v;
    }
    // B: ${TW * GT} vec4s (4 columns each), one per invocation; element e = word * ${GT} + column quad
    {
      let e = li;
      let col = nBase + (e % ${GT}u) * 4u; let q = q0 + e / ${GT}u;
      var v = vec4<u32>(0u);
      if (col < N && q < words) { v = WP[(col / 8u) * (k4 / 2u) + q * 2u + (col % 8u) / 4u]; }
      Bs[e] = v;
    }
    workgroupBarrier();
    for (var w = 0u; w < ${TW}u; w++) {
      let b = Bs[w * ${GT}u + lid.x];
      let a0 = As[w * ${4 * GT}u + lid.y * 4u]; let a1 = As[w * ${4 * GT}u + lid.y * 4u + 1u];
      let a2 = As[w * ${4 * GT}u + lid.y * 4u + 2u]; let a3 = As[w * ${4 * GT}u + lid.y * 4u + 3u];
      acc0 += vec4<i32>(dot4(a0, b.x), dot4(a0, b.y), dot4(a0, b.z), dot4(a0, b.w));
      acc1 += vec4<i32>(dot4(a1, b.x), dot4(a1, b.y), dot4(a1, b.z), dot4(a1, b.w));
      acc2 += vec4<i32>(dot4(a2, b.x), dot4(a2, b.y), dot4(a2, b.z), dot4(a2, b.w));
      acc3 += vec4<i32>(dot4(a3, b.x), dot4(a3, b.y), dot4(a3, b.z), dot4(a3, b.w));
    }
    workgroupBarrier();
  }
  let m0 = mBase + lid.y * 4u; let n0 = nBase + lid.x * 4u;
  let accs = array<vec4<i32>, 4>(acc0, acc1, acc2, acc3);
  for (var i = 0u; i < 4u; i++) {
    let m = m0 + i;
    if (m >= M) { break; }
    let rs = RS[m];
    for (var j = 0u; j < 4u; j++) {
      let n = n0 + j;
      if (n < N) { var r = (f32(accs[i][j]) * rs) * CS[n]; ${epilogue(bias, act, false)} C[m * N + n] = r; }
    }
  }
}`;
  };
  return { key, code };
}

/** 'direct' or 'tiled' forces that int8 GEMM program (tests); null: tiled on hardware adapters, direct on software ones. */
let forcedGemm: 'direct' | 'tiled' | null = null;
export function setQuantGemm(v: 'direct' | 'tiled' | null): void { forcedGemm = v; }

/** Whether the adapter's WGSL has dot4I8Packed (the packed_4x8_integer_dot_product language feature). */
function hasPackedDot(rt: GpuRuntime): boolean {
  const f = (rt.gpu as { wgslLanguageFeatures?: ReadonlySet<string> } | undefined)?.wgslLanguageFeatures;
  return !!f?.has?.('packed_4x8_integer_dot_product');
}

/** The static range's three params: its bits, L / range and range / L, rounded to float32 as js does. */
function rangeParams(inputRange: number): number[] {
  const m = Math.fround(inputRange), L = WEBGPU_INT8_LEVELS;
  return m > 0 ? [f32bits(m), f32bits(L / m), f32bits(m / L)] : [0, 0, 0];
}

/** The int8 kernels; `softwareAdapter`: the adapter is CPU-emulated (the direct GEMM serves it). */
export function quantKernels(ctx: Ctx, softwareAdapter = false) {
  const packedDot = hasPackedDot(ctx.rt);
  /** Quantised rows (made by `fill`) through the GEMM into o [M, N]. */
  const run = (M: number, K: number, wp: Info, cs: Info, bias: Info | undefined, o: Info, act: FusedActivation,
    fill: (q: GPUBuffer, s: GPUBuffer, words: number) => void) => {
    const N = cs.shape[0];
    if (M * N === 0) return;
    const k4 = Math.ceil(K / 4) * 4, words = k4 / 4;
    const q = ctx.rt.alloc(Math.max(M * words * 4, 4)), s = ctx.rt.alloc(M * 4);
    fill(q.buffer, s.buffer, words);
    const buffers = [q.buffer, s.buffer, wp.buf.buffer, cs.buf.buffer, ...(bias ? [bias.buf.buffer] : []), o.buf.buffer];
    if ((forcedGemm ?? (softwareAdapter ? 'direct' : 'tiled')) === 'tiled') {
      const tiles = Math.ceil(M / (4 * GT)), perZ = Math.min(tiles, 65535);
      ctx.rt.run({
        program: gemmTiled(!!bias, act, packedDot), buffers, params: [M, N, words, k4, perZ],
        groups: [Math.ceil(N / (4 * GT)), perZ, Math.ceil(tiles / perZ)],
      });
    } else {
      const rowBlocks = Math.ceil(M / 4 / GT), perZ = Math.min(rowBlocks, 65535);
      ctx.rt.run({
        program: gemm(!!bias, act, packedDot), buffers, params: [M, N, words, k4, perZ],
        groups: [Math.ceil(N / 4 / GT), perZ, Math.ceil(rowBlocks / perZ)],
      });
    }
    ctx.rt.free(q);
    ctx.rt.free(s);
  };
  /** Workgroup counts for one workgroup per row (x then y, the shader rebuilds the row). */
  const perRow = (M: number): [number, number, number] => {
    const x = Math.min(M, 65535);
    return [Math.max(1, x), Math.max(1, Math.ceil(M / 65535)), 1];
  };
  const geometry = (x: Info, a: KernelAttrs['im2col']) => {
    const [kh, kw] = a.kernelSize;
    const [, oh, ow] = convOutShape(x.shape, kh, kw, a);
    return { oh, ow, p: [...x.shape, kh, kw, a.strides[0], a.strides[1], a.dilations[0], a.dilations[1], a.pads[0], a.pads[2], oh, ow] };
  };
  return {
    qpack: ([w]: readonly Info[], [o]: readonly Info[], { k, n }: KernelAttrs['qpack']) => {
      const k4 = Math.ceil(k / 4) * 4, n8 = Math.ceil(n / 8) * 8;
      const panelWords = (n8 * k4) / 4, total = panelWords + n8;
      ctx.rt.run({ program: QPACK, buffers: [w.buf.buffer, o.buf.buffer], params: [total, k, n, k4, panelWords], groups: ctx.groups(total) });
    },
    qmatmul: ([x, wp, cs, bias]: readonly Info[], [o]: readonly Info[], { activation, inputRange }: KernelAttrs['qmatmul']) => {
      const [M, K] = x.shape;
      run(M, K, wp, cs, bias, o, activation, (q, s, words) => ctx.rt.run({
        program: rows(false), buffers: [x.buf.buffer, q, s], params: [M, words, ...rangeParams(inputRange), K], groups: perRow(M),
      }));
    },
    im2col: ([x]: readonly Info[], [o]: readonly Info[], a: KernelAttrs['im2col']) => {
      const n = o.shape[0] * o.shape[1];
      if (n === 0) return;
      ctx.rt.run({ program: IM2COL, buffers: [x.buf.buffer, o.buf.buffer], params: [n, ...geometry(x, a).p], groups: ctx.groups(n) });
    },
    qconv2d: ([x, wp, cs, bias]: readonly Info[], [o]: readonly Info[], a: KernelAttrs['qconv2d']) => {
      const { oh, ow, p } = geometry(x, a);
      const M = x.shape[0] * oh * ow, K = a.kernelSize[0] * a.kernelSize[1] * x.shape[3];
      run(M, K, wp, cs, bias, o, a.activation, (q, s, words) => ctx.rt.run({
        program: rows(true), buffers: [x.buf.buffer, q, s], params: [0, ...p, M, words, ...rangeParams(a.inputRange)], groups: perRow(M),
      }));
    },
  };
}
