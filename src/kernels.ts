// The closed kernel set: every kernel a backend may implement, with its inputs and attributes.
//
// Kernels see canonical shapes only. Ops (src/ops/) do broadcasting, axis handling and validation,
// then reshape their operands into the forms written below before calling a kernel. A backend that
// implements a kernel must accept exactly these forms; the `js` backend is the reference.

export type DType = 'float32' | 'int32';
export type TypedArray = Float32Array | Int32Array;

/** Elementwise one-input kernels. float32 in, float32 out (neg/abs/square/sign also take int32, same dtype out). */
export const UNARY = [
  'neg', 'exp', 'log', 'sqrt', 'square', 'abs', 'sign', 'reciprocal',
  'relu', 'sigmoid', 'tanh', 'gelu', 'leakyRelu', 'clip',
] as const;
export type UnaryKernel = (typeof UNARY)[number];

/**
 * Broadcasting two-input kernels. Inputs have the same rank as the output; each input dim is
 * either the output dim or 1. Arithmetic keeps the input dtype (both inputs share it); the
 * comparisons always return float32 0/1.
 */
export const BINARY = [
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum',
  'greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual',
] as const;
export type BinaryKernel = (typeof BINARY)[number];
export const COMPARISONS: ReadonlySet<string> = new Set(['greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual']);
/** Binary kernels defined on int32 (besides the comparisons). */
export const INT_BINARY: ReadonlySet<string> = new Set(['add', 'sub', 'mul', 'maximum', 'minimum']);
/** Unary kernels defined on int32. */
export const INT_UNARY: ReadonlySet<string> = new Set(['neg', 'abs', 'square', 'sign']);

/**
 * Backward elementwise kernels: inputs (dy, v) of the same shape, float32, output the same shape.
 * v is the forward input x, except for sigmoidGrad and tanhGrad where it is the forward output y.
 */
export const UNARY_GRAD = ['reluGrad', 'leakyReluGrad', 'sigmoidGrad', 'tanhGrad', 'geluGrad', 'clipGrad'] as const;
export type UnaryGradKernel = (typeof UNARY_GRAD)[number];

/** Reductions over axis 1 of an input viewed as [outer, reduce, inner]; output [outer, inner]. */
export const REDUCE = ['sum', 'max', 'min', 'argmax', 'argmin'] as const;
export type ReduceKernel = (typeof REDUCE)[number];

/** In-place optimizer update kernels (see KernelAttrs); they return nothing. */
export const OPTIMIZER_UPDATES = ['sgdUpdate', 'adamUpdate', 'rmspropUpdate', 'adagradUpdate'] as const;
export type OptimizerUpdateKernel = (typeof OPTIMIZER_UPDATES)[number];

