// The ops composed from existing kernels (src/ops/composite.ts: tile, split, unstack, reverse,
// cumsum, prod, logSumExp, topk, logical ops), the rounding and trigonometric unary kernels, and the
// losses added beside them: conformance instances against float64 references, gradient checks.
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { type Nd, Rng, nd, randInt, randNd, sizeOf, stridesOf, unravel, ravel } from '../util/ref.js';
import {
  type Case, type FamilyCases, SHAPES, anyVal, gAwayFrom0, gDistinct, grad, hashName, inst, label, withGrads,
} from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ------------------------------------------------------------------------------ references

/** Applies f to every lane of x along `axis` (a lane: the values at one position of the other axes). */
function lanes(x: Nd, axis: number, f: (lane: number[]) => number[], outLen = x.shape[axis], dtype = x.dtype): Nd {
  const ax = axis < 0 ? axis + x.shape.length : axis;
  const outShape = x.shape.map((d, i) => (i === ax ? outLen : d));
  const out = new Float64Array(sizeOf(outShape));
  const st = stridesOf(x.shape), ost = stridesOf(outShape);
  const n = x.shape[ax];
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    if (idx[ax] !== 0) continue;
    const lane: number[] = [];
    for (let k = 0; k < n; k++) lane.push(x.data[i + k * st[ax]]);
    const r = f(lane);
    const o = ravel(idx, outShape);
    for (let k = 0; k < outLen; k++) out[o + k * ost[ax]] = r[k];
  }
  if (n === 0 && outLen > 0) throw new Error('lanes: empty axis');
  return { shape: outShape, data: out, dtype };
}

const roundEven = (v: number) => { const r = Math.round(v); return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r; };

function tileRef(x: Nd, reps: number[]): Nd {
  const shape = x.shape.map((d, i) => d * reps[i]);
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = x.data[ravel(unravel(i, shape).map((v, d) => v % x.shape[d]), x.shape)];
  return { shape, data: out, dtype: x.dtype };
}

function reverseRef(x: Nd, axes: number[]): Nd {
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = x.data[ravel(unravel(i, x.shape).map((v, d) => (axes.includes(d) ? x.shape[d] - 1 - v : v)), x.shape)];
  }
  return { shape: [...x.shape], data: out, dtype: x.dtype };
}

function cumsumRef(x: Nd, axis: number, exclusive = false, reverse = false): Nd {
  const scale = lanes(x, axis, (lane) => {
    const l = reverse ? [...lane].reverse() : lane;
    let acc = 0;
    const r = l.map((v) => { const before = acc; acc += Math.abs(v); return exclusive ? before : acc; });
    return reverse ? r.reverse() : r;
  });
  const out = lanes(x, axis, (lane) => {
    const l = reverse ? [...lane].reverse() : lane;
    let acc = 0;
    const r = l.map((v) => { const before = acc; acc += v; return exclusive ? before : acc; });
    const rr = reverse ? r.reverse() : r;
    return x.dtype === 'int32' ? rr.map(R.i32) : rr;
  });
  return { ...out, scale: scale.data };
}

function reduceLanes(x: Nd, axes: number[] | undefined, f: (vals: number[]) => number, keepDims = false): Nd {
  const ax = axes ?? x.shape.map((_, i) => i);
  const kept = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: sizeOf(kept) }, () => []);
  for (let i = 0; i < x.data.length; i++) groups[ravel(unravel(i, x.shape).map((v, d) => (ax.includes(d) ? 0 : v)), kept)].push(x.data[i]);
  return {
    shape: keepDims ? kept : x.shape.filter((_, i) => !ax.includes(i)),
    data: Float64Array.from(groups.map(f)), dtype: x.dtype,
  };
}

const prodOf = (int: boolean) => (vals: number[]) => vals.reduce((a, v) => (int ? Math.imul(a, v) : a * v), 1);
const lse = (vals: number[]) => {
  const m = Math.max(...vals);
  if (!Number.isFinite(m)) return Number.isNaN(m) ? NaN : m === Infinity ? Infinity : -Infinity;
  return m + Math.log(vals.reduce((a, v) => a + Math.exp(v - m), 0));
};

