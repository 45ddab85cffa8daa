// Shape ops: reshape, transpose, slice, pad, concat, stack, gather, oneHot and friends.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { broadcastShapes, checkDtype, checkShape, checkTensor, fmt, normAxis } from './util.js';
import { add } from './elementwise.js';
import { zeros } from './creation.js';

/** Same values, new shape; one entry may be -1 (inferred). Shares memory with x. */
export function reshape(x: Tensor, shape: number[]): Tensor {
  checkTensor('reshape', x);
  const infer = shape.indexOf(-1);
  let sh = shape;
  if (infer >= 0) {
    if (shape.indexOf(-1, infer + 1) >= 0) throw new Error(`reshape: shape ${fmt(shape)} has more than one -1`);
    const rest = sizeOf(shape.filter((_, i) => i !== infer));
    if (rest === 0 || x.size % rest !== 0) throw new Error(`reshape: cannot infer -1 in shape ${fmt(shape)} for a tensor of size ${x.size}`);
    sh = shape.map((d) => (d === -1 ? x.size / rest : d));
  }
  checkShape('reshape', sh);
  if (sizeOf(sh) !== x.size) {
    throw new Error(`reshape: cannot reshape shape ${fmt(x.shape)} (size ${x.size}) into shape ${fmt(sh)} (size ${sizeOf(sh)})`);
  }
  return engine.view(x, sh);
}

export function flatten(x: Tensor): Tensor {
  return reshape(x, [x.size]);
}

export function expandDims(x: Tensor, axis = 0): Tensor {
  checkTensor('expandDims', x);
  const ax = normAxis('expandDims', axis, x.rank + 1);
  const sh = [...x.shape];
  sh.splice(ax, 0, 1);
  return engine.view(x, sh);
}

/** Drops size-1 axes (all of them, or those listed). */
export function squeeze(x: Tensor, axes?: number[]): Tensor {
  checkTensor('squeeze', x);
  const drop = axes === undefined ? x.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0) : axes.map((a) => normAxis('squeeze', a, x.rank));
  for (const a of drop) if (x.shape[a] !== 1) throw new Error(`squeeze: axis ${a} of shape ${fmt(x.shape)} has size ${x.shape[a]}, not 1`);
  return engine.view(x, x.shape.filter((_, i) => !drop.includes(i)));
}

/** Permutes axes; the default reverses them. */
export function transpose(x: Tensor, perm?: number[]): Tensor {
  checkTensor('transpose', x);
  const p = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  if (p.length !== x.rank || [...p].sort((a, b) => a - b).some((v, i) => v !== i)) {
    throw new Error(`transpose: perm [${p}] is not a permutation of the ${x.rank} axes of shape ${fmt(x.shape)}`);
  }
  if (p.every((v, i) => v === i)) return engine.view(x, x.shape);
  return engine.runKernel('transpose', [x], { perm: [...p] })[0];
}

/** x[begin : begin + size] along every axis; a size of -1 means "to the end". */
export function slice(x: Tensor, begin: number | number[], size?: number | number[]): Tensor {
  checkTensor('slice', x);
  const b = Array.isArray(begin) ? [...begin] : [begin];
  while (b.length < x.rank) b.push(0);
  const s0 = size === undefined ? [] : Array.isArray(size) ? [...size] : [size];
  while (s0.length < x.rank) s0.push(-1);
  const s = s0.map((v, i) => (v === -1 ? x.shape[i] - b[i] : v));
  if (b.length !== x.rank || s.length !== x.rank) throw new Error(`slice: begin/size must have at most ${x.rank} entries for shape ${fmt(x.shape)}`);
  for (let i = 0; i < x.rank; i++) {
    if (!Number.isInteger(b[i]) || !Number.isInteger(s[i]) || b[i] < 0 || s[i] < 0 || b[i] + s[i] > x.shape[i]) {
      throw new Error(`slice: begin [${b}] size [${s}] is out of bounds for shape ${fmt(x.shape)}`);
    }
  }
  return engine.runKernel('slice', [x], { begin: b, size: s })[0];
}

/** Zero padding: paddings[i] = [before, after] for axis i. */
export function pad(x: Tensor, paddings: [number, number][]): Tensor {
  checkTensor('pad', x);
  if (paddings.length !== x.rank) throw new Error(`pad: ${paddings.length} paddings given for rank ${x.rank} shape ${fmt(x.shape)}`);
  for (const [lo, hi] of paddings) {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi < 0) throw new Error(`pad: paddings must be non-negative integers, got [${lo}, ${hi}]`);
  }
  return engine.runKernel('pad', [x], { before: paddings.map((p) => p[0]), after: paddings.map((p) => p[1]) })[0];
}

