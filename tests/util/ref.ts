// Plain float64 reference math for the tests: a tiny n-d array and the ops the suites compare against.
export type DType = 'float32' | 'int32';

export interface Nd {
  shape: number[];
  data: Float64Array;
  dtype: DType;
  /** Per-element error scale (sum of |terms| that made the element), for sums and dot products. */
  scale?: Float64Array;
}

export function nd(shape: number[], data: ArrayLike<number>, dtype: DType = 'float32'): Nd {
  const n = sizeOf(shape);
  if (data.length !== n) throw new Error(`ref: ${data.length} values for shape [${shape}]`);
  return { shape: [...shape], data: Float64Array.from(data), dtype };
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
  return s;
}

/** Multi-index of flat index `i` in a row-major `shape`. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) { idx[d] = i % shape[d]; i = Math.floor(i / shape[d]); }
  return idx;
}

export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let f = 0;
  for (let d = 0; d < shape.length; d++) f = f * shape[d] + idx[d];
  return f;
}

/** Deterministic generator (mulberry32); every value it returns is float32-representable. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(lo = -1, hi = 1): number { return Math.fround(lo + (hi - lo) * this.next()); }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo)); }
  normal(): number {
    const u = 1 - this.next(), v = this.next();
    return Math.fround(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  /** A value with lo <= |v| < hi and a random sign (keeps inputs away from kinks at 0). */
  awayFromZero(lo: number, hi: number): number {
    const m = this.uniform(lo, hi);
    return this.next() < 0.5 ? -m : m;
  }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]; }
}

export function randNd(rng: Rng, shape: number[], gen: (r: Rng) => number = (r) => r.uniform(-2, 2), dtype: DType = 'float32'): Nd {
  const n = sizeOf(shape);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = gen(rng);
  return { shape: [...shape], data: d, dtype };
}

export function randInt(rng: Rng, shape: number[], lo: number, hi: number): Nd {
  return randNd(rng, shape, (r) => r.int(lo, hi), 'int32');
}

// ---------------------------------------------------------------- elementwise

export function map(x: Nd, f: (v: number) => number, dtype: DType = x.dtype): Nd {
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i]);
  return { shape: [...x.shape], data: out, dtype };
}

export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1, db = b[b.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`ref: cannot broadcast [${a}] and [${b}]`);
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The flat index into `x` for output multi-index `idx` under broadcasting. */
function bIndex(x: Nd, idx: readonly number[]): number {
  const off = idx.length - x.shape.length;
  let f = 0;
  for (let d = 0; d < x.shape.length; d++) f = f * x.shape[d] + (x.shape[d] === 1 ? 0 : idx[off + d]);
  return f;
}

export function zip(a: Nd, b: Nd, f: (x: number, y: number) => number, dtype: DType = a.dtype): Nd {
  const shape = broadcastShape(a.shape, b.shape);
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idx = unravel(i, shape);
    out[i] = f(a.data[bIndex(a, idx)], b.data[bIndex(b, idx)]);
  }
  return { shape, data: out, dtype };
}

/** int32 wrap-around, as Int32Array storage does. */
export const i32 = (v: number) => v | 0;

export function erf(x: number): number {
  // Taylor series below 3, continued fraction for erfc above; both accurate to ~1e-14 here.
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + (k / 2) / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return x > 0 ? 1 - erfc : erfc - 1;
}

export const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
export const gelu = (v: number) => 0.5 * v * (1 + erf(v / Math.SQRT2));

// ---------------------------------------------------------------- reductions

