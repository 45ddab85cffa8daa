// The closed kernel set, family by family: every kernel's attributes and canonical inputs, its
// definition (the dtypes it takes and the shapes and dtypes of its outputs, inferred once here for
// every backend), the types a backend's table must satisfy, and the shape helpers backends share.
//
// Kernels see canonical shapes only. Ops (src/ops/) do broadcasting, axis handling and validation,
// then reshape their operands into the forms written below before calling a kernel. A backend that
// implements a kernel must accept exactly these forms; the `js` backend is the reference.

import { type DType, dtypeUnsupported } from './dtypes.js';

export type { DType, TypedArray } from './dtypes.js';
export { arrayFor } from './dtypes.js';

/** Elementwise one-input kernels. float32 in, float32 out (neg/abs/square/sign also take int32, same dtype out). */
export const UNARY = [
  'neg', 'exp', 'log', 'sqrt', 'square', 'abs', 'sign', 'reciprocal',
  'relu', 'sigmoid', 'tanh', 'gelu', 'leakyRelu', 'clip',
  'floor', 'ceil', 'round', 'sin', 'cos',
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

/**
 * The geometry of a 2-D window over NHWC images, resolved by the op: kernels never see 'same' or
 * 'valid'. `pads` is [top, bottom, left, right]; output size per axis
 * `floor((in + padBefore + padAfter - dilation * (window - 1) - 1) / stride) + 1` (convOutSize).
 */
export interface Conv2dGeometry {
  strides: [number, number];
  dilations: [number, number];
  pads: [number, number, number, number];
}
/** A pooling window: the geometry plus the window's size [kh, kw]. */
export interface Pool2dAttrs extends Conv2dGeometry { poolSize: [number, number] }

/** The convolution family: NHWC images, filters [kh, kw, inChannels / groups, outChannels]. */
export const CONV = [
  'conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter',
  'maxPool2d', 'maxPool2dGrad', 'avgPool2d', 'avgPool2dGrad', 'conv2dMaxPool',
  'batchNormTrain', 'batchNormTrainGrad',
] as const;
export type ConvKernel = (typeof CONV)[number];

/**
 * The int8 family (quantised inference; no gradients): weights int8 [K, N], symmetric per output
 * column, packed once by qpack into the form qmatmul reads (qpackBytes).
 */
export const QUANT = ['qpack', 'qmatmul', 'im2col', 'qconv2d'] as const;
export type QuantKernel = (typeof QUANT)[number];
/**
 * The transformer's fused kernels: scaled dot-product attention and layer normalization, each
 * forward and backward (family 'attention').
 */
export const ATTENTION = ['attention', 'attentionGrad', 'layerNorm', 'layerNormGrad'] as const;
/** The score a masked key gets (Keras): a row with every key masked attends to all of them equally. */
export const MASKED_SCORE = -1e9;

export interface KernelAttrs {
  // unary
  neg: {}; exp: {}; log: {}; sqrt: {}; square: {}; abs: {}; sign: {}; reciprocal: {};
  relu: {}; sigmoid: {}; tanh: {}; gelu: {};
  leakyRelu: { alpha: number };
  clip: { min: number; max: number };
  /** round: to the nearest integer, ties to even (as tfjs, NumPy, WGSL round). */
  floor: {}; ceil: {}; round: {}; sin: {}; cos: {};
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

  // ---- convolution and pooling (NHWC; see Conv2dGeometry) ---------------------------------------
  /**
   * x [N, H, W, C], filter [KH, KW, C / groups, O] (O a multiple of groups), optional bias [O]
   * -> act(conv + bias) [N, OH, OW, O], float32. Output channel o of group g = floor(o / (O / groups))
   * reads input channels [g * C/groups, (g + 1) * C/groups). A depthwise convolution is groups = C
   * with filter [KH, KW, 1, C * M] (channel c's multipliers at c * M + m, tfjs's [KH, KW, C, M]
   * reshaped), which a backend may run with a dedicated kernel.
   */
  conv2d: Conv2dGeometry & { groups: number; activation: FusedActivation };
  /**
   * The gradient of conv2d with respect to x (and conv2dTranspose's forward): dy [N, OH, OW, O],
   * filter [KH, KW, C / groups, O] -> dx of `inShape` [N, H, W, C], float32.
   */
  conv2dBackpropInput: Conv2dGeometry & { groups: number; inShape: [number, number, number, number] };
  /**
   * The gradient of conv2d with respect to the filter: x [N, H, W, C], dy [N, OH, OW, O] -> dw of
   * `filterShape` [KH, KW, C / groups, O], float32.
   */
  conv2dBackpropFilter: Conv2dGeometry & { groups: number; filterShape: [number, number, number, number] };
  /**
   * x [N, H, W, C] -> [N, OH, OW, C]: the max over each window's positions inside x (padding
   * never wins; a window wholly in the padding gives -Infinity). NaN propagates.
   */
  maxPool2d: Pool2dAttrs;
  /**
   * x [N, H, W, C], dy [N, OH, OW, C] -> dx [N, H, W, C]: each window's dy goes to the position of
   * its max in x, the first in row-major window order on ties.
   */
  maxPool2dGrad: Pool2dAttrs;
  /**
   * x [N, H, W, C] -> [N, OH, OW, C]: the mean over each window's positions inside x (padding not
   * counted; a window wholly in the padding gives 0 / 0 = NaN).
   */
  avgPool2d: Pool2dAttrs;
  /** dy [N, OH, OW, C] -> dx of `inShape`: each window's dy / (its count of positions inside x) to each of them. */
  avgPool2dGrad: Pool2dAttrs & { inShape: [number, number, number, number] };
  /**
   * Inference only (no gradient): maxPool2d(conv2d(x, filter, bias)) with `pool` the pooling's window
   * over the conv output; inputs and conv attributes as conv2d's. A backend may run it without ever
   * holding the whole conv output (wasm: per chunk of images); the result is the unfused pair's.
   */
  conv2dMaxPool: Conv2dGeometry & { groups: number; activation: FusedActivation; pool: Pool2dAttrs };

  // ---- fused attention ---------------------------------------------------------------------------
  /**
   * q [B, Tq, D], k [B, Tk, D], v [B, Tk, Dv], optional mask [Bm, Tq, Tk] float32 (Bm 1 or B;
   * nonzero = attend) -> out [B, Tq, Dv] and lse [B, Tq], float32. Per row i of batch b: key j is
   * allowed when the mask is nonzero there and, if `causal`, j <= i + Tk - Tq (queries are the last
   * Tq of the Tk positions); s_j = scale · q_i·k_j; p = softmax over the allowed keys; out_i = Σ p_j v_j;
   * lse_i = log Σ_allowed exp(s_j). A row with no allowed key gives the mean of v's rows (every score
   * -1e9 as Keras: uniform) and lse -Infinity.
   */
  attention: { scale: number; causal: boolean };
  /**
   * The gradient of attention: q, k, v, out, lse, dOut (the forward's inputs and outputs, then
   * out's gradient [B, Tq, Dv]), then the optional mask -> dq [B, Tq, D], dk [B, Tk, D],
   * dv [B, Tk, Dv]. The probabilities are recomputed from lse (p_j = exp(s_j - lse_i) on allowed keys,
   * 1/Tk everywhere on a row without any); masked scores get no gradient.
   */
  attentionGrad: { scale: number; causal: boolean };
  /**
   * x [rows, C], gamma [C], beta [C] float32 -> y [rows, C], mean [rows], rstd [rows]: per row
   * mean m, biased variance v = mean((x - m)²), rstd = 1 / sqrt(v + epsilon), y = (x - m)·rstd·gamma + beta.
   */
  layerNorm: { epsilon: number };
  /**
   * The gradient of layerNorm: x, gamma, mean, rstd (the forward's), dy [rows, C] -> dx [rows, C],
   * dgamma [C], dbeta [C]. With x̂ = (x - m)·rstd and g = dy·gamma:
   * dx = rstd·(g - mean(g) - x̂·mean(g·x̂)), dgamma = Σ_rows dy·x̂, dbeta = Σ_rows dy.
   */
  layerNormGrad: {};

  // ---- batch normalization, training mode (conv family) --------------------------------------------
  /**
   * x [rows, C] (NHWC flattened: rows = N·H·W), gamma [C], beta [C] float32 -> y [rows, C],
   * mean [C], variance [C]: per channel (column) the batch mean m and biased variance
   * v = mean((x - m)²) over the rows (the centred second pass), y = (x - m)·rsqrt(v + epsilon)·gamma + beta.
   */
  batchNormTrain: { epsilon: number };
  /**
   * The gradient of batchNormTrain: x, gamma, mean, variance (the forward's), dy [rows, C], then the
   * gradients of the statistics dmean [C], dvariance [C] -> dx [rows, C], dgamma [C], dbeta [C].
   * With rstd = rsqrt(v + epsilon), x̂ = (x - m)·rstd, R = rows: dbeta = Σ_rows dy,
   * dgamma = Σ_rows dy·x̂, dx = gamma·rstd·(dy - dbeta/R - x̂·dgamma/R) + dmean/R + dvariance·2(x - m)/R.
   */
  batchNormTrainGrad: { epsilon: number };

  // ---- fused dense forward ----------------------------------------------------------------------
  /**
   * act(op(a) op(b) + bias): a and b as for matmul; an optional third input bias [N] float32 is
   * added to every row; out [B, M, N] float32.
   */
  fusedMatmul: { transposeA: boolean; transposeB: boolean; activation: FusedActivation };

  // ---- int8 (QUANT) -------------------------------------------------------------------------------
  /**
   * w int8 [K, N] -> int8 [qpackBytes(K, N)]: 8-column panels of 4-deep k groups (panel p, group g:
   * for each column j of the panel the 4 bytes w[4g..4g+3, 8p+j]), K padded to a multiple of 4 and N
   * to one of 8 with zeros, then the int32 sum of each padded column (little-endian).
   */
  qpack: { k: number; n: number };
  /**
   * x float32 [M, K], packed int8 [qpackBytes(K, N)], colScale float32 [N], optional bias [N]
   * -> act((q(x) · w) * rowScale * colScale + bias) float32 [M, N]. Each row of x is quantised
   * symmetrically to integers in [-L, L] (L = 127, or 63 on wasm's relaxed path, see
   * `int8Levels`): rowScale = r / L with r = inputRange when > 0 (static; values beyond clamp),
   * else max |row| (dynamic); q = round-half-even(x * (L / r)). Integer sums are exact.
   */
  qmatmul: { activation: FusedActivation; inputRange: number };
  /**
   * x [N, H, W, C] float32 -> the patches [N·OH·OW, KH·KW·C] of a KH x KW window (see Conv2dGeometry):
   * row (n, oh, ow) holds, tap by tap (kh, kw), the C channels at (oh·sh - top + kh·dh, ow·sw - left +
   * kw·dw), zeros outside x. The quantised convolution's GEMM operand (its filter [KH, KW, C, O] is the
   * matrix [KH·KW·C, O]).
   */
  im2col: Conv2dGeometry & { kernelSize: [number, number] };
  /**
   * The quantised convolution (groups 1): x [N, H, W, C] float32, the packed filter (qpack of
   * [KH·KW·C, O]), colScale [O], optional bias [O] -> [N, OH, OW, O] float32: qmatmul of im2col(x)
   * (each patch a row, quantised as qmatmul's rows), without the patches ever stored whole.
   */
  qconv2d: Conv2dGeometry & { kernelSize: [number, number]; activation: FusedActivation; inputRange: number };
}
export type KernelName = keyof KernelAttrs;

/** Activations a fusedMatmul applies to its output. */
export type FusedActivation = 'linear' | 'relu' | 'gelu' | 'sigmoid' | 'tanh';

/**
 * The kernel families. One family name runs through the code: assembly/<family>.ts (the wasm
 * kernels), backends/webgpu/<family>.ts (the WGSL programs), the family's section of
 * backends/js.ts, backends/wasm.ts and KERNEL_DEFS below, and its cases in the tests and bench.
 */
export const FAMILIES = {
  elementwise: [...UNARY, ...BINARY, ...UNARY_GRAD],
  reduce: REDUCE,
  softmax: ['softmax', 'logSoftmax', 'softmaxCrossEntropy', 'sparseSoftmaxCrossEntropy'],
  gemm: ['matmul', 'fusedMatmul'],
  layout: ['transpose', 'slice', 'pad', 'concat', 'gather', 'scatterAdd', 'oneHot', 'cast', 'fill'],
  optim: OPTIMIZER_UPDATES,
  conv: CONV,
  quant: QUANT,
  attention: ATTENTION,
} as const satisfies Record<string, readonly KernelName[]>;
export type Family = keyof typeof FAMILIES;
/** A kernel in KernelAttrs but in no family is a compile error here. */
const everyKernelHasAFamily: [Exclude<KernelName, (typeof FAMILIES)[Family][number]>] extends [never] ? true : never = true;
void everyKernelHasAFamily;

/** Every kernel, family by family. */
export const KERNELS: readonly KernelName[] = Object.values(FAMILIES).flat();

/** The data of one tensor as a kernel sees it: a shape, a dtype and the backend's buffer. */
export interface TensorInfo<B = unknown> {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly buf: B;
  /**
   * The storage's write version (an input of runKernel; Storage.version): equal versions of one
   * buffer mean equal values. Absent where unknown (outputs, raw calls): then nothing is cached.
   */
  readonly version?: number;
}

/** An output a kernel's inference rule asks for; the engine allocates it. */
export interface OutSpec {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/**
 * A backend's implementation of kernel K: it fills `outputs` (allocated by the engine from the
 * kernel's inference rule) from `inputs`; no shape logic, no allocation. In-place kernels (the
 * optimizer updates) get their targets first in `inputs` and no outputs.
 */
export type KernelImpl<B, K extends KernelName> =
  (inputs: readonly TensorInfo<B>[], outputs: readonly TensorInfo<B>[], attrs: KernelAttrs[K]) => void;

/** What a backend's table holds at run time (a kernel may be missing: it is then unsupported). */
export type KernelTable<B = unknown> = { [K in KernelName]?: KernelImpl<B, K> };

/**
 * The type a backend's table must satisfy: every kernel but those of its explicit `unsupported`
 * list U. A kernel added to KernelAttrs is then a compile error in every backend until it is
 * implemented or listed.
 */
export type KernelSet<B, U extends KernelName = never> = { [K in Exclude<KernelName, U>]: KernelImpl<B, K> };

/**
 * One entry per name of a kernel family, each made by `make(name)`. An implementation typed for
 * the family's union of attributes fits every member's slot of a KernelSet.
 */
export function family<F extends KernelName, V>(names: readonly F[], make: (name: F) => V): { [K in F]: V } {
  const out = {} as { [K in F]: V };
  for (const n of names) out[n] = make(n);
  return out;
}

/** The error for a kernel a backend does not implement, naming both. */
export function unsupportedKernel(name: string, backend: string): Error {
  return new Error(`kernel '${name}' is not implemented on backend '${backend}'`);
}

// ---- shape helpers every backend shares -------------------------------------------------------

/**
 * The most dims a strided kernel walks after collapseDims (wasm's params block, WGSL's uniform
 * holds this many; assembly/layout.ts and bindings/abi.ts ParamsLayout.maxRank mirror it).
 */
export const MAX_RANK = 8;

/** Element strides of `shape` with 0 along the dims it broadcasts (size 1) to `out`'s rank. */
export function broadcastStrides(shape: readonly number[]): number[] {
  const s = stridesOf(shape);
  for (let i = 0; i < s.length; i++) if (shape[i] === 1) s[i] = 0;
  return s;
}

/**
 * The fewest dims that walk `shape` with the same addresses for every operand: size-1 dims are
 * dropped and a dim is merged into its left neighbour when, for every operand, the neighbour's
 * stride is this dim's stride times its size (contiguous, or broadcast alike). `strides[k]` are
 * operand k's element strides. A walk of one element comes back as shape [1].
 */
export function collapseDims(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const S: number[] = [];
  const T: number[][] = [];
  for (let k = 0; k < strides.length; k++) T.push([]);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d];
    if (n === 1) continue;
    const last = S.length - 1;
    let merge = last >= 0;
    for (let k = 0; merge && k < strides.length; k++) merge = T[k][last] === strides[k][d] * n;
    if (merge) {
      S[last] *= n;
      for (let k = 0; k < strides.length; k++) T[k][last] = strides[k][d];
    } else {
      S.push(n);
      for (let k = 0; k < strides.length; k++) T[k].push(strides[k][d]);
    }
  }
  if (S.length === 0) { S.push(1); for (const t of T) t.push(0); }
  return { shape: S, strides: T };
}

