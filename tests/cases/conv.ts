// The conv family (conv2d, conv2dBackpropInput, conv2dBackpropFilter, maxPool2d, maxPool2dGrad,
// avgPool2d, avgPool2dGrad, conv2dMaxPool; the ops of src/ops/conv.ts, batchNorm and moments with them): one case
// list for conformance, gradients and bench (the model: tests/cases/case.ts), against the float64
// loops written here. tests/wasm-conv.test.ts and tests/webgpu-conv.test.ts sweep the backends'
// paths and tiles; tests/conv.test.ts keeps the layers, bad input and the CNN trainings.
import * as eg from '../../src/index.js';
import type { FusedActivation } from '../../src/kernels.js';
import { conv2dMaxPool } from '../../src/ops/conv.js';
import * as R from '../util/ref.js';
import { type Nd, Rng, nd, randNd, sizeOf } from '../util/ref.js';
import { type Case, type FamilyCases, type Gen, type Instance, type Tensor, grad, hashName, inst, positive, withGrads } from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ----------------------------------------------------------------------------------- float64 loops

const zeros = (shape: number[]): Nd => nd(shape, new Float64Array(sizeOf(shape)));
type Pads = [[number, number], [number, number]];
type Pad = 'valid' | 'same' | Pads;
type Pair = number | [number, number];
const pair = (v: Pair | undefined, d = 1): [number, number] => (v === undefined ? [d, d] : typeof v === 'number' ? [v, v] : v);

