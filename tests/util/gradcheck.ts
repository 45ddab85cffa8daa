// Gradient checks against central finite differences computed on the float64 js backend.
//
// Recipe: (1) on js float64, eg.valueAndGrads must match central differences of
// L(x) = sum(f(x) * w) (w a fixed random weighting, so every output element matters) within
// F64_TOL; (2) on a float32 backend, its analytic gradients at the same (float32-representable)
// point must match those float64 differences within F32_TOL. Inputs are chosen away from kinks.
import * as eg from '../../src/index.js';
import { mismatches, type Tol } from './close.js';
import { JS_F64, use, values, type BackendConfig } from './backends.js';
import { type GradFn, type GradInput, inputOf } from '../cases/case.js';
import { Rng, sizeOf } from './ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

/** Float64 analytic vs finite differences: |g - fd| <= 1e-6*|fd| + 1e-7*max(1, max|fd|). */
export const F64_RTOL = 1e-6;
export const F64_ATOL = 1e-7;
/** Float32 backend vs float64 finite differences: |g - fd| <= 2e-3*|fd| + 1e-4*max(1, max|fd|). */
export const F32_RTOL = 2e-3;
export const F32_ATOL = 1e-4;
/** Central-difference step, relative to max(1, |x|). */
export const H = 1e-6;

export type { GradFn, GradInput };

export interface GradRef {
  inputs: GradInput[];
  /** The weighting w (shape of f's output); null when f returns one value. */
  weights: { shape: number[]; values: number[] } | null;
  value: number;
  /** Central differences of L, one array per input. */
  fd: Float64Array[];
}

function makeTensor(shape: number[], values: ArrayLike<number>): Tensor {
  return eg.tensor(Array.from(values), shape);
}

function loss(f: GradFn, xs: Tensor[], w: GradRef['weights']): Tensor {
  const y = f(...xs);
  if (w === null) return eg.sum(y);
  return eg.sum(eg.mul(y, makeTensor(w.shape, w.values)));
}

/**
 * L at `inputs`, with input j's element k moved by `delta`. The move is an add done by the backend
 * (in float64 on the reference), so the point does not depend on how eg.tensor rounds numbers.
 */
export function lossValue(f: GradFn, inputs: GradInput[], w: GradRef['weights'], move?: { j: number; k: number; delta: number }): number {
  const xs = inputs.map((i) => makeTensor(i.shape, i.values));
  try {
    const l = eg.tidy(() => {
      const moved = xs.map((x, j) => {
        if (!move || move.j !== j) return x;
        const d = new Array<number>(x.size).fill(0);
        d[move.k] = move.delta;
        return eg.add(x, makeTensor(inputs[j].shape, d));
      });
      return loss(f, moved, w);
    });
    const v = l.dataSync()[0];
    l.dispose();
    return v;
  } finally {
    for (const x of xs) x.dispose();
  }
}

/** Gradients of L on the active backend, as valueAndGrads reports them (synchronous reads: js/wasm). */
export function analyticGrads(f: GradFn, ref: Pick<GradRef, 'inputs' | 'weights'>): { value: number; grads: { shape: number[]; values: Float64Array }[] } {
  const vars = ref.inputs.map((i) => eg.variable(makeTensor(i.shape, i.values)));
  try {
    const { value, grads } = eg.valueAndGrads(() => loss(f, vars, ref.weights), vars);
    const out = grads.map((g) => ({ shape: [...g.shape], values: Float64Array.from(g.dataSync()) }));
    const v = value.dataSync()[0];
    value.dispose();
    for (const g of grads) g.dispose();
    return { value: v, grads: out };
  } finally {
    for (const v of vars) v.dispose();
  }
}

