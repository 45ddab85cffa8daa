// One op conformance suite, run on the js float64 reference and on every backend under test, over
// the case lists of tests/cases/<family>.ts, against plain float64 math written in tests/util/ref.ts.
//
// Tolerances, |got - want| <= atol + rtol*|want| + stol*scale, where scale is the sum of the
// absolute terms that made the element (reductions, dot products); u32 = 2^-24, u64 = 2^-53.
// A case's tolerance class (TOL32/TOL64 in tests/cases/case.ts; instances may override):
//
// | class          | ops                                                          | float32 backends                 | js float64                   |
// |----------------|--------------------------------------------------------------|----------------------------------|------------------------------|
// | exact          | layout, int32, comparisons, neg abs sign relu max/min clip,  | bit-exact                        | bit-exact                    |
// |                | cast oneHot gather creation,                                 |                                  |                              |
// |                | maxPool2d, globalMaxPool2d                                   |                                  |                              |
// | arith          | add sub mul div square sqrt reciprocal leakyRelu             | rtol 1e-6, atol 1e-12            | rtol 1e-14, atol 1e-300      |
// | transcendental | exp log pow sigmoid tanh gelu                                | rtol 1e-5, atol 1e-6             | rtol 1e-10, atol 1e-12       |
// | softmax        | softmax logSoftmax, the losses                               | rtol 1e-5, atol 1e-6             | rtol 1e-10, atol 1e-12       |
// |                | ... with logits of magnitude 1e4                             | rtol 1e-5, atol 4e-3 (4 ulp(1e4))| rtol 1e-10, atol 1e-8        |
// | reduce         | sum mean                                                     | rtol 1e-6, atol 1e-7, stol 4e-6  | rtol 1e-14, stol 1e-14       |
// | matmul         | matmul, K = inner dim                                        | stol 2*K*u32, atol 1e-7          | stol 2*K*u64, atol 1e-300    |
// |                | fusedMatmul (bias in the scale, x1.2 for the activation)     | + rtol 1e-5, atol 1e-6           | + rtol 1e-10, atol 1e-12     |
// | optim          | 5 optimizer steps (every variant) against the Keras formulas | rtol 2e-5, atol 2e-6             | rtol 1e-12, atol 1e-14       |
// | conv           | conv2d (+ backward), depthwise, transpose, batchNorm moments | rtol 1e-5, atol 1e-6,            | rtol 1e-12, atol 1e-12,      |
// |                | K = terms summed into an element                             | stol max(4e-6, 2*K*u32)          | stol 1e-14                   |
// | pool           | avgPool2d, global average, both pools' backward              | rtol 1e-6, atol 1e-7, stol 4e-6  | rtol 1e-12, atol 1e-12,      |
// |                |                                                              |                                  | stol 1e-14                   |
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { KERNELS, QUANT, UNARY_GRAD } from '../src/kernels.js';
import { type Instance, type Tensor, type TolClass, TOL32, TOL64 } from './cases/case.js';
import { FAMILY_CASES } from './cases/index.js';
import { JS_F64, WASM_BUILD, testBackends, use, values, type BackendConfig, undisposed } from './util/backends.js';
import { runInstance } from './util/cases.js';
import type { Tol } from './util/close.js';

const CASES = FAMILY_CASES.flatMap((f) => f.cases).filter((c) => c.instances.length > 0);

// ----------------------------------------------------------------------------------- the suite

const CONFIGS: BackendConfig[] = [JS_F64, ...testBackends()];

/** Reference random numbers, made once on the float32 js backend. */
const RAND: Record<string, Float32Array> = {};
const RAND_SPECS: Record<string, () => Tensor> = {
  'randn seed 1': () => eg.randn([1000], { seed: 1 }),
  'randn seed 2': () => eg.randn([1000], { seed: 2 }),
  'randn [7,9] seed 3': () => eg.randn([7, 9], { seed: 3 }),
  'randu seed 1 [-1,1)': () => eg.randu([1000], { seed: 1, low: -1, high: 1 }),
  'randu seed 1 default': () => eg.randu([1000], { seed: 1 }),
};
beforeAll(async () => {
  await eg.init({ backend: 'js' });
  for (const [k, make] of Object.entries(RAND_SPECS)) {
    const t = make();
    RAND[k] = Float32Array.from(t.dataSync());
    t.dispose();
  }
});

