// Elementwise comparison with stated tolerances; returns readable mismatch lines instead of throwing.

export interface Tol {
  /** Relative tolerance on |expected|. */
  rtol: number;
  /** Absolute tolerance. */
  atol: number;
  /** Tolerance per unit of the reference's error scale (sum of |terms|), for sums and dot products. */
  stol?: number;
}

export const EXACT: Tol = { rtol: 0, atol: 0 };

/**
 * |got - want| <= atol + rtol*|want| + stol*scale. NaN matches only NaN, infinities only themselves.
 * Returns at most `limit` lines naming the first mismatching indices.
 */
export function mismatches(
  got: ArrayLike<number>, want: ArrayLike<number>, tol: Tol, scale?: ArrayLike<number>, limit = 4,
): string[] {
  const out: string[] = [];
  if (got.length !== want.length) return [`length ${got.length}, expected ${want.length}`];
  let count = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    let ok: boolean;
    if (Number.isNaN(w)) ok = Number.isNaN(g);
    else if (!Number.isFinite(w)) ok = g === w;
    else {
      const bound = tol.atol + tol.rtol * Math.abs(w) + (tol.stol ?? 0) * (scale ? scale[i] : 0);
      ok = Math.abs(g - w) <= bound;
    }
    if (!ok) {
      count++;
      if (out.length < limit) {
        const bound = tol.atol + tol.rtol * Math.abs(w) + (tol.stol ?? 0) * (scale ? scale[i] : 0);
        out.push(`[${i}] got ${g}, expected ${w} (|diff| ${Math.abs(g - w).toExponential(2)} > ${bound.toExponential(2)})`);
      }
    }
  }
  if (count > limit) out.push(`... ${count - limit} more`);
  return out;
}
