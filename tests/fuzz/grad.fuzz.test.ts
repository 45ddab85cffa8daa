// Property-based gradient fuzzing: random small shapes through random compositions of ops (a
// start: one input, a broadcasting binary op, matmul/fusedMatmul or a loss, then up to three shape-
// aware steps), differentiated by eg.valueAndGrads of L = sum(f(x)·w).
//  1. js float64: analytic gradients vs central finite differences (tests/util/gradcheck.ts
//     tolerances). Points where L is not smooth (a relu/abs/clip kink or a max tie within 2h) are
//     detected by comparing one-sided and central differences at h and 2h, and discarded.
//  2. js float32 and each backend under test vs those finite differences (float32 tolerances), and
//     the backend vs js float32 (same shapes; values within the float32 tolerances).
// Shapes may have zero-size dimensions: the gradients must then be empty tensors of the inputs' shapes.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import * as eg from '../../src/index.js';
import { JS_F64, testBackends, use, type BackendConfig } from '../util/backends.js';
import { F32_ATOL, F32_RTOL, F64_ATOL, F64_RTOL, H, type GradInput, type GradRef, analyticGrads, analyticGradsAsync, compareGrads, lossValue, outputShape } from '../util/gradcheck.js';
import { Rng } from '../util/ref.js';
import { broadcast, broadcastPairArb, checkProperty, runsFor, sizeOf, testTimeout } from './arbitraries.js';
import { JS_F32, envOf } from './harness.js';

const FILE = 'tests/fuzz/grad.fuzz.test.ts';
type Tensor = ReturnType<typeof eg.tensor>;

// ------------------------------------------------------------------------------ programs

interface Program {
  /** f(x0, x1, ...) as JavaScript. */
  code: string;
  shapes: number[][];
  /** Seed of the input values and the weighting w. */
  seed: number;
}

interface StepSeed { op: string; a: number; b: number; flag: boolean }

const ELEMENTWISE: Record<string, (x: string) => string> = {
  neg: (x) => `eg.neg(${x})`,
  tanh: (x) => `eg.tanh(${x})`,
  sigmoid: (x) => `eg.sigmoid(${x})`,
  gelu: (x) => `eg.gelu(${x})`,
  square: (x) => `eg.square(${x})`,
  exp: (x) => `eg.exp(${x})`,
  log: (x) => `eg.log(eg.add(eg.square(${x}), 1))`,
  sqrt: (x) => `eg.sqrt(eg.add(eg.square(${x}), 0.5))`,
  reciprocal: (x) => `eg.reciprocal(eg.add(eg.square(${x}), 1))`,
  relu: (x) => `eg.relu(${x})`,
  leakyRelu: (x) => `eg.leakyRelu(${x}, 0.1)`,
  abs: (x) => `eg.abs(${x})`,
  clip: (x) => `eg.clip(${x}, -1, 0.75)`,
  sign: (x) => `eg.mul(eg.sign(${x}), ${x})`,
  pow: (x) => `eg.pow(eg.add(eg.square(${x}), 1), 1.5)`,
};

/** Lehmer-code permutation of n axes from a number. */
function permOf(n: number, a: number): number[] {
  const rest = Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = n; k > 0; k--) { out.push(rest.splice(a % k, 1)[0]); a = Math.floor(a / k); }
  return out;
}

/**
 * One step applied to an expression of shape s: the new expression and shape, or null (not
 * applicable). max/min first add distinct constants (0.01 apart) to x: compositions often hold one
 * input-dependent value twice (broadcastTo, gather with repeated indices, softmax of relu zeros),
 * and by design (as tfjs) every tied position gets the whole gradient, which finite differences of
 * max(v, v) = v do not see. Near-ties that remain are caught as kinks.
 */