/** analyticGrads on any backend: reads with `await data()` where dataSync() is not available (webgpu). */
export async function analyticGradsAsync(f: GradFn, ref: Pick<GradRef, 'inputs' | 'weights'>): Promise<ReturnType<typeof analyticGrads>> {
  if (eg.backend() !== 'webgpu') return analyticGrads(f, ref);
  const vars = ref.inputs.map((i) => eg.variable(makeTensor(i.shape, i.values)));
  try {
    const { value, grads } = eg.valueAndGrads(() => loss(f, vars, ref.weights), vars);
    const out: { shape: number[]; values: Float64Array }[] = [];
    for (const g of grads) out.push({ shape: [...g.shape], values: Float64Array.from(await values(g)) });
    const v = (await values(value))[0];
    value.dispose();
    for (const g of grads) g.dispose();
    return { value: v, grads: out };
  } finally {
    for (const v of vars) v.dispose();
  }
}

/** The shape of f's output at `inputs` (one run on the active backend). */
export function outputShape(f: GradFn, inputs: GradInput[]): number[] {
  const probe = inputs.map((i) => makeTensor(i.shape, i.values));
  try {
    const y = eg.tidy(() => f(...probe));
    const shape = [...y.shape];
    y.dispose();
    return shape;
  } finally {
    for (const p of probe) p.dispose();
  }
}

/**
 * The float64 reference on the active backend (must be js float64): output weighting and
 * central differences of L at `inputs`.
 */
export function finiteDifferences(f: GradFn, inputs: GradInput[], seed: number): GradRef {
  const outShape = outputShape(f, inputs);
  const rng = new Rng(seed);
  const n = sizeOf(outShape);
  const weights = n === 1 ? null : {
    shape: outShape,
    values: Array.from({ length: n }, () => rng.awayFromZero(0.5, 1.5)),
  };
  const value = lossValue(f, inputs, weights);
  const fd = inputs.map((input, j) => {
    const g = new Float64Array(input.values.length);
    for (let k = 0; k < g.length; k++) {
      const h = Math.fround(H * Math.max(1, Math.abs(input.values[k])));
      g[k] = (lossValue(f, inputs, weights, { j, k, delta: h }) - lossValue(f, inputs, weights, { j, k, delta: -h })) / (2 * h);
    }
    return g;
  });
  return { inputs, weights, value, fd };
}

/** Problem lines comparing analytic gradients to the finite differences (empty when they agree). */
export function compareGrads(ref: GradRef, got: ReturnType<typeof analyticGrads>, rtol: number, atol: number): string[] {
  const problems: string[] = [];
  if (got.grads.length !== ref.inputs.length) return [`${got.grads.length} gradients for ${ref.inputs.length} inputs`];
  ref.inputs.forEach((input, j) => {
    const g = got.grads[j];
    if (JSON.stringify(g.shape) !== JSON.stringify(input.shape)) {
      problems.push(`grad ${j}: shape [${g.shape}], expected [${input.shape}]`);
      return;
    }
    const scale = Math.max(1, ...Array.from(ref.fd[j], Math.abs));
    const tol: Tol = { rtol, atol: atol * scale };
    for (const m of mismatches(g.values, ref.fd[j], tol)) problems.push(`grad ${j}: ${m}`);
  });
  return problems;
}

export { inputOf };

/**
 * The whole recipe for one function, switching backends as needed: float64 analytic vs finite
 * differences, then `cfg`'s analytic gradients vs the same differences. Leaves `cfg` active.
 */
export async function checkGradients(f: GradFn, inputs: GradInput[], cfg: BackendConfig, seed = 1): Promise<string[]> {
  await use(JS_F64);
  const ref = finiteDifferences(f, inputs, seed);
  const problems = compareGrads(ref, analyticGrads(f, ref), F64_RTOL, F64_ATOL).map((p) => `float64: ${p}`);
  await use(cfg);
  if (!cfg.float64) problems.push(...compareGrads(ref, await analyticGradsAsync(f, ref), F32_RTOL, F32_ATOL).map((p) => `${cfg.label}: ${p}`));
  return problems;
}
