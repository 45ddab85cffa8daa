// WGSL pieces every program shares: the params uniform, the flat invocation index, and the
// float helpers that give js.ts's semantics (NaN tests on bits, exp with subnormal results,
// erfc for gelu, a tanh accurate near 0).

/** Params at binding 0 as u32 words: p(i), pf(i) (a float's bits), pi(i) (an i32). */
export const PARAMS = /* wgsl */ `
@group(0) @binding(0) var<uniform> P: array<vec4<u32>, 16>;
fn p(i: u32) -> u32 { return P[i / 4u][i % 4u]; }
fn pf(i: u32) -> f32 { return bitcast<f32>(p(i)); }
fn pi(i: u32) -> i32 { return bitcast<i32>(p(i)); }
`;

/** The flat index of this invocation for a 1-D dispatch split by groups() (workgroup size WG). */
export const flatIndex = (wg: number) => /* wgsl */ `
fn flat(g: vec3<u32>, n: vec3<u32>) -> u32 { return (g.z * n.y + g.y) * n.x * ${wg}u + g.x; }
`;

export const ENTRY_1D = (wg: number) =>
  `@compute @workgroup_size(${wg}) fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>)`;

// NOTE: NaN is tested on the bits: comparisons with NaN are not reliable after shader compilers
// fold them (SwiftShader's relu(NaN) with `x != x` gives 0).
export const MATH = /* wgsl */ `
const NAN_BITS: u32 = 0x7fc00000u;
fn is_nan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
// NOTE: through a var: a constant NaN or Infinity is a WGSL compile error.
fn nan_f() -> f32 { var b = NAN_BITS; return bitcast<f32>(b); }
fn inf_f() -> f32 { var b = 0x7f800000u; return bitcast<f32>(b); }
// exp as bits, so results below FLT_MIN come out as the float32 subnormal js would store
// (a GPU flushes them to zero in float arithmetic).
fn exp_bits(x: f32) -> u32 {
  if (is_nan(x)) { return NAN_BITS; }
  if (x < -87.33654) {
    if (x < -103.972084) { return 0u; }
    // value / 2^-149 = exp(x + 149 ln 2), rounded to an integer count of the smallest subnormal
    return u32(round(exp(x + 103.27892990343185)));
  }
  return bitcast<u32>(exp(x));
}
fn exp_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return exp(x); }
fn log_f(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f(); }
  if (x == 0.0) { return -inf_f(); }
  if (x == inf_f()) { return x; }
  return log(x);
}
fn tanh_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  var r: f32;
  if (a < 0.3) {
    let z = a * a;
    r = a * (1.0 + z * (-0.33333333333 + z * (0.13333333333 + z * (-0.05396825397 + z * 0.02186948854))));
  } else {
    r = 1.0 - 2.0 / (exp(min(2.0 * a, 88.0)) + 1.0);
  }
  return select(r, -r, x < 0.0);
}
fn sigmoid_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return 1.0 / (1.0 + exp(min(-x, 88.5)));
}
// erfc(z) for z >= 0, relative error < 1.2e-7 (Numerical Recipes' Chebyshev fit).
fn erfc_pos(z: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.5 * z);
  let q = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * exp(max(q, -104.0));
}
// The standard normal CDF, 0.5 * (1 + erf(x / sqrt 2)), accurate in both tails.
fn phi_f(x: f32) -> f32 {
  let e = 0.5 * erfc_pos(abs(x) * 0.7071067811865476);
  return select(1.0 - e, e, x < 0.0);
}
fn gelu_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return x * phi_f(x); }
fn gelu_grad_f(dy: f32, x: f32) -> f32 {
  return dy * (phi_f(x) + x * 0.3989422804014327 * exp(max(-0.5 * x * x, -104.0)));
}
fn sign_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0);
}
// sin and cos: x - k·π/2 with π/2 in three parts (Cody-Waite; exact products for |k| < 2^16, so
// within about 1e-7 of the true value for |x| < 1e5, degrading beyond), then the minimax polynomials
// of musl's __sindf/__cosdf on [-π/4, π/4]; the quadrant picks which and its sign. NaN and
// ±Infinity give NaN. quarter: 0 for sin, 1 for cos (cos x = sin(x + π/2)).
fn sin_poly(r: f32) -> f32 {
  let z = r * r;
  return r + r * z * (-0.16666666641626524 + z * (0.008333329385889463 + z * (-0.00019839334836096632 + z * 2.718311493989822e-6)));
}
fn cos_poly(r: f32) -> f32 {
  let z = r * r;
  let w = z * z;
  return ((1.0 + z * -0.499999997251031) + w * 0.04166662332373906) + (w * z) * (-0.001388676377460993 + z * 2.439044879627741e-5);
}
fn sincos_f(x: f32, quarter: u32) -> f32 {
  if ((bitcast<u32>(x) & 0x7f800000u) == 0x7f800000u) { return nan_f(); }
  let k = round(x * 0.6366197723675814);
  let r = ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
  let q = (u32(i32(k) & 3) + quarter) & 3u;
  var v = select(sin_poly(r), cos_poly(r), (q & 1u) == 1u);
  if (q >= 2u) { v = -v; }
  return v;
}
fn relu_f(x: f32) -> f32 { if (is_nan(x)) { return x; } return select(0.0, x, x > 0.0); }
fn clip_f(x: f32, lo: f32, hi: f32) -> f32 { if (is_nan(x)) { return x; } return min(max(x, lo), hi); }
fn max_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return max(a, b); }
fn min_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return min(a, b); }
// Math.pow: negative bases with integer exponents, pow(x, 0) = 1, 0^negative = Infinity.
fn pow_f(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return 1.0; }
  if (is_nan(a) || is_nan(b)) { return nan_f(); }
  let m = abs(a);
  if (m == 0.0) {
    let odd = abs(b) < 16777216.0 && b == floor(b) && (i32(b) & 1) == 1;
    let r = select(0.0, inf_f(), b < 0.0);
    return select(r, select(r, -r, bitcast<u32>(a) == 0x80000000u), odd);
  }
  if (m == inf_f() || abs(b) == inf_f()) { return pow_slow(a, b); }
  var r = exp2(b * log2(m));
  if (a < 0.0) {
    if (b != floor(b)) { return nan_f(); }
    if (abs(b) < 16777216.0 && (i32(b) & 1) == 1) { r = -r; }
  }
  return r;
}
fn pow_slow(a: f32, b: f32) -> f32 {
  let m = abs(a);
  if (abs(b) == inf_f()) {
    if (m == 1.0) { return nan_f(); }
    return select(0.0, inf_f(), (m > 1.0) == (b > 0.0));
  }
  // a is +-Infinity
  let odd = abs(b) < 16777216.0 && b == floor(b) && (i32(b) & 1) == 1;
  let r = select(0.0, inf_f(), b > 0.0);
  return select(r, -r, a < 0.0 && odd);
}
`;
export { f32bits } from './runtime.js';