function applyStep(st: StepSeed, x: string, s: number[]): { code: string; shape: number[] } | null {
  const r = s.length, n = sizeOf(s);
  const ax = r ? st.a % r : 0;
  if (st.op in ELEMENTWISE) return { code: ELEMENTWISE[st.op](x), shape: s };
  switch (st.op) {
    case 'softmax': case 'logSoftmax':
      if (r === 0) return null;
      return { code: `eg.${st.op}(${x}, ${st.flag ? ax - r : ax})`, shape: s };
    case 'sum': case 'mean': case 'max': case 'min': {
      const extremum = st.op === 'max' || st.op === 'min';
      if (extremum && n === 0) return null;
      const axes = s.map((_, i) => i).filter((i) => (st.b >> i) & 1);
      const keep = st.flag;
      const arg = st.b % 7 === 0 || r === 0 ? 'null' : `[${axes.map((i) => (st.a & (1 << i) ? i - r : i))}]`;
      const set = arg === 'null' ? new Set(s.map((_, i) => i)) : new Set(axes);
      const jitter = Array.from({ length: n }, (_, i) => ((i * 37 + st.a) % 101) / 100);
      const xx = extremum ? `eg.add(${x}, eg.tensor(Float32Array.of(${jitter}), [${s}]))` : x;
      return { code: `eg.${st.op}(${xx}, ${arg}, ${keep})`, shape: keep ? s.map((d, i) => (set.has(i) ? 1 : d)) : s.filter((_, i) => !set.has(i)) };
    }
    case 'transpose': {
      if (r < 2) return null;
      const p = permOf(r, st.a);
      return { code: `eg.transpose(${x}, [${p}])`, shape: p.map((i) => s[i]) };
    }
    case 'reshape': {
      if (n === 0) return { code: `eg.reshape(${x}, [0, ${st.a % 3}])`, shape: [0, st.a % 3] };
      const shape: number[] = [];
      let rem = n, a = st.a;
      for (let k = 0; k < st.b % 4; k++) {
        const divs = Array.from({ length: rem }, (_, i) => i + 1).filter((d) => rem % d === 0);
        const d = divs[a % divs.length]; a = Math.floor(a / divs.length) + 7;
        shape.push(d); rem /= d;
      }
      shape.push(rem);
      const show = st.flag ? shape.map((d, i) => (i === 0 ? -1 : d)) : shape;
      return { code: `eg.reshape(${x}, [${show}])`, shape };
    }
    case 'slice': {
      if (r === 0) return null;
      const begin = s.map((d, i) => ((st.a >> i) & 1 && d > 1 ? 1 : 0));
      const size = s.map((d, i) => ((st.b >> i) & 1 ? -1 : Math.max(0, d - begin[i] - ((st.b >> (i + 4)) & 1))));
      return { code: `eg.slice(${x}, [${begin}], [${size}])`, shape: s.map((d, i) => (size[i] === -1 ? d - begin[i] : size[i])) };
    }
    case 'pad': {
      const p = s.map((_, i) => [(st.a >> (2 * i)) & 1, (st.b >> (2 * i)) & 3 ? 1 : 0]);
      return { code: `eg.pad(${x}, ${JSON.stringify(p)})`, shape: s.map((d, i) => d + p[i][0] + p[i][1]) };
    }
    case 'expandDims': {
      const a = st.a % (r + 1);
      return { code: `eg.expandDims(${x}, ${a})`, shape: [...s.slice(0, a), 1, ...s.slice(a)] };
    }
    case 'squeeze':
      if (!s.includes(1)) return null;
      return { code: `eg.squeeze(${x})`, shape: s.filter((d) => d !== 1) };
    case 'concat':
      if (r === 0) return null;
      return { code: `((t) => eg.concat([t, eg.square(t)], ${ax}))(${x})`, shape: s.map((d, i) => (i === ax ? 2 * d : d)) };
    case 'stack': {
      const a = st.a % (r + 1);
      return { code: `((t) => eg.stack([t, eg.tanh(t)], ${a}))(${x})`, shape: [...s.slice(0, a), 2, ...s.slice(a)] };
    }
    case 'gather': {
      if (r === 0 || s[ax] === 0) return null;
      const k = 1 + (st.b % 4);
      const idx = Array.from({ length: k }, (_, i) => (st.b * 7 + i * (st.a + 3)) % s[ax]);
      return { code: `eg.gather(${x}, eg.tensor(Int32Array.of(${idx}), [${k}], 'int32'), ${ax})`, shape: [...s.slice(0, ax), k, ...s.slice(ax + 1)] };
    }
    case 'broadcastTo':
      if (n > 12) return null;
      return { code: `eg.broadcastTo(${x}, [2, ${s}])`.replace(', ]', ']'), shape: [2, ...s] };
    default:
      return null;
  }
}

const STEP_OPS = [...Object.keys(ELEMENTWISE), 'softmax', 'logSoftmax', 'sum', 'mean', 'max', 'min', 'transpose', 'reshape',
  'slice', 'pad', 'expandDims', 'squeeze', 'concat', 'stack', 'gather', 'broadcastTo'];
const stepArb: fc.Arbitrary<StepSeed> = fc.record({ op: fc.constantFrom(...STEP_OPS), a: fc.nat(1000), b: fc.nat(1000), flag: fc.boolean() });