/** TF's pads for one axis ('same': output ceil(in / s), the odd pixel after). */
function refPads(p: Pad, axis: 0 | 1, size: number, k: number, s: number, d: number): [number, number] {
  if (p === 'valid') return [0, 0];
  if (p !== 'same') return p[axis];
  const need = Math.max((Math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0);
  return [need >> 1, need - (need >> 1)];
}

/** x [N, H, W, C] zero-padded (pads [[t, b], [l, r]]), with a mask of the real positions. */
function padded(x: Nd, [[t, b], [l, r]]: Pads): { p: Nd; inside: Uint8Array } {
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

const ACTS: Record<string, (v: number) => number> = {
  linear: (v) => v, relu: (v) => Math.max(v, 0), sigmoid: R.sigmoid, tanh: Math.tanh, gelu: R.gelu,
};
interface ConvGeo { strides?: Pair; dilations?: Pair; padding?: Pad; groups?: number }

/** conv2d by the book: pad, then slide the dilated window over the padded image. */
function refConv(x: Nd, w: Nd, o: ConvGeo & { bias?: Nd; activation?: string }): Nd {
  const [N, H, W, C] = x.shape, [KH, KW, Cg, O] = w.shape;
  const [sh, sw] = pair(o.strides), [dh, dw] = pair(o.dilations), G = o.groups ?? 1, pad = o.padding ?? 'valid';
  const { p } = padded(x, [refPads(pad, 0, H, KH, sh, dh), refPads(pad, 1, W, KW, sw, dw)]);
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
  return { ...y, scale };
}

/** conv2dTranspose by scattering: every x element times the filter added into the padded output, then cropped. */
function refConvTranspose(x: Nd, f: Nd, out: [number, number], o: ConvGeo): Nd {
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
  return { ...y, scale };
}

interface PoolGeo { poolSize?: Pair; strides?: Pair; padding?: Pad }
/** Pooling by the book: the padded image's windows, padding positions left out. */
function refPool(kind: 'max' | 'avg', x: Nd, o: PoolGeo): Nd {
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
  return { ...y, scale };
}

/** conv2d's gradients dx and dw for the output gradient dy, by scattering over the padded image; [...dx, ...dw]. */
function refConvGrads(x: Nd, w: Nd, dy: Nd, o: ConvGeo): Nd {
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
  return { ...nd([dx.length + dwt.length], [...dx, ...dwt]), scale: Float64Array.from([...scale, ...dws]) };
}

/** Pooling's dx for the output gradient dy: to the first max of each window (max), or dy / count to each position (avg). */
function refPoolGrad(kind: 'max' | 'avg', x: Nd, dy: Nd, o: PoolGeo): Nd {
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
  return { ...dx, scale };
}

/** Mean and population variance over `axes` (the moments op), concatenated flat: [...mean, ...variance]. */
function refMoments(x: Nd, axes: number[]): Nd {
  const mean = R.reduce(x, 'mean', axes);
  const keep = R.reduce(x, 'mean', axes, true);
  const dev = R.zip(x, keep, (a, m) => (a - m) ** 2);
  const variance = R.reduce(dev, 'mean', axes);
  return { ...nd([mean.data.length * 2], [...mean.data, ...variance.data]), scale: Float64Array.from([...R.reduce(R.map(x, Math.abs), 'mean', axes).data, ...variance.data]) };
}

/** batchNorm: (x - mean) / sqrt(variance + eps) * scale + offset, the per-channel operands broadcast over x. */
function refBatchNorm(x: Nd, m: Nd, v: Nd, off: Nd | null, sc: Nd | null, eps: number): Nd {
  const at = (t: Nd | null, i: number, d: number) => (t ? t.data[i % t.data.length] : d);
  const y = zeros(x.shape), scale = new Float64Array(y.data.length);
  for (let i = 0; i < x.data.length; i++) {
    const r = at(sc, i, 1) / Math.sqrt(at(v, i, 0) + eps);
    y.data[i] = (x.data[i] - at(m, i, 0)) * r + at(off, i, 0);
    scale[i] = (Math.abs(x.data[i]) + Math.abs(at(m, i, 0))) * Math.abs(r) + Math.abs(at(off, i, 0));
  }
  return { ...y, scale };
}

/** batchNormTraining, flattened: y, then the batch mean and biased variance over every axis but the last. */
function refBatchNormTraining(x: Nd, off: Nd | null, sc: Nd | null, eps: number): Nd {
  const C = x.shape[x.shape.length - 1];
  const mom = refMoments(x, x.shape.slice(0, -1).map((_, i) => i));
  const y = refBatchNorm(x, nd([C], mom.data.slice(0, C)), nd([C], mom.data.slice(C)), off, sc, eps);
  return { ...nd([y.data.length + 2 * C], [...y.data, ...mom.data]), scale: Float64Array.from([...y.scale!, ...mom.scale!]) };
}

// ----------------------------------------------------------------------------------- cases

const rand = (name: string) => new Rng(hashName(name));
/** The float32 allowance for elements summed from `terms` products: stol = max(4e-6, 2·terms·2^-24). */
const terms = (k: number): Partial<Instance> => ({ tol32: { stol: Math.max(4e-6, 2 * k * 2 ** -24) } });

const convFwd: Instance[] = [], convBack: Instance[] = [];
type ConvOpts = ConvGeo & { bias?: boolean; activation?: string };
function convCase(name: string, xs: number[], ws: number[], o: ConvOpts = {}) {
  const r = rand(name);
  const inputs = [randNd(r, xs), randNd(r, ws)];
  if (o.bias) inputs.push(randNd(r, [ws[3]]));
  const geo = { strides: o.strides, dilations: o.dilations, padding: o.padding, groups: o.groups };
  convFwd.push(inst(name, inputs, (x, w, b) => eg.conv2d(x, w, { ...geo, bias: b, activation: o.activation as FusedActivation }),
    (x, w, b) => refConv(x, w, { ...o, bias: b }), terms(ws[0] * ws[1] * ws[2] + 1)));
  // The backward kernels: the gradients of sum(conv2d(x, w) · dy) are exactly dx and dw.
  const dy = randNd(r, refConv(inputs[0], inputs[1], { ...o, bias: undefined }).shape);
  const [N, OH, OW] = dy.shape;
  convBack.push(inst(name, [inputs[0], inputs[1], dy], (x, w, d) => {
    const vx = eg.variable(x), vw = eg.variable(w);
    const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(eg.conv2d(vx, vw, geo), d)), [vx, vw]);
    const out = eg.tidy(() => eg.concat([eg.reshape(grads[0], [-1]), eg.reshape(grads[1], [-1])]));
    for (const t of [value, ...grads, vx, vw]) t.dispose();
    return out;
  }, (x, w, d) => refConvGrads(x, w, d, o), terms(Math.max(ws[0] * ws[1] * ws[3] / (o.groups ?? 1), N * OH * OW))));
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
convCase("tiles: 3x3 'same' 16 -> 12 channels, batch 3, bias, relu (wasm: Winograd 4x4 tiles overhanging a 6x7 output)", [3, 6, 7, 16], [3, 3, 16, 12], { padding: 'same', bias: true, activation: 'relu' });
for (const activation of ['relu', 'sigmoid', 'tanh', 'gelu']) convCase(`bias + ${activation}`, [2, 4, 5, 3], [3, 3, 3, 4], { bias: true, activation, padding: 'same' });
{
  const r = rand('rank-3 input (no batch)');
  convFwd.push(inst('rank-3 input (no batch)', [randNd(r, [5, 4, 2]), randNd(r, [2, 2, 2, 3])], (x, w) => eg.conv2d(x, w, { padding: 'same' }), (x, w) => {
    const o = refConv(nd([1, ...x.shape], x.data), w, { padding: 'same' });
    return { ...o, shape: o.shape.slice(1) };
  }, terms(9)));
}
add({ name: 'conv2d', tol: 'conv', instances: convFwd });
add({ name: 'conv2d backward (dx, dw)', tol: 'conv', instances: convBack });

{
  const instances: Instance[] = [];
  for (const [name, xs, ws, o] of [
    ['multiplier 2, 3x3 same', [2, 5, 6, 3], [3, 3, 3, 2], { padding: 'same' }],
    ['multiplier 1, strides 2, dilations [1,2], bias', [1, 7, 7, 4], [3, 3, 4, 1], { strides: 2, dilations: [1, 2], bias: true }],
  ] as [string, number[], number[], ConvOpts][]) {
    const r = rand(name);
    const inputs = [randNd(r, xs), randNd(r, ws)];
    if (o.bias) inputs.push(randNd(r, [ws[2] * ws[3]]));
    instances.push(inst(name, inputs, (x, w, b) => eg.depthwiseConv2d(x, w, { strides: o.strides, dilations: o.dilations, padding: o.padding, bias: b }),
      // [kh, kw, C, M] is the grouped filter [kh, kw, 1, C·M] (same element order).
      (x, w, b) => refConv(x, nd([ws[0], ws[1], 1, ws[2] * ws[3]], w.data), { ...o, groups: xs[3], bias: b }), terms(ws[0] * ws[1] + 1)));
  }
  add({ name: 'depthwiseConv2d', tol: 'conv', instances });
}
{
  const instances: Instance[] = [];
  for (const [name, xs, fs, out, o] of [
    ["strides 2 'same' (output 2H x 2W by default)", [2, 3, 4, 3], [3, 3, 2, 3], undefined, { strides: 2, padding: 'same' }],
    ['valid, default output (H-1)s + k', [1, 3, 3, 2], [3, 2, 3, 2], undefined, { strides: [2, 1] }],
    ['valid strides 2 with a larger outputShape [8, 6]', [1, 3, 3, 2], [3, 2, 1, 2], [8, 6], { strides: 2 }],
    ['explicit pads, dilations 2', [1, 4, 3, 2], [2, 3, 2, 2], undefined, { padding: [[1, 0], [2, 1]], dilations: 2 }],
    ['1x1 input, strides 3', [2, 1, 1, 2], [2, 2, 3, 2], undefined, { strides: 3 }],
  ] as [string, number[], number[], [number, number] | undefined, ConvGeo][]) {
    const r = rand(name);
    const [s0, s1] = pair(o.strides), [d0, d1] = pair(o.dilations);
    const p = o.padding ?? 'valid';
    const size = out ?? (p === 'same' ? [xs[1] * s0, xs[2] * s1] : [
      (xs[1] - 1) * s0 + d0 * (fs[0] - 1) + 1 - (p === 'valid' ? 0 : p[0][0] + p[0][1]),
      (xs[2] - 1) * s1 + d1 * (fs[1] - 1) + 1 - (p === 'valid' ? 0 : p[1][0] + p[1][1]),
    ]) as [number, number];
    instances.push(inst(name, [randNd(r, xs), randNd(r, fs)], (x, f) => eg.conv2dTranspose(x, f, out ? [xs[0], ...out, fs[2]] : undefined, o),
      (x, f) => refConvTranspose(x, f, size, o), terms(fs[0] * fs[1] * xs[3])));
  }
  add({ name: 'conv2dTranspose', tol: 'conv', instances });
}

for (const kind of ['max', 'avg'] as const) {
  const fwd: Instance[] = [], back: Instance[] = [];
  const pool = kind === 'max' ? eg.maxPool2d : eg.avgPool2d;
  for (const [name, xs, o] of [
    ['2x2 default (strides = poolSize)', [2, 6, 7, 3], {}],
    ["3x3 strides 2 'same' on 7x6", [1, 7, 6, 2], { poolSize: 3, strides: 2, padding: 'same' }],
    ['[2,3] strides [1,2]', [2, 5, 7, 2], { poolSize: [2, 3], strides: [1, 2] }],
    ["1x1 input, 3x3 'same'", [2, 1, 1, 3], { poolSize: 3, strides: 1, padding: 'same' }],
    ['strides 3 larger than the 2x2 window', [1, 8, 8, 2], { poolSize: 2, strides: 3 }],
    ['explicit pads with windows wholly in padding', [1, 2, 3, 2], { poolSize: 2, strides: 1, padding: [[2, 1], [0, 3]] }],
  ] as [string, number[], PoolGeo][]) {
    const r = rand(`${kind} ${name}`);
    fwd.push(inst(name, [randNd(r, xs)], (x) => pool(x, o), (x) => refPool(kind, x, o)));
    const x = randNd(r, xs), dy = randNd(r, refPool(kind, x, o).shape);
    back.push(poolBack(kind, name, x, dy, o));
  }
  // NaN propagates through max; a window wholly in padding is -Infinity (max) or NaN (avg, 0/0).
  if (kind === 'max') {
    fwd.push(inst('NaN propagates; a window wholly in padding is -Infinity', [nd([1, 2, 2, 1], [1, NaN, 3, 4])],
      (x) => pool(x, { poolSize: 2, strides: 1, padding: [[0, 0], [0, 3]] }), (x) => refPool(kind, x, { poolSize: 2, strides: 1, padding: [[0, 0], [0, 3]] })));
    // Ties: the gradient goes to the first max of each window in row-major order.
    const o: PoolGeo = { poolSize: 2, strides: 1 };
    back.push(poolBack(kind, 'ties go to the first max in row-major order',
      nd([1, 3, 4, 1], [1, 3, 3, 0, 3, 3, 3, 1, 2, 2, 2, 2]), nd([1, 2, 3, 1], [1, 1, 1, 1, 1, 1]), o));
  } else {
    fwd.push(inst('a window wholly in padding is NaN', [nd([1, 2, 2, 1], [1, 2, 3, 4])],
      (x) => pool(x, { poolSize: 1, strides: 2, padding: [[0, 0], [0, 1]] }), (x) => refPool(kind, x, { poolSize: 1, strides: 2, padding: [[0, 0], [0, 1]] })));
  }
  add({ name: `${kind}Pool2d`, tol: kind === 'max' ? 'exact' : 'pool', instances: fwd });
  add({ name: `${kind}Pool2d backward`, tol: 'pool', instances: back });
}
// conv2dMaxPool (inference: maxPool2d of conv2d as one kernel; on wasm per chunk of images of at most
// 128 KiB of conv output): against the two float64 loops in turn.
{
  const instances: Instance[] = [];
  for (const [name, xs, ws, o, po] of [
    ['reference CNN layer 1: 3x3 1->8 relu, 2x2 pool, batch 7 (chunks and a remainder)', [7, 28, 28, 1], [3, 3, 1, 8], { bias: true, activation: 'relu' }, {}],
    ['odd 7x7 conv output, 2x2 valid pool drops the last row and column', [2, 9, 9, 3], [3, 3, 3, 4], { bias: true, activation: 'relu' }, {}],
    ["'same' conv, no bias, linear, batch 1", [1, 6, 5, 4], [3, 3, 4, 8], { padding: 'same' }, {}],
    ['im2col path (O = 6), 3x3 pool strides 2', [3, 8, 9, 5], [3, 3, 5, 6], { bias: true, activation: 'tanh' }, { poolSize: 3, strides: 2 }],
    ["groups 2, strides 2, 'same' 2x2 pool", [2, 10, 9, 4], [3, 3, 2, 8], { groups: 2, strides: 2, bias: true }, { padding: 'same' }],
    ['one image per chunk (over 128 KiB of conv output each), batch 3', [3, 48, 46, 2], [3, 3, 2, 16], { padding: 'same', bias: true, activation: 'relu' }, {}],
    ['depthwise form (groups = C = 8), 3x3 pool strides 1', [2, 9, 9, 8], [3, 3, 1, 8], { groups: 8, bias: true }, { poolSize: 3, strides: 1 }],
    ["wide rows (C = 72 > 64, 'same' stride 1, W 34; O = 6, not Winograd's)", [2, 4, 34, 72], [3, 3, 72, 6], { padding: 'same', bias: true, activation: 'relu' }, {}],
  ] as [string, number[], number[], ConvOpts, PoolGeo][]) {
    const r = rand(`conv2dMaxPool ${name}`);
    const inputs = [randNd(r, xs), randNd(r, ws)];
    if (o.bias) inputs.push(randNd(r, [ws[3]]));
    const geo = { strides: o.strides, dilations: o.dilations, padding: o.padding, groups: o.groups };
    instances.push(inst(name, inputs, (x, w, b) => conv2dMaxPool(x, w, { ...geo, bias: b, activation: o.activation as FusedActivation }, po),
      (x, w, b) => refPool('max', refConv(x, w, { ...o, bias: b }), po), terms(ws[0] * ws[1] * ws[2] + 1)));
  }
  add({ name: 'conv2dMaxPool (inference)', tol: 'conv', instances });
}

function poolBack(kind: 'max' | 'avg', name: string, x: Nd, dy: Nd, o: PoolGeo): Instance {
  const pool = kind === 'max' ? eg.maxPool2d : eg.avgPool2d;
  return inst(name, [x, dy], (xt, d) => {
    const v = eg.variable(xt);
    const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(pool(v, o), d)), [v]);
    value.dispose(); v.dispose();
    return grads[0];
  }, (xa, d) => refPoolGrad(kind, xa, d, o), terms(9));
}

