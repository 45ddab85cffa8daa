// Optimizers, schedules, clipping and regularizers: each update against hand-computed steps and a
// float64 reference of the Keras formulas (with the variants: tests/cases/optim.ts), js vs wasm
// agreement, no allocation per step, copy-on-write of shared storage, state round trips, and
// convergence on a tiny regression. Values are read with `await` (webgpu reads asynchronously).
//
// Tolerances: against the float64 reference over a few steps, |got - want| <= 2e-6 + 2e-5*|want|
// (float32 rounding of every intermediate); hand-computed literals to 6 decimals; js vs wasm,
// both float32, within the same bound.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, values as read, WASM_BUILD } from './util/backends.js';
import { mismatches, type Tol } from './util/close.js';
import { type RefState, VARIANTS, data, refAdam, refSteps } from './cases/optim.js';

type Tensor = ReturnType<typeof eg.tensor>;
type Variable = ReturnType<typeof eg.variable>;

const TOL: Tol = { rtol: 2e-5, atol: 2e-6 };
/** A tensor's values, read as the backend allows (`await data()` on webgpu). */
const values = async (t: Tensor) => Array.from(await read(t));
/** memory() less the webgpu backend's dispatch and submit counters, which every update moves. */
// NOTE: webgpu's counters of events (dispatches, submits, bind groups made and found, params
// rewritten) are not allocations; what is held (bytes, pooled bytes, programs, cached binding sites) is.
const allocations = () => {
  const { dispatches, submits, bindGroups, bindGroupHits, paramWrites, ...rest } = eg.memory();
  void dispatches; void submits; void bindGroups; void bindGroupHits; void paramWrites;
  return rest;
};
const live = () => { const m = eg.memory(); return { tensors: m.tensors, bytes: m.bytes }; };

/** Runs `steps` updates of a fresh optimizer on one variable of size n; returns the final values. */
async function runSteps(make: () => eg.Optimizer, n: number, steps: number): Promise<{ p: number[]; state: { name: string; v: number[] }[] }> {
  const opt = make();
  const v = eg.variable(eg.tensor(data(n, 1), [n]), true, 'p');
  for (let t = 0; t < steps; t++) {
    const g = eg.tensor(data(n, 100 + t), [n]);
    opt.apply([v], [g]);
    g.dispose();
  }
  const state: { name: string; v: number[] }[] = [];
  for (const { name, tensor } of opt.getState()) state.push({ name, v: await values(tensor) });
  const out = { p: await values(v), state };
  opt.dispose();
  v.dispose();
  return out;
}

/** One variable starting at `p`, updated `steps` times with gradient `g`. */
async function steps(opt: eg.Optimizer, p: number[], g: number[], n: number): Promise<number[][]> {
  const v = eg.variable(eg.tensor(p));
  const gt = eg.tensor(g);
  const out: number[][] = [];
  for (let t = 0; t < n; t++) { opt.apply([v], [gt]); out.push(await values(v)); }
  gt.dispose(); v.dispose(); opt.dispose();
  return out;
}

const close6 = (got: number[], want: number[]) => got.forEach((x, i) => expect(x).toBeCloseTo(want[i], 6));