export interface KernelAttrs {
  // unary
  neg: {}; exp: {}; log: {}; sqrt: {}; square: {}; abs: {}; sign: {}; reciprocal: {};
  relu: {}; sigmoid: {}; tanh: {}; gelu: {};
  leakyRelu: { alpha: number };
  clip: { min: number; max: number };
  // binary
  add: {}; sub: {}; mul: {}; div: {}; pow: {}; maximum: {}; minimum: {};
  greater: {}; greaterEqual: {}; less: {}; lessEqual: {}; equal: {}; notEqual: {};
  // backward elementwise
  reluGrad: {}; sigmoidGrad: {}; tanhGrad: {}; geluGrad: {};
  leakyReluGrad: { alpha: number };
  clipGrad: { min: number; max: number };
  /** x [outer, R, inner] -> [outer, inner]. sum/max/min keep dtype; argmax/argmin give int32. */
  sum: {}; max: {}; min: {}; argmax: {}; argmin: {};
  /**
   * x [rows, C] float32 -> [rows, C], along the last axis, numerically stable. Edge values, alike on
   * every backend: per row, IEEE arithmetic on m = max(row) (NaN wins), e = exp(x - m), s = sum(e),
   * softmax = e / s, logSoftmax = (x - m) - log(s). So a row that is all -Infinity, or holds
   * +Infinity or NaN, is NaN throughout (as NumPy, PyTorch, JAX); beside a finite max, -Infinity
   * gives exactly 0 (logSoftmax -Infinity); a size-1 axis gives 1 (0) for a finite value, NaN for
   * ±Infinity or NaN. A probability below float32's range is exactly 0; in the subnormal range a
   * backend may give the subnormal or 0 (wasm flushes below e^-87.68 of the max, GPUs below
   * 2^-126), never a clamped value such as 1.17e-38.
   */
  softmax: {}; logSoftmax: {};
  /**
   * a [Ba, M, K] (or [Ba, K, M] when transposeA), b [Bb, K, N] (or [Bb, N, K] when transposeB),
   * Ba and Bb each 1 or B; out [B, M, N] float32.
   */
  matmul: { transposeA: boolean; transposeB: boolean };
  /** x of any rank, perm a permutation of its axes. Any dtype. */
  transpose: { perm: number[] };
  /** x of any rank, out = x[begin_i : begin_i + size_i]. Any dtype. */
  slice: { begin: number[]; size: number[] };
  /** x of any rank, zeros added before/after each axis. Any dtype. */
  pad: { before: number[]; after: number[] };
  /** n inputs of equal rank and dtype, equal except along `axis`. */
  concat: { axis: number };
  /** x [outer, N, inner], indices int32 [M] (each in [0, N)) -> [outer, M, inner]. Any dtype for x. */
  gather: {};
  /** dy [outer, M, inner] float32, indices int32 [M] -> [outer, N, inner], rows summed by index. */
  scatterAdd: { n: number };
  /** indices int32 [n] -> float32 [n, depth]; out-of-range ids give a zero row. */
  oneHot: { depth: number };
  /** Converts dtype (float32 -> int32 truncates toward zero). */
  cast: { dtype: DType };
  /** Output of `shape` filled with `value`. No inputs. */
  fill: { shape: number[]; dtype: DType; value: number };
  /**
   * logits [N, C] float32, labels [N, C] float32 -> per-row loss [N]: -sum(labels * logSoftmax),
   * logSoftmax as above, where a term whose label is exactly 0 is skipped (0 · log 0 = 0, as in
   * entropy), whatever its logit: a -Infinity logit with label 0 adds nothing (not 0 · -Infinity =
   * NaN), with a nonzero label +Infinity; a row whose logSoftmax is NaN (all -Infinity, +Infinity or
   * NaN in it) is NaN unless every label is 0, which gives 0.
   */
  softmaxCrossEntropy: {};
  /**
   * logits [N, C] float32, labels int32 [N] -> per-row loss [N]: -logSoftmax[label] (so +Infinity for
   * a -Infinity logit beside a finite max, NaN for a NaN row); NaN for a label outside [0, C).
   */
  sparseSoftmaxCrossEntropy: {};

  // ---- optimizer updates (in place, run by engine.runKernelInPlace; never recorded) ------------
  // Inputs: the targets [param, ...slots] (overwritten), then [grad]; all float32 of one size.
  // Keras semantics; each first applies decoupled weight decay, param -= lr * weightDecay * param.
  /** targets [param] when momentum is 0, else [param, velocity]. */
  sgdUpdate: { lr: number; momentum: number; nesterov: boolean; weightDecay: number };
  /** targets [param, m, v]; step is the 1-based count of this update (bias correction). */
  adamUpdate: { lr: number; beta1: number; beta2: number; epsilon: number; step: number; weightDecay: number };
  /** targets [param, meanSquare, then momentum if momentum > 0, then meanGrad if centered]. */
  rmspropUpdate: { lr: number; rho: number; momentum: number; epsilon: number; centered: boolean; weightDecay: number };
  /** targets [param, accumulator]. */
  adagradUpdate: { lr: number; epsilon: number; weightDecay: number };

  // ---- fused dense forward ----------------------------------------------------------------------
  /**
   * act(op(a) op(b) + bias): a and b as for matmul; an optional third input bias [N] float32 is
   * added to every row; out [B, M, N] float32.
   */
  fusedMatmul: { transposeA: boolean; transposeB: boolean; activation: FusedActivation };
}
export type KernelName = keyof KernelAttrs;

/** Activations a fusedMatmul applies to its output. */
export type FusedActivation = 'linear' | 'relu' | 'gelu' | 'sigmoid' | 'tanh';

