// Attention and the ops around it: where, band (causal) masks, scaled dot-product attention,
// RMS normalisation. Today each composes existing kernels (their gradients come from the tape);
// `attention` is the one entry a fused kernel can later replace without changing callers.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { add, cast, div, equal, greaterEqual, mul, notEqual, sqrt, square, sub } from './elementwise.js';
import { arange, full, randu, tensor } from './creation.js';
import { mean } from './reduce.js';
import { broadcastTo, concat, gather, reshape } from './shape.js';
import { matmul } from './linalg.js';
import { softmax } from './nn.js';
import { type TensorLike, broadcastShapes, checkDtype, checkTensor, fmt, toTensor } from './util.js';

/**
 * `a` where `cond` is nonzero, else `b`, elementwise with NumPy broadcasting of all three.
 * Exact for any values, Inf and NaN included, in the operand not chosen (a gather from [a, b],
 * not arithmetic); the gradient flows to a and b (cond gets none).
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  checkTensor('where', cond, 'cond');
  checkDtype('where', cond, ['float32', 'int32'], 'cond');
  const ta = toTensor('where', a, typeof b === 'object' && b !== null && 'dtype' in b ? b.dtype : 'float32', 'a');
  let tb: Tensor | undefined;
  try {
    const tB = (tb = toTensor('where', b, ta.dtype, 'b'));
    if (ta.dtype !== tB.dtype) throw new Error(`where: a and b must have one dtype, got ${ta.dtype} and ${tB.dtype}`);
    checkDtype('where', ta, ['float32', 'int32'], 'a');
    const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, ta.shape), tB.shape);
    const n = sizeOf(shape);
    if (2 * n > 2 ** 31 - 1) throw new Error(`where: ${n} elements is more than it can index (2^30)`);
    return engine.tidy(() => {
      const flat = (x: Tensor) => reshape(sameShape(x.shape, shape) ? x : broadcastTo(x, shape), [n]);
      const both = concat([flat(ta), flat(tB)], 0);
      // element i of the result is both[i] (a) where cond is nonzero, both[i + n] (b) where it is 0
      const idx = add(arange(0, n, 1, 'int32'), mul(cast(equal(flat(cond), 0), 'int32'), n));
      return reshape(gather(both, idx, 0), shape);
    });
  } finally {
    if (ta !== a) ta.dispose();
    if (tb && tb !== b) tb.dispose();
  }
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** float32 [rows, cols]: 1 where `-lower <= col - row <= upper`, else 0. */
function band(rows: number, cols: number, lower: number, upper: number): Tensor {
  const v = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (i - j <= lower && j - i <= upper) v[i * cols + j] = 1;
  return tensor(v, [rows, cols]);
}

/**
 * x with every element outside a band of its last two axes set to 0 (tf.linalg.band_part): element
 * [..., m, n] is kept when `numLower < 0 || m - n <= numLower` and `numUpper < 0 || n - m <= numUpper`.
 * `bandPart(ones([T, T]), -1, 0)` is the causal (lower-triangular) mask.
 */
export function bandPart(x: Tensor, numLower: number, numUpper: number): Tensor {
  checkTensor('bandPart', x);
  if (x.rank < 2) throw new Error(`bandPart: x needs rank >= 2 (a band of its last two axes), got shape ${fmt(x.shape)}`);
  for (const [name, v] of [['numLower', numLower], ['numUpper', numUpper]] as const) {
    if (!Number.isInteger(v)) throw new Error(`bandPart: ${name} must be an integer (negative: no limit), got ${v}`);
  }
  const [m, n] = x.shape.slice(-2);
  return engine.tidy(() => where(band(m, n, numLower < 0 ? Infinity : numLower, numUpper < 0 ? Infinity : numUpper), x, 0));
}

/**
 * float32 [tq, tk]: 1 where query i may attend key j. Queries are the last tq positions of the tk
 * keys (aligned at the end, so a step with cached keys works): j <= i + tk - tq.
 */
