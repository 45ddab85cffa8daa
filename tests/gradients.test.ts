// Gradient checks for every differentiable op by central finite differences in float64
// (recipe and tolerances: tests/util/gradcheck.ts), plus autograd semantics.
//
// Tolerances: float64 analytic vs differences |g - fd| <= 1e-6*|fd| + 1e-7*max(1, max|fd|);
// float32 backends vs the float64 differences |g - fd| <= 2e-3*|fd| + 1e-4*max(1, max|fd|).
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_F64, testBackends, use, values, type BackendConfig } from './util/backends.js';
import { hashName } from './util/cases.js';
import {
  F32_ATOL, F32_RTOL, F64_ATOL, F64_RTOL, type GradFn, type GradInput, type GradRef,
  analyticGrads, analyticGradsAsync, compareGrads, finiteDifferences, inputOf,
} from './util/gradcheck.js';
import { Rng } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

interface GradCase { name: string; inputs: GradInput[]; f: GradFn }

const CASES: GradCase[] = [];
function add(name: string, shapes: number[][], f: GradFn, gen?: ((r: Rng) => number) | ((r: Rng) => number)[]) {
  const rng = new Rng(hashName(name));
  const inputs = shapes.map((s, i) => inputOf(rng, s, Array.isArray(gen) ? gen[i] : gen));
  CASES.push({ name, inputs, f });
}

const any = (r: Rng) => r.uniform(-2, 2);
const awayFrom0 = (r: Rng) => r.awayFromZero(0.1, 2);
const positive = (r: Rng) => r.uniform(0.3, 3);
/** Distinct values (no ties for max/min) at least 0.05 apart, shuffled. */
const distinct = () => {
  let k = 0;
  const perm = new Rng(3);
  return (r: Rng) => { void r; k++; return Math.fround(((k * 37) % 101) * 0.05 - 2.5 + perm.uniform(0, 0.01)); };
};
const S = [3, 4];

// ------------------------------------------------------------------ unary and activations
add('neg', [S], (x) => eg.neg(x));
add('exp', [S], (x) => eg.exp(x));
add('log', [S], (x) => eg.log(x), positive);
add('sqrt', [S], (x) => eg.sqrt(x), positive);
add('square', [S], (x) => eg.square(x));
add('abs (away from 0)', [S], (x) => eg.abs(x), awayFrom0);
add('reciprocal', [S], (x) => eg.reciprocal(x), (r) => r.awayFromZero(0.5, 2));
add('sign (zero gradient)', [S], (x) => eg.sign(x), awayFrom0);
add('relu (away from 0)', [S], (x) => eg.relu(x), awayFrom0);
add('leakyRelu default alpha', [S], (x) => eg.leakyRelu(x), awayFrom0);
add('leakyRelu alpha 0.1', [S], (x) => eg.leakyRelu(x, 0.1), awayFrom0);
add('sigmoid', [S], (x) => eg.sigmoid(x), (r) => r.uniform(-4, 4));
add('tanh', [S], (x) => eg.tanh(x));
add('gelu', [S], (x) => eg.gelu(x), (r) => r.uniform(-3, 3));
add('clip(-0.5, 0.5) away from the bounds', [S], (x) => eg.clip(x, -0.5, 0.5),
  (r) => r.pick([r.uniform(-1.5, -0.55), r.uniform(-0.45, 0.45), r.uniform(0.55, 1.5)]));
add('softmax', [[3, 5]], (x) => eg.softmax(x));
add('softmax axis 0', [[3, 5]], (x) => eg.softmax(x, 0));
add('logSoftmax', [[3, 5]], (x) => eg.logSoftmax(x));
add('softmax [2,3,4] (last axis)', [[2, 3, 4]], (x) => eg.softmax(x));
add('logSoftmax [2,3,4] (last axis)', [[2, 3, 4]], (x) => eg.logSoftmax(x));
add('softmax [2,3,4] axis 0', [[2, 3, 4]], (x) => eg.softmax(x, 0));
add('logSoftmax [2,3,4] axis 1', [[2, 3, 4]], (x) => eg.logSoftmax(x, 1));
add('softmaxCrossEntropy [2,3,4] logits (rank 3)', [[2, 3, 4]],
  (z) => eg.losses.softmaxCrossEntropy(eg.tensor([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0.5, 0.5, 0, 0, 0, 0, 0.25, 0.75], [2, 3, 4]), z));

