// Folding on the host: the shape arithmetic that exporters emit (PyTorch's Shape -> Gather ->
// Unsqueeze -> Concat -> Reshape, sizes cast to float for a 1/sqrt(d) scale, masks from Range and
// Equal) computed on small host arrays, with no device round trip, so it works where the device
// cannot be read synchronously (webgpu). Ops not here fold through the device ops (ops.ts).
import { BOOL, DOUBLE, FLOAT, FLOAT16, type HostTensor } from './model.js';
import type { Attrs, OpContext } from './ops.js';

const FLOATS = new Set([FLOAT, DOUBLE, FLOAT16, 16]);
const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
const make = (type: number, shape: number[], n: number) => ({ type, shape, data: FLOATS.has(type) ? new Float32Array(n) : new Float64Array(n) });

function broadcast(shapes: number[][], c: OpContext): number[] {
  const r = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    let d = 1;
    for (const s of shapes) {
      const v = s[s.length - r + i] ?? 1;
      if (v !== 1 && d !== 1 && v !== d) throw new Error(`${c.where}: shapes ${shapes.map((x) => `[${x}]`).join(', ')} cannot be broadcast`);
      if (v !== 1) d = v;
    }
    out.push(d);
  }
  return out;
}

/** Index into `s` (right-aligned in `out`) of the flat output position i. */
function indexer(s: number[], out: number[]): (i: number) => number {
  const r = out.length, strides = new Array(r).fill(0);
  let st = 1;
  for (let k = s.length - 1; k >= 0; k--) { if (s[k] !== 1) strides[r - s.length + k] = st; st *= s[k]; }
  return (i) => {
    let off = 0;
    for (let k = r - 1; k >= 0; k--) { const d = out[k]; off += (i % d) * strides[k]; i = Math.floor(i / d); }
    return off;
  };
}

function elementwise(ins: HostTensor[], type: number, f: (...v: number[]) => number, c: OpContext): HostTensor {
  const shape = broadcast(ins.map((t) => t.shape), c);
  const o = make(type, shape, size(shape));
  const idx = ins.map((t) => indexer(t.shape, shape));
  for (let i = 0; i < o.data.length; i++) o.data[i] = f(...ins.map((t, k) => t.data[idx[k](i)]));
  return o;
}

const isInt = (t: HostTensor) => !FLOATS.has(t.type) && t.type !== BOOL;
const arith = (f: (a: number, b: number, int: boolean) => number) => (ins: HostTensor[], _a: Attrs, c: OpContext) =>
  elementwise(ins.slice(0, 2), ins[0].type, (a, b) => f(a, b, isInt(ins[0])), c);
const cmp = (f: (a: number, b: number) => boolean) => (ins: HostTensor[], _a: Attrs, c: OpContext) => elementwise(ins.slice(0, 2), BOOL, (a, b) => (f(a, b) ? 1 : 0), c);
const un = (f: (a: number) => number) => (ins: HostTensor[], _a: Attrs, c: OpContext) => elementwise([ins[0]], ins[0].type, f, c);
const norm = (ax: number, r: number, c: OpContext) => {
  if (ax < -r || ax >= Math.max(r, 1)) throw new Error(`${c.where}: axis ${ax} is out of range for rank ${r}`);
  return ax < 0 ? ax + r : ax;
};

function gather(ins: HostTensor[], a: Attrs, c: OpContext): HostTensor {
  const [x, ind] = ins;
  const ax = norm(a.i('axis', 0), x.shape.length, c), n = x.shape[ax];
  const outer = size(x.shape.slice(0, ax)), inner = size(x.shape.slice(ax + 1));
  const shape = [...x.shape.slice(0, ax), ...ind.shape, ...x.shape.slice(ax + 1)];
  const o = make(x.type, shape, outer * ind.data.length * inner);
  let p = 0;
  for (let i = 0; i < outer; i++) {
    for (let j = 0; j < ind.data.length; j++) {
      const k = ind.data[j] < 0 ? ind.data[j] + n : ind.data[j];
      if (!(k >= 0 && k < n)) throw new Error(`${c.where}: index ${ind.data[j]} is out of range for axis ${ax} of size ${n}`);
      for (let e = 0; e < inner; e++) o.data[p++] = x.data[(i * n + k) * inner + e];
    }
  }
  return o;
}

