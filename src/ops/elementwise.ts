// Elementwise ops: unary math, activations, and binary arithmetic/comparisons with NumPy broadcasting.
import { engine } from '../engine.js';
import { type DType, type KernelName, type UnaryKernel, type BinaryKernel, COMPARISONS, INT_BINARY, INT_UNARY } from '../kernels.js';
import { DTYPE_NAMES, isDType } from '../dtypes.js';
import type { Tensor } from '../tensor.js';
import { type TensorLike, broadcastShapes, checkTensor, withOperands, fmt } from './util.js';

function unary(op: UnaryKernel, x: Tensor, attrs: object = {}): Tensor {
  checkTensor(op, x);
  if (x.dtype !== 'float32' && !INT_UNARY.has(op)) {
    throw new Error(`${op}: dtype ${x.dtype} is not supported; ${op} takes float32 (use eg.cast(x, 'float32'))`);
  }
  return engine.runKernel(op, [x], attrs as never)[0];
}

export const neg = (x: Tensor) => unary('neg', x);
export const exp = (x: Tensor) => unary('exp', x);
export const log = (x: Tensor) => unary('log', x);
export const sqrt = (x: Tensor) => unary('sqrt', x);
export const square = (x: Tensor) => unary('square', x);
export const abs = (x: Tensor) => unary('abs', x);
export const sign = (x: Tensor) => unary('sign', x);
export const reciprocal = (x: Tensor) => unary('reciprocal', x);
export const relu = (x: Tensor) => unary('relu', x);
export const sigmoid = (x: Tensor) => unary('sigmoid', x);
export const tanh = (x: Tensor) => unary('tanh', x);
/** GELU, exact form: 0.5·x·(1 + erf(x/√2)). */
export const gelu = (x: Tensor) => unary('gelu', x);
export const leakyRelu = (x: Tensor, alpha = 0.2) => unary('leakyRelu', x, { alpha });
export function clip(x: Tensor, min: number, max: number): Tensor {
  if (!(min <= max)) throw new Error(`clip: min (${min}) must not exceed max (${max})`);
  return unary('clip', x, { min, max });
}

/** Largest integer <= x (float32). */
export const floor = (x: Tensor) => unary('floor', x);
/** Smallest integer >= x (float32). */
export const ceil = (x: Tensor) => unary('ceil', x);
/** Nearest integer, ties to even (round(0.5) = 0, round(1.5) = 2, as tfjs and NumPy). */
export const round = (x: Tensor) => unary('round', x);
/**
 * Sine (radians). js and wasm are accurate for every finite x; webgpu reduces x by π/2 in float32,
 * accurate to ~1e-7 for |x| < 1e5 and degrading beyond. ±Infinity and NaN give NaN.
 */
export const sin = (x: Tensor) => unary('sin', x);
/** Cosine (radians); accuracy as `sin`. */
export const cos = (x: Tensor) => unary('cos', x);

/** Runs a broadcasting binary kernel: operands are padded to the output rank for the kernel. */
function binary(op: BinaryKernel, a: TensorLike, b: TensorLike): Tensor {
  return withOperands(op, a, b, (ta, tb) => {
    if (ta.dtype === 'int32' && !INT_BINARY.has(op) && !COMPARISONS.has(op)) {
      throw new Error(`${op}: dtype int32 is not supported; ${op} takes float32 (use eg.cast(x, 'float32'))`);
    }
    const shape = broadcastShapes(op, ta.shape, tb.shape);
    const pad = (s: readonly number[]) => {
      const p: number[] = [];
      for (let i = s.length; i < shape.length; i++) p.push(1);
      for (const d of s) p.push(d);
      return p;
    };
    return engine.runKernel(op, [ta, tb], {}, [pad(ta.shape), pad(tb.shape)])[0];
  });
}

export const add = (a: TensorLike, b: TensorLike) => binary('add', a, b);
export const sub = (a: TensorLike, b: TensorLike) => binary('sub', a, b);
export const mul = (a: TensorLike, b: TensorLike) => binary('mul', a, b);
export const div = (a: TensorLike, b: TensorLike) => binary('div', a, b);
export const pow = (a: TensorLike, b: TensorLike) => binary('pow', a, b);
export const maximum = (a: TensorLike, b: TensorLike) => binary('maximum', a, b);
export const minimum = (a: TensorLike, b: TensorLike) => binary('minimum', a, b);
export const greater = (a: TensorLike, b: TensorLike) => binary('greater', a, b);
export const greaterEqual = (a: TensorLike, b: TensorLike) => binary('greaterEqual', a, b);
export const less = (a: TensorLike, b: TensorLike) => binary('less', a, b);
export const lessEqual = (a: TensorLike, b: TensorLike) => binary('lessEqual', a, b);
export const equal = (a: TensorLike, b: TensorLike) => binary('equal', a, b);
export const notEqual = (a: TensorLike, b: TensorLike) => binary('notEqual', a, b);

/** Backward elementwise kernels, used by gradient rules: (dy, v) of one shape. */
export function unaryGrad(op: KernelName, dy: Tensor, v: Tensor, attrs: object = {}): Tensor {
  if (dy.shape.length !== v.shape.length || dy.shape.some((d, i) => d !== v.shape[i])) {
    throw new Error(`${op}: shape mismatch ${fmt(dy.shape)} vs ${fmt(v.shape)}`);
  }
  return engine.runKernel(op, [dy, v], attrs as never)[0];
}

export function cast(x: Tensor, dtype: DType): Tensor {
  checkTensor('cast', x);
  if (!isDType(dtype)) throw new Error(`cast: unsupported dtype '${String(dtype)}'; expected ${DTYPE_NAMES.map((d) => `'${d}'`).join(', ')}`);
  if (x.dtype === dtype) return engine.view(x, x.shape);
  return engine.runKernel('cast', [x], { dtype })[0];
}
