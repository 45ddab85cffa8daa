// Matmul and fusedMatmul programs on [B, M, K]-style operands: a shared-memory tiled GEMM for NN,
// NT, TN (and TT), a barrier-free direct GEMM (chosen on software adapters), and a split-K path
// for skinny shapes. Every path applies fusedMatmul's bias + activation epilogue in registers.
//
// Tiled: a workgroup of TX x TY invocations computes a (4*TY) x (4*TX) tile of C; each invocation
// keeps a 4x4 register tile (four vec4 accumulators) and the workgroup stages BK-deep slices of A
// and B in shared memory as vec4 rows ([k][m/4] and [k][n/4]), so the inner loop is two shared
// vec4 reads and four vec4 FMAs per k. Global loads are vec4 along an operand's contiguous
// dimension when it is a multiple of 4 (else scalar), and bounds checks are compiled out when
// M, N and K are multiples of the tile. Key: `gemm/<tA><tB>/<TX>x<TY>x<BK>/<vecA><vecB><vecC>/<fit>`.
//
// Tile sizes: 16x16 invocations (64x64 C tile, BK 16) for large shapes: 256 invocations is the
// WebGPU default limit, 64x64x16 vec4 tiles use 8 KiB of the 16 KiB shared-memory minimum, and each
// loaded element is reused 64 times (as in tfjs-webgpu's 4x4-per-thread matmul). 8x8 invocations
// (32x32 tile) when the output has few tiles, so small problems still spread over many workgroups.
//
// Split-K: when the output is small and K large (a batch-1 dense layer, M or N tiny), a 64-wide
// workgroup computes one output, striding over K and summing in shared memory.
import { type FusedActivation, type KernelAttrs, matmulDims } from '../../kernels.js';
import { MATH, PARAMS } from './wgsl.js';
import type { Ctx, Info } from './ctx.js';
import { groups } from './runtime.js';

export interface GemmConfig { tx: number; ty: number; bk: number }

interface Variant {
  tA: boolean; tB: boolean; cfg: GemmConfig;
  vecA: boolean; vecB: boolean; vecC: boolean; fit: boolean;
  /** fusedMatmul's epilogue: a bias [N] and an activation. */
  bias: boolean; act: FusedActivation;
}

const ACT: Record<FusedActivation, string> = { linear: '', relu: 'relu_f', gelu: 'gelu_f', sigmoid: 'sigmoid_f', tanh: 'tanh_f' };

/** WGSL for the epilogue on scalar `r` at column n, or on vec4 `r` at columns n..n+3 (conv.ts shares it). */
export function epilogue(bias: boolean, act: FusedActivation, vec: boolean): string {
  const f = ACT[act];
  const b = bias ? (vec ? 'r += BIAS[n / 4u];' : 'r += BIAS[n];') : '';
  const a = f ? (vec ? `r = vec4<f32>(${f}(r.x), ${f}(r.y), ${f}(r.z), ${f}(r.w));` : `r = ${f}(r);`) : '';
  return `${b} ${a}`;
}

/** The output bindings: the optional bias at 3, then C. */
function outBindings(bias: boolean, vec: boolean): string {
  const t = vec ? 'vec4<f32>' : 'f32';
  return (bias ? `@group(0) @binding(3) var<storage, read> BIAS: array<${t}>;\n` : '')
    + `@group(0) @binding(${bias ? 4 : 3}) var<storage, read_write> C: array<${t}>;`;
}

