// Fused scaled dot-product attention, forward and backward (src/kernels.ts: KernelAttrs.attention).
// Query rows by blocks of four (a tail block row by row), two passes over the keys: the four rows'
// scores s = scale · q_i Kᵀ into scratch rows in one pass over Kᵀ (K transposed once per batch into
// [D, Tk4], so the product runs along keys with no horizontal sums), then each row's max, exp and
// sum, then out = P V for the four rows in one pass over V (each row of V loaded once per block,
// not once per query row). Causal rows stop at their last allowed key (a block runs to its last
// row's, the others' extra keys as p = 0); masked keys score -Infinity (exp gives 0).
// The backward pass recomputes the probabilities from the forward's lse (memory O(T), not the
// O(T²) probabilities), by the same blocks of four: p, dp = dy_i Vᵀ, ds = scale · p (dp - dy_i·out_i),
// then dq = dS K, and the scatters dk_j += Σ_i ds_ij q_i, dv_j += Σ_i p_ij dy_i, each key's rows
// loaded and stored once per block. A row without an allowed key is uniform over every key
// (Keras' -1e9 scores): out = mean of v's rows, lse = -Infinity, no score gradient.
import { madd, splat, vexpNonPositive, vlog } from './math';
import { x32_fill } from './layout';

@inline function tk4(Tk: i32): i32 {
  return (Tk + 3) & ~3;
}

/** Scratch bytes for Tk keys, head sizes D and Dv: Kᵀ [D, Tk4], Vᵀ [Dv, Tk4] and eight rows of Tk4. */
export function f32_attention_work_bytes(Tk: i32, D: i32, Dv: i32): i32 {
  return (D + Dv + 8) * tk4(Tk) << 2;
}

/** dst [L, Tk4] = src [Tk, L] transposed, zero past Tk. */
function transposeInto(src: usize, Tk: i32, L: i32, dst: usize): void {
  const t4 = tk4(Tk);
  for (let l = 0; l < L; l++) {
    const row = dst + (<usize>(l * t4) << 2);
    for (let j = 0; j < Tk; j++) store<f32>(row + (<usize>j << 2), load<f32>(src + (<usize>(j * L + l) << 2)));
    for (let j = Tk; j < t4; j++) store<f32>(row + (<usize>j << 2), 0);
  }
}

/** dst[j] = scale · Σ_l x[l] · mt[l, j] for j < n rounded up to 4 (mt [L, t4], rows of t4 floats). */
function rowTimesT(x: usize, L: i32, mt: usize, t4: i32, n: i32, scale: f32, dst: usize): void {
  const n4 = (n + 3) & ~3;
  const stride = <usize>t4 << 2;
  const sv = splat(scale);
  let j = 0;
  for (; j + 16 <= n4; j += 16) {
    let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
    let p = mt + (<usize>j << 2);
    for (let l = 0; l < L; l++) {
      const xv = v128.load32_splat(x + (<usize>l << 2));
      a0 = madd(xv, v128.load(p), a0);
      a1 = madd(xv, v128.load(p, 16), a1);
      a2 = madd(xv, v128.load(p, 32), a2);
      a3 = madd(xv, v128.load(p, 48), a3);
      p += stride;
    }
    const d = dst + (<usize>j << 2);
    v128.store(d, f32x4.mul(a0, sv));
    v128.store(d, f32x4.mul(a1, sv), 16);
    v128.store(d, f32x4.mul(a2, sv), 32);
    v128.store(d, f32x4.mul(a3, sv), 48);
  }
  for (; j < n4; j += 4) {
    let a0 = f32x4.splat(0);
    let p = mt + (<usize>j << 2);
    for (let l = 0; l < L; l++) {
      a0 = madd(v128.load32_splat(x + (<usize>l << 2)), v128.load(p), a0);
      p += stride;
    }
    v128.store(dst + (<usize>j << 2), f32x4.mul(a0, sv));
  }
}