function tolFor(tol: TolClass, cfg: BackendConfig, i: Instance): Tol {
  return cfg.float64 ? { ...TOL64[tol], ...i.tol64 } : { ...TOL32[tol], ...i.tol32 };
}

/**
 * Kernels checked by another runner: the backward kernels (attentionGrad, layerNormGrad and batchNormTrainGrad too), through the gradient checks of the same
 * case lists (tests/gradients.test.ts, every backend). The conv family's backward kernels have
 * conformance cases of their own (the gradients of sum(op · dy)).
 */
// NOTE: the int8 kernels (QUANT) are checked against exact integer sums in tests/quantize.test.ts.
const ELSEWHERE: ReadonlySet<string> = new Set([...UNARY_GRAD, 'scatterAdd', ...QUANT, 'attentionGrad', 'layerNormGrad', 'batchNormTrainGrad']);

for (const cfg of CONFIGS) {
  describe(`conformance on ${cfg.label}`, () => {
    // Records every kernel the cases run, so a kernel of the closed set without a case fails below.
    const ran = new Set<string>();
    const { runKernel, runKernelInPlace } = engine;
    beforeAll(async () => {
      await use(cfg);
      engine.runKernel = function (this: typeof engine, name, ...rest) {
        ran.add(name);
        return runKernel.call(this, name, ...rest);
      } as typeof engine.runKernel;
      engine.runKernelInPlace = function (this: typeof engine, name, ...rest) {
        ran.add(name);
        return runKernelInPlace.call(this, name, ...rest);
      } as typeof engine.runKernelInPlace;
    });
    afterAll(() => { engine.runKernel = runKernel; engine.runKernelInPlace = runKernelInPlace; });

    it('init made it the active backend and features() describe it', () => {
      expect(eg.backend()).toBe(cfg.backend);
      const f = eg.features();
      for (const k of ['simd', 'relaxedSimd', 'webgpu', 'sharedMemory'] as const) expect(typeof f[k]).toBe('boolean');
      expect(typeof f.threads).toBe('number');
      if (cfg.backend === 'wasm') {
        const build = (f as unknown as { wasmBuild?: string }).wasmBuild;
        if (WASM_BUILD) expect(build).toBe(WASM_BUILD);
        else expect(['simd', 'relaxed', 'scalar']).toContain(build);
      }
    });

    for (const c of CASES) {
      it(`${c.tol}: ${c.name}`, async () => {
        const problems: string[] = [];
        for (const i of c.instances) {
          for (const p of await runInstance(eg, i, tolFor(c.tol, cfg, i), cfg.float64)) problems.push(`${i.label}: ${p}`);
        }
        expect(problems).toEqual([]);
      });
    }

    it('every kernel of src/kernels.ts has a case in tests/cases (or is checked where ELSEWHERE says)', () => {
      // NOTE: a kernel the backend lists as unsupported (its *_UNSUPPORTED) is absent from its table; the op
      // then runs a composed form (a quantised layer widens its int8 kernel on webgpu), which the same cases check.
      const table = engine.backend!.kernels as Record<string, unknown>;
      expect(KERNELS.filter((k) => !ran.has(k) && !ELSEWHERE.has(k) && table[k] !== undefined)).toEqual([]);
    });

    describe('creation and reading', async () => {
      it('tensor from nested arrays infers shape, defaults to float32', async () => {
        const a = eg.tensor([[1, 2, 3], [4, 5, 6]]);
        expect(a.shape).toEqual([2, 3]);
        expect(a.dtype).toBe('float32');
        expect(a.size).toBe(6);
        expect(a.rank).toBe(2);
        expect(Array.from(await values(a))).toEqual([1, 2, 3, 4, 5, 6]);
        expect(Array.from(await a.data())).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await a.array()).toEqual([[1, 2, 3], [4, 5, 6]]);
        a.dispose();
      });

      it('tensor from a typed array and shape; 3-D array(); scalar', async () => {
        const b = eg.tensor(Float32Array.from({ length: 24 }, (_, k) => k / 4), [2, 3, 4]);
        expect(b.shape).toEqual([2, 3, 4]);
        const arr = (await b.array()) as number[][][];
        expect(arr[1][2][3]).toBe(23 / 4);
        expect(arr[0][1]).toEqual([1, 1.25, 1.5, 1.75]);
        const s = eg.tensor(Float32Array.of(2.5), []);
        expect(s.shape).toEqual([]);
        expect(s.rank).toBe(0);
        expect(s.size).toBe(1);
        expect(Array.from(await values(s))).toEqual([2.5]);
        b.dispose(); s.dispose();
      });

      it('int32 tensors keep int32 storage and values', async () => {
        const i = eg.tensor([0, 2, -7, 2147483647], [4], 'int32');
        expect(i.dtype).toBe('int32');
        const d = await values(i);
        expect(d).toBeInstanceOf(Int32Array);
        expect(Array.from(d)).toEqual([0, 2, -7, 2147483647]);
        expect(await i.data()).toBeInstanceOf(Int32Array);
        expect(await i.array()).toEqual([0, 2, -7, 2147483647]);
        const j = eg.tensor(Int32Array.of(1, 2, 3, 4, 5, 6), [3, 2], 'int32');
        expect(await j.array()).toEqual([[1, 2], [3, 4], [5, 6]]);
        i.dispose(); j.dispose();
      });

      it('float32 storage rounds to float32 (float64 mode keeps doubles)', async () => {
        const t = eg.tensor([0.1, 1 / 3]);
        const d = await values(t);
        if (cfg.float64) {
          expect(d).toBeInstanceOf(Float64Array);
          expect(Array.from(d)).toEqual([0.1, 1 / 3]);
        } else {
          expect(d).toBeInstanceOf(Float32Array);
          expect(Array.from(d)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
        }
        t.dispose();
      });

      it('data() and dataSync() return copies', async () => {
        const t = eg.tensor([1, 2, 3]);
        // webgpu reads asynchronously only: its dataSync() throws, pointing at data()
        if (cfg.backend === 'webgpu') expect(() => t.dataSync()).toThrow(/await t\.data\(\)/);
        else t.dataSync()[0] = 99;
        (await t.data())[1] = 99;
        expect(Array.from(await values(t))).toEqual([1, 2, 3]);
        t.dispose();
      });

      it('zeros, ones, full, arange', async () => {
        const z = eg.zeros([2, 3]), o = eg.ones([2]), f = eg.full([2], 7), r = eg.arange(5);
        expect(z.shape).toEqual([2, 3]);
        expect(z.dtype).toBe('float32');
        expect(Array.from(await values(z))).toEqual([0, 0, 0, 0, 0, 0]);
        expect(Array.from(await values(o))).toEqual([1, 1]);
        expect(Array.from(await values(f))).toEqual([7, 7]);
        expect(r.shape).toEqual([5]);
        expect(Array.from(await values(r))).toEqual([0, 1, 2, 3, 4]);
        const e = eg.zeros([0, 4]);
        expect(e.size).toBe(0);
        expect((await values(e)).length).toBe(0);
        for (const t of [z, o, f, r, e]) t.dispose();
      });

      it('zeros/ones/full take a dtype (tfjs convention)', async () => {
        const z = eg.zeros([3], 'int32'), o = eg.ones([2], 'int32'), f = eg.full([2], 7, 'int32');
        for (const t of [z, o, f]) { expect(t.dtype).toBe('int32'); expect(await values(t)).toBeInstanceOf(Int32Array); }
        expect(Array.from(await values(f))).toEqual([7, 7]);
        for (const t of [z, o, f]) t.dispose();
      });
    });

    describe('seeded random numbers', () => {
      const read = async (t: Tensor) => { const d = Array.from(await values(t)); t.dispose(); return d; };

      it('same seed gives the same numbers as the js backend, bit for bit', async () => {
        for (const [k, make] of Object.entries(RAND_SPECS)) {
          const t = make();
          expect(t.dtype, k).toBe('float32');
          const got = await read(t);
          const want = Array.from(RAND[k]);
          // float64 mode may draw doubles; rounded to float32 they must be the same draws.
          expect(cfg.float64 ? got.map(Math.fround) : got, k).toEqual(want);
        }
      });

      it('same seed twice is identical; different seeds differ', async () => {
        expect(await read(eg.randn([64], { seed: 5 }))).toEqual(await read(eg.randn([64], { seed: 5 })));
        expect(await read(eg.randu([64], { seed: 5 }))).toEqual(await read(eg.randu([64], { seed: 5 })));
        const a = await read(eg.randn([64], { seed: 5 })), b = await read(eg.randn([64], { seed: 6 }));
        expect(a.filter((v, k) => v === b[k]).length).toBeLessThan(3);
      });

      it('randn has mean ~0 and std ~1; randu stays in [low, high) with the right mean', async () => {
        const n = 20000;
        const x = await read(eg.randn([n], { seed: 42 }));
        const mean = x.reduce((a, v) => a + v, 0) / n;
        const std = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
        expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
        expect(Math.abs(std - 1)).toBeLessThan(0.03);
        expect(x.every(Number.isFinite)).toBe(true);
        const u = await read(eg.randu([n], { seed: 42, low: -3, high: 5 }));
        expect(Math.min(...u)).toBeGreaterThanOrEqual(-3);
        expect(Math.max(...u)).toBeLessThan(5);
        const um = u.reduce((a, v) => a + v, 0) / n;
        expect(Math.abs(um - 1)).toBeLessThan(5 * (8 / Math.sqrt(12)) / Math.sqrt(n));
        const u01 = await read(eg.randu([n], { seed: 43 }));
        expect(Math.min(...u01)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...u01)).toBeLessThan(1);
      });
    });

    describe('tidy / keep / dispose', () => {
      it('tidy disposes intermediates and keeps the returned tensor', async () => {
        const before = undisposed();
        let inner!: Tensor;
        const out = eg.tidy(() => {
          inner = eg.ones([4]);
          return eg.add(eg.mul(inner, 2), 1);
        });
        expect(inner.isDisposed).toBe(true);
        expect(out.isDisposed).toBe(false);
        expect(Array.from(await values(out))).toEqual([3, 3, 3, 3]);
        expect(undisposed()).toBe(before + 1);
        out.dispose();
        expect(out.isDisposed).toBe(true);
        expect(undisposed()).toBe(before);
      });

      it('tidy keeps every tensor of a returned array or object', async () => {
        const before = undisposed();
        const [a, b] = eg.tidy(() => [eg.ones([2]), eg.zeros([3])]);
        const o = eg.tidy(() => ({ p: eg.ones([2]), q: eg.exp(eg.zeros([1])) }));
        for (const t of [a, b, o.p, o.q]) expect(t.isDisposed).toBe(false);
        expect(Array.from(await values(o.q))).toEqual([1]);
        expect(undisposed()).toBe(before + 4);
        for (const t of [a, b, o.p, o.q]) t.dispose();
        expect(undisposed()).toBe(before);
      });

      it('keep survives tidy; tensors made outside are untouched', async () => {
        const outside = eg.ones([2]);
        let kept!: Tensor;
        eg.tidy(() => {
          kept = eg.keep(eg.add(outside, 1));
          eg.mul(outside, 3);
          return undefined;
        });
        expect(outside.isDisposed).toBe(false);
        expect(kept.isDisposed).toBe(false);
        expect(Array.from(await values(kept))).toEqual([2, 2]);
        outside.dispose(); kept.dispose();
      });

      it('nested tidy: inner result moves to the outer scope and is freed there', async () => {
        const before = undisposed();
        let fromInner!: Tensor;
        const out = eg.tidy(() => {
          fromInner = eg.tidy(() => eg.add(eg.ones([3]), 1));
          expect(fromInner.isDisposed).toBe(false);
          return eg.mul(fromInner, 2);
        });
        expect(fromInner.isDisposed).toBe(true);
        expect(Array.from(await values(out))).toEqual([4, 4, 4]);
        out.dispose();
        expect(undisposed()).toBe(before);
      });

      it('returning an input of the tidy does not dispose it', async () => {
        const x = eg.ones([2]);
        const y = eg.tidy(() => x);
        expect(y).toBe(x);
        expect(x.isDisposed).toBe(false);
        x.dispose();
      });
    });
  });
}