/** Small shapes: rank 0-3 (mostly 2), sizes 1-4, now and then a 0; at most 24 elements. */
const smallDim = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 20, arbitrary: fc.integer({ min: 1, max: 4 }) });
const small = (o: { minRank?: number; maxRank?: number } = {}) => {
  const ranks = [{ r: 0, w: 1 }, { r: 1, w: 2 }, { r: 2, w: 3 }, { r: 3, w: 2 }].filter(({ r }) => r >= (o.minRank ?? 0) && r <= (o.maxRank ?? 3));
  return fc.oneof(...ranks.map(({ r, w }) => ({ weight: w, arbitrary: fc.array(smallDim, { minLength: r, maxLength: r }) })))
    .filter((sh) => sizeOf(sh) <= 24);
};

type Start = { code: string; shapes: number[][]; out: number[] };

const BINARY: Record<string, string> = {
  add: 'eg.add(x0, x1)', sub: 'eg.sub(x0, x1)', mul: 'eg.mul(x0, x1)', div: 'eg.div(x0, eg.add(eg.square(x1), 0.5))',
  pow: 'eg.pow(eg.add(eg.square(x0), 0.5), x1)', maximum: 'eg.maximum(x0, x1)', minimum: 'eg.minimum(x0, x1)',
};

const startArb: fc.Arbitrary<Start> = fc.oneof(
  { weight: 3, arbitrary: small().map((s) => ({ code: 'x0', shapes: [s], out: s })) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...Object.keys(BINARY)), broadcastPairArb({ maxRank: 3, maxDim: 4, maxSize: 24 }))
      .filter(([, [a, b]]) => broadcast(a, b) !== null)
      .map(([op, [a, b]]) => ({ code: BINARY[op], shapes: [a, b], out: broadcast(a, b)! })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      M: smallDim, K: smallDim, N: smallDim, ta: fc.boolean(), tb: fc.boolean(),
      batch: broadcastPairArb({ maxRank: 2, maxDim: 3, maxSize: 4 }).filter(([a, b]) => broadcast(a, b) !== null),
      fused: fc.option(fc.record({ bias: fc.boolean(), act: fc.constantFrom('linear', 'relu', 'gelu', 'sigmoid', 'tanh') }), { nil: undefined }),
    }).map(({ M, K, N, ta, tb, batch: [ba, bb], fused }) => {
      const sa = [...ba, ta ? K : M, ta ? M : K], sb = [...bb, tb ? N : K, tb ? K : N];
      const o = `{ transposeA: ${ta}, transposeB: ${tb}${fused ? `, activation: '${fused.act}'` : ''} }`;
      const shapes = fused?.bias ? [sa, sb, [N]] : [sa, sb];
      const code = fused ? `eg.fusedMatmul(x0, x1, ${fused.bias ? 'x2' : 'null'}, ${o})` : `eg.matmul(x0, x1, ${o})`;
      return { code, shapes, out: [...broadcast(ba, bb)!, M, N] };
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('mse', 'bce', 'cce', 'sce', 'sparse'), small({ minRank: 1, maxRank: 2 }), fc.nat(1000)).map(([loss, s, k]) => {
      const rng = new Rng(k + 1);
      const n = sizeOf(s), C = s[s.length - 1];
      const rows = n / Math.max(C, 1);
      const lit = (v: number[], shape: number[], dt = 'float32') => `eg.tensor(${dt === 'int32' ? 'Int32Array' : 'Float32Array'}.of(${v}), [${shape}], '${dt}')`;
      const hot = () => Array.from({ length: C ? rows : 0 }, () => rng.int(0, C));
      switch (loss) {
        case 'mse': return { code: 'eg.losses.meanSquaredError(x0, x1)', shapes: [s, s], out: [] };
        case 'bce': {
          const y = Array.from({ length: n }, () => rng.pick([0, 1, 0.25]));
          return { code: `eg.losses.binaryCrossentropy(${lit(y, s)}, eg.sigmoid(x0))`, shapes: [s], out: [] };
        }
        case 'cce': {
          const ids = hot();
          const y = Array.from({ length: n }, (_, i) => +(ids[Math.floor(i / C)] === i % C));
          return { code: `eg.losses.categoricalCrossentropy(${lit(y, s)}, eg.softmax(x0))`, shapes: [s], out: [] };
        }
        case 'sce': {
          const y = Array.from({ length: n }, () => rng.pick([0, 1, 0.5]));
          return { code: `eg.losses.softmaxCrossEntropy(${lit(y, s)}, x0)`, shapes: [s], out: [] };
        }
        default: {
          const s2 = s.length === 2 && C > 0 ? s : [s[0], 3];
          const ids = Array.from({ length: s2[0] }, () => rng.int(0, s2[1]));
          return { code: `eg.losses.sparseSoftmaxCrossEntropy(${lit(ids, [s2[0]], 'int32')}, x0)`, shapes: [s2], out: [] };
        }
      }
    }),
  },
);

