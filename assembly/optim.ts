// Optimizer updates (Keras semantics): one fused, in-place SIMD pass over a parameter, its gradient
// and its slots. Every kernel first applies decoupled weight decay p -= decay * p (decay = lr * wd).
// NOTE: each loop's tail runs the vector step on splats so that every element gets the same numerics.
import { madd } from './math';

@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

@inline function lane(p: usize): v128 {
  return f32x4.splat(load<f32>(p));
}

/** p - decay * p, skipped when decay is 0 (so an infinite p stays infinite, not NaN). */
@inline function decayed(p: v128, ndecay: v128, on: bool): v128 {
  return on ? madd(p, ndecay, p) : p;
}

// ---- SGD ----------------------------------------------------------------------------------

/** p -= lr * g. */
export function f32_sgd_update(param: usize, grad: usize, n: i32, lr: f32, decay: f32): void {
  const nlr = f32x4.splat(-lr), nd = f32x4.splat(-decay), wd = decay != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const pp = at(param, i);
    v128.store(pp, madd(v128.load(at(grad, i)), nlr, decayed(v128.load(pp), nd, wd)));
  }
  for (; i < n; i++) {
    const pp = at(param, i);
    store<f32>(pp, f32x4.extract_lane(madd(lane(at(grad, i)), nlr, decayed(lane(pp), nd, wd)), 0));
  }
}

/** vel = momentum * vel - lr * g; p += vel, or with Nesterov p += momentum * vel - lr * g. */
@inline function sgdMomentumStep(pp: usize, vp: usize, g: v128, p: v128, vel: v128, nlr: v128, mom: v128, nesterov: bool, vector: bool): void {
  const lg = f32x4.mul(g, nlr);
  const v = f32x4.add(f32x4.mul(vel, mom), lg);
  const q = f32x4.add(p, nesterov ? f32x4.add(f32x4.mul(v, mom), lg) : v);
  if (vector) {
    v128.store(vp, v);
    v128.store(pp, q);
  } else {
    store<f32>(vp, f32x4.extract_lane(v, 0));
    store<f32>(pp, f32x4.extract_lane(q, 0));
  }
}

export function f32_sgd_momentum_update(param: usize, grad: usize, vel: usize, n: i32, lr: f32, momentum: f32, nesterov: i32, decay: f32): void {
  const nlr = f32x4.splat(-lr), mom = f32x4.splat(momentum), nd = f32x4.splat(-decay), wd = decay != 0;
  const nest = nesterov != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const pp = at(param, i), vp = at(vel, i);
    sgdMomentumStep(pp, vp, v128.load(at(grad, i)), decayed(v128.load(pp), nd, wd), v128.load(vp), nlr, mom, nest, true);
  }
  for (; i < n; i++) {
    const pp = at(param, i), vp = at(vel, i);
    sgdMomentumStep(pp, vp, lane(at(grad, i)), decayed(lane(pp), nd, wd), lane(vp), nlr, mom, nest, false);
  }
}

// ---- Adam / AdamW -------------------------------------------------------------------------

/**
 * m += (g - m) * (1 - beta1); v += (g² - v) * (1 - beta2); p -= alpha * m / (sqrt(v) + eps),
 * with alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t) computed by the caller (t = 1-based step).
 */
@inline function adamStep(pp: usize, mp: usize, vp: usize, g: v128, p: v128, m: v128, v: v128,
  alpha: v128, b1c: v128, b2c: v128, eps: v128, vector: bool): void {
  const m1 = madd(f32x4.sub(g, m), b1c, m);
  const v1 = madd(f32x4.sub(f32x4.mul(g, g), v), b2c, v);
  const q = f32x4.sub(p, f32x4.div(f32x4.mul(m1, alpha), f32x4.add(f32x4.sqrt(v1), eps)));
  if (vector) {
    v128.store(mp, m1);
    v128.store(vp, v1);
    v128.store(pp, q);
  } else {
    store<f32>(mp, f32x4.extract_lane(m1, 0));
    store<f32>(vp, f32x4.extract_lane(v1, 0));
    store<f32>(pp, f32x4.extract_lane(q, 0));
  }
}

/** oneMinusBeta1/2: 1 - beta1 and 1 - beta2, rounded once from double by the caller. */
export function f32_adam_update(param: usize, grad: usize, m: usize, v: usize, n: i32,
  alpha: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, eps: f32, decay: f32): void {
  const va = f32x4.splat(alpha), b1c = f32x4.splat(oneMinusBeta1), b2c = f32x4.splat(oneMinusBeta2);
  const ve = f32x4.splat(eps), nd = f32x4.splat(-decay), wd = decay != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const pp = at(param, i), mp = at(m, i), vp = at(v, i);
    adamStep(pp, mp, vp, v128.load(at(grad, i)), decayed(v128.load(pp), nd, wd), v128.load(mp), v128.load(vp), va, b1c, b2c, ve, true);
  }
  for (; i < n; i++) {
    const pp = at(param, i), mp = at(m, i), vp = at(v, i);
    adamStep(pp, mp, vp, lane(at(grad, i)), decayed(lane(pp), nd, wd), lane(mp), lane(vp), va, b1c, b2c, ve, false);
  }
}

