// Shared fast-check arbitraries for the fuzz suites: float32/int32 values (with the special ones),
// shapes (rank 0-5, sizes 0-9), broadcast pairs, axis lists, and the run settings (runs, seed, path).
import fc from 'fast-check';

export type DType = 'float32' | 'int32';

/** One input tensor of a case: its shape, dtype and values (already float32/int32 representable). */
export interface Input { shape: number[]; dtype: DType; values: number[] }

// ------------------------------------------------------------------------------ run settings

/** EDGEGRAD_FUZZ=long: many more runs per property (local runs; minutes). */
export const LONG = process.env.EDGEGRAD_FUZZ === 'long';
/** EDGEGRAD_FUZZ_SEED / EDGEGRAD_FUZZ_PATH replay a reported failure (with vitest -t "<property>"). */
const SEED = process.env.EDGEGRAD_FUZZ_SEED;
const PATH = process.env.EDGEGRAD_FUZZ_PATH;
/** EDGEGRAD_FUZZ_RUNS=n overrides the number of runs of every property. */
const RUNS = process.env.EDGEGRAD_FUZZ_RUNS;

/** The runs of one property: `n` in the default mode, 20 times that in the long one. */
export function runsFor(n: number): number {
  if (RUNS) return Math.max(1, Number(RUNS) | 0);
  return LONG ? n * 20 : n;
}

/** Time for one vitest test running `runs` runs of a property. */
export const testTimeout = (runs: number, msPerRun: number) => Math.max(60_000, runs * msPerRun * 4);

/**
 * Runs a property and throws a readable report on failure: fast-check's own (counterexample,
 * seed, path, the error) plus the command that replays it.
 */
export async function checkProperty<T>(name: string, file: string, arb: fc.Arbitrary<T>,
  predicate: (t: T) => Promise<void>, runs: number, env = ''): Promise<void> {
  const seed = SEED !== undefined ? Number(SEED) : (Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0;
  const params: fc.Parameters<[T]> = { seed, numRuns: runs, endOnFailure: false };
  if (PATH !== undefined && SEED !== undefined) params.path = PATH;
  const details = await fc.check(fc.asyncProperty(arb, predicate), params);
  if (!details.failed) return;
  const path = details.counterexamplePath;
  const replay = `replay: ${env ? `${env} ` : ''}EDGEGRAD_FUZZ_SEED=${details.seed}${path ? ` EDGEGRAD_FUZZ_PATH=${path}` : ''} `
    + `npx vitest run ${file} -t '${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`;
  const err = details.errorInstance;
  const why = err instanceof Error ? err.message : String(err);
  const report = `${fc.defaultReportMessage(details)}\n\nWhat failed:\n${why}`;
  // Printed too, so the seed survives reporters that truncate long assertion messages.
  console.error(`fuzz failure in "${name}"\n${replay}\n${report}`);
  throw new Error(`${replay}\n${report}`);
}

// ------------------------------------------------------------------------------ values

export const FLT_MAX = 3.4028234663852886e38;
export const MIN_NORMAL = 2 ** -126;
export const sizeOf = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
export const isSubnormal = (v: number) => v !== 0 && Math.abs(v) < MIN_NORMAL;

/** The values every op should get right: signed zeros, infinities, NaN, huge, denormal, limits. */
export const SPECIAL_F32: readonly number[] = [
  0, -0, Infinity, -Infinity, NaN, 3e38, -3e38, FLT_MAX, -FLT_MAX, 1e-40, -1e-40, 2 ** -149, MIN_NORMAL, -MIN_NORMAL,
  1, -1, 0.5, -2, 1e4, -1e4, 88.72, -88.72, -103.97, 1e-20, -1e-20, 16777216, 0.1,
  // one ulp off an integer (pow of a negative base must then be NaN)
  1 + 2 ** -23, 3 + 2 ** -22, -3 + 2 ** -22,
].map(Math.fround);

export const SPECIAL_I32: readonly number[] = [
  0, 1, -1, 2, 2147483647, -2147483648, 2147483646, -2147483647, 1073741824, 46341, -46341, 65536, 65535,
];

/** Moderate finite values, where ops are expected to agree to a few ulp. */
export const moderate = fc.float({ min: -4, max: 4, noNaN: true });
/** Any float32: moderate values, specials, the whole range (fc.float includes NaN, ±Inf, denormals). */
export const anyF32 = fc.oneof(
  { weight: 6, arbitrary: moderate },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_F32) },
  { weight: 2, arbitrary: fc.float() },
  { weight: 1, arbitrary: fc.integer({ min: -8, max: 8 }) },
);
export const anyI32 = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_I32) },
  { weight: 2, arbitrary: fc.integer({ min: -2147483648, max: 2147483647 }) },
);

