// The ONNX op table: each supported op (default domain) as a function of its inputs (device
// tensors, or host constants: initializers that are not weights, Constant nodes, and the shape
// arithmetic folded from them) and its attributes, written with edgegrad's ops, so gradients flow
// through every one of them. Layout: ONNX is NCHW with conv weights [out, in/groups, kh, kw];
// edgegrad's conv ops are NHWC with filters [kh, kw, in/groups, out]: conv and pooling transpose
// around the kernel.
import { engine } from '../engine.js';
import { Tensor } from '../tensor.js';
import * as eg from '../ops/elementwise.js';
import { argmax, argmin, max as reduceMax, mean, min as reduceMin, sum } from '../ops/reduce.js';
import { broadcastTo, concat, gather, pad, reshape, slice, transpose } from '../ops/shape.js';
import { fusedMatmul, matmul } from '../ops/linalg.js';
import { logSoftmax, softmax } from '../ops/nn.js';
import { avgPool2d, conv2d, conv2dTranspose, maxPool2d } from '../ops/conv.js';
import { layerNorm, where } from '../ops/attention.js';
import { arange, tensor } from '../ops/creation.js';
import { broadcastShapes } from '../ops/util.js';
import { sizeOf } from '../kernels.js';
import { BOOL, DOUBLE, FLOAT, FLOAT16, type HostTensor, INT64, typeName } from './model.js';

/** An NCHW activation held as NHWC (the fast path's conv layout); `shape` is the NCHW one. */
export class Nhwc {
  constructor(readonly t: Tensor) {}
  get shape(): number[] { const [n, h, w, c] = this.t.shape; return [n, c, h, w]; }
  /** The NCHW tensor. */
  nchw(): Tensor { return permute(this.t, [0, 3, 1, 2]); }
}

/** A value in the graph: a tensor on the device, or a constant on the host (or, on the fast path, an NHWC activation). */
export type Val = Tensor | HostTensor | Nhwc;

/** An attribute as model.json stores it. */
export type AttrValue = number | string | number[] | string[] | { type: number; shape: number[]; data: number[] };

export interface OpContext {
  /** The opset of the default domain. */
  opset: number;
  training: boolean;
  /**
   * Inference fast path (not training): conv and pooling keep NHWC activations (Nhwc values) between
   * them, filters are prepared once (prepare), and a Conv may absorb the BatchNormalization and Relu
   * after it (fuse). Training runs the plain ops, so gradients see the ONNX graph as written.
   */
  fast: boolean;
  /** Tensors made once from the weights they read (`deps`), remade when a weight changes; owned by the graph. */
  prepare?: (deps: Tensor[], make: () => Tensor[]) => Tensor[];
  /** For a Conv: the BatchNormalization inputs [scale, B, mean, var] and epsilon, and a Relu, to apply in the kernel. */
  fuse?: { bn?: { ins: (Val | undefined)[]; epsilon: number }; bias?: Val; relu: boolean };
  /** The node's name and op, for errors. */
  where: string;
  /** How many outputs the node asks for. */
  outputs: number;
}

export interface Attrs {
  i(name: string, d: number): number;
  f(name: string, d: number): number;
  s(name: string, d: string): string;
  ints(name: string, d: number[]): number[];
  has(name: string): boolean;
  tensor(name: string): HostTensor | undefined;
}

type OpFn = (ins: (Val | undefined)[], a: Attrs, c: OpContext) => Val | Val[];

export const isHost = (v: unknown): v is HostTensor => !!v && !(v instanceof Tensor) && !(v instanceof Nhwc) && typeof v === 'object' && 'data' in v && 'type' in v;

const FLOATISH = new Set([FLOAT, DOUBLE, FLOAT16, 16]);

/** A host constant as a device tensor: float types as float32, bool as float32 0/1, integers as int32. */
export function toTensor(v: Val): Tensor {
  if (v instanceof Tensor) return v;
  if (v instanceof Nhwc) return v.nchw();
  if (FLOATISH.has(v.type) || v.type === BOOL) return tensor(v.data instanceof Float32Array ? v.data : Float32Array.from(v.data), [...v.shape], 'float32');
  const d = new Int32Array(v.data.length);
  for (let i = 0; i < d.length; i++) { const x = v.data[i]; d[i] = x > 2147483647 ? 2147483647 : x < -2147483648 ? -2147483648 : x; }
  return tensor(d, [...v.shape], 'int32');
}

/** A value's numbers on the host (a device tensor is read: only for inputs that must be known, such as shapes). */
export function hostData(v: Val, c: OpContext, what: string): ArrayLike<number> {
  if (isHost(v)) return v.data;
  if (!engine.syncReads) throw new Error(`${c.where}: input '${what}' must be a constant or computed from shapes on this backend (it is read on the host)`);
  return toTensor(v).dataSync();
}

const shapeOf = (v: Val): number[] => [...v.shape];
const need = (v: Val | undefined, c: OpContext, what: string): Tensor | HostTensor => {
  if (v === undefined) throw new Error(`${c.where}: input '${what}' is required`);
  return v instanceof Nhwc ? v.nchw() : v;
};
const T = (v: Val | undefined, c: OpContext, what = 'X'): Tensor => toTensor(need(v, c, what));
const F = (v: Val | undefined, c: OpContext, what = 'X'): Tensor => {
  const t = T(v, c, what);
  return t.dtype === 'float32' ? t : eg.cast(t, 'float32');
};
const ints = (v: Val | undefined, c: OpContext, what: string): number[] => Array.from(hostData(need(v, c, what), c, what));
const normAxis = (ax: number, rank: number, c: OpContext): number => {
  if (ax < -rank || ax >= Math.max(rank, 1)) throw new Error(`${c.where}: axis ${ax} is out of range for rank ${rank}`);
  return ax < 0 ? ax + rank : ax;
};

/** A host constant from a device tensor (folding): float32 stays FLOAT, int32 becomes INT64. */
export function toHost(t: Tensor, type?: number): HostTensor {
  const d = engine.hostValues(t, 'loadOnnx');
  if (!d) throw new Error(`loadOnnx: a constant of shape [${t.shape}] computed on the ${engine.backend?.name} device cannot be read back synchronously to fold it; this op's constant folding needs the wasm or js backend`);
  return { type: type ?? (t.dtype === 'float32' ? FLOAT : INT64), shape: [...t.shape], data: d instanceof Float32Array ? new Float32Array(d) : Float64Array.from(d) };
}

// ---- elementwise --------------------------------------------------------------------------------