// ------------------------------------------------------------------ binary, with broadcasting
add('add', [S, S], (a, b) => eg.add(a, b));
add('sub', [S, S], (a, b) => eg.sub(a, b));
add('mul', [S, S], (a, b) => eg.mul(a, b));
add('div', [S, S], (a, b) => eg.div(a, b), [any, (r) => r.awayFromZero(0.5, 2)]);
add('pow (both operands)', [S, S], (a, b) => eg.pow(a, b), [positive, any]);
add('pow(x, 3) with negative x', [S], (x) => eg.pow(x, 3));
add('pow(x, 0.5)', [S], (x) => eg.pow(x, 0.5), positive);
add('maximum (no ties)', [S, S], (a, b) => eg.maximum(a, b), distinct());
add('minimum (no ties)', [S, S], (a, b) => eg.minimum(a, b), distinct());
add('add [3,4] + [4] (row)', [S, [4]], (a, b) => eg.add(a, b));
add('sub [3,1] - [1,4] (both sides)', [[3, 1], [1, 4]], (a, b) => eg.sub(a, b));
add('mul [3,4] * [3,1] (column)', [S, [3, 1]], (a, b) => eg.mul(a, b));
add('mul [] * [3,4] (scalar)', [[], S], (a, b) => eg.mul(a, b));
add('div [2,3,4] / [3,1] (rank-extending)', [[2, 3, 4], [3, 1]], (a, b) => eg.div(a, b), [any, (r) => r.awayFromZero(0.5, 2)]);
add('pow [2,3] ^ [3] (broadcast)', [[2, 3], [3]], (a, b) => eg.pow(a, b), [positive, any]);
add('maximum [3,4] vs [4] (broadcast)', [S, [4]], (a, b) => eg.maximum(a, b), distinct());
add('number operands: 2*x - 1/x + 3', [S], (x) => eg.add(eg.sub(eg.mul(2, x), eg.div(1, x)), 3), (r) => r.awayFromZero(0.5, 2));

// ------------------------------------------------------------------ reductions
add('sum all', [[2, 3, 4]], (x) => eg.sum(x));
add('sum axis 1', [[2, 3, 4]], (x) => eg.sum(x, 1));
add('sum axes [0,2] keepDims', [[2, 3, 4]], (x) => eg.sum(x, [0, 2], true));
add('mean all', [[2, 3, 4]], (x) => eg.mean(x));
add('mean axis -1', [[2, 3, 4]], (x) => eg.mean(x, -1));
add('mean axes [0,2]', [[2, 3, 4]], (x) => eg.mean(x, [0, 2]));
add('max axis 1 (no ties)', [[2, 3, 4]], (x) => eg.max(x, 1), distinct());
add('max all (no ties)', [[3, 4]], (x) => eg.max(x), distinct());
add('min axis 0 keepDims (no ties)', [[3, 4]], (x) => eg.min(x, 0, true), distinct());
add('min axes [0,2] (no ties)', [[2, 3, 4]], (x) => eg.min(x, [0, 2]), distinct());

// ------------------------------------------------------------------ matmul
for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
  add(`matmul transposeA ${ta} transposeB ${tb}`, [ta ? [4, 3] : [3, 4], tb ? [5, 4] : [4, 5]],
    (a, b) => eg.matmul(a, b, { transposeA: ta, transposeB: tb }));
}
add('matmul batched [2,3,4] x [2,4,5]', [[2, 3, 4], [2, 4, 5]], (a, b) => eg.matmul(a, b));
add('matmul broadcast batch [2,3,4] x [4,5]', [[2, 3, 4], [4, 5]], (a, b) => eg.matmul(a, b));
add('matmul broadcast batch [3,4] x [2,4,5] transposeB', [[3, 4], [2, 5, 4]], (a, b) => eg.matmul(a, b, { transposeB: true }));
add('matmul broadcast [2,4,3] x [1,4,2] transposeA', [[2, 4, 3], [1, 4, 2]], (a, b) => eg.matmul(a, b, { transposeA: true }));
add('matmul broadcast [1,3,4] x [2,2,4] transposeA transposeB', [[1, 4, 3], [2, 2, 4]], (a, b) => eg.matmul(a, b, { transposeA: true, transposeB: true }));

