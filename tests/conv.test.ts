// Convolution, pooling and batch-norm: every op on every backend under test against the float64
// loops written here (independent of src), gradients by central finite differences in float64
// (tests/util/gradcheck.ts), bad input, and the layers (shapes, save/load, a small CNN on MNIST).
//
// Tolerances, |got - want| <= atol + rtol*|want| + stol*scale (scale: the sum of |terms| of the
// element): float32 backends conv rtol 1e-5, atol 1e-6, stol 4e-6 (about 2K u32 for the K <= 36
// terms here); avgPool rtol 1e-6, atol 1e-7, stol 4e-6; maxPool exact; js float64: rtol 1e-12,
// atol 1e-12, stol 1e-14. A backend that still lists a kernel as unsupported skips its cases,
// saying so, and runs them once the kernel is implemented.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_UNSUPPORTED } from '../src/backends/js.js';
import type { FusedActivation, KernelName } from '../src/kernels.js';
import { JS_F64, testBackends, use, values, type BackendConfig } from './util/backends.js';
import { hashName } from './util/cases.js';
import { mismatches, type Tol } from './util/close.js';
import {
  F32_ATOL, F32_RTOL, F64_ATOL, F64_RTOL, type GradFn, type GradInput, type GradRef,
  analyticGrads, analyticGradsAsync, checkGradients, compareGrads, finiteDifferences, inputOf,
} from './util/gradcheck.js';
import { Rng, sizeOf } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

const UNSUPPORTED: Record<string, readonly string[]> = {
  js: JS_UNSUPPORTED,
  wasm: (await import('../src/backends/wasm.js')).WASM_UNSUPPORTED,
  webgpu: (await import('../src/backends/webgpu/index.js')).WEBGPU_UNSUPPORTED,
};
/** The kernels of `needs` that backend `cfg` does not implement yet. */
const lacking = (cfg: BackendConfig, needs: readonly KernelName[]) => needs.filter((k) => UNSUPPORTED[cfg.backend]?.includes(k));

/**
 * `it` for a case that needs `kernels`: skipped, saying which and why, on a backend that still lists
 * one as unsupported (so it runs by itself once the kernel lands there).
 */
function itNeeds(cfg: BackendConfig, kernels: readonly KernelName[], name: string, fn: () => Promise<void> | void, timeout?: number): void {
  const missing = lacking(cfg, kernels);
  it.skipIf(missing.length > 0)(`${name}${missing.length ? ` (skipped: ${cfg.label} does not implement ${missing.join(', ')} yet)` : ''}`, fn, timeout);
}

const CONFIGS = [JS_F64, ...testBackends()];

// ------------------------------------------------------------------ the float64 reference

interface Arr { shape: number[]; data: Float64Array }
const arr = (shape: number[], data: ArrayLike<number>): Arr => ({ shape, data: Float64Array.from(data) });
const zeros = (shape: number[]): Arr => ({ shape, data: new Float64Array(sizeOf(shape)) });
type Pads = [[number, number], [number, number]];
type Pad = 'valid' | 'same' | Pads;
const pair = (v: number | [number, number] | undefined, d = 1): [number, number] => (v === undefined ? [d, d] : typeof v === 'number' ? [v, v] : v);

/** TF's pads for one axis ('same': output ceil(in / s), the odd pixel after). */
function refPads(p: Pad, axis: 0 | 1, size: number, k: number, s: number, d: number): [number, number] {
  if (p === 'valid') return [0, 0];
  if (p !== 'same') return p[axis];
  const span = (k - 1) * d + 1;
  const need = Math.max((Math.ceil(size / s) - 1) * s + span - size, 0);
  return [need >> 1, need - (need >> 1)];
}

/** x [N, H, W, C] zero-padded (pads [[t, b], [l, r]]), with a mask of the real positions. */
function padded(x: Arr, [[t, b], [l, r]]: Pads): { p: Arr; inside: Uint8Array } {
  const [N, H, W, C] = x.shape;
  const P = [N, H + t + b, W + l + r, C];
  const p = zeros(P), inside = new Uint8Array(sizeOf(P));
  for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) for (let c = 0; c < C; c++) {
    const at = ((n * P[1] + h + t) * P[2] + w + l) * C + c;
    p.data[at] = x.data[((n * H + h) * W + w) * C + c];
    inside[at] = 1;
  }
  return { p, inside };
}

interface RefOut { y: Arr; scale: Float64Array }
const ACTS: Record<string, (v: number) => number> = {
  linear: (v) => v, relu: (v) => Math.max(v, 0), sigmoid: (v) => 1 / (1 + Math.exp(-v)), tanh: Math.tanh,
  gelu: (v) => 0.5 * v * (1 + erfRef(v / Math.SQRT2)),
};
/** erf: its Taylor series for |x| <= 2.5, else erfc's continued fraction (both to ~1e-15). */
function erfRef(x: number): number {
  const a = Math.abs(x);
  if (a > 2.5) {
    let k = a;
    for (let n = 120; n >= 1; n--) k = a + n / 2 / k;
    return Math.sign(x) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / k);
  }
  let term = x, s = x;
  for (let n = 1; n < 80; n++) { term *= (-x * x) / n; s += term / (2 * n + 1); }
  return (2 / Math.sqrt(Math.PI)) * s;
}

/** conv2d by the book: pad, then slide the dilated window over the padded image. */
function refConv(x: Arr, w: Arr, o: { strides?: number | [number, number]; dilations?: number | [number, number]; padding?: Pad; groups?: number; bias?: Arr; activation?: string }): RefOut {
  const [N, H, W, C] = x.shape, [KH, KW, Cg, O] = w.shape;
  const [sh, sw] = pair(o.strides), [dh, dw] = pair(o.dilations), G = o.groups ?? 1, pad = o.padding ?? 'valid';
  const pads: Pads = [refPads(pad, 0, H, KH, sh, dh), refPads(pad, 1, W, KW, sw, dw)];
  const { p } = padded(x, pads);
  const [, PH, PW] = p.shape;
  const OH = Math.floor((PH - (KH - 1) * dh - 1) / sh) + 1, OW = Math.floor((PW - (KW - 1) * dw - 1) / sw) + 1;
  const y = zeros([N, OH, OW, O]), scale = new Float64Array(y.data.length);
  const act = ACTS[o.activation ?? 'linear'];
  for (let n = 0; n < N; n++) for (let i = 0; i < OH; i++) for (let j = 0; j < OW; j++) for (let oc = 0; oc < O; oc++) {
    const g = Math.floor(oc / (O / G));
    let s = 0, a = 0;
    for (let u = 0; u < KH; u++) for (let v = 0; v < KW; v++) for (let ci = 0; ci < Cg; ci++) {
      const t = p.data[((n * PH + i * sh + u * dh) * PW + j * sw + v * dw) * C + g * Cg + ci] * w.data[((u * KW + v) * Cg + ci) * O + oc];
      s += t; a += Math.abs(t);
    }
    const at = ((n * OH + i) * OW + j) * O + oc;
    if (o.bias) { s += o.bias.data[oc]; a += Math.abs(o.bias.data[oc]); }
    y.data[at] = act(s); scale[at] = a;
  }
  return { y, scale };
}

