// The reference backend: plain TypeScript loops, obviously correct, not fast. Every other backend
// is tested against it. With precision 'float64' it stores float32 tensors in Float64Array so
// gradient checks can run in double precision.
import type { Backend } from './backend.js';
import {
  type DType, type KernelAttrs, type KernelTable, type TensorInfo, type TypedArray,
  UNARY, BINARY, COMPARISONS, sizeOf, stridesOf, padLayout, concatLayout, checkAllocation, MAX_BUFFER_BYTES,
} from '../kernels.js';

type Arr = Float32Array | Float64Array | Int32Array;
type Info = TensorInfo<Arr>;

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** erf to ~1e-15 (series for small |x|, continued fraction for large |x|). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf x = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
    let term = ax, sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  if (ax > 6) return x < 0 ? -1 : 1;
  // erfc via Lentz continued fraction: erfc x = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  let f = ax, c = ax, d = 0;
  for (let n = 1; n < 200; n++) {
    const an = n / 2;
    d = ax + an * d; d = 1 / d;
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return x < 0 ? erfc - 1 : 1 - erfc;
}

const unaryFns: Record<(typeof UNARY)[number], (x: number, a: any) => number> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  square: (x) => x * x,
  abs: Math.abs,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN),
  reciprocal: (x) => 1 / x,
  relu: (x) => (x > 0 ? x : Number.isNaN(x) ? NaN : 0),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  gelu: (x) => 0.5 * x * (1 + erf(x * SQRT1_2)),
  leakyRelu: (x, a: KernelAttrs['leakyRelu']) => (x > 0 ? x : a.alpha * x),
  clip: (x, a: KernelAttrs['clip']) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, a.min), a.max)),
};

const binaryFns: Record<(typeof BINARY)[number], (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  greater: (a, b) => +(a > b),
  greaterEqual: (a, b) => +(a >= b),
  less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b),
  equal: (a, b) => +(a === b),
  notEqual: (a, b) => +(a !== b),
};

// NOTE: int32 wraps as two's complement, as the wasm and WGSL integers do. A double holds sums and
// differences of two int32 exactly (the Int32Array store then wraps them), but not products past
// 2^53, so mul and square take the low 32 bits with Math.imul.
const int32Unary: Partial<Record<(typeof UNARY)[number], (x: number) => number>> = { square: (x) => Math.imul(x, x) };
const int32Binary: Partial<Record<(typeof BINARY)[number], (a: number, b: number) => number>> = { mul: Math.imul };

const gradFns = {
  reluGrad: (dy: number, x: number) => (x > 0 ? dy : 0),
  leakyReluGrad: (dy: number, x: number, a: KernelAttrs['leakyReluGrad']) => (x > 0 ? dy : a.alpha * dy),
  sigmoidGrad: (dy: number, y: number) => dy * y * (1 - y),
  tanhGrad: (dy: number, y: number) => dy * (1 - y * y),
  geluGrad: (dy: number, x: number) => dy * (0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x)),
  clipGrad: (dy: number, x: number, a: KernelAttrs['clipGrad']) => (x >= a.min && x <= a.max ? dy : 0),
};