/**
 * rowTimesT for four consecutive rows of x (L floats each) into four rows of dst (t4 floats each):
 * each load of mt serves four rows (the forward's scores; a row block of the flash-attention kind).
 */
function rowTimesT4(x: usize, L: i32, mt: usize, t4: i32, n: i32, scale: f32, dst: usize): void {
  const n4 = (n + 3) & ~3;
  const stride = <usize>t4 << 2, xs = <usize>L << 2, ds = <usize>t4 << 2;
  const sv = splat(scale);
  let j = 0;
  for (; j + 8 <= n4; j += 8) {
    let a0 = f32x4.splat(0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
    let p = mt + (<usize>j << 2);
    for (let l = 0; l < L; l++) {
      const xp = x + (<usize>l << 2);
      const m0 = v128.load(p), m1 = v128.load(p, 16);
      const x0 = v128.load32_splat(xp), x1 = v128.load32_splat(xp + xs), x2 = v128.load32_splat(xp + 2 * xs), x3 = v128.load32_splat(xp + 3 * xs);
      a0 = madd(x0, m0, a0); a1 = madd(x0, m1, a1);
      b0 = madd(x1, m0, b0); b1 = madd(x1, m1, b1);
      c0 = madd(x2, m0, c0); c1 = madd(x2, m1, c1);
      d0 = madd(x3, m0, d0); d1 = madd(x3, m1, d1);
      p += stride;
    }
    const d = dst + (<usize>j << 2);
    v128.store(d, f32x4.mul(a0, sv)); v128.store(d, f32x4.mul(a1, sv), 16);
    v128.store(d + ds, f32x4.mul(b0, sv)); v128.store(d + ds, f32x4.mul(b1, sv), 16);
    v128.store(d + 2 * ds, f32x4.mul(c0, sv)); v128.store(d + 2 * ds, f32x4.mul(c1, sv), 16);
    v128.store(d + 3 * ds, f32x4.mul(d0, sv)); v128.store(d + 3 * ds, f32x4.mul(d1, sv), 16);
  }
  for (; j < n4; j += 4) {
    let a0 = f32x4.splat(0), b0 = a0, c0 = a0, d0 = a0;
    let p = mt + (<usize>j << 2);
    for (let l = 0; l < L; l++) {
      const xp = x + (<usize>l << 2);
      const m0 = v128.load(p);
      a0 = madd(v128.load32_splat(xp), m0, a0);
      b0 = madd(v128.load32_splat(xp + xs), m0, b0);
      c0 = madd(v128.load32_splat(xp + 2 * xs), m0, c0);
      d0 = madd(v128.load32_splat(xp + 3 * xs), m0, d0);
      p += stride;
    }
    const d = dst + (<usize>j << 2);
    v128.store(d, f32x4.mul(a0, sv));
    v128.store(d + ds, f32x4.mul(b0, sv));
    v128.store(d + 2 * ds, f32x4.mul(c0, sv));
    v128.store(d + 3 * ds, f32x4.mul(d0, sv));
  }
}

/** dst[c] = Σ_{j<n} w[j] · rows[j, c] for c < W (rows [n, W] row-major). */
function weightedRows(w: usize, n: i32, rows: usize, W: i32, dst: usize): void {
  const stride = <usize>W << 2;
  let c = 0;
  for (; c + 16 <= W; c += 16) {
    let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      const wv = v128.load32_splat(w + (<usize>j << 2));
      a0 = madd(wv, v128.load(p), a0);
      a1 = madd(wv, v128.load(p, 16), a1);
      a2 = madd(wv, v128.load(p, 32), a2);
      a3 = madd(wv, v128.load(p, 48), a3);
      p += stride;
    }
    const d = dst + (<usize>c << 2);
    v128.store(d, a0);
    v128.store(d, a1, 16);
    v128.store(d, a2, 32);
    v128.store(d, a3, 48);
  }
  for (; c + 4 <= W; c += 4) {
    let a0 = f32x4.splat(0);
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      a0 = madd(v128.load32_splat(w + (<usize>j << 2)), v128.load(p), a0);
      p += stride;
    }
    v128.store(dst + (<usize>c << 2), a0);
  }
  for (; c < W; c++) {
    let a: f32 = 0;
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      a += load<f32>(w + (<usize>j << 2)) * load<f32>(p);
      p += stride;
    }
    store<f32>(dst + (<usize>c << 2), a);
  }
}