const unary = (fn: (x: Tensor) => Tensor): OpFn => (ins, _a, c) => (ins[0] instanceof Nhwc ? new Nhwc(fn(ins[0].t)) : fn(F(ins[0], c)));
/** Two operands of one dtype: int32 where both are integers, else float32. */
function pairOf(a: Val | undefined, b: Val | undefined, c: OpContext): [Tensor, Tensor] {
  const x = T(a, c, 'A'), y = T(b, c, 'B');
  if (x.dtype === y.dtype && (x.dtype === 'float32' || x.dtype === 'int32')) return [x, y];
  return [x.dtype === 'float32' ? x : eg.cast(x, 'float32'), y.dtype === 'float32' ? y : eg.cast(y, 'float32')];
}
const binary = (fn: (a: Tensor, b: Tensor) => Tensor, intOk: boolean): OpFn => (ins, _a, c) => {
  if (ins[0] instanceof Nhwc && ins[1] instanceof Nhwc) return new Nhwc(fn(ins[0].t, ins[1].t));
  const [x, y] = pairOf(ins[0], ins[1], c);
  if (x.dtype === 'int32' && !intOk) return eg.cast(fn(eg.cast(x, 'float32'), eg.cast(y, 'float32')), 'int32');
  return fn(x, y);
};
const compare = (fn: (a: Tensor, b: Tensor) => Tensor): OpFn => (ins, _a, c) => { const [x, y] = pairOf(ins[0], ins[1], c); return fn(x, y); };
const variadic = (fn: (a: Tensor, b: Tensor) => Tensor): OpFn => (ins, _a, c) => {
  const ts = ins.filter((v): v is Val => v !== undefined);
  if (!ts.length) throw new Error(`${c.where}: needs at least one input`);
  let acc = T(ts[0], c);
  for (let i = 1; i < ts.length; i++) { const [x, y] = pairOf(acc, ts[i], c); acc = fn(x, y); }
  return ts.length === 1 ? engine.view(acc, acc.shape) : acc;
};

/** erf(x) to ~1.2e-7: Abramowitz & Stegun 7.1.26 for |x| >= 0.5, the Taylor series below. */
function erf(x: Tensor): Tensor {
  const ax = eg.abs(x);
  const t = eg.reciprocal(eg.add(eg.mul(ax, 0.3275911), 1));
  let p = eg.mul(t, 1.061405429);
  for (const k of [-1.453152027, 1.421413741, -0.284496736, 0.254829592]) p = eg.mul(eg.add(p, k), t);
  const big = eg.mul(eg.sign(x), eg.sub(1, eg.mul(p, eg.exp(eg.neg(eg.square(x))))));
  // x (2/√π)(1 - x²/3 + x⁴/10 - x⁶/42 + x⁸/216)
  const x2 = eg.square(x);
  let s = eg.add(eg.mul(x2, 1 / 216), -1 / 42);
  for (const k of [1 / 10, -1 / 3, 1]) s = eg.add(eg.mul(s, x2), k);
  const small = eg.mul(eg.mul(x, s), 2 / Math.sqrt(Math.PI));
  // both branches are finite everywhere: blend by the 0/1 mask (cheaper than where's gather)
  return eg.add(big, eg.mul(eg.less(ax, 0.5), eg.sub(small, big)));
}

function softplus(x: Tensor): Tensor {
  // max(x, 0) + log(1 + exp(-|x|))
  return eg.add(eg.relu(x), eg.log(eg.add(eg.exp(eg.neg(eg.abs(x))), 1)));
}

function clipOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = T(ins[0], c);
  let lo = -Infinity, hi = Infinity;
  if (c.opset < 11) { lo = a.f('min', -3.4028234663852886e38); hi = a.f('max', 3.4028234663852886e38); }
  else {
    if (ins[1] !== undefined) lo = ints(ins[1], c, 'min')[0];
    if (ins[2] !== undefined) hi = ints(ins[2], c, 'max')[0];
  }
  if (x.dtype === 'int32') return eg.maximum(eg.minimum(x, Number.isFinite(hi) ? hi : 2147483647), Number.isFinite(lo) ? lo : -2147483648);
  if (!(lo <= hi)) return eg.mul(eg.add(eg.mul(x, 0), 1), hi); // ONNX: min > max gives max everywhere
  return eg.clip(x, lo, hi);
}

// ---- shapes -------------------------------------------------------------------------------------

function reshapeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = need(ins[0], c, 'data');
  const want = ints(ins[1], c, 'shape');
  const allowZero = a.i('allowzero', 0) === 1;
  const shape = want.map((d, i) => (d === 0 && !allowZero ? x.shape[i] : d));
  if (shape.some((d) => d === undefined)) throw new Error(`${c.where}: shape [${want}] copies an axis that input of shape [${x.shape}] lacks`);
  if (isHost(x)) return { ...x, shape: inferShape(shape, x.data.length, c) };
  return reshape(x, inferShape(shape, x.size, c));
}

function inferShape(shape: number[], size: number, c: OpContext): number[] {
  const k = shape.indexOf(-1);
  if (k < 0) return shape;
  const rest = shape.reduce((p, d, i) => (i === k ? p : p * d), 1);
  if (rest === 0) throw new Error(`${c.where}: cannot infer -1 in [${shape}] for ${size} elements`);
  return shape.map((d, i) => (i === k ? size / rest : d));
}

function axesArg(ins: (Val | undefined)[], a: Attrs, c: OpContext, fromInput: boolean, idx = 1): number[] | undefined {
  if (fromInput) return ins[idx] !== undefined ? ints(ins[idx], c, 'axes') : undefined;
  return a.has('axes') ? a.ints('axes', []) : undefined;
}

function unsqueezeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = need(ins[0], c, 'data');
  const axes = axesArg(ins, a, c, c.opset >= 13) ?? [];
  const rank = x.shape.length + axes.length;
  const ax = axes.map((v) => normAxis(v, rank, c)).sort((p, q) => p - q);
  const shape = [...x.shape];
  for (const v of ax) shape.splice(v, 0, 1);
  return isHost(x) ? { ...x, shape } : reshape(x, shape);
}

function squeezeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = need(ins[0], c, 'data');
  const axes = axesArg(ins, a, c, c.opset >= 13);
  const drop = axes ? axes.map((v) => normAxis(v, x.shape.length, c)) : x.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  for (const d of drop) if (x.shape[d] !== 1) throw new Error(`${c.where}: axis ${d} of shape [${x.shape}] has size ${x.shape[d]}, not 1`);
  const shape = x.shape.filter((_, i) => !drop.includes(i));
  return isHost(x) ? { ...x, shape } : reshape(x, shape);
}

function flattenOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = need(ins[0], c, 'input');
  const r = x.shape.length;
  const ax = a.i('axis', 1);
  const k = ax < 0 ? ax + r : ax;
  if (k < 0 || k > r) throw new Error(`${c.where}: axis ${ax} is out of range for rank ${r}`);
  const lead = x.shape.slice(0, k).reduce((p, d) => p * d, 1);
  const shape = [lead, x.shape.slice(k).reduce((p, d) => p * d, 1)];
  return isHost(x) ? { ...x, shape } : reshape(x, shape);
}

function shapeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): HostTensor {
  const s = shapeOf(need(ins[0], c, 'data'));
  const r = s.length;
  const clampI = (v: number) => Math.min(Math.max(v < 0 ? v + r : v, 0), r);
  const start = c.opset >= 15 ? clampI(a.i('start', 0)) : 0;
  const end = c.opset >= 15 && a.has('end') ? clampI(a.i('end', r)) : r;
  const d = s.slice(start, Math.max(start, end));
  return { type: INT64, shape: [d.length], data: Float64Array.from(d) };
}

function sliceOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = T(ins[0], c, 'data');
  const r = x.rank;
  let starts: number[], ends: number[], axes: number[] | undefined, steps: number[] | undefined;
  if (c.opset < 10) { starts = a.ints('starts', []); ends = a.ints('ends', []); axes = a.has('axes') ? a.ints('axes', []) : undefined; }
  else {
    starts = ints(ins[1], c, 'starts'); ends = ints(ins[2], c, 'ends');
    axes = ins[3] !== undefined ? ints(ins[3], c, 'axes') : undefined;
    steps = ins[4] !== undefined ? ints(ins[4], c, 'steps') : undefined;
  }
  const begin = x.shape.map(() => 0), size = [...x.shape], step = x.shape.map(() => 1);
  (axes ?? starts.map((_, i) => i)).forEach((axRaw, i) => {
    const ax = normAxis(axRaw, r, c), n = x.shape[ax], st = steps?.[i] ?? 1;
    if (st === 0) throw new Error(`${c.where}: step 0 on axis ${ax}`);
    let s = starts[i], e = ends[i];
    if (s < 0) s += n;
    if (e < 0) e += n;
    if (st > 0) { s = Math.min(Math.max(s, 0), n); e = Math.min(Math.max(e, 0), n); }
    else { s = Math.min(Math.max(s, -1), n - 1); e = Math.min(Math.max(e, -1), n - 1); }
    const count = st > 0 ? Math.max(0, Math.ceil((e - s) / st)) : Math.max(0, Math.ceil((s - e) / -st));
    begin[ax] = s; size[ax] = count; step[ax] = st;
  });
  let y = x;
  if (step.every((s) => s === 1)) return slice(x, begin, size);
  for (let ax = 0; ax < r; ax++) {
    if (step[ax] === 1) { if (begin[ax] !== 0 || size[ax] !== x.shape[ax]) y = slice(y, begin.map((b, k) => (k === ax ? b : 0)), y.shape.map((d, k) => (k === ax ? size[ax] : d))); continue; }
    const idx = Array.from({ length: size[ax] }, (_, k) => begin[ax] + k * step[ax]);
    y = gather(y, tensor(Int32Array.from(idx), [idx.length], 'int32'), ax);
  }
  return y;
}

function splitOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor[] {
  const x = T(ins[0], c, 'input');
  const ax = normAxis(a.i('axis', 0), x.rank, c), n = x.shape[ax];
  let parts: number[] | undefined = c.opset >= 13 ? (ins[1] !== undefined ? ints(ins[1], c, 'split') : undefined) : (a.has('split') ? a.ints('split', []) : undefined);
  if (!parts) {
    const k = c.opset >= 18 && a.has('num_outputs') ? a.i('num_outputs', c.outputs) : c.outputs;
    const chunk = Math.ceil(n / k);
    parts = Array.from({ length: k }, (_, i) => Math.max(0, Math.min(chunk, n - i * chunk)));
  }
  if (parts.reduce((p, q) => p + q, 0) !== n) throw new Error(`${c.where}: split [${parts}] does not add up to axis ${ax}'s size ${n}`);
  let at = 0;
  return parts.map((len) => {
    const b = x.shape.map((_, k) => (k === ax ? at : 0));
    at += len;
    return slice(x, b, x.shape.map((d, k) => (k === ax ? len : d)));
  });
}

function gatherOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = T(ins[0], c, 'data');
  const iv = need(ins[1], c, 'indices');
  const ax = normAxis(a.i('axis', 0), x.rank, c), n = x.shape[ax];
  let idx: Tensor;
  if (!isHost(iv) && engine.syncReads) {
    // Indices computed on the device or fed as an input (token ids): checked on their host values by
    // engine.checkValues, which a compiled predict reruns on each batch, so the step stays replayable
    // (a dataSync here would make every predict of the model eager); negative ones count from the end.
    const t0 = T(iv, c, 'indices');
    const t = t0.dtype === 'int32' ? t0 : eg.cast(t0, 'int32');
    engine.checkValues(t, 'gather', (d) => {
      for (let i = 0; i < d.length; i++) if (!(d[i] >= -n && d[i] < n)) throw new Error(`${c.where}: index ${d[i]} is out of range for axis ${ax} of size ${n}`);
    });
    return gatherChecked(x, eg.add(t, eg.mul(eg.cast(eg.less(t, 0), 'int32'), n)), ax);
  }
  if (isHost(iv)) {
    const d = hostData(iv, c, 'indices');
    const fixed = new Int32Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const v = d[i] < 0 ? d[i] + n : d[i];
      if (!(v >= 0 && v < n)) throw new Error(`${c.where}: index ${d[i]} is out of range for axis ${ax} of size ${n}`);
      fixed[i] = v;
    }
    idx = tensor(fixed, [...iv.shape], 'int32');
  } else {
    const t = T(iv, c, 'indices');
    idx = where(eg.less(t, 0), eg.add(t, n), t);
  }
  return gather(x, idx, ax);
}

/** gather's kernel on indices already checked (gatherOp): ops' gather would read them again, inside the step. */
function gatherChecked(x: Tensor, idx: Tensor, ax: number): Tensor {
  const n = x.shape[ax];
  const outer = sizeOf(x.shape.slice(0, ax)), inner = sizeOf(x.shape.slice(ax + 1));
  const out = engine.runKernel('gather', [x, idx], {}, [[outer, n, inner], [idx.size]])[0];
  return engine.reshapeOwned(out, [...x.shape.slice(0, ax), ...idx.shape, ...x.shape.slice(ax + 1)]);
}

function concatOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const vs = ins.filter((v): v is Val => v !== undefined);
  const rank = vs[0]?.shape.length ?? 0;
  const ax = normAxis(a.i('axis', 0), rank, c);
  const ts = vs.map((v) => T(v, c)).filter((t) => t.shape[ax] !== 0 || vs.length === 1);
  const dtype = ts.some((t) => t.dtype === 'float32') ? 'float32' : ts[0].dtype;
  return concat(ts.map((t) => (t.dtype === dtype ? t : eg.cast(t, dtype))), ax);
}

function expandOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Tensor {
  const x = T(ins[0], c, 'input');
  const s = ints(ins[1], c, 'shape');
  return broadcastTo(x, broadcastShapes(c.where, x.shape, s));
}

function transposeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = T(ins[0], c, 'data');
  return a.has('perm') ? permute(x, a.ints('perm', [])) : transpose(x);
}

/**
 * transpose(x, perm), or a reshape (a view: no kernel, no copy) where the permutation only moves
 * axes of size 1, so the elements keep their order (NCHW to NHWC with one channel).
 */
function permute(x: Tensor, perm: number[]): Tensor {
  const r = x.rank;
  const valid = perm.length === r && perm.every((p) => Number.isInteger(p) && p >= 0 && p < r) && new Set(perm).size === r;
  if (valid) {
    const kept = perm.filter((p) => x.shape[p] !== 1);
    if (kept.every((p, i) => i === 0 || kept[i - 1] < p)) return reshape(x, perm.map((p) => x.shape[p]));
  }
  return transpose(x, perm);
}

