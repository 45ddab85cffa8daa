// Reductions over axis 1 of [outer, R, inner] -> [outer, inner]: sum, max, min, argmax, argmin.
// Float sums accumulate in f64 (as the js backend does); max/min let NaN win; arg* take the first index.
import { x32_fill } from './layout';

@inline function high2(x: v128): v128 {
  return i32x4.shuffle(x, x, 2, 3, 2, 3);
}

@inline function rowPtr(x: usize, o: i32, r: i32, R: i32, inner: i32, j: i32): usize {
  return x + (<usize>((o * R + r) * inner + j) << 2);
}

export function f32_sum(x: usize, out: usize, outer: i32, R: i32, inner: i32): void {
  for (let o = 0; o < outer; o++) {
    if (inner == 1) {
      const row = x + (<usize>(o * R) << 2);
      let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
      let r = 0;
      for (; r + 8 <= R; r += 8) {
        const v0 = v128.load(row + (<usize>r << 2)), v1 = v128.load(row + (<usize>r << 2), 16);
        a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v0));
        a1 = f64x2.add(a1, f64x2.promote_low_f32x4(high2(v0)));
        a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v1));
        a3 = f64x2.add(a3, f64x2.promote_low_f32x4(high2(v1)));
      }
      const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
      let s = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
      for (; r < R; r++) s += <f64>load<f32>(row + (<usize>r << 2));
      store<f32>(out + (<usize>o << 2), <f32>s);
      continue;
    }
    let j = 0;
    // NOTE: 16 columns a pass read one 64-byte line per row (8 columns, half a line: twice the
    // traffic over memory for NHWC channel sums); each column still sums r = 0..R-1 in order.
    for (; j + 16 <= inner; j += 16) {
      let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
      let a4 = f64x2.splat(0), a5 = f64x2.splat(0), a6 = f64x2.splat(0), a7 = f64x2.splat(0);
      for (let r = 0; r < R; r++) {
        const p = rowPtr(x, o, r, R, inner, j);
        const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
        a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v0));
        a1 = f64x2.add(a1, f64x2.promote_low_f32x4(high2(v0)));
        a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v1));
        a3 = f64x2.add(a3, f64x2.promote_low_f32x4(high2(v1)));
        a4 = f64x2.add(a4, f64x2.promote_low_f32x4(v2));
        a5 = f64x2.add(a5, f64x2.promote_low_f32x4(high2(v2)));
        a6 = f64x2.add(a6, f64x2.promote_low_f32x4(v3));
        a7 = f64x2.add(a7, f64x2.promote_low_f32x4(high2(v3)));
      }
      const q = out + (<usize>(o * inner + j) << 2);
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a0), f32x4.demote_f64x2_zero(a1), 0, 1, 4, 5));
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a2), f32x4.demote_f64x2_zero(a3), 0, 1, 4, 5), 16);
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a4), f32x4.demote_f64x2_zero(a5), 0, 1, 4, 5), 32);
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a6), f32x4.demote_f64x2_zero(a7), 0, 1, 4, 5), 48);
    }
    for (; j + 8 <= inner; j += 8) {
      let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
      for (let r = 0; r < R; r++) {
        const p = rowPtr(x, o, r, R, inner, j);
        const v0 = v128.load(p), v1 = v128.load(p, 16);
        a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v0));
        a1 = f64x2.add(a1, f64x2.promote_low_f32x4(high2(v0)));
        a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v1));
        a3 = f64x2.add(a3, f64x2.promote_low_f32x4(high2(v1)));
      }
      const q = out + (<usize>(o * inner + j) << 2);
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a0), f32x4.demote_f64x2_zero(a1), 0, 1, 4, 5));
      v128.store(q, i32x4.shuffle(f32x4.demote_f64x2_zero(a2), f32x4.demote_f64x2_zero(a3), 0, 1, 4, 5), 16);
    }
    for (; j < inner; j++) {
      let s: f64 = 0;
      for (let r = 0; r < R; r++) s += <f64>load<f32>(rowPtr(x, o, r, R, inner, j));
      store<f32>(out + (<usize>(o * inner + j) << 2), <f32>s);
    }
  }
}