/**
 * weightedRows for four rows of weights (w + r·ws bytes, n each) into four rows of dst (dst + r·ds
 * bytes): each load of a row of `rows` serves the four (the forward's P·V, the backward's dS·K).
 */
function weightedRows4(w: usize, ws: usize, n: i32, rows: usize, W: i32, dst: usize, ds: usize): void {
  const stride = <usize>W << 2;
  let c = 0;
  for (; c + 8 <= W; c += 8) {
    let a0 = f32x4.splat(0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      const wp = w + (<usize>j << 2);
      const m0 = v128.load(p), m1 = v128.load(p, 16);
      const x0 = v128.load32_splat(wp), x1 = v128.load32_splat(wp + ws), x2 = v128.load32_splat(wp + 2 * ws), x3 = v128.load32_splat(wp + 3 * ws);
      a0 = madd(x0, m0, a0); a1 = madd(x0, m1, a1);
      b0 = madd(x1, m0, b0); b1 = madd(x1, m1, b1);
      c0 = madd(x2, m0, c0); c1 = madd(x2, m1, c1);
      d0 = madd(x3, m0, d0); d1 = madd(x3, m1, d1);
      p += stride;
    }
    const d = dst + (<usize>c << 2);
    v128.store(d, a0); v128.store(d, a1, 16);
    v128.store(d + ds, b0); v128.store(d + ds, b1, 16);
    v128.store(d + 2 * ds, c0); v128.store(d + 2 * ds, c1, 16);
    v128.store(d + 3 * ds, d0); v128.store(d + 3 * ds, d1, 16);
  }
  for (; c + 4 <= W; c += 4) {
    let a0 = f32x4.splat(0), b0 = a0, c0 = a0, d0 = a0;
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      const wp = w + (<usize>j << 2);
      const m0 = v128.load(p);
      a0 = madd(v128.load32_splat(wp), m0, a0);
      b0 = madd(v128.load32_splat(wp + ws), m0, b0);
      c0 = madd(v128.load32_splat(wp + 2 * ws), m0, c0);
      d0 = madd(v128.load32_splat(wp + 3 * ws), m0, d0);
      p += stride;
    }
    const d = dst + (<usize>c << 2);
    v128.store(d, a0);
    v128.store(d + ds, b0);
    v128.store(d + 2 * ds, c0);
    v128.store(d + 3 * ds, d0);
  }
  for (; c < W; c++) {
    let a: f32 = 0, b: f32 = 0, e: f32 = 0, f: f32 = 0;
    let p = rows + (<usize>c << 2);
    for (let j = 0; j < n; j++) {
      const wp = w + (<usize>j << 2);
      const m = load<f32>(p);
      a += load<f32>(wp) * m;
      b += load<f32>(wp + ws) * m;
      e += load<f32>(wp + 2 * ws) * m;
      f += load<f32>(wp + 3 * ws) * m;
      p += stride;
    }
    const d = dst + (<usize>c << 2);
    store<f32>(d, a);
    store<f32>(d + ds, b);
    store<f32>(d + 2 * ds, e);
    store<f32>(d + 3 * ds, f);
  }
}

/** y[c] += alpha · x[c], c < W. */
@inline function axpy(alpha: f32, x: usize, y: usize, W: i32): void {
  const av = splat(alpha);
  let c = 0;
  for (; c + 4 <= W; c += 4) {
    const p = <usize>c << 2;
    v128.store(y + p, madd(av, v128.load(x + p), v128.load(y + p)));
  }
  for (; c < W; c++) {
    const p = <usize>c << 2;
    store<f32>(y + p, load<f32>(y + p) + alpha * load<f32>(x + p));
  }
}