function constantOfShape(ins: (Val | undefined)[], a: Attrs, c: OpContext): HostTensor {
  const s = ins[0] !== undefined ? ints(ins[0], c, 'input') : [];
  const v = a.tensor('value') ?? { type: FLOAT, shape: [1], data: new Float32Array([0]) };
  const n = s.reduce((p, d) => p * d, 1);
  const data = FLOATISH.has(v.type) ? new Float32Array(n) : new Float64Array(n);
  data.fill(v.data[0] ?? 0);
  return { type: v.type, shape: s, data };
}

function rangeOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Val {
  const [s, l, d] = [0, 1, 2].map((i) => ints(ins[i], c, ['start', 'limit', 'delta'][i])[0]);
  const n = Math.max(Math.ceil((l - s) / d), 0);
  const x0 = need(ins[0], c, 'start');
  const type = isHost(x0) ? x0.type : x0.dtype === 'float32' ? FLOAT : INT64;
  const data = FLOATISH.has(type) ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = s + i * d;
  return { type, shape: [n], data };
}

function castOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Val {
  const x = need(ins[0], c, 'input');
  const to = a.i('to', FLOAT);
  if (isHost(x)) {
    const src = x.data;
    if (FLOATISH.has(to)) return { type: to, shape: x.shape, data: Float32Array.from(src) };
    if (to === BOOL) return { type: to, shape: x.shape, data: Float64Array.from(src, (v) => (v !== 0 ? 1 : 0)) };
    if (to === 8) throw new Error(`${c.where}: cast to string is not supported`);
    return { type: to, shape: x.shape, data: Float64Array.from(src, (v) => (Number.isNaN(v) ? 0 : Math.trunc(v))) };
  }
  if (to === BOOL) return eg.cast(eg.notEqual(x, 0), 'float32');
  if (FLOATISH.has(to)) return x.dtype === 'float32' ? engine.view(x, x.shape) : eg.cast(x, 'float32');
  if (to === 8) throw new Error(`${c.where}: cast to string is not supported`);
  return x.dtype === 'int32' ? engine.view(x, x.shape) : eg.cast(x, 'int32');
}

function whereOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Tensor {
  const [cv, xv, yv] = ins;
  // inference, a constant condition and a constant scalar on one side (an attention mask): x·keep + fill
  if (c.fast && isHost(cv) && (isHost(xv) && xv.data.length === 1 || isHost(yv) && yv.data.length === 1) && !(isHost(xv) && isHost(yv))) {
    const constX = isHost(xv) && xv.data.length === 1;
    const t = F(constX ? yv : xv, c), v = (constX ? xv : yv as HostTensor).data[0];
    if (t.dtype === 'float32') { // (a non-finite x at a position the mask fills gives NaN there, not the fill)
      const keep = new Float32Array(cv.data.length), fill = new Float32Array(cv.data.length);
      for (let i = 0; i < keep.length; i++) { const takeT = (cv.data[i] !== 0) !== constX; keep[i] = takeT ? 1 : 0; fill[i] = takeT ? 0 : v; }
      return eg.add(eg.mul(t, tensor(keep, [...cv.shape])), tensor(fill, [...cv.shape]));
    }
  }
  const cond = T(ins[0], c, 'condition');
  const [x, y] = pairOf(ins[1], ins[2], c);
  return where(cond, x, y);
}

// ---- reductions ---------------------------------------------------------------------------------

const reduceOp = (fn: typeof sum, inputFrom: number, float: boolean): OpFn => (ins, a, c) => {
  let x = T(ins[0], c, 'data');
  if (float && x.dtype !== 'float32') x = eg.cast(x, 'float32');
  let axes = axesArg(ins, a, c, c.opset >= inputFrom);
  if (axes && axes.length === 0) axes = undefined;
  if (!axes && a.i('noop_with_empty_axes', 0) === 1) return engine.view(x, x.shape);
  const keep = a.i('keepdims', 1) === 1;
  const ax = axes ? [...new Set(axes.map((v) => normAxis(v, x.rank, c)))].sort((p, q) => p - q) : x.shape.map((_, i) => i);
  return fn(x, ax, keep);
};

// ---- nn -----------------------------------------------------------------------------------------

const along = (fn: typeof softmax): OpFn => (ins, a, c) => {
  const x = F(ins[0], c, 'input');
  if (c.opset >= 13) return fn(x, normAxis(a.i('axis', -1), x.rank, c));
  // before 13: the input as 2-D [prod(shape[:axis]), prod(shape[axis:])]
  const ax = normAxis(a.i('axis', 1), x.rank, c);
  const lead = x.shape.slice(0, ax).reduce((p, d) => p * d, 1);
  return reshape(fn(reshape(x, [lead, x.size / Math.max(lead, 1)]), -1), [...x.shape]);
};

function gemmOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const A = F(ins[0], c, 'A'), B = F(ins[1], c, 'B');
  const alpha = a.f('alpha', 1), beta = a.f('beta', 1);
  const opts = { transposeA: a.i('transA', 0) === 1, transposeB: a.i('transB', 0) === 1 };
  const C = ins[2] !== undefined ? F(ins[2], c, 'C') : undefined;
  const N = opts.transposeB ? B.shape[0] : B.shape[1];
  if (c.fuse && c.prepare && !opts.transposeA && alpha === 1 && beta === 1 && (!C || (C.rank <= 1 && (C.size === N || C.size === 1)))) {
    // inference: B as [K, N] and C as [N], made once; the following Relu in the kernel
    const [b, bias] = c.prepare(C ? [B, C] : [B], () => {
      const bt = opts.transposeB ? transpose(B, [1, 0]) : engine.view(B, B.shape);
      return C ? [bt, C.size === N ? reshape(C, [N]) : eg.add(reshape(C, [1]), tensor(new Float32Array(N), [N]))] : [bt];
    });
    return fusedMatmul(A, b, bias, { activation: c.fuse.relu ? 'relu' : 'linear' });
  }
  const relu = !!c.fuse?.relu; // a fused Relu (the fast path) the forms below must apply too
  if (C && alpha === 1 && beta === 1 && C.rank <= 1 && C.size === N) return fusedMatmul(A, B, C.rank === 1 ? C : reshape(C, [N]), { ...opts, activation: relu ? 'relu' : 'linear' });
  let y = matmul(A, B, opts);
  if (alpha !== 1) y = eg.mul(y, alpha);
  if (C && beta !== 0) y = eg.add(y, beta === 1 ? C : eg.mul(C, beta));
  return relu ? eg.relu(y) : y;
}

function matmulOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Tensor {
  let A = F(ins[0], c, 'A'), B = F(ins[1], c, 'B');
  // inference: MatMul by a 2-D weight, then its bias and Relu (the graph checked the shapes), in one kernel
  if (c.fuse?.bias !== undefined && A.rank >= 2) return fusedMatmul(A, B, F(c.fuse.bias, c, 'bias'), { activation: c.fuse.relu ? 'relu' : 'linear' });
  const a1 = A.rank === 1, b1 = B.rank === 1;
  if (a1) A = reshape(A, [1, A.shape[0]]);
  if (b1) B = reshape(B, [B.shape[0], 1]);
  let y = matmul(A, B);
  if (a1 || b1) {
    const s = [...y.shape];
    if (b1) s.pop();
    if (a1) s.splice(s.length - (b1 ? 1 : 2), 1);
    y = reshape(y, s);
  }
  return y;
}