const arrayOf = (arb: fc.Arbitrary<number>, n: number) => fc.array(arb, { minLength: n, maxLength: n });

/**
 * Values for a float32 tensor of n elements: most tensors are all moderate (so reductions and
 * products are not all NaN), the others mix in the special values.
 */
export function f32Values(n: number, plain = moderate): fc.Arbitrary<number[]> {
  return fc.oneof({ weight: 3, arbitrary: arrayOf(plain, n) }, { weight: 2, arbitrary: arrayOf(anyF32, n) });
}
export const i32Values = (n: number) => arrayOf(anyI32, n);

export function inputArb(shape: number[], dtype: DType = 'float32', values?: (n: number) => fc.Arbitrary<number[]>): fc.Arbitrary<Input> {
  const n = sizeOf(shape);
  const v = values ? values(n) : dtype === 'int32' ? i32Values(n) : f32Values(n);
  return v.map((vals) => ({ shape: [...shape], dtype, values: vals }));
}

// ------------------------------------------------------------------------------ shapes

/** A dimension 0..max, 0 about one time in eleven. */
export const dimArb = (max = 9, min = 0) => (min > 0 ? fc.integer({ min, max })
  : fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 10, arbitrary: fc.integer({ min: 1, max }) }));

export interface ShapeOpts { minRank?: number; maxRank?: number; maxDim?: number; minDim?: number; maxSize?: number }

export function shapeArb(o: ShapeOpts = {}): fc.Arbitrary<number[]> {
  const maxSize = o.maxSize ?? 1024;
  return fc.array(dimArb(o.maxDim ?? 9, o.minDim ?? 0), { minLength: o.minRank ?? 0, maxLength: o.maxRank ?? 5 })
    .filter((s) => sizeOf(s) <= maxSize);
}

/** NumPy broadcasting, written independently of src/ops: the shape, or null when it fails. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * Two shapes that broadcast (leading axes dropped, axes set to 1 on either side), and now and then
 * a pair that does not (one axis changed).
 */
export function broadcastPairArb(o: ShapeOpts = {}): fc.Arbitrary<[number[], number[]]> {
  return fc.record({
    out: shapeArb(o),
    dropA: fc.nat(5), dropB: fc.nat(5),
    onesA: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    onesB: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    bad: fc.oneof({ weight: 15, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(4) }),
    badDim: fc.integer({ min: 2, max: 9 }),
  }).map(({ out, dropA, dropB, onesA, onesB, bad, badDim }) => {
    const derive = (drop: number, ones: boolean[]) => out.slice(Math.min(drop, out.length)).map((d, i) => (ones[i] ? 1 : d));
    const a = derive(dropA, onesA), b = derive(dropB, onesB);
    if (bad >= 0 && b.length > 0) {
      const i = bad % b.length;
      b[i] = b[i] === badDim ? badDim + 1 : badDim;
    }
    return [a, b] as [number[], number[]];
  });
}

/**
 * An axis argument for a tensor of `rank`: undefined (all axes), one axis, a list (negative
 * aliases, any order) and, rarely, something invalid (out of range, repeated).
 */
export function axesArb(rank: number): fc.Arbitrary<number | number[] | undefined> {
  const valid = rank > 0 ? fc.integer({ min: -rank, max: rank - 1 }) : fc.constant(0);
  const list = rank > 0
    ? fc.subarray(Array.from({ length: rank }, (_, i) => i)).chain((axes) => fc.tuple(fc.shuffledSubarray(axes, { minLength: axes.length, maxLength: axes.length }),
      fc.array(fc.boolean(), { minLength: axes.length, maxLength: axes.length })).map(([p, neg]) => p.map((a, i) => (neg[i] ? a - rank : a))))
    : fc.constant([] as number[]);
  const invalid = fc.oneof(
    fc.integer({ min: rank, max: rank + 2 }), fc.integer({ min: -rank - 2, max: -rank - 1 }),
    rank > 0 ? fc.integer({ min: 0, max: rank - 1 }).map((a) => [a, a - rank]) : fc.constant<number[]>([0, 0]),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: valid },
    { weight: 5, arbitrary: list },
    { weight: 1, arbitrary: invalid },
  );
}

/** An axis (single) for a tensor of `rank`: mostly in [-rank, rank), sometimes just outside. */
export const axisArb = (rank: number, extra = 0) => fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -rank - extra, max: Math.max(rank + extra - 1, -rank - extra) }) },
  { weight: 1, arbitrary: fc.constantFrom(rank + extra, -rank - extra - 1) },
);

/** Normalises an axis the way the API documents it: [-rank, rank) or null when out of range. */
export function normAxis(a: number, rank: number): number | null {
  if (!Number.isInteger(a) || a < -rank || a >= rank) return null;
  return a < 0 ? a + rank : a;
}
