// The register-only SIMD peak: 12 independent f32x4 chains (acc = acc * x + y) with no memory
// traffic, as mul+add (the simd build's arithmetic) and as relaxed_madd (the relaxed build's).
// Compiled from AssemblyScript at bench time with the same compiler and flags as assembly/.
import asc from 'assemblyscript/asc';

const CHAINS = 12;

const source = (madd: string) => `
export function peak(n: i32, s: f32): f32 {
  // NOTE: operands come from the argument; a splatted constant would be rebuilt inside the loop.
  const x = f32x4.splat(s), y = f32x4.splat(s * 1e-3);
  ${Array.from({ length: CHAINS }, (_, i) => `let c${i} = f32x4.splat(s + ${i}.0);`).join(' ')}
  for (let i = 0; i < n; i++) {
    ${Array.from({ length: CHAINS }, (_, i) => `c${i} = ${madd.replace('A', `c${i}`)};`).join(' ')}
  }
  let t = ${Array.from({ length: CHAINS }, (_, i) => `c${i}`).reduce((a, b) => `f32x4.add(${a}, ${b})`)};
  return f32x4.extract_lane(t, 0);
}`;

export interface Peak {
  /** GFLOP/s of mul+add chains (2 flops per lane). */
  mulAdd: number;
  /** GFLOP/s of relaxed_madd chains, or NaN where relaxed SIMD does not validate. */
  madd: number;
}

async function compile(relaxed: boolean): Promise<(n: number, s: number) => number> {
  const src = source(relaxed ? 'f32x4.relaxed_madd(A, x, y)' : 'f32x4.add(f32x4.mul(A, x), y)');
  const r = await asc.compileString(src, {
    optimizeLevel: 3, runtime: 'stub', noAssert: true, enable: relaxed ? ['simd', 'relaxed-simd'] : ['simd'],
  });
  if (r.error || !r.binary) throw new Error(`probe: asc failed: ${r.error?.message}\n${r.stderr.toString()}`);
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(r.binary as Uint8Array<ArrayBuffer>));
  return instance.exports.peak as (n: number, s: number) => number;
}

/** GFLOP/s of `fn`: best of `reps` runs of about 50 ms each (a peak, so the best run), on the clock `now` (ms). */
function measure(fn: (n: number, s: number) => number, reps: number, now: () => number): number {
  let n = 1 << 16;
  for (;;) {
    const t0 = now();
    fn(n, 0.999);
    if (now() - t0 > 50) break;
    n *= 2;
  }
  let best = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    fn(n, 0.999);
    best = Math.max(best, (n * CHAINS * 8) / ((now() - t0) * 1e6));
  }
  return best;
}

/** The peaks, timed on `now` (ms; wall time by default, a CPU clock on a loaded machine). */
export async function simdPeak(relaxedAvailable: boolean, reps = 5, now = () => performance.now()): Promise<Peak> {
  const mulAdd = measure(await compile(false), reps, now);
  const madd = relaxedAvailable ? measure(await compile(true), reps, now) : NaN;
  return { mulAdd, madd };
}
