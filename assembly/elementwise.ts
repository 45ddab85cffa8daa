// Elementwise kernels: unary math and activations, their backward forms, and broadcasting binary ops.
import { splat, vexp, vlog, vtanh, vsigmoid, vgelu, vgeluDeriv } from './math';
import { P_SHAPE, P_STRIDE_A, P_STRIDE_B, pget, ndRows, ndStep, lo32, hi32 } from './layout';

// ---- templates ----------------------------------------------------------------------------

/** out[i] = op(x[i]); attributes arrive pre-splatted: pa, pb as f32x4 and pd = a as f64x2. */
function unary<Op, T>(x: usize, out: usize, n: i32, a: f64, b: f64): void {
  const op = changetype<Op>(0);
  const pa = f32x4.splat(<f32>a), pb = f32x4.splat(<f32>b), pd = f64x2.splat(a);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(out + p, op.v(v128.load(x + p), pa, pb, pd));
  }
  // NOTE: the tail runs the vector code on a splat so that every element gets the same numerics.
  for (; i < n; i++) {
    const p = <usize>i << 2;
    store<T>(out + p, v128.extract_lane<T>(op.v(v128.splat<T>(load<T>(x + p)), pa, pb, pd), 0));
  }
}

/** out[i] = op(dy[i], v[i]) for the backward elementwise kernels (all float32). */
function grad<Op>(dy: usize, v: usize, out: usize, n: i32, a: f64, b: f64): void {
  const op = changetype<Op>(0);
  const pa = f32x4.splat(<f32>a), pb = f32x4.splat(<f32>b), pd = f64x2.splat(a);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(out + p, op.v(v128.load(dy + p), v128.load(v + p), pa, pb, pd));
  }
  for (; i < n; i++) {
    const p = <usize>i << 2;
    const r = op.v(f32x4.splat(load<f32>(dy + p)), f32x4.splat(load<f32>(v + p)), pa, pb, pd);
    store<f32>(out + p, f32x4.extract_lane(r, 0));
  }
}

/**
 * unary<Op, f32> and grad<Op> for ops whose one vector is a long dependency chain (gelu): two independent
 * vectors a turn let the CPU overlap two chains (1.4x gelu's speed, 1.5x geluGrad's). The tail (< 8
 * elements) runs one element at a time, so that the op's code is inlined three times, not four.
 */
function unaryPair<Op>(x: usize, out: usize, n: i32): void {
  const op = changetype<Op>(0);
  const z = f32x4.splat(0), zd = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = <usize>i << 2;
    const y0 = op.v(v128.load(x + p), z, z, zd), y1 = op.v(v128.load(x + p, 16), z, z, zd);
    v128.store(out + p, y0);
    v128.store(out + p, y1, 16);
  }
  for (; i < n; i++) {
    const p = <usize>i << 2;
    store<f32>(out + p, f32x4.extract_lane(op.v(f32x4.splat(load<f32>(x + p)), z, z, zd), 0));
  }
}

function gradPair<Op>(dy: usize, v: usize, out: usize, n: i32): void {
  const op = changetype<Op>(0);
  const z = f32x4.splat(0), zd = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = <usize>i << 2;
    const r0 = op.v(v128.load(dy + p), v128.load(v + p), z, z, zd);
    const r1 = op.v(v128.load(dy + p, 16), v128.load(v + p, 16), z, z, zd);
    v128.store(out + p, r0);
    v128.store(out + p, r1, 16);
  }
  for (; i < n; i++) {
    const p = <usize>i << 2;
    const r = op.v(f32x4.splat(load<f32>(dy + p)), f32x4.splat(load<f32>(v + p)), z, z, zd);
    store<f32>(out + p, f32x4.extract_lane(r, 0));
  }
}

