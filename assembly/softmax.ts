// Row-wise softmax and logSoftmax on [rows, C], and the fused softmax cross-entropy losses.
// Each row: m = max (NaN wins), s = sum exp(x - m) in f64, l = log(s); IEEE arithmetic on these gives
// the edge semantics of src/kernels.ts: a row that is all -Infinity (x - m = -Inf - -Inf) or holds
// +Infinity or NaN is NaN throughout, a -Infinity beside a finite max gives e = 0 exactly.
import { vexp, vexpNonPositive, splat } from './math';

@inline function high2(x: v128): v128 {
  return i32x4.shuffle(x, x, 2, 3, 2, 3);
}

@inline function rowMax(row: usize, C: i32): f32 {
  // NOTE: two accumulators, so consecutive max ops do not wait on each other.
  let a = f32x4.splat(-Infinity), b = a;
  let c = 0;
  for (; c + 8 <= C; c += 8) {
    a = f32x4.max(a, v128.load(row + (<usize>c << 2)));
    b = f32x4.max(b, v128.load(row + (<usize>c << 2), 16));
  }
  for (; c + 4 <= C; c += 4) a = f32x4.max(a, v128.load(row + (<usize>c << 2)));
  a = f32x4.max(a, b);
  let m = max<f32>(max<f32>(f32x4.extract_lane(a, 0), f32x4.extract_lane(a, 1)), max<f32>(f32x4.extract_lane(a, 2), f32x4.extract_lane(a, 3)));
  for (; c < C; c++) m = max<f32>(m, load<f32>(row + (<usize>c << 2)));
  return m;
}

/** sum over the row of exp(x - m), in f64; stores each exp(x - m) at `dst` when `write`. */
@inline function rowSumExp(row: usize, C: i32, m: f32, dst: usize, write: bool): f64 {
  const mv = splat(m);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
  let c = 0;
  for (; c + 4 <= C; c += 4) {
    const p = <usize>c << 2;
    const e = vexp(f32x4.sub(v128.load(row + p), mv));
    if (write) v128.store(dst + p, e);
    a0 = f64x2.add(a0, f64x2.promote_low_f32x4(e));
    a1 = f64x2.add(a1, f64x2.promote_low_f32x4(high2(e)));
  }
  const a = f64x2.add(a0, a1);
  let s = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  for (; c < C; c++) {
    const p = <usize>c << 2;
    const e = f32x4.extract_lane(vexp(f32x4.splat(load<f32>(row + p) - m)), 0);
    if (write) store<f32>(dst + p, e);
    s += <f64>e;
  }
  return s;
}

/**
 * Each row: out = exp(x - m) / s. NOTE: s is summed in float32 over 8 lanes, not in f64 as the
 * losses do: every term is in (0, 1], so the relative error stays below C/8 ulps. That and the
 * x <= 0 exp took the relaxed build from 2.2 to ~1.3 ms on 1024x1024 (tfjs-wasm: ~1.0).
 */
export function f32_softmax(x: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const off = <usize>(r * C) << 2;
    const src = x + off, dst = out + off;
    const mv = splat(rowMax(src, C));
    let s0 = f32x4.splat(0), s1 = s0;
    let c = 0;
    for (; c + 8 <= C; c += 8) {
      const p = <usize>c << 2;
      const e0 = vexpNonPositive(f32x4.sub(v128.load(src + p), mv));
      const e1 = vexpNonPositive(f32x4.sub(v128.load(src + p, 16), mv));
      v128.store(dst + p, e0);
      v128.store(dst + p, e1, 16);
      s0 = f32x4.add(s0, e0);
      s1 = f32x4.add(s1, e1);
    }
    for (; c + 4 <= C; c += 4) {
      const p = <usize>c << 2;
      const e = vexpNonPositive(f32x4.sub(v128.load(src + p), mv));
      v128.store(dst + p, e);
      s0 = f32x4.add(s0, e);
    }
    s0 = f32x4.add(s0, s1);
    let s = <f64>f32x4.extract_lane(s0, 0) + <f64>f32x4.extract_lane(s0, 1) + <f64>f32x4.extract_lane(s0, 2) + <f64>f32x4.extract_lane(s0, 3);
    const m = f32x4.extract_lane(mv, 0);
    for (; c < C; c++) {
      const p = <usize>c << 2;
      const e = f32x4.extract_lane(vexpNonPositive(f32x4.splat(load<f32>(src + p) - m)), 0);
      store<f32>(dst + p, e);
      s += <f64>e;
    }
    const k = <f32>(1 / s);
    const kv = splat(k);
    c = 0;
    for (; c + 4 <= C; c += 4) {
      const p = dst + (<usize>c << 2);
      v128.store(p, f32x4.mul(v128.load(p), kv));
    }
    for (; c < C; c++) {
      const p = dst + (<usize>c << 2);
      store<f32>(p, load<f32>(p) * k);
    }
  }
}

