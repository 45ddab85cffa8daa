// The reference backend: plain TypeScript loops, obviously correct, not fast. Every other backend
// is tested against it. With precision 'float64' it stores float32 tensors in Float64Array so
// gradient checks can run in double precision.
import type { Backend } from './backend.js';
import {
  type KernelAttrs, type KernelSet, type TensorInfo,
  UNARY, BINARY, UNARY_GRAD, family, sizeOf, stridesOf, broadcastStrides, padLayout, concatLayout, matmulDims, adamStepSize,
  sliceOffset, checkAllocation, MAX_BUFFER_BYTES, type Conv2dGeometry, type FusedActivation, convOutShape,
} from '../kernels.js';
import { type DType, type StorageArray, bytesOf, readValues, storageFor, toHalf, writeValues } from '../dtypes.js';

type Arr = StorageArray | Float64Array;
type Info = TensorInfo<Arr>;

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** erf to ~1e-15 (series for small |x|, continued fraction for large |x|). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf x = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
    let term = ax, sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  if (ax > 6) return x < 0 ? -1 : 1;
  // erfc via Lentz continued fraction: erfc x = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  let f = ax, c = ax, d = 0;
  for (let n = 1; n < 200; n++) {
    const an = n / 2;
    d = ax + an * d; d = 1 / d;
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return x < 0 ? erfc - 1 : 1 - erfc;
}

const unaryFns: Record<(typeof UNARY)[number], (x: number, a: any) => number> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  square: (x) => x * x,
  abs: Math.abs,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN),
  reciprocal: (x) => 1 / x,
  relu: (x) => (x > 0 ? x : Number.isNaN(x) ? NaN : 0),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  gelu: (x) => 0.5 * x * (1 + erf(x * SQRT1_2)),
  leakyRelu: (x, a: KernelAttrs['leakyRelu']) => (x > 0 ? x : a.alpha * x),
  clip: (x, a: KernelAttrs['clip']) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, a.min), a.max)),
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfEven,
  sin: Math.sin,
  cos: Math.cos,
};

/** Nearest integer, ties to even (Math.round sends ties up); keeps -0, ±Infinity and NaN. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const binaryFns: Record<(typeof BINARY)[number], (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  greater: (a, b) => +(a > b),
  greaterEqual: (a, b) => +(a >= b),
  less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b),
  equal: (a, b) => +(a === b),
  notEqual: (a, b) => +(a !== b),
};

// NOTE: int32 wraps as two's complement, as the wasm and WGSL integers do. A double holds sums and
// differences of two int32 exactly (the Int32Array store then wraps them), but not products past
// 2^53, so mul and square take the low 32 bits with Math.imul.
const int32Unary: Partial<Record<(typeof UNARY)[number], (x: number) => number>> = { square: (x) => Math.imul(x, x) };
const int32Binary: Partial<Record<(typeof BINARY)[number], (a: number, b: number) => number>> = { mul: Math.imul };

const gradFns: Record<(typeof UNARY_GRAD)[number], (dy: number, v: number, a: any) => number> = {
  reluGrad: (dy: number, x: number) => (x > 0 ? dy : 0),
  leakyReluGrad: (dy: number, x: number, a: KernelAttrs['leakyReluGrad']) => (x > 0 ? dy : a.alpha * dy),
  sigmoidGrad: (dy: number, y: number) => dy * y * (1 - y),
  tanhGrad: (dy: number, y: number) => dy * (1 - y * y),
  geluGrad: (dy: number, x: number) => dy * (0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x)),
  clipGrad: (dy: number, x: number, a: KernelAttrs['clipGrad']) => (x >= a.min && x <= a.max ? dy : 0),
};

/** Calls fn(outIndex, srcOffset) for every element of `shape` walking `strides` (row-major order). */
function walk(shape: readonly number[], strides: readonly number[], fn: (i: number, off: number) => void): void {
  const n = sizeOf(shape);
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    fn(i, off);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** The kernels the js backend does not implement (none: it is the reference). */
export const JS_UNSUPPORTED: readonly never[] = [];

/** The buffer's values as numbers (float16 widened), without a copy where they already are. */
const values = (x: Info): ArrayLike<number> => (x.dtype === 'float16' ? readValues(x.buf as StorageArray, 'float16', 0, x.buf.length) : x.buf);

/**
 * Attention's rows one at a time (see KernelAttrs.attention): for row i of batch b, `row` gets the
 * allowed keys' scores (NaN where masked) and lse (-Infinity when no key is allowed).
 */
function attentionRows(q: Info, k: Info, mask: Info | undefined, { scale, causal }: KernelAttrs['attention'],
  row: (b: number, i: number, s: Float64Array, lse: number) => void): void {
  const [B, Tq, D] = q.shape, Tk = k.shape[1];
  const mStride = mask && mask.shape[0] !== 1 ? Tq * Tk : 0;
  const s = new Float64Array(Tk);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < Tq; i++) {
      let m = -Infinity;
      for (let j = 0; j < Tk; j++) {
        const allowed = (!causal || j <= i + Tk - Tq) && (!mask || mask.buf[b * mStride + i * Tk + j] !== 0);
        if (!allowed) { s[j] = NaN; continue; }
        let dot = 0;
        for (let d = 0; d < D; d++) dot += q.buf[(b * Tq + i) * D + d] * k.buf[(b * Tk + j) * D + d];
        s[j] = scale * dot;
        if (s[j] > m) m = s[j];
      }
      let l = 0;
      for (let j = 0; j < Tk; j++) if (!Number.isNaN(s[j])) l += Math.exp(s[j] - m);
      row(b, i, s, l > 0 ? m + Math.log(l) : -Infinity);
    }
  }
}