/** [values or indices] of the k largest along the last axis, ties to the lower index. */
function topkRef(x: Nd, k: number, want: 'values' | 'indices'): Nd {
  return lanes(x, -1, (lane) => {
    const order = lane.map((v, i) => i).sort((a, b) => (lane[b] - lane[a]) || (a - b)).slice(0, k);
    return want === 'values' ? order.map((i) => lane[i]) : order;
  }, k, want === 'indices' ? 'int32' : x.dtype);
}

// ------------------------------------------------------------------------------ unary kernels

for (const [name, run, f, gen] of [
  ['floor', eg.floor, Math.floor, (r: Rng) => r.pick([r.uniform(-5, 5), r.int(-4, 5), r.int(-4, 5) + 0.5])],
  ['ceil', eg.ceil, Math.ceil, (r: Rng) => r.pick([r.uniform(-5, 5), r.int(-4, 5), r.int(-4, 5) + 0.5])],
  ['round (ties to even)', eg.round, roundEven, (r: Rng) => r.pick([r.uniform(-5, 5), r.int(-4, 5), r.int(-4, 5) + 0.5])],
] as const) {
  const rng = new Rng(hashName(name));
  add({
    name, tol: 'exact',
    instances: [
      ...SHAPES.map((s) => inst(label(s), [randNd(rng, s, gen)], (x) => run(x), (x) => R.map(x, f))),
      inst('special values', [nd([9], [0.5, 1.5, 2.5, -0.5, -2.5, Infinity, -Infinity, NaN, 8388607.5])], (x) => run(x), (x) => R.map(x, f)),
    ],
  });
}
for (const [name, run, f] of [['sin', eg.sin, Math.sin], ['cos', eg.cos, Math.cos]] as const) {
  const rng = new Rng(hashName(name));
  add({
    name, tol: 'transcendental',
    instances: [
      ...SHAPES.map((s) => inst(label(s), [randNd(rng, s, (r) => r.uniform(-7, 7))], (x) => run(x), (x) => R.map(x, f))),
      inst('|x| up to 1000', [randNd(rng, [64], (r) => r.uniform(-1000, 1000))], (x) => run(x), (x) => R.map(x, f),
        { tol32: { rtol: 1e-5, atol: 2e-6 } }),
      inst('0, multiples of pi/2, +-Infinity, NaN', [nd([8], [0, Math.PI / 2, Math.PI, -Math.PI / 2, 3 * Math.PI, Infinity, -Infinity, NaN].map(Math.fround))],
        (x) => run(x), (x) => R.map(x, f)),
    ],
  });
}

// ------------------------------------------------------------------------------ logical

{
  const rng = new Rng(hashName('logical'));
  const b = (s: number[]) => randNd(rng, s, (r) => r.pick([0, 0, 1, -2.5, 0.5]));
  const t = (v: number) => v !== 0;
  add({
    name: 'logical ops', tol: 'exact',
    instances: [
      inst('logicalAnd [5,7]', [b([5, 7]), b([5, 7])], (x, y) => eg.logicalAnd(x, y), (x, y) => R.zip(x, y, (p, q) => +(t(p) && t(q)))),
      inst('logicalOr [5,7] [7] (broadcast)', [b([5, 7]), b([7])], (x, y) => eg.logicalOr(x, y), (x, y) => R.zip(x, y, (p, q) => +(t(p) || t(q)))),
      inst('logicalXor [3,1] [1,4]', [b([3, 1]), b([1, 4])], (x, y) => eg.logicalXor(x, y), (x, y) => R.zip(x, y, (p, q) => +(t(p) !== t(q)))),
      inst('logicalNot [17]', [b([17])], (x) => eg.logicalNot(x), (x) => R.map(x, (p) => +!t(p))),
      inst('logicalAnd int32 [9]', [randInt(rng, [9], -1, 2), randInt(rng, [9], 0, 2)], (x, y) => eg.logicalAnd(x, y),
        (x, y) => R.zip(x, y, (p, q) => +(t(p) && t(q)), 'float32')),
      inst('logicalOr(x, 0) [9]', [b([9])], (x) => eg.logicalOr(x, 0), (x) => R.map(x, (p) => +t(p))),
      inst('logicalNot int32 [9]', [randInt(rng, [9], -1, 2)], (x) => eg.logicalNot(x), (x) => R.map(x, (p) => +!t(p), 'float32')),
    ],
  });
}

// ------------------------------------------------------------------------------ where

