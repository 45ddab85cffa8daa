// The tfjs-set ops beyond their conformance cases (tests/cases/composite.ts): bad arguments are
// refused naming the problem, the composed ops leave no tensor behind (forward and backward), and
// the results keep their dtype and shape. On every backend under test.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, undisposed } from './util/backends.js';

for (const cfg of testBackends()) {
  describe(`tfjs-set ops on ${cfg.label}`, () => {
    beforeAll(async () => { await use(cfg); });

    it('refuses bad arguments by name', () => {
      const x = eg.zeros([2, 3]);
      const xi = eg.zeros([4], 'int32');
      const s = eg.scalar(1);
      expect(() => eg.tile(x, [2])).toThrow(/tile: reps must list one count per axis of shape \[2,3\] \(2\)/);
      expect(() => eg.tile(x, [1, -1])).toThrow(/tile: reps\[1\] must be an integer >= 0, got -1/);
      expect(() => eg.split(x, 2, 1)).toThrow(/split: axis 1 of shape \[2,3\] \(size 3\) does not split into 2 equal parts/);
      expect(() => eg.split(x, [1, 1], 1)).toThrow(/split: sizes \[1,1\] must add up to 3/);
      expect(() => eg.split(x, [-1, -1], 1)).toThrow(/more than one -1/);
      expect(() => eg.split(s, 1)).toThrow(/split: a scalar \(rank 0\) has no axis/);
      expect(() => eg.unstack(x, 2)).toThrow(/unstack: axis 2 is out of range for a tensor of rank 2/);
      expect(() => eg.reverse(x, [0, 0])).toThrow(/reverse: repeated axis/);
      expect(() => eg.cumsum(s)).toThrow(/cumsum: a scalar \(rank 0\) has no axis/);
      expect(() => eg.cumsum(x, 5)).toThrow(/cumsum: axis 5 is out of range/);
      const u8 = eg.zeros([2], 'uint8');
      expect(() => eg.prod(u8)).toThrow(/prod: 'x' has dtype uint8, expected float32 or int32/);
      expect(() => eg.logSumExp(xi)).toThrow(/logSumExp: 'x' has dtype int32, expected float32/);
      expect(() => eg.topk(x, 4)).toThrow(/topk: k = 4 is more than the last axis of shape \[2,3\] holds \(3\)/);
      expect(() => eg.topk(x, 1.5)).toThrow(/topk: k must be an integer >= 0, got 1.5/);
      expect(() => eg.topk(s)).toThrow(/topk: needs a tensor of rank >= 1/);
      expect(() => eg.logicalAnd(1, 0)).toThrow(/logicalAnd: needs at least one tensor operand/);
      expect(() => eg.logicalNot(u8)).toThrow(/logicalNot: 'x' has dtype uint8/);
      expect(() => eg.floor(xi)).toThrow(/floor: dtype int32 is not supported/);
      expect(() => eg.losses.huber(x, x, 0)).toThrow(/huber: delta must be a positive number/);
      expect(() => eg.losses.cosineSimilarity(s, s)).toThrow(/cosineSimilarity: needs tensors of rank >= 1/);
      const z3 = eg.zeros([3]);
      expect(() => eg.losses.hinge(x, z3)).toThrow(/hinge: labels shape \[2,3\] and predictions shape \[3\] differ/);
      eg.dispose([x, xi, s, u8, z3]);
    });

    it('leave no tensors behind, forward and backward; keep dtypes', async () => {
      const x = eg.tensor([[0.5, -1.5, 2], [3, 0.25, -2]]);
      const xi = eg.tensor([[3, -1, 2], [0, 5, 5]], [2, 3], 'int32');
      const before = undisposed();
      const xf = xi.cast('float32');
      const outs = [
        eg.tile(x, [2, 2]), eg.reverse(x), eg.cumsum(x, 1, true, true), eg.prod(x, 1), eg.logSumExp(x, 0),
        eg.floor(x), eg.ceil(x), eg.round(x), eg.sin(x), eg.cos(x), eg.logicalXor(x, xf),
        eg.tile(xi, [1, 2]), eg.cumsum(xi, 1), eg.prod(xi), eg.reverse(xi, 1),
      ];
      const tk = eg.topk(xi, 2);
      expect(tk.values.dtype).toBe('int32');
      expect(tk.indices.dtype).toBe('int32');
      expect(Array.from(await tk.indices.data())).toEqual([0, 2, 1, 2]);
      expect(Array.from(await outs[13].data())).toEqual([0]);
      expect(outs[12].dtype).toBe('int32');
      const parts = eg.split(x, [1, -1], 1);
      expect(parts.map((p) => p.shape)).toEqual([[2, 1], [2, 2]]);
      const { value, grads } = eg.valueAndGrads(() => eg.add(eg.add(eg.sum(eg.prod(x, 1)), eg.logSumExp(x)), eg.sum(eg.topk(x, 2).values)), [x]);
      // row [0.5, -1.5, 2]: prod's gradient is the product of the others, topk's 1 at the chosen (2 and 0.5), logSumExp's the softmax
      expect(Array.from(await grads[0].data()).slice(0, 3).map((v) => +v.toFixed(4))).toEqual(
        [-3 + 1 + await lse(x, 0), 1 + await lse(x, 1), -0.75 + 1 + await lse(x, 2)].map((v) => +v.toFixed(4)));
      eg.dispose([...outs, xf, tk.values, tk.indices, ...parts, value, ...grads]);
      expect(undisposed()).toBe(before);
      x.dispose(); xi.dispose();
    });
  });
}

/** d logSumExp(all of x) / d x[0][k] = softmax over all elements at [0][k]. */
async function lse(x: eg.Tensor, k: number): Promise<number> {
  const v = Array.from(await x.data());
  const m = Math.max(...v);
  const s = v.reduce((a, b) => a + Math.exp(b - m), 0);
  return Math.exp(v[k] - m) / s;
}