function tiled(v: Variant) {
  const { tA, tB, cfg, vecA, vecB, vecC, fit, bias, act } = v;
  const { tx, ty, bk } = cfg;
  const BM = ty * 4, BN = tx * 4, NT = tx * ty;
  const key = `gemm/${tA ? 'T' : 'N'}${tB ? 'T' : 'N'}/${tx}x${ty}x${bk}/${+vecA}${+vecB}${+vecC}/${fit ? 'fit' : 'edge'}/${bias ? 'bias' : 'nobias'}-${act}`;
  const code = () => {
    // Loader of one operand tile into shared memory `S` (layout [k][x/4], X = BM or BN).
    // rowsK: the operand is stored k-major (contiguous along x): A transposed, B not transposed.
    const loader = (S: string, G: string, X: number, xBase: string, xLim: string, off: string, rowsK: boolean, vec: boolean) => {
      const X4 = X / 4;
      const guard = (x: string, k: string) => (fit ? 'true' : `${x} < ${xLim} && ${k} < K`);
      if (rowsK) {
        // element (k, x) at off + k*xLim + x: contiguous along x
        if (vec) {
          return `for (var e = li; e < ${bk * X4}u; e += ${NT}u) {
      let xq = e % ${X4}u; let kk = e / ${X4}u;
      let x = ${xBase} + xq * 4u; let k = k0 + kk;
      var v = vec4<f32>(0.0);
      if (${guard('x', 'k')}) { v = ${G}[(${off} + k * ${xLim} + x) / 4u]; }
      ${S}[kk * ${X4}u + xq] = v;
    }`;
        }
        return `for (var e = li; e < ${bk * X}u; e += ${NT}u) {
      let xx = e % ${X}u; let kk = e / ${X}u;
      let x = ${xBase} + xx; let k = k0 + kk;
      var v = 0.0;
      if (${guard('x', 'k')}) { v = ${G}[${off} + k * ${xLim} + x]; }
      ${S}[kk * ${X4}u + xx / 4u][xx % 4u] = v;
    }`;
      }
      // element (k, x) at off + x*K + k: contiguous along k
      if (vec) {
        return `for (var e = li; e < ${(bk / 4) * X}u; e += ${NT}u) {
      let kq = e % ${bk / 4}u; let xx = e / ${bk / 4}u;
      let x = ${xBase} + xx; let k = k0 + kq * 4u;
      var v = vec4<f32>(0.0);
      if (${guard('x', 'k')}) { v = ${G}[(${off} + x * K + k) / 4u]; }
      let s = kq * 4u * ${X4}u + xx / 4u; let c = xx % 4u;
      ${S}[s][c] = v.x; ${S}[s + ${X4}u][c] = v.y; ${S}[s + ${2 * X4}u][c] = v.z; ${S}[s + ${3 * X4}u][c] = v.w;
    }`;
      }
      return `for (var e = li; e < ${bk * X}u; e += ${NT}u) {
      let kk = e % ${bk}u; let xx = e / ${bk}u;
      let x = ${xBase} + xx; let k = k0 + kk;
      var v = 0.0;
      if (${guard('x', 'k')}) { v = ${G}[${off} + x * K + k]; }
      ${S}[kk * ${X4}u + xx / 4u][xx % 4u] = v;
    }`;
    };
    const store = vecC
      ? `let n = n0 + lid.x * 4u;
  for (var i = 0u; i < 4u; i++) {
    let m = m0 + lid.y * 4u + i;
    ${fit ? '' : 'if (m < M && n < N) '}{ var r = acc[i]; ${epilogue(bias, act, true)} C[(cOff + m * N + n) / 4u] = r; }
  }`
      : `for (var i = 0u; i < 4u; i++) {
    let m = m0 + lid.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let n = n0 + lid.x * 4u + j;
      ${fit ? '' : 'if (m < M && n < N) '}{ var r = acc[i][j]; ${epilogue(bias, act, false)} C[cOff + m * N + n] = r; }
    }
  }`;
    return `${PARAMS}${act === 'linear' ? '' : MATH}
@group(0) @binding(1) var<storage, read> A: array<${vecA ? 'vec4<f32>' : 'f32'}>;
@group(0) @binding(2) var<storage, read> B: array<${vecB ? 'vec4<f32>' : 'f32'}>;
${outBindings(bias, vecC)}
var<workgroup> As: array<vec4<f32>, ${(bk * BM) / 4}>;
var<workgroup> Bs: array<vec4<f32>, ${(bk * BN) / 4}>;
@compute @workgroup_size(${tx}, ${ty}) fn main(@builtin(workgroup_id) w: vec3<u32>,
    @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let M = p(0u); let N = p(1u); let K = p(2u);
  let m0 = w.y * ${BM}u; let n0 = w.x * ${BN}u;
  let aOff = w.z * p(3u); let bOff = w.z * p(4u); let cOff = w.z * M * N;
  var acc = array<vec4<f32>, 4>(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
  for (var k0 = 0u; k0 < K; k0 += ${bk}u) {
    ${loader('As', 'A', BM, 'm0', 'M', 'aOff', tA, vecA)}
    ${loader('Bs', 'B', BN, 'n0', 'N', 'bOff', !tB, vecB)}
    workgroupBarrier();
    for (var kk = 0u; kk < ${bk}u; kk++) {
      let a = As[kk * ${BM / 4}u + lid.y];
      let b = Bs[kk * ${BN / 4}u + lid.x];
      acc[0] += a.x * b; acc[1] += a.y * b; acc[2] += a.z * b; acc[3] += a.w * b;
    }
    workgroupBarrier();
  }
  ${store}
}`;
  };
  return { key, code };
}