/** Sets masked scores of s[0..n) to -Infinity (mask row: n floats, 0 = masked). */
@inline function applyMask(s: usize, maskRow: usize, n: i32): void {
  const ninf = f32x4.splat(-Infinity);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const p = <usize>j << 2;
    const keep = f32x4.ne(v128.load(maskRow + p), f32x4.splat(0));
    v128.store(s + p, v128.bitselect(v128.load(s + p), ninf, keep));
  }
  for (; j < n; j++) {
    const p = <usize>j << 2;
    if (load<f32>(maskRow + p) == 0) store<f32>(s + p, -Infinity);
  }
}

/** How many leading keys row i may see: all Tk, or up to i + Tk - Tq when causal (0 or fewer: none). */
@inline function visible(i: i32, Tq: i32, Tk: i32, causal: i32): i32 {
  return causal ? min<i32>(Tk, i + Tk - Tq + 1) : Tk;
}

@inline function maxOf(s: usize, n: i32): f32 {
  let a = f32x4.splat(-Infinity);
  let j = 0;
  for (; j + 4 <= n; j += 4) a = f32x4.max(a, v128.load(s + (<usize>j << 2)));
  let m = max<f32>(max<f32>(f32x4.extract_lane(a, 0), f32x4.extract_lane(a, 1)), max<f32>(f32x4.extract_lane(a, 2), f32x4.extract_lane(a, 3)));
  for (; j < n; j++) m = max<f32>(m, load<f32>(s + (<usize>j << 2)));
  return m;
}

/** s[j] = exp(s[j] - sub) for j < n (rounded up to 4: the padding lanes are overwritten too); returns the sum over j < n. */
@inline function expRow(s: usize, n: i32, sub: f32): f32 {
  const mv = splat(sub);
  let acc = f32x4.splat(0);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const p = <usize>j << 2;
    const e = vexpNonPositive(f32x4.sub(v128.load(s + p), mv));
    v128.store(s + p, e);
    acc = f32x4.add(acc, e);
  }
  let t = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
  for (; j < n; j++) {
    const p = <usize>j << 2;
    const e = f32x4.extract_lane(vexpNonPositive(f32x4.splat(load<f32>(s + p) - sub)), 0);
    store<f32>(s + p, e);
    t += e;
  }
  return t;
}

/** out[c] = mean over the Tk rows of v [Tk, Dv]. */
function meanRows(v: usize, Tk: i32, Dv: i32, out: usize): void {
  x32_fill(out, Dv, 0);
  for (let j = 0; j < Tk; j++) axpy(1, v + (<usize>(j * Dv) << 2), out, Dv);
  const inv: f32 = 1 / <f32>Tk;
  for (let c = 0; c < Dv; c++) store<f32>(out + (<usize>c << 2), load<f32>(out + (<usize>c << 2)) * inv);
}

/**
 * q [B, Tq, D], k [B, Tk, D], v [B, Tk, Dv], mask [Bm, Tq, Tk] or 0 (maskStride: Tq·Tk, or 0 when
 * Bm = 1) -> out [B, Tq, Dv], lse [B, Tq]; work: f32_attention_work_bytes(Tk, D, Dv).
 */