export function i32_sum(x: usize, out: usize, outer: i32, R: i32, inner: i32): void {
  for (let o = 0; o < outer; o++) {
    if (inner == 1) {
      const row = x + (<usize>(o * R) << 2);
      let a = i32x4.splat(0);
      let r = 0;
      for (; r + 4 <= R; r += 4) a = i32x4.add(a, v128.load(row + (<usize>r << 2)));
      let s = i32x4.extract_lane(a, 0) + i32x4.extract_lane(a, 1) + i32x4.extract_lane(a, 2) + i32x4.extract_lane(a, 3);
      for (; r < R; r++) s += load<i32>(row + (<usize>r << 2));
      store<i32>(out + (<usize>o << 2), s);
      continue;
    }
    let j = 0;
    for (; j + 4 <= inner; j += 4) {
      let a = i32x4.splat(0);
      for (let r = 0; r < R; r++) a = i32x4.add(a, v128.load(rowPtr(x, o, r, R, inner, j)));
      v128.store(out + (<usize>(o * inner + j) << 2), a);
    }
    for (; j < inner; j++) {
      let s = 0;
      for (let r = 0; r < R; r++) s += load<i32>(rowPtr(x, o, r, R, inner, j));
      store<i32>(out + (<usize>(o * inner + j) << 2), s);
    }
  }
}

/** The identity of max (isMax) or min over T: -/+Infinity, or the int32 limits. */
@inline function worst<T>(isMax: bool): T {
  if (isFloat<T>()) return <T>(isMax ? -Infinity : Infinity);
  return <T>(isMax ? i32.MIN_VALUE : i32.MAX_VALUE);
}

@inline function pickV<T>(a: v128, b: v128, isMax: bool): v128 {
  return isMax ? v128.max<T>(a, b) : v128.min<T>(a, b);
}

@inline function pick<T>(a: T, b: T, isMax: bool): T {
  return isMax ? max<T>(a, b) : min<T>(a, b);
}

/**
 * max (isMax) or min over float32 or int32; NaN wins. R = 0 gives -Infinity / +Infinity for float32.
 * NOTE: R = 0 gives 0 for int32, as the js backend stores ±Infinity into an Int32Array.
 */
@inline function extreme<T>(x: usize, out: usize, outer: i32, R: i32, inner: i32, isMax: bool): void {
  const init = worst<T>(isMax);
  if (!isFloat<T>() && R == 0) { x32_fill(out, outer * inner, 0); return; }
  for (let o = 0; o < outer; o++) {
    if (inner == 1) {
      const row = x + (<usize>(o * R) << 2);
      let a = v128.splat<T>(init);
      let r = 0;
      if (isFloat<T>()) {
        // NOTE: f32x4.max/min are several instructions each in V8; two accumulators hide their latency.
        let a1 = a;
        for (; r + 8 <= R; r += 8) {
          a = pickV<T>(a, v128.load(row + (<usize>r << 2)), isMax);
          a1 = pickV<T>(a1, v128.load(row + (<usize>r << 2), 16), isMax);
        }
        a = pickV<T>(a, a1, isMax);
      } else {
        for (; r + 4 <= R; r += 4) a = pickV<T>(a, v128.load(row + (<usize>r << 2)), isMax);
      }
      let m = pick<T>(
        pick<T>(v128.extract_lane<T>(a, 0), v128.extract_lane<T>(a, 1), isMax),
        pick<T>(v128.extract_lane<T>(a, 2), v128.extract_lane<T>(a, 3), isMax), isMax);
      for (; r < R; r++) m = pick<T>(m, load<T>(row + (<usize>r << 2)), isMax);
      store<T>(out + (<usize>o << 2), m);
      continue;
    }
    let j = 0;
    for (; j + 4 <= inner; j += 4) {
      let a = v128.splat<T>(init);
      for (let r = 0; r < R; r++) a = pickV<T>(a, v128.load(rowPtr(x, o, r, R, inner, j)), isMax);
      v128.store(out + (<usize>(o * inner + j) << 2), a);
    }
    for (; j < inner; j++) {
      let m = init;
      for (let r = 0; r < R; r++) m = pick<T>(m, load<T>(rowPtr(x, o, r, R, inner, j)), isMax);
      store<T>(out + (<usize>(o * inner + j) << 2), m);
    }
  }
}