for (const cfg of testBackends()) {
  describe(`optimizers on ${cfg.label}`, () => {
    const onGpu = cfg.backend === 'webgpu';
    beforeAll(() => use(cfg));
    afterEach(() => vi.restoreAllMocks());

    describe('hand-computed steps', () => {
      it('sgd: p -= lr * g', async () => {
        const got = await steps(eg.optimizers.sgd({ learningRate: 0.1 }), [1, -2, 3], [0.5, 0.5, -1], 2);
        close6(got[0], [0.95, -2.05, 3.1]);
        close6(got[1], [0.9, -2.1, 3.2]);
      });
      it('sgd momentum 0.9: v = 0.9v - lr g, p += v', async () => {
        const got = await steps(eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 }), [1], [1], 3);
        close6(got.map((x) => x[0]), [0.9, 0.71, 0.439]);
      });
      it('sgd nesterov: p += 0.9v - lr g', async () => {
        const got = await steps(eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }), [1], [1], 3);
        close6(got.map((x) => x[0]), [0.81, 0.539, 0.1951]);
      });
      it('adam: a constant gradient moves about lr per step (bias correction)', async () => {
        // step 1: m = 0.05, v = 0.00025, alpha = 0.1 sqrt(0.001) / 0.1; p = 1 - 0.1 * 0.0158114 / (0.0158114 + 1e-7)
        const got = await steps(eg.optimizers.adam({ learningRate: 0.1 }), [1], [0.5], 3);
        close6(got.map((x) => x[0]), [0.9000006, 0.8000013, 0.7000019]);
      });
      it('adamw: decoupled decay first, p -= lr * wd * p', async () => {
        const got = await steps(eg.optimizers.adamw({ learningRate: 0.1, weightDecay: 0.1 }), [1], [0.5], 1);
        close6(got[0], [0.99 - 0.0999994]);
        expect(eg.optimizers.adamw().getConfig().weightDecay).toBe(0.004);
      });
      it('rmsprop: plain, centered and with momentum', async () => {
        close6((await steps(eg.optimizers.rmsprop({ learningRate: 0.01 }), [1], [2], 1))[0], [1 - 0.02 / Math.sqrt(0.4 + 1e-7)]);
        close6((await steps(eg.optimizers.rmsprop({ learningRate: 0.01, centered: true }), [1], [2], 1))[0], [1 - 0.02 / Math.sqrt(0.36 + 1e-7)]);
        const m = (await steps(eg.optimizers.rmsprop({ learningRate: 0.01, momentum: 0.5 }), [1], [2], 2)).map((x) => x[0]);
        const inc1 = 0.02 / Math.sqrt(0.4 + 1e-7), inc2 = 0.02 / Math.sqrt(0.76 + 1e-7);
        close6(m, [1 - inc1, 1 - inc1 - (0.5 * inc1 + inc2)]);
      });
      it('adagrad: accumulator starts at 0.1', async () => {
        const got = (await steps(eg.optimizers.adagrad({ learningRate: 0.1 }), [1], [1], 2)).map((x) => x[0]);
        close6(got, [0.9046538, 0.8356472]);
      });
    });

    describe('against the float64 reference (5 steps, 37 elements: SIMD body and tail)', () => {
      for (const variant of VARIANTS) {
        it(variant.label, async () => {
          const got = (await runSteps(variant.make, 37, 5)).p;
          expect(mismatches(got, refSteps(variant, 37, 5), TOL)).toEqual([]);
        });
      }
    });

    it('sizes 0 to 9 update every element (tails)', async () => {
      for (let n = 0; n <= 9; n++) {
        const got = (await runSteps(VARIANTS[4].make, n, 2)).p;
        expect(mismatches(got, refSteps(VARIANTS[4], n, 2), TOL)).toEqual([]);
      }
    });

    describe('clipping', () => {
      it('clipValue clips each element', async () => {
        const got = await steps(eg.optimizers.sgd({ learningRate: 1, clipValue: 1 }), [0, 0, 0], [3, -0.5, -4], 1);
        close6(got[0], [-1, 0.5, 1]);
      });
      it('clipNorm rescales each variable on its own', async () => {
        const opt = eg.optimizers.sgd({ learningRate: 1, clipNorm: 1 });
        const a = eg.variable(eg.zeros([2])), b = eg.variable(eg.zeros([2]));
        const ga = eg.tensor([3, 4]), gb = eg.tensor([0.3, 0.4]);
        opt.apply([a, b], [ga, gb]);
        close6((await values(a)), [-0.6, -0.8]);
        close6((await values(b)), [-0.3, -0.4]);
        expect((await values(ga))).toEqual([3, 4]); // gradients are read, never changed
        eg.dispose([a, b, ga, gb]);
        opt.dispose();
      });
      it('globalClipNorm rescales all variables together', async () => {
        const opt = eg.optimizers.sgd({ learningRate: 1, globalClipNorm: 1.3 });
        const a = eg.variable(eg.zeros([2])), b = eg.variable(eg.zeros([1]));
        const ga = eg.tensor([3, 4]), gb = eg.tensor([12]);
        opt.apply([a, b], [ga, gb]);
        close6((await values(a)), [-0.3, -0.4]);
        close6((await values(b)), [-1.2]);
        opt.apply([a, b], [eg.tensor([0.3, 0.4]), eg.tensor([0.12])]); // norm 0.5 < 1.3: unchanged
        close6((await values(a)), [-0.6, -0.8]);
        eg.dispose([a, b, ga, gb]);
        opt.dispose();
      });
      it('only one clipping option may be set, and it must be positive', async () => {
        expect(() => eg.optimizers.adam({ clipNorm: 1, clipValue: 1 })).toThrow(/only one of clipNorm, globalClipNorm and clipValue/);
        expect(() => eg.optimizers.adam({ clipNorm: 0 })).toThrow(/'clipNorm' must be a positive number/);
      });
      it('clipping works with every optimizer (adam with clipNorm matches the reference on the clipped gradient)', async () => {
        const opt = eg.optimizers.adam({ learningRate: 0.01, clipNorm: 0.5 });
        const v = eg.variable(eg.tensor([1, 2]));
        const g = eg.tensor([3, 4]);
        opt.apply([v], [g]);
        const s: RefState = { p: [1, 2], slots: [[0, 0], [0, 0]] };
        refAdam(0.9, 0.999, 1e-7, 0)(s, [0.3, 0.4], 0.01, 1);
        expect(mismatches((await values(v)), s.p, TOL)).toEqual([]);
        eg.dispose([v, g]);
        opt.dispose();
      });
    });

    describe('memory', () => {
      for (const variant of VARIANTS) {
        it(`${variant.label}: 100 updates allocate nothing after the first two`, async () => {
          const opt = variant.make();
          const vs = [eg.variable(eg.randn([33, 5], { seed: 1 })), eg.variable(eg.randn([5], { seed: 2 }))];
          const gs = [eg.randn([33, 5], { seed: 3 }), eg.randn([5], { seed: 4 })];
          // NOTE: two, since webgpu caches a binding site (bind group + params buffer) on its key's second dispatch
          opt.apply(vs, gs);
          opt.apply(vs, gs);
          const after1 = allocations();
          for (let i = 2; i < 100; i++) opt.apply(vs, gs);
          expect(allocations()).toEqual(after1);
          expect(opt.iterations).toBe(100);
          const before = live();
          opt.dispose();
          expect(live().tensors).toBe(before.tensors - variant.slots * 2);
          eg.dispose([...vs, ...gs]);
        });
      }
      it('with clipping: live tensors and bytes stay flat', async () => {
        const opt = eg.optimizers.rmsprop({ globalClipNorm: 0.1, momentum: 0.9 });
        const vs = [eg.variable(eg.randn([17], { seed: 1 })), eg.variable(eg.randn([3, 3], { seed: 2 }))];
        const gs = [eg.randn([17], { seed: 3 }), eg.randn([3, 3], { seed: 4 })];
        opt.apply(vs, gs);
        const after1 = live();
        for (let i = 1; i < 100; i++) opt.apply(vs, gs);
        expect(live()).toEqual(after1);
        opt.dispose();
        eg.dispose([...vs, ...gs]);
      });
    });

    describe('copy on write', () => {
      it('a variable made from a tensor is copied before the first write; the tensor keeps its values', async () => {
        const t = eg.tensor([1, 2, 3]);
        const v = eg.variable(t);
        const view = eg.reshape(v, [3, 1]);
        const opt = eg.optimizers.adam({ learningRate: 0.1 });
        const g = eg.tensor([1, 1, 1]);
        opt.apply([v], [g]);
        expect((await values(t))).toEqual([1, 2, 3]);
        expect((await values(view))).toEqual([1, 2, 3]);
        close6((await values(v)), [0.9000001, 1.9000001, 2.9000001]);
        opt.apply([v], [g]);
        expect((await values(t))).toEqual([1, 2, 3]);
        eg.dispose([t, v, view, g]);
        opt.dispose();
      });
      it('after assign, the assigned tensor is not written through the variable', async () => {
        const v = eg.variable(eg.zeros([2]));
        const w = eg.tensor([5, 6]);
        v.assign(w);
        const opt = eg.optimizers.sgd({ learningRate: 1 });
        const g = eg.tensor([1, 1]);
        opt.apply([v], [g]);
        expect((await values(w))).toEqual([5, 6]);
        expect((await values(v))).toEqual([4, 5]);
        eg.dispose([v, w, g]);
        opt.dispose();
      });
      it('a slot restored by setState is copied before it is written', async () => {
        const v = eg.variable(eg.tensor([1, 2]), true, 'w');
        const m = eg.tensor([0.5, 0.5]);
        const opt = eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 });
        opt.setState([{ name: 'w/momentum', tensor: m }]);
        const g = eg.tensor([1, 1]);
        opt.apply([v], [g]);
        expect((await values(m))).toEqual([0.5, 0.5]);
        close6((await values(v)), [1 + 0.45 - 0.1, 2 + 0.45 - 0.1]);
        eg.dispose([v, m, g]);
        opt.dispose();
      });
    });

    describe('config and state', () => {
      it('get() takes names, optimizers and configs, with Keras defaults', async () => {
        const defaults: Record<string, Record<string, unknown>> = {
          sgd: { learningRate: 0.01, momentum: 0, nesterov: false },
          adam: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
          adamw: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.004 },
          rmsprop: { learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
          adagrad: { learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7 },
        };
        for (const [name, config] of Object.entries(defaults)) {
          const opt = eg.optimizers.get(name as 'adam');
          expect(opt.name).toBe(name);
          expect(opt.getConfig()).toEqual({ name, ...config });
        }
        const adam = eg.optimizers.adam();
        expect(eg.optimizers.get(adam)).toBe(adam);
        expect(eg.optimizers.get('Adam').name).toBe('adam');
        expect(eg.optimizers.get({ name: 'sgd', momentum: 0.9, learningRate: 0.5 }).getConfig())
          .toEqual({ name: 'sgd', learningRate: 0.5, momentum: 0.9, nesterov: false });
        // @ts-expect-error: not an optimizer name (a compile error; JS callers get the throw)
        expect(() => eg.optimizers.get('adamax')).toThrow(/unknown optimizer "adamax"; expected 'sgd', 'adam'/);
        expect(() => eg.optimizers.adam({ lr: 0.1 } as never)).toThrow(/unknown option 'lr'/);
        expect(() => eg.optimizers.adam({ beta1: 1 })).toThrow(/'beta1' must be a finite number in \[0, 1\)/);
        expect(() => eg.optimizers.sgd({ learningRate: -1 })).toThrow(/learningRate/);
      });

      it('fromConfig(getConfig()) rebuilds every variant, schedules and clipping included', async () => {
        const sched = eg.schedules.cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupSteps: 2, warmupTarget: 0.1 });
        const opts = [
          ...VARIANTS.map((v) => v.make()),
          eg.optimizers.adam({ learningRate: sched, clipNorm: 2 }),
          eg.optimizers.sgd({ learningRate: eg.schedules.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.5, staircase: true }), globalClipNorm: 1 }),
          eg.optimizers.rmsprop({ learningRate: eg.schedules.stepDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.5 }), clipValue: 0.5 }),
          eg.optimizers.adamw({ weightDecay: 0 }),
        ];
        for (const opt of opts) {
          const config = JSON.parse(JSON.stringify(opt.getConfig()));
          const back = eg.optimizers.fromConfig(config);
          expect(back.getConfig()).toEqual(opt.getConfig());
          expect(back.currentLearningRate()).toBe(opt.currentLearningRate());
        }
        expect(opts[VARIANTS.length].getConfig().learningRate).toEqual({
          name: 'cosineDecay', initialLearningRate: 0, decaySteps: 10, alpha: 0, warmupSteps: 2, warmupTarget: 0.1,
        });
      });

      it('a custom schedule function is saved as its current value, with a warning', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        const opt = eg.optimizers.sgd({ learningRate: (step) => 0.5 / (step + 1) });
        expect(opt.getConfig().learningRate).toBe(0.5);
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/custom function/));
      });

      it('getState/setState: a restored optimizer continues exactly where the saved one was', async () => {
        const make = () => eg.optimizers.adam({ learningRate: 0.05 });
        const a = make();
        const w = eg.variable(eg.tensor([1, -1, 0.5]), true, 'dense/kernel');
        const b = eg.variable(eg.tensor([0.1]), true, 'dense/bias');
        const gw = eg.tensor([0.3, -0.2, 0.9]), gb = eg.tensor([1]);
        for (let i = 0; i < 3; i++) a.apply([w, b], [gw, gb]);
        const state = a.getState();
        expect(state.map((s) => s.name)).toEqual(['iterations', 'dense/kernel/m', 'dense/kernel/v', 'dense/bias/m', 'dense/bias/v']);
        expect(state[0].tensor.dtype).toBe('int32');
        expect((await values(state[0].tensor))).toEqual([3]);
        // Copies of everything, as a load from disk would give.
        const saved: { name: string; tensor: Tensor }[] = [];
        for (const { name, tensor } of state) saved.push({ name, tensor: eg.tensor(await read(tensor), [...tensor.shape], tensor.dtype) });
        const w2 = eg.variable(eg.tensor(await read(w), [3]), true, 'dense/kernel');
        const b2 = eg.variable(eg.tensor(await read(b), [1]), true, 'dense/bias');
        const restored = eg.optimizers.fromConfig(a.getConfig());
        restored.setState(saved);
        eg.dispose(saved.map((s) => s.tensor));
        expect(restored.iterations).toBe(3);
        a.apply([w, b], [gw, gb]);
        restored.apply([w2, b2], [gw, gb]);
        expect((await values(w2))).toEqual((await values(w)));
        expect((await values(b2))).toEqual((await values(b)));
        expect(await Promise.all(restored.getState().map((s) => values(s.tensor)))).toEqual(await Promise.all(a.getState().map((s) => values(s.tensor))));
        // setState on live slots assigns them; a wrong shape is refused when the slot is made.
        restored.setState([{ name: 'dense/bias/m', tensor: eg.tensor([7]) }]);
        expect((await values(restored.getState()[3].tensor))).toEqual([7]);
        const other = make();
        other.setState([{ name: 'dense/bias/m', tensor: eg.tensor([1, 2]) }]);
        const before = (await values(w2));
        expect(() => other.apply([w2, b2], [gw, gb])).toThrow(/saved slot 'dense\/bias\/m' has shape \[2\] but variable 'dense\/bias' has shape \[1\]/);
        expect((await values(w2))).toEqual(before); // nothing was updated
        expect(other.iterations).toBe(0);
        for (const o of [a, restored, other]) o.dispose();
        eg.dispose([w, b, w2, b2, gw, gb]);
      });

      it('apply checks its arguments', async () => {
        const opt = eg.optimizers.sgd();
        const v = eg.variable(eg.zeros([2]), true, 'w');
        expect(() => opt.apply([v], [])).toThrow(/as many gradients as variables/);
        expect(() => opt.apply([v], [eg.zeros([3])])).toThrow(/gradient 0 has shape \[3\] but variable 'w' has shape \[2\]/);
        expect(() => opt.apply([eg.zeros([2]) as Variable], [eg.zeros([2])])).toThrow(/not a Variable/);
        expect(opt.iterations).toBe(0);
        v.dispose();
      });
    });

    describe('schedules', () => {
      it('stepDecay, exponentialDecay and cosineDecay at key steps', async () => {
        const step = eg.schedules.stepDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
        expect([0, 9, 10, 25].map(step)).toEqual([0.1, 0.1, 0.05, 0.025]);
        const exp = eg.schedules.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96 });
        expect(exp(0)).toBe(0.1);
        expect(exp(50)).toBeCloseTo(0.1 * Math.sqrt(0.96), 12);
        expect(exp(100)).toBeCloseTo(0.096, 12);
        const stair = eg.schedules.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96, staircase: true });
        expect(stair(150)).toBeCloseTo(0.096, 12);
        const cos = eg.schedules.cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 });
        expect(cos(0)).toBe(0.1);
        expect(cos(50)).toBeCloseTo(0.05, 12);
        expect(cos(100)).toBeCloseTo(0, 12);
        expect(cos(500)).toBeCloseTo(0, 12);
        const warm = eg.schedules.cosineDecay({ initialLearningRate: 0, decaySteps: 100, alpha: 0.1, warmupSteps: 10, warmupTarget: 0.1 });
        expect([0, 5, 10].map(warm)).toEqual([0, 0.05, 0.1]);
        expect(warm(60)).toBeCloseTo(0.1 * (0.9 * 0.5 + 0.1), 12);
        expect(warm(110)).toBeCloseTo(0.01, 12);
        expect(warm(1000)).toBeCloseTo(0.01, 12);
      });
      it('schedules check their options', async () => {
        expect(() => eg.schedules.cosineDecay({ initialLearningRate: 0.1, decaySteps: 10, warmupSteps: 5 })).toThrow(/warmupTarget is not set/);
        expect(() => eg.schedules.stepDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 })).toThrow(/'decaySteps' must be a positive number/);
        expect(() => eg.schedules.fromConfig({ name: 'linear' })).toThrow(/unknown schedule 'linear'/);
      });
      it('an optimizer resolves its schedule at each step', async () => {
        const opt = eg.optimizers.sgd({ learningRate: eg.schedules.stepDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 }) });
        expect(opt.currentLearningRate()).toBe(0.1);
        const got = (await steps(opt, [0], [1], 3)).map((x) => x[0]);
        close6(got, [-0.1, -0.2, -0.25]);
      });
    });

    describe('regularizers', () => {
      it('l1, l2 and l1l2 penalties and their gradients', async () => {
        const w = eg.variable(eg.tensor([1, -2, 3]));
        const cases: [eg.Regularizer, number, number[]][] = [
          [eg.regularizers.l1(0.1), 0.6, [0.1, -0.1, 0.1]],
          [eg.regularizers.l2(0.1), 1.4, [0.2, -0.4, 0.6]],
          [eg.regularizers.l1l2({ l1: 0.1, l2: 0.1 }), 2.0, [0.3, -0.5, 0.7]],
          [eg.regularizers.l2(), 0.14, [0.02, -0.04, 0.06]],
        ];
        for (const [reg, penalty, grad] of cases) {
          const { value, grads } = eg.valueAndGrads(() => reg.penalty(w), [w]);
          expect((await values(value))[0]).toBeCloseTo(penalty, 6);
          close6((await values(grads[0])), grad);
          eg.dispose([value, ...grads]);
          expect(eg.regularizers.fromConfig(reg.getConfig()).getConfig()).toEqual(reg.getConfig());
        }
        const zero = eg.regularizers.l1l2();
        const p = zero.penalty(w);
        expect((await values(p))).toEqual([0]);
        eg.dispose([p, w]);
        expect(eg.regularizers.get('l1').getConfig()).toEqual({ name: 'l1', l1: 0.01 });
        expect(() => eg.regularizers.get('l3' as 'l1')).toThrow(/unknown regularizer "l3"/);
        expect(() => eg.regularizers.l2(-1)).toThrow(/must be a finite number >= 0/);
      });
      it('leaves no tensors behind', async () => {
        const w = eg.variable(eg.tensor([1, -2, 3]));
        const before = live();
        const p = eg.regularizers.l1l2({ l1: 0.1, l2: 0.2 }).penalty(w);
        expect(live().tensors).toBe(before.tensors + 1);
        eg.dispose([p, w]);
      });
    });

    describe('training a tiny regression with valueAndGrads', () => {
      const trainers: [string, () => eg.Optimizer, number][] = [
        ['sgd', () => eg.optimizers.sgd({ learningRate: 0.1 }), 200],
        ['sgd nesterov', () => eg.optimizers.sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }), 200],
        ['adam', () => eg.optimizers.adam({ learningRate: 0.05 }), 300],
        ['adamw', () => eg.optimizers.adamw({ learningRate: 0.05, weightDecay: 1e-4 }), 300],
        ['rmsprop', () => eg.optimizers.rmsprop({ learningRate: 0.01, momentum: 0.5 }), 300],
        ['adagrad', () => eg.optimizers.adagrad({ learningRate: 0.5 }), 300],
        ['adam + cosine + clipNorm', () => eg.optimizers.adam({ learningRate: eg.schedules.cosineDecay({ initialLearningRate: 0, decaySteps: 290, warmupSteps: 10, warmupTarget: 0.1 }), clipNorm: 1 }), 300],
      ];
      // webgpu (SwiftShader: ~10 ms a step) trains two of them; the update kernels of every variant
      // are checked against the float64 reference above.
      const ON_GPU = new Set(['sgd nesterov', 'adam + cosine + clipNorm']);
      for (const [label, make, n] of trainers) {
        const skip = onGpu && !ON_GPU.has(label);
        it.skipIf(skip)(`${label} converges${skip ? ' (on webgpu only two trainers run: the step is dispatch-bound)' : ''}`, async () => {
          const x = eg.randn([32, 3], { seed: 7 });
          const y = eg.tidy(() => eg.add(eg.matmul(x, eg.tensor([[2], [-1], [0.5]])), 0.3));
          const w = eg.variable(eg.zeros([3, 1]), true, 'w');
          const b = eg.variable(eg.zeros([1]), true, 'b');
          const opt = make();
          let first = 0, last = 0;
          for (let i = 0; i < n; i++) {
            const value = eg.tidy(() => {
              const { value, grads } = eg.valueAndGrads(() => eg.losses.meanSquaredError(y, eg.add(eg.matmul(x, w), b)), [w, b]);
              opt.apply([w, b], grads);
              return value;
            });
            // webgpu reads back the first and last losses only (each read waits for the GPU).
            if (!onGpu || i === 0 || i === n - 1) last = (await values(value))[0];
            value.dispose();
            if (i === 0) first = last;
          }
          expect(first).toBeGreaterThan(1);
          expect(last).toBeLessThan(1e-3);
          (await values(w)).forEach((v, i) => expect(Math.abs(v - [2, -1, 0.5][i])).toBeLessThan(0.05));
          opt.dispose();
          eg.dispose([x, y, w, b]);
        });
      }
    });
  });
}

describe(`js and wasm${WASM_BUILD ? `-${WASM_BUILD}` : ''} agree`, () => {
  for (const variant of VARIANTS) {
    it(variant.label, async () => {
      await eg.init({ backend: 'js' });
      const js = await runSteps(variant.make, 45, 6);
      await eg.init({ backend: 'wasm', ...(WASM_BUILD ? { wasmBuild: WASM_BUILD as 'simd' } : {}) });
      const wasm = await runSteps(variant.make, 45, 6);
      expect(mismatches(wasm.p, js.p, TOL)).toEqual([]);
      expect(wasm.state.map((s) => s.name)).toEqual(js.state.map((s) => s.name));
      wasm.state.forEach((s, i) => expect(mismatches(s.v, js.state[i].v, TOL)).toEqual([]));
    });
  }
});