/** The rank error of a strided kernel, naming kernel and backend. */
export function checkRank(what: string, backend: string, rank: number): void {
  if (rank > MAX_RANK) {
    throw new Error(`${what}: the ${backend} backend handles at most ${MAX_RANK} dims (after merging contiguous ones), got ${rank}`);
  }
}

/** The GEMM dimensions of matmul's operands (see the matmul entry of KernelAttrs). */
export interface MatmulDims {
  B: number; M: number; N: number; K: number;
  /** Elements between batches of a and b (0: the operand broadcasts over the batch). */
  strideA: number; strideB: number;
  /** Row lengths as stored. */
  lda: number; ldb: number;
}

export function matmulDims(a: readonly number[], b: readonly number[], transposeA: boolean, transposeB: boolean): MatmulDims {
  const Ba = a[0], ar = a[1], ac = a[2];
  const Bb = b[0], br = b[1], bc = b[2];
  // NOTE: Ba and Bb are each 1 or B, and B may be 0 (an empty batch).
  return {
    B: Ba === 1 ? Bb : Ba,
    M: transposeA ? ac : ar, K: transposeA ? ar : ac, N: transposeB ? br : bc,
    strideA: Ba === 1 ? 0 : ar * ac, strideB: Bb === 1 ? 0 : br * bc,
    lda: ac, ldb: bc,
  };
}