{
  const rng = new Rng(hashName('where'));
  const cond = (sh: number[]) => randNd(rng, sh, (r) => r.pick([0, 1, 0, 2.5]));
  const W = (c: Nd, a: Nd, b: Nd) => {
    const shape = R.broadcastShape(R.broadcastShape(c.shape, a.shape), b.shape);
    const at = (t: Nd, idx: number[]) => t.data[ravel(idx.slice(idx.length - t.shape.length).map((v, d) => (t.shape[d] === 1 ? 0 : v)), t.shape)];
    const out = new Float64Array(sizeOf(shape));
    for (let i = 0; i < out.length; i++) { const idx = unravel(i, shape); out[i] = at(c, idx) !== 0 ? at(a, idx) : at(b, idx); }
    return { shape, data: out, dtype: a.dtype };
  };
  add({
    name: 'where', tol: 'exact',
    instances: [
      inst('[5,7] all one shape', [cond([5, 7]), randNd(rng, [5, 7]), randNd(rng, [5, 7])], (c, a, b) => eg.where(c, a, b), W),
      inst('cond [5,1], a [7], b [] (broadcast)', [cond([5, 1]), randNd(rng, [7]), randNd(rng, [])], (c, a, b) => eg.where(c, a, b), W),
      inst('Infinity and NaN in the branch not taken', [nd([4], [1, 0, 1, 0]), nd([4], [1, NaN, Infinity, 4]), nd([4], [-Infinity, 2, NaN, -4])],
        (c, a, b) => eg.where(c, a, b), W),
      inst('int32 branches', [cond([9]), randInt(rng, [9], -9, 9), randInt(rng, [9], -9, 9)], (c, a, b) => eg.where(c, a, b), W),
    ],
  });
}

// ------------------------------------------------------------------------------ layout

{
  const rng = new Rng(hashName('tile'));
  add({
    name: 'tile', tol: 'exact',
    instances: [
      inst('[2,3] reps [2,3]', [randNd(rng, [2, 3])], (x) => eg.tile(x, [2, 3]), (x) => tileRef(x, [2, 3])),
      inst('[5] reps [4]', [randNd(rng, [5])], (x) => eg.tile(x, [4]), (x) => tileRef(x, [4])),
      inst('[2,1,3] reps [1,4,2]', [randNd(rng, [2, 1, 3])], (x) => eg.tile(x, [1, 4, 2]), (x) => tileRef(x, [1, 4, 2])),
      inst('[3,2] reps [0,2] (empty)', [randNd(rng, [3, 2])], (x) => eg.tile(x, [0, 2]), (x) => tileRef(x, [0, 2])),
      inst('int32 [4] reps [3]', [randInt(rng, [4], -9, 9)], (x) => eg.tile(x, [3]), (x) => tileRef(x, [3])),
      inst('[] reps [] (scalar)', [randNd(rng, [])], (x) => eg.tile(x, []), (x) => x),
    ],
  });
}
{
  const rng = new Rng(hashName('reverse'));
  add({
    name: 'reverse', tol: 'exact',
    instances: [
      inst('[7]', [randNd(rng, [7])], (x) => eg.reverse(x), (x) => reverseRef(x, [0])),
      inst('[3,4] axis 1', [randNd(rng, [3, 4])], (x) => eg.reverse(x, 1), (x) => reverseRef(x, [1])),
      inst('[3,4] axis -2', [randNd(rng, [3, 4])], (x) => eg.reverse(x, -2), (x) => reverseRef(x, [0])),
      inst('[2,3,4] axes [0,2]', [randNd(rng, [2, 3, 4])], (x) => eg.reverse(x, [0, 2]), (x) => reverseRef(x, [0, 2])),
      inst('int32 [2,5] all axes', [randInt(rng, [2, 5], -9, 9)], (x) => eg.reverse(x), (x) => reverseRef(x, [0, 1])),
    ],
  });
}
{
  const rng = new Rng(hashName('split'));
  const x = randNd(rng, [4, 6]);
  const part = (t: Nd, axis: number, from: number, len: number) =>
    R.slice(t, t.shape.map((_, i) => (i === axis ? from : 0)), t.shape.map((d, i) => (i === axis ? len : d)));
  add({
    name: 'split and unstack', tol: 'exact',
    instances: [
      // each instance takes one part, so every part of every form is compared on its own
      ...[0, 1, 2].map((k) => inst(`split [4,6] into 3 along 1, part ${k}`, [x], (t) => eg.split(t, 3, 1)[k], (t) => part(t, 1, 2 * k, 2))),
      ...[[0, 0], [1, 1], [2, 4]].map(([k, from], j) => inst(`split [4,6] sizes [1,-1,2] along 1, part ${j}`, [x],
        (t) => eg.split(t, [1, -1, 2], 1)[k], (t) => part(t, 1, from, [1, 3, 2][j]))),
      inst('split [4,6] into 2 (axis 0), part 1', [x], (t) => eg.split(t, 2)[1], (t) => part(t, 0, 2, 2)),
      ...[0, 3].map((k) => inst(`unstack [4,6] part ${k}`, [x], (t) => eg.unstack(t)[k], (t) => R.reshape(part(t, 0, k, 1), [6]))),
      inst('unstack [4,6] axis 1 part 5', [x], (t) => eg.unstack(t, 1)[5], (t) => R.reshape(part(t, 1, 5, 1), [4])),
      inst('int32 unstack [3,2] part 2', [randInt(rng, [3, 2], -9, 9)], (t) => eg.unstack(t)[2], (t) => R.reshape(part(t, 0, 2, 1), [2])),
    ],
  });
}