export function f32_attention(q: usize, k: usize, v: usize, mask: usize, out: usize, lse: usize,
  B: i32, Tq: i32, Tk: i32, D: i32, Dv: i32, maskStride: i32, scale: f32, causal: i32, work: usize): void {
  const t4 = tk4(Tk);
  const rs = <usize>t4 << 2;
  const kt = work, s4 = work + (<usize>(D * t4) << 2);
  // each row's 1 / Σ exp, four floats after the four score rows
  const invs = s4 + 4 * rs;
  for (let b = 0; b < B; b++) {
    const kb = k + (<usize>(b * Tk * D) << 2), vb = v + (<usize>(b * Tk * Dv) << 2);
    transposeInto(kb, Tk, D, kt);
    // rows by blocks of four: their scores in one pass over Kᵀ, their products with V in one pass over V
    for (let i0 = 0; i0 < Tq; i0 += 4) {
      const nr = min<i32>(4, Tq - i0);
      const row0 = b * Tq + i0;
      const nmax = visible(i0 + nr - 1, Tq, Tk, causal);
      if (nmax > 0) {
        if (nr == 4) rowTimesT4(q + (<usize>(row0 * D) << 2), D, kt, t4, nmax, scale, s4);
        else for (let r = 0; r < nr; r++) rowTimesT(q + (<usize>((row0 + r) * D) << 2), D, kt, t4, nmax, scale, s4 + r * rs);
      }
      for (let r = 0; r < nr; r++) {
        const row = row0 + r;
        const n = visible(i0 + r, Tq, Tk, causal);
        const s = s4 + r * rs;
        let m: f32 = -Infinity;
        if (n > 0) {
          if (mask) applyMask(s, mask + (<usize>(b * maskStride + (i0 + r) * Tk) << 2), n);
          m = maxOf(s, n);
        }
        if (m == -Infinity) {
          // no allowed key: its output is the mean of v's rows, written below
          store<f32>(lse + (<usize>row << 2), -Infinity);
          store<f32>(invs + (<usize>r << 2), 0);
          if (nmax > 0) x32_fill(s, nmax, 0);
          continue;
        }
        const l = expRow(s, n, m);
        if (n < nmax) x32_fill(s + (<usize>n << 2), nmax - n, 0);
        store<f32>(invs + (<usize>r << 2), 1 / l);
        store<f32>(lse + (<usize>row << 2), m + f32x4.extract_lane(vlog(f32x4.splat(l)), 0));
      }
      if (nmax > 0) {
        if (nr == 4) weightedRows4(s4, rs, nmax, vb, Dv, out + (<usize>(row0 * Dv) << 2), <usize>Dv << 2);
        else for (let r = 0; r < nr; r++) weightedRows(s4 + r * rs, nmax, vb, Dv, out + (<usize>((row0 + r) * Dv) << 2));
      }
      for (let r = 0; r < nr; r++) {
        const o = out + (<usize>((row0 + r) * Dv) << 2);
        const il = load<f32>(invs + (<usize>r << 2));
        if (il == 0) { meanRows(vb, Tk, Dv, o); continue; }
        const inv = splat(il);
        let c = 0;
        for (; c + 4 <= Dv; c += 4) v128.store(o + (<usize>c << 2), f32x4.mul(v128.load(o + (<usize>c << 2)), inv));
        for (; c < Dv; c++) store<f32>(o + (<usize>c << 2), load<f32>(o + (<usize>c << 2)) * il);
      }
    }
  }
}

/** y[c] += a0·x0[c] + a1·x1[c] + a2·x2[c] + a3·x3[c], c < W (x_r = x + r·xs bytes): one load and store of y for four rows. */
@inline function axpy4(a0: f32, a1: f32, a2: f32, a3: f32, x: usize, xs: usize, y: usize, W: i32): void {
  const v0 = splat(a0), v1 = splat(a1), v2 = splat(a2), v3 = splat(a3);
  let c = 0;
  for (; c + 4 <= W; c += 4) {
    const p = <usize>c << 2;
    const xp = x + p;
    let acc = madd(v0, v128.load(xp), v128.load(y + p));
    acc = madd(v1, v128.load(xp + xs), acc);
    acc = madd(v2, v128.load(xp + 2 * xs), acc);
    v128.store(y + p, madd(v3, v128.load(xp + 3 * xs), acc));
  }
  for (; c < W; c++) {
    const p = <usize>c << 2;
    const xp = x + p;
    store<f32>(y + p, load<f32>(y + p) + a0 * load<f32>(xp) + a1 * load<f32>(xp + xs) + a2 * load<f32>(xp + 2 * xs) + a3 * load<f32>(xp + 3 * xs));
  }
}