/** One output row of a broadcast binary op; sa and sb are the inputs' element strides (0 or 1). */
@inline function binaryRow<Op, T, U>(a: usize, b: usize, out: usize, n: i32, sa: i32, sb: i32): void {
  const op = changetype<Op>(0);
  let i = 0;
  if (sa == 1 && sb == 1) {
    for (; i + 4 <= n; i += 4) {
      const p = <usize>i << 2;
      v128.store(out + p, op.v(v128.load(a + p), v128.load(b + p)));
    }
    for (; i < n; i++) {
      const p = <usize>i << 2;
      store<U>(out + p, op.s(load<T>(a + p), load<T>(b + p)));
    }
  } else if (sa == 1) {
    const bs = load<T>(b), bv = v128.splat<T>(bs);
    for (; i + 4 <= n; i += 4) {
      const p = <usize>i << 2;
      v128.store(out + p, op.v(v128.load(a + p), bv));
    }
    for (; i < n; i++) {
      const p = <usize>i << 2;
      store<U>(out + p, op.s(load<T>(a + p), bs));
    }
  } else if (sb == 1) {
    const as = load<T>(a), av = v128.splat<T>(as);
    for (; i + 4 <= n; i += 4) {
      const p = <usize>i << 2;
      v128.store(out + p, op.v(av, v128.load(b + p)));
    }
    for (; i < n; i++) {
      const p = <usize>i << 2;
      store<U>(out + p, op.s(as, load<T>(b + p)));
    }
  } else {
    const r = op.s(load<T>(a), load<T>(b));
    for (; i < n; i++) store<U>(out + (<usize>i << 2), r);
  }
}

/**
 * out = op(a, b) with broadcasting. params: rank (>= 1), the output shape, a's and b's element
 * strides (0 along broadcast dims). The last dim's strides must be 0 or 1.
 */
function binary<Op, T, U>(a: usize, b: usize, out: usize, params: usize): void {
  const rank = load<i32>(params);
  const L = pget(params, P_SHAPE, rank - 1);
  const sa = pget(params, P_STRIDE_A, rank - 1), sb = pget(params, P_STRIDE_B, rank - 1);
  const rows = ndRows(params, 1);
  let oa = 0, ob = 0;
  for (let r = 0; r < rows; r++) {
    binaryRow<Op, T, U>(a + (<usize>oa << 2), b + (<usize>ob << 2), out + (<usize>(r * L) << 2), L, sa, sb);
    const step = ndStep(params, 1);
    oa += lo32(step); ob += hi32(step);
  }
}

// ---- helpers ------------------------------------------------------------------------------

@inline function high2(x: v128): v128 {
  return i32x4.shuffle(x, x, 2, 3, 2, 3);
}

/** Two f64x2 halves back into one f32x4 (each rounded once). */
@inline function join(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/** x * d with d an f64x2 splat, rounded once, as JS computes `alpha * x` for an f64 alpha. */
@inline function mulF64(x: v128, d: v128): v128 {
  return join(f64x2.mul(f64x2.promote_low_f32x4(x), d), f64x2.mul(f64x2.promote_low_f32x4(high2(x)), d));
}

const ONE_BITS = 0x3f800000;

// ---- float32 unary ------------------------------------------------------------------------

class Neg {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.neg(x); }
}
class Exp {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return vexp(x); }
}
class Log {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return vlog(x); }
}
class Sqrt {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.sqrt(x); }
}
class Square {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.mul(x, x); }
}
class Abs {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.abs(x); }
}
class Sign {
  // NOTE: sign(±0) is +0 and sign(NaN) is NaN, as in the js backend.
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 {
    const pos = v128.and(f32x4.gt(x, splat(0)), splat(1));
    const neg = v128.and(f32x4.lt(x, splat(0)), splat(-1));
    return v128.or(v128.or(pos, neg), v128.and(f32x4.ne(x, x), x));
  }
}
class Reciprocal {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.div(splat(1), x); }
}
class Relu {
  // NOTE: pmax keeps NaN (and -0); adding +0 turns -0 into +0.
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.add(f32x4.pmax(x, splat(0)), splat(0)); }
}
class Sigmoid {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return vsigmoid(x); }
}
class Tanh {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return vtanh(x); }
}
class Gelu {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return vgelu(x); }
}
class LeakyRelu {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return v128.bitselect(x, mulF64(x, pd), f32x4.gt(x, splat(0))); }
}
class Clip {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.min(f32x4.max(x, pa), pb); }
}