// ------------------------------------------------------------------------------ scans and reductions

{
  const rng = new Rng(hashName('cumsum'));
  add({
    name: 'cumsum', tol: 'reduce',
    instances: [
      ...[[1], [2], [3], [7], [8], [9], [33]].map((s) => inst(`${label(s)}`, [randNd(rng, s)], (x) => eg.cumsum(x), (x) => cumsumRef(x, 0))),
      inst('[4,9] axis 1', [randNd(rng, [4, 9])], (x) => eg.cumsum(x, 1), (x) => cumsumRef(x, 1)),
      inst('[5,3] axis 0', [randNd(rng, [5, 3])], (x) => eg.cumsum(x, 0), (x) => cumsumRef(x, 0)),
      inst('[2,6,3] axis -2 exclusive', [randNd(rng, [2, 6, 3])], (x) => eg.cumsum(x, -2, true), (x) => cumsumRef(x, 1, true)),
      inst('[2,7] axis 1 reverse', [randNd(rng, [2, 7])], (x) => eg.cumsum(x, 1, false, true), (x) => cumsumRef(x, 1, false, true)),
      inst('[2,7] axis 1 exclusive reverse', [randNd(rng, [2, 7])], (x) => eg.cumsum(x, 1, true, true), (x) => cumsumRef(x, 1, true, true)),
      inst('[0,3] axis 0 (empty)', [randNd(rng, [0, 3])], (x) => eg.cumsum(x, 0), (x) => x),
      inst('int32 [11]', [randInt(rng, [11], -50, 50)], (x) => eg.cumsum(x), (x) => cumsumRef(x, 0)),
      inst('Infinity stays to the end [5]', [nd([5], [1, Infinity, 2, 3, 4])], (x) => eg.cumsum(x), (x) => cumsumRef(x, 0)),
    ],
  });
}
{
  const rng = new Rng(hashName('prod'));
  const g = (r: Rng) => r.awayFromZero(0.5, 1.5);
  const P = (x: Nd, axes?: number[], keep = false) => reduceLanes(x, axes, prodOf(x.dtype === 'int32'), keep);
  add({
    name: 'prod', tol: 'arith',
    instances: [
      inst('[7] all', [randNd(rng, [7], g)], (x) => eg.prod(x), (x) => P(x), { tol32: { rtol: 8e-7 } }),
      inst('[3,5] axis 1', [randNd(rng, [3, 5], g)], (x) => eg.prod(x, 1), (x) => P(x, [1]), { tol32: { rtol: 8e-7 } }),
      inst('[3,5] axis 0 keepDims', [randNd(rng, [3, 5], g)], (x) => eg.prod(x, 0, true), (x) => P(x, [0], true), { tol32: { rtol: 8e-7 } }),
      inst('[2,3,4] axes [0,2]', [randNd(rng, [2, 3, 4], g)], (x) => eg.prod(x, [0, 2]), (x) => P(x, [0, 2]), { tol32: { rtol: 8e-7 } }),
      inst('[0] all (empty: 1)', [randNd(rng, [0])], (x) => eg.prod(x), () => nd([], [1])),
      inst('with a zero [6]', [nd([6], [1.5, 2, 0, -3, 0.5, 4])], (x) => eg.prod(x), (x) => P(x)),
      inst('int32 [2,4] axis 1', [randInt(rng, [2, 4], -6, 7)], (x) => eg.prod(x, 1), (x) => P(x, [1]), { tol32: { rtol: 0, atol: 0 } }),
    ],
  });
}
{
  const rng = new Rng(hashName('logSumExp'));
  const L = (x: Nd, axes?: number[], keep = false) => reduceLanes(x, axes, lse, keep);
  add({
    name: 'logSumExp', tol: 'transcendental',
    instances: [
      inst('[9] all', [randNd(rng, [9])], (x) => eg.logSumExp(x), (x) => L(x)),
      inst('[4,6] axis 1', [randNd(rng, [4, 6])], (x) => eg.logSumExp(x, 1), (x) => L(x, [1])),
      inst('[4,6] axis 0 keepDims', [randNd(rng, [4, 6])], (x) => eg.logSumExp(x, 0, true), (x) => L(x, [0], true)),
      inst('[2,3,4] axes [1,2]', [randNd(rng, [2, 3, 4])], (x) => eg.logSumExp(x, [1, 2]), (x) => L(x, [1, 2])),
      inst('large values [3] (no overflow)', [nd([3], [1000, 999, 998])], (x) => eg.logSumExp(x), (x) => L(x)),
      inst('rows: all -Infinity, one +Infinity, a NaN, one -Infinity', [nd([4, 2], [-Infinity, -Infinity, 1, Infinity, NaN, 0, -Infinity, 2])],
        (x) => eg.logSumExp(x, 1), (x) => L(x, [1])),
    ],
  });
}
{
  const rng = new Rng(hashName('topk'));
  const distinct = gDistinct();
  const x1 = randNd(rng, [4, 9], distinct);
  const ties = nd([2, 5], [1, 3, 3, -Infinity, 3, 5, -Infinity, 5, 0, -Infinity]);
  const xi = randInt(rng, [3, 6], -5, 5);
  add({
    name: 'topk', tol: 'exact',
    instances: [
      inst('values [4,9] k 3', [x1], (x) => eg.topk(x, 3).values, (x) => topkRef(x, 3, 'values')),
      inst('indices [4,9] k 3', [x1], (x) => eg.topk(x, 3).indices, (x) => topkRef(x, 3, 'indices')),
      inst('values [9] k 1 (default)', [randNd(rng, [9], distinct)], (x) => eg.topk(x).values, (x) => topkRef(x, 1, 'values')),
      inst('indices with ties and -Infinity k 5', [ties], (x) => eg.topk(x, 5).indices, (x) => topkRef(x, 5, 'indices')),
      inst('values with ties and -Infinity k 5', [ties], (x) => eg.topk(x, 5).values, (x) => topkRef(x, 5, 'values')),
      inst('int32 values [3,6] k 4', [xi], (x) => eg.topk(x, 4).values, (x) => topkRef(x, 4, 'values')),
      inst('int32 indices [3,6] k 4', [xi], (x) => eg.topk(x, 4).indices, (x) => topkRef(x, 4, 'indices')),
      inst('values [2,2,5] k 2 (rank 3)', [randNd(rng, [2, 2, 5], distinct)], (x) => eg.topk(x, 2).values, (x) => topkRef(x, 2, 'values')),
      inst('k 0', [x1], (x) => eg.topk(x, 0).values, (x) => topkRef(x, 0, 'values')),
    ],
  });
}