const programArb: fc.Arbitrary<Program> = fc.tuple(startArb, fc.array(stepArb, { maxLength: 3 }), fc.nat()).map(([start, steps, seed]) => {
  let code = start.code, shape = start.out;
  for (const st of steps) {
    const r = applyStep(st, code, shape);
    if (r && sizeOf(r.shape) <= 96) ({ code, shape } = r);
  }
  const p: Program = { code, shapes: start.shapes, seed };
  Object.defineProperty(p, fc.toStringMethod, { value: () => `f = (${start.shapes.map((_, i) => `x${i}`).join(', ')}) => ${code}; shapes ${JSON.stringify(start.shapes)}; seed ${seed}` });
  return p;
});

// ------------------------------------------------------------------------------ finite differences

const fnCache = new Map<string, (...xs: Tensor[]) => Tensor>();
function fnOf(p: Program): (...xs: Tensor[]) => Tensor {
  let f = fnCache.get(p.code);
  if (!f) {
    const g = new Function('eg', ...p.shapes.map((_, i) => `x${i}`), `return (${p.code});`) as (e: typeof eg, ...xs: Tensor[]) => Tensor;
    f = (...xs) => g(eg, ...xs);
    fnCache.set(p.code, f);
  }
  return f;
}

/** L = sum(f(x)·w) at the inputs, input j's element k moved by d (an add on the backend). */
const lossAt = (f: (...xs: Tensor[]) => Tensor, inputs: GradInput[], w: GradRef['weights'], move?: { j: number; k: number; d: number }): number =>
  lossValue(f, inputs, w, move && { j: move.j, k: move.k, delta: move.d });

/**
 * Central differences of L on js float64, or a reason to discard the point: L not smooth there
 * (central differences at h and 2h disagree, or so do the one-sided ones), or too large to be a
 * meaningful float32 test.
 */
function finiteDifferences(p: Program, inputs: GradInput[]): GradRef | string {
  const f = fnOf(p);
  const outShape = outputShape(f, inputs);
  const rng = new Rng(p.seed ^ 0x5eed);
  const n = sizeOf(outShape);
  const weights = n === 1 ? null : { shape: outShape, values: Array.from({ length: n }, () => rng.awayFromZero(0.5, 1.5)) };
  const value = lossAt(f, inputs, weights);
  // no elements at all (a mean over none is NaN): only the gradients' shapes are checked
  const empty = inputs.every((i) => i.values.length === 0);
  if (!empty && (!Number.isFinite(value) || Math.abs(value) > 1e4)) return `L = ${value}`;
  const fd = inputs.map((input, j) => {
    const g = new Float64Array(input.values.length);
    for (let k = 0; k < g.length; k++) {
      const h = Math.fround(H * Math.max(1, Math.abs(input.values[k])));
      const at = (d: number) => lossAt(f, inputs, weights, { j, k, d });
      const p1 = at(h), m1 = at(-h), p2 = at(2 * h), m2 = at(-2 * h);
      const c1 = (p1 - m1) / (2 * h), c2 = (p2 - m2) / (4 * h);
      const d1 = (p1 - 2 * value + m1) / h, d2 = (p2 - 2 * value + m2) / (2 * h);
      const tol = 1e-7 * Math.max(1, Math.abs(c1)) + 1e-8 * Math.max(1, Math.abs(value));
      if (!Number.isFinite(c1) || Math.abs(c1) > 1e4) return `dL/dx${j}[${k}] = ${c1}`;
      if (Math.abs(c1 - c2) > tol || Math.abs(d1 - d2 / 2) > tol) return `not smooth at x${j}[${k}]`;
      g[k] = c1;
    }
    return g;
  });
  const bad = fd.find((g) => typeof g === 'string');
  if (typeof bad === 'string') return bad;
  return { inputs, weights, value, fd: fd as Float64Array[] };
}

