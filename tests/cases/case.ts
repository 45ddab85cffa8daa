// The case model of tests/cases/<family>.ts: one file per kernel family of FAMILIES (src/kernels.ts),
// each exporting one `FamilyCases` whose list three runners read:
//   tests/conformance.test.ts  every case's instances on js float64 and every backend under test,
//                              against the float64 reference, within the case's tolerance class;
//   tests/gradients.test.ts    every case's `grads`: central differences on js float64, then each
//                              backend's analytic gradients against them (tests/util/gradcheck.ts);
//   bench/                     the family's `bench` list: the shapes timed (bench/elementwise.ts, bench/gemm.ts,
//                              bench/conv.ts).
//
// A family file: `export const <family>: FamilyCases<Bench> = { family, cases, bench }`, where
//   - a Case is one op (or one form of it): `instances` are its conformance runs (inputs made by the
//     value generators below, edge values written out, the op call, the float64 reference from
//     tests/util/ref.ts, tolerance overrides); `grads` its finite-difference checks, each
//     differentiating with respect to every input it lists (labels and other constants are made
//     inside `f`). A case without `grads` is not differentiable (int32, comparisons, argmax...) or
//     has its checks on a sibling case; a case without instances is a gradient-only composition.
//   - names are test names: unique within the family's cases and, for grads, across all families.
// Adding a family: write tests/cases/<family>.ts in this shape and add it to FAMILY_CASES
// (tests/cases/index.ts); the three runners pick it up. This file and the family files stay free of
// Node-only imports: the bench page bundles them for the browser.
import type * as EG from '../../src/index.js';
import type { Family as KernelFamily } from '../../src/kernels.js';
import type { Tol } from '../util/close.js';
import { type Nd, Rng, sizeOf } from '../util/ref.js';

export type Tensor = ReturnType<typeof EG.tensor>;

/** How exactly a case must match: picks TOL32/TOL64 (the table in tests/conformance.test.ts' header). */
export type TolClass = 'exact' | 'arith' | 'transcendental' | 'reduce' | 'matmul' | 'softmax' | 'optim' | 'conv' | 'pool';

/** Float32 backends against the float64 reference rounded to float32. */
export const TOL32: Record<TolClass, Tol> = {
  exact: { rtol: 0, atol: 0 },
  arith: { rtol: 1e-6, atol: 1e-12 },
  transcendental: { rtol: 1e-5, atol: 1e-6 },
  softmax: { rtol: 1e-5, atol: 1e-6 },
  reduce: { rtol: 1e-6, atol: 1e-7, stol: 4e-6 },
  matmul: { rtol: 0, atol: 1e-7, stol: 0 /* per instance: 2*K*u32 */ },
  optim: { rtol: 2e-5, atol: 2e-6 },
  conv: { rtol: 1e-5, atol: 1e-6, stol: 4e-6 /* per instance: max(4e-6, 2*K*u32) */ },
  pool: { rtol: 1e-6, atol: 1e-7, stol: 4e-6 },
};
/** The js float64 backend against the float64 reference. */
export const TOL64: Record<TolClass, Tol> = {
  exact: { rtol: 0, atol: 0 },
  arith: { rtol: 1e-14, atol: 1e-300 },
  transcendental: { rtol: 1e-10, atol: 1e-12 },
  softmax: { rtol: 1e-10, atol: 1e-12 },
  reduce: { rtol: 1e-14, atol: 1e-300, stol: 1e-14 },
  matmul: { rtol: 0, atol: 1e-300, stol: 0 /* per instance: 2*K*u64 */ },
  optim: { rtol: 1e-12, atol: 1e-14 },
  conv: { rtol: 1e-12, atol: 1e-12, stol: 1e-14 },
  pool: { rtol: 1e-12, atol: 1e-12, stol: 1e-14 },
};

/** One conformance run: inputs, the op call and the float64 reference. */
export interface Instance {
  label: string;
  inputs: Nd[];
  run: (...ts: Tensor[]) => Tensor;
  ref: (...xs: Nd[]) => Nd;
  /** Overrides of the class tolerance for this instance (float32 runs, float64 runs). */
  tol32?: Partial<Tol>;
  tol64?: Partial<Tol>;
}