/**
 * The backward pass: q, k, v, out, lse, dy as the forward's (dy like out), mask as there ->
 * dq [B, Tq, D], dk [B, Tk, D], dv [B, Tk, Dv] (overwritten); work as the forward's.
 * Query rows go by blocks of four: their scores and dy_i Vᵀ in one pass over Kᵀ and Vᵀ each
 * (rowTimesT4), and the scatters dk_j += Σ_r ds_rj q_r, dv_j += Σ_r p_rj dy_r load and store each
 * key's rows once per block (axpy4), not once per query row. A block's rows past a row's last
 * visible key (causal) or on masked keys have p = ds = 0; a key whose four p are all 0 is skipped.
 */
export function f32_attention_grad(q: usize, k: usize, v: usize, out: usize, lse: usize, dy: usize, mask: usize,
  dq: usize, dk: usize, dv: usize,
  B: i32, Tq: i32, Tk: i32, D: i32, Dv: i32, maskStride: i32, scale: f32, causal: i32, work: usize): void {
  const t4 = tk4(Tk);
  const kt = work, vt = kt + (<usize>(D * t4) << 2);
  const p = vt + (<usize>(Dv * t4) << 2), ds = p + (<usize>(4 * t4) << 2);
  const rs = <usize>t4 << 2;
  x32_fill(dk, B * Tk * D, 0);
  x32_fill(dv, B * Tk * Dv, 0);
  for (let b = 0; b < B; b++) {
    const kb = k + (<usize>(b * Tk * D) << 2), vb = v + (<usize>(b * Tk * Dv) << 2);
    const dkb = dk + (<usize>(b * Tk * D) << 2), dvb = dv + (<usize>(b * Tk * Dv) << 2);
    transposeInto(kb, Tk, D, kt);
    transposeInto(vb, Tk, Dv, vt);
    for (let i0 = 0; i0 < Tq; i0 += 4) {
      const nr = min<i32>(4, Tq - i0);
      const row0 = b * Tq + i0;
      // visible keys grow with the row: the block's last row sees the most
      const nmax = visible(i0 + nr - 1, Tq, Tk, causal);
      if (nmax > 0) {
        if (nr == 4) {
          rowTimesT4(q + (<usize>(row0 * D) << 2), D, kt, t4, nmax, scale, p);
          rowTimesT4(dy + (<usize>(row0 * Dv) << 2), Dv, vt, t4, nmax, 1, ds);
        } else {
          for (let r = 0; r < nr; r++) {
            rowTimesT(q + (<usize>((row0 + r) * D) << 2), D, kt, t4, nmax, scale, p + r * rs);
            rowTimesT(dy + (<usize>((row0 + r) * Dv) << 2), Dv, vt, t4, nmax, 1, ds + r * rs);
          }
        }
      }
      for (let r = 0; r < nr; r++) {
        const row = row0 + r;
        const pr = p + r * rs, dsr = ds + r * rs;
        const dqi = dq + (<usize>(row * D) << 2), dyi = dy + (<usize>(row * Dv) << 2), oi = out + (<usize>(row * Dv) << 2);
        const l = load<f32>(lse + (<usize>row << 2));
        const n = visible(i0 + r, Tq, Tk, causal);
        if (l == -Infinity || n <= 0) {
          // uniform over every key; the scores get no gradient
          x32_fill(dqi, D, 0);
          const inv: f32 = 1 / <f32>Tk;
          for (let j = 0; j < Tk; j++) axpy(inv, dyi, dvb + (<usize>(j * Dv) << 2), Dv);
          if (nmax > 0) { x32_fill(pr, nmax, 0); x32_fill(dsr, nmax, 0); }
          continue;
        }
        if (mask) applyMask(pr, mask + (<usize>(b * maskStride + (i0 + r) * Tk) << 2), n);
        expRow(pr, n, l);
        let di: f32 = 0;
        for (let c = 0; c < Dv; c++) di += load<f32>(dyi + (<usize>c << 2)) * load<f32>(oi + (<usize>c << 2));
        const dv4 = splat(di), sv = splat(scale);
        let j = 0;
        for (; j + 4 <= n; j += 4) {
          const at = <usize>j << 2;
          v128.store(dsr + at, f32x4.mul(f32x4.mul(v128.load(pr + at), f32x4.sub(v128.load(dsr + at), dv4)), sv));
        }
        for (; j < n; j++) {
          const at = <usize>j << 2;
          store<f32>(dsr + at, load<f32>(pr + at) * (load<f32>(dsr + at) - di) * scale);
        }
        if (n < nmax) {
          x32_fill(pr + (<usize>n << 2), nmax - n, 0);
          x32_fill(dsr + (<usize>n << 2), nmax - n, 0);
        }
        if (nr < 4) weightedRows(dsr, n, kb, D, dqi);
      }
      if (nmax <= 0) continue;
      if (nr == 4) {
        // dq of the four rows (a row without keys has ds = 0 here: its dq stays 0)
        weightedRows4(ds, rs, nmax, kb, D, dq + (<usize>(row0 * D) << 2), <usize>D << 2);
        const q0 = q + (<usize>(row0 * D) << 2), y0 = dy + (<usize>(row0 * Dv) << 2);
        const qs = <usize>D << 2, ys = <usize>Dv << 2;
        for (let j = 0; j < nmax; j++) {
          const at = <usize>j << 2;
          const p0 = load<f32>(p + at), p1 = load<f32>(p + rs + at), p2 = load<f32>(p + 2 * rs + at), p3 = load<f32>(p + 3 * rs + at);
          if (p0 == 0 && p1 == 0 && p2 == 0 && p3 == 0) continue;
          axpy4(load<f32>(ds + at), load<f32>(ds + rs + at), load<f32>(ds + 2 * rs + at), load<f32>(ds + 3 * rs + at), q0, qs, dkb + (<usize>(j * D) << 2), D);
          axpy4(p0, p1, p2, p3, y0, ys, dvb + (<usize>(j * Dv) << 2), Dv);
        }
      } else {
        for (let r = 0; r < nr; r++) {
          const pr = p + r * rs, dsr = ds + r * rs;
          const qi = q + (<usize>((row0 + r) * D) << 2), dyi = dy + (<usize>((row0 + r) * Dv) << 2);
          for (let j = 0; j < nmax; j++) {
            const pj = load<f32>(pr + (<usize>j << 2));
            if (pj == 0) continue;
            axpy(load<f32>(dsr + (<usize>j << 2)), qi, dkb + (<usize>(j * D) << 2), D);
            axpy(pj, dyi, dvb + (<usize>(j * Dv) << 2), Dv);
          }
        }
      }
    }
  }
}