{
  const rng = new Rng(hashName('tensor methods (tfjs set)'));
  const x = randNd(rng, [3, 4]);
  add({
    name: 'tensor methods of the tfjs set delegate to the ops', tol: 'reduce',
    instances: [
      inst('x.floor()', [x], (t) => t.floor(), (t) => R.map(t, Math.floor)),
      inst('x.round()', [x], (t) => t.round(), (t) => R.map(t, roundEven)),
      inst('x.sin()', [x], (t) => t.sin(), (t) => R.map(t, Math.sin), { tol32: { rtol: 1e-5, atol: 1e-6 } }),
      inst('x.tile([1,2])', [x], (t) => t.tile([1, 2]), (t) => tileRef(t, [1, 2])),
      inst('x.reverse(1)', [x], (t) => t.reverse(1), (t) => reverseRef(t, [1])),
      inst('x.cumsum(1)', [x], (t) => t.cumsum(1), (t) => cumsumRef(t, 1)),
      inst('x.prod(0)', [x], (t) => t.prod(0), (t) => reduceLanes(t, [0], prodOf(false)), { tol32: { rtol: 1e-6 } }),
      inst('x.logSumExp(1)', [x], (t) => t.logSumExp(1), (t) => reduceLanes(t, [1], lse), { tol32: { rtol: 1e-5, atol: 1e-6 } }),
    ],
  });
}