/** conv2dTranspose by scattering: every x element times the filter added into the padded output, then cropped. */
function refConvTranspose(x: Arr, f: Arr, out: [number, number], o: { strides?: number | [number, number]; dilations?: number | [number, number]; padding?: Pad }): RefOut {
  const [N, H, W, inC] = x.shape, [KH, KW, outC] = f.shape;
  const [sh, sw] = pair(o.strides), [dh, dw] = pair(o.dilations), pad = o.padding ?? 'valid';
  const [t] = refPads(pad, 0, out[0], KH, sh, dh), [l] = refPads(pad, 1, out[1], KW, sw, dw);
  const y = zeros([N, out[0], out[1], outC]), scale = new Float64Array(y.data.length);
  for (let n = 0; n < N; n++) for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) for (let u = 0; u < KH; u++) for (let v = 0; v < KW; v++) {
    const oh = i * sh + u * dh - t, ow = j * sw + v * dw - l;
    if (oh < 0 || oh >= out[0] || ow < 0 || ow >= out[1]) continue;
    for (let co = 0; co < outC; co++) for (let ci = 0; ci < inC; ci++) {
      const term = x.data[((n * H + i) * W + j) * inC + ci] * f.data[((u * KW + v) * outC + co) * inC + ci];
      const at = ((n * out[0] + oh) * out[1] + ow) * outC + co;
      y.data[at] += term; scale[at] += Math.abs(term);
    }
  }
  return { y, scale };
}

/** Pooling by the book: the padded image's windows, padding positions left out. */
function refPool(kind: 'max' | 'avg', x: Arr, o: { poolSize?: number | [number, number]; strides?: number | [number, number]; padding?: Pad }): RefOut {
  const [N, H, W, C] = x.shape;
  const [KH, KW] = pair(o.poolSize, 2), [sh, sw] = pair(o.strides ?? [KH, KW]), pad = o.padding ?? 'valid';
  const { p, inside } = padded(x, [refPads(pad, 0, H, KH, sh, 1), refPads(pad, 1, W, KW, sw, 1)]);
  const [, PH, PW] = p.shape;
  const OH = Math.floor((PH - KH) / sh) + 1, OW = Math.floor((PW - KW) / sw) + 1;
  const y = zeros([N, OH, OW, C]), scale = new Float64Array(y.data.length);
  for (let n = 0; n < N; n++) for (let i = 0; i < OH; i++) for (let j = 0; j < OW; j++) for (let c = 0; c < C; c++) {
    const vals: number[] = [];
    for (let u = 0; u < KH; u++) for (let v = 0; v < KW; v++) {
      const at = ((n * PH + i * sh + u) * PW + j * sw + v) * C + c;
      if (inside[at]) vals.push(p.data[at]);
    }
    const at = ((n * OH + i) * OW + j) * C + c;
    y.data[at] = kind === 'max' ? (vals.length ? Math.max(...vals) : -Infinity) : vals.reduce((a, b) => a + b, 0) / vals.length;
    scale[at] = vals.reduce((a, b) => a + Math.abs(b), 0) / Math.max(vals.length, 1);
  }
  return { y, scale };
}

/** conv2d's gradients dx and dw for the output gradient dy, by scattering over the padded image; [...dx, ...dw]. */
function refConvGrads(x: Arr, w: Arr, dy: Arr, o: { strides?: number | [number, number]; dilations?: number | [number, number]; padding?: Pad; groups?: number }): RefOut {
  const [N, H, W, C] = x.shape, [KH, KW, Cg, O] = w.shape, [, OH, OW] = dy.shape;
  const [sh, sw] = pair(o.strides), [dh, dw] = pair(o.dilations), G = o.groups ?? 1, pad = o.padding ?? 'valid';
  const pads: Pads = [refPads(pad, 0, H, KH, sh, dh), refPads(pad, 1, W, KW, sw, dw)];
  const { p } = padded(x, pads);
  const [, PH, PW] = p.shape;
  const dxp = new Float64Array(p.data.length), dxs = new Float64Array(p.data.length);
  const dwt = new Float64Array(w.data.length), dws = new Float64Array(w.data.length);
  for (let n = 0; n < N; n++) for (let i = 0; i < OH; i++) for (let j = 0; j < OW; j++) for (let oc = 0; oc < O; oc++) {
    const g = Math.floor(oc / (O / G)), d = dy.data[((n * OH + i) * OW + j) * O + oc];
    for (let u = 0; u < KH; u++) for (let v = 0; v < KW; v++) for (let ci = 0; ci < Cg; ci++) {
      const xi = ((n * PH + i * sh + u * dh) * PW + j * sw + v * dw) * C + g * Cg + ci, wi = ((u * KW + v) * Cg + ci) * O + oc;
      dxp[xi] += d * w.data[wi]; dxs[xi] += Math.abs(d * w.data[wi]);
      dwt[wi] += d * p.data[xi]; dws[wi] += Math.abs(d * p.data[xi]);
    }
  }
  const dx: number[] = [], scale: number[] = [];
  const [[t], [l]] = pads;
  for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let ww = 0; ww < W; ww++) for (let c = 0; c < C; c++) {
    const at = ((n * PH + h + t) * PW + ww + l) * C + c;
    dx.push(dxp[at]); scale.push(dxs[at]);
  }
  return { y: arr([dx.length + dwt.length], [...dx, ...dwt]), scale: Float64Array.from([...scale, ...dws]) };
}

/** Pooling's dx for the output gradient dy: to the first max of each window (max), or dy / count to each position (avg). */
function refPoolGrad(kind: 'max' | 'avg', x: Arr, dy: Arr, o: { poolSize?: number | [number, number]; strides?: number | [number, number]; padding?: Pad }): RefOut {
  const [N, H, W, C] = x.shape, [, OH, OW] = dy.shape;
  const [KH, KW] = pair(o.poolSize, 2), [sh, sw] = pair(o.strides ?? [KH, KW]), pad = o.padding ?? 'valid';
  const [[t], [l]] = [refPads(pad, 0, H, KH, sh, 1), refPads(pad, 1, W, KW, sw, 1)];
  const dx = zeros(x.shape), scale = new Float64Array(dx.data.length);
  for (let n = 0; n < N; n++) for (let i = 0; i < OH; i++) for (let j = 0; j < OW; j++) for (let c = 0; c < C; c++) {
    const at: number[] = [];
    for (let u = 0; u < KH; u++) for (let v = 0; v < KW; v++) {
      const h = i * sh + u - t, ww = j * sw + v - l;
      if (h >= 0 && h < H && ww >= 0 && ww < W) at.push(((n * H + h) * W + ww) * C + c);
    }
    const d = dy.data[((n * OH + i) * OW + j) * C + c];
    if (kind === 'avg') { for (const a of at) { dx.data[a] += d / at.length; scale[a] += Math.abs(d / at.length); } continue; }
    let best = -1;
    for (const a of at) if (best < 0 || x.data[a] > x.data[best]) best = a;
    if (best >= 0) { dx.data[best] += d; scale[best] += Math.abs(d); }
  }
  return { y: dx, scale };
}

// ------------------------------------------------------------------ forward cases

const TOL32: Record<'conv' | 'avg' | 'max', Tol> = {
  conv: { rtol: 1e-5, atol: 1e-6, stol: 4e-6 }, avg: { rtol: 1e-6, atol: 1e-7, stol: 4e-6 }, max: { rtol: 0, atol: 0 },
};
const TOL64: Tol = { rtol: 1e-12, atol: 1e-12, stol: 1e-14 };

interface OpCase {
  name: string; kind: keyof typeof TOL32; needs: KernelName[]; inputs: Arr[]; run: (...ts: Tensor[]) => Tensor; ref: (...xs: Arr[]) => RefOut;
  /** The most terms summed into one element: float32 runs allow stol = max(4e-6, 2·terms·2^-24). */
  terms?: number;
}
const OPS: OpCase[] = [];
const rand = (name: string) => new Rng(hashName(name));
function input(r: Rng, shape: number[]): Arr { return arr(shape, Array.from({ length: sizeOf(shape) }, () => r.uniform(-2, 2))); }