function inputsOf(p: Program): GradInput[] {
  const rng = new Rng(p.seed);
  // NOTE: |x| >= 0.01. Closer to 0, float32 can round a small term away where float64 keeps it and
  // land a kink exactly: abs(log(1 + x²)) at x = -2.2e-4 is abs(log(1)) = abs(0) in float32 (slope 0
  // by convention, as in PyTorch) but 4.7e-8 in float64 (slope 2x, smooth there); the float64 kink
  // check cannot see that, and the float32 gradients then differ from the finite differences by 4e-4.
  return p.shapes.map((shape) => ({ shape, values: Array.from({ length: sizeOf(shape) }, () => rng.awayFromZero(0.01, 2)) }));
}

// ------------------------------------------------------------------------------ the suite

let discarded = 0;

async function checkProgram(p: Program, cfg: BackendConfig | null): Promise<void> {
  try {
    await checkProgramOn(p, cfg);
  } catch (e) {
    if (fc.PreconditionFailure.isFailure(e)) throw e;
    const msg = (e as Error).message;
    if (msg.startsWith('f = ')) throw e;
    throw new Error(`f = (${p.shapes.map((_, i) => `x${i}`).join(', ')}) => ${p.code}\n  shapes ${JSON.stringify(p.shapes)}\n  threw: ${msg}`);
  }
}

async function checkProgramOn(p: Program, cfg: BackendConfig | null): Promise<void> {
  const f = fnOf(p);
  const inputs = inputsOf(p);
  await use(JS_F64);
  const ref = finiteDifferences(p, inputs);
  if (typeof ref === 'string') { discarded++; fc.pre(false); return; }
  const problems: string[] = [];
  const g64 = analyticGrads(f, ref);
  const near = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol || (Number.isNaN(x) && Number.isNaN(y));
  if (!near(g64.value, ref.value, 1e-9 * Math.max(1, Math.abs(ref.value)))) problems.push(`float64: value ${g64.value}, expected ${ref.value}`);
  problems.push(...compareGrads(ref, g64, F64_RTOL, F64_ATOL).map((m) => `float64 vs finite differences: ${m}`));
  await use(JS_F32);
  const g32 = analyticGrads(f, ref);
  problems.push(...compareGrads(ref, g32, F32_RTOL, F32_ATOL).map((m) => `js float32 vs finite differences: ${m}`));
  if (cfg) {
    await use(cfg);
    let got: typeof g32 | undefined;
    try {
      got = await analyticGradsAsync(f, ref);
    } catch (e) {
      problems.push(`${cfg.label}: valueAndGrads threw "${(e as Error).message}" (js did not)`);
    }
    if (got) {
      const vtol = 1e-4 * Math.max(1, Math.abs(ref.value));
      if (!near(got.value, g32.value, vtol)) problems.push(`${cfg.label}: value ${got.value}, js float32 ${g32.value}`);
      problems.push(...compareGrads(ref, got, F32_RTOL, F32_ATOL).map((m) => `${cfg.label} vs finite differences: ${m}`));
      // the backend against the js float32 gradients, with the float32 tolerances around them
      const js32: GradRef = { ...ref, fd: g32.grads.map((g) => g.values) };
      if (g32.grads.every((g, j) => JSON.stringify(g.shape) === JSON.stringify(ref.inputs[j].shape))) {
        problems.push(...compareGrads(js32, got, F32_RTOL, F32_ATOL).map((m) => `${cfg.label} vs js float32: ${m}`));
      }
    }
  }
  if (problems.length) throw new Error(`f = (${p.shapes.map((_, i) => `x${i}`).join(', ')}) => ${p.code}\n  inputs ${JSON.stringify(inputs)}\n  ${problems.join('\n  ')}`);
}

const TARGETS: (BackendConfig | null)[] = testBackends().filter((c) => c.backend !== 'js');
if (TARGETS.length === 0) TARGETS.push(null);

for (const cfg of TARGETS) {
  const webgpu = cfg?.backend === 'webgpu';
  const runs = runsFor(webgpu ? 250 : 3000);
  describe(`fuzz gradients: ${cfg ? `${cfg.label} and ` : ''}js float64 (finite differences), js float32`, () => {
    it('random compositions of ops', async () => {
      discarded = 0;
      await checkProperty('random compositions of ops', FILE, programArb, (p) => checkProgram(p, cfg), runs, envOf(cfg));
      // discarded points (not smooth, too large) must stay rare, or the property tests little
      if (discarded > runs / 2) throw new Error(`${discarded} of ${runs} programs discarded`);
    }, testTimeout(runs, webgpu ? 100 : 5));
  });
}
