// Misuse gives errors that name the problem: shapes, dtypes, disposed tensors, missing init.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, values } from './util/backends.js';

type Tensor = ReturnType<typeof eg.tensor>;

describe('before init', () => {
  it('ops and tensor creation throw a message mentioning init', async () => {
    vi.resetModules();
    const fresh = await import('../src/index.js');
    expect(() => fresh.tensor([1, 2])).toThrow(/init/);
    expect(() => fresh.zeros([2])).toThrow(/init/);
    expect(() => fresh.randn([2], { seed: 1 })).toThrow(/init/);
    expect(() => fresh.backend()).toThrow(/init/);
  });

  it("init({ backend: 'nope' }) rejects naming the backend", async () => {
    await expect(eg.init({ backend: 'nope' as never })).rejects.toThrow(/nope/);
  });
});

for (const cfg of testBackends()) {
  describe(`errors on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    const made: Tensor[] = [];
    const t = <T extends Tensor>(x: T): T => { made.push(x); return x; };

    describe('shapes', () => {
      it('add [2,3] + [4] names both shapes', () => {
        const a = t(eg.zeros([2, 3])), b = t(eg.zeros([4]));
        expect(() => eg.add(a, b)).toThrow(/shape/);
        expect(() => eg.add(a, b)).toThrow(/\[2,3\]/);
        expect(() => eg.add(a, b)).toThrow(/\[4\]/);
        expect(() => a.add(b)).toThrow(/shape/);
      });

      it('matmul inner dimensions', () => {
        const a = t(eg.zeros([2, 3])), b = t(eg.zeros([4, 5]));
        expect(() => eg.matmul(a, b)).toThrow(/shape/);
        expect(() => eg.matmul(a, b)).toThrow(/\[2,3\]/);
        expect(() => eg.matmul(a, b, { transposeA: true, transposeB: true })).toThrow(/shape/);
        const c = t(eg.zeros([2, 3, 4])), d = t(eg.zeros([3, 4, 5]));
        expect(() => eg.matmul(c, d)).toThrow(/shape/);
      });

      it('matmul of a 1-D operand names the rank', () => {
        const v = t(eg.zeros([3])), m = t(eg.zeros([3, 3]));
        expect(() => eg.matmul(v, m)).toThrow(/rank/);
        expect(() => eg.matmul(m, v)).toThrow(/rank/);
      });

      it('concat of mismatched shapes, ranks or dtypes', () => {
        const a = t(eg.zeros([2, 3])), b = t(eg.zeros([2, 4])), c = t(eg.zeros([2])), i = t(eg.zeros([2, 3], 'int32'));
        expect(() => eg.concat([a, b], 0)).toThrow(/shape/);
        expect(() => eg.concat([a, c], 0)).toThrow(/shape|rank/);
        expect(() => eg.concat([a, i], 0)).toThrow(/dtype/);
      });

      it('reshape to a different size', () => {
        const a = t(eg.zeros([2, 3]));
        expect(() => eg.reshape(a, [4, 2])).toThrow(/shape/);
        expect(() => eg.reshape(a, [4, 2])).toThrow(/\[2,3\]/);
        expect(() => eg.reshape(a, [4, -1])).toThrow(/shape/);
      });

      it('tensor(data, shape) with the wrong number of values', () => {
        expect(() => eg.tensor([1, 2, 3], [2, 2])).toThrow(/shape/);
        expect(() => eg.tensor(new Float32Array(5), [2, 3])).toThrow(/shape/);
        expect(() => eg.tensor([[1, 2], [3]])).toThrow();
      });

      it('NaN, negative, fractional and infinite sizes', () => {
        for (const bad of [[NaN], [2, -1], [1.5], [Infinity], [2, 0.5]]) {
          expect(() => eg.zeros(bad), JSON.stringify(bad)).toThrow(/shape/);
          expect(() => eg.ones(bad)).toThrow(/shape/);
          expect(() => eg.randn(bad, { seed: 1 })).toThrow(/shape/);
        }
        const a = t(eg.zeros([4]));
        expect(() => eg.reshape(a, [2, 2.5])).toThrow(/shape/);
        expect(() => eg.reshape(a, [NaN])).toThrow(/shape/);
      });

      it('slice and pad out of bounds, bad axes and perms', () => {
        const a = t(eg.zeros([3, 4]));
        expect(() => eg.slice(a, [2, 0], [2, 4])).toThrow();
        expect(() => eg.sum(a, 2)).toThrow(/axis/);
        expect(() => eg.softmax(a, 5)).toThrow(/axis/);
        expect(() => eg.transpose(a, [0, 0])).toThrow();
        expect(() => eg.transpose(a, [1])).toThrow();
        expect(() => eg.pad(a, [[1, 1]])).toThrow();
        expect(() => eg.pad(a, [[-1, 0], [0, 0]])).toThrow();
      });

      it('losses with mismatched label and prediction shapes', () => {
        const y = t(eg.zeros([4, 3])), p = t(eg.zeros([4, 2]));
        expect(() => eg.losses.meanSquaredError(y, p)).toThrow(/shape/);
        expect(() => eg.losses.softmaxCrossEntropy(y, p)).toThrow(/shape/);
        const ids = t(eg.tensor([0, 1, 2], [3], 'int32'));
        expect(() => eg.losses.sparseSoftmaxCrossEntropy(ids, p)).toThrow(/shape/);
      });
    });

    describe('dtypes', () => {
      it('float32 gather indices', () => {
        const x = t(eg.zeros([5, 2])), idx = t(eg.tensor([0, 1]));
        expect(() => eg.gather(x, idx)).toThrow(/dtype/);
      });

      it('mixed-dtype add, mul, maximum, equal', () => {
        const f = t(eg.zeros([3])), i = t(eg.zeros([3], 'int32'));
        for (const op of [eg.add, eg.mul, eg.maximum, eg.sub]) {
          expect(() => op(f, i)).toThrow(/dtype/);
          expect(() => op(i, f)).toThrow(/dtype/);
        }
        expect(() => eg.equal(f, i)).toThrow(/dtype/);
      });

      it('oneHot of float32 indices', () => {
        const x = t(eg.tensor([0, 1, 2]));
        expect(() => eg.oneHot(x, 3)).toThrow(/dtype/);
      });

      it('sparse labels must be int32', () => {
        const labels = t(eg.tensor([0, 1])), logits = t(eg.zeros([2, 3]));
        expect(() => eg.losses.sparseSoftmaxCrossEntropy(labels, logits)).toThrow(/dtype/);
      });

      it('float-only ops on int32 and unknown dtypes', () => {
        const i = t(eg.tensor([1, 2], [2], 'int32'));
        expect(() => eg.exp(i)).toThrow(/dtype/);
        expect(() => eg.matmul(t(eg.zeros([2, 2], 'int32')), t(eg.zeros([2, 2], 'int32')))).toThrow(/dtype/);
        expect(() => eg.tensor([1], [1], 'float64' as never)).toThrow(/dtype/);
        expect(() => eg.cast(i, 'bool' as never)).toThrow(/dtype/);
      });

      it('valueAndGrads of an int32 result', () => {
        const x = t(eg.variable(eg.tensor([1, 2])));
        expect(() => eg.valueAndGrads(() => eg.sum(eg.cast(x, 'int32')), [x])).toThrow(/dtype/);
      });
    });

    describe('disposed tensors', () => {
      it('dataSync, data, array and use in an op name the disposal', async () => {
        const x = eg.ones([3]);
        x.dispose();
        expect(x.isDisposed).toBe(true);
        expect(() => x.dataSync()).toThrow(/disposed/);
        await expect(x.data()).rejects.toThrow(/disposed/);
        await expect(x.array()).rejects.toThrow(/disposed/);
        const y = t(eg.ones([3]));
        expect(() => eg.add(x, y)).toThrow(/disposed/);
        expect(() => eg.add(y, x)).toThrow(/disposed/);
        expect(() => x.add(y)).toThrow(/disposed/);
        expect(() => eg.sum(x)).toThrow(/disposed/);
        expect(() => eg.reshape(x, [1, 3])).toThrow(/disposed/);
        expect(() => eg.matmul(eg.reshape(y, [1, 3]), eg.reshape(x, [3, 1]))).toThrow(/disposed/);
      });

      it('a variable made from a tensor outlives the tensor; a disposed variable cannot be read', async () => {
        const base = eg.tensor([1, 2]);
        const v = eg.variable(base);
        base.dispose();
        expect(Array.from(await values(v))).toEqual([1, 2]);
        v.dispose();
        expect(() => v.dataSync()).toThrow(/disposed/);
        await expect(v.data()).rejects.toThrow(/disposed/);
      });

      it('disposing twice is harmless', () => {
        const x = eg.ones([2]);
        x.dispose();
        expect(() => x.dispose()).not.toThrow();
      });
    });

    describe('autograd misuse', () => {
      it('valueAndGrads of a non-scalar function', () => {
        const x = t(eg.variable(eg.ones([3])));
        expect(() => eg.valueAndGrads(() => eg.mul(x, 2), [x])).toThrow(/scalar|shape/);
      });

      it('assign with the wrong shape or dtype', () => {
        const v = t(eg.variable(eg.ones([2, 2])));
        expect(() => v.assign(t(eg.ones([4])))).toThrow(/shape/);
        expect(() => v.assign(t(eg.ones([2, 2], 'int32')))).toThrow(/dtype|int32/);
      });
    });

    it.runIf(cfg.backend !== 'js')('a tensor made on another backend is refused, naming both backends', async () => {
      await eg.init({ backend: 'js' });
      const onJs = eg.ones([2]);
      await use(cfg);
      const here = t(eg.ones([2]));
      expect(() => eg.add(onJs, here)).toThrow(/'js'/);
      expect(() => eg.add(onJs, here)).toThrow(new RegExp(`'${cfg.backend}'`));
      expect(Array.from(onJs.dataSync())).toEqual([1, 1]); // read on js, whose dataSync is synchronous
      onJs.dispose();
    });

    it.runIf(cfg.backend === 'wasm')('an unknown wasm build is refused by name, never a fallback', async () => {
      await expect(eg.init({ backend: 'wasm', wasmBuild: 'turbo' as never })).rejects.toThrow(/turbo/);
      await use(cfg);
      expect(eg.backend()).toBe('wasm');
    });

    it('cleanup', () => { for (const x of made) x.dispose(); });
  });
}