export function causalMask(tq: number, tk: number): Tensor {
  for (const [name, v] of [['tq', tq], ['tk', tk]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`causalMask: ${name} must be a non-negative integer, got ${v}`);
  }
  return band(tq, tk, Infinity, tk - tq);
}

export interface AttentionOptions {
  /** Query i attends keys up to its own position; queries are the last Tq of the Tk positions. */
  causal?: boolean;
  /** Broadcastable to [..., Tq, Tk]: nonzero = attend, 0 = masked (Keras). Combined with `causal`. */
  mask?: Tensor | null;
  /** Multiplies q·kᵀ; default 1/sqrt(D). */
  scale?: number;
  /** Drops this fraction of the attention probabilities (kept ones scaled by 1 / (1 - rate)); default 0. */
  dropout?: number;
  /** Seed of the dropout mask. */
  seed?: number;
}

/** What Keras puts in masked scores: a fully masked row's softmax is uniform, never NaN. */
const MASKED = -1e9;

/**
 * Scaled dot-product attention: softmax(scale · q·kᵀ, masked) · v, for q [..., Tq, D],
 * k [..., Tk, D], v [..., Tk, Dv] (leading axes broadcast) -> [..., Tq, Dv].
 * Masked scores are set to -1e9 as Keras does, so a row whose keys are all masked attends to all
 * of them equally (the mean of v's rows) instead of giving NaN.
 */
export function attention(q: Tensor, k: Tensor, v: Tensor, opts: AttentionOptions = {}): Tensor {
  for (const [name, t] of [['q', q], ['k', k], ['v', v]] as const) {
    checkTensor('attention', t, name);
    checkDtype('attention', t, ['float32'], name);
    if (t.rank < 2) throw new Error(`attention: ${name} needs rank >= 2 ([..., T, D]), got shape ${fmt(t.shape)}`);
  }
  const [tq, d] = q.shape.slice(-2), [tk, dk] = k.shape.slice(-2), [tv] = v.shape.slice(-2);
  if (d !== dk) throw new Error(`attention: q and k must have one head size (last axis), got q ${fmt(q.shape)} (D=${d}) and k ${fmt(k.shape)} (D=${dk})`);
  if (tk !== tv) throw new Error(`attention: k and v must have one length (axis -2), got k ${fmt(k.shape)} (Tk=${tk}) and v ${fmt(v.shape)} (Tk=${tv})`);
  const lead = broadcastShapes('attention', broadcastShapes('attention', q.shape.slice(0, -2), k.shape.slice(0, -2)), v.shape.slice(0, -2));
  const scoreShape = [...lead, tq, tk];
  const { causal = false, mask = null, scale = 1 / Math.sqrt(d), dropout = 0 } = opts;
  if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1)) throw new Error(`attention: dropout must be a number in [0, 1), got ${dropout}`);
  if (typeof scale !== 'number' || !Number.isFinite(scale)) throw new Error(`attention: scale must be a finite number, got ${scale}`);
  if (mask !== null && mask !== undefined) {
    checkTensor('attention', mask, 'mask');
    checkDtype('attention', mask, ['float32', 'int32'], 'mask');
    let ok = mask.rank <= scoreShape.length;
    if (ok) { try { ok = sameShape(broadcastShapes('attention', mask.shape, scoreShape), scoreShape); } catch { ok = false; } }
    if (!ok) throw new Error(`attention: mask of shape ${fmt(mask.shape)} does not broadcast to the scores' shape ${fmt(scoreShape)} ([..., Tq, Tk])`);
  }
  if (dropout === 0 && tk > 0 && engine.backend?.kernels.attention !== undefined && !composedFaster(tq, tk, mask != null, causal)) {
    return fusedAttention(q, k, v, mask ?? null, lead, scale, causal);
  }
  return engine.tidy(() => {
    let scores = matmul(q, k, { transposeB: true });
    if (scale !== 1) scores = mul(scores, scale);
    let m: Tensor | null = mask ?? null;
    // one query at the end sees every key: the causal mask of a decoding step is all ones
    if (causal && tq > 1) m = m ? mul(notEqual(m, 0), causalMask(tq, tk)) : causalMask(tq, tk);
    if (m) scores = where(m, scores, MASKED);
    let p = softmax(scores, -1);
    if (dropout > 0) p = mul(p, mul(greaterEqual(randu(p.shape as number[], { seed: opts.seed }), dropout), 1 / (1 - dropout)));
    return matmul(p, v);
  });
}