class Floor {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.floor(x); }
}
class Ceil {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.ceil(x); }
}
class Round {
  // NOTE: nearest is round-half-to-even, as the js backend and WGSL's round.
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.nearest(x); }
}
// NOTE: no SIMD sine: each lane runs the scalar float32 routine (musl's sinf/cosf, correctly reduced
// for every finite input), so the results are within an ulp or so of the float64 value.
class Sin {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 {
    let r = f32x4.splat(Mathf.sin(f32x4.extract_lane(x, 0)));
    r = f32x4.replace_lane(r, 1, Mathf.sin(f32x4.extract_lane(x, 1)));
    r = f32x4.replace_lane(r, 2, Mathf.sin(f32x4.extract_lane(x, 2)));
    return f32x4.replace_lane(r, 3, Mathf.sin(f32x4.extract_lane(x, 3)));
  }
}
class Cos {
  @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 {
    let r = f32x4.splat(Mathf.cos(f32x4.extract_lane(x, 0)));
    r = f32x4.replace_lane(r, 1, Mathf.cos(f32x4.extract_lane(x, 1)));
    r = f32x4.replace_lane(r, 2, Mathf.cos(f32x4.extract_lane(x, 2)));
    return f32x4.replace_lane(r, 3, Mathf.cos(f32x4.extract_lane(x, 3)));
  }
}

export function f32_neg(x: usize, out: usize, n: i32): void { unary<Neg, f32>(x, out, n, 0, 0); }
export function f32_exp(x: usize, out: usize, n: i32): void { unary<Exp, f32>(x, out, n, 0, 0); }
export function f32_log(x: usize, out: usize, n: i32): void { unary<Log, f32>(x, out, n, 0, 0); }
export function f32_sqrt(x: usize, out: usize, n: i32): void { unary<Sqrt, f32>(x, out, n, 0, 0); }
export function f32_square(x: usize, out: usize, n: i32): void { unary<Square, f32>(x, out, n, 0, 0); }
export function f32_abs(x: usize, out: usize, n: i32): void { unary<Abs, f32>(x, out, n, 0, 0); }
export function f32_sign(x: usize, out: usize, n: i32): void { unary<Sign, f32>(x, out, n, 0, 0); }
export function f32_reciprocal(x: usize, out: usize, n: i32): void { unary<Reciprocal, f32>(x, out, n, 0, 0); }
export function f32_relu(x: usize, out: usize, n: i32): void { unary<Relu, f32>(x, out, n, 0, 0); }
export function f32_sigmoid(x: usize, out: usize, n: i32): void { unary<Sigmoid, f32>(x, out, n, 0, 0); }
export function f32_tanh(x: usize, out: usize, n: i32): void { unary<Tanh, f32>(x, out, n, 0, 0); }
export function f32_gelu(x: usize, out: usize, n: i32): void { unaryPair<Gelu>(x, out, n); }
export function f32_leaky_relu(x: usize, out: usize, n: i32, alpha: f64): void { unary<LeakyRelu, f32>(x, out, n, alpha, 0); }
/** lo and hi are the bounds rounded to float32. */
export function f32_clip(x: usize, out: usize, n: i32, lo: f32, hi: f32): void { unary<Clip, f32>(x, out, n, lo, hi); }
export function f32_floor(x: usize, out: usize, n: i32): void { unary<Floor, f32>(x, out, n, 0, 0); }
export function f32_ceil(x: usize, out: usize, n: i32): void { unary<Ceil, f32>(x, out, n, 0, 0); }
export function f32_round(x: usize, out: usize, n: i32): void { unary<Round, f32>(x, out, n, 0, 0); }
export function f32_sin(x: usize, out: usize, n: i32): void { unary<Sin, f32>(x, out, n, 0, 0); }
export function f32_cos(x: usize, out: usize, n: i32): void { unary<Cos, f32>(x, out, n, 0, 0); }