/** Global pooling: the reduction over height and width of [N, H, W, C] or [H, W, C]. */
function refGlobal(kind: 'max' | 'avg', x: Nd, keepDims = false): Nd {
  const axes = x.shape.length === 4 ? [1, 2] : [0, 1];
  const y = R.reduce(x, kind === 'max' ? 'max' : 'mean', axes, keepDims);
  return { ...y, scale: R.reduce(R.map(x, Math.abs), 'mean', axes, keepDims).data };
}
for (const kind of ['avg', 'max'] as const) {
  const r = rand(`global ${kind} pooling`);
  const op = (x: Tensor, keep?: boolean) => (kind === 'avg' ? eg.globalAveragePool2d(x, keep) : eg.globalMaxPool2d(x, keep));
  add({
    name: `global${kind === 'avg' ? 'Average' : 'Max'}Pool2d`, tol: kind === 'max' ? 'exact' : 'pool', instances: [
      inst('[2,2,3,2]', [randNd(r, [2, 2, 3, 2])], (x) => op(x), (x) => refGlobal(kind, x)),
      inst('[2,2,3,2] keepDims', [randNd(r, [2, 2, 3, 2])], (x) => op(x, true), (x) => refGlobal(kind, x, true)),
      inst('rank 3 [4,3,2]', [randNd(r, [4, 3, 2])], (x) => op(x), (x) => refGlobal(kind, x)),
      inst('[2,5,7,9]', [randNd(r, [2, 5, 7, 9])], (x) => op(x), (x) => refGlobal(kind, x)),
    ],
  });
}

