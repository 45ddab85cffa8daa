// Leak checks: live tensor and byte counts return to their baseline after training-like steps,
// disposal, tidy and keep.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, values } from './util/backends.js';
import { settle } from './util/settle.js';

type Tensor = ReturnType<typeof eg.tensor>;
const live = () => { const m = eg.memory(); return { tensors: m.tensors, bytes: m.bytes }; };

for (const cfg of testBackends()) {
  describe(`memory on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));

    it('memory() reports numbers', () => {
      const m = eg.memory();
      expect(typeof m.tensors).toBe('number');
      expect(typeof m.bytes).toBe('number');
    });

    // SwiftShader runs webgpu in software: fewer steps there, each read back as on the other backends.
    const STEPS = cfg.backend === 'webgpu' ? 100 : 1000;
    it(`${STEPS.toLocaleString('en')} training steps in tidy leave tensors and bytes where the first step left them`, async () => {
      // Made in tidy: an intermediate left to the finalizer could be collected during the awaits below.
      const [x, labels, w1, b1, w2, b2] = eg.tidy(() => [
        eg.randn([16, 8], { seed: 1 }),
        eg.oneHot(eg.tensor(Array.from({ length: 16 }, (_, i) => i % 4), [16], 'int32'), 4),
        eg.variable(eg.mul(eg.randn([8, 12], { seed: 2 }), 0.3)),
        eg.variable(eg.zeros([12])),
        eg.variable(eg.mul(eg.randn([12, 4], { seed: 3 }), 0.3)),
        eg.variable(eg.zeros([4])),
      ]);
      const vars = [w1, b1, w2, b2] as ReturnType<typeof eg.variable>[];
      const lr = 0.1;
      const step = () => eg.tidy(() => {
        const { value, grads } = eg.valueAndGrads(() => {
          const h = eg.relu(eg.add(eg.matmul(x, w1), b1));
          return eg.losses.softmaxCrossEntropy(labels, eg.add(eg.matmul(h, w2), b2));
        }, vars);
        vars.forEach((v, i) => v.assign(eg.sub(v, eg.mul(grads[i], lr))));
        return value;
      });
      const read = async (t: Tensor) => { const v = (await values(t))[0]; t.dispose(); return v; };

      const first = await read(step());
      await settle();
      const after1 = live();
      let last = first;
      for (let i = 1; i < STEPS; i++) last = await read(step());
      await settle();
      expect(live()).toEqual(after1);
      // The loop really trained: the loss went down and the variables still hold live values.
      expect(last).toBeLessThan(first);
      for (const v of vars) expect(v.isDisposed).toBe(false);
      expect(Number.isFinite((await values(w1))[0])).toBe(true);
      for (const t of [x, labels, ...vars]) t.dispose();
    });

    it('assign inside tidy keeps the new value alive and frees the old one', async () => {
      const z = eg.zeros([4]);
      const v = eg.variable(z);
      z.dispose();
      const before = live();
      eg.tidy(() => { v.assign(eg.add(eg.ones([4]), 1)); });
      expect(Array.from(await values(v))).toEqual([2, 2, 2, 2]);
      expect(live()).toEqual(before);
      v.dispose();
    });

    it('dispose frees the tensor and its bytes', () => {
      const before = live();
      const a = eg.zeros([1000]);
      const b = eg.tensor(new Int32Array(33), [33], 'int32');
      const mid = live();
      expect(mid.tensors).toBe(before.tensors + 2);
      expect(mid.bytes).toBeGreaterThanOrEqual(before.bytes + 4 * 1033);
      a.dispose();
      b.dispose();
      expect(live()).toEqual(before);
    });

    it('reshape views and their source can be disposed in any order', async () => {
      const before = live();
      const a = eg.ones([6]);
      const r = eg.reshape(a, [2, 3]);
      a.dispose();
      expect(Array.from(await values(r))).toEqual([1, 1, 1, 1, 1, 1]);
      r.dispose();
      expect(live()).toEqual(before);
    });

    it('tidy frees everything but the result; a returned tensor survives', () => {
      const before = live();
      const out = eg.tidy(() => {
        const a = eg.randn([64, 8], { seed: 4 });
        const b = eg.softmax(eg.matmul(a, eg.transpose(a)));
        return eg.sum(b, 1);
      });
      expect(out.isDisposed).toBe(false);
      expect(live().tensors).toBe(before.tensors + 1);
      out.dispose();
      expect(live()).toEqual(before);
    });

    it('keep survives tidy until disposed', async () => {
      const before = live();
      let k!: Tensor;
      eg.tidy(() => { k = eg.keep(eg.exp(eg.ones([5]))); eg.neg(k); });
      expect(k.isDisposed).toBe(false);
      expect((await values(k))[0]).toBeCloseTo(Math.E, 5);
      expect(live().tensors).toBe(before.tensors + 1);
      k.dispose();
      expect(live()).toEqual(before);
    });

    it('nested tidy: each level frees its own tensors', async () => {
      const before = live();
      let innerResult!: Tensor, innerTemp!: Tensor, outerTemp!: Tensor;
      const out = eg.tidy(() => {
        outerTemp = eg.ones([3]);
        innerResult = eg.tidy(() => {
          innerTemp = eg.mul(outerTemp, 2);
          return eg.add(innerTemp, 1);
        });
        expect(innerTemp.isDisposed).toBe(true);
        expect(innerResult.isDisposed).toBe(false);
        expect(outerTemp.isDisposed).toBe(false);
        return eg.mul(innerResult, outerTemp);
      });
      expect(outerTemp.isDisposed).toBe(true);
      expect(innerResult.isDisposed).toBe(true);
      expect(Array.from(await values(out))).toEqual([3, 3, 3]);
      out.dispose();
      expect(live()).toEqual(before);
    });

    it('a throwing tidy still frees what it made', () => {
      const before = live();
      expect(() => eg.tidy(() => { eg.ones([8]); eg.zeros([8]); throw new Error('boom'); })).toThrow('boom');
      expect(live()).toEqual(before);
    });

    it('a failing valueAndGrads leaks nothing', () => {
      const x = eg.variable(eg.ones([3]));
      const before = live();
      expect(() => eg.valueAndGrads(() => { eg.mul(x, 2); throw new Error('inside'); }, [x])).toThrow('inside');
      expect(live()).toEqual(before);
      x.dispose();
    });

    it('a plain-number operand leaves no tensor behind', () => {
      const a = eg.ones([3]);
      const before = live();
      const y = eg.add(a, 1);
      const z = eg.mul(2, a);
      expect(live().tensors).toBe(before.tensors + 2);
      y.dispose(); z.dispose();
      expect(live()).toEqual(before);
      a.dispose();
    });

    it('ops that fail validation leak nothing', () => {
      const a = eg.ones([2, 3]), b = eg.ones([4]), i = eg.tensor([1, 2], [2], 'int32');
      const before = live();
      expect(() => eg.add(a, b)).toThrow();
      expect(() => eg.matmul(a, a)).toThrow();
      expect(() => eg.add(a, i)).toThrow();
      expect(() => eg.div(i, 2)).toThrow();
      expect(() => eg.exp(i)).toThrow();
      expect(() => eg.concat([a, b])).toThrow();
      expect(live()).toEqual(before);
      for (const t of [a, b, i]) t.dispose();
    });
  });
}