type ConvOpts = Omit<Parameters<typeof refConv>[2], 'bias'> & { bias?: boolean };
function convCase(name: string, xs: number[], ws: number[], o: ConvOpts = {}) {
  const r = rand(name);
  const inputs = [input(r, xs), input(r, ws)];
  if (o.bias) inputs.push(input(r, [ws[3]]));
  const geo = { strides: o.strides, dilations: o.dilations, padding: o.padding, groups: o.groups };
  OPS.push({
    name: `conv2d ${name}`, kind: 'conv', needs: ['conv2d'], inputs, terms: ws[0] * ws[1] * ws[2] + 1,
    run: (x, w, b) => eg.conv2d(x, w, { ...geo, bias: b, activation: o.activation as FusedActivation }),
    ref: (x, w, b) => refConv(x, w, { ...o, bias: b }),
  });
  // The backward kernels: the gradients of sum(conv2d(x, w) · dy) are exactly dx and dw.
  const dy = input(r, refConv(inputs[0], inputs[1], { ...o, bias: undefined }).y.shape);
  const [N, OH, OW] = dy.shape;
  OPS.push({
    name: `conv2d backward (dx, dw) ${name}`, kind: 'conv', needs: ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'],
    inputs: [inputs[0], inputs[1], dy], terms: Math.max(ws[0] * ws[1] * ws[3] / (o.groups ?? 1), N * OH * OW),
    run: (x, w, d) => {
      const vx = eg.variable(x), vw = eg.variable(w);
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(eg.conv2d(vx, vw, geo), d)), [vx, vw]);
      const out = eg.tidy(() => eg.concat([eg.reshape(grads[0], [-1]), eg.reshape(grads[1], [-1])]));
      for (const t of [value, ...grads, vx, vw]) t.dispose();
      return out;
    },
    ref: (x, w, d) => refConvGrads(x, w, d, o),
  });
}
convCase('3x3 valid, batch 2, odd sizes', [2, 5, 7, 3], [3, 3, 3, 4]);
convCase("3x2 strides [2,3] 'same' on 7x6", [1, 7, 6, 2], [3, 2, 2, 3], { strides: [2, 3], padding: 'same' });
convCase("3x3 strides 2 'same' on even 6x8 (odd pixel bottom/right)", [1, 6, 8, 2], [3, 3, 2, 2], { strides: 2, padding: 'same' });
convCase('explicit asymmetric pads [[1,2],[0,3]], dilations [2,1]', [2, 6, 5, 2], [3, 2, 2, 3], { padding: [[1, 2], [0, 3]], dilations: [2, 1] });
convCase('strides 4 larger than the 2x2 kernel', [2, 9, 10, 2], [2, 2, 2, 3], { strides: 4 });
convCase("groups 2 'same'", [1, 6, 5, 4], [3, 3, 2, 6], { groups: 2, padding: 'same' });
convCase('groups = C (depthwise form), bias', [2, 5, 5, 3], [3, 3, 1, 3], { groups: 3, bias: true });
convCase('1x1 input, 1x1 kernel', [1, 1, 1, 3], [1, 1, 3, 2]);
convCase("1x1 input, 3x3 kernel 'same' (all but the centre in padding)", [1, 1, 1, 2], [3, 3, 2, 2], { padding: 'same' });
convCase('1x1 kernel strides 2', [2, 5, 5, 3], [1, 1, 3, 4], { strides: 2 });
convCase('windows wholly in padding, bias, relu', [1, 2, 2, 1], [2, 2, 1, 2], { padding: [[3, 3], [3, 2]], bias: true, activation: 'relu' });
convCase('strides 2 with dilations 2', [1, 9, 8, 2], [3, 2, 2, 2], { strides: 2, dilations: 2, padding: 'same' });
convCase('5x5 kernel on 5x5 input, valid (1x1 output)', [2, 5, 5, 2], [5, 5, 2, 3]);
// Channel counts around SIMD widths and tiles (4, 8, 16 lanes or rows).
convCase("tiles: 5 -> 9 channels 'same'", [1, 6, 7, 5], [3, 3, 5, 9], { padding: 'same' });
convCase('tiles: 8 -> 16 channels, batch 2, bias', [2, 9, 11, 8], [3, 3, 8, 16], { bias: true });
convCase('tiles: 1x1 17 -> 33 channels (a GEMM)', [2, 5, 5, 17], [1, 1, 17, 33]);
convCase("tiles: depthwise form, 16 channels 'same'", [1, 7, 9, 16], [3, 3, 1, 16], { groups: 16, padding: 'same' });
convCase('tiles: groups 4 of 3 -> 2 channels, strides 2', [1, 8, 8, 12], [3, 3, 3, 8], { groups: 4, strides: 2 });
for (const activation of ['relu', 'sigmoid', 'tanh', 'gelu']) convCase(`bias + ${activation}`, [2, 4, 5, 3], [3, 3, 3, 4], { bias: true, activation, padding: 'same' });
{
  const name = 'rank-3 input (no batch)';
  const r = rand(name);
  OPS.push({
    name: `conv2d ${name}`, kind: 'conv', needs: ['conv2d'], inputs: [input(r, [5, 4, 2]), input(r, [2, 2, 2, 3])],
    run: (x, w) => eg.conv2d(x, w, { padding: 'same' }),
    ref: (x, w) => { const o = refConv(arr([1, ...x.shape], x.data), w, { padding: 'same' }); return { y: arr(o.y.shape.slice(1), o.y.data), scale: o.scale }; },
  });
}
for (const [name, xs, ws, o] of [
  ['multiplier 2, 3x3 same', [2, 5, 6, 3], [3, 3, 3, 2], { padding: 'same' }],
  ['multiplier 1, strides 2, dilations [1,2], bias', [1, 7, 7, 4], [3, 3, 4, 1], { strides: 2, dilations: [1, 2], bias: true }],
] as [string, number[], number[], ConvOpts & { bias?: boolean }][]) {
  const r = rand(name);
  const inputs = [input(r, xs), input(r, ws)];
  if (o.bias) inputs.push(input(r, [ws[2] * ws[3]]));
  OPS.push({
    name: `depthwiseConv2d ${name}`, kind: 'conv', needs: ['conv2d'], inputs,
    run: (x, w, b) => eg.depthwiseConv2d(x, w, { strides: o.strides, dilations: o.dilations, padding: o.padding, bias: b }),
    // [kh, kw, C, M] is the grouped filter [kh, kw, 1, C·M] (same element order).
    ref: (x, w, b) => refConv(x, arr([ws[0], ws[1], 1, ws[2] * ws[3]], w.data), { ...o, groups: xs[3], bias: b }),
  });
}
for (const [name, xs, fs, out, o] of [
  ["strides 2 'same' (output 2H x 2W by default)", [2, 3, 4, 3], [3, 3, 2, 3], undefined, { strides: 2, padding: 'same' }],
  ['valid, default output (H-1)s + k', [1, 3, 3, 2], [3, 2, 3, 2], undefined, { strides: [2, 1] }],
  ['valid strides 2 with a larger outputShape [8, 6]', [1, 3, 3, 2], [3, 2, 1, 2], [8, 6], { strides: 2 }],
  ['explicit pads, dilations 2', [1, 4, 3, 2], [2, 3, 2, 2], undefined, { padding: [[1, 0], [2, 1]], dilations: 2 }],
  ['1x1 input, strides 3', [2, 1, 1, 2], [2, 2, 3, 2], undefined, { strides: 3 }],
] as [string, number[], number[], [number, number] | undefined, ConvOpts][]) {
  const r = rand(name);
  const [s0, s1] = pair(o.strides), [d0, d1] = pair(o.dilations);
  const p = o.padding ?? 'valid';
  const size = out ?? (p === 'same' ? [xs[1] * s0, xs[2] * s1] : [
    (xs[1] - 1) * s0 + d0 * (fs[0] - 1) + 1 - (p === 'valid' ? 0 : p[0][0] + p[0][1]),
    (xs[2] - 1) * s1 + d1 * (fs[1] - 1) + 1 - (p === 'valid' ? 0 : p[1][0] + p[1][1]),
  ]) as [number, number];
  OPS.push({
    name: `conv2dTranspose ${name}`, kind: 'conv', needs: ['conv2dBackpropInput'], inputs: [input(r, xs), input(r, fs)],
    run: (x, f) => eg.conv2dTranspose(x, f, out ? [xs[0], ...out, fs[2]] : undefined, o),
    ref: (x, f) => refConvTranspose(x, f, size, o),
  });
}
type PoolOpts = Parameters<typeof refPool>[2];
for (const kind of ['max', 'avg'] as const) {
  for (const [name, xs, o] of [
    ['2x2 default (strides = poolSize)', [2, 6, 7, 3], {}],
    ["3x3 strides 2 'same' on 7x6", [1, 7, 6, 2], { poolSize: 3, strides: 2, padding: 'same' }],
    ['[2,3] strides [1,2]', [2, 5, 7, 2], { poolSize: [2, 3], strides: [1, 2] }],
    ["1x1 input, 3x3 'same'", [2, 1, 1, 3], { poolSize: 3, strides: 1, padding: 'same' }],
    ['strides 3 larger than the 2x2 window', [1, 8, 8, 2], { poolSize: 2, strides: 3 }],
    ['explicit pads with windows wholly in padding', [1, 2, 3, 2], { poolSize: 2, strides: 1, padding: [[2, 1], [0, 3]] }],
  ] as [string, number[], PoolOpts][]) {
    const r = rand(`${kind} ${name}`);
    const pool = kind === 'max' ? eg.maxPool2d : eg.avgPool2d;
    OPS.push({
      name: `${kind}Pool2d ${name}`, kind, needs: [`${kind}Pool2d`], inputs: [input(r, xs)],
      run: (x) => pool(x, o), ref: (x) => refPool(kind, x, o),
    });
    const x = input(r, xs), dy = input(r, refPool(kind, x, o).y.shape);
    OPS.push({
      name: `${kind}Pool2d backward ${name}`, kind: 'avg', needs: [`${kind}Pool2d`, `${kind}Pool2dGrad`], inputs: [x, dy], terms: 9,
      run: (xt, d) => {
        const v = eg.variable(xt);
        const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(pool(v, o), d)), [v]);
        value.dispose(); v.dispose();
        return grads[0];
      },
      ref: (xa, d) => refPoolGrad(kind, xa, d, o),
    });
  }
}