// Direct: no shared memory and no barriers; each invocation loads 4x4 blocks of A and B as vec4s
// straight from memory (transposing in registers where the operand is stored the other way) and
// keeps a 4x4 register tile. Needs M, N, K multiples of 4. It is the better choice on CPU-emulated
// adapters (SwiftShader), where memory is cached anyway and a workgroup barrier costs a context
// switch of every invocation. Key: `gemm-direct/<tA><tB>/<epilogue>`.
const DW = 8;
function direct(tA: boolean, tB: boolean, bias: boolean, act: FusedActivation) {
  const key = `gemm-direct/${tA ? 'T' : 'N'}${tB ? 'T' : 'N'}/${bias ? 'bias' : 'nobias'}-${act}`;
  // a[i] = A(m0 + i, k..k+3); b[j] = B(k + j, n0..n0+3)
  const loadA = tA
    ? `let c0 = A[(aOff + k * M + m0) / 4u]; let c1 = A[(aOff + (k + 1u) * M + m0) / 4u];
    let c2 = A[(aOff + (k + 2u) * M + m0) / 4u]; let c3 = A[(aOff + (k + 3u) * M + m0) / 4u];
    let a0 = vec4<f32>(c0.x, c1.x, c2.x, c3.x); let a1 = vec4<f32>(c0.y, c1.y, c2.y, c3.y);
    let a2 = vec4<f32>(c0.z, c1.z, c2.z, c3.z); let a3 = vec4<f32>(c0.w, c1.w, c2.w, c3.w);`
    : `let a0 = A[(aOff + m0 * K + k) / 4u]; let a1 = A[(aOff + (m0 + 1u) * K + k) / 4u];
    let a2 = A[(aOff + (m0 + 2u) * K + k) / 4u]; let a3 = A[(aOff + (m0 + 3u) * K + k) / 4u];`;
  const loadB = tB
    ? `let d0 = B[(bOff + n0 * K + k) / 4u]; let d1 = B[(bOff + (n0 + 1u) * K + k) / 4u];
    let d2 = B[(bOff + (n0 + 2u) * K + k) / 4u]; let d3 = B[(bOff + (n0 + 3u) * K + k) / 4u];
    let b0 = vec4<f32>(d0.x, d1.x, d2.x, d3.x); let b1 = vec4<f32>(d0.y, d1.y, d2.y, d3.y);
    let b2 = vec4<f32>(d0.z, d1.z, d2.z, d3.z); let b3 = vec4<f32>(d0.w, d1.w, d2.w, d3.w);`
    : `let b0 = B[(bOff + k * N + n0) / 4u]; let b1 = B[(bOff + (k + 1u) * N + n0) / 4u];
    let b2 = B[(bOff + (k + 2u) * N + n0) / 4u]; let b3 = B[(bOff + (k + 3u) * N + n0) / 4u];`;
  const code = () => `${PARAMS}${act === 'linear' ? '' : MATH}
@group(0) @binding(1) var<storage, read> A: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> B: array<vec4<f32>>;
${outBindings(bias, true)}
@compute @workgroup_size(${DW}, ${DW}) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let M = p(0u); let N = p(1u); let K = p(2u);
  let m0 = g.y * 4u; let n0 = g.x * 4u;
  if (m0 >= M || n0 >= N) { return; }
  let aOff = g.z * p(3u); let bOff = g.z * p(4u); let cOff = g.z * M * N;
  var acc0 = vec4<f32>(0.0); var acc1 = vec4<f32>(0.0); var acc2 = vec4<f32>(0.0); var acc3 = vec4<f32>(0.0);
  for (var k = 0u; k < K; k += 4u) {
    ${loadA}
    ${loadB}
    acc0 += a0.x * b0 + a0.y * b1 + a0.z * b2 + a0.w * b3;
    acc1 += a1.x * b0 + a1.y * b1 + a1.z * b2 + a1.w * b3;
    acc2 += a2.x * b0 + a2.y * b1 + a2.z * b2 + a2.w * b3;
    acc3 += a3.x * b0 + a3.y * b1 + a3.z * b2 + a3.w * b3;
  }
  let n = n0;
  var r = acc0; ${epilogue(bias, act, true)} C[(cOff + m0 * N + n0) / 4u] = r;
  r = acc1; ${epilogue(bias, act, true)} C[(cOff + (m0 + 1u) * N + n0) / 4u] = r;
  r = acc2; ${epilogue(bias, act, true)} C[(cOff + (m0 + 2u) * N + n0) / 4u] = r;
  r = acc3; ${epilogue(bias, act, true)} C[(cOff + (m0 + 3u) * N + n0) / 4u] = r;
}`;
  return { key, code };
}