/** Calls fn(outIndex, srcOffset) for every element of `shape` walking `strides` (row-major order). */
function walk(shape: readonly number[], strides: readonly number[], fn: (i: number, off: number) => void): void {
  const n = sizeOf(shape);
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    fn(i, off);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

export function createJsBackend(opts: { precision?: 'float32' | 'float64' } = {}): Backend<Arr> {
  const f64 = opts.precision === 'float64';
  let bytes = 0;
  const alloc = (dtype: DType, size: number): Arr => {
    checkAllocation('js', dtype, size, dtype === 'float32' && f64 ? 8 : 4, MAX_BUFFER_BYTES);
    const a = dtype === 'int32' ? new Int32Array(size) : f64 ? new Float64Array(size) : new Float32Array(size);
    bytes += a.byteLength;
    return a;
  };
  const out = (shape: readonly number[], dtype: DType): Info => ({ shape: [...shape], dtype, buf: alloc(dtype, sizeOf(shape)) });

  const k: KernelTable<Arr> = {};
  const tbl = k as Record<string, (inputs: readonly Info[], attrs: any) => Info | Info[]>;

  for (const op of UNARY) {
    tbl[op] = ([x], attrs) => {
      const f = (x.dtype === 'int32' && int32Unary[op]) || unaryFns[op];
      const o = out(x.shape, x.dtype);
      const a = x.buf, b = o.buf;
      for (let i = 0; i < a.length; i++) b[i] = f(a[i], attrs);
      return o;
    };
  }

  for (const op of BINARY) {
    const cmp = COMPARISONS.has(op);
    tbl[op] = ([a, b]) => {
      const f = (a.dtype === 'int32' && int32Binary[op]) || binaryFns[op];
      const shape = a.shape.map((d, i) => Math.max(d, b.shape[i]));
      if (a.shape.includes(0) || b.shape.includes(0)) shape.forEach((_, i) => { if (a.shape[i] === 0 || b.shape[i] === 0) shape[i] = 0; });
      const o = out(shape, cmp ? 'float32' : a.dtype);
      const sa = stridesOf(a.shape).map((s, i) => (a.shape[i] === 1 ? 0 : s));
      const sb = stridesOf(b.shape).map((s, i) => (b.shape[i] === 1 ? 0 : s));
      const ob = o.buf, ab = a.buf, bb = b.buf;
      if (ab.length === ob.length && bb.length === ob.length) {
        // Same shapes: a plain loop (the general walk below gives the same result, slowly).
        for (let i = 0; i < ob.length; i++) ob[i] = f(ab[i], bb[i]);
        return o;
      }
      const aOff = new Array<number>(sizeOf(shape));
      walk(shape, sa, (i, off) => { aOff[i] = off; });
      walk(shape, sb, (i, off) => { ob[i] = f(ab[aOff[i]], bb[off]); });
      return o;
    };
  }

  for (const [op, f] of Object.entries(gradFns)) {
    tbl[op] = ([dy, v], attrs) => {
      const o = out(dy.shape, 'float32');
      for (let i = 0; i < o.buf.length; i++) o.buf[i] = (f as (a: number, b: number, c: any) => number)(dy.buf[i], v.buf[i], attrs);
      return o;
    };
  }

  const reduce = (init: (x: Info) => number, step: (acc: number, v: number, r: number, best: number) => [number, number], arg: boolean) =>
    ([x]: readonly Info[]): Info => {
      const [outer, R, inner] = x.shape;
      const o = out([outer, inner], arg ? 'int32' : x.dtype);
      for (let i = 0; i < outer; i++) {
        for (let j = 0; j < inner; j++) {
          let acc = init(x), best = 0;
          for (let r = 0; r < R; r++) [acc, best] = step(acc, x.buf[(i * R + r) * inner + j], r, best);
          o.buf[i * inner + j] = arg ? best : acc;
        }
      }
      return o;
    };
  const sumF = reduce(() => 0, (acc, v) => [acc + v, 0], false);
  // NOTE: int32 sums wrap at every step: a double running sum would drop low bits past 2^53.
  const sumI = reduce(() => 0, (acc, v) => [(acc + v) | 0, 0], false);
  k.sum = (inputs) => (inputs[0].dtype === 'int32' ? sumI : sumF)(inputs);
  // NOTE: NaN wins in max/min so a NaN in the input is never hidden.
  k.max = reduce(() => -Infinity, (acc, v) => [Number.isNaN(v) || v > acc ? v : acc, 0], false);
  k.min = reduce(() => Infinity, (acc, v) => [Number.isNaN(v) || v < acc ? v : acc, 0], false);
  k.argmax = reduce(() => -Infinity, (acc, v, r, best) => (v > acc || (Number.isNaN(v) && !Number.isNaN(acc)) ? [v, r] : [acc, best]), true);
  k.argmin = reduce(() => Infinity, (acc, v, r, best) => (v < acc || (Number.isNaN(v) && !Number.isNaN(acc)) ? [v, r] : [acc, best]), true);

  /**
   * Stable log-sum-exp of row r of a [rows, C] buffer, with the row max m (NaN wins). Plain IEEE
   * arithmetic gives the edge semantics of kernels.ts: m = -Infinity (all -Infinity) or +Infinity
   * makes x - m NaN somewhere, so the whole row is NaN.
   */
  const rowLse = (x: Arr, r: number, C: number): [number, number] => {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, x[r * C + c]);
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(x[r * C + c] - m);
    return [m, Math.log(s)];
  };
  k.softmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, 'float32');
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(x.buf, r, C);
      for (let c = 0; c < C; c++) o.buf[r * C + c] = Math.exp(x.buf[r * C + c] - m - l);
    }
    return o;
  };
  k.logSoftmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, 'float32');
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(x.buf, r, C);
      for (let c = 0; c < C; c++) o.buf[r * C + c] = x.buf[r * C + c] - m - l;
    }
    return o;
  };
  k.softmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], 'float32');
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(logits.buf, r, C);
      let s = 0;
      for (let c = 0; c < C; c++) {
        const y = labels.buf[r * C + c];
        if (y !== 0) s -= y * (logits.buf[r * C + c] - m - l);
      }
      o.buf[r] = s;
    }
    return o;
  };
  k.sparseSoftmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], 'float32');
    for (let r = 0; r < rows; r++) {
      const [m, l] = rowLse(logits.buf, r, C);
      const y = labels.buf[r];
      o.buf[r] = y >= 0 && y < C ? -(logits.buf[r * C + y] - m - l) : NaN;
    }
    return o;
  };

  k.matmul = ([a, b], { transposeA, transposeB }) => {
    const [Ba, ar, ac] = a.shape;
    const [Bb, br, bc] = b.shape;
    const M = transposeA ? ac : ar, K = transposeA ? ar : ac;
    const N = transposeB ? br : bc;
    // NOTE: Ba and Bb are each 1 or B, and B may be 0 (an empty batch).
    const B = Ba === 1 ? Bb : Ba;
    const o = out([B, M, N], 'float32');
    for (let p = 0; p < B; p++) {
      const ao = (Ba === 1 ? 0 : p) * ar * ac, bo = (Bb === 1 ? 0 : p) * br * bc;
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let q = 0; q < K; q++) {
            const av = a.buf[ao + (transposeA ? q * ac + i : i * ac + q)];
            const bv = b.buf[bo + (transposeB ? j * bc + q : q * bc + j)];
            s += av * bv;
          }
          o.buf[(p * M + i) * N + j] = s;
        }
      }
    }
    return o;
  };
  k.fusedMatmul = ([a, b, bias], { transposeA, transposeB, activation }) => {
    const o = k.matmul!([a, b], { transposeA, transposeB }) as Info;
    const N = o.shape[2];
    const f = activation === 'linear' ? undefined : unaryFns[activation];
    for (let i = 0; i < o.buf.length; i++) {
      o.buf[i] = bias ? o.buf[i] + bias.buf[i % N] : o.buf[i];
      if (f) o.buf[i] = f(o.buf[i], {});
    }
    return o;
  };

  k.transpose = ([x], { perm }) => {
    const shape = perm.map((p) => x.shape[p]);
    const xs = stridesOf(x.shape);
    const o = out(shape, x.dtype);
    walk(shape, perm.map((p) => xs[p]), (i, off) => { o.buf[i] = x.buf[off]; });
    return o;
  };
  k.slice = ([x], { begin, size }) => {
    const xs = stridesOf(x.shape);
    const o = out(size, x.dtype);
    const base = begin.reduce((acc, b, i) => acc + b * xs[i], 0);
    walk(size, xs, (i, off) => { o.buf[i] = x.buf[base + off]; });
    return o;
  };
  k.pad = ([x], { before, after }) => {
    const { shape, strides, offset } = padLayout(x.shape, before, after);
    const o = out(shape, x.dtype);
    walk(x.shape, strides, (i, off) => { o.buf[offset + off] = x.buf[i]; });
    return o;
  };
  k.concat = (xs, { axis }) => {
    const { shape, strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
    const o = out(shape, xs[0].dtype);
    xs.forEach((x, n) => walk(x.shape, strides, (i, off) => { o.buf[offsets[n] + off] = x.buf[i]; }));
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = out([outer, M, inner], x.dtype);
    for (let i = 0; i < outer; i++)
      for (let m = 0; m < M; m++)
        for (let j = 0; j < inner; j++) o.buf[(i * M + m) * inner + j] = x.buf[(i * N + idx.buf[m]) * inner + j];
    return o;
  };
  k.scatterAdd = ([dy, idx], { n }) => {
    const [outer, M, inner] = dy.shape;
    const o = out([outer, n, inner], 'float32');
    for (let i = 0; i < outer; i++)
      for (let m = 0; m < M; m++)
        for (let j = 0; j < inner; j++) o.buf[(i * n + idx.buf[m]) * inner + j] += dy.buf[(i * M + m) * inner + j];
    return o;
  };
  k.oneHot = ([idx], { depth }) => {
    const n = idx.shape[0];
    const o = out([n, depth], 'float32');
    for (let i = 0; i < n; i++) {
      const c = idx.buf[i];
      if (c >= 0 && c < depth) o.buf[i * depth + c] = 1;
    }
    return o;
  };
  k.cast = ([x], { dtype }) => {
    const o = out(x.shape, dtype);
    if (dtype === 'int32') for (let i = 0; i < x.buf.length; i++) o.buf[i] = Math.trunc(x.buf[i]);
    else o.buf.set(x.buf);
    return o;
  };
  k.fill = (_, { shape, dtype, value }) => {
    const o = out(shape, dtype);
    o.buf.fill(value);
    return o;
  };

  // ---- optimizer updates, in place: [param, ...slots, grad] (see kernels.ts) ----------------
  const decay = (p: Arr, d: number) => { if (d !== 0) for (let i = 0; i < p.length; i++) p[i] -= p[i] * d; };
  k.sgdUpdate = (ts, { lr, momentum, nesterov, weightDecay }) => {
    const p = ts[0].buf, g = ts[ts.length - 1].buf;
    decay(p, lr * weightDecay);
    if (momentum === 0) {
      for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
    } else {
      const v = ts[1].buf;
      for (let i = 0; i < p.length; i++) {
        v[i] = momentum * v[i] - lr * g[i];
        p[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
      }
    }
    return [];
  };
  k.adamUpdate = ([{ buf: p }, { buf: m }, { buf: v }, { buf: g }], { lr, beta1, beta2, epsilon, step, weightDecay }) => {
    decay(p, lr * weightDecay);
    const alpha = (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    for (let i = 0; i < p.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - beta1);
      v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
      p[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + epsilon);
    }
    return [];
  };
  k.rmspropUpdate = (ts, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
    const p = ts[0].buf, ms = ts[1].buf, g = ts[ts.length - 1].buf;
    const mom = momentum > 0 ? ts[2].buf : null, mg = centered ? ts[momentum > 0 ? 3 : 2].buf : null;
    decay(p, lr * weightDecay);
    for (let i = 0; i < p.length; i++) {
      ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
      let den = ms[i] + epsilon;
      if (mg) {
        mg[i] = rho * mg[i] + (1 - rho) * g[i];
        den = ms[i] - mg[i] * mg[i] + epsilon;
      }
      const inc = (lr * g[i]) / Math.sqrt(den);
      if (mom) {
        mom[i] = momentum * mom[i] + inc;
        p[i] -= mom[i];
      } else {
        p[i] -= inc;
      }
    }
    return [];
  };
  k.adagradUpdate = ([{ buf: p }, { buf: a }, { buf: g }], { lr, epsilon, weightDecay }) => {
    decay(p, lr * weightDecay);
    for (let i = 0; i < p.length; i++) {
      a[i] += g[i] * g[i];
      p[i] -= (lr * g[i]) / Math.sqrt(a[i] + epsilon);
    }
    return [];
  };

  return {
    name: 'js',
    info: { precision: f64 ? 'float64' : 'float32' },
    kernels: k,
    alloc,
    write(buf, values) { buf.set(values); },
    elementBytes: (dtype) => (dtype === 'float32' && f64 ? 8 : 4),
    // NOTE: in float64 precision this returns a Float64Array although the type says TypedArray.
    read(buf, _dtype, size) { return buf.slice(0, size) as TypedArray; },
    async readAsync(buf, _dtype, size) { return buf.slice(0, size) as TypedArray; },
    free(buf) { bytes -= buf.byteLength; },
    memory() { return { bytes }; },
  };
}