/** ONNX pads for a window op: [begin..., end...] from pads or auto_pad, per spatial axis. */
function windowPads(a: Attrs, c: OpContext, inSize: number[], k: number[], s: number[], d: number[]): [number, number][] {
  const auto = a.s('auto_pad', 'NOTSET');
  const n = inSize.length;
  if (auto === 'NOTSET') {
    const p = a.ints('pads', new Array(2 * n).fill(0));
    return inSize.map((_, i) => [p[i], p[i + n]]);
  }
  if (auto === 'VALID') return inSize.map(() => [0, 0]);
  if (auto !== 'SAME_UPPER' && auto !== 'SAME_LOWER') throw new Error(`${c.where}: auto_pad '${auto}' is not supported`);
  return inSize.map((h, i) => {
    const out = Math.ceil(h / s[i]);
    const total = Math.max(0, (out - 1) * s[i] + (k[i] - 1) * d[i] + 1 - h);
    const small = Math.floor(total / 2);
    return auto === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
  });
}

/** x [N, C, L] or [N, C, H, W] as NHWC [N, H, W, C] (1-D: H = 1). */
function toNHWC(x: Tensor, c: OpContext): Tensor {
  if (x.rank === 3) return permute(reshape(x, [x.shape[0], x.shape[1], 1, x.shape[2]]), [0, 2, 3, 1]);
  if (x.rank !== 4) throw new Error(`${c.where}: only 1-D and 2-D windows are supported (input of rank 3 or 4), got shape [${x.shape}]`);
  return permute(x, [0, 2, 3, 1]);
}
function fromNHWC(y: Tensor, rank: number): Tensor {
  const t = permute(y, [0, 3, 1, 2]);
  return rank === 3 ? reshape(t, [t.shape[0], t.shape[1], t.shape[3]]) : t;
}
/** Spatial attribute lists as 2-D pairs (1-D ops get H = 1). */
const two = (v: number[], one: number): [number, number] => (v.length === 1 ? [one, v[0]] : [v[0], v[1]]);

function convOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor | Nhwc {
  const xin = ins[0] as unknown;
  if (c.fast && c.prepare && (xin instanceof Nhwc || (xin instanceof Tensor && xin.rank === 4))) return fastConv(xin as Tensor | Nhwc, ins, a, c);
  const x = F(ins[0], c, 'X'), w = F(ins[1], c, 'W');
  const sp = x.rank - 2;
  if (sp !== 1 && sp !== 2) throw new Error(`${c.where}: only 1-D and 2-D windows are supported (input of rank 3 or 4), got shape [${x.shape}]`);
  if (w.rank !== x.rank) throw new Error(`${c.where}: W of shape [${w.shape}] does not match X of shape [${x.shape}]`);
  const k = w.shape.slice(2), s = a.ints('strides', k.map(() => 1)), d = a.ints('dilations', k.map(() => 1));
  const pads = windowPads(a, c, x.shape.slice(2), k, s, d);
  const groups = a.i('group', 1);
  const w4 = sp === 1 ? reshape(w, [w.shape[0], w.shape[1], 1, w.shape[2]]) : w;
  const filter = transpose(w4, [2, 3, 1, 0]);
  const padding: [[number, number], [number, number]] = sp === 1 ? [[0, 0], pads[0]] : [pads[0], pads[1]];
  const bias = ins[2] !== undefined ? F(ins[2], c, 'B') : undefined;
  const y = conv2d(toNHWC(x, c), filter, { strides: two(s, 1), dilations: two(d, 1), padding, groups, bias });
  return fromNHWC(y, x.rank);
}

/** Inference: NHWC in and out, the filter (with a following BatchNormalization folded in) prepared once. */
function fastConv(xin: Tensor | Nhwc, ins: (Val | undefined)[], a: Attrs, c: OpContext): Nhwc {
  const xh = xin instanceof Nhwc ? xin.t : permute(xin.dtype === 'float32' ? xin : eg.cast(xin, 'float32'), [0, 2, 3, 1]);
  const w = F(ins[1], c, 'W');
  if (w.rank !== 4) throw new Error(`${c.where}: W of shape [${w.shape}] does not match X of shape [${xin.shape}]`);
  const bn = c.fuse?.bn;
  const deps = [w, ...(ins[2] !== undefined ? [F(ins[2], c, 'B')] : []), ...(bn ? bn.ins.map((v, i) => F(v, c, ['scale', 'B', 'mean', 'var'][i])) : [])];
  const [filter, bias] = c.prepare!(deps, () => {
    let f = transpose(w, [2, 3, 1, 0]);
    let b: Tensor | undefined = ins[2] !== undefined ? F(ins[2], c, 'B') : undefined;
    if (bn) {
      const [scale, beta, m, v] = bn.ins.map((t) => F(t, c));
      const k = eg.mul(scale, eg.reciprocal(eg.sqrt(eg.add(v, bn.epsilon))));
      f = eg.mul(f, k);
      b = eg.add(eg.mul(b ? eg.sub(b, m) : eg.neg(m), k), beta);
    }
    return b ? [f, b] : [f];
  });
  const k = w.shape.slice(2), s = a.ints('strides', [1, 1]), d = a.ints('dilations', [1, 1]);
  const pads = windowPads(a, c, [xh.shape[1], xh.shape[2]], k, s, d);
  return new Nhwc(conv2d(xh, filter, { strides: two(s, 1), dilations: two(d, 1), padding: [pads[0], pads[1]], groups: a.i('group', 1), bias, activation: c.fuse?.relu ? 'relu' : 'linear' }));
}

function convTransposeOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = F(ins[0], c, 'X'), w = F(ins[1], c, 'W');
  const sp = x.rank - 2;
  if (sp !== 1 && sp !== 2) throw new Error(`${c.where}: only 1-D and 2-D windows are supported (input of rank 3 or 4), got shape [${x.shape}]`);
  if (a.i('group', 1) !== 1) throw new Error(`${c.where}: group > 1 is not supported for ConvTranspose`);
  const k = w.shape.slice(2), s = a.ints('strides', k.map(() => 1)), d = a.ints('dilations', k.map(() => 1));
  const inSize = x.shape.slice(2), op = a.ints('output_padding', k.map(() => 0));
  const full = inSize.map((h, i) => s[i] * (h - 1) + op[i] + (k[i] - 1) * d[i] + 1);
  let pads: [number, number][];
  if (a.has('output_shape')) {
    const os = a.ints('output_shape', []).slice(-sp);
    const upper = a.s('auto_pad', 'NOTSET') === 'SAME_UPPER'; // as ONNX's reference: NOTSET splits like SAME_LOWER
    pads = full.map((f, i) => { const t = f - os[i]; const h = Math.floor(t / 2); return upper ? [h, t - h] : [t - h, h]; });
  } else if (a.s('auto_pad', 'NOTSET') === 'SAME_UPPER' || a.s('auto_pad', 'NOTSET') === 'SAME_LOWER') {
    const upper = a.s('auto_pad', 'NOTSET') === 'SAME_UPPER';
    pads = full.map((f, i) => { const t = f - inSize[i] * s[i]; const h = Math.floor(t / 2); return upper ? [h, t - h] : [t - h, h]; });
  } else pads = windowPads(a, c, inSize, k, s, d);
  // an output_shape beyond the full result: the extra rows and columns get zeros (then the bias)
  const extra = pads.map(([p, q]) => [Math.max(0, -p), Math.max(0, -q)]);
  pads = pads.map(([p, q]) => [Math.max(0, p), Math.max(0, q)]);
  const outSize = full.map((f, i) => f - pads[i][0] - pads[i][1]);
  const w4 = sp === 1 ? reshape(w, [w.shape[0], w.shape[1], 1, w.shape[2]]) : w;
  const filter = transpose(w4, [2, 3, 1, 0]);
  const oc = w.shape[1];
  const padding: [[number, number], [number, number]] = sp === 1 ? [[0, 0], pads[0]] : [pads[0], pads[1]];
  const o2 = sp === 1 ? [1, outSize[0]] : outSize;
  let y = fromNHWC(conv2dTranspose(toNHWC(x, c), filter, [x.shape[0], o2[0], o2[1], oc], { strides: two(s, 1), dilations: two(d, 1), padding }), x.rank);
  if (extra.some(([p, q]) => p || q)) y = pad(y, [[0, 0], [0, 0], ...extra] as [number, number][]);
  if (ins[2] !== undefined) y = eg.add(y, reshape(F(ins[2], c, 'B'), [oc, ...new Array(sp).fill(1)]));
  return y;
}

const poolOp = (kind: 'max' | 'avg'): OpFn => (ins, a, c) => {
  const v0 = ins[0];
  const nhwc = v0 instanceof Nhwc ? v0.t : null;
  const x = v0 instanceof Nhwc ? ({ rank: 4, shape: v0.shape } as unknown as Tensor) : F(ins[0], c, 'X');
  if (c.outputs > 1) throw new Error(`${c.where}: the Indices output is not supported`);
  const k = a.ints('kernel_shape', []), sp = x.rank - 2;
  if (k.length !== sp) throw new Error(`${c.where}: kernel_shape [${k}] does not match input of shape [${x.shape}]`);
  const s = a.ints('strides', k.map(() => 1)), d = a.ints('dilations', k.map(() => 1));
  if (d.some((v) => v !== 1)) throw new Error(`${c.where}: dilations other than 1 are not supported`);
  const inSize = x.shape.slice(2);
  const pads = windowPads(a, c, inSize, k, s, d);
  if (a.i('ceil_mode', 0) === 1) {
    inSize.forEach((h, i) => {
      const [p, q] = pads[i];
      let out = Math.ceil((h + p + q - k[i]) / s[i]) + 1;
      if ((out - 1) * s[i] >= h + p) out--; // the last window must start inside the input or the left padding
      pads[i] = [p, Math.max(q, (out - 1) * s[i] + k[i] - h - p)];
    });
  }
  let xh = nhwc ?? toNHWC(x, c);
  const k2 = two(k, 1), s2 = two(s, 1);
  let padding: [[number, number], [number, number]] = sp === 1 ? [[0, 0], pads[0]] : [pads[0], pads[1]];
  if (kind === 'avg' && a.i('count_include_pad', 0) === 1 && padding.flat().some((v) => v)) {
    // padded zeros count: pad explicitly, then average valid windows
    xh = pad(xh, [[0, 0], padding[0], padding[1], [0, 0]]);
    padding = [[0, 0], [0, 0]];
  }
  const y = (kind === 'max' ? maxPool2d : avgPool2d)(xh, { poolSize: k2, strides: s2, padding });
  return nhwc ? new Nhwc(y) : fromNHWC(y, x.rank);
};

const globalPool = (fn: typeof mean): OpFn => (ins, _a, c) => {
  if (ins[0] instanceof Nhwc) { const t = ins[0].t; return reshape(fn(t, [1, 2], true), [t.shape[0], t.shape[3], 1, 1]); }
  const x = F(ins[0], c, 'X');
  return fn(x, x.shape.map((_, i) => i).slice(2), true);
};

function perChannel(t: Tensor, rank: number): Tensor {
  return reshape(t, [t.shape[0], ...new Array(Math.max(rank - 2, 0)).fill(1)]);
}

function batchNormOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor | Nhwc | Tensor[] {
  if (a.i('training_mode', 0) === 1) return batchNormTraining(ins, a, c);
  if (c.outputs > 1) throw new Error(`${c.where}: the running statistics outputs need training_mode=1`);
  if (ins[0] instanceof Nhwc) {
    const [scale, b, m, v] = [1, 2, 3, 4].map((i) => F(ins[i], c, ['scale', 'B', 'input_mean', 'input_var'][i - 1]));
    const inv = eg.mul(scale, eg.reciprocal(eg.sqrt(eg.add(v, a.f('epsilon', 1e-5)))));
    return new Nhwc(eg.add(eg.mul(eg.sub(ins[0].t, m), inv), b));
  }
  const x = F(ins[0], c, 'X');
  const [scale, b, m, v] = [1, 2, 3, 4].map((i) => perChannel(F(ins[i], c, ['scale', 'B', 'input_mean', 'input_var'][i - 1]), x.rank));
  const inv = eg.mul(scale, eg.reciprocal(eg.sqrt(eg.add(v, a.f('epsilon', 1e-5)))));
  return eg.add(eg.mul(eg.sub(x, m), inv), b);
}