const SK = 64;
function splitK(tA: boolean, tB: boolean, bias: boolean, act: FusedActivation) {
  const key = `gemm-splitk/${tA ? 'T' : 'N'}${tB ? 'T' : 'N'}/${SK}/${bias ? 'bias' : 'nobias'}-${act}`;
  const code = () => `${PARAMS}${act === 'linear' ? '' : MATH}
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
${outBindings(bias, false)}
var<workgroup> part: array<f32, ${SK}>;
@compute @workgroup_size(${SK}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let M = p(0u); let N = p(1u); let K = p(2u);
  let t = (w.z * nw.y + w.y) * nw.x + w.x;
  if (t >= p(5u)) { return; }
  let bz = t / (M * N); let m = (t / N) % M; let n = t % N;
  let aOff = bz * p(3u); let bOff = bz * p(4u);
  var s = 0.0;
  for (var k = l; k < K; k += ${SK}u) {
    s += A[aOff + ${tA ? 'k * M + m' : 'm * K + k'}] * B[bOff + ${tB ? 'n * K + k' : 'k * N + n'}];
  }
  part[l] = s;
  workgroupBarrier();
  for (var h = ${SK / 2}u; h > 0u; h = h >> 1u) {
    if (l < h) { part[l] = part[l] + part[l + h]; }
    workgroupBarrier();
  }
  if (l == 0u) { var r = part[0]; ${epilogue(bias, act, false)} C[t] = r; }
}`;
  return { key, code };
}

const LARGE: GemmConfig = { tx: 16, ty: 16, bk: 16 };
const SMALL: GemmConfig = { tx: 8, ty: 8, bk: 16 };
/** Overrides the tiled configuration (bench sweeps; 'direct' forces that path); null restores the choice by size. */
let forced: GemmConfig | 'direct' | null = null;
export function setGemmConfig(cfg: GemmConfig | 'direct' | null): void { forced = cfg; }
/** Whether the direct path serves shapes that allow it (set on software adapters). */
let preferDirect = false;
export function setPreferDirect(on: boolean): void { preferDirect = on; }

export function gemmKernels(ctx: Ctx) {
  return {
    matmul: (inputs: readonly Info[], [o]: readonly Info[], { transposeA, transposeB }: KernelAttrs['matmul']) =>
      gemm(ctx, inputs, o, transposeA, transposeB, 'linear'),
    fusedMatmul: (inputs: readonly Info[], [o]: readonly Info[], { transposeA, transposeB, activation }: KernelAttrs['fusedMatmul']) =>
      gemm(ctx, inputs, o, transposeA, transposeB, activation),
  };
}

function gemm(ctx: Ctx, [a, b, bias]: readonly Info[], o: Info, tA: boolean, tB: boolean, act: FusedActivation): void {
  const { B, M, N, K, strideA: sa, strideB: sb } = matmulDims(a.shape, b.shape, tA, tB);
  if (B * M * N === 0) return;
  const outputs = B * M * N;
  // NOTE: K = 0 takes the split-K program too: its empty sum writes the zeros.
  if (K === 0 || (outputs <= 4096 && K >= 128 && forced === null)) {
    ctx.rt.run({
      program: splitK(tA, tB, !!bias, act), buffers: [a.buf.buffer, b.buf.buffer, ...(bias ? [bias.buf.buffer] : []), o.buf.buffer],
      params: [M, N, K, sa, sb, outputs], groups: groups(outputs),
    });
    return;
  }
  const bufs = [a.buf.buffer, b.buf.buffer, ...(bias ? [bias.buf.buffer] : []), o.buf.buffer];
  if ((forced === 'direct' || (preferDirect && !forced)) && M % 4 === 0 && N % 4 === 0 && K % 4 === 0) {
    ctx.rt.run({
      program: direct(tA, tB, !!bias, act), buffers: bufs, params: [M, N, K, sa, sb],
      groups: [Math.ceil(N / (4 * DW)), Math.ceil(M / (4 * DW)), B],
    });
    return;
  }
  const tiles = (c: GemmConfig) => Math.ceil(M / (c.ty * 4)) * Math.ceil(N / (c.tx * 4)) * B;
  const cfg = forced && forced !== 'direct' ? forced : tiles(LARGE) >= 16 ? LARGE : SMALL;
  const BM = cfg.ty * 4, BN = cfg.tx * 4;
  const v: Variant = {
    tA, tB, cfg,
    vecA: (tA ? M : K) % 4 === 0, vecB: (tB ? K : N) % 4 === 0, vecC: N % 4 === 0,
    fit: M % BM === 0 && N % BN === 0 && K % cfg.bk === 0,
    bias: !!bias, act,
  };
  ctx.rt.run({
    program: tiled(v), buffers: [a.buf.buffer, b.buf.buffer, ...(bias ? [bias.buf.buffer] : []), o.buf.buffer],
    params: [M, N, K, sa, sb],
    groups: [Math.ceil(N / BN), Math.ceil(M / BM), B],
  });
}