{
  const r = rand('moments');
  const mom = (axes: number | number[], keep = false) => (x: Tensor) => {
    const { mean, variance } = eg.moments(x, axes, keep);
    const out = eg.concat([eg.reshape(mean, [-1]), eg.reshape(variance, [-1])]);
    mean.dispose(); variance.dispose();
    return out;
  };
  add({
    name: 'moments (mean and variance, flattened)', tol: 'conv', instances: [
      inst('[3,2] axis 0', [nd([3, 2], [1, 10, 3, 20, 5, 60])], mom(0), (x) => refMoments(x, [0])),
      inst('[3,2] axes [0] keepDims', [randNd(r, [3, 2])], mom([0], true), (x) => refMoments(x, [0])),
      inst('[2,3,4,5] axes [0,1,2] (batch-norm training form)', [randNd(r, [2, 3, 4, 5])], mom([0, 1, 2]), (x) => refMoments(x, [0, 1, 2])),
      inst('[4,6] axis -1', [randNd(r, [4, 6])], mom(-1), (x) => refMoments(x, [1])),
    ],
  });
}
{
  const r = rand('batchNorm');
  const C = 4;
  const hand = [nd([3, 2], [1, 10, 3, 20, 5, 60]), nd([2], [3, 30]), nd([2], [8 / 3, 1400 / 3].map(Math.fround) /* inputs are float32 */), nd([2], [0.5, -1]), nd([2], [2, 3])];
  add({
    name: 'batchNorm', tol: 'conv', instances: [
      inst('[3,2] hand-computed moments, offset and scale, eps 1e-3', hand,
        (x, m, v, o, s) => eg.batchNorm(x, m, v, o, s, 1e-3), (x, m, v, o, s) => refBatchNorm(x, m, v, o, s, 1e-3)),
      inst('[2,3,3,4] per channel', [randNd(r, [2, 3, 3, C]), randNd(r, [C]), randNd(r, [C], positive), randNd(r, [C]), randNd(r, [C])],
        (x, m, v, o, s) => eg.batchNorm(x, m, v, o, s, 1e-3), (x, m, v, o, s) => refBatchNorm(x, m, v, o, s, 1e-3)),
      inst('[5,4] without offset and scale, default epsilon', [randNd(r, [5, C]), randNd(r, [C]), randNd(r, [C], positive)],
        (x, m, v) => eg.batchNorm(x, m, v), (x, m, v) => refBatchNorm(x, m, v, null, null, 1e-3)),
    ],
  });
}