/** training_mode=1 (opset 14+): normalised by the batch's statistics; outputs Y, running_mean, running_var. */
function batchNormTraining(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor[] {
  const x = F(ins[0], c, 'X');
  const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const [scale, b, m0, v0] = [1, 2, 3, 4].map((i) => F(ins[i], c, ['scale', 'B', 'input_mean', 'input_var'][i - 1]));
  const mu = mean(x, axes, true);
  const xc = eg.sub(x, mu);
  const v = mean(eg.square(xc), axes, true);
  const y = eg.add(eg.mul(eg.mul(xc, eg.reciprocal(eg.sqrt(eg.add(v, a.f('epsilon', 1e-5))))), perChannel(scale, x.rank)), perChannel(b, x.rank));
  const mom = a.f('momentum', 0.9), C = x.shape[1];
  const rm = eg.add(eg.mul(m0, mom), eg.mul(reshape(mu, [C]), 1 - mom));
  const rv = eg.add(eg.mul(v0, mom), eg.mul(reshape(v, [C]), 1 - mom));
  return [y, rm, rv];
}

function layerNormOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor[] {
  const x = F(ins[0], c, 'X');
  const ax = normAxis(a.i('axis', -1), x.rank, c);
  const eps = a.f('epsilon', 1e-5);
  const scale = ins[1] !== undefined ? F(ins[1], c, 'Scale') : undefined;
  const bias = ins[2] !== undefined ? F(ins[2], c, 'B') : undefined;
  const C = x.shape[x.rank - 1];
  // The usual form (last axis, per-channel Scale/B, no Mean/InvStdDev outputs): the fused kernel
  // where the backend has one (eg.layerNorm falls back to the composed ops elsewhere).
  if (ax === x.rank - 1 && c.outputs < 2 && eps > 0 && [scale, bias].every((t) => t === undefined || (t.rank === 1 && t.shape[0] === C))) {
    return [layerNorm(x, scale, bias, { epsilon: eps })];
  }
  const axes = x.shape.map((_, i) => i).slice(ax);
  const mu = mean(x, axes, true);
  const xc = eg.sub(x, mu);
  const v = mean(eg.square(xc), axes, true);
  const inv = eg.reciprocal(eg.sqrt(eg.add(v, eps)));
  let y = eg.mul(xc, inv);
  if (scale) y = eg.mul(y, scale);
  if (bias) y = eg.add(y, bias);
  return [y, mu, inv];
}

function geluOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = F(ins[0], c);
  if (a.s('approximate', 'none') === 'tanh') {
    const inner = eg.mul(eg.add(x, eg.mul(eg.mul(eg.square(x), x), 0.044715)), Math.sqrt(2 / Math.PI));
    return eg.mul(eg.mul(x, 0.5), eg.add(eg.tanh(inner), 1));
  }
  return eg.gelu(x);
}

function dropoutOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Val[] {
  const x = need(ins[0], c, 'data');
  const train = c.opset >= 12 && ins[2] !== undefined && hostData(ins[2], c, 'training_mode')[0] !== 0;
  const ratio = c.opset >= 12 && ins[1] !== undefined ? hostData(ins[1], c, 'ratio')[0] : 0.5;
  if (train && ratio !== 0) throw new Error(`${c.where}: training-mode Dropout (a random mask) is not supported; edgegrad runs Dropout as inference (identity)`);
  const y = isHost(x) ? x : engine.view(x, x.shape);
  if (c.outputs < 2) return [y];
  const mask: HostTensor = { type: BOOL, shape: [...x.shape], data: new Float64Array(x.shape.reduce((p, d) => p * d, 1)).fill(1) };
  return [y, mask];
}

function constantOp(_ins: (Val | undefined)[], a: Attrs, c: OpContext): HostTensor {
  const t = a.tensor('value');
  if (t) return t;
  if (a.has('value_float')) return { type: FLOAT, shape: [], data: new Float32Array([a.f('value_float', 0)]) };
  if (a.has('value_floats')) { const v = a.ints('value_floats', []); return { type: FLOAT, shape: [v.length], data: Float32Array.from(v) }; }
  if (a.has('value_int')) return { type: INT64, shape: [], data: new Float64Array([a.i('value_int', 0)]) };
  if (a.has('value_ints')) { const v = a.ints('value_ints', []); return { type: INT64, shape: [v.length], data: Float64Array.from(v) }; }
  throw new Error(`${c.where}: only value, value_float(s) and value_int(s) are supported`);
}

const same: OpFn = (ins, _a, c) => { const x = need(ins[0], c, 'input'); return isHost(x) ? x : engine.view(x, x.shape); };

// ---- beyond the list: small ops PyTorch and others export --------------------------------

function argOp(fn: typeof argmax): OpFn {
  return (ins, a, c) => {
    if (a.i('select_last_index', 0) === 1) throw new Error(`${c.where}: select_last_index=1 is not supported`);
    const x = F(ins[0], c, 'data');
    return fn(x, normAxis(a.i('axis', 0), x.rank, c), a.i('keepdims', 1) === 1);
  };
}

function padOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = T(ins[0], c, 'data');
  const mode = a.s('mode', 'constant');
  if (mode !== 'constant') throw new Error(`${c.where}: mode '${mode}' is not supported (only 'constant')`);
  const p = c.opset >= 11 ? ints(ins[1], c, 'pads') : a.ints('pads', []);
  const value = c.opset >= 11 ? (ins[2] !== undefined ? ints(ins[2], c, 'constant_value')[0] ?? 0 : 0) : a.f('value', 0);
  const axes = c.opset >= 18 && ins[3] !== undefined ? ints(ins[3], c, 'axes').map((v) => normAxis(v, x.rank, c)) : x.shape.map((_, i) => i);
  const k = axes.length;
  const pairs: [number, number][] = x.shape.map(() => [0, 0]);
  axes.forEach((ax, i) => { pairs[ax] = [p[i], p[i + k]]; });
  if (pairs.some(([b, e]) => b < 0 || e < 0)) throw new Error(`${c.where}: negative pads are not supported`);
  const y = pad(x, pairs);
  if (value === 0) return y;
  // the padding holds `value`: y + value · (1 - pad(ones))
  const inside = pad(eg.add(eg.mul(x, 0), 1), pairs);
  return eg.add(y, eg.mul(eg.sub(1, inside), value));
}

function tileOp(ins: (Val | undefined)[], _a: Attrs, c: OpContext): Tensor {
  let x = T(ins[0], c, 'input');
  const reps = ints(ins[1], c, 'repeats');
  if (reps.length !== x.rank) throw new Error(`${c.where}: repeats [${reps}] must have one entry per axis of shape [${x.shape}]`);
  reps.forEach((r, ax) => { if (r !== 1) x = concat(new Array(r).fill(x), ax); });
  return x === ins[0] ? engine.view(x, x.shape) : x;
}

function triluOp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = T(ins[0], c, 'input');
  if (x.rank < 2) throw new Error(`${c.where}: needs rank >= 2, got shape [${x.shape}]`);
  const k = ins[1] !== undefined ? ints(ins[1], c, 'k')[0] : 0, upper = a.i('upper', 1) === 1;
  const [R, C] = x.shape.slice(-2);
  const m = new Float32Array(R * C);
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) m[i * C + j] = (upper ? j - i >= k : j - i <= k) ? 1 : 0;
  return where(tensor(m, [R, C]), x, 0);
}

const reduceVia = (pre: (x: Tensor) => Tensor, post: (x: Tensor) => Tensor): OpFn => {
  const r = reduceOp(sum, 18, true);
  return (ins, a, c) => post(r([pre(F(ins[0], c, 'data')), ...ins.slice(1)], a, c) as Tensor);
};

function logSumExp(ins: (Val | undefined)[], a: Attrs, c: OpContext): Tensor {
  const x = F(ins[0], c, 'data');
  const mx = reduceOp(reduceMax, 18, true)([x, ...ins.slice(1)], { ...a, i: (n: string, d: number) => (n === 'keepdims' ? 1 : a.i(n, d)) }, c) as Tensor;
  const m = eg.maximum(mx, -3.4e38); // an all -Infinity slice keeps a finite shift
  const s = reduceOp(sum, 18, true)([eg.exp(eg.sub(x, m)), ...ins.slice(1)], a, c) as Tensor;
  const keep = a.i('keepdims', 1) === 1;
  return eg.add(eg.log(s), keep ? m : reshape(m, [...s.shape]));
}