export function normAxes(axis: number | number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = Array.isArray(axis) ? axis : [axis];
  return [...new Set(list.map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
}

export type ReduceKind = 'sum' | 'mean' | 'max' | 'min' | 'argmax' | 'argmin';

export function reduce(x: Nd, kind: ReduceKind, axis?: number | number[], keepDims = false): Nd {
  const axes = normAxes(axis, x.shape.length);
  const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = keepDims ? keptShape : x.shape.filter((_, i) => !axes.includes(i));
  const n = sizeOf(keptShape);
  const groups: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    const kidx = idx.map((v, d) => (axes.includes(d) ? 0 : v));
    groups[ravel(kidx, keptShape)].push(i);
  }
  const out = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    const vals = groups[g].map((i) => x.data[i]);
    const absSum = vals.reduce((a, v) => a + Math.abs(v), 0);
    switch (kind) {
      case 'sum': out[g] = vals.reduce((a, v) => a + v, 0); scale[g] = absSum; break;
      case 'mean': out[g] = vals.reduce((a, v) => a + v, 0) / vals.length; scale[g] = absSum / vals.length; break;
      case 'max': out[g] = Math.max(...vals); break;
      case 'min': out[g] = Math.min(...vals); break;
      case 'argmax': {
        // Index along the reduced axes (flattened in their order), first one on ties.
        let best = 0;
        for (let k = 1; k < vals.length; k++) if (vals[k] > vals[best]) best = k;
        out[g] = best;
        break;
      }
      case 'argmin': {
        let best = 0;
        for (let k = 1; k < vals.length; k++) if (vals[k] < vals[best]) best = k;
        out[g] = best;
        break;
      }
    }
  }
  const dtype: DType = kind === 'argmax' || kind === 'argmin' ? 'int32' : kind === 'mean' ? 'float32' : x.dtype;
  return { shape: outShape, data: out, dtype, scale: kind === 'sum' || kind === 'mean' ? scale : undefined };
}

// ---------------------------------------------------------------- softmax family

function alongAxis(x: Nd, axis: number, f: (row: number[]) => number[]): Nd {
  const ax = axis < 0 ? axis + x.shape.length : axis;
  const out = new Float64Array(x.data.length);
  const st = stridesOf(x.shape);
  const len = x.shape[ax];
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    if (idx[ax] !== 0) continue;
    const row: number[] = [];
    for (let k = 0; k < len; k++) row.push(x.data[i + k * st[ax]]);
    const r = f(row);
    for (let k = 0; k < len; k++) out[i + k * st[ax]] = r[k];
  }
  return { shape: [...x.shape], data: out, dtype: 'float32' };
}

export function logSoftmaxRow(row: number[]): number[] {
  const m = Math.max(...row);
  const lse = m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
  return row.map((v) => v - lse);
}

export const softmax = (x: Nd, axis = -1) => alongAxis(x, axis, (r) => logSoftmaxRow(r).map(Math.exp));
export const logSoftmax = (x: Nd, axis = -1) => alongAxis(x, axis, logSoftmaxRow);

// ---------------------------------------------------------------- linear algebra

/** Batched matmul with broadcasting of leading dims; sets `scale` to sum_k |a_ik b_kj|. */
export function matmul(a: Nd, b: Nd, transposeA = false, transposeB = false): Nd {
  const ra = a.shape.length, rb = b.shape.length;
  const [aR, aC] = a.shape.slice(ra - 2), [bR, bC] = b.shape.slice(rb - 2);
  const M = transposeA ? aC : aR, K = transposeA ? aR : aC;
  const K2 = transposeB ? bC : bR, N = transposeB ? bR : bC;
  if (K !== K2) throw new Error('ref: inner dims');
  const batch = broadcastShape(a.shape.slice(0, ra - 2), b.shape.slice(0, rb - 2));
  const aB = { shape: a.shape.slice(0, ra - 2) } as Nd, bB = { shape: b.shape.slice(0, rb - 2) } as Nd;
  const nb = sizeOf(batch);
  const out = new Float64Array(nb * M * N), scale = new Float64Array(nb * M * N);
  for (let p = 0; p < nb; p++) {
    const bidx = unravel(p, batch);
    const ao = bIndex(aB, bidx) * aR * aC, bo = bIndex(bB, bidx) * bR * bC;
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let s = 0, t = 0;
        for (let k = 0; k < K; k++) {
          const av = a.data[ao + (transposeA ? k * aC + i : i * aC + k)];
          const bv = b.data[bo + (transposeB ? j * bC + k : k * bC + j)];
          s += av * bv; t += Math.abs(av * bv);
        }
        out[(p * M + i) * N + j] = s; scale[(p * M + i) * N + j] = t;
      }
  }
  return { shape: [...batch, M, N], data: out, dtype: 'float32', scale };
}

// ---------------------------------------------------------------- layout

export function transpose(x: Nd, perm?: number[]): Nd {
  const p = perm ?? x.shape.map((_, i) => x.shape.length - 1 - i);
  const shape = p.map((d) => x.shape[d]);
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) {
    const idx = unravel(i, shape);
    const src = new Array<number>(p.length);
    p.forEach((d, k) => { src[d] = idx[k]; });
    out[i] = x.data[ravel(src, x.shape)];
  }
  return { shape, data: out, dtype: x.dtype };
}