/** Output length along one axis of a 2-D window op (see Conv2dGeometry); may be <= 0 when the window does not fit. */
export function convOutSize(size: number, window: number, stride: number, dilation: number, padBefore: number, padAfter: number): number {
  return Math.floor((size + padBefore + padAfter - dilation * (window - 1) - 1) / stride) + 1;
}

/**
 * TF's padding along one axis of a 2-D window op: none ('valid'), 'same' (the total split with the
 * extra at the end), or explicit [[top, bottom], [left, right]] (axis 0: rows, 1: columns).
 */
export function padsFor(padding: 'valid' | 'same' | [[number, number], [number, number]], size: number, window: number,
  stride: number, dilation: number, axis: 0 | 1): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (padding === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + (window - 1) * dilation + 1 - size, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }
  return padding[axis];
}

/** [N, OH, OW] of a window op over x [N, H, W, ...] with a window [kh, kw]. */
export function convOutShape(x: readonly number[], kh: number, kw: number, g: Conv2dGeometry): [number, number, number] {
  const [pt, pb, pl, pr] = g.pads;
  return [x[0], convOutSize(x[1], kh, g.strides[0], g.dilations[0], pt, pb), convOutSize(x[2], kw, g.strides[1], g.dilations[1], pl, pr)];
}

