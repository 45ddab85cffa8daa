// Vectorized f32x4 approximations (exp, log, tanh, sigmoid, erfc, gelu); the f64 scalar references are in reference.ts.

/** a * b + c; fused (or not, as the engine likes) in the relaxed build. */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

@inline export function splat(x: f32): v128 {
  return f32x4.splat(x);
}

/** Lanes of `x` with the sign bit of `s`. */
@inline function withSignOf(x: v128, s: v128): v128 {
  return v128.or(x, v128.and(s, i32x4.splat(0x80000000)));
}

/** The reduced part of e^x: given fx = n = round(x * log2(e)) as floats, e^(x - n ln 2) by a degree-6 polynomial. */
@inline function expReduced(x: v128, fx: v128): v128 {
  // Cody-Waite: fx * 0.693359375 is exact, so r keeps its low bits.
  let r = madd(fx, splat(-0.693359375), x);
  r = madd(fx, splat(2.12194440e-4), r);
  const r2 = f32x4.mul(r, r), r4 = f32x4.mul(r2, r2);
  const p01 = madd(splat(1.6666665459e-1), r, splat(5.0000001201e-1));
  const p23 = madd(splat(8.3334519073e-3), r, splat(4.1665795894e-2));
  const p45 = madd(splat(1.9875691500e-4), r, splat(1.3981999507e-3));
  const p = madd(p45, r4, madd(p23, r2, p01));
  return f32x4.add(madd(p, r2, r), splat(1.0));
}