async function runOp(c: OpCase, cfg: BackendConfig): Promise<string[]> {
  const ts = c.inputs.map((a) => eg.tensor(Array.from(a.data), a.shape));
  try {
    const y = c.run(...ts);
    const want = c.ref(...c.inputs);
    const got = Array.from(await values(y));
    y.dispose();
    if (JSON.stringify(y.shape) !== JSON.stringify(want.y.shape)) return [`shape [${y.shape}], expected [${want.y.shape}]`];
    const tol = cfg.float64 ? TOL64 : { ...TOL32[c.kind], stol: Math.max(TOL32[c.kind].stol ?? 0, 2 * (c.terms ?? 0) * 2 ** -24) };
    return mismatches(got, want.y.data, tol, want.scale);
  } finally {
    for (const t of ts) t.dispose();
  }
}

for (const cfg of CONFIGS) {
  describe(`conv ops on ${cfg.label} vs float64 loops`, () => {
    beforeAll(() => use(cfg));
    for (const c of OPS) {
      itNeeds(cfg, c.needs, c.name, async () => {
        expect(await runOp(c, cfg)).toEqual([]);
      });
    }

    itNeeds(cfg, ['maxPool2d', 'avgPool2d'], 'pooling: NaN propagates through max; a window wholly in padding is -Infinity (max) and NaN (avg)', async () => {
      const x = eg.tensor([1, NaN, 3, 4], [1, 2, 2, 1]);
      const m = eg.maxPool2d(x, { poolSize: 2, strides: 1, padding: [[0, 0], [0, 3]] });
      expect(Array.from(await values(m))).toEqual([NaN, NaN, -Infinity, -Infinity]);
      const a = eg.avgPool2d(eg.tensor([1, 2, 3, 4], [1, 2, 2, 1]), { poolSize: 1, strides: 2, padding: [[0, 0], [0, 1]] });
      expect(Array.from(await values(a))).toEqual([1, NaN]);
      for (const t of [x, m, a]) t.dispose();
    });

    itNeeds(cfg, ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter', 'maxPool2d', 'maxPool2dGrad'], 'the ops and their gradients leave no tensor behind', async () => {
      const x = eg.randn([2, 5, 5, 4], { seed: 1 }), w = eg.variable(eg.randn([3, 3, 2, 4], { seed: 2 })), b = eg.variable(eg.zeros([4]));
      const x3 = eg.reshape(x, [10, 5, 4]), dw = eg.randn([3, 3, 4, 2], { seed: 3 }), tw = eg.randn([2, 2, 3, 4], { seed: 4 });
      const before = eg.memory().tensors;
      const outs = [
        eg.conv2d(x3, w, { groups: 2, bias: b, activation: 'gelu' }), eg.depthwiseConv2d(x, dw, { padding: 'same' }),
        eg.conv2dTranspose(x3, tw, undefined, { strides: 2 }), eg.maxPool2d(x3), eg.avgPool2d(x, { padding: 'same' }),
      ];
      expect(eg.memory().tensors).toBe(before + outs.length);
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.maxPool2d(eg.conv2d(x, w, { padding: 'same', groups: 2, bias: b, activation: 'relu' }))), [w, b]);
      expect(grads.map((g) => g.shape)).toEqual([[3, 3, 2, 4], [4]]);
      for (const t of [value, ...grads, ...outs]) t.dispose();
      expect(eg.memory().tensors).toBe(before);
      for (const t of [x, x3, dw, tw, w, b]) t.dispose();
    });

    itNeeds(cfg, ['maxPool2d', 'maxPool2dGrad'], "maxPool2d's gradient goes to the first max of each window in row-major order on ties", async () => {
      const x = eg.variable(eg.tensor([1, 3, 3, 0, 3, 3, 3, 1, 2, 2, 2, 2], [1, 3, 4, 1]));
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.maxPool2d(x, { poolSize: 2, strides: 1 })), [x]);
      // the first 3 of each window: (0,0) and (0,1) at [0,1]; (0,2) [0,2]; (1,0) [1,0]; (1,1) [1,1]; (1,2) [1,2]
      expect(Array.from(await values(grads[0]))).toEqual([0, 2, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0]);
      for (const t of [x, value, ...grads]) t.dispose();
    });

    it('globalAveragePool2d / globalMaxPool2d reduce height and width (keepDims, rank 3)', async () => {
      const data = Array.from({ length: 2 * 2 * 3 * 2 }, (_, i) => ((i * 7) % 11) - 5);
      const x = eg.tensor(data, [2, 2, 3, 2]);
      const at = (n: number, h: number, w: number, c: number) => data[((n * 2 + h) * 3 + w) * 2 + c];
      const want = (f: (v: number[]) => number) => [0, 1].flatMap((n) => [0, 1].map((c) => f([0, 1].flatMap((h) => [0, 1, 2].map((w) => at(n, h, w, c))))));
      const avg = eg.globalAveragePool2d(x), mx = eg.globalMaxPool2d(x, true), x3 = eg.globalMaxPool2d(eg.reshape(x, [4, 3, 2]));
      expect(avg.shape).toEqual([2, 2]);
      expect(mx.shape).toEqual([2, 1, 1, 2]);
      expect(x3.shape).toEqual([2]);
      const avgs = Array.from(await values(avg));
      want((v) => v.reduce((a, b) => a + b) / v.length).forEach((w, i) => expect(avgs[i]).toBeCloseTo(w, 6));
      expect(Array.from(await values(mx))).toEqual(want((v) => Math.max(...v)));
      for (const t of [x, avg, mx, x3]) t.dispose();
    });

    it('batchNorm and moments against hand-computed values', async () => {
      const x = eg.tensor([1, 10, 3, 20, 5, 60], [3, 2]);
      const { mean, variance } = eg.moments(x, 0);
      expect(mean.shape).toEqual([2]);
      const mv = Array.from(await values(mean)), vv = Array.from(await values(variance));
      expect(mv[0]).toBeCloseTo(3, 6); expect(mv[1]).toBeCloseTo(30, 5);
      expect(vv[0]).toBeCloseTo(8 / 3, 5); expect(vv[1]).toBeCloseTo(1400 / 3, 3);
      const k = eg.moments(x, [0], true);
      expect(k.mean.shape).toEqual([1, 2]);
      expect(k.variance.shape).toEqual([1, 2]);
      const y = eg.batchNorm(x, mean, variance, eg.tensor([0.5, -1]), eg.tensor([2, 3]), 1e-3);
      const got = Array.from(await values(y));
      const want = [1, 10, 3, 20, 5, 60].map((v, i) => (i % 2 === 0 ? ((v - 3) * 2) / Math.sqrt(8 / 3 + 1e-3) + 0.5 : ((v - 30) * 3) / Math.sqrt(1400 / 3 + 1e-3) - 1));
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 4));
      for (const t of [x, mean, variance, k.mean, k.variance, y]) t.dispose();
    });
  });
}