/** Bytes of qpack's output for int8 weights [K, N]. */
export function qpackBytes(K: number, N: number): number {
  const k4 = Math.ceil(K / 4) * 4, n8 = Math.ceil(N / 8) * 8;
  return n8 * k4 + n8 * 4;
}

/** Adam's step size with both bias corrections: lr * sqrt(1 - beta2^t) / (1 - beta1^t). */
export function adamStepSize(a: KernelAttrs['adamUpdate']): number {
  return (a.lr * Math.sqrt(1 - a.beta2 ** a.step)) / (1 - a.beta1 ** a.step);
}

/** Element offset of slice's first element in x. */
export function sliceOffset(shape: readonly number[], begin: readonly number[]): number {
  return offsetOf(begin, stridesOf(shape));
}

// ---- the kernel definitions: accepted dtypes and the inference rule of the outputs ------------

/** A kernel definition: the dtypes it takes and the shapes and dtypes of its outputs. */
export interface KernelDef<K extends KernelName> {
  /** The dtypes its first input may have (all inputs share it unless said otherwise). */
  readonly dtypes: readonly DType[];
  /** The outputs for these inputs (canonical shapes) and attributes; throws on a dtype it does not take. */
  infer(inputs: readonly OutSpec[], attrs: KernelAttrs[K]): OutSpec[];
  /** Runs in place (engine.runKernelInPlace): no outputs, never recorded. */
  readonly inPlace?: true;
}