/** A float32-representable input of a gradient check. */
export interface GradInput { shape: number[]; values: number[] }
/** A function of tensors to differentiate with respect to every argument. */
export type GradFn = (...xs: Tensor[]) => Tensor;
/** One finite-difference check: `f` differentiated with respect to each of `inputs`. */
export interface GradCheck { name: string; inputs: GradInput[]; f: GradFn }

export interface Case {
  name: string;
  tol: TolClass;
  instances: Instance[];
  grads?: GradCheck[];
}

export interface FamilyCases<Bench = unknown> {
  /** A kernel family, or 'composite': ops built from other families' kernels (no kernel of their own). */
  family: KernelFamily | 'composite';
  cases: Case[];
  /** What bench/ times for this family (its shapes); the suite's own peers and loops stay in bench/. */
  bench: Bench;
}

/** FNV-1a of a name: the seed of a case's values, so adding a case leaves the others' values alone. */
export function hashName(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------- value generators

export type Gen = (r: Rng) => number;
export const anyVal: Gen = (r) => r.uniform(-3, 3);
export const positive: Gen = (r) => r.uniform(0.1, 4);
export const nonZero: Gen = (r) => r.awayFromZero(0.25, 3);
export const discrete: Gen = (r) => r.pick([-1, -0.5, 0, 0.5, 1]);
export const smallInt: Gen = (r) => r.int(-20, 21);

/** Sizes around the SIMD widths (4 lanes, 8/16/32-element unrolls), plus scalar and 2-D. */
export const SHAPES: number[][] = [[], [0], [1], [3], [4], [5], [7], [8], [9], [17], [33], [5, 33]];
export const label = (s: number[]) => `[${s}]`;

export function inst(labelText: string, inputs: Nd[], run: (...ts: Tensor[]) => Tensor, ref: (...xs: Nd[]) => Nd,
  extra: Partial<Instance> = {}): Instance {
  return { label: labelText, inputs, run, ref, ...extra };
}

// ---------------------------------------------------------------------------- gradient checks

/** Gradient inputs' generators: away from kinks and ties where the op has them. */
export const gAny: Gen = (r) => r.uniform(-2, 2);
export const gAwayFrom0: Gen = (r) => r.awayFromZero(0.1, 2);
export const gPositive: Gen = (r) => r.uniform(0.3, 3);
/** Distinct values (no ties for max/min) at least 0.05 apart, shuffled; one counter per call. */
export const gDistinct = (): Gen => {
  let k = 0;
  const perm = new Rng(3);
  return (r) => { void r; k++; return Math.fround(((k * 37) % 101) * 0.05 - 2.5 + perm.uniform(0, 0.01)); };
};

/** Deterministic float32-representable input values. */
export function inputOf(rng: Rng, shape: number[], gen: Gen = gAny): GradInput {
  return { shape, values: Array.from({ length: sizeOf(shape) }, () => gen(rng)) };
}

/** A gradient check with inputs of `shapes`, drawn now from a generator seeded by the name. */
export function grad(name: string, shapes: number[][], f: GradFn, gen?: Gen | Gen[]): GradCheck {
  const rng = new Rng(hashName(name));
  return { name, inputs: shapes.map((s, i) => inputOf(rng, s, Array.isArray(gen) ? gen[i] : gen)), f };
}

/** Adds gradient checks to the case named `name` (a missing name throws, so a rename cannot drop them). */
export function withGrads(cases: Case[], name: string, ...checks: GradCheck[]): void {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`withGrads: no case named '${name}'`);
  (c.grads ??= []).push(...checks);
}

// ---------------------------------------------------------------------------- bench

/** One op timed by bench/elementwise.ts on 1024x1024 float32 operands. */
export interface BenchOp {
  /** The row's case name (followed by the size in the bench output). */
  name: string;
  /** Operand shapes; a [1024] operand is a broadcast row. */
  shapes: number[][];
  /** Arrays of 1024x1024 floats moved per call (inputs read + output written), for GB/s. */
  arrays: number;
  /** Timed in `--quick` runs too. */
  quick?: boolean;
  run: (...ts: Tensor[]) => Tensor;
}