/** act(op(a) op(b) + bias) on [B, M, N] (bias: N values or undefined; act undefined for linear). */
function gemm(a: Info, b: Info, o: Info, transposeA: boolean, transposeB: boolean, bias?: Info, act?: (x: number, a: object) => number): void {
  const { B, M, N, K, strideA, strideB, lda, ldb } = matmulDims(a.shape, b.shape, transposeA, transposeB);
  for (let p = 0; p < B; p++) {
    const ao = p * strideA, bo = p * strideB;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let q = 0; q < K; q++) {
          const av = a.buf[ao + (transposeA ? q * lda + i : i * lda + q)];
          const bv = b.buf[bo + (transposeB ? j * ldb + q : q * ldb + j)];
          s += av * bv;
        }
        const at = (p * M + i) * N + j;
        // NOTE: stored first, so the epilogue sees the product rounded to the output's precision.
        o.buf[at] = s;
        if (bias) o.buf[at] += bias.buf[j];
        if (act) o.buf[at] = act(o.buf[at], {});
      }
    }
  }
}

// ---- int8: the reference of qpack / qmatmul (src/kernels.ts) --------------------------------------

/** The byte of int8 weight (k, col) in qpack's form for a K4-deep packing. */
const packedAt = (k4: number, k: number, col: number) => (col >> 3) * k4 * 8 + (k >> 2) * 32 + (col & 7) * 4 + (k & 3);

function qpack(w: Info, o: Info, K: number, N: number): void {
  const k4 = Math.ceil(K / 4) * 4, n8 = Math.ceil(N / 8) * 8;
  const out = o.buf as Int8Array;
  out.fill(0);
  const sums = new DataView(out.buffer, out.byteOffset + n8 * k4, n8 * 4);
  for (let col = 0; col < N; col++) {
    let s = 0;
    for (let k = 0; k < K; k++) {
      const v = w.buf[k * N + col];
      out[packedAt(k4, k, col)] = v;
      s += v;
    }
    sums.setInt32(col * 4, s, true);
  }
}

/** x [N, H, W, C] -> the patches [N OH OW, KH KW C] (KernelAttrs.im2col). */
function im2col(x: Info, o: Info, a: KernelAttrs['im2col']): void {
  const [N, H, W, C] = x.shape, [kh, kw] = a.kernelSize;
  const [, oh, ow] = convOutShape(x.shape, kh, kw, a);
  const [sh, sw] = a.strides, [dh, dw] = a.dilations, pt = a.pads[0], pl = a.pads[2];
  let at = 0;
  for (let n = 0; n < N; n++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) {
      const ih = i * sh - pt + u * dh, iw = j * sw - pl + v * dw;
      const inside = ih >= 0 && ih < H && iw >= 0 && iw < W;
      for (let c = 0; c < C; c++, at++) o.buf[at] = inside ? x.buf[((n * H + ih) * W + iw) * C + c] : 0;
    }
  }
}