const F32: readonly DType[] = ['float32'];
const F32_I32: readonly DType[] = ['float32', 'int32'];
/** The layout kernels move 4-byte elements (every backend's copy loops do). */
const WORD: readonly DType[] = ['float32', 'int32'];
const ANY: readonly DType[] = ['float32', 'int32', 'int8', 'uint8', 'float16'];

function takes(op: string, dtype: DType, dtypes: readonly DType[]): void {
  // NOTE: a loop, not includes(): this runs on every kernel call.
  for (let i = 0; i < dtypes.length; i++) if (dtypes[i] === dtype) return;
  throw dtypeUnsupported(op, dtype, dtypes);
}

/**
 * A definition that checks the first input's dtype and makes one output: `shape` from the inputs
 * and attributes, `dtype` given or (by default) the first input's.
 */
function def<K extends KernelName>(op: K, dtypes: readonly DType[], shape: (ins: readonly OutSpec[], attrs: KernelAttrs[K]) => readonly number[], dtype?: DType): KernelDef<K> {
  return {
    dtypes,
    infer: (ins, attrs) => { takes(op, ins[0].dtype, dtypes); return [{ shape: shape(ins, attrs), dtype: dtype ?? ins[0].dtype }]; },
  };
}

/** Broadcast output shape of two operands of one rank (a 0 in either gives 0). */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const s: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    s.push(x === 0 || y === 0 ? 0 : x > y ? x : y);
  }
  return s;
}