// ------------------------------------------------------------------------------ losses

{
  const rng = new Rng(hashName('losses (tfjs set)'));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const scalar = (v: number) => nd([], [v]);
  const huber = (d: number) => (y: Nd, p: Nd) => scalar(mean(Array.from(y.data, (t, i) => {
    const e = Math.abs(p.data[i] - t);
    return e <= d ? 0.5 * e * e : d * (e - 0.5 * d);
  })));
  const hinge = (y: Nd, p: Nd) => {
    const bin = Array.from(y.data).every((t) => t === 0 || t === 1);
    return scalar(mean(Array.from(y.data, (t, i) => Math.max(0, 1 - (bin ? 2 * t - 1 : t) * p.data[i]))));
  };
  const cosine = (y: Nd, p: Nd) => {
    const C = y.shape[y.shape.length - 1], rows = y.data.length / C;
    const out: number[] = [];
    for (let r = 0; r < rows; r++) {
      const a = Array.from(y.data.subarray(r * C, r * C + C)), b = Array.from(p.data.subarray(r * C, r * C + C));
      const na = Math.sqrt(Math.max(a.reduce((s, v) => s + v * v, 0), 1e-12)), nb = Math.sqrt(Math.max(b.reduce((s, v) => s + v * v, 0), 1e-12));
      out.push(-a.reduce((s, v, i) => s + (v / na) * (b[i] / nb), 0));
    }
    return scalar(mean(out));
  };
  const signs = (s: number[]) => randNd(rng, s, (r) => r.pick([-1, 1]));
  const bits = (s: number[]) => randNd(rng, s, (r) => r.int(0, 2));
  add({
    name: 'losses: mae, huber, hinge, cosine', tol: 'softmax',
    instances: [
      inst('meanAbsoluteError [4,3]', [randNd(rng, [4, 3]), randNd(rng, [4, 3])], (y, p) => eg.losses.meanAbsoluteError(y, p),
        (y, p) => scalar(mean(Array.from(y.data, (t, i) => Math.abs(p.data[i] - t))))),
      inst('huber [4,3] (delta 1)', [randNd(rng, [4, 3]), randNd(rng, [4, 3])], (y, p) => eg.losses.huber(y, p), huber(1)),
      inst('huber [9] delta 0.5', [randNd(rng, [9]), randNd(rng, [9])], (y, p) => eg.losses.huber(y, p, 0.5), huber(0.5)),
      inst('hinge [4,3] labels -1/1', [signs([4, 3]), randNd(rng, [4, 3])], (y, p) => eg.losses.hinge(y, p), hinge),
      inst('hinge [4,3] labels 0/1 (mapped to -1/1)', [bits([4, 3]), randNd(rng, [4, 3])], (y, p) => eg.losses.hinge(y, p), hinge),
      inst('cosineSimilarity [4,5]', [randNd(rng, [4, 5]), randNd(rng, [4, 5])], (y, p) => eg.losses.cosineSimilarity(y, p), cosine),
      inst('cosineSimilarity with a zero row [2,3]', [nd([2, 3], [0, 0, 0, 1, 2, 3]), randNd(rng, [2, 3])],
        (y, p) => eg.losses.cosineSimilarity(y, p), cosine),
    ],
  });
}

// ------------------------------------------------------------------------------ gradient checks