/** Rounds half to even, as f32x4.nearest. */
function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Activation levels of the reference (wasm's simd path alike; its relaxed path uses 63). */
export const JS_INT8_LEVELS = 127;

function qmatmul(x: Info, wp: Info, cs: Info, bias: Info | undefined, o: Info, inputRange: number, act?: (x: number, a: object) => number): void {
  const [M, K] = x.shape, N = cs.shape[0];
  const k4 = Math.ceil(K / 4) * 4, L = JS_INT8_LEVELS;
  const q = new Int32Array(K);
  for (let i = 0; i < M; i++) {
    let m = Math.fround(inputRange);
    if (!(m > 0)) {
      m = 0;
      for (let k = 0; k < K; k++) m = Math.max(m, Math.abs(x.buf[i * K + k]));
      m = Math.fround(m);
    }
    const inv = m > 0 ? Math.fround(L / m) : 0, scale = m > 0 ? Math.fround(m / L) : 0;
    for (let k = 0; k < K; k++) {
      const t = roundEven(Math.fround(x.buf[i * K + k] * inv));
      q[k] = Number.isNaN(t) ? 0 : Math.min(Math.max(t, -L), L);
    }
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += q[k] * wp.buf[packedAt(k4, k, j)];
      let v = Math.fround(Math.fround(Math.fround(s) * scale) * cs.buf[j]);
      if (bias) v = Math.fround(v + bias.buf[j]);
      o.buf[i * N + j] = act ? act(v, {}) : v;
    }
  }
}

// ---- conv: direct loops over NHWC (see Conv2dGeometry); sums in doubles, stored once ----------

/**
 * conv2d: out[n, oh, ow, o] = act(sum over (kh, kw, ci) of x[n, ih, iw, g·Cg + ci] · w[kh, kw, ci, o]
 * + bias[o]), ih = oh·sh - top + kh·dh (likewise iw), positions outside x skipped.
 */
function conv2d(x: Info, w: Info, bias: Info | undefined, o: Info, a: Conv2dGeometry & { groups: number; activation: FusedActivation }): void {
  const [N, H, W, C] = x.shape, [KH, KW, Cg, O] = w.shape, [, OH, OW] = o.shape;
  const [sh, sw] = a.strides, [dh, dw] = a.dilations, [pt, , pl] = a.pads;
  const Og = O / a.groups;
  const act = a.activation === 'linear' ? undefined : unaryFns[a.activation];
  let at = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let oc = 0; oc < O; oc++, at++) {
          const c0 = Math.floor(oc / Og) * Cg;
          let s = 0;
          for (let kh = 0; kh < KH; kh++) {
            const ih = oh * sh - pt + kh * dh;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < KW; kw++) {
              const iw = ow * sw - pl + kw * dw;
              if (iw < 0 || iw >= W) continue;
              const xo = ((n * H + ih) * W + iw) * C + c0, wo = (kh * KW + kw) * Cg * O + oc;
              for (let ci = 0; ci < Cg; ci++) s += x.buf[xo + ci] * w.buf[wo + ci * O];
            }
          }
          // NOTE: stored first, so the epilogue sees the sum rounded to the output's precision (as gemm).
          o.buf[at] = s;
          if (bias) o.buf[at] += bias.buf[oc];
          if (act) o.buf[at] = act(o.buf[at], {});
        }
      }
    }
  }
}

/**
 * conv2dBackpropInput, gathered per dx element: the (oh, kh) pairs with oh·sh - top + kh·dh = ih
 * (likewise along w), summed over the output channels of the element's group.
 */
function conv2dBackpropInput(dy: Info, w: Info, dx: Info, a: Conv2dGeometry & { groups: number }): void {
  const [N, H, W, C] = dx.shape, [KH, KW, Cg, O] = w.shape, [, OH, OW] = dy.shape;
  const [sh, sw] = a.strides, [dh, dw] = a.dilations, [pt, , pl] = a.pads;
  const Og = O / a.groups;
  let at = 0;
  for (let n = 0; n < N; n++) {
    for (let ih = 0; ih < H; ih++) {
      for (let iw = 0; iw < W; iw++) {
        for (let c = 0; c < C; c++, at++) {
          const g = Math.floor(c / Cg), ci = c - g * Cg, o0 = g * Og;
          let s = 0;
          for (let kh = 0; kh < KH; kh++) {
            const th = ih + pt - kh * dh;
            if (th < 0 || th % sh !== 0 || th / sh >= OH) continue;
            const oh = th / sh;
            for (let kw = 0; kw < KW; kw++) {
              const tw = iw + pl - kw * dw;
              if (tw < 0 || tw % sw !== 0 || tw / sw >= OW) continue;
              const yo = ((n * OH + oh) * OW + tw / sw) * O + o0, wo = ((kh * KW + kw) * Cg + ci) * O + o0;
              for (let k = 0; k < Og; k++) s += dy.buf[yo + k] * w.buf[wo + k];
            }
          }
          dx.buf[at] = s;
        }
      }
    }
  }
}