// ------------------------------------------------------------------ gradients

interface GradCase { name: string; needs: KernelName[]; inputs: GradInput[]; f: GradFn }
const GRADS: GradCase[] = [];
const CONV_ALL: KernelName[] = ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'];
function grad(name: string, needs: KernelName[], shapes: number[][], f: GradFn, gen?: ((r: Rng) => number)[]) {
  const r = rand(name);
  GRADS.push({ name, needs, inputs: shapes.map((s, i) => inputOf(r, s, gen?.[i])), f });
}
const positive = (r: Rng) => r.uniform(0.3, 2);
const anyV = (r: Rng) => r.uniform(-2, 2);
/** Distinct values at least 0.05 apart, so no window has a tie for its max. */
const distinct = (n: number) => {
  const perm = Array.from({ length: n }, (_, i) => i);
  const r = new Rng(n);
  for (let i = n - 1; i > 0; i--) { const j = r.int(0, i + 1); [perm[i], perm[j]] = [perm[j], perm[i]]; }
  let k = 0;
  return () => Math.fround(perm[k++ % n] * 0.05 - 1);
};

grad('conv2d valid wrt x and filter', CONV_ALL, [[2, 4, 5, 2], [3, 3, 2, 3]], (x, w) => eg.conv2d(x, w));
grad("conv2d strides 2 'same', bias", CONV_ALL, [[1, 5, 6, 2], [3, 3, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { strides: 2, padding: 'same', bias: b }));
grad('conv2d asymmetric pads, dilations [2,1], strides [1,2]', CONV_ALL, [[1, 6, 5, 2], [2, 3, 2, 2]], (x, w) => eg.conv2d(x, w, { padding: [[2, 0], [1, 3]], dilations: [2, 1], strides: [1, 2] }));
grad('conv2d strides 3 > kernel 2, windows in padding', CONV_ALL, [[1, 4, 4, 1], [2, 2, 1, 2]], (x, w) => eg.conv2d(x, w, { strides: 3, padding: [[2, 2], [3, 1]] }));
grad('conv2d groups 2, bias, tanh', CONV_ALL, [[1, 4, 4, 4], [3, 3, 2, 4], [4]], (x, w, b) => eg.conv2d(x, w, { groups: 2, padding: 'same', bias: b, activation: 'tanh' }));
grad('conv2d bias + relu', CONV_ALL, [[1, 4, 4, 2], [2, 2, 2, 3], [3]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'relu' }));
grad('conv2d bias + sigmoid', CONV_ALL, [[1, 3, 4, 2], [2, 2, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'sigmoid' }));
grad('conv2d bias + gelu', CONV_ALL, [[1, 3, 4, 2], [2, 2, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'gelu' }));
grad('conv2d rank-3 input', CONV_ALL, [[4, 4, 2], [3, 3, 2, 2]], (x, w) => eg.conv2d(x, w, { padding: 'same' }));
grad('depthwiseConv2d multiplier 2, bias', CONV_ALL, [[2, 4, 4, 3], [3, 3, 3, 2], [6]], (x, w, b) => eg.depthwiseConv2d(x, w, { padding: 'same', bias: b }));
grad("conv2dTranspose strides 2 'same'", CONV_ALL, [[1, 3, 3, 3], [3, 3, 2, 3]], (x, f) => eg.conv2dTranspose(x, f, undefined, { strides: 2, padding: 'same' }));
grad('conv2dTranspose valid, dilations 2, outputShape', CONV_ALL, [[2, 2, 3, 2], [2, 2, 3, 2]], (x, f) => eg.conv2dTranspose(x, f, [6, 8, 3], { dilations: 2, strides: 2 }));
grad("maxPool2d 3x3 strides 2 'same'", ['maxPool2d', 'maxPool2dGrad'], [[2, 5, 6, 2]], (x) => eg.maxPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }), [distinct(120)]);
grad('maxPool2d overlapping windows, explicit pads', ['maxPool2d', 'maxPool2dGrad'], [[1, 4, 5, 2]], (x) => eg.maxPool2d(x, { poolSize: [2, 3], strides: 1, padding: [[1, 0], [2, 1]] }), [distinct(40)]);
grad('avgPool2d 2x2 default', ['avgPool2d', 'avgPool2dGrad'], [[2, 4, 6, 2]], (x) => eg.avgPool2d(x));
grad("avgPool2d 3x3 strides 2 'same' (partial windows)", ['avgPool2d', 'avgPool2dGrad'], [[1, 5, 6, 2]], (x) => eg.avgPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }));
grad('globalAveragePool2d', [], [[2, 3, 4, 2]], (x) => eg.globalAveragePool2d(x));
grad('globalMaxPool2d', [], [[2, 3, 3, 2]], (x) => eg.globalMaxPool2d(x), [distinct(36)]);
grad('batchNorm wrt x, mean, variance, offset, scale', [], [[3, 2, 2, 3], [3], [3], [3], [3]],
  (x, m, v, o, s) => eg.batchNorm(x, m, v, o, s, 1e-3), [anyV, anyV, positive, anyV, anyV]);
grad('batchNorm with its own moments (training mode)', [], [[4, 3]], (x) => {
  const { mean, variance } = eg.moments(x, 0);
  return eg.batchNorm(x, mean, variance, null, null, 1e-3);
});
grad('batchNorm training form over [N, H, W] wrt x, offset, scale', [], [[2, 2, 3, 3], [3], [3]], (x, o, sc) => {
  const { mean, variance } = eg.moments(x, [0, 1, 2]);
  return eg.batchNorm(x, mean, variance, o, sc, 1e-3);
});