// ---- int32 unary (wrapping, like a JS Int32Array store) --------------------------------------

class INeg { @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return i32x4.neg(x); } }
class IAbs { @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return i32x4.abs(x); } }
class ISquare { @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return i32x4.mul(x, x); } }
class ISign { @inline v(x: v128, pa: v128, pb: v128, pd: v128): v128 { return i32x4.sub(i32x4.lt_s(x, i32x4.splat(0)), i32x4.gt_s(x, i32x4.splat(0))); } }

export function i32_neg(x: usize, out: usize, n: i32): void { unary<INeg, i32>(x, out, n, 0, 0); }
export function i32_abs(x: usize, out: usize, n: i32): void { unary<IAbs, i32>(x, out, n, 0, 0); }
export function i32_square(x: usize, out: usize, n: i32): void { unary<ISquare, i32>(x, out, n, 0, 0); }
export function i32_sign(x: usize, out: usize, n: i32): void { unary<ISign, i32>(x, out, n, 0, 0); }

// ---- backward elementwise (dy, v) ---------------------------------------------------------

class ReluGrad {
  @inline v(dy: v128, x: v128, pa: v128, pb: v128, pd: v128): v128 { return v128.and(dy, f32x4.gt(x, splat(0))); }
}
class LeakyReluGrad {
  @inline v(dy: v128, x: v128, pa: v128, pb: v128, pd: v128): v128 { return v128.bitselect(dy, mulF64(dy, pd), f32x4.gt(x, splat(0))); }
}
/** dy * y * (1 - y) in f64, rounded once: the same bits as the js backend. */
class SigmoidGrad {
  @inline v(dy: v128, y: v128, pa: v128, pb: v128, pd: v128): v128 {
    const d0 = f64x2.promote_low_f32x4(dy), y0 = f64x2.promote_low_f32x4(y);
    const d1 = f64x2.promote_low_f32x4(high2(dy)), y1 = f64x2.promote_low_f32x4(high2(y));
    const one = f64x2.splat(1);
    return join(f64x2.mul(f64x2.mul(d0, y0), f64x2.sub(one, y0)), f64x2.mul(f64x2.mul(d1, y1), f64x2.sub(one, y1)));
  }
}
/** dy * (1 - y * y) in f64, rounded once. */
class TanhGrad {
  @inline v(dy: v128, y: v128, pa: v128, pb: v128, pd: v128): v128 {
    const d0 = f64x2.promote_low_f32x4(dy), y0 = f64x2.promote_low_f32x4(y);
    const d1 = f64x2.promote_low_f32x4(high2(dy)), y1 = f64x2.promote_low_f32x4(high2(y));
    const one = f64x2.splat(1);
    return join(f64x2.mul(d0, f64x2.sub(one, f64x2.mul(y0, y0))), f64x2.mul(d1, f64x2.sub(one, f64x2.mul(y1, y1))));
  }
}
class GeluGrad {
  @inline v(dy: v128, x: v128, pa: v128, pb: v128, pd: v128): v128 { return f32x4.mul(dy, vgeluDeriv(x)); }
}
/** pa, pb: the float32 bounds such that lo <= x <= hi matches the f64 test for every float32 x. */
class ClipGrad {
  @inline v(dy: v128, x: v128, pa: v128, pb: v128, pd: v128): v128 {
    return v128.and(dy, v128.and(f32x4.ge(x, pa), f32x4.le(x, pb)));
  }
}