/**
 * Where the composed form was measured faster than the fused kernel: on wasm, without a mask or a
 * causal limit, from 64 x 64 scores up. There the composed form's two GEMMs and row softmax beat the
 * kernel's blocks of four rows (fused forward + backward at 0.71x to 0.90x the composed time, paired
 * CPU time, simd, T 64 to 512, head size 32 and 64, 4 and 8 heads), while with a causal or padding
 * mask the fused kernel is 1.45x to 3.9x faster (it skips masked keys; the composed form masks with
 * `where`). Smaller shapes were not measured and stay fused.
 */
function composedFaster(tq: number, tk: number, masked: boolean, causal: boolean): boolean {
  return engine.backend?.name === 'wasm' && !masked && !causal && tq * tk >= 64 * 64;
}

/**
 * attention on the backend's fused kernel: q, k and v broadcast to the leading shape `lead` and
 * flattened to [B, T, D]; the mask to [1, Tq, Tk] when it is one for every batch, else [B, Tq, Tk].
 */
function fusedAttention(q: Tensor, k: Tensor, v: Tensor, mask: Tensor | null, lead: number[], scale: number, causal: boolean): Tensor {
  const B = sizeOf(lead);
  const [tq, d] = q.shape.slice(-2), [tk] = k.shape.slice(-2), dv = v.shape[v.rank - 1];
  return engine.tidy(() => {
    const flat = (x: Tensor, t: number, w: number) => {
      const full = [...lead, t, w];
      return reshape(sameShape(x.shape, full) ? x : broadcastTo(x, full), [B, t, w]);
    };
    const inputs = [flat(q, tq, d), flat(k, tk, d), flat(v, tk, dv)];
    if (mask) {
      let m = mask.dtype === 'float32' ? mask : cast(mask, 'float32');
      const perBatch = m.shape.slice(0, -2).some((x) => x !== 1);
      const [mq, mk] = m.rank >= 2 ? m.shape.slice(-2) : [1, m.shape[0] ?? 1];
      if (perBatch) m = flat(m, tq, tk);
      else m = reshape(mq === tq && mk === tk ? m : broadcastTo(reshape(m, [mq, mk]), [tq, tk]), [1, tq, tk]);
      inputs.push(m);
    }
    const [out] = engine.runKernel('attention', inputs, { scale, causal });
    return reshape(out, [...lead, tq, dv]);
  });
}

export interface LayerNormOptions {
  /** Added to the variance (default 1e-3, as Keras' LayerNormalization). */
  epsilon?: number;
}

/**
 * Layer normalization over the last axis: (x - mean) / sqrt(variance + epsilon) (biased variance),
 * times `gamma` and plus `beta` (each [C], C x's last axis) when given. One fused kernel forward and
 * one backward where the backend has them (js, wasm, webgpu), else composed from elementwise ops.
 */
