// Gradient checks for every differentiable op by central finite differences in float64, over the
// case lists of tests/cases/<family>.ts (recipe and tolerances: tests/util/gradcheck.ts), plus
// autograd semantics.
//
// Tolerances: float64 analytic vs differences |g - fd| <= 1e-6*|fd| + 1e-7*max(1, max|fd|);
// float32 backends vs the float64 differences |g - fd| <= 2e-3*|fd| + 1e-4*max(1, max|fd|).
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_F64, testBackends, use, values, type BackendConfig, undisposed } from './util/backends.js';
import { type GradCheck, hashName } from './cases/case.js';
import { FAMILY_CASES } from './cases/index.js';
import {
  F32_ATOL, F32_RTOL, F64_ATOL, F64_RTOL, type GradRef, analyticGrads, analyticGradsAsync, compareGrads, finiteDifferences,
} from './util/gradcheck.js';

type Tensor = ReturnType<typeof eg.tensor>;

/** Every family's gradient checks (tests/cases/<family>.ts: a case's `grads`). */
const CASES: GradCheck[] = FAMILY_CASES.flatMap((f) => f.cases.flatMap((c) => c.grads ?? []));

// ================================================================== the suite

const refs = new Map<string, GradRef | Error>();

function computeRef(c: GradCheck): GradRef | Error {
  try {
    return finiteDifferences(c.f, c.inputs, hashName(c.name) ^ 0x5eed);
  } catch (e) {
    return e as Error;
  }
}

describe('float64 reference: js (precision float64) analytic gradients vs central differences', () => {
  beforeAll(() => use(JS_F64));
  it('the checks have distinct names (they key the references)', () => {
    expect(CASES.filter((c, i) => CASES.findIndex((d) => d.name === c.name) !== i).map((c) => c.name)).toEqual([]);
  });
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
      const before = undisposed();
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.relu(eg.matmul(x, x, { transposeB: true }))), [x]);
      expect(undisposed()).toBe(before + 2);
      expect(x.isDisposed).toBe(false);
      value.dispose(); grads[0].dispose();
      expect(undisposed()).toBe(before);
      x.dispose();
    });
  });
}