// ---- layer normalization (KernelAttrs.layerNorm): two passes per row (mean, then the centred
// sum of squares), then y; the backward's row sums, then dx, with dgamma/dbeta summed over rows.

@inline function hsum(a: v128): f32 {
  return f32x4.extract_lane(a, 0) + f32x4.extract_lane(a, 1) + f32x4.extract_lane(a, 2) + f32x4.extract_lane(a, 3);
}

/** x [rows, C], gamma, beta [C] -> y [rows, C], mean, rstd [rows]. */
export function f32_layer_norm(x: usize, g: usize, b: usize, y: usize, mean: usize, rstd: usize, rows: i32, C: i32, eps: f32): void {
  const c4 = C & ~3;
  for (let r = 0; r < rows; r++) {
    const xr = x + (<usize>(r * C) << 2), yr = y + (<usize>(r * C) << 2);
    let a = f32x4.splat(0);
    let c = 0;
    for (; c < c4; c += 4) a = f32x4.add(a, v128.load(xr + (<usize>c << 2)));
    let s = hsum(a);
    for (; c < C; c++) s += load<f32>(xr + (<usize>c << 2));
    const m = s / <f32>C;
    const mv = splat(m);
    a = f32x4.splat(0);
    for (c = 0; c < c4; c += 4) {
      const d = f32x4.sub(v128.load(xr + (<usize>c << 2)), mv);
      a = madd(d, d, a);
    }
    let v = hsum(a);
    for (; c < C; c++) { const d = load<f32>(xr + (<usize>c << 2)) - m; v += d * d; }
    const rs: f32 = 1 / Mathf.sqrt(v / <f32>C + eps);
    store<f32>(mean + (<usize>r << 2), m);
    store<f32>(rstd + (<usize>r << 2), rs);
    const rv = splat(rs);
    for (c = 0; c < c4; c += 4) {
      const p = <usize>c << 2;
      const xh = f32x4.mul(f32x4.sub(v128.load(xr + p), mv), rv);
      v128.store(yr + p, madd(xh, v128.load(g + p), v128.load(b + p)));
    }
    for (; c < C; c++) {
      const p = <usize>c << 2;
      store<f32>(yr + p, (load<f32>(xr + p) - m) * rs * load<f32>(g + p) + load<f32>(b + p));
    }
  }
}