// ---- RMSprop ------------------------------------------------------------------------------

/**
 * ms = rho * ms + (1 - rho) * g²; centered: mg = rho * mg + (1 - rho) * g, den = ms - mg² + eps,
 * else den = ms + eps; inc = lr * g / sqrt(den); with momentum: mom = momentum * mom + inc, p -= mom;
 * else p -= inc.
 */
@inline function rmspropStep(i: i32, param: usize, grad: usize, ms: usize, mom: usize, mg: usize,
  vlr: v128, rho: v128, rhoc: v128, vmom: v128, eps: v128, nd: v128, wd: bool, vector: bool): void {
  const pp = at(param, i), sp = at(ms, i);
  const g = vector ? v128.load(at(grad, i)) : lane(at(grad, i));
  const p = decayed(vector ? v128.load(pp) : lane(pp), nd, wd);
  const s = vector ? v128.load(sp) : lane(sp);
  const s1 = f32x4.add(f32x4.mul(s, rho), f32x4.mul(f32x4.mul(g, g), rhoc));
  let den = f32x4.add(s1, eps);
  let a1 = s1;
  if (mg != 0) {
    const ap = at(mg, i);
    const a = vector ? v128.load(ap) : lane(ap);
    a1 = f32x4.add(f32x4.mul(a, rho), f32x4.mul(g, rhoc));
    den = f32x4.add(f32x4.sub(s1, f32x4.mul(a1, a1)), eps);
    if (vector) v128.store(ap, a1);
    else store<f32>(ap, f32x4.extract_lane(a1, 0));
  }
  let inc = f32x4.div(f32x4.mul(vlr, g), f32x4.sqrt(den));
  if (mom != 0) {
    const mp = at(mom, i);
    inc = f32x4.add(f32x4.mul(vmom, vector ? v128.load(mp) : lane(mp)), inc);
    if (vector) v128.store(mp, inc);
    else store<f32>(mp, f32x4.extract_lane(inc, 0));
  }
  const q = f32x4.sub(p, inc);
  if (vector) {
    v128.store(sp, s1);
    v128.store(pp, q);
  } else {
    store<f32>(sp, f32x4.extract_lane(s1, 0));
    store<f32>(pp, f32x4.extract_lane(q, 0));
  }
}

/** mom = 0 when momentum is 0; mg = 0 unless centered (slot pointers are never 0 otherwise). */
export function f32_rmsprop_update(param: usize, grad: usize, ms: usize, mom: usize, mg: usize, n: i32,
  lr: f32, rho: f32, oneMinusRho: f32, momentum: f32, eps: f32, decay: f32): void {
  const vlr = f32x4.splat(lr), vrho = f32x4.splat(rho), rhoc = f32x4.splat(oneMinusRho);
  const vmom = f32x4.splat(momentum), ve = f32x4.splat(eps), nd = f32x4.splat(-decay), wd = decay != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) rmspropStep(i, param, grad, ms, mom, mg, vlr, vrho, rhoc, vmom, ve, nd, wd, true);
  for (; i < n; i++) rmspropStep(i, param, grad, ms, mom, mg, vlr, vrho, rhoc, vmom, ve, nd, wd, false);
}

// ---- Adagrad ------------------------------------------------------------------------------

/** acc += g²; p -= lr * g / sqrt(acc + eps). */
@inline function adagradStep(pp: usize, ap: usize, g: v128, p: v128, a: v128, vlr: v128, eps: v128, vector: bool): void {
  const a1 = madd(g, g, a);
  const q = f32x4.sub(p, f32x4.div(f32x4.mul(vlr, g), f32x4.sqrt(f32x4.add(a1, eps))));
  if (vector) {
    v128.store(ap, a1);
    v128.store(pp, q);
  } else {
    store<f32>(ap, f32x4.extract_lane(a1, 0));
    store<f32>(pp, f32x4.extract_lane(q, 0));
  }
}

export function f32_adagrad_update(param: usize, grad: usize, acc: usize, n: i32, lr: f32, eps: f32, decay: f32): void {
  const vlr = f32x4.splat(lr), ve = f32x4.splat(eps), nd = f32x4.splat(-decay), wd = decay != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const pp = at(param, i), ap = at(acc, i);
    adagradStep(pp, ap, v128.load(at(grad, i)), decayed(v128.load(pp), nd, wd), v128.load(ap), vlr, ve, true);
  }
  for (; i < n; i++) {
    const pp = at(param, i), ap = at(acc, i);
    adagradStep(pp, ap, lane(at(grad, i)), decayed(lane(pp), nd, wd), lane(ap), vlr, ve, false);
  }
}
