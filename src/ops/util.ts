// Shared validation and shape helpers for ops: broadcasting, axes, operand conversion.
import { engine } from '../engine.js';
import type { DType } from '../kernels.js';
import { Tensor } from '../tensor.js';

export type TensorLike = Tensor | number;

export function fmt(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** What a value is, for error messages: `"1" (a string)`, `null`, `1.5`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `${JSON.stringify(v)} (a string)`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? `a ${(v as object).constructor?.name ?? 'object'}` : `${String(v)} (${typeof v})`;
}

/**
 * Checks a user-given shape: non-negative safe integers (a size may exceed 2^31: `[2**31, 0]` is a
 * valid empty shape; what is too large to hold is refused when it is allocated).
 */
export function checkShape(op: string, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) throw new Error(`${op}: shape must be an array of sizes, got ${describe(shape)}`);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new Error(`${op}: invalid shape [${shape.map(describe).join(',')}]: every size must be a non-negative integer, got ${describe(d)}`);
    }
  }
  return [...shape];
}

export function checkTensor(op: string, x: unknown, name = 'x'): Tensor {
  if (!(x instanceof Tensor)) throw new Error(`${op}: '${name}' must be a Tensor, got ${typeof x}`);
  x.live(op);
  return x;
}

export function checkDtype(op: string, x: Tensor, dtypes: readonly DType[], name = 'x'): void {
  if (!dtypes.includes(x.dtype)) {
    throw new Error(`${op}: '${name}' has dtype ${x.dtype}, expected ${dtypes.join(' or ')}`);
  }
}

/**
 * Turns numbers into scalar tensors of `dtype`; checks tensors are live. A number that an int32
 * operand cannot hold (1.5, NaN, 2^31) is refused rather than truncated.
 */
export function toTensor(op: string, x: TensorLike, dtype: DType, name = 'x'): Tensor {
  if (typeof x === 'number') {
    if (dtype === 'int32' && (x | 0) !== x) {
      throw new Error(`${op}: ${name} = ${x} is not an int32 value, so it cannot combine with an int32 tensor; cast the tensor with eg.cast(t, 'float32') first`);
    }
    return engine.fromValues([x], [], dtype);
  }
  return checkTensor(op, x, name);
}

/**
 * Runs `fn` on a pair of operands: numbers become scalars of the other operand's dtype (freed
 * afterwards, even on error); mixed dtypes are refused.
 */
export function withOperands<T>(op: string, a: TensorLike, b: TensorLike, fn: (a: Tensor, b: Tensor) => T): T {
  if (a instanceof Tensor) checkTensor(op, a, 'a');
  if (b instanceof Tensor) checkTensor(op, b, 'b');
  if (a instanceof Tensor && b instanceof Tensor && a.dtype !== b.dtype) {
    throw new Error(`${op}: dtype mismatch: a is ${a.dtype} and b is ${b.dtype}; cast one with eg.cast()`);
  }
  const dtype: DType = a instanceof Tensor ? a.dtype : b instanceof Tensor ? b.dtype : 'float32';
  const ta = toTensor(op, a, dtype, 'a');
  let tb: Tensor | null = null;
  try {
    tb = toTensor(op, b, dtype, 'b');
    return fn(ta, tb);
  } finally {
    if (ta !== a) ta.dispose();
    if (tb !== null && tb !== b) tb.dispose();
  }
}

export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = a.length > b.length ? a.length : b.length;
  // NOTE: filled by push, so the array stays packed small integers (see smallIntegers in tensor.ts).
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${fmt(a)} and ${fmt(b)} cannot be broadcast together (axis ${i}: ${da} vs ${db})`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Normalises a possibly negative axis into [0, rank); a rank-0 tensor has no axis. */
export function normAxis(op: string, axis: number, rank: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) throw new Error(`${op}: axis must be an integer, got ${describe(axis)}`);
  if (axis < -rank || axis >= rank) {
    throw new Error(rank === 0
      ? `${op}: axis ${axis} is out of range: a scalar (rank 0) has no axes`
      : `${op}: axis ${axis} is out of range for a tensor of rank ${rank} (expected -${rank} to ${rank - 1})`);
  }
  return axis < 0 ? axis + rank : axis;
}

export function normAxes(op: string, axis: number | number[] | undefined | null, rank: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  if (typeof axis !== 'number' && !Array.isArray(axis)) throw new Error(`${op}: axis must be an integer or an array of integers, got ${describe(axis)}`);
  const list = (Array.isArray(axis) ? axis : [axis]).map((a) => normAxis(op, a, rank));
  if (new Set(list).size !== list.length) throw new Error(`${op}: repeated axis in [${list}]`);
  return list.sort((x, y) => x - y);
}
