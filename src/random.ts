// Seeded random numbers made on the host, so every backend gets the same values for a seed.

/** mulberry32: a small, fast 32-bit generator; good enough for initialisation and shuffling. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let unseeded = (Math.random() * 2 ** 32) >>> 0;
let seedHook: (() => void) | null = null;
/** @internal A traced step (trace.ts) learns that it draws a fresh seed, which a replay could not. */
export function setSeedHook(h: (() => void) | null): void { seedHook = h; }

/**
 * The next seed of a layer's own stream `r` (a seeded layer's dropout on attention draws a fresh
 * seed per call from it, so seeded training repeats). Like nextSeed, it tells a traced step that
 * it draws a fresh seed.
 */
export function streamSeed(r: () => number): number {
  if (seedHook !== null) seedHook();
  return (r() * 2 ** 32) >>> 0;
}

/** A seed for calls that gave none: different on each call. */
export function nextSeed(): number {
  if (seedHook !== null) seedHook();
  unseeded = (unseeded + 0x9e3779b9) >>> 0;
  return unseeded;
}

export function uniformValues(n: number, seed: number, low: number, high: number): Float32Array {
  const r = rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = low + (high - low) * r();
  return out;
}

/** Standard normal values (Box-Muller), scaled by `std` and shifted by `mean`. */
export function normalValues(n: number, seed: number, mean: number, std: number): Float32Array {
  const r = rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - r(); // (0, 1]: log stays finite
    const v = r();
    const rad = Math.sqrt(-2 * Math.log(u));
    out[i] = mean + std * rad * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = mean + std * rad * Math.sin(2 * Math.PI * v);
  }
  return out;
}