/** out = (x - m) - l, computed in f64 and rounded once. */
export function f32_log_softmax(x: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const off = <usize>(r * C) << 2;
    const m = rowMax(x + off, C);
    const l = Math.log(rowSumExp(x + off, C, m, 0, false));
    const mv = f64x2.splat(<f64>m), lv = f64x2.splat(l);
    let c = 0;
    for (; c + 4 <= C; c += 4) {
      const p = off + (<usize>c << 2);
      const v = v128.load(x + p);
      const lo = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(v), mv), lv);
      const hi = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(high2(v)), mv), lv);
      v128.store(out + p, i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
    }
    for (; c < C; c++) {
      const p = off + (<usize>c << 2);
      store<f32>(out + p, <f32>((<f64>load<f32>(x + p) - <f64>m) - l));
    }
  }
}

/** logits [rows, C], labels [rows, C] -> loss [rows] = -sum over labels != 0 of y * logSoftmax. */
export function f32_softmax_cross_entropy(logits: usize, labels: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const off = <usize>(r * C) << 2;
    const m = rowMax(logits + off, C);
    const l = Math.log(rowSumExp(logits + off, C, m, 0, false));
    const mv = f64x2.splat(<f64>m), lv = f64x2.splat(l), zero = f64x2.splat(0);
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
    let c = 0;
    for (; c + 4 <= C; c += 4) {
      const p = off + (<usize>c << 2);
      const v = v128.load(logits + p), y = v128.load(labels + p);
      const y0 = f64x2.promote_low_f32x4(y), y1 = f64x2.promote_low_f32x4(high2(y));
      const t0 = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(v), mv), lv);
      const t1 = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(high2(v)), mv), lv);
      // NOTE: a zero label skips its term, so a -Infinity logit there gives no NaN (0 * -Infinity).
      a0 = f64x2.add(a0, v128.and(f64x2.mul(y0, t0), f64x2.ne(y0, zero)));
      a1 = f64x2.add(a1, v128.and(f64x2.mul(y1, t1), f64x2.ne(y1, zero)));
    }
    const a = f64x2.add(a0, a1);
    let s = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
    for (; c < C; c++) {
      const p = off + (<usize>c << 2);
      const y = <f64>load<f32>(labels + p);
      if (y != 0) s += y * ((<f64>load<f32>(logits + p) - <f64>m) - l);
    }
    store<f32>(out + (<usize>r << 2), <f32>(0 - s));
  }
}

/** logits [rows, C], labels int32 [rows] -> loss [rows] = -logSoftmax[label]; NaN for a label outside [0, C). */
export function f32_sparse_softmax_cross_entropy(logits: usize, labels: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const off = <usize>(r * C) << 2;
    const y = load<i32>(labels + (<usize>r << 2));
    if (<u32>y >= <u32>C) { store<f32>(out + (<usize>r << 2), NaN); continue; }
    const m = rowMax(logits + off, C);
    const l = Math.log(rowSumExp(logits + off, C, m, 0, false));
    const v = <f64>load<f32>(logits + off + (<usize>y << 2));
    store<f32>(out + (<usize>r << 2), <f32>(-((v - <f64>m) - l)));
  }
}