const refs = new Map<string, GradRef | Error>();
function refOf(c: GradCase): GradRef | Error {
  if (!refs.has(c.name)) {
    try { refs.set(c.name, finiteDifferences(c.f, c.inputs, hashName(c.name) ^ 0x5eed)); } catch (e) { refs.set(c.name, e as Error); }
  }
  return refs.get(c.name)!;
}

describe('conv gradients: js float64 analytic vs central differences', () => {
  beforeAll(() => use(JS_F64));
  for (const c of GRADS) {
    it(c.name, () => {
      const ref = refOf(c);
      if (ref instanceof Error) throw ref;
      expect(compareGrads(ref, analyticGrads(c.f, ref), F64_RTOL, F64_ATOL)).toEqual([]);
    });
  }
});

for (const cfg of testBackends()) {
  describe(`conv gradients on ${cfg.label} vs float64 central differences`, () => {
    beforeAll(async () => {
      if (GRADS.some((c) => !refs.has(c.name))) {
        await use(JS_F64);
        for (const c of GRADS) refOf(c);
      }
      await use(cfg);
    });
    for (const c of GRADS) {
      itNeeds(cfg, c.needs, c.name, async () => {
        const ref = refs.get(c.name)!;
        if (ref instanceof Error) throw new Error(`float64 reference failed: ${ref.message}`);
        expect(compareGrads(ref, await analyticGradsAsync(c.f, ref), F32_RTOL, F32_ATOL)).toEqual([]);
      });
    }
  });
}

// ------------------------------------------------------------------ bad input

describe('conv ops refuse bad input before any kernel runs, naming op and argument', () => {
  beforeAll(() => use(JS_F64));
  const x = () => eg.zeros([1, 5, 5, 4]);
  const w = (shape = [3, 3, 4, 2]) => eg.zeros(shape);
  const cases: [string, () => unknown, RegExp][] = [
    ['rank-2 x', () => eg.conv2d(eg.zeros([5, 4]), w()), /conv2d: 'x' must be rank 4 .* got shape \[5,4\]/],
    ['rank-3 filter', () => eg.conv2d(x(), eg.zeros([3, 3, 4])), /conv2d: 'filter' must be rank 4/],
    ['channel mismatch', () => eg.conv2d(x(), w([3, 3, 3, 2])), /conv2d: channel mismatch: x has 4 channels .* takes 3/],
    ['groups that do not divide the channels', () => eg.conv2d(x(), w([3, 3, 2, 2]), { groups: 3 }), /conv2d: groups 3 must divide the input channels 4/],
    ['groups that do not divide the output channels', () => eg.conv2d(x(), w([3, 3, 2, 3]), { groups: 2 }), /conv2d: groups 2 must divide .* output channels 3/],
    ['groups 0', () => eg.conv2d(x(), w(), { groups: 0 }), /conv2d: groups must be a positive integer, got 0/],
    ['kernel larger than the padded input', () => eg.conv2d(x(), w([7, 3, 4, 2])), /conv2d: the window 7x3 .* larger than the padded input 5x5 .* empty/],
    ['dilated kernel larger than the input', () => eg.conv2d(x(), w(), { dilations: 3 }), /conv2d: the window 3x3 \(dilations 3x3\) is larger/],
    ['non-integer strides', () => eg.conv2d(x(), w(), { strides: 1.5 }), /conv2d: strides must be a positive integer or a pair of them, got 1.5/],
    ['zero strides', () => eg.conv2d(x(), w(), { strides: [1, 0] }), /conv2d: strides must be .* got \[1,0\]/],
    ['negative dilations', () => eg.conv2d(x(), w(), { dilations: -1 }), /conv2d: dilations must be a positive integer/],
    ['bad padding string', () => eg.conv2d(x(), w(), { padding: 'full' as never }), /conv2d: padding must be 'valid', 'same' or \[\[top, bottom\], \[left, right\]\]/],
    ['negative explicit pad', () => eg.conv2d(x(), w(), { padding: [[1, -1], [0, 0]] }), /conv2d: padding must be/],
    ['int32 x', () => eg.conv2d(eg.zeros([1, 5, 5, 4], 'int32'), w()), /conv2d: 'x' has dtype int32, expected float32/],
    ['bias of the wrong size', () => eg.conv2d(x(), w(), { bias: eg.zeros([3]) }), /conv2d: bias must have shape \[2\]/],
    ['unknown activation', () => eg.conv2d(x(), w(), { activation: 'swish' as never }), /conv2d: unknown activation 'swish'/],
    ['depthwise rank-2 x', () => eg.depthwiseConv2d(eg.zeros([5, 4]), w([3, 3, 4, 1])), /depthwiseConv2d: 'x' must be rank 4/],
    ['depthwise rank-3 filter', () => eg.depthwiseConv2d(x(), eg.zeros([3, 3, 4])), /depthwiseConv2d: 'filter' must be rank 4 \[kh, kw, channels, multiplier\]/],
    ['depthwise channel mismatch', () => eg.depthwiseConv2d(x(), w([3, 3, 3, 2])), /depthwiseConv2d: the filter's channels .* must equal x's channels 4/],
    ['conv2dTranspose channel mismatch', () => eg.conv2dTranspose(x(), w([3, 3, 2, 3])), /conv2dTranspose: channel mismatch: x has 4 channels .* takes 3/],
    ['conv2dTranspose outputShape that does not fit', () => eg.conv2dTranspose(x(), w([3, 3, 2, 4]), [1, 20, 20, 2]), /conv2dTranspose: outputShape 20x20 does not fit x's 5x5/],
    ['conv2dTranspose outputShape with the wrong channels', () => eg.conv2dTranspose(x(), w([3, 3, 2, 4]), [7, 7, 3]), /conv2dTranspose: outputShape \[7,7,3\] must have 2 channels/],
    ['pool window larger than the input', () => eg.maxPool2d(x(), { poolSize: 6 }), /maxPool2d: the window 6x6 .* larger than the padded input 5x5/],
    ['pool non-integer poolSize', () => eg.avgPool2d(x(), { poolSize: 2.5 }), /avgPool2d: poolSize must be a positive integer/],
    ['pool rank-2 x', () => eg.maxPool2d(eg.zeros([4, 4])), /maxPool2d: 'x' must be rank 4/],
    ['batchNorm mean that does not broadcast', () => eg.batchNorm(x(), eg.zeros([3]), eg.ones([4])), /batchNorm: 'mean' of shape \[3\] must broadcast to x's shape \[1,5,5,4\]/],
    ['batchNorm epsilon 0', () => eg.batchNorm(x(), eg.zeros([4]), eg.ones([4]), null, null, 0), /batchNorm: epsilon must be a positive number/],
  ];
  for (const [name, f, re] of cases) {
    it(name, () => {
      const before = eg.memory().tensors;
      expect(() => eg.tidy(() => { f(); })).toThrow(re);
      expect(eg.memory().tensors).toBe(before);
    });
  }
});

// ------------------------------------------------------------------ layers

const L = eg.layers;
const CONV_LAYER_KERNELS: KernelName[] = ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter', 'maxPool2d', 'maxPool2dGrad', 'avgPool2d', 'avgPool2dGrad'];

describe('conv layers: shape inference, symbolic and real', () => {
  beforeAll(() => use(JS_F64));
  const cases: [string, () => eg.Layer, number[], number[]][] = [
    ['conv2d valid', () => L.conv2d({ filters: 4, kernelSize: 3 }), [9, 8, 2], [7, 6, 4]],
    ["conv2d 'same' strides 2", () => L.conv2d({ filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same' }), [9, 8, 2], [5, 4, 3]],
    ['conv2d dilationRate 2, groups 2', () => L.conv2d({ filters: 4, kernelSize: 3, dilationRate: 2, groups: 2 }), [9, 8, 2], [5, 4, 4]],
    ['depthwiseConv2d multiplier 2', () => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same' }), [5, 6, 3], [5, 6, 6]],
    ["conv2dTranspose 'same' strides 2", () => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), [4, 5, 3], [8, 10, 2]],
    ['conv2dTranspose valid strides 2 (Keras: in·s + max(k - s, 0))', () => L.conv2dTranspose({ filters: 2, kernelSize: [3, 1], strides: 2 }), [4, 5, 3], [9, 10, 2]],
    ['maxPooling2d default 2x2', () => L.maxPooling2d(), [7, 6, 3], [3, 3, 3]],
    ["averagePooling2d 3x3 strides 1 'same'", () => L.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [7, 6, 3], [7, 6, 3]],
    ['globalAveragePooling2d', () => L.globalAveragePooling2d(), [7, 6, 3], [3]],
    ['globalMaxPooling2d', () => L.globalMaxPooling2d(), [7, 6, 3], [3]],
    ['zeroPadding2d [[1,2],[0,3]]', () => L.zeroPadding2d({ padding: [[1, 2], [0, 3]] }), [4, 5, 2], [7, 8, 2]],
    ['zeroPadding2d [2, 1]', () => L.zeroPadding2d({ padding: [2, 1] }), [4, 5, 2], [8, 7, 2]],
    ['reshape with -1', () => L.reshape({ targetShape: [-1, 4] }), [2, 3, 4], [6, 4]],
    ['batchNormalization', () => L.batchNormalization(), [4, 5, 3], [4, 5, 3]],
  ];
  for (const [name, make, inShape, outShape] of cases) {
    it(name, () => {
      const sym = make().apply(eg.input({ shape: inShape }));
      expect(sym.shape).toEqual([null, ...outShape]);
      const layer = make();
      const y = layer.apply(eg.randn([2, ...inShape], { seed: 1 }));
      expect(y.shape).toEqual([2, ...outShape]);
      y.dispose();
      layer.dispose();
    });
  }

  it('conv2d and depthwiseConv2d layers compute their ops with their weights; conv2dTranspose adds its bias', () => {
    const x = eg.randn([2, 5, 5, 2], { seed: 2 });
    const c = L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', biasInitializer: 'ones', seed: 1 });
    const y = c.apply(x);
    expect(c.weights.map((w) => [w.name, w.shape])).toEqual([[`${c.name}/kernel`, [3, 3, 2, 3]], [`${c.name}/bias`, [3]]]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(eg.conv2d(x, c.kernel!, { padding: 'same', bias: c.bias, activation: 'relu' }).dataSync()));
    const d = L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, activation: 'leakyRelu', seed: 3 });
    const yd = d.apply(x);
    expect(d.weights.map((w) => w.shape)).toEqual([[2, 2, 2, 2], [4]]);
    expect(Array.from(yd.dataSync())).toEqual(Array.from(eg.leakyRelu(eg.depthwiseConv2d(x, d.kernel!, { bias: d.bias }), 0.2).dataSync()));
    const t = L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, useBias: true, biasInitializer: 'ones', seed: 4 });
    const yt = t.apply(x);
    expect(yt.shape).toEqual([2, 11, 11, 2]);
    expect(Array.from(yt.dataSync())).toEqual(Array.from(eg.add(eg.conv2dTranspose(x, t.kernel!, [2, 11, 11, 2], { strides: 2 }), 1).dataSync()));
    for (const l of [c, d, t]) l.dispose();
    eg.tidy(() => undefined);
  });

  it('bad layer arguments are refused, naming layer and argument', () => {
    expect(() => L.conv2d({ filters: 4 } as never)).toThrow(/conv2d 'conv2d_\d+': kernelSize must be a positive integer or a pair of them, got undefined/);
    expect(() => L.conv2d({ filters: 2.5, kernelSize: 3 })).toThrow(/conv2d '.*': filters must be a positive integer, got 2.5/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, strides: 0 })).toThrow(/strides must be a positive integer/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, groups: 3 })).toThrow(/groups 3 must divide filters 4/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, groups: 2 }).apply(eg.input({ shape: [5, 5, 3] }))).toThrow(/groups 2 must divide the input channels 3/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, padding: 'full' as never })).toThrow(/padding must be 'valid', 'same'/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3 }).apply(eg.input({ shape: [16] }))).toThrow(/conv2d '.*': needs images \(batch, height, width, channels\), got per-sample shape \(16,\)/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 6 }).apply(eg.input({ shape: [5, 5, 1] }))).toThrow(/the window 6 .* larger than the padded input 5 along height/);
    expect(() => L.maxPooling2d({ poolSize: 3 }).apply(eg.input({ shape: [2, 2, 1] }))).toThrow(/maxPooling2d '.*': the window 3 .* larger/);
    expect(() => L.reshape({ targetShape: [5, -1] }).apply(eg.input({ shape: [3, 4] }))).toThrow(/reshape '.*': cannot reshape per-sample shape \(3, 4\) \(12 values\) to \(5, -1\)/);
    expect(() => L.reshape({ targetShape: [-1, -1] })).toThrow(/at most one -1/);
    expect(() => L.zeroPadding2d({ padding: -1 })).toThrow(/zeroPadding2d '.*': padding must be a non-negative integer/);
    expect(() => L.batchNormalization({ momentum: 2 })).toThrow(/batchNormalization '.*': momentum must be a number in \[0, 1\]/);
    expect(() => L.batchNormalization({ axis: 3 }).apply(eg.input({ shape: [4] }))).toThrow(/axis 3 is out of range for inputs of rank 2/);
  });
});