// ------------------------------------------------------------------ layout
add('transpose default', [[2, 3, 4]], (x) => eg.transpose(x));
add('transpose perm [1,2,0]', [[2, 3, 4]], (x) => eg.transpose(x, [1, 2, 0]));
add('reshape', [[2, 3, 4]], (x) => eg.reshape(x, [4, 6]));
add('slice', [[4, 5]], (x) => eg.slice(x, [1, 2], [2, -1]));
add('pad', [[2, 3]], (x) => eg.pad(x, [[1, 0], [2, 1]]));
add('concat axis 0', [[2, 3], [1, 3]], (a, b) => eg.concat([a, b], 0));
add('concat axis 1, three inputs', [[2, 3], [2, 1], [2, 2]], (a, b, c) => eg.concat([a, b, c], 1));
add('concat the same tensor twice', [[2, 3]], (a) => eg.concat([a, a], 0));
add('stack axis 1', [[2, 3], [2, 3]], (a, b) => eg.stack([a, b], 1));
add('expandDims / squeeze', [[3, 1, 4]], (x) => eg.expandDims(eg.squeeze(x), 0));
add('gather axis 0 with repeated indices', [[5, 3]], (x) => eg.gather(x, eg.tensor([4, 0, 4, 2, 4], [5], 'int32')));
add('gather axis 1', [[2, 5, 3]], (x) => eg.gather(x, eg.tensor([1, 3, 1], [3], 'int32'), 1));

// ------------------------------------------------------------------ losses (labels are constants)
const lossRng = new Rng(77);
const oneHotLabels = (n: number, c: number) => {
  const ids = Array.from({ length: n }, () => lossRng.int(0, c));
  return { ids, hot: ids.flatMap((id) => Array.from({ length: c }, (_, k) => +(k === id))) };
};
{
  const y = Array.from({ length: 12 }, () => lossRng.uniform(-1, 1));
  add('meanSquaredError wrt p', [S], (p) => eg.losses.meanSquaredError(eg.tensor(y, S), p));
  add('meanSquaredError wrt y and p', [S, S], (yt, p) => eg.losses.meanSquaredError(yt, p));
  const y01 = Array.from({ length: 12 }, () => lossRng.int(0, 2));
  add('binaryCrossentropy wrt p', [S], (p) => eg.losses.binaryCrossentropy(eg.tensor(y01, S), p), (r) => r.uniform(0.1, 0.9));
  const { hot } = oneHotLabels(3, 4);
  add('categoricalCrossentropy wrt p', [S], (p) => eg.losses.categoricalCrossentropy(eg.tensor(hot, [3, 4]), p), (r) => r.uniform(0.1, 0.9));
  const l = oneHotLabels(4, 5);
  add('softmaxCrossEntropy wrt logits', [[4, 5]], (z) => eg.losses.softmaxCrossEntropy(eg.tensor(l.hot, [4, 5]), z), (r) => r.uniform(-3, 3));
  const soft = Array.from({ length: 20 }, (_, i) => [0.5, 0.25, 0.125, 0.0625, 0.0625][(i + Math.floor(i / 5)) % 5]);
  add('softmaxCrossEntropy soft labels', [[4, 5]], (z) => eg.losses.softmaxCrossEntropy(eg.tensor(soft, [4, 5]), z));
  add('sparseSoftmaxCrossEntropy wrt logits', [[4, 5]], (z) => eg.losses.sparseSoftmaxCrossEntropy(eg.tensor(l.ids, [4], 'int32'), z), (r) => r.uniform(-3, 3));
}

// ------------------------------------------------------------------ compositions
add('two-layer net: sum(relu(x w1 + b1) w2)', [[4, 3], [3, 5], [5], [5, 2]],
  (x, w1, b1, w2) => eg.matmul(eg.relu(eg.add(eg.matmul(x, w1), b1)), w2), awayFrom0);
add('x*x + x (a tensor used twice)', [S], (x) => eg.add(eg.mul(x, x), x));
add('tanh(x) * sigmoid(x) / (1 + x^2)', [S], (x) => eg.div(eg.mul(eg.tanh(x), eg.sigmoid(x)), eg.add(eg.square(x), 1)));
add('tensor methods: x.mul(y).sum(1).exp()', [S, S], (x, y) => x.mul(y).sum(1).exp());

// ================================================================== the suite

const refs = new Map<string, GradRef | Error>();

function computeRef(c: GradCase): GradRef | Error {
  try {
    return finiteDifferences(c.f, c.inputs, hashName(c.name) ^ 0x5eed);
  } catch (e) {
    return e as Error;
  }
}

describe('float64 reference: js (precision float64) analytic gradients vs central differences', () => {
  beforeAll(() => use(JS_F64));
  for (const c of CASES) {
    it(c.name, async () => {
      const ref = computeRef(c);
      refs.set(c.name, ref);
      if (ref instanceof Error) throw ref;
      const got = analyticGrads(c.f, ref);
      expect(got.value, 'value of valueAndGrads').toBeCloseTo(ref.value, 12);
      expect(compareGrads(ref, got, F64_RTOL, F64_ATOL)).toEqual([]);
    });
  }
});