/** conv2dBackpropFilter: dw[kh, kw, ci, o] = sum over (n, oh, ow) of x[n, ih, iw, g·Cg + ci] · dy[n, oh, ow, o]. */
function conv2dBackpropFilter(x: Info, dy: Info, dwt: Info, a: Conv2dGeometry & { groups: number }): void {
  const [N, H, W, C] = x.shape, [KH, KW, Cg, O] = dwt.shape, [, OH, OW] = dy.shape;
  const [sh, sw] = a.strides, [dh, dw] = a.dilations, [pt, , pl] = a.pads;
  const Og = O / a.groups;
  let at = 0;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      for (let ci = 0; ci < Cg; ci++) {
        for (let oc = 0; oc < O; oc++, at++) {
          const c = Math.floor(oc / Og) * Cg + ci;
          let s = 0;
          for (let n = 0; n < N; n++) {
            for (let oh = 0; oh < OH; oh++) {
              const ih = oh * sh - pt + kh * dh;
              if (ih < 0 || ih >= H) continue;
              for (let ow = 0; ow < OW; ow++) {
                const iw = ow * sw - pl + kw * dw;
                if (iw < 0 || iw >= W) continue;
                s += x.buf[((n * H + ih) * W + iw) * C + c] * dy.buf[((n * OH + oh) * OW + ow) * O + oc];
              }
            }
          }
          dwt.buf[at] = s;
        }
      }
    }
  }
}

/**
 * Calls fn(outIndex, positions, c) for every pooling window of x [N, H, W, C] and channel c, with
 * the output [N, OH, OW, C]; `positions + c` are the element offsets of the window's positions
 * inside x, in row-major window order.
 */
function windows(x: readonly number[], out: readonly number[], a: KernelAttrs['maxPool2d'], fn: (at: number, positions: number[], c: number) => void): void {
  const [N, H, W, C] = x, [, OH, OW] = out;
  const [KH, KW] = a.poolSize, [sh, sw] = a.strides, [dh, dw] = a.dilations, [pt, , pl] = a.pads;
  const positions: number[] = [];
  let at = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        positions.length = 0;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh - pt + kh * dh;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw - pl + kw * dw;
            if (iw >= 0 && iw < W) positions.push(((n * H + ih) * W + iw) * C);
          }
        }
        for (let c = 0; c < C; c++, at++) fn(at, positions, c);
      }
    }
  }
}

/** maxPool2d: each window's max (argmaxAt's pick), -Infinity for a window wholly in the padding. */
function maxPool2d(x: Info, o: Info, a: KernelAttrs['maxPool2d']): void {
  windows(x.shape, o.shape, a, (at, ps, c) => {
    const p = argmaxAt(x.buf, ps, c);
    o.buf[at] = p < 0 ? -Infinity : x.buf[p];
  });
}

/** The offset of the window's max (NaN wins; the first on ties), or -1 for a window wholly in padding. */
function argmaxAt(x: Arr, positions: number[], c: number): number {
  let best = -1, m = -Infinity;
  for (const q of positions) {
    const p = q + c, v = x[p];
    if (best < 0 || v > m || (Number.isNaN(v) && !Number.isNaN(m))) { best = p; m = v; }
  }
  return best;
}