export function f32_relu_grad(dy: usize, x: usize, out: usize, n: i32): void { grad<ReluGrad>(dy, x, out, n, 0, 0); }
export function f32_leaky_relu_grad(dy: usize, x: usize, out: usize, n: i32, alpha: f64): void { grad<LeakyReluGrad>(dy, x, out, n, alpha, 0); }
export function f32_sigmoid_grad(dy: usize, y: usize, out: usize, n: i32): void { grad<SigmoidGrad>(dy, y, out, n, 0, 0); }
export function f32_tanh_grad(dy: usize, y: usize, out: usize, n: i32): void { grad<TanhGrad>(dy, y, out, n, 0, 0); }
export function f32_gelu_grad(dy: usize, x: usize, out: usize, n: i32): void { gradPair<GeluGrad>(dy, x, out, n); }
export function f32_clip_grad(dy: usize, x: usize, out: usize, n: i32, lo: f32, hi: f32): void { grad<ClipGrad>(dy, x, out, n, lo, hi); }

// ---- binary -------------------------------------------------------------------------------

/** Math.pow semantics (musl's pow differs at pow(±1, ±Infinity) and pow(1, NaN)). */
// NOTE: Math.pow of a negative base took an exponent close to an integer (1.0000001) as that
// integer: pow(-1, 1.0000001) gave -1, not NaN. A base with its sign bit set (-0 included) is now
// raised as |a| and its sign fixed here, by whether b is an odd integer.
@inline function jsPow(a: f64, b: f64): f64 {
  if (isNaN(b) || (Math.abs(a) == 1 && !isFinite(b))) return NaN;
  if ((reinterpret<u64>(a) >> 63) == 0 || isNaN(a)) return Math.pow(a, b);
  const m = -a;
  if (!isFinite(b)) return Math.pow(m, b);
  if (Math.floor(b) == b) {
    const r = Math.pow(m, b);
    // doubles of 2^53 and more are even integers
    return Math.abs(b) < 9007199254740992.0 && (<i64>b & 1) != 0 ? -r : r;
  }
  // a non-integer power of a negative number is NaN, except for -0 and -Infinity (as of +0, +Infinity)
  return m == 0 || m == Infinity ? Math.pow(m, b) : NaN;
}

// One class per op, generic over the lane type T (f32 or i32): v128.add<T> is f32x4.add or i32x4.add,
// v128.max<T> is f32x4.max or i32x4.max_s, and so on. Comparisons give float32 1 or 0 for both.
class Add<T> { @inline v(a: v128, b: v128): v128 { return v128.add<T>(a, b); } @inline s(a: T, b: T): T { return a + b; } }
class Sub<T> { @inline v(a: v128, b: v128): v128 { return v128.sub<T>(a, b); } @inline s(a: T, b: T): T { return a - b; } }
class Mul<T> { @inline v(a: v128, b: v128): v128 { return v128.mul<T>(a, b); } @inline s(a: T, b: T): T { return a * b; } }
class Div { @inline v(a: v128, b: v128): v128 { return f32x4.div(a, b); } @inline s(a: f32, b: f32): f32 { return a / b; } }
class Pow {
  @inline s(a: f32, b: f32): f32 { return <f32>jsPow(a, b); }
  @inline v(a: v128, b: v128): v128 {
    let r = f32x4.splat(this.s(f32x4.extract_lane(a, 0), f32x4.extract_lane(b, 0)));
    r = f32x4.replace_lane(r, 1, this.s(f32x4.extract_lane(a, 1), f32x4.extract_lane(b, 1)));
    r = f32x4.replace_lane(r, 2, this.s(f32x4.extract_lane(a, 2), f32x4.extract_lane(b, 2)));
    return f32x4.replace_lane(r, 3, this.s(f32x4.extract_lane(a, 3), f32x4.extract_lane(b, 3)));
  }
}
// NOTE: f32x4.max/min propagate NaN and order -0 < +0, exactly like the js backend's Math.max/min.
class Maximum<T> { @inline v(a: v128, b: v128): v128 { return v128.max<T>(a, b); } @inline s(a: T, b: T): T { return max<T>(a, b); } }
class Minimum<T> { @inline v(a: v128, b: v128): v128 { return v128.min<T>(a, b); } @inline s(a: T, b: T): T { return min<T>(a, b); } }
class Greater<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.gt<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a > b ? 1 : 0; } }
class GreaterEqual<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.ge<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a >= b ? 1 : 0; } }
class Less<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.lt<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a < b ? 1 : 0; } }
class LessEqual<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.le<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a <= b ? 1 : 0; } }
class Equal<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.eq<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a == b ? 1 : 0; } }
class NotEqual<T> { @inline v(a: v128, b: v128): v128 { return v128.and(v128.ne<T>(a, b), i32x4.splat(ONE_BITS)); } @inline s(a: T, b: T): f32 { return a != b ? 1 : 0; } }