/** The ops, by ONNX op_type (default domain). */
export const OPS: Record<string, OpFn> = {
  Relu: unary(eg.relu), Sigmoid: unary(eg.sigmoid), Tanh: unary(eg.tanh), Exp: unary(eg.exp), Log: unary(eg.log),
  Sqrt: unary(eg.sqrt), Reciprocal: unary(eg.reciprocal), Erf: unary(erf), Softplus: unary(softplus),
  Abs: (ins, _a, c) => eg.abs(T(ins[0], c)), Neg: (ins, _a, c) => eg.neg(T(ins[0], c)),
  LeakyRelu: (ins, a, c) => eg.leakyRelu(F(ins[0], c), a.f('alpha', 0.01)),
  Elu: (ins, a, c) => { const x = F(ins[0], c); return where(eg.greater(x, 0), x, eg.mul(eg.sub(eg.exp(eg.minimum(x, 0)), 1), a.f('alpha', 1))); },
  HardSigmoid: (ins, a, c) => eg.clip(eg.add(eg.mul(F(ins[0], c), a.f('alpha', 0.2)), a.f('beta', 0.5)), 0, 1),
  Gelu: geluOp, Clip: clipOp,
  Add: binary(eg.add, true), Sub: binary(eg.sub, true), Mul: binary(eg.mul, true),
  Div: (ins, a, c) => {
    const [x, y] = pairOf(ins[0], ins[1], c);
    if (x.dtype !== 'int32') return eg.div(x, y);
    const q = eg.div(eg.cast(x, 'float32'), eg.cast(y, 'float32'));
    return eg.cast(q, 'int32'); // truncation toward zero, as C
  },
  Pow: (ins, _a, c) => {
    const x = T(ins[0], c), y = T(ins[1], c, 'Y');
    const r = eg.pow(x.dtype === 'float32' ? x : eg.cast(x, 'float32'), y.dtype === 'float32' ? y : eg.cast(y, 'float32'));
    return x.dtype === 'int32' ? eg.cast(r, 'int32') : r;
  },
  Max: variadic(eg.maximum), Min: variadic(eg.minimum),
  Equal: compare(eg.equal), Less: compare(eg.less), Greater: compare(eg.greater),
  LessOrEqual: compare(eg.lessEqual), GreaterOrEqual: compare(eg.greaterEqual),
  Where: whereOp,
  MatMul: matmulOp, Gemm: gemmOp,
  Conv: convOp, ConvTranspose: convTransposeOp,
  MaxPool: poolOp('max'), AveragePool: poolOp('avg'),
  GlobalAveragePool: globalPool(mean), GlobalMaxPool: globalPool(reduceMax),
  BatchNormalization: batchNormOp, LayerNormalization: layerNormOp,
  Softmax: along(softmax), LogSoftmax: along(logSoftmax),
  Reshape: reshapeOp, Transpose: transposeOp, Concat: concatOp, Split: splitOp, Slice: sliceOp, Gather: gatherOp,
  Flatten: flattenOp, Unsqueeze: unsqueezeOp, Squeeze: squeezeOp, Expand: expandOp, Shape: shapeOp,
  Constant: constantOp, ConstantOfShape: constantOfShape, Cast: castOp, Identity: same, Dropout: dropoutOp,
  ReduceMean: reduceOp(mean, 18, true), ReduceSum: reduceOp(sum, 13, false), ReduceMax: reduceOp(reduceMax, 18, false),
  ReduceMin: reduceOp(reduceMin, 18, false),
  Range: rangeOp,
  // beyond the list
  PRelu: (ins, _a, c) => { const x = F(ins[0], c); return eg.add(eg.relu(x), eg.mul(F(ins[1], c, 'slope'), eg.minimum(x, 0))); },
  Selu: (ins, a, c) => {
    const x = F(ins[0], c), al = a.f('alpha', 1.67326319217681884765625), g = a.f('gamma', 1.05070102214813232421875);
    return eg.mul(eg.add(eg.relu(x), eg.mul(eg.sub(eg.exp(eg.minimum(x, 0)), 1), al)), g);
  },
  Celu: (ins, a, c) => { const x = F(ins[0], c), al = a.f('alpha', 1); return eg.add(eg.relu(x), eg.mul(eg.sub(eg.exp(eg.div(eg.minimum(x, 0), al)), 1), al)); },
  ThresholdedRelu: (ins, a, c) => { const x = F(ins[0], c); return where(eg.greater(x, a.f('alpha', 1)), x, 0); },
  Softsign: unary((x) => eg.div(x, eg.add(eg.abs(x), 1))),
  HardSwish: unary((x) => eg.mul(x, eg.clip(eg.add(eg.mul(x, 1 / 6), 0.5), 0, 1))),
  Mish: unary((x) => eg.mul(x, eg.tanh(softplus(x)))),
  Sign: (ins, _a, c) => eg.sign(T(ins[0], c)),
  Not: (ins, _a, c) => eg.sub(1, F(ins[0], c)),
  And: (ins, _a, c) => eg.mul(F(ins[0], c, 'A'), F(ins[1], c, 'B')),
  Or: (ins, _a, c) => eg.maximum(F(ins[0], c, 'A'), F(ins[1], c, 'B')),
  Xor: (ins, _a, c) => eg.notEqual(F(ins[0], c, 'A'), F(ins[1], c, 'B')),
  Sum: variadic(eg.add),
  Mean: (ins, a, c) => eg.div(variadic(eg.add)(ins, a, c) as Tensor, ins.filter((v) => v !== undefined).length),
  Size: (ins, _a, c) => ({ type: INT64, shape: [], data: new Float64Array([need(ins[0], c, 'data').shape.reduce((p, d) => p * d, 1)]) }),
  ArgMax: argOp(argmax), ArgMin: argOp(argmin),
  Pad: padOp, Tile: tileOp, Trilu: triluOp,
  CastLike: (ins, a, c) => {
    const t = need(ins[1], c, 'target_type');
    const to = isHost(t) ? t.type : t.dtype === 'float32' ? FLOAT : INT64;
    return castOp([ins[0]], { ...a, i: (n: string, d: number) => (n === 'to' ? to : a.i(n, d)) }, c);
  },
  ReduceSumSquare: reduceVia(eg.square, (y) => y), ReduceL1: reduceVia(eg.abs, (y) => y), ReduceL2: reduceVia(eg.square, eg.sqrt),
  ReduceLogSum: reduceVia((x) => x, eg.log), ReduceLogSumExp: logSumExp,
};

/** Ops that take Nhwc values on the fast path (the others get them back as NCHW tensors). */
export const NHWC_OPS = new Set(['Conv', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool', 'BatchNormalization', 'Relu', 'Sigmoid', 'Tanh', 'Add', 'Sub', 'Mul', 'Shape']);

/** Opset differences edgegrad reads: refused here when an op's semantics at this opset are not handled. */
export function unsupportedAt(op: string, opset: number): string | null {
  if (opset < 7) return `opset ${opset} is older than edgegrad reads (7 and up; tested 11 to 21)`;
  if (op === 'Slice' && opset < 10) return null;
  return null;
}

export { typeName };