/** f(x, ...weights): a fresh layer of `make` whose fields `fields` read the given tensors, so gradients reach them. */
function layerFn(make: () => eg.Layer, sample: number[], fields: string[], training = false): GradFn {
  return (x: Tensor, ...ws: Tensor[]) => {
    const layer = make();
    layer.build(sample);
    const own = layer.weights.slice();
    const slots = layer as unknown as Record<string, Tensor>;
    fields.forEach((f, i) => {
      if (!own.includes(slots[f] as never)) throw new Error(`layerFn: ${layer.className} has no weight field '${f}'`);
      slots[f] = ws[i];
    });
    const y = layer.call(x, { training });
    for (const w of own) w.dispose();
    return y;
  };
}
const LAYER_GRADS: { name: string; needs: KernelName[]; f: GradFn; shapes: number[][] }[] = [
  { name: 'conv2d layer, leakyRelu (activation after the kernel)', needs: CONV_ALL, shapes: [[2, 4, 4, 2], [3, 3, 2, 3], [3]],
    f: layerFn(() => L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'leakyRelu', seed: 1 }), [4, 4, 2], ['kernel', 'bias']) },
  { name: 'depthwiseConv2d layer, multiplier 2, strides 2', needs: CONV_ALL, shapes: [[1, 5, 5, 2], [2, 2, 2, 2], [4]],
    f: layerFn(() => L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, strides: 2, seed: 1 }), [5, 5, 2], ['kernel', 'bias']) },
  { name: "conv2dTranspose layer 'same' strides 2, sigmoid", needs: CONV_ALL, shapes: [[1, 3, 2, 2], [3, 3, 3, 2], [3]],
    f: layerFn(() => L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid', seed: 1 }), [3, 2, 2], ['kernel', 'bias']) },
  { name: 'batchNormalization layer in training mode, wrt x, gamma, beta', needs: [], shapes: [[3, 2, 2, 3], [3], [3]],
    f: layerFn(() => L.batchNormalization(), [2, 2, 3], ['gamma', 'beta'], true) },
  { name: 'batchNormalization layer in inference mode', needs: [], shapes: [[3, 2, 3], [3], [3]],
    f: layerFn(() => L.batchNormalization({ movingVarianceInitializer: 'ones' }), [2, 3], ['gamma', 'beta']) },
];
for (const cfg of testBackends()) {
  describe(`conv layers' gradients on float64 and ${cfg.label} vs central differences`, () => {
    for (const c of LAYER_GRADS) {
      itNeeds(cfg, c.needs, c.name, async () => {
        const r = rand(c.name);
        expect(await checkGradients(c.f, c.shapes.map((s) => inputOf(r, s)), cfg)).toEqual([]);
      });
    }
  });
}

describe('batchNormalization: training vs inference against hand-computed values', () => {
  beforeAll(() => use(JS_F64));
  it('training normalises with the batch statistics and moves the moving ones; inference uses the moving ones', () => {
    const bn = L.batchNormalization({ momentum: 0.75, epsilon: 0.01, gammaInitializer: 'ones', betaInitializer: 'zeros' });
    const x = eg.tensor([1, 10, 3, 20, 5, 60, 7, 30], [4, 2]);
    const inf0 = Array.from(bn.apply(x).dataSync());
    // fresh: moving mean 0, variance 1 -> x / sqrt(1.01)
    [1, 10, 3, 20, 5, 60, 7, 30].forEach((v, i) => expect(inf0[i]).toBeCloseTo(v / Math.sqrt(1.01), 10));
    bn.gamma!.assign(eg.tensor([2, 0.5]));
    bn.beta!.assign(eg.tensor([1, -1]));
    const y = Array.from(bn.apply(x, { training: true }).dataSync());
    const cols = [[1, 3, 5, 7], [10, 20, 60, 30]];
    const mu = cols.map((c) => c.reduce((a, b) => a + b) / 4);
    const va = cols.map((c, j) => c.reduce((a, b) => a + (b - mu[j]) ** 2, 0) / 4);
    const g = [2, 0.5], b = [1, -1];
    y.forEach((v, i) => { const j = i % 2; expect(v).toBeCloseTo(((cols[j][i >> 1] - mu[j]) / Math.sqrt(va[j] + 0.01)) * g[j] + b[j], 10); });
    const mm = mu.map((m) => 0.25 * m), mv = va.map((v) => 0.75 + 0.25 * v);
    Array.from(bn.movingMean!.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(mm[j], 10));
    Array.from(bn.movingVariance!.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(mv[j], 10));
    const inf = Array.from(bn.apply(x).dataSync());
    inf.forEach((v, i) => { const j = i % 2; expect(v).toBeCloseTo(((cols[j][i >> 1] - mm[j]) / Math.sqrt(mv[j] + 0.01)) * g[j] + b[j], 10); });
    expect(bn.trainableWeights.map((w) => w.name)).toEqual([`${bn.name}/gamma`, `${bn.name}/beta`]);
    expect(bn.nonTrainableWeights.map((w) => w.name)).toEqual([`${bn.name}/movingMean`, `${bn.name}/movingVariance`]);
    bn.dispose(); x.dispose();
  });

  it('axis 1 of NCHW-like input normalises per axis-1 feature', () => {
    const bn = L.batchNormalization({ axis: 1, momentum: 0 });
    const x = eg.randn([3, 2, 4], { seed: 5 });
    const y = bn.apply(x, { training: true });
    const mean = Array.from(eg.mean(y, [0, 2]).dataSync());
    mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-9));
    expect(Array.from(bn.movingMean!.dataSync())).toEqual(Array.from(eg.mean(x, [0, 2]).dataSync()));
    bn.dispose(); x.dispose(); y.dispose();
  });
});

