// Ops composed from existing kernels, each exact or as exact as its arithmetic (no new kernel, so
// they run on every backend and their gradients come from the tape): tile, split, unstack, reverse,
// cumsum, prod, logSumExp, topk and the logical ops (tfjs names and argument orders).
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { add, abs, cast, equal, exp, less, log, maximum, mul, notEqual, sub } from './elementwise.js';
import { argmax, max, sum } from './reduce.js';
import { arange, ones, zeros } from './creation.js';
import { concat, gather, oneHot, reshape, slice, stack, transpose } from './shape.js';
import { where } from './attention.js';
import { type TensorLike, checkDtype, checkTensor, describe, fmt, normAxes, normAxis } from './util.js';

const NUMERIC = ['float32', 'int32'] as const;

function checkInt(op: string, name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Error(`${op}: ${name} must be an integer >= ${min}, got ${describe(v)}`);
  return v;
}

/**
 * x repeated `reps[i]` times along each axis i (tf.tile): shape [d0·r0, d1·r1, ...]. Exact (a
 * multiplication by ones, which keeps every value, -0 and NaN included). float32 or int32.
 */
export function tile(x: Tensor, reps: number[]): Tensor {
  checkTensor('tile', x);
  checkDtype('tile', x, NUMERIC);
  if (!Array.isArray(reps) || reps.length !== x.rank) {
    throw new Error(`tile: reps must list one count per axis of shape ${fmt(x.shape)} (${x.rank}), got ${describe(reps)}`);
  }
  reps.forEach((r, i) => checkInt('tile', `reps[${i}]`, r, 0));
  if (reps.every((r) => r === 1)) return engine.view(x, x.shape);
  return engine.tidy(() => {
    // x as [1, d0, 1, d1, ...] times ones [r0, 1, r1, 1, ...] broadcasts to [r0, d0, r1, d1, ...]
    const inter: number[] = [], rep: number[] = [];
    x.shape.forEach((d, i) => { inter.push(1, d); rep.push(reps[i], 1); });
    const y = mul(reshape(x, inter), ones(rep, x.dtype));
    return reshape(y, x.shape.map((d, i) => d * reps[i]));
  });
}

/**
 * Splits x along `axis` (tf.split): into `numOrSizes` equal parts, or parts of the listed sizes (one
 * may be -1: the rest). Copies (exact); any dtype slice takes.
 */
export function split(x: Tensor, numOrSizes: number | number[], axis = 0): Tensor[] {
  checkTensor('split', x);
  if (x.rank === 0) throw new Error('split: a scalar (rank 0) has no axis to split');
  const ax = normAxis('split', axis, x.rank);
  const n = x.shape[ax];
  let sizes: number[];
  if (typeof numOrSizes === 'number') {
    const k = checkInt('split', 'the number of parts', numOrSizes, 1);
    if (n % k !== 0) throw new Error(`split: axis ${ax} of shape ${fmt(x.shape)} (size ${n}) does not split into ${k} equal parts`);
    sizes = Array.from({ length: k }, () => n / k);
  } else if (Array.isArray(numOrSizes) && numOrSizes.length > 0) {
    const free = numOrSizes.filter((s) => s === -1).length;
    if (free > 1) throw new Error(`split: sizes [${numOrSizes}] have more than one -1`);
    numOrSizes.forEach((s, i) => { if (s !== -1) checkInt('split', `sizes[${i}]`, s, 0); });
    const known = numOrSizes.reduce((a, s) => (s === -1 ? a : a + s), 0);
    if (free ? known > n : known !== n) {
      throw new Error(`split: sizes [${numOrSizes}] must add up to ${n}, the size of axis ${ax} of shape ${fmt(x.shape)}`);
    }
    sizes = numOrSizes.map((s) => (s === -1 ? n - known : s));
  } else {
    throw new Error(`split: numOrSizes must be a count or a non-empty array of sizes, got ${describe(numOrSizes)}`);
  }
  const out: Tensor[] = [];
  let at = 0;
  try {
    for (const s of sizes) {
      const begin = x.shape.map((_, i) => (i === ax ? at : 0));
      const size = x.shape.map((d, i) => (i === ax ? s : d));
      out.push(slice(x, begin, size));
      at += s;
    }
  } catch (e) { for (const t of out) t.dispose(); throw e; }
  return out;
}

