// Random geometric distortions of square one-channel images for training (the CNN demos' data
// augmentation): an affine map (rotation, scaling, shear, translation) and an optional elastic
// displacement field (Simard, Steinkraus & Platt 2003, "Best practices for convolutional neural
// networks applied to visual document analysis"), both sampled bilinearly with zeros outside the
// image. Host-side and seeded, so a run is reproducible on every machine and backend.
import { rng } from '../random.js';

export interface DistortionOptions {
  /** Largest rotation, in degrees either way (drawn uniformly). Default 0. */
  rotate?: number;
  /** Largest relative change of size: each axis' factor is drawn from [1 - scale, 1 + scale]. Default 0. */
  scale?: number;
  /** Largest horizontal shear factor (x += shear * y), drawn from [-shear, shear]. Default 0. */
  shear?: number;
  /** Largest translation, in pixels along each axis (drawn uniformly, not rounded). Default 0. */
  shift?: number;
  /** Elastic distortion strength alpha, in pixels (Simard et al. use 34 on 28x28 digits); 0 turns it off. Default 0. */
  elastic?: number;
  /** Standard deviation of the Gaussian that smooths the elastic field, in pixels (Simard et al.: 4). Default 4. */
  sigma?: number;
}

/**
 * `out[outAt ..]` (a `size` x `size` image, row-major) becomes `src[srcAt ..]` sampled at
 * source = `m` applied to each output pixel (plus `dx`/`dy`, per-pixel displacements, if given).
 * `m` = [a, b, c, d, e, f] maps the output pixel's coordinates (x = column, y = row, both measured
 * from the image's centre) to the source's: xs = a x + b y + c, ys = d x + e y + f. Bilinear
 * interpolation; pixels outside the source count as 0.
 */
export function warpInto(
  src: ArrayLike<number>, srcAt: number, size: number, m: readonly number[],
  out: Float32Array, outAt: number, dx?: Float32Array, dy?: Float32Array,
): void {
  if (m.length !== 6) throw new Error(`warpInto: the map must have 6 coefficients [a, b, c, d, e, f], got ${m.length}`);
  const [a, b, c, d, e, f] = m;
  const mid = (size - 1) / 2;
  for (let r = 0; r < size; r++) {
    const y = r - mid;
    for (let q = 0; q < size; q++) {
      const x = q - mid, k = r * size + q;
      let xs = a * x + b * y + c + mid, ys = d * x + e * y + f + mid;
      if (dx !== undefined && dy !== undefined) { xs += dx[k]; ys += dy[k]; }
      const x0 = Math.floor(xs), y0 = Math.floor(ys);
      const fx = xs - x0, fy = ys - y0;
      let v = 0;
      if (y0 >= 0 && y0 < size) {
        const row = srcAt + y0 * size;
        if (x0 >= 0 && x0 < size) v += (1 - fy) * (1 - fx) * src[row + x0];
        if (x0 + 1 >= 0 && x0 + 1 < size) v += (1 - fy) * fx * src[row + x0 + 1];
      }
      if (y0 + 1 >= 0 && y0 + 1 < size) {
        const row = srcAt + (y0 + 1) * size;
        if (x0 >= 0 && x0 < size) v += fy * (1 - fx) * src[row + x0];
        if (x0 + 1 >= 0 && x0 + 1 < size) v += fy * fx * src[row + x0 + 1];
      }
      out[outAt + k] = v;
    }
  }
}

/**
 * The affine map (output -> source, about the image centre) for a distortion that rotates by
 * `angle` radians, scales by `sx`, `sy`, shears by `shear` and translates by (`tx`, `ty`) pixels:
 * the inverse of p -> T + R S H p, so that warpInto moves the content by these amounts.
 */
export function affineInverse(angle: number, sx: number, sy: number, shear: number, tx: number, ty: number): number[] {
  // forward A = R(angle) * diag(sx, sy) * [[1, shear], [0, 1]]
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const a = cos * sx, b = cos * sx * shear - sin * sy;
  const d = sin * sx, e = sin * sx * shear + cos * sy;
  const det = a * e - b * d;
  // inverse: source = A^-1 (p - t)
  const ia = e / det, ib = -b / det, id = -d / det, ie = a / det;
  return [ia, ib, -(ia * tx + ib * ty), id, ie, -(id * tx + ie * ty)];
}

function checkOption(name: string, v: number | undefined, max: number): number {
  const x = v ?? 0;
  if (!Number.isFinite(x) || x < 0 || x > max) throw new Error(`distortion: ${name} must be a number from 0 to ${max}, got ${v}`);
  return x;
}

/**
 * A seeded source of distorted copies of `size` x `size` images: each call draws fresh random
 * parameters within `opts` and writes the distorted copy of `src[srcAt ..]` into `out[outAt ..]`.
 * With every option 0 the copy is exact.
 */
export function distorter(size: number, opts: DistortionOptions, seed: number): (src: ArrayLike<number>, srcAt: number, out: Float32Array, outAt: number) => void {
  if (!Number.isInteger(size) || size <= 0) throw new Error(`distortion: size must be a positive integer, got ${size}`);
  const rotate = checkOption('rotate', opts.rotate, 180) * Math.PI / 180;
  const scale = checkOption('scale', opts.scale, 0.9);
  const shear = checkOption('shear', opts.shear, 2);
  const shift = checkOption('shift', opts.shift, size);
  const alpha = checkOption('elastic', opts.elastic, 1000);
  const sigma = opts.sigma ?? 4;
  if (!Number.isFinite(sigma) || sigma <= 0 || sigma > size) throw new Error(`distortion: sigma must be a number above 0 and at most ${size}, got ${opts.sigma}`);
  const r = rng(seed);
  const between = (lim: number) => (2 * r() - 1) * lim;
  const n = size * size;
  const dx = alpha > 0 ? new Float32Array(n) : undefined, dy = alpha > 0 ? new Float32Array(n) : undefined;
  const tmp = new Float32Array(n);
  // a normalised Gaussian, truncated at 3 sigma
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const g = new Float32Array(2 * radius + 1);
  let gs = 0;
  for (let i = -radius; i <= radius; i++) gs += (g[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma)));
  for (let i = 0; i < g.length; i++) g[i] /= gs;
  // a field of uniform(-1, 1) values, smoothed (separably, zeros outside) and scaled by alpha
  const field = (f: Float32Array) => {
    for (let k = 0; k < n; k++) f[k] = 2 * r() - 1;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let s = 0;
        for (let i = Math.max(-radius, -x); i <= Math.min(radius, size - 1 - x); i++) s += g[i + radius] * f[y * size + x + i];
        tmp[y * size + x] = s;
      }
    }
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let s = 0;
        for (let i = Math.max(-radius, -y); i <= Math.min(radius, size - 1 - y); i++) s += g[i + radius] * tmp[(y + i) * size + x];
        f[y * size + x] = alpha * s;
      }
    }
  };
  return (src, srcAt, out, outAt) => {
    const m = affineInverse(between(rotate), 1 + between(scale), 1 + between(scale), between(shear), between(shift), between(shift));
    if (dx !== undefined && dy !== undefined) { field(dx); field(dy); }
    warpInto(src, srcAt, size, m, out, outAt, dx, dy);
  };
}