/** x, gamma, mean, rstd (the forward's), dy [rows, C] -> dx [rows, C], dgamma, dbeta [C] (overwritten). */
export function f32_layer_norm_grad(x: usize, g: usize, mean: usize, rstd: usize, dy: usize, dx: usize, dg: usize, db: usize, rows: i32, C: i32): void {
  const c4 = C & ~3;
  x32_fill(dg, C, 0);
  x32_fill(db, C, 0);
  const invC: f32 = 1 / <f32>C;
  for (let r = 0; r < rows; r++) {
    const off = <usize>(r * C) << 2;
    const xr = x + off, dyr = dy + off, dxr = dx + off;
    const m = load<f32>(mean + (<usize>r << 2)), rs = load<f32>(rstd + (<usize>r << 2));
    const mv = splat(m), rv = splat(rs);
    let a1 = f32x4.splat(0), a2 = a1;
    let c = 0;
    for (; c < c4; c += 4) {
      const p = <usize>c << 2;
      const xh = f32x4.mul(f32x4.sub(v128.load(xr + p), mv), rv);
      const d = v128.load(dyr + p);
      const gy = f32x4.mul(d, v128.load(g + p));
      a1 = f32x4.add(a1, gy);
      a2 = madd(gy, xh, a2);
      v128.store(dg + p, madd(d, xh, v128.load(dg + p)));
      v128.store(db + p, f32x4.add(v128.load(db + p), d));
    }
    let s1 = hsum(a1), s2 = hsum(a2);
    for (; c < C; c++) {
      const p = <usize>c << 2;
      const xh = (load<f32>(xr + p) - m) * rs, d = load<f32>(dyr + p), gy = d * load<f32>(g + p);
      s1 += gy;
      s2 += gy * xh;
      store<f32>(dg + p, load<f32>(dg + p) + d * xh);
      store<f32>(db + p, load<f32>(db + p) + d);
    }
    const k1 = splat(s1 * invC), k2 = splat(s2 * invC);
    for (c = 0; c < c4; c += 4) {
      const p = <usize>c << 2;
      const xh = f32x4.mul(f32x4.sub(v128.load(xr + p), mv), rv);
      const gy = f32x4.mul(v128.load(dyr + p), v128.load(g + p));
      v128.store(dxr + p, f32x4.mul(rv, f32x4.sub(f32x4.sub(gy, k1), f32x4.mul(xh, k2))));
    }
    for (; c < C; c++) {
      const p = <usize>c << 2;
      const xh = (load<f32>(xr + p) - m) * rs;
      store<f32>(dxr + p, rs * (load<f32>(dyr + p) * load<f32>(g + p) - s1 * invC - xh * (s2 * invC)));
    }
  }
}