/** The slices of x along `axis`, that axis removed (tf.unstack): x.shape[axis] tensors. */
export function unstack(x: Tensor, axis = 0): Tensor[] {
  checkTensor('unstack', x);
  if (x.rank === 0) throw new Error('unstack: a scalar (rank 0) has no axis to unstack');
  const ax = normAxis('unstack', axis, x.rank);
  const shape = x.shape.filter((_, i) => i !== ax);
  if (x.shape[ax] === 0) return [];
  return split(x, x.shape[ax], ax).map((t) => engine.reshapeOwned(t, shape));
}

/** x with the order of its elements reversed along `axis` (one or several; default all). Exact. */
export function reverse(x: Tensor, axis?: number | number[] | null): Tensor {
  checkTensor('reverse', x);
  const axes = normAxes('reverse', axis, x.rank).filter((a) => x.shape[a] > 1);
  if (axes.length === 0) return engine.view(x, x.shape);
  return engine.tidy(() => {
    let y = x;
    for (const a of axes) y = gather(y, arange(x.shape[a] - 1, -1, -1, 'int32'), a);
    return y;
  });
}

/**
 * Running sums along `axis` (tf.cumsum): out[i] = x[0] + ... + x[i]; `exclusive` leaves x[i] out
 * (out[0] = 0), `reverse` sums from the end. float32 or int32. A log-depth scan (ceil(log2 n)
 * rounds of shifted adds), so float32 sums round in a different order than a sequential loop.
 */
export function cumsum(x: Tensor, axis = 0, exclusive = false, reverseSum = false): Tensor {
  checkTensor('cumsum', x);
  checkDtype('cumsum', x, NUMERIC);
  if (x.rank === 0) throw new Error('cumsum: a scalar (rank 0) has no axis to sum along');
  const ax = normAxis('cumsum', axis, x.rank);
  const n = x.shape[ax];
  const part = (t: Tensor, from: number, len: number) =>
    slice(t, t.shape.map((_, i) => (i === ax ? from : 0)), t.shape.map((d, i) => (i === ax ? len : d)));
  return engine.tidy(() => {
    let y = reverseSum ? reverse(x, ax) : x;
    if (exclusive && n > 0) y = concat([zeros(x.shape.map((d, i) => (i === ax ? 1 : d)), x.dtype), part(y, 0, n - 1)], ax);
    // Hillis-Steele: after the round of shift s, y[i] holds the sum of the 2s elements ending at i.
    for (let s = 1; s < n; s *= 2) y = concat([part(y, 0, s), add(part(y, s, n - s), part(y, 0, n - s))], ax);
    if (reverseSum) y = reverse(y, ax);
    return y === x ? engine.view(x, x.shape) : y;
  });
}

/**
 * The product of x's elements over `axis` (tfjs prod): float32 or int32 (int32 wraps). A pairwise
 * tree of multiplications, so its gradient (the product of the other elements) is exact where x
 * holds zeros, with no division.
 */
export function prod(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  checkTensor('prod', x);
  checkDtype('prod', x, NUMERIC);
  const axes = normAxes('prod', axis, x.rank);
  const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = keepDims ? keptShape : x.shape.filter((_, i) => !axes.includes(i));
  return engine.tidy(() => {
    const rest = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    const moved = axes.every((a, i) => a === x.rank - axes.length + i) ? x : transpose(x, [...rest, ...axes]);
    let R = sizeOf(axes.map((a) => x.shape[a]));
    const outer = sizeOf(rest.map((a) => x.shape[a]));
    if (R === 0) return ones(outShape, x.dtype);
    let y = reshape(moved, [outer, R]);
    while (R > 1) {
      const h = Math.floor(R / 2);
      let m = mul(slice(y, [0, 0], [outer, h]), slice(y, [0, h], [outer, h]));
      if (R % 2 === 1) m = concat([m, slice(y, [0, 2 * h], [outer, 1])], 1);
      y = m;
      R = m.shape[1];
    }
    return reshape(y, outShape);
  });
}

/**
 * log(sum(exp(x))) over `axis` (default all), stable: m + log(sum(exp(x - m))) with m the max. A
 * slice that is all -Infinity gives -Infinity, one holding +Infinity gives +Infinity, NaN gives NaN.
 */