export function f32_add(a: usize, b: usize, out: usize, params: usize): void { binary<Add<f32>, f32, f32>(a, b, out, params); }
export function f32_sub(a: usize, b: usize, out: usize, params: usize): void { binary<Sub<f32>, f32, f32>(a, b, out, params); }
export function f32_mul(a: usize, b: usize, out: usize, params: usize): void { binary<Mul<f32>, f32, f32>(a, b, out, params); }
export function f32_div(a: usize, b: usize, out: usize, params: usize): void { binary<Div, f32, f32>(a, b, out, params); }
export function f32_pow(a: usize, b: usize, out: usize, params: usize): void { binary<Pow, f32, f32>(a, b, out, params); }
export function f32_maximum(a: usize, b: usize, out: usize, params: usize): void { binary<Maximum<f32>, f32, f32>(a, b, out, params); }
export function f32_minimum(a: usize, b: usize, out: usize, params: usize): void { binary<Minimum<f32>, f32, f32>(a, b, out, params); }
export function f32_greater(a: usize, b: usize, out: usize, params: usize): void { binary<Greater<f32>, f32, f32>(a, b, out, params); }
export function f32_greater_equal(a: usize, b: usize, out: usize, params: usize): void { binary<GreaterEqual<f32>, f32, f32>(a, b, out, params); }
export function f32_less(a: usize, b: usize, out: usize, params: usize): void { binary<Less<f32>, f32, f32>(a, b, out, params); }
export function f32_less_equal(a: usize, b: usize, out: usize, params: usize): void { binary<LessEqual<f32>, f32, f32>(a, b, out, params); }
export function f32_equal(a: usize, b: usize, out: usize, params: usize): void { binary<Equal<f32>, f32, f32>(a, b, out, params); }
export function f32_not_equal(a: usize, b: usize, out: usize, params: usize): void { binary<NotEqual<f32>, f32, f32>(a, b, out, params); }

export function i32_add(a: usize, b: usize, out: usize, params: usize): void { binary<Add<i32>, i32, i32>(a, b, out, params); }
export function i32_sub(a: usize, b: usize, out: usize, params: usize): void { binary<Sub<i32>, i32, i32>(a, b, out, params); }
export function i32_mul(a: usize, b: usize, out: usize, params: usize): void { binary<Mul<i32>, i32, i32>(a, b, out, params); }
export function i32_maximum(a: usize, b: usize, out: usize, params: usize): void { binary<Maximum<i32>, i32, i32>(a, b, out, params); }
export function i32_minimum(a: usize, b: usize, out: usize, params: usize): void { binary<Minimum<i32>, i32, i32>(a, b, out, params); }
export function i32_greater(a: usize, b: usize, out: usize, params: usize): void { binary<Greater<i32>, i32, f32>(a, b, out, params); }
export function i32_greater_equal(a: usize, b: usize, out: usize, params: usize): void { binary<GreaterEqual<i32>, i32, f32>(a, b, out, params); }
export function i32_less(a: usize, b: usize, out: usize, params: usize): void { binary<Less<i32>, i32, f32>(a, b, out, params); }
export function i32_less_equal(a: usize, b: usize, out: usize, params: usize): void { binary<LessEqual<i32>, i32, f32>(a, b, out, params); }
export function i32_equal(a: usize, b: usize, out: usize, params: usize): void { binary<Equal<i32>, i32, f32>(a, b, out, params); }
export function i32_not_equal(a: usize, b: usize, out: usize, params: usize): void { binary<NotEqual<i32>, i32, f32>(a, b, out, params); }