export function f32_max(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { extreme<f32>(x, out, outer, R, inner, true); }
export function f32_min(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { extreme<f32>(x, out, outer, R, inner, false); }
export function i32_max(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { extreme<i32>(x, out, outer, R, inner, true); }
export function i32_min(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { extreme<i32>(x, out, outer, R, inner, false); }

/** Lanes where v replaces the running best: strictly better, or (float32) the first NaN. */
@inline function beats<T>(v: v128, best: v128, isMax: bool): v128 {
  const better = isMax ? v128.gt<T>(v, best) : v128.lt<T>(v, best);
  if (!isFloat<T>()) return better;
  return v128.or(better, v128.and(f32x4.ne(v, v), f32x4.eq(best, best)));
}

@inline function beatsScalar<T>(v: T, best: T, isMax: bool): bool {
  return (isMax ? v > best : v < best) || (isNaN<T>(v) && !isNaN<T>(best));
}

/** argmax/argmin with the js backend's rule: first index of the best, NaN counts as best. */
@inline function arg<T>(x: usize, out: usize, outer: i32, R: i32, inner: i32, isMax: bool): void {
  const init = worst<T>(isMax);
  for (let o = 0; o < outer; o++) {
    if (inner == 1) {
      const row = x + (<usize>(o * R) << 2);
      let best = v128.splat<T>(init), bidx = i32x4.splat(0);
      let idx = i32x4(0, 1, 2, 3);
      let r = 0;
      for (; r + 4 <= R; r += 4) {
        const v = v128.load(row + (<usize>r << 2));
        const m = beats<T>(v, best, isMax);
        best = v128.bitselect(v, best, m);
        bidx = v128.bitselect(idx, bidx, m);
        idx = i32x4.add(idx, i32x4.splat(4));
      }
      // Merge the lanes: a lane wins if better, or as good (both NaN included) with a lower index.
      let bv = v128.extract_lane<T>(best, 0), bi = i32x4.extract_lane(bidx, 0);
      for (let l = 1; l < 4; l++) {
        const v = l == 1 ? v128.extract_lane<T>(best, 1) : l == 2 ? v128.extract_lane<T>(best, 2) : v128.extract_lane<T>(best, 3);
        const i = l == 1 ? i32x4.extract_lane(bidx, 1) : l == 2 ? i32x4.extract_lane(bidx, 2) : i32x4.extract_lane(bidx, 3);
        const same = v == bv || (isNaN<T>(v) && isNaN<T>(bv));
        if (beatsScalar<T>(v, bv, isMax) || (same && i < bi)) { bv = v; bi = i; }
      }
      for (; r < R; r++) {
        const v = load<T>(row + (<usize>r << 2));
        if (beatsScalar<T>(v, bv, isMax)) { bv = v; bi = r; }
      }
      store<i32>(out + (<usize>o << 2), bi);
      continue;
    }
    let j = 0;
    for (; j + 4 <= inner; j += 4) {
      let best = v128.splat<T>(init), bidx = i32x4.splat(0);
      for (let r = 0; r < R; r++) {
        const v = v128.load(rowPtr(x, o, r, R, inner, j));
        const m = beats<T>(v, best, isMax);
        best = v128.bitselect(v, best, m);
        bidx = v128.bitselect(i32x4.splat(r), bidx, m);
      }
      v128.store(out + (<usize>(o * inner + j) << 2), bidx);
    }
    for (; j < inner; j++) {
      let bv = init, bi = 0;
      for (let r = 0; r < R; r++) {
        const v = load<T>(rowPtr(x, o, r, R, inner, j));
        if (beatsScalar<T>(v, bv, isMax)) { bv = v; bi = r; }
      }
      store<i32>(out + (<usize>(o * inner + j) << 2), bi);
    }
  }
}

export function f32_argmax(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { arg<f32>(x, out, outer, R, inner, true); }
export function f32_argmin(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { arg<f32>(x, out, outer, R, inner, false); }
export function i32_argmax(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { arg<i32>(x, out, outer, R, inner, true); }
export function i32_argmin(x: usize, out: usize, outer: i32, R: i32, inner: i32): void { arg<i32>(x, out, outer, R, inner, false); }