export function reshape(x: Nd, shape: number[]): Nd {
  return { shape: [...shape], data: x.data.slice(), dtype: x.dtype };
}

export function slice(x: Nd, begin: number[], size: number[]): Nd {
  const sz = size.map((s, d) => (s === -1 ? x.shape[d] - begin[d] : s));
  const n = sizeOf(sz);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x.data[ravel(unravel(i, sz).map((v, d) => v + begin[d]), x.shape)];
  return { shape: sz, data: out, dtype: x.dtype };
}

export function pad(x: Nd, paddings: [number, number][]): Nd {
  const shape = x.shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < x.data.length; i++) {
    out[ravel(unravel(i, x.shape).map((v, d) => v + paddings[d][0]), shape)] = x.data[i];
  }
  return { shape, data: out, dtype: x.dtype };
}

export function concat(xs: Nd[], axis = 0): Nd {
  const ax = axis < 0 ? axis + xs[0].shape.length : axis;
  const shape = [...xs[0].shape];
  shape[ax] = xs.reduce((a, x) => a + x.shape[ax], 0);
  const out = new Float64Array(sizeOf(shape));
  let off = 0;
  for (const x of xs) {
    for (let i = 0; i < x.data.length; i++) {
      const idx = unravel(i, x.shape);
      idx[ax] += off;
      out[ravel(idx, shape)] = x.data[i];
    }
    off += x.shape[ax];
  }
  return { shape, data: out, dtype: xs[0].dtype };
}

export function stack(xs: Nd[], axis = 0): Nd {
  const ax = axis < 0 ? axis + xs[0].shape.length + 1 : axis;
  const ex = xs.map((x) => reshape(x, [...x.shape.slice(0, ax), 1, ...x.shape.slice(ax)]));
  return concat(ex, ax);
}

export function gather(x: Nd, indices: Nd, axis = 0): Nd {
  const ax = axis < 0 ? axis + x.shape.length : axis;
  const shape = [...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)];
  const out = new Float64Array(sizeOf(shape));
  const ir = indices.shape.length;
  for (let i = 0; i < out.length; i++) {
    const idx = unravel(i, shape);
    const iidx = idx.slice(ax, ax + ir);
    const src = [...idx.slice(0, ax), indices.data[ravel(iidx, indices.shape)], ...idx.slice(ax + ir)];
    out[i] = x.data[ravel(src, x.shape)];
  }
  return { shape, data: out, dtype: x.dtype };
}

export function oneHot(indices: Nd, depth: number): Nd {
  const n = indices.data.length;
  const out = new Float64Array(n * depth);
  for (let i = 0; i < n; i++) {
    const c = indices.data[i];
    if (c >= 0 && c < depth) out[i * depth + c] = 1;
  }
  return { shape: [...indices.shape, depth], data: out, dtype: 'float32' };
}

// ---------------------------------------------------------------- losses (means over the batch)

function rows(x: Nd): number[][] {
  const c = x.shape[x.shape.length - 1];
  const out: number[][] = [];
  for (let i = 0; i < x.data.length; i += c) out.push(Array.from(x.data.subarray(i, i + c)));
  return out;
}

const scalar = (v: number): Nd => ({ shape: [], data: Float64Array.of(v), dtype: 'float32' });
const meanOf = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

export const mse = (y: Nd, p: Nd) => scalar(meanOf(Array.from(y.data, (v, i) => (v - p.data[i]) ** 2)));
export const bce = (y: Nd, p: Nd) =>
  scalar(meanOf(Array.from(y.data, (v, i) => -(v * Math.log(p.data[i]) + (1 - v) * Math.log(1 - p.data[i])))));
export const cce = (y: Nd, p: Nd) => {
  const pr = rows(p);
  return scalar(meanOf(rows(y).map((r, i) => -r.reduce((a, v, k) => a + v * Math.log(pr[i][k]), 0))));
};
export const softmaxCE = (labels: Nd, logits: Nd) => {
  const lr = rows(logits).map(logSoftmaxRow);
  return scalar(meanOf(rows(labels).map((r, i) => -r.reduce((a, v, k) => a + v * lr[i][k], 0))));
};
export const sparseSoftmaxCE = (labels: Nd, logits: Nd) => {
  const lr = rows(logits).map(logSoftmaxRow);
  return scalar(meanOf(Array.from(labels.data, (c, i) => -lr[i][c])));
};