const first = (ins: readonly OutSpec[]) => ins[0].shape;
const perRow = ([x]: readonly OutSpec[]) => [x.shape[0]];
const gemm = ([a, b]: readonly OutSpec[], { transposeA, transposeB }: KernelAttrs['matmul']) => {
  const d = matmulDims(a.shape, b.shape, transposeA, transposeB);
  return [d.B, d.M, d.N];
};
const inPlace = { dtypes: F32, inPlace: true as const, infer: () => [] };

const defs = {
  // ---- elementwise
  ...family(UNARY, (op) => def(op, INT_UNARY.has(op) ? F32_I32 : F32, first)),
  ...family(BINARY, (op) => def(op, COMPARISONS.has(op) || INT_BINARY.has(op) ? F32_I32 : F32,
    ([a, b]) => broadcastShape(a.shape, b.shape), COMPARISONS.has(op) ? 'float32' : undefined)),
  ...family(UNARY_GRAD, (op) => def(op, F32, first)),
  // ---- reduce
  ...family(REDUCE, (op) => def(op, F32_I32, ([x]) => [x.shape[0], x.shape[2]], op === 'argmax' || op === 'argmin' ? 'int32' : undefined)),
  // ---- softmax
  softmax: def('softmax', F32, first),
  logSoftmax: def('logSoftmax', F32, first),
  softmaxCrossEntropy: def('softmaxCrossEntropy', F32, perRow, 'float32'),
  sparseSoftmaxCrossEntropy: def('sparseSoftmaxCrossEntropy', F32, perRow, 'float32'),
  // ---- gemm
  matmul: def('matmul', F32, gemm, 'float32'),
  fusedMatmul: def('fusedMatmul', F32, gemm, 'float32'),
  // ---- layout
  transpose: def('transpose', WORD, ([x], { perm }) => {
    const shape: number[] = [];
    for (const p of perm) shape.push(x.shape[p]);
    return shape;
  }),
  slice: def('slice', WORD, (_, { size }) => size),
  pad: def('pad', WORD, ([x], { before, after }) => padLayout(x.shape, before, after).shape),
  concat: def('concat', WORD, (xs, { axis }) => {
    const shape = [...xs[0].shape];
    let n = 0;
    for (const x of xs) n += x.shape[axis];
    shape[axis] = n;
    return shape;
  }),
  gather: def('gather', WORD, ([x, idx]) => [x.shape[0], idx.shape[0], x.shape[2]]),
  scatterAdd: def('scatterAdd', F32, ([dy], { n }) => [dy.shape[0], n, dy.shape[2]]),
  oneHot: def('oneHot', ['int32'], ([idx], { depth }) => [idx.shape[0], depth], 'float32'),
  cast: { dtypes: ANY, infer: ([x], { dtype }) => [{ shape: x.shape, dtype }] },
  fill: { dtypes: ANY, infer: (_, { shape, dtype }) => [{ shape, dtype }] },
  // ---- optim
  ...family(OPTIMIZER_UPDATES, () => inPlace),
  // ---- conv
  conv2d: def('conv2d', F32, ([x, w], a) => [...convOutShape(x.shape, w.shape[0], w.shape[1], a), w.shape[3]]),
  conv2dBackpropInput: def('conv2dBackpropInput', F32, (_, { inShape }) => inShape),
  conv2dBackpropFilter: def('conv2dBackpropFilter', F32, (_, { filterShape }) => filterShape),
  maxPool2d: def('maxPool2d', F32, ([x], a) => [...convOutShape(x.shape, a.poolSize[0], a.poolSize[1], a), x.shape[3]]),
  maxPool2dGrad: def('maxPool2dGrad', F32, first),
  avgPool2d: def('avgPool2d', F32, ([x], a) => [...convOutShape(x.shape, a.poolSize[0], a.poolSize[1], a), x.shape[3]]),
  avgPool2dGrad: def('avgPool2dGrad', F32, (_, { inShape }) => inShape),
  conv2dMaxPool: def('conv2dMaxPool', F32, ([x, w], a) => {
    const y = [...convOutShape(x.shape, w.shape[0], w.shape[1], a), w.shape[3]];
    return [...convOutShape(y, a.pool.poolSize[0], a.pool.poolSize[1], a.pool), w.shape[3]];
  }),
  batchNormTrain: {
    dtypes: F32,
    infer: ([x]) => {
      takes('batchNormTrain', x.dtype, F32);
      const c = [x.shape[1]];
      return [{ shape: x.shape, dtype: 'float32' }, { shape: c, dtype: 'float32' }, { shape: c, dtype: 'float32' }];
    },
  },
  batchNormTrainGrad: {
    dtypes: F32,
    infer: ([x]) => {
      takes('batchNormTrainGrad', x.dtype, F32);
      const c = [x.shape[1]];
      return [{ shape: x.shape, dtype: 'float32' }, { shape: c, dtype: 'float32' }, { shape: c, dtype: 'float32' }];
    },
  },
  // ---- quant
  qpack: def('qpack', ['int8'], (_, { k, n }) => [qpackBytes(k, n)]),
  qmatmul: def('qmatmul', F32, ([x, , s]) => [x.shape[0], s.shape[0]]),
  qconv2d: def('qconv2d', F32, ([x, , s], a) => [...convOutShape(x.shape, a.kernelSize[0], a.kernelSize[1], a), s.shape[0]]),
  im2col: def('im2col', F32, ([x], a) => {
    const [n, oh, ow] = convOutShape(x.shape, a.kernelSize[0], a.kernelSize[1], a);
    return [n * oh * ow, a.kernelSize[0] * a.kernelSize[1] * x.shape[3]];
  }),
  // ---- attention
  attention: {
    dtypes: F32,
    infer: ([q, , v]) => {
      takes('attention', q.dtype, F32);
      return [{ shape: [q.shape[0], q.shape[1], v.shape[2]], dtype: 'float32' }, { shape: [q.shape[0], q.shape[1]], dtype: 'float32' }];
    },
  },
  layerNorm: {
    dtypes: F32,
    infer: ([x]) => {
      takes('layerNorm', x.dtype, F32);
      return [{ shape: x.shape, dtype: 'float32' }, { shape: [x.shape[0]], dtype: 'float32' }, { shape: [x.shape[0]], dtype: 'float32' }];
    },
  },
  layerNormGrad: {
    dtypes: F32,
    infer: ([x, g]) => {
      takes('layerNormGrad', x.dtype, F32);
      return [{ shape: x.shape, dtype: 'float32' }, { shape: g.shape, dtype: 'float32' }, { shape: g.shape, dtype: 'float32' }];
    },
  },
  attentionGrad: {
    dtypes: F32,
    infer: ([q, k, v]) => {
      takes('attentionGrad', q.dtype, F32);
      return [{ shape: q.shape, dtype: 'float32' }, { shape: k.shape, dtype: 'float32' }, { shape: v.shape, dtype: 'float32' }];
    },
  },
} satisfies { [K in KernelName]: KernelDef<K> };

/** Every kernel's definition, by name. */
export const KERNEL_DEFS: { readonly [K in KernelName]: KernelDef<K> } = defs;

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
