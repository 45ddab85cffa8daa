// Tensor creation: from arrays, constants, ranges and seeded random generators.
import { engine } from '../engine.js';
import type { DType, TypedArray } from '../kernels.js';
import { sizeOf } from '../kernels.js';
import { DTYPE_NAMES, isDType } from '../dtypes.js';
import { normalValues, nextSeed, uniformValues } from '../random.js';
import type { NestedArray, Tensor } from '../tensor.js';
import { checkShape, describe, fmt } from './util.js';

function checkDtypeName(op: string, dtype: string): DType {
  if (!isDType(dtype)) {
    throw new Error(`${op}: unsupported dtype '${dtype}'; expected ${DTYPE_NAMES.map((d) => `'${d}'`).join(', ')}`);
  }
  return dtype;
}

/** Flattens nested arrays, checking they are rectangular; returns the values and inferred shape. */
function flatten(op: string, data: NestedArray): { values: number[]; shape: number[] } {
  const shape: number[] = [];
  for (let x: NestedArray = data; Array.isArray(x); x = x[0]) shape.push(x.length);
  const values: number[] = [];
  const go = (x: NestedArray, d: number): void => {
    if (d === shape.length) {
      if (typeof x !== 'number') throw new Error(`${op}: expected a number at depth ${d}, got ${Array.isArray(x) ? 'an array' : typeof x}`);
      values.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[d]) {
      throw new Error(`${op}: ragged nested array: expected ${shape[d]} entries at depth ${d} for shape ${fmt(shape)}`);
    }
    for (const y of x) go(y, d + 1);
  };
  go(data, 0);
  return { values, shape };
}

/**
 * A tensor from nested arrays, a flat array or a typed array (with `shape`), float32 by default.
 * Int32Array data defaults to int32.
 */
export function tensor(data: NestedArray | TypedArray | number[], shape?: number[], dtype?: DType): Tensor {
  engine.requireBackend('tensor');
  let values: ArrayLike<number>;
  let inferred: number[];
  if (ArrayBuffer.isView(data)) {
    values = data as TypedArray;
    inferred = [values.length];
    dtype ??= data instanceof Int32Array ? 'int32' : data instanceof Int8Array ? 'int8' : data instanceof Uint8Array ? 'uint8' : 'float32';
  } else {
    ({ values, shape: inferred } = flatten('tensor', data as NestedArray));
  }
  const dt = checkDtypeName('tensor', dtype ?? 'float32');
  const sh = shape === undefined ? inferred : checkShape('tensor', shape);
  if (sizeOf(sh) !== values.length) {
    throw new Error(`tensor: ${values.length} values do not fill shape ${fmt(sh)} (which holds ${sizeOf(sh)})`);
  }
  return engine.fromValues(values, sh, dt, 'tensor');
}

export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  return tensor([value], [], dtype);
}

export function full(shape: number[], value: number, dtype: DType = 'float32'): Tensor {
  const sh = checkShape('full', shape);
  return engine.runKernel('fill', [], { shape: sh, dtype: checkDtypeName('full', dtype), value })[0];
}
export const zeros = (shape: number[], dtype: DType = 'float32'): Tensor => full(shape, 0, dtype);
export const ones = (shape: number[], dtype: DType = 'float32'): Tensor => full(shape, 1, dtype);
export const zerosLike = (x: Tensor): Tensor => full([...x.shape], 0, x.dtype);
export const onesLike = (x: Tensor): Tensor => full([...x.shape], 1, x.dtype);

/** arange(stop) or arange(start, stop, step): values start, start+step, ... below stop. */
export function arange(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) { stop = start; start = 0; }
  for (const [what, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`arange: ${what} must be a finite number, got ${describe(v)}`);
  }
  if (step === 0) throw new Error('arange: step must be non-zero');
  const dt = checkDtypeName('arange', dtype);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  return engine.fromMaker('arange', [n], dt, () => {
    const arr = dt === 'int32' ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) arr[i] = start + i * step;
    return arr;
  });
}

export interface RandomOptions { seed?: number }

function checkSeed(op: string, seed: unknown): number {
  if (seed === undefined) return nextSeed();
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new Error(`${op}: seed must be a finite number, got ${describe(seed)}`);
  return seed;
}

/** Normal values, `mean` 0 and `std` 1 unless given; the same seed gives the same values everywhere. */
export function randn(shape: number[], opts: RandomOptions & { mean?: number; std?: number } = {}): Tensor {
  const sh = checkShape('randn', shape);
  const seed = checkSeed('randn', opts.seed);
  return engine.fromMaker('randn', sh, 'float32', (n) => normalValues(n, seed, opts.mean ?? 0, opts.std ?? 1));
}

/** Uniform values in [low, high), [0, 1) unless given. */
export function randu(shape: number[], opts: RandomOptions & { low?: number; high?: number } = {}): Tensor {
  const sh = checkShape('randu', shape);
  const seed = checkSeed('randu', opts.seed);
  return engine.fromMaker('randu', sh, 'float32', (n) => uniformValues(n, seed, opts.low ?? 0, opts.high ?? 1));
}