export function concat(xs: Tensor[], axis = 0): Tensor {
  if (!Array.isArray(xs) || xs.length === 0) throw new Error('concat: needs a non-empty array of tensors');
  xs.forEach((x, i) => checkTensor('concat', x, `xs[${i}]`));
  const first = xs[0];
  if (first.rank === 0) throw new Error('concat: a scalar (rank 0) has no axis to join along; use eg.stack(xs) to make a vector of scalars');
  const ax = normAxis('concat', axis, first.rank);
  for (const x of xs) {
    if (x.dtype !== first.dtype) throw new Error(`concat: dtype mismatch: ${first.dtype} and ${x.dtype}`);
    if (x.rank !== first.rank || x.shape.some((d, i) => i !== ax && d !== first.shape[i])) {
      throw new Error(`concat: shapes ${fmt(first.shape)} and ${fmt(x.shape)} differ outside axis ${ax}`);
    }
  }
  if (xs.length === 1) return engine.view(first, first.shape);
  return engine.runKernel('concat', xs, { axis: ax })[0];
}

export function stack(xs: Tensor[], axis = 0): Tensor {
  if (!Array.isArray(xs) || xs.length === 0) throw new Error('stack: needs a non-empty array of tensors');
  xs.forEach((x, i) => checkTensor('stack', x, `xs[${i}]`));
  const rank = xs[0].rank;
  const ax = normAxis('stack', axis, rank + 1);
  for (const x of xs) {
    if (x.dtype !== xs[0].dtype) throw new Error(`stack: dtype mismatch: ${xs[0].dtype} and ${x.dtype}`);
    if (x.rank !== rank || x.shape.some((d, i) => d !== xs[0].shape[i])) throw new Error(`stack: shapes ${fmt(xs[0].shape)} and ${fmt(x.shape)} differ`);
  }
  return engine.tidy(() => concat(xs.map((x) => expandDims(x, ax)), ax));
}

/** Rows of x along `axis` picked by int32 `indices` (any shape); the result replaces that axis with indices' shape. */
/**
 * @param outOfRange (internal) the message for index `id` at flat position `i` out of range, for a
 * caller (the embedding layer) that names the problem in its own terms; the ids are read once.
 */
export function gather(x: Tensor, indices: Tensor, axis = 0, outOfRange?: (id: number, i: number) => string): Tensor {
  checkTensor('gather', x);
  checkTensor('gather', indices, 'indices');
  checkDtype('gather', indices, ['int32'], 'indices');
  const ax = normAxis('gather', axis, x.rank);
  const n = x.shape[ax];
  // NOTE: on webgpu only host-made indices can be checked here; the kernel reads 0 for the others.
  engine.checkValues(indices, 'gather', (idx) => {
    for (let i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= n) {
        throw new Error(outOfRange?.(idx[i], i) ?? `gather: index ${idx[i]} is out of range for axis ${ax} of size ${n} (shape ${fmt(x.shape)})`);
      }
    }
  });
  const outer = sizeOf(x.shape.slice(0, ax)), inner = sizeOf(x.shape.slice(ax + 1));
  const out = engine.runKernel('gather', [x, indices], {}, [[outer, n, inner], [indices.size]])[0];
  const shape = [...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)];
  return engine.reshapeOwned(out, shape);
}

/** float32 one-hot rows for int32 class ids of any shape: shape [...indices.shape, depth]. */
export function oneHot(indices: Tensor, depth: number): Tensor {
  checkTensor('oneHot', indices, 'indices');
  checkDtype('oneHot', indices, ['int32'], 'indices');
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`oneHot: depth must be a non-negative integer, got ${depth}`);
  const out = engine.runKernel('oneHot', [indices], { depth }, [[indices.size]])[0];
  return engine.reshapeOwned(out, [...indices.shape, depth]);
}

/** x repeated along its size-1 (or missing leading) axes to `shape`, by NumPy broadcasting rules. */
export function broadcastTo(x: Tensor, shape: number[]): Tensor {
  checkTensor('broadcastTo', x);
  const sh = checkShape('broadcastTo', shape);
  const out = broadcastShapes('broadcastTo', x.shape, sh);
  if (out.length !== sh.length || out.some((d, i) => d !== sh[i])) {
    throw new Error(`broadcastTo: shape ${fmt(x.shape)} cannot be broadcast to shape ${fmt(sh)}`);
  }
  // NOTE: zeros only along the axes x repeats (the sum gradient's [1, R, 1], not all of [o, R, i]).
  const lead = sh.length - x.rank;
  const z = sh.map((d, k) => (k >= lead && x.shape[k - lead] === d ? 1 : d));
  return engine.tidy(() => add(x, zeros(z, x.dtype)));
}
