// The CNN demos' random image distortions (src/data/augment.ts): the warp's geometry against
// exact pixel moves, the affine inverse against its forward map, and the seeded distorter's
// determinism, ranges and bad options.
import { describe, expect, it } from 'vitest';
import { affineInverse, distorter, warpInto } from '../src/data/augment.js';
import { rng } from '../src/random.js';

const S = 28;

/** A random image with a border of `margin` zero pixels, values in [0, 1). */
function image(seed: number, margin = 0): Float32Array {
  const r = rng(seed), a = new Float32Array(S * S);
  for (let y = margin; y < S - margin; y++) for (let x = margin; x < S - margin; x++) a[y * S + x] = r();
  return a;
}

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
const centroid = (a: Float32Array) => {
  let m = 0, cx = 0, cy = 0;
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) { const v = a[y * S + x]; m += v; cx += v * x; cy += v * y; }
  return [cx / m, cy / m];
};

describe('warpInto', () => {
  it('copies exactly under the identity map, at the given offsets', () => {
    const src = new Float32Array(3 * S * S);
    src.set(image(1), S * S);
    const out = new Float32Array(2 * S * S).fill(-1);
    warpInto(src, S * S, S, [1, 0, 0, 0, 1, 0], out, S * S);
    expect(Array.from(out.subarray(S * S))).toEqual(Array.from(src.subarray(S * S, 2 * S * S)));
    expect(out.subarray(0, S * S).every((v) => v === -1)).toBe(true); // nothing written outside its slot
  });

  it('moves content by whole pixels as an integer shift does, zeros filling in', () => {
    const src = image(2);
    const out = new Float32Array(S * S);
    // output (x, y) reads source (x - 2, y + 1): content moves 2 right and 1 up
    warpInto(src, 0, S, [1, 0, -2, 0, 1, 1], out, 0);
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const sx = x - 2, sy = y + 1;
        const want = sx >= 0 && sx < S && sy >= 0 && sy < S ? src[sy * S + sx] : 0;
        expect(out[y * S + x]).toBeCloseTo(want, 6);
      }
    }
  });

  it('rotates by 90 degrees about the centre onto the pixel grid', () => {
    const src = image(3);
    const out = new Float32Array(S * S);
    warpInto(src, 0, S, affineInverse(Math.PI / 2, 1, 1, 0, 0, 0), out, 0);
    // forward: (x, y) -> (-y, x) about the centre, so out[row y', col x'] = src at (x, y) = (y', -x')
    const mid = (S - 1) / 2;
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const sx = Math.round((y - mid) + mid), sy = Math.round(-(x - mid) + mid);
        expect(out[y * S + x]).toBeCloseTo(src[sy * S + sx], 5);
      }
    }
  });

  it('interpolates half a pixel as the mean of the two neighbours', () => {
    const src = image(4);
    const out = new Float32Array(S * S);
    warpInto(src, 0, S, [1, 0, 0.5, 0, 1, 0], out, 0);
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S - 1; x++) expect(out[y * S + x]).toBeCloseTo((src[y * S + x] + src[y * S + x + 1]) / 2, 6);
      expect(out[y * S + S - 1]).toBeCloseTo(src[y * S + S - 1] / 2, 6); // the right neighbour is outside: 0
    }
  });

  it('adds per-pixel displacements to the map', () => {
    const src = image(5);
    const dx = new Float32Array(S * S).fill(1), dy = new Float32Array(S * S).fill(-1);
    const a = new Float32Array(S * S), b = new Float32Array(S * S);
    warpInto(src, 0, S, [1, 0, 0, 0, 1, 0], a, 0, dx, dy);
    warpInto(src, 0, S, [1, 0, 1, 0, 1, -1], b, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('refuses a map without six coefficients', () => {
    expect(() => warpInto(image(1), 0, S, [1, 0, 0, 1], new Float32Array(S * S), 0)).toThrow(/6 coefficients/);
  });
});

describe('affineInverse', () => {
  it('inverts the forward rotation * scale * shear map plus translation', () => {
    const [angle, sx, sy, h, tx, ty] = [0.2, 1.1, 0.93, 0.15, 1.5, -0.7];
    const m = affineInverse(angle, sx, sy, h, tx, ty);
    const c = Math.cos(angle), s = Math.sin(angle);
    for (const [x, y] of [[0, 0], [3, -5], [-7.5, 2.25]]) {
      // forward: p -> R diag(sx, sy) H p + t
      const hx = sx * (x + h * y), hy = sy * y;
      const fx = c * hx - s * hy + tx, fy = s * hx + c * hy + ty;
      expect(m[0] * fx + m[1] * fy + m[2]).toBeCloseTo(x, 10);
      expect(m[3] * fx + m[4] * fy + m[5]).toBeCloseTo(y, 10);
    }
  });
});

describe('distorter', () => {
  const all = { rotate: 12, scale: 0.1, shear: 0.2, shift: 2, elastic: 34, sigma: 4 };

  it('is an exact copy with every option 0', () => {
    const src = image(6), out = new Float32Array(S * S);
    distorter(S, {}, 1)(src, 0, out, 0);
    expect(Array.from(out)).toEqual(Array.from(src));
  });

  it('gives the same images for the same seed and different ones for another', () => {
    const src = image(7, 4);
    const run = (seed: number) => {
      const d = distorter(S, all, seed), out = new Float32Array(3 * S * S);
      for (let k = 0; k < 3; k++) d(src, 0, out, k * S * S);
      return out;
    };
    const a = run(11), b = run(11), c = run(12);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    // successive draws differ too
    expect(Array.from(a.subarray(0, S * S))).not.toEqual(Array.from(a.subarray(S * S, 2 * S * S)));
  });

  it('keeps every value within [0, the source maximum] and writes only its slot', () => {
    const src = image(8, 3);
    const max = Math.max(...src);
    for (const opts of [all, { rotate: 15 }, { elastic: 60, sigma: 3 }, { scale: 0.3, shear: 0.5 }]) {
      const d = distorter(S, opts, 5);
      const out = new Float32Array(3 * S * S).fill(-1);
      for (let k = 0; k < 20; k++) {
        d(src, 0, out, S * S);
        const mid = out.subarray(S * S, 2 * S * S);
        expect(mid.every((v) => v >= 0 && v <= max + 1e-6)).toBe(true);
        expect(mid.some((v) => v !== 0)).toBe(true);
      }
      expect(out.subarray(0, S * S).every((v) => v === -1) && out.subarray(2 * S * S).every((v) => v === -1)).toBe(true);
    }
  });

  it('shifts keep the mass of interior content and move its centroid by at most the limit', () => {
    const src = image(9, 6);
    const [x0, y0] = centroid(src);
    const d = distorter(S, { shift: 2 }, 3);
    const out = new Float32Array(S * S);
    let moved = 0;
    for (let k = 0; k < 50; k++) {
      d(src, 0, out, 0);
      expect(sum(out)).toBeCloseTo(sum(src), 3);
      const [x, y] = centroid(out);
      expect(Math.abs(x - x0)).toBeLessThanOrEqual(2 + 1e-4);
      expect(Math.abs(y - y0)).toBeLessThanOrEqual(2 + 1e-4);
      moved = Math.max(moved, Math.abs(x - x0), Math.abs(y - y0));
    }
    expect(moved).toBeGreaterThan(1); // the draws reach well into the range
  });

  it('rotation alone keeps the centroid of content centred on the image', () => {
    // a centred disc: rotation about the centre leaves its centroid in place
    const src = new Float32Array(S * S), mid = (S - 1) / 2;
    for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) if ((x - mid) ** 2 + (y - mid) ** 2 < 64) src[y * S + x] = 1;
    const d = distorter(S, { rotate: 15 }, 4), out = new Float32Array(S * S);
    for (let k = 0; k < 10; k++) {
      d(src, 0, out, 0);
      const [x, y] = centroid(out);
      expect(Math.abs(x - mid)).toBeLessThan(0.05);
      expect(Math.abs(y - mid)).toBeLessThan(0.05);
      expect(sum(out)).toBeCloseTo(sum(src), 0);
    }
  });

  it('elastic fields move pixels by about a pixel or two at Simard et al.\'s settings, not more', () => {
    const src = image(10, 6);
    const [x0, y0] = centroid(src);
    const d = distorter(S, { elastic: 34, sigma: 4 }, 6), out = new Float32Array(S * S);
    let change = 0;
    for (let k = 0; k < 20; k++) {
      d(src, 0, out, 0);
      const [x, y] = centroid(out);
      expect(Math.hypot(x - x0, y - y0)).toBeLessThan(3);
      change += out.reduce((s, v, i) => s + Math.abs(v - src[i]), 0);
    }
    expect(change / 20).toBeGreaterThan(10); // the images do change
  });

  it('refuses bad options, naming them', () => {
    expect(() => distorter(S, { rotate: -1 }, 1)).toThrow(/rotate must be a number from 0 to 180, got -1/);
    expect(() => distorter(S, { scale: Number.NaN }, 1)).toThrow(/scale must be/);
    expect(() => distorter(S, { shear: 3 }, 1)).toThrow(/shear must be/);
    expect(() => distorter(S, { shift: 40 }, 1)).toThrow(/shift must be/);
    expect(() => distorter(S, { elastic: 34, sigma: 0 }, 1)).toThrow(/sigma must be/);
    expect(() => distorter(0, {}, 1)).toThrow(/size must be a positive integer/);
  });
});