export function createJsBackend(opts: { precision?: 'float32' | 'float64' } = {}): Backend<Arr> {
  const f64 = opts.precision === 'float64';
  let bytes = 0;
  const elementBytes = (dtype: DType): number => (dtype === 'float32' && f64 ? 8 : bytesOf(dtype));
  const alloc = (dtype: DType, size: number): Arr => {
    checkAllocation('js', dtype, size, elementBytes(dtype), MAX_BUFFER_BYTES);
    const a = dtype === 'float32' && f64 ? new Float64Array(size) : storageFor(dtype, size);
    bytes += a.byteLength;
    return a;
  };

  /** reduce over [outer, R, inner] into o [outer, inner]. */
  const reduce = (init: number, step: (acc: number, v: number, r: number, best: number) => [number, number], arg: boolean) =>
    ([x]: readonly Info[], [o]: readonly Info[]): void => {
      const [outer, R, inner] = x.shape;
      for (let i = 0; i < outer; i++) {
        for (let j = 0; j < inner; j++) {
          let acc = init, best = 0;
          for (let r = 0; r < R; r++) [acc, best] = step(acc, x.buf[(i * R + r) * inner + j], r, best);
          o.buf[i * inner + j] = arg ? best : acc;
        }
      }
    };
  const sumF = reduce(0, (acc, v) => [acc + v, 0], false);
  // NOTE: int32 sums wrap at every step: a double running sum would drop low bits past 2^53.
  const sumI = reduce(0, (acc, v) => [(acc + v) | 0, 0], false);

  /**
   * Stable log-sum-exp of row r of a [rows, C] buffer, with the row max m (NaN wins). Plain IEEE
   * arithmetic gives the edge semantics of kernels.ts: m = -Infinity (all -Infinity) or +Infinity
   * makes x - m NaN somewhere, so the whole row is NaN.
   */
  const rowLse = (x: Arr, r: number, C: number): [number, number] => {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, x[r * C + c]);
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(x[r * C + c] - m);
    return [m, Math.log(s)];
  };

  const decay = (p: Arr, d: number) => { if (d !== 0) for (let i = 0; i < p.length; i++) p[i] -= p[i] * d; };

  const kernels = {
    ...family(UNARY, (op) => ([x]: readonly Info[], [o]: readonly Info[], attrs: object) => {
      const f = (x.dtype === 'int32' && int32Unary[op]) || unaryFns[op];
      const a = x.buf, b = o.buf;
      for (let i = 0; i < a.length; i++) b[i] = f(a[i], attrs);
    }),

    ...family(BINARY, (op) => ([a, b]: readonly Info[], [o]: readonly Info[]) => {
      const f = (a.dtype === 'int32' && int32Binary[op]) || binaryFns[op];
      const ob = o.buf, ab = a.buf, bb = b.buf;
      if (ab.length === ob.length && bb.length === ob.length) {
        // Same shapes: a plain loop (the general walk below gives the same result, slowly).
        for (let i = 0; i < ob.length; i++) ob[i] = f(ab[i], bb[i]);
        return;
      }
      const aOff = new Array<number>(ob.length);
      walk(o.shape, broadcastStrides(a.shape), (i, off) => { aOff[i] = off; });
      walk(o.shape, broadcastStrides(b.shape), (i, off) => { ob[i] = f(ab[aOff[i]], bb[off]); });
    }),

    ...family(UNARY_GRAD, (op) => ([dy, v]: readonly Info[], [o]: readonly Info[], attrs: object) => {
      const f = gradFns[op] as (a: number, b: number, c: object) => number;
      for (let i = 0; i < o.buf.length; i++) o.buf[i] = f(dy.buf[i], v.buf[i], attrs);
    }),

    sum: (inputs, outputs) => (inputs[0].dtype === 'int32' ? sumI : sumF)(inputs, outputs),
    // NOTE: NaN wins in max/min so a NaN in the input is never hidden.
    max: reduce(-Infinity, (acc, v) => [Number.isNaN(v) || v > acc ? v : acc, 0], false),
    min: reduce(Infinity, (acc, v) => [Number.isNaN(v) || v < acc ? v : acc, 0], false),
    argmax: reduce(-Infinity, (acc, v, r, best) => (v > acc || (Number.isNaN(v) && !Number.isNaN(acc)) ? [v, r] : [acc, best]), true),
    argmin: reduce(Infinity, (acc, v, r, best) => (v < acc || (Number.isNaN(v) && !Number.isNaN(acc)) ? [v, r] : [acc, best]), true),

    softmax: ([x], [o]) => {
      const [rows, C] = x.shape;
      for (let r = 0; r < rows; r++) {
        const [m, l] = rowLse(x.buf, r, C);
        for (let c = 0; c < C; c++) o.buf[r * C + c] = Math.exp(x.buf[r * C + c] - m - l);
      }
    },
    logSoftmax: ([x], [o]) => {
      const [rows, C] = x.shape;
      for (let r = 0; r < rows; r++) {
        const [m, l] = rowLse(x.buf, r, C);
        for (let c = 0; c < C; c++) o.buf[r * C + c] = x.buf[r * C + c] - m - l;
      }
    },
    softmaxCrossEntropy: ([logits, labels], [o]) => {
      const [rows, C] = logits.shape;
      for (let r = 0; r < rows; r++) {
        const [m, l] = rowLse(logits.buf, r, C);
        let s = 0;
        for (let c = 0; c < C; c++) {
          const y = labels.buf[r * C + c];
          if (y !== 0) s -= y * (logits.buf[r * C + c] - m - l);
        }
        o.buf[r] = s;
      }
    },
    sparseSoftmaxCrossEntropy: ([logits, labels], [o]) => {
      const [rows, C] = logits.shape;
      for (let r = 0; r < rows; r++) {
        const [m, l] = rowLse(logits.buf, r, C);
        const y = labels.buf[r];
        o.buf[r] = y >= 0 && y < C ? -(logits.buf[r * C + y] - m - l) : NaN;
      }
    },

    matmul: ([a, b], [o], { transposeA, transposeB }) => gemm(a, b, o, transposeA, transposeB),
    fusedMatmul: ([a, b, bias], [o], { transposeA, transposeB, activation }) =>
      gemm(a, b, o, transposeA, transposeB, bias, activation === 'linear' ? undefined : unaryFns[activation]),

    transpose: ([x], [o], { perm }) => {
      const xs = stridesOf(x.shape);
      walk(o.shape, perm.map((p) => xs[p]), (i, off) => { o.buf[i] = x.buf[off]; });
    },
    slice: ([x], [o], { begin, size }) => {
      const base = sliceOffset(x.shape, begin);
      walk(size, stridesOf(x.shape), (i, off) => { o.buf[i] = x.buf[base + off]; });
    },
    pad: ([x], [o], { before, after }) => {
      const { strides, offset } = padLayout(x.shape, before, after);
      walk(x.shape, strides, (i, off) => { o.buf[offset + off] = x.buf[i]; });
    },
    concat: (xs, [o], { axis }) => {
      const { strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
      xs.forEach((x, n) => walk(x.shape, strides, (i, off) => { o.buf[offsets[n] + off] = x.buf[i]; }));
    },
    gather: ([x, idx], [o]) => {
      const [outer, N, inner] = x.shape;
      const M = idx.shape[0];
      for (let i = 0; i < outer; i++)
        for (let m = 0; m < M; m++)
          for (let j = 0; j < inner; j++) o.buf[(i * M + m) * inner + j] = x.buf[(i * N + idx.buf[m]) * inner + j];
    },
    scatterAdd: ([dy, idx], [o], { n }) => {
      const [outer, M, inner] = dy.shape;
      for (let i = 0; i < outer; i++)
        for (let m = 0; m < M; m++)
          for (let j = 0; j < inner; j++) o.buf[(i * n + idx.buf[m]) * inner + j] += dy.buf[(i * M + m) * inner + j];
    },
    oneHot: ([idx], [o], { depth }) => {
      const n = idx.shape[0];
      for (let i = 0; i < n; i++) {
        const c = idx.buf[i];
        if (c >= 0 && c < depth) o.buf[i * depth + c] = 1;
      }
    },
    cast: ([x], [o], { dtype }) => {
      if (x.dtype === dtype) { o.buf.set(x.buf); return; }
      const v = values(x);
      if (dtype === 'float16') { for (let i = 0; i < v.length; i++) o.buf[i] = toHalf(v[i]); return; }
      // NOTE: to an integer type: truncation toward zero, then the typed array's wrap (NaN gives 0).
      if (dtype === 'float32') o.buf.set(v);
      else for (let i = 0; i < v.length; i++) o.buf[i] = Math.trunc(v[i]);
    },
    fill: (_, [o], { dtype, value }) => { o.buf.fill(dtype === 'float16' ? toHalf(value) : value); },

    // ---- optimizer updates, in place: [param, ...slots, grad] (see kernels.ts) ----------------
    sgdUpdate: (ts, _, { lr, momentum, nesterov, weightDecay }) => {
      const p = ts[0].buf, g = ts[ts.length - 1].buf;
      decay(p, lr * weightDecay);
      if (momentum === 0) {
        for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
      } else {
        const v = ts[1].buf;
        for (let i = 0; i < p.length; i++) {
          v[i] = momentum * v[i] - lr * g[i];
          p[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
        }
      }
    },
    adamUpdate: ([{ buf: p }, { buf: m }, { buf: v }, { buf: g }], _, attrs) => {
      const { lr, beta1, beta2, epsilon, weightDecay } = attrs;
      decay(p, lr * weightDecay);
      const alpha = adamStepSize(attrs);
      for (let i = 0; i < p.length; i++) {
        m[i] += (g[i] - m[i]) * (1 - beta1);
        v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
        p[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + epsilon);
      }
    },
    rmspropUpdate: (ts, _, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
      const p = ts[0].buf, ms = ts[1].buf, g = ts[ts.length - 1].buf;
      const mom = momentum > 0 ? ts[2].buf : null, mg = centered ? ts[momentum > 0 ? 3 : 2].buf : null;
      decay(p, lr * weightDecay);
      for (let i = 0; i < p.length; i++) {
        ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
        let den = ms[i] + epsilon;
        if (mg) {
          mg[i] = rho * mg[i] + (1 - rho) * g[i];
          den = ms[i] - mg[i] * mg[i] + epsilon;
        }
        const inc = (lr * g[i]) / Math.sqrt(den);
        if (mom) {
          mom[i] = momentum * mom[i] + inc;
          p[i] -= mom[i];
        } else {
          p[i] -= inc;
        }
      }
    },
    adagradUpdate: ([{ buf: p }, { buf: a }, { buf: g }], _, { lr, epsilon, weightDecay }) => {
      decay(p, lr * weightDecay);
      for (let i = 0; i < p.length; i++) {
        a[i] += g[i] * g[i];
        p[i] -= (lr * g[i]) / Math.sqrt(a[i] + epsilon);
      }
    },
    // ---- attention (attentionRows above)
    attention: ([q, k, v, mask], [o, lse], attrs) => {
      const [, Tq] = q.shape, [, Tk, Dv] = v.shape;
      attentionRows(q, k, mask, attrs, (b, i, s, l) => {
        lse.buf[b * Tq + i] = l;
        for (let c = 0; c < Dv; c++) {
          let acc = 0;
          for (let j = 0; j < Tk; j++) {
            const p = l === -Infinity ? 1 / Tk : Number.isNaN(s[j]) ? 0 : Math.exp(s[j] - l);
            acc += p * v.buf[(b * Tk + j) * Dv + c];
          }
          o.buf[(b * Tq + i) * Dv + c] = acc;
        }
      });
    },
    attentionGrad: ([q, k, v, out, lse, dy, mask], [dq, dk, dv], attrs) => {
      const [, Tq, D] = q.shape, [, Tk, Dv] = v.shape;
      attentionRows(q, k, mask, attrs, (b, i, s) => {
        // NOTE: the forward's lse, not this pass's, so the gradient is that of what the forward gave
        const l = lse.buf[b * Tq + i];
        const yo = (b * Tq + i) * Dv;
        let di = 0;
        for (let c = 0; c < Dv; c++) di += dy.buf[yo + c] * out.buf[yo + c];
        for (let j = 0; j < Tk; j++) {
          const masked = Number.isNaN(s[j]);
          const p = l === -Infinity ? 1 / Tk : masked ? 0 : Math.exp(s[j] - l);
          if (p === 0) continue;
          let dp = 0;
          for (let c = 0; c < Dv; c++) {
            dv.buf[(b * Tk + j) * Dv + c] += p * dy.buf[yo + c];
            dp += dy.buf[yo + c] * v.buf[(b * Tk + j) * Dv + c];
          }
          if (masked || l === -Infinity) continue;
          const ds = attrs.scale * p * (dp - di);
          for (let d = 0; d < D; d++) {
            dq.buf[(b * Tq + i) * D + d] += ds * k.buf[(b * Tk + j) * D + d];
            dk.buf[(b * Tk + j) * D + d] += ds * q.buf[(b * Tq + i) * D + d];
          }
        }
      });
    },
    layerNorm: ([x, g, b], [y, mean, rstd], { epsilon }) => {
      const [rows, C] = x.shape;
      for (let r = 0; r < rows; r++) {
        let m = 0, v = 0;
        for (let c = 0; c < C; c++) m += x.buf[r * C + c];
        m /= C;
        for (let c = 0; c < C; c++) v += (x.buf[r * C + c] - m) ** 2;
        const rs = 1 / Math.sqrt(v / C + epsilon);
        mean.buf[r] = m;
        rstd.buf[r] = rs;
        for (let c = 0; c < C; c++) y.buf[r * C + c] = (x.buf[r * C + c] - m) * rs * g.buf[c] + b.buf[c];
      }
    },
    layerNormGrad: ([x, g, mean, rstd, dy], [dx, dg, db]) => {
      const [rows, C] = x.shape;
      for (let r = 0; r < rows; r++) {
        const m = mean.buf[r], rs = rstd.buf[r];
        let s1 = 0, s2 = 0;
        for (let c = 0; c < C; c++) {
          const i = r * C + c, xh = (x.buf[i] - m) * rs, gy = dy.buf[i] * g.buf[c];
          s1 += gy;
          s2 += gy * xh;
          dg.buf[c] += dy.buf[i] * xh;
          db.buf[c] += dy.buf[i];
        }
        for (let c = 0; c < C; c++) {
          const i = r * C + c, xh = (x.buf[i] - m) * rs;
          dx.buf[i] = rs * (dy.buf[i] * g.buf[c] - s1 / C - xh * (s2 / C));
        }
      }
    },
    // ---- batch normalization, training mode: per channel over the rows, two passes (mean, then the centred squares)
    batchNormTrain: ([x, g, b], [y, mean, variance], { epsilon }) => {
      const [rows, C] = x.shape;
      if (rows === 0) { mean.buf.fill(NaN); variance.buf.fill(NaN); return; }
      for (let c = 0; c < C; c++) {
        let m = 0, v = 0;
        for (let r = 0; r < rows; r++) m += x.buf[r * C + c];
        m /= rows;
        for (let r = 0; r < rows; r++) v += (x.buf[r * C + c] - m) ** 2;
        v /= rows;
        mean.buf[c] = m;
        variance.buf[c] = v;
        const k = g.buf[c] / Math.sqrt(v + epsilon);
        for (let r = 0; r < rows; r++) y.buf[r * C + c] = (x.buf[r * C + c] - m) * k + b.buf[c];
      }
    },
    batchNormTrainGrad: ([x, g, mean, variance, dy, dmean, dvar], [dx, dg, db], { epsilon }) => {
      const [rows, C] = x.shape;
      for (let c = 0; c < C; c++) {
        const m = mean.buf[c], rs = 1 / Math.sqrt(variance.buf[c] + epsilon);
        let s1 = 0, s2 = 0;
        for (let r = 0; r < rows; r++) {
          const i = r * C + c;
          s1 += dy.buf[i];
          s2 += dy.buf[i] * (x.buf[i] - m) * rs;
        }
        db.buf[c] = s1;
        dg.buf[c] = s2;
        const k = g.buf[c] * rs, dm = dmean.buf[c] / rows, dv = (2 * dvar.buf[c]) / rows;
        for (let r = 0; r < rows; r++) {
          const i = r * C + c, xc = x.buf[i] - m;
          dx.buf[i] = k * (dy.buf[i] - s1 / rows - xc * rs * (s2 / rows)) + dm + dv * xc;
        }
      }
    },
    // ---- conv (functions above)
    conv2d: ([x, w, bias], [o], attrs) => conv2d(x, w, bias, o, attrs),
    conv2dBackpropInput: ([dy, w], [dx], attrs) => conv2dBackpropInput(dy, w, dx, attrs),
    conv2dBackpropFilter: ([x, dy], [dw], attrs) => conv2dBackpropFilter(x, dy, dw, attrs),
    maxPool2d: ([x], [o], attrs) => maxPool2d(x, o, attrs),
    conv2dMaxPool: ([x, w, bias], [o], attrs) => {
      // The pair as written: conv2d into a buffer of its own (the output's kind of array), then maxPool2d.
      const shape = [...convOutShape(x.shape, w.shape[0], w.shape[1], attrs), w.shape[3]];
      const y: Info = { shape, dtype: 'float32', buf: new (o.buf.constructor as new (n: number) => Arr)(sizeOf(shape)) };
      conv2d(x, w, bias, y, attrs);
      maxPool2d(y, o, attrs.pool);
    },
    maxPool2dGrad: ([x, dy], [dx], attrs) => windows(x.shape, dy.shape, attrs, (at, ps, c) => {
      const p = argmaxAt(x.buf, ps, c);
      if (p >= 0) dx.buf[p] += dy.buf[at];
    }),
    avgPool2d: ([x], [o], attrs) => windows(x.shape, o.shape, attrs, (at, ps, c) => {
      let s = 0;
      for (const p of ps) s += x.buf[p + c];
      o.buf[at] = s / ps.length;
    }),
    qpack: ([w], [o], { k, n }) => qpack(w, o, k, n),
    qconv2d: ([x, wp, cs, bias], [o], a) => {
      const [kh, kw] = a.kernelSize, [n, oh, ow] = convOutShape(x.shape, kh, kw, a);
      const cols = { shape: [n * oh * ow, kh * kw * x.shape[3]], dtype: 'float32' as const, buf: new Float64Array(n * oh * ow * kh * kw * x.shape[3]) };
      im2col(x, cols, a);
      qmatmul(cols, wp, cs, bias, o, a.inputRange, a.activation === 'linear' ? undefined : unaryFns[a.activation]);
    },
    im2col: ([x], [o], a) => im2col(x, o, a),
    qmatmul: ([x, wp, cs, bias], [o], { activation, inputRange }) =>
      qmatmul(x, wp, cs, bias, o, inputRange, activation === 'linear' ? undefined : unaryFns[activation]),
    avgPool2dGrad: ([dy], [dx], attrs) => windows(dx.shape, dy.shape, attrs, (at, ps, c) => {
      const g = dy.buf[at] / ps.length;
      for (const p of ps) dx.buf[p + c] += g;
    }),
  } satisfies KernelSet<Arr, (typeof JS_UNSUPPORTED)[number]>;

  return {
    name: 'js',
    info: { precision: f64 ? 'float64' : 'float32' },
    kernels,
    alloc,
    write(buf, vals, dtype) { writeValues(buf as StorageArray, dtype === 'float32' && f64 ? 'float32' : dtype, vals); },
    elementBytes,
    // NOTE: in float64 precision this returns a Float64Array although the type says TypedArray.
    read(buf, dtype, size) { return readValues(buf as StorageArray, dtype, 0, size); },
    async readAsync(buf, dtype, size) { return readValues(buf as StorageArray, dtype, 0, size); },
    free(buf) { bytes -= buf.byteLength; },
    memory() { return { bytes }; },
  };
}