const S = [3, 4];
const offGrid = (r: Rng) => r.int(-3, 3) + r.uniform(0.1, 0.9);
withGrads(cases, 'floor', grad('floor (zero gradient)', [S], (x) => eg.floor(x), offGrid));
withGrads(cases, 'ceil', grad('ceil (zero gradient)', [S], (x) => eg.ceil(x), offGrid));
withGrads(cases, 'round (ties to even)', grad('round (zero gradient)', [S], (x) => eg.round(x), (r) => r.int(-3, 3) + r.pick([r.uniform(0.05, 0.45), r.uniform(0.55, 0.95)])));
withGrads(cases, 'sin', grad('sin', [S], (x) => eg.sin(x), (r) => r.uniform(-4, 4)));
withGrads(cases, 'cos', grad('cos', [S], (x) => eg.cos(x), (r) => r.uniform(-4, 4)));
withGrads(cases, 'where', grad('where [3,4] with a and b (cond a constant)', [S, [4]], (a, b) =>
  eg.where(eg.tensor([1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0], S), a, b)));
withGrads(cases, 'tile', grad('tile [2,3] reps [2,2]', [[2, 3]], (x) => eg.tile(x, [2, 2])));
withGrads(cases, 'reverse', grad('reverse [3,4] axis 1', [S], (x) => eg.reverse(x, 1)));
withGrads(cases, 'split and unstack',
  grad('split [4,6] sizes [1,-1,2], parts weighted', [[4, 6]], (x) => {
    const [a, b, c] = eg.split(x, [1, -1, 2], 1);
    return eg.add(eg.add(eg.sum(a), eg.mul(eg.sum(eg.square(b)), 0.5)), eg.sum(eg.mul(c, 3)));
  }),
  grad('unstack [3,4]: part 0 times part 2', [S], (x) => { const p = eg.unstack(x); return eg.mul(p[0], p[2]); }));
withGrads(cases, 'cumsum',
  grad('cumsum [3,5] axis 1 (reverse cumsum of dy)', [[3, 5]], (x) => eg.cumsum(x, 1)),
  grad('cumsum [6] exclusive reverse', [[6]], (x) => eg.cumsum(x, 0, true, true)));
withGrads(cases, 'prod',
  grad('prod [3,5] axis 1', [[3, 5]], (x) => eg.prod(x, 1), (r) => r.awayFromZero(0.5, 1.5)),
  grad('prod [2,3,4] axes [0,2]', [[2, 3, 4]], (x) => eg.prod(x, [0, 2]), (r) => r.awayFromZero(0.5, 1.5)),
  // d prod / dx_i at x_i = 0 is the product of the others: exact with a zero present, no division
  grad('prod [2,4] with zeros', [[2, 4]], (x) => eg.prod(eg.mul(x, eg.tensor([1, 0, 1, 1, 0, 1, 0, 1], [2, 4])), 1), (r) => r.awayFromZero(0.5, 1.5)));
withGrads(cases, 'logSumExp',
  grad('logSumExp [3,5] axis 1', [[3, 5]], (x) => eg.logSumExp(x, 1)),
  grad('logSumExp [2,3,4] all', [[2, 3, 4]], (x) => eg.logSumExp(x)));
withGrads(cases, 'topk', grad('topk values [3,6] k 2 (scattered to the chosen)', [[3, 6]], (x) => eg.topk(x, 2).values, gDistinct()));
withGrads(cases, 'losses: mae, huber, hinge, cosine',
  grad('meanAbsoluteError wrt p', [S, S], (y, p) => eg.losses.meanAbsoluteError(y, p), gAwayFrom0),
  grad('huber wrt p (both branches)', [S], (p) => eg.losses.huber(eg.tensor([0, 0, 0, 0, 0.3, -0.2, 1, 2, -2, 0, 0, 0], S), p),
    (r) => r.pick([r.uniform(-0.6, 0.6), r.uniform(1.6, 3), r.uniform(-3, -1.6)])),
  grad('hinge wrt p', [S], (p) => eg.losses.hinge(eg.tensor([1, -1, 1, 1, -1, -1, 1, -1, 1, 1, -1, 1], S), p),
    (r) => r.pick([r.uniform(-3, 0.8), r.uniform(1.2, 3)])),
  grad('cosineSimilarity wrt y and p', [S, S], (y, p) => eg.losses.cosineSimilarity(y, p)));
void anyVal;

export const composite: FamilyCases<[]> = { family: 'composite', cases, bench: [] };
