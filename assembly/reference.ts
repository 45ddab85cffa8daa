// The scalar references (`_scalar` kernels): f64 math, the same formulas as the js backend. Only the
// `reference` build (asconfig.json) compiles them, next to every shipped kernel, for kernel tests; the
// simd and relaxed builds the library loads leave them out.

// ---- float32 unary ------------------------------------------------------------------------

/** out[i] = op(x[i]) in f64, rounded once to float32. */
function unaryScalar<Op>(x: usize, out: usize, n: i32, a: f64, b: f64): void {
  const op = changetype<Op>(0);
  for (let i = 0; i < n; i++) {
    const p = <usize>i << 2;
    store<f32>(out + p, <f32>op.s(<f64>load<f32>(x + p), a, b));
  }
}

class SNeg {
  @inline s(x: f64, a: f64, b: f64): f64 { return -x; }
}
class SExp {
  @inline s(x: f64, a: f64, b: f64): f64 { return Math.exp(x); }
}
class SLog {
  @inline s(x: f64, a: f64, b: f64): f64 { return Math.log(x); }
}
class SSqrt {
  @inline s(x: f64, a: f64, b: f64): f64 { return Math.sqrt(x); }
}
class SSquare {
  @inline s(x: f64, a: f64, b: f64): f64 { return x * x; }
}
class SAbs {
  @inline s(x: f64, a: f64, b: f64): f64 { return Math.abs(x); }
}
class SSign {
  // NOTE: sign(±0) is +0 and sign(NaN) is NaN, as in the js backend.
  @inline s(x: f64, a: f64, b: f64): f64 { return x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : NaN; }
}
class SReciprocal {
  @inline s(x: f64, a: f64, b: f64): f64 { return 1 / x; }
}
class SRelu {
  @inline s(x: f64, a: f64, b: f64): f64 { return x > 0 ? x : isNaN(x) ? x : 0; }
}
class SSigmoid {
  @inline s(x: f64, a: f64, b: f64): f64 { return 1 / (1 + Math.exp(-x)); }
}
class STanh {
  @inline s(x: f64, a: f64, b: f64): f64 { return Math.tanh(x); }
}
class SGelu {
  @inline s(x: f64, a: f64, b: f64): f64 { return 0.5 * x * (1 + erf64(x * 0.7071067811865476)); }
}
class SLeakyRelu {
  @inline s(x: f64, a: f64, b: f64): f64 { return x > 0 ? x : a * x; }
}
class SClip {
  @inline s(x: f64, a: f64, b: f64): f64 { return isNaN(x) ? x : Math.min(Math.max(x, a), b); }
}

export function f32_neg_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SNeg>(x, out, n, 0, 0); }
export function f32_exp_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SExp>(x, out, n, 0, 0); }
export function f32_log_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SLog>(x, out, n, 0, 0); }
export function f32_sqrt_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SSqrt>(x, out, n, 0, 0); }
export function f32_square_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SSquare>(x, out, n, 0, 0); }
export function f32_abs_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SAbs>(x, out, n, 0, 0); }
export function f32_sign_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SSign>(x, out, n, 0, 0); }
export function f32_reciprocal_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SReciprocal>(x, out, n, 0, 0); }
export function f32_relu_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SRelu>(x, out, n, 0, 0); }
export function f32_sigmoid_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SSigmoid>(x, out, n, 0, 0); }
export function f32_tanh_scalar(x: usize, out: usize, n: i32): void { unaryScalar<STanh>(x, out, n, 0, 0); }
export function f32_gelu_scalar(x: usize, out: usize, n: i32): void { unaryScalar<SGelu>(x, out, n, 0, 0); }
export function f32_leaky_relu_scalar(x: usize, out: usize, n: i32, alpha: f64): void { unaryScalar<SLeakyRelu>(x, out, n, alpha, 0); }
export function f32_clip_scalar(x: usize, out: usize, n: i32, lo: f32, hi: f32): void { unaryScalar<SClip>(x, out, n, lo, hi); }

// ---- gemm ---------------------------------------------------------------------------------

/** The scalar reference for all four forms, accumulating in f64 like the js backend. */
export function f32_gemm_scalar(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, transA: bool, transB: bool): void {
  for (let p = 0; p < batch; p++) {
    const pa = a + (<usize>(p * strideA) << 2), pb = b + (<usize>(p * strideB) << 2), pc = c + (<usize>(p * strideC) << 2);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s: f64 = 0;
        for (let k = 0; k < K; k++) {
          const av = load<f32>(pa + (<usize>(transA ? k * lda + i : i * lda + k) << 2));
          const bv = load<f32>(pb + (<usize>(transB ? j * ldb + k : k * ldb + j) << 2));
          s += <f64>av * <f64>bv;
        }
        store<f32>(pc + (<usize>(i * ldc + j) << 2), <f32>s);
      }
    }
  }
}

// ---- helpers ------------------------------------------------------------------------------

/** erf to ~1e-15: Maclaurin series below 2.5, Lentz continued fraction for erfc above. */
function erf64(x: f64): f64 {
  if (isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let term = ax, sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / <f64>n;
      const t = term / <f64>(2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    const r = 1.1283791670955126 * sum;
    return x < 0 ? -r : r;
  }
  if (ax > 6) return x < 0 ? -1 : 1;
  let f = ax, c = ax, d = 0.0;
  for (let n = 1; n < 200; n++) {
    const an = <f64>n / 2;
    d = 1 / (ax + an * d);
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) * 0.5641895835477563 / f;
  return x < 0 ? erfc - 1 : 1 - erfc;
}