export const KERNELS: readonly KernelName[] = [
  ...UNARY, ...BINARY, ...UNARY_GRAD, ...REDUCE,
  'softmax', 'logSoftmax', 'matmul', 'transpose', 'slice', 'pad', 'concat', 'gather', 'scatterAdd',
  'oneHot', 'cast', 'fill', 'softmaxCrossEntropy', 'sparseSoftmaxCrossEntropy',
  ...OPTIMIZER_UPDATES,
  // fused dense forward
  'fusedMatmul',
];

/** The data of one tensor as a kernel sees it: a shape, a dtype and the backend's buffer. */
export interface TensorInfo<B = unknown> {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly buf: B;
}

/** A backend's implementation of one kernel. Returns newly allocated outputs (one, or several). */
export type KernelImpl<B = unknown, A = any> =
  (inputs: readonly TensorInfo<B>[], attrs: A) => TensorInfo<B> | TensorInfo<B>[];

export type KernelTable<B = unknown> = { [K in KernelName]?: KernelImpl<B, KernelAttrs[K]> };

/**
 * The most bytes one buffer may hold on the js backend: what the largest wasm memory (4 GiB, of
 * which the module's static data takes the first page) could hold, so a size that wasm can never
 * allocate is refused everywhere, at once, with the same message.
 */
export const MAX_BUFFER_BYTES = 2 ** 32 - 2 ** 16;

export function formatBytes(b: number): string {
  if (b >= 2 ** 30) return `${(Math.floor(b / 2 ** 30 * 100) / 100).toFixed(2)} GiB`;
  if (b >= 2 ** 20) return `${(b / 2 ** 20).toFixed(2)} MiB`;
  if (b >= 1024) return `${(b / 1024).toFixed(2)} KiB`;
  return `${b} bytes`;
}

/** A buffer a backend cannot allocate; the engine prefixes the op that asked (`randn: wasm: ...`). */
export class AllocationError extends RangeError {
  constructor(message: string, readonly op?: string) {
    super(op ? `${op}: ${message}` : message);
    this.name = 'AllocationError';
  }
  /** The same error naming `op` (unless it already names one). */
  in(op: string): AllocationError {
    return this.op ? this : new AllocationError(this.message, op);
  }
}

/**
 * Checks an allocation of `size` elements of `elementBytes` each against `limitBytes` before any
 * memory is touched; returns the byte count. Every backend calls it, so the messages agree.
 */
export function checkAllocation(backend: string, dtype: DType, size: number, elementBytes: number, limitBytes: number): number {
  if (!Number.isSafeInteger(size) || size < 0) throw new AllocationError(`${backend}: cannot allocate ${size} elements of ${dtype}`);
  const bytes = size * elementBytes;
  if (bytes > limitBytes) {
    throw new AllocationError(`${backend}: cannot allocate ${size} ${dtype} elements (${formatBytes(bytes)}): `
      + `a buffer may hold at most ${formatBytes(limitBytes)} on the ${backend} backend`);
  }
  return bytes;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function stridesOf(shape: readonly number[]): number[] {
  // NOTE: filled by push first, so the array is packed, not holey (see smallIntegers in tensor.ts).
  const s: number[] = [];
  for (let i = 0; i < shape.length; i++) s.push(0);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
  return s;
}

/** Flat offset of the element at `index` in a tensor with these strides. */
export function offsetOf(index: readonly number[], strides: readonly number[]): number {
  let off = 0;
  for (let i = 0; i < index.length; i++) off += index[i] * strides[i];
  return off;
}

/** Where `pad` puts its input: the output's shape and strides, and the offset of x's first element. */
export function padLayout(shape: readonly number[], before: readonly number[], after: readonly number[]) {
  const out = shape.map((d, i) => d + before[i] + after[i]);
  const strides = stridesOf(out);
  return { shape: out, strides, offset: offsetOf(before, strides) };
}

/** Where `concat` puts its inputs: the output's shape and strides, and each input's offset. */
export function concatLayout(shapes: readonly (readonly number[])[], axis: number) {
  const out = [...shapes[0]];
  out[axis] = shapes.reduce((s, x) => s + x[axis], 0);
  const strides = stridesOf(out);
  let at = 0;
  const offsets = shapes.map((x) => { const o = at * strides[axis]; at += x[axis]; return o; });
  return { shape: out, strides, offsets };
}

export function arrayFor(dtype: DType, n: number): TypedArray {
  return dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
}
