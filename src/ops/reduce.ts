// Reductions with tfjs-style arguments (x, axis?, keepDims?): sum mean max min argmax argmin.
import { engine } from '../engine.js';
import { type ReduceKernel, sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { checkTensor, fmt, normAxes, normAxis } from './util.js';
import { transpose } from './shape.js';
import { mul } from './elementwise.js';

/**
 * Reduces `axes` (sorted) of x. Contiguous axes go straight to the kernel as [outer, R, inner];
 * scattered ones are first moved to the end by a transpose.
 */
function reduce(op: ReduceKernel, x: Tensor, axes: number[], keepDims: boolean): Tensor {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = keepDims ? kept : x.shape.filter((_, i) => !axes.includes(i));
  let src = x;
  let first = axes[0] ?? x.rank, last = axes[axes.length - 1] ?? x.rank - 1;
  if (axes.length > 0 && last - first + 1 !== axes.length) {
    const rest = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    src = transpose(x, [...rest, ...axes]);
    first = rest.length;
    last = x.rank - 1;
  }
  const outer = sizeOf(src.shape.slice(0, first));
  const R = sizeOf(src.shape.slice(first, last + 1));
  const inner = sizeOf(src.shape.slice(last + 1));
  const out = engine.runKernel(op, [src], {}, [[outer, R, inner]])[0];
  if (src !== x) src.dispose();
  return engine.reshapeOwned(out, outShape);
}

function args(op: string, x: Tensor, axis: number | number[] | undefined | null, float: boolean): number[] {
  checkTensor(op, x);
  if (float && x.dtype !== 'float32') throw new Error(`${op}: dtype ${x.dtype} is not supported; use float32`);
  return normAxes(op, axis, x.rank);
}

export function sum(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  return reduce('sum', x, args('sum', x, axis, false), keepDims);
}

export function mean(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  const axes = args('mean', x, axis, true);
  const n = sizeOf(axes.map((a) => x.shape[a]));
  return engine.tidy(() => mul(reduce('sum', x, axes, keepDims), n === 0 ? NaN : 1 / n));
}

export function max(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  return reduce('max', x, args('max', x, axis, false), keepDims);
}

export function min(x: Tensor, axis?: number | number[] | null, keepDims = false): Tensor {
  return reduce('min', x, args('min', x, axis, false), keepDims);
}

function argReduce(op: 'argmax' | 'argmin', x: Tensor, axis: number | null | undefined, keepDims: boolean): Tensor {
  checkTensor(op, x);
  if (x.size === 0) throw new Error(`${op}: tensor of shape ${fmt(x.shape)} is empty`);
  if (axis === undefined || axis === null) {
    // NOTE: no axis means the index into the flattened tensor (as NumPy), per the API contract.
    const flat = engine.view(x, [x.size]);
    const out = reduce(op, flat, [0], false);
    flat.dispose();
    return keepDims ? engine.reshapeOwned(out, x.shape.map(() => 1)) : out;
  }
  return reduce(op, x, [normAxis(op, axis, x.rank)], keepDims);
}

/** int32 index of the largest value along `axis` (the first on ties); no axis: index into the flattened tensor. */
export const argmax = (x: Tensor, axis?: number | null, keepDims = false): Tensor => argReduce('argmax', x, axis, keepDims);
export const argmin = (x: Tensor, axis?: number | null, keepDims = false): Tensor => argReduce('argmin', x, axis, keepDims);