{
  const r = rand('batchNormTraining');
  const flat = (o: { y: Tensor; mean: Tensor; variance: Tensor }) => {
    const out = eg.concat([eg.reshape(o.y, [-1]), o.mean, o.variance]);
    eg.dispose([o.y, o.mean, o.variance]);
    return out;
  };
  const full = (label: string, xs: number[], eps = 1e-3, gen?: Gen) => {
    const C = xs[xs.length - 1], rows = sizeOf(xs) / C;
    return inst(label, [randNd(r, xs, gen), randNd(r, [C]), randNd(r, [C])], (x, o, sc) => flat(eg.batchNormTraining(x, o, sc, eps)),
      (x, o, sc) => refBatchNormTraining(x, o, sc, eps), terms(rows));
  };
  add({
    name: 'batchNormTraining (y, mean, variance; fused kernel)', tol: 'conv', instances: [
      full('[2,3,3,4] NHWC, offset and scale', [2, 3, 3, 4]),
      full('[5,21] channels 16 + 4 + 1 (every lane block and the tail)', [5, 21]),
      full('[3,6,6,32] rows 108 > one chunk of 64', [3, 6, 6, 32]),
      full('[16,12,12,48] rows 2304', [16, 12, 12, 48]),
      full('[4,7] epsilon 1e-5', [4, 7], 1e-5),
      full('[1,1,1,3] one row: variance 0, y = offset', [1, 1, 1, 3]),
      full('[40,6] offset 100 (variance by the centred pass)', [40, 6], 1e-3, (x) => Math.fround(100 + x.uniform(-1, 1))),
      inst('[6,5] without offset and scale', [randNd(r, [6, 5])], (x) => flat(eg.batchNormTraining(x)), (x) => refBatchNormTraining(x, null, null, 1e-3), terms(6)),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

const anyV: Gen = (r) => r.uniform(-2, 2);
const gPositive2: Gen = (r) => r.uniform(0.3, 2);
/** Distinct values at least 0.05 apart, shuffled, so no window has a tie for its max. */
const distinct = (n: number): Gen => {
  const perm = Array.from({ length: n }, (_, i) => i);
  const r = new Rng(n);
  for (let i = n - 1; i > 0; i--) { const j = r.int(0, i + 1); [perm[i], perm[j]] = [perm[j], perm[i]]; }
  let k = 0;
  return () => Math.fround(perm[k++ % n] * 0.05 - 1);
};

withGrads(cases, 'conv2d',
  grad('conv2d valid wrt x and filter', [[2, 4, 5, 2], [3, 3, 2, 3]], (x, w) => eg.conv2d(x, w)),
  grad("conv2d strides 2 'same', bias", [[1, 5, 6, 2], [3, 3, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { strides: 2, padding: 'same', bias: b })),
  grad('conv2d asymmetric pads, dilations [2,1], strides [1,2]', [[1, 6, 5, 2], [2, 3, 2, 2]], (x, w) => eg.conv2d(x, w, { padding: [[2, 0], [1, 3]], dilations: [2, 1], strides: [1, 2] })),
  grad('conv2d strides 3 > kernel 2, windows in padding', [[1, 4, 4, 1], [2, 2, 1, 2]], (x, w) => eg.conv2d(x, w, { strides: 3, padding: [[2, 2], [3, 1]] })),
  grad('conv2d groups 2, bias, tanh', [[1, 4, 4, 4], [3, 3, 2, 4], [4]], (x, w, b) => eg.conv2d(x, w, { groups: 2, padding: 'same', bias: b, activation: 'tanh' })),
  grad('conv2d bias + relu', [[1, 4, 4, 2], [2, 2, 2, 3], [3]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'relu' })),
  grad('conv2d bias + sigmoid', [[1, 3, 4, 2], [2, 2, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'sigmoid' })),
  grad('conv2d bias + gelu', [[1, 3, 4, 2], [2, 2, 2, 2], [2]], (x, w, b) => eg.conv2d(x, w, { bias: b, activation: 'gelu' })),
  grad('conv2d rank-3 input', [[4, 4, 2], [3, 3, 2, 2]], (x, w) => eg.conv2d(x, w, { padding: 'same' })),
  // 3x3 stride 1, C and O 8: on wasm dX and dW by Winograd (the transposed conv's forward; F(3x3, 4x4)), and the forward.
  grad("conv2d 3x3 'same' 8 -> 8 batch 2 (wasm: Winograd dX and dW)", [[2, 8, 7, 8], [3, 3, 8, 8]], (x, w) => eg.conv2d(x, w, { padding: 'same' })),
  grad('conv2d 3x3 valid 8 -> 12 batch 1 (wasm: Winograd dX over pads 2, dW)', [[1, 10, 9, 8], [3, 3, 8, 12]], (x, w) => eg.conv2d(x, w)));
withGrads(cases, 'depthwiseConv2d',
  grad('depthwiseConv2d multiplier 2, bias', [[2, 4, 4, 3], [3, 3, 3, 2], [6]], (x, w, b) => eg.depthwiseConv2d(x, w, { padding: 'same', bias: b })));
withGrads(cases, 'conv2dTranspose',
  grad("conv2dTranspose strides 2 'same'", [[1, 3, 3, 3], [3, 3, 2, 3]], (x, f) => eg.conv2dTranspose(x, f, undefined, { strides: 2, padding: 'same' })),
  grad('conv2dTranspose valid, dilations 2, outputShape', [[2, 2, 3, 2], [2, 2, 3, 2]], (x, f) => eg.conv2dTranspose(x, f, [6, 8, 3], { dilations: 2, strides: 2 })));
withGrads(cases, 'maxPool2d',
  grad("maxPool2d 3x3 strides 2 'same'", [[2, 5, 6, 2]], (x) => eg.maxPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }), [distinct(120)]),
  grad('maxPool2d overlapping windows, explicit pads', [[1, 4, 5, 2]], (x) => eg.maxPool2d(x, { poolSize: [2, 3], strides: 1, padding: [[1, 0], [2, 1]] }), [distinct(40)]));
withGrads(cases, 'avgPool2d',
  grad('avgPool2d 2x2 default', [[2, 4, 6, 2]], (x) => eg.avgPool2d(x)),
  grad("avgPool2d 3x3 strides 2 'same' (partial windows)", [[1, 5, 6, 2]], (x) => eg.avgPool2d(x, { poolSize: 3, strides: 2, padding: 'same' })));
withGrads(cases, 'globalAveragePool2d', grad('globalAveragePool2d', [[2, 3, 4, 2]], (x) => eg.globalAveragePool2d(x)));
withGrads(cases, 'globalMaxPool2d', grad('globalMaxPool2d', [[2, 3, 3, 2]], (x) => eg.globalMaxPool2d(x), [distinct(36)]));
withGrads(cases, 'batchNorm',
  grad('batchNorm wrt x, mean, variance, offset, scale', [[3, 2, 2, 3], [3], [3], [3], [3]],
    (x, m, v, o, s) => eg.batchNorm(x, m, v, o, s, 1e-3), [anyV, anyV, gPositive2, anyV, anyV]),
  grad('batchNorm with its own moments (training mode)', [[4, 3]], (x) => {
    const { mean, variance } = eg.moments(x, 0);
    return eg.batchNorm(x, mean, variance, null, null, 1e-3);
  }),
  grad('batchNorm training form over [N, H, W] wrt x, offset, scale', [[2, 2, 3, 3], [3], [3]], (x, o, sc) => {
    const { mean, variance } = eg.moments(x, [0, 1, 2]);
    return eg.batchNorm(x, mean, variance, o, sc, 1e-3);
  }));

{
  const stats = (o: { y: Tensor; mean: Tensor; variance: Tensor }) => eg.concat([eg.reshape(o.y, [-1]), eg.mul(o.mean, 3), eg.mul(o.variance, -2)]);
  withGrads(cases, 'batchNormTraining (y, mean, variance; fused kernel)',
    grad('batchNormTraining wrt x, offset, scale [3,2,2,3]', [[3, 2, 2, 3], [3], [3]], (x, o, sc) => eg.batchNormTraining(x, o, sc).y),
    grad('batchNormTraining y, mean and variance wrt x, scale [2,3,2,5] (lane tail)', [[2, 3, 2, 5], [5]], (x, sc) => stats(eg.batchNormTraining(x, null, sc))),
    grad('batchNormTraining rows 72 > chunk, 16 + 4 channels, epsilon 1e-2', [[2, 6, 6, 20], [20], [20]], (x, o, sc) => eg.batchNormTraining(x, o, sc, 1e-2).y),
    grad('batchNormTraining wrt x only [5,4]', [[5, 4]], (x) => eg.batchNormTraining(x).y));
}

// ----------------------------------------------------------------------------------- bench

/** One layer timed by bench/conv.ts: 'same' padding, strides 1; depthwise: groups = channels, O = C. */
export interface ConvBenchLayer {
  name: string;
  x: [number, number, number, number];
  k: number;
  O: number;
  depthwise?: boolean;
}
const bench: ConvBenchLayer[] = [
  { name: '3x3 1->16 28x28 b64', x: [64, 28, 28, 1], k: 3, O: 16 },
  { name: '3x3 16->32 28x28 b64', x: [64, 28, 28, 16], k: 3, O: 32 },
  { name: '3x3 64->64 56x56 b1', x: [1, 56, 56, 64], k: 3, O: 64 },
  { name: '3x3 64->64 56x56 b4', x: [4, 56, 56, 64], k: 3, O: 64 },
  { name: '1x1 64->128 56x56 b1', x: [1, 56, 56, 64], k: 1, O: 128 },
  { name: 'depthwise 3x3 56x56x64 b1', x: [1, 56, 56, 64], k: 3, O: 64, depthwise: true },
];

export const conv: FamilyCases<ConvBenchLayer[]> = { family: 'conv', cases, bench };