export function layerNorm(x: Tensor, gamma?: Tensor | null, beta?: Tensor | null, opts: LayerNormOptions = {}): Tensor {
  checkTensor('layerNorm', x);
  checkDtype('layerNorm', x, ['float32']);
  if (x.rank < 1) throw new Error('layerNorm: x needs rank >= 1 (normalised over its last axis), got a scalar');
  const epsilon = opts.epsilon ?? 1e-3;
  if (typeof epsilon !== 'number' || !(epsilon > 0)) throw new Error(`layerNorm: epsilon must be positive, got ${epsilon}`);
  const C = x.shape[x.rank - 1];
  for (const [name, t] of [['gamma', gamma], ['beta', beta]] as const) {
    if (!t) continue;
    checkTensor('layerNorm', t, name);
    checkDtype('layerNorm', t, ['float32'], name);
    if (t.rank !== 1 || t.shape[0] !== C) throw new Error(`layerNorm: ${name} must have shape [${C}] (x's last axis), got ${fmt(t.shape)}`);
  }
  return engine.tidy(() => {
    if (x.size > 0 && engine.backend?.kernels.layerNorm !== undefined) {
      const [y] = engine.runKernel('layerNorm', [reshape(x, [x.size / C, C]), gamma ?? full([C], 1), beta ?? full([C], 0)], { epsilon });
      return reshape(y, [...x.shape]);
    }
    const xc = sub(x, mean(x, -1, true));
    let y = div(xc, sqrt(add(mean(square(xc), -1, true), epsilon)));
    if (gamma) y = mul(y, gamma);
    if (beta) y = add(y, beta);
    return y;
  });
}

export interface RmsNormOptions {
  /** Added to the mean square (default 1e-6, as Keras' RMSNormalization). */
  epsilon?: number;
}

/** x / sqrt(mean(x², last axis) + epsilon), times `scale` (broadcast along the last axis) if given. */
export function rmsNorm(x: Tensor, scale?: Tensor | null, opts: RmsNormOptions = {}): Tensor {
  checkTensor('rmsNorm', x);
  checkDtype('rmsNorm', x, ['float32']);
  if (x.rank < 1) throw new Error('rmsNorm: x needs rank >= 1 (normalised over its last axis), got a scalar');
  const epsilon = opts.epsilon ?? 1e-6;
  if (typeof epsilon !== 'number' || !(epsilon > 0)) throw new Error(`rmsNorm: epsilon must be positive, got ${epsilon}`);
  if (scale) {
    checkTensor('rmsNorm', scale, 'scale');
    if (scale.rank > 1 || (scale.rank === 1 && scale.shape[0] !== x.shape[x.rank - 1] && scale.shape[0] !== 1)) {
      throw new Error(`rmsNorm: scale must have shape [${x.shape[x.rank - 1]}] (x's last axis), got ${fmt(scale.shape)}`);
    }
  }
  return engine.tidy(() => {
    const y = div(x, sqrt(add(mean(square(x), -1, true), epsilon)));
    return scale ? mul(y, scale) : y;
  });
}

/**
 * [length, dim] sine/cosine position encoding (Vaswani et al.): even features sin(p / w^(i/dim)),
 * odd ones cos, i the even index at or below the feature; rows start at position `offset`.
 */
export function sinusoidalEncoding(length: number, dim: number, opts: { maxWavelength?: number; offset?: number } = {}): Tensor {
  const { maxWavelength = 10000, offset = 0 } = opts;
  if (!Number.isInteger(dim) || dim <= 0) throw new Error(`sinusoidalEncoding: dim must be a positive integer, got ${dim}`);
  if (!Number.isInteger(length) || length < 0) throw new Error(`sinusoidalEncoding: length must be a non-negative integer, got ${length}`);
  if (!(maxWavelength > 0)) throw new Error(`sinusoidalEncoding: maxWavelength must be positive, got ${maxWavelength}`);
  const v = new Float32Array(length * dim);
  for (let p = 0; p < length; p++) {
    for (let i = 0; i < dim; i++) {
      const angle = (p + offset) / maxWavelength ** ((i - (i % 2)) / dim);
      v[p * dim + i] = i % 2 ? Math.cos(angle) : Math.sin(angle);
    }
  }
  return tensor(v, [length, dim]);
}