function concat(ins: HostTensor[], a: Attrs, c: OpContext): HostTensor {
  const r = ins[0].shape.length, ax = norm(a.i('axis', 0), r, c);
  const outer = size(ins[0].shape.slice(0, ax));
  const shape = [...ins[0].shape];
  shape[ax] = ins.reduce((p, t) => p + t.shape[ax], 0);
  for (const t of ins) if (t.shape.length !== r || t.shape.some((d, k) => k !== ax && d !== shape[k])) throw new Error(`${c.where}: cannot concatenate shapes ${ins.map((x) => `[${x.shape}]`).join(', ')} along axis ${ax}`);
  const type = ins.some((t) => FLOATS.has(t.type)) ? FLOAT : ins[0].type;
  const o = make(type, shape, size(shape));
  let p = 0;
  for (let i = 0; i < outer; i++) for (const t of ins) { const n = size(t.shape.slice(ax)); for (let e = 0; e < n; e++) o.data[p++] = t.data[i * n + e]; }
  return o;
}

function sliceHost(ins: HostTensor[], _a: Attrs, c: OpContext): HostTensor | undefined {
  if (c.opset < 10 || ins.length < 3) return undefined;
  const [x, st, en, axT, stepT] = ins;
  const r = x.shape.length;
  const begin = x.shape.map(() => 0), count = [...x.shape], step = x.shape.map(() => 1);
  const axes = axT ? Array.from(axT.data) : Array.from(st.data, (_, i) => i);
  axes.forEach((axRaw, i) => {
    const ax = norm(axRaw, r, c), n = x.shape[ax], s1 = stepT ? stepT.data[i] : 1;
    if (s1 === 0) throw new Error(`${c.where}: step 0 on axis ${ax}`);
    let s = st.data[i], e = en.data[i];
    if (s < 0) s += n;
    if (e < 0) e += n;
    if (s1 > 0) { s = Math.min(Math.max(s, 0), n); e = Math.min(Math.max(e, 0), n); } else { s = Math.min(Math.max(s, -1), n - 1); e = Math.min(Math.max(e, -1), n - 1); }
    begin[ax] = s; step[ax] = s1; count[ax] = Math.max(0, Math.ceil((s1 > 0 ? e - s : s - e) / Math.abs(s1)));
  });
  const o = make(x.type, count, size(count));
  const strides = x.shape.map((_, k) => size(x.shape.slice(k + 1)));
  for (let i = 0; i < o.data.length; i++) {
    let rem = i, off = 0;
    for (let k = r - 1; k >= 0; k--) { const q = rem % count[k]; rem = Math.floor(rem / count[k]); off += (begin[k] + q * step[k]) * strides[k]; }
    o.data[i] = x.data[off];
  }
  return o;
}

function expand(ins: HostTensor[], _a: Attrs, c: OpContext): HostTensor {
  const [x, s] = ins;
  const shape = broadcast([x.shape, Array.from(s.data)], c);
  const o = make(x.type, shape, size(shape));
  const idx = indexer(x.shape, shape);
  for (let i = 0; i < o.data.length; i++) o.data[i] = x.data[idx(i)];
  return o;
}

type Fold = (ins: HostTensor[], a: Attrs, c: OpContext) => HostTensor | undefined;

/** The ops folded on the host (all inputs host constants). */
export const HOST_FOLD: Record<string, Fold> = {
  Add: arith((a, b) => a + b), Sub: arith((a, b) => a - b), Mul: arith((a, b) => a * b),
  Div: arith((a, b, int) => (int ? Math.trunc(a / b) : a / b)), Pow: arith((a, b) => a ** b),
  Max: (ins, _a, c) => elementwise(ins, ins[0].type, Math.max, c), Min: (ins, _a, c) => elementwise(ins, ins[0].type, Math.min, c),
  Equal: cmp((a, b) => a === b), Less: cmp((a, b) => a < b), Greater: cmp((a, b) => a > b),
  LessOrEqual: cmp((a, b) => a <= b), GreaterOrEqual: cmp((a, b) => a >= b),
  Where: (ins, _a, c) => elementwise(ins.slice(0, 3), ins[1].type, (p, x, y) => (p ? x : y), c),
  Neg: un((v) => -v), Abs: un(Math.abs), Sqrt: un(Math.sqrt), Reciprocal: un((v) => 1 / v), Exp: un(Math.exp), Log: un(Math.log),
  Gather: gather, Concat: concat, Slice: sliceHost, Expand: expand,
};

/** The op on host constants, or undefined where it does not fold here. Float results are float32, as on the device. */
export function foldOnHost(op: string, ins: (HostTensor | undefined)[], a: Attrs, c: OpContext): HostTensor | undefined {
  const f = HOST_FOLD[op];
  if (!f || ins.some((v, k) => v === undefined && !(op === 'Slice' && k >= 3))) return undefined;
  return f(ins as HostTensor[], a, c);
}