export function logSumExp(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  checkTensor('logSumExp', x);
  checkDtype('logSumExp', x, ['float32']);
  const axes = normAxes('logSumExp', axis, x.rank);
  return engine.tidy(() => {
    const m = max(x, axes, true);
    // NOTE: a non-finite max (±Infinity, NaN) is replaced by 0 so x - m keeps x's infinities.
    const safe = where(less(abs(m), Infinity), m, 0);
    const s = log(sum(exp(sub(x, safe)), axes, true));
    const out = add(s, safe);
    return keepDims ? out : reshape(out, x.shape.filter((_, i) => !axes.includes(i)));
  });
}

/**
 * The k largest values along the last axis and their int32 indices (tf.topk), largest first; ties
 * go to the lower index. Composed: k rounds of an argmax (O(k·n), for small k). The values'
 * gradient flows to the chosen positions. NaN in x gives an unspecified order.
 */
export function topk(x: Tensor, k = 1, sorted = true): { values: Tensor; indices: Tensor } {
  checkTensor('topk', x);
  checkDtype('topk', x, NUMERIC);
  if (x.rank === 0) throw new Error('topk: needs a tensor of rank >= 1');
  const n = x.shape[x.rank - 1];
  checkInt('topk', 'k', k, 0);
  if (k > n) throw new Error(`topk: k = ${k} is more than the last axis of shape ${fmt(x.shape)} holds (${n})`);
  void sorted; // NOTE: the result is always sorted (tfjs's `sorted = false` allows any order).
  const lead = x.shape.slice(0, -1);
  const rows = sizeOf(lead);
  return engine.tidy(() => {
    const outShape = [...lead, k];
    if (k === 0 || rows === 0) return { values: zeros(outShape, x.dtype), indices: zeros(outShape, 'int32') };
    const x2 = reshape(x, [rows, n]);
    const key = x.dtype === 'float32' ? x2 : cast(x2, 'float32');
    let taken = zeros([rows, n]);
    const picks: Tensor[] = [];
    for (let i = 0; i < k; i++) {
      const open = where(taken, -Infinity, key);
      // the first position not yet taken that holds the largest open value (-Infinity included)
      const best = mul(equal(open, max(open, 1, true)), sub(1, taken));
      const idx = argmax(best, 1);
      picks.push(idx);
      taken = maximum(taken, oneHot(idx, n));
    }
    const indices = stack(picks, 1);
    const flatIdx = add(indices, reshape(mul(arange(0, rows, 1, 'int32'), n), [rows, 1]));
    const values = gather(reshape(x, [rows * n]), reshape(flatIdx, [rows * k]));
    return { values: reshape(values, outShape), indices: reshape(indices, outShape) };
  });
}

// ---- logical ops: nonzero is true; float32 0/1 out, as the comparisons ----------------------------

const truth = (t: Tensor) => notEqual(t, 0);
function logical2(op: string, a: TensorLike, b: TensorLike, f: (x: TensorLike, y: TensorLike) => Tensor): Tensor {
  for (const [v, name] of [[a, 'a'], [b, 'b']] as const) {
    if (typeof v !== 'number') { checkTensor(op, v, name); checkDtype(op, v, NUMERIC, name); }
  }
  return engine.tidy(() => {
    const ta = typeof a === 'number' ? (a !== 0 ? 1 : 0) : truth(a);
    const tb = typeof b === 'number' ? (b !== 0 ? 1 : 0) : truth(b);
    if (typeof ta === 'number' && typeof tb === 'number') throw new Error(`${op}: needs at least one tensor operand`);
    return f(ta, tb);
  });
}

/** 1 where both a and b are nonzero, else 0 (float32, broadcasting). NaN counts as true. */
export const logicalAnd = (a: TensorLike, b: TensorLike): Tensor => logical2('logicalAnd', a, b, (x, y) => mul(x, y));
/** 1 where a or b is nonzero. */
export const logicalOr = (a: TensorLike, b: TensorLike): Tensor => logical2('logicalOr', a, b, (x, y) => maximum(x, y));
/** 1 where exactly one of a and b is nonzero. */
export const logicalXor = (a: TensorLike, b: TensorLike): Tensor => logical2('logicalXor', a, b, (x, y) => notEqual(x, y));
/** 1 where x is 0, else 0. */
export function logicalNot(x: Tensor): Tensor {
  checkTensor('logicalNot', x);
  checkDtype('logicalNot', x, NUMERIC);
  return equal(x, 0);
}