for (const cfg of testBackends()) {
  describe(`a small CNN on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    itNeeds(cfg, CONV_LAYER_KERNELS, 'conv2d -> maxPooling2d -> batchNormalization -> flatten -> dense trains on 256 MNIST digits, saves and reloads', async () => {
      const { loadMnist } = await import('../src/data/mnist.js');
      const { train } = await loadMnist({ train: 256, test: 0, seed: 2 });
      const x = eg.tensor(train.images, [train.count, 28, 28, 1]), y = eg.tensor(train.labels, [train.count], 'int32');
      const m = eg.sequential([
        L.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }),
        L.maxPooling2d({ poolSize: 2 }),
        L.batchNormalization(),
        L.flatten(),
        L.dense({ units: 10, activation: 'softmax', seed: 2 }),
      ]);
      const lines: string[] = [];
      m.summary((l) => lines.push(l));
      expect(lines.join('\n')).toMatch(/Conv2D[\s\S]*\(None, 26, 26, 8\)[\s\S]*MaxPooling2D[\s\S]*\(None, 13, 13, 8\)[\s\S]*BatchNormalization[\s\S]*Dense/);
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 3e-3 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(x, y, { epochs: 3, batchSize: 32, verbose: 0, seed: 1 });
      const loss = h.history.loss;
      expect(loss[2]).toBeLessThan(loss[0] * 0.7);
      const bn = m.layers.find((l) => l.className === 'BatchNormalization') as eg.BatchNormalization;
      const moving = await values(bn.movingMean!);
      expect(Array.from(moving).some((v) => v !== 0)).toBe(true);
      const back = await eg.loadModel(await m.toArtifacts());
      expect(back.layers.map((l) => l.className)).toEqual(m.layers.map((l) => l.className));
      const bnBack = back.layers.find((l) => l.className === 'BatchNormalization') as eg.BatchNormalization;
      expect(Array.from(await values(bnBack.movingMean!))).toEqual(Array.from(moving));
      expect(Array.from(await values(bnBack.movingVariance!))).toEqual(Array.from(await values(bn.movingVariance!)));
      const xs = eg.slice(x, [0, 0, 0, 0], [64, -1, -1, -1]);
      expect(Array.from(await values(back.predict(xs)))).toEqual(Array.from(await values(m.predict(xs))));
      for (const t of [x, y, xs]) t.dispose();
      m.dispose(); back.dispose();
    }, 120_000);

    itNeeds(cfg, CONV_LAYER_KERNELS, 'a graph model with every image layer trains, saves and loads with identical predictions', async () => {
      const inp = eg.input({ shape: [8, 8, 2] });
      let h = L.zeroPadding2d({ padding: 1 }).apply(inp);
      h = L.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', seed: 1 }).apply(h);
      h = L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', seed: 2 }).apply(h);
      h = L.batchNormalization({ momentum: 0.5 }).apply(h);
      const up = L.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 2, activation: 'relu', seed: 3 }).apply(h);
      const a = L.globalAveragePooling2d().apply(L.averagePooling2d({ poolSize: 2 }).apply(up));
      const b = L.globalMaxPooling2d().apply(L.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }).apply(up));
      const r = L.reshape({ targetShape: [2, 2] }).apply(L.concatenate().apply([a, b]));
      const m = eg.model({ inputs: inp, outputs: L.flatten().apply(r) });
      expect(m.outputs[0].shape).toEqual([null, 4]);
      const x = eg.randn([3, 8, 8, 2], { seed: 4 });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      await m.fit(x, eg.zeros([3, 4]), { epochs: 1, batchSize: 3, verbose: 0 });
      const back = await eg.loadModel(await m.toArtifacts());
      expect(Array.from(await values(back.predict(x)))).toEqual(Array.from(await values(m.predict(x))));
      x.dispose(); m.dispose(); back.dispose();
    });
  });
}