for (const cfg of testBackends()) {
  describe(`gradients on ${cfg.label} vs float64 central differences`, () => {
    beforeAll(async () => {
      // References missing when this block runs alone (e.g. vitest -t): make them now.
      if (CASES.some((c) => !refs.has(c.name))) {
        await use(JS_F64);
        for (const c of CASES) if (!refs.has(c.name)) refs.set(c.name, computeRef(c));
      }
      await use(cfg);
    });
    for (const c of CASES) {
      it(c.name, async () => {
        const ref = refs.get(c.name)!;
        if (ref instanceof Error) throw new Error(`float64 reference failed: ${ref.message}`);
        const got = await analyticGradsAsync(c.f, ref);
        expect(Math.abs(got.value - ref.value)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(ref.value)));
        expect(compareGrads(ref, got, F32_RTOL, F32_ATOL)).toEqual([]);
      });
    }
  });
}

// ================================================================== autograd semantics

for (const cfg of [JS_F64, ...testBackends()]) {
  describe(`autograd semantics on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    const vals = async (t: Tensor) => Array.from(await values(t));

    it('gradients accumulate when a variable is used twice: d(x*x + x) = 2x + 1', async () => {
      const x = eg.variable(eg.tensor([1, -2, 0.5]));
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.add(eg.mul(x, x), x)), [x]);
      expect((await vals(value))[0]).toBeCloseTo(1 + 1 + 4 - 2 + 0.25 + 0.5, 5);
      expect(await vals(grads[0])).toEqual([3, -3, 2]);
      for (const t of [x, value, ...grads]) t.dispose();
    });

    it('valueAndGrads value equals the plain forward, and is a scalar', async () => {
      const x = eg.variable(eg.randn([4, 3], { seed: 3 }));
      const w = eg.variable(eg.randn([3, 2], { seed: 4 }));
      const f = () => eg.mean(eg.tanh(eg.matmul(x, w)));
      const plain = f();
      const { value, grads } = eg.valueAndGrads(f, [x, w]);
      expect(value.shape).toEqual([]);
      expect(await vals(value)).toEqual(await vals(plain));
      expect(grads.map((g) => g.shape)).toEqual([[4, 3], [3, 2]]);
      for (const t of [x, w, plain, value, ...grads]) t.dispose();
    });

    it('grads come back with each variable\'s shape, including scalars and broadcast operands', async () => {
      const a = eg.variable(eg.ones([2, 3]));
      const b = eg.variable(eg.ones([3]));
      const c = eg.variable(eg.tensor(Float32Array.of(2), []));
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(eg.add(a, b), c)), [a, b, c]);
      expect(grads.map((g) => g.shape)).toEqual([[2, 3], [3], []]);
      expect(await vals(grads[1])).toEqual([4, 4, 4]);
      expect(await vals(grads[2])).toEqual([12]);
      for (const t of [a, b, c, value, ...grads]) t.dispose();
    });

    it('a variable the function does not use gets a zero gradient of its shape', async () => {
      const used = eg.variable(eg.ones([2]));
      const unused = eg.variable(eg.ones([3, 2]));
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(used, 3)), [used, unused]);
      expect(await vals(grads[0])).toEqual([3, 3]);
      expect(grads[1].shape).toEqual([3, 2]);
      expect(grads[1].dtype).toBe('float32');
      expect(await vals(grads[1])).toEqual([0, 0, 0, 0, 0, 0]);
      for (const t of [used, unused, value, ...grads]) t.dispose();
    });

    it('gradients do not flow through int32 paths or comparisons', async () => {
      const x = eg.variable(eg.tensor([0.5, -1, 2]));
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.mul(x, eg.greater(x, 0))), [x]);
      expect((await vals(value))[0]).toBeCloseTo(2.5, 6);
      expect(await vals(grads[0])).toEqual([1, 0, 1]);
      for (const t of [x, value, ...grads]) t.dispose();
    });

    it('grad(f) returns the gradient of sum(f(x))', async () => {
      const x = eg.tensor([1, 2, -3]);
      const g = eg.grad((t: Tensor) => eg.square(t))(x);
      expect(g.shape).toEqual([3]);
      expect(await vals(g)).toEqual([2, 4, -6]);
      x.dispose(); g.dispose();
    });

    it('valueAndGrads frees its intermediates and leaves the inputs alive', async () => {
      const x = eg.variable(eg.randn([8, 4], { seed: 9 }));
      const before = eg.memory().tensors;
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.relu(eg.matmul(x, x, { transposeB: true }))), [x]);
      expect(eg.memory().tensors).toBe(before + 2);
      expect(x.isDisposed).toBe(false);
      value.dispose(); grads[0].dispose();
      expect(eg.memory().tensors).toBe(before);
      x.dispose();
    });
  });
}