/** e^x, ~1 ulp; overflows to Infinity above ~88.72, underflows through the subnormals to 0. */
@inline export function vexp(x: v128): v128 {
  // NOTE: pmax/pmin keep NaN lanes (and are single instructions, unlike f32x4.max/min).
  x = f32x4.pmin(f32x4.pmax(x, splat(-105.0)), splat(88.8));
  // NOTE: adding 1.5 * 2^23 rounds to an integer in the low mantissa bits: cheaper than nearest + trunc_sat.
  const t = madd(x, splat(1.44269504088896341), splat(12582912.0));
  const y = expReduced(x, f32x4.sub(t, splat(12582912.0)));
  // NOTE: 2^n is applied in two halves: n reaches -151 and 128, beyond one f32 exponent field.
  const n = i32x4.sub(t, splat(12582912.0));
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const s1 = i32x4.shl(i32x4.add(n1, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(y, s1), s2);
}

/**
 * e^x for x <= 0 (softmax's x - max), ~1 ulp down to the smallest normal result (e^-87.34), then
 * correctly rounded subnormals down to e^-87.68 (~2^-126.5), and exactly 0 below that and for
 * -Infinity (Math.fround(Math.exp(x)) still gives subnormals down to e^-103.97: an absolute
 * difference under 2^-126). NaN stays NaN. Cheaper than vexp: one clamp and one scaling step.
 */
@inline export function vexpNonPositive(x: v128): v128 {
  // NOTE: the clamp keeps t's bits meaningful: below it e^x is 0 anyway (n = -127, see below).
  x = f32x4.pmax(x, splat(-88.0));
  // t = 1.5 * 2^23 + 127 + n, so n + 127 (in [0, 127]) is the low mantissa bits of t: shifted left
  // by 23 (dropping every bit above them) they are the float 2^n. n = -127 gives the bits of +0.
  const t = madd(x, splat(1.44269504088896341), splat(12583039.0));
  return f32x4.mul(expReduced(x, f32x4.sub(t, splat(12583039.0))), i32x4.shl(t, 23));
}

/** Natural log, ~1 ulp, subnormals included; log(0) = -Infinity, log(x < 0) = NaN. */
@inline export function vlog(x: v128): v128 {
  const tiny = f32x4.lt(x, splat(1.17549435e-38));
  const xs = v128.bitselect(f32x4.mul(x, splat(8388608.0)), x, tiny);
  let e = i32x4.sub(i32x4.shr_u(xs, 23), i32x4.splat(126));
  e = i32x4.sub(e, v128.and(tiny, i32x4.splat(23)));
  let m = v128.or(v128.and(xs, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  const lo = f32x4.lt(m, splat(0.707106781186547524));
  e = i32x4.add(e, lo);
  m = f32x4.sub(f32x4.add(m, v128.and(m, lo)), splat(1.0));
  const fe = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  let p = madd(splat(7.0376836292e-2), m, splat(-1.1514610310e-1));
  p = madd(p, m, splat(1.1676998740e-1));
  p = madd(p, m, splat(-1.2420140846e-1));
  p = madd(p, m, splat(1.4249322787e-1));
  p = madd(p, m, splat(-1.6668057665e-1));
  p = madd(p, m, splat(2.0000714765e-1));
  p = madd(p, m, splat(-2.4999993993e-1));
  p = madd(p, m, splat(3.3333331174e-1));
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = madd(fe, splat(-2.12194440e-4), y);
  y = madd(z, splat(-0.5), y);
  let r = f32x4.add(m, y);
  r = madd(fe, splat(0.693359375), r);
  // Specials: +Infinity and NaN give themselves, x < 0 gives NaN, ±0 gives -Infinity.
  r = v128.bitselect(x, r, v128.or(f32x4.ne(x, x), f32x4.eq(x, splat(Infinity))));
  r = v128.bitselect(splat(NaN), r, f32x4.lt(x, splat(0.0)));
  return v128.bitselect(splat(-Infinity), r, f32x4.eq(x, splat(0.0)));
}

/** tanh: odd polynomial below |x| = 0.625, 1 - 2/(e^2|x| + 1) above. */
@inline export function vtanh(x: v128): v128 {
  const ax = f32x4.abs(x);
  const s = f32x4.mul(x, x);
  let p = madd(splat(-5.70498872745e-3), s, splat(2.06390887954e-2));
  p = madd(p, s, splat(-5.37397155531e-2));
  p = madd(p, s, splat(1.33314422036e-1));
  p = madd(p, s, splat(-3.33332819422e-1));
  const small = madd(f32x4.mul(p, s), x, x);
  const e = vexp(f32x4.add(ax, ax));
  const big = f32x4.sub(splat(1.0), f32x4.div(splat(2.0), f32x4.add(e, splat(1.0))));
  return v128.bitselect(small, withSignOf(big, x), f32x4.lt(ax, splat(0.625)));
}

@inline export function vsigmoid(x: v128): v128 {
  return f32x4.div(splat(1.0), f32x4.add(splat(1.0), vexp(f32x4.neg(x))));
}

/**
 * Phi(-|x|) = erfc(|x| / sqrt 2) / 2 given g = e^(-x*x/2), to ~1e-6 relative: Numerical Recipes' Chebyshev
 * fit of erfc (1.2e-7), erfc(z) = t * e^(p(t) - z*z) with t = 1 / (1 + z/2), evaluated in f32.
 */
@inline function vphiLower(ax: v128, g: v128): v128 {
  const t = f32x4.div(splat(1.0), madd(ax, splat(0.353553390593273762), splat(1.0)));
  // NOTE: Estrin's scheme: 4 dependent steps after t*t instead of Horner's 9 (this chain bounds the speed).
  // p's constant term has ln 2 taken off (-1.26551223 - 0.69314718): e^p is erfc's half.
  const t2 = f32x4.mul(t, t), t4 = f32x4.mul(t2, t2);
  const p01 = madd(splat(1.00002368), t, splat(-1.95865941)), p23 = madd(splat(0.09678418), t, splat(0.37409196));
  const p45 = madd(splat(0.27886807), t, splat(-0.18628806)), p67 = madd(splat(1.48851587), t, splat(-1.13520398));
  const p89 = madd(splat(0.17087277), t, splat(-0.82215223));
  const p03 = madd(p23, t2, p01), p47 = madd(p67, t2, p45);
  const p = madd(f32x4.mul(p89, t4), t4, madd(p47, t4, p03));
  // NOTE: p < -0.69 on t in (0, 1], so e^p needs no overflow care; e^(-z*z) = g is the caller's, shared with the pdf.
  return f32x4.mul(f32x4.mul(t, vexpNonPositive(p)), g);
}

/** e^(-x*x/2), subnormals included. */
@inline function vgauss(x: v128): v128 {
  return vexp(f32x4.mul(f32x4.mul(x, x), splat(-0.5)));
}

/** Phi(x), the standard normal CDF, without cancellation in either tail; g = e^(-x*x/2). */
@inline function vphiOf(x: v128, g: v128): v128 {
  const h = vphiLower(f32x4.abs(x), g);
  return v128.bitselect(h, f32x4.sub(splat(1.0), h), f32x4.lt(x, splat(0.0)));
}

@inline export function vphi(x: v128): v128 {
  return vphiOf(x, vgauss(x));
}

/** gelu(x) = x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)). */
@inline export function vgelu(x: v128): v128 {
  return f32x4.mul(x, vphi(x));
}

/** d gelu / dx = Phi(x) + x * phi(x); Phi and the pdf phi share e^(-x*x/2). */
@inline export function vgeluDeriv(x: v128): v128 {
  const g = vgauss(x);
  return madd(x, f32x4.mul(g, splat(0.398942280401432678)), vphiOf(x, g));
}

/** Transposes the 4x4 block whose rows r0..r3 are in registers and stores its rows `ld` bytes apart. */
@inline export function storeTransposed4x4(p: usize, ld: usize, r0: v128, r1: v128, r2: v128, r3: v128): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(p, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(p + ld, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(p + 2 * ld, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(p + 3 * ld, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}
