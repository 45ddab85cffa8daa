// Attention and the transformer layers on every selected backend: where (Inf/NaN in the operand
// not chosen), bandPart, attention against a float64 reference written here (causal, padding masks
// over heads, fully masked rows), gradients by float64 finite differences (tests/util/gradcheck.ts),
// multi-head attention (shapes, a known answer, save/load), a tiny decoder that learns a repeated
// string, generation with and without the KV cache, sampling edge cases, and bad input.
import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { JS_F64, testBackends, use, values, undisposed } from './util/backends.js';
import { checkGradients, inputOf } from './util/gradcheck.js';
import { Rng } from './util/ref.js';

type Tensor = eg.Tensor;
const rng = new Rng(5);
const randArr = (n: number, r = rng) => Array.from({ length: n }, () => r.uniform(-1.5, 1.5));

/** float64 attention over [G, T, D] groups; `allowed(g, i, j)` false = masked (score -1e9). */
function refAttention(q: number[], k: number[], v: number[], G: number, Tq: number, Tk: number, D: number, Dv: number,
  allowed: (g: number, i: number, j: number) => boolean, scale = 1 / Math.sqrt(D)): number[] {
  const out: number[] = [];
  for (let g = 0; g < G; g++) {
    for (let i = 0; i < Tq; i++) {
      const s: number[] = [];
      for (let j = 0; j < Tk; j++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += q[(g * Tq + i) * D + d] * k[(g * Tk + j) * D + d];
        s.push(allowed(g, i, j) ? dot * scale : -1e9);
      }
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < Dv; c++) {
        let acc = 0;
        for (let j = 0; j < Tk; j++) acc += (e[j] / z) * v[(g * Tk + j) * Dv + c];
        out.push(acc);
      }
    }
  }
  return out;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-4): void {
  expect(got.length).toBe(want.length);
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) bad.push(`[${i}] ${got[i]} vs ${want[i]}`);
  expect(bad.slice(0, 5)).toEqual([]);
}

/** A decoder-only language model: ids [batch, T] -> logits [batch, T, vocab]. */
function tinyGpt(vocab: number, T: number, d: number, opts: { layers?: number; seed?: number; maxLength?: number; softmax?: boolean } = {}): eg.Model {
  const seed = opts.seed ?? 1;
  const ids = eg.input({ shape: [T], dtype: 'int32' });
  let h = eg.layers.embedding({ inputDim: vocab, outputDim: d, seed }).apply(ids);
  h = eg.layers.positionalEmbedding({ maxLength: opts.maxLength ?? T, seed: seed + 1 }).apply(h);
  for (let l = 0; l < (opts.layers ?? 1); l++) h = eg.layers.transformerDecoder({ numHeads: 2, ffDim: 2 * d, normFirst: true, seed: seed + 10 * (l + 1) }).apply(h);
  const logits = eg.layers.dense({ units: vocab, seed: seed + 99, activation: opts.softmax ? 'softmax' : 'linear' }).apply(h);
  return eg.model({ inputs: ids, outputs: logits });
}

/**
 * On float64 js: the gradients valueAndGrads gives for every weight of `layer` against central
 * differences of sum(layer(x) · w) at 6 elements of each weight; returns the mismatches.
 */
async function layerWeightGrads(make: () => eg.Layer, shape: number[], opts: eg.AttentionCallOptions = {}): Promise<string[]> {
  await use(JS_F64);
  const r = new Rng(31);
  const layer = make();
  const x = eg.tensor(randArr(shape.reduce((a, b) => a * b), r), shape);
  const apply = () => layer.apply(layer.className === 'MultiHeadAttention' ? [x, x] as never : x, opts) as Tensor;
  const out = apply();
  const w = eg.tensor(randArr(out.size, r), [...out.shape]);
  const loss = () => eg.sum(eg.mul(apply(), w));
  const { grads } = eg.valueAndGrads(loss, layer.trainableWeights);
  const bad: string[] = [];
  layer.trainableWeights.forEach((v, j) => {
    const g = grads[j].dataSync();
    for (let t = 0; t < 6; t++) {
      const k = r.int(0, v.size), base = Array.from(v.dataSync()), h = 1e-6;
      const at = (d: number) => { const b = base.slice(); b[k] += d; v.assign(eg.tensor(b, v.shape as number[])); return eg.tidy(() => loss().dataSync()[0]); };
      const fd = (at(h) - at(-h)) / (2 * h);
      v.assign(eg.tensor(base, v.shape as number[]));
      if (!(Math.abs(g[k] - fd) <= 1e-6 * Math.abs(fd) + 1e-7 * Math.max(1, Math.abs(fd)))) bad.push(`${v.name}[${k}]: ${g[k]} vs ${fd}`);
    }
  });
  return bad;
}

describe('layer weight gradients on float64 js vs finite differences', () => {
  it('multiHeadAttention (causal) and a pre-norm transformerDecoder block', async () => {
    expect(await layerWeightGrads(() => eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, seed: 2 }), [2, 3, 4], { useCausalMask: true })).toEqual([]);
    expect(await layerWeightGrads(() => eg.layers.transformerDecoder({ numHeads: 2, ffDim: 6, normFirst: true, activation: 'tanh', seed: 3 }), [2, 3, 4])).toEqual([]);
    expect(await layerWeightGrads(() => eg.layers.rmsNormalization(), [2, 3, 4])).toEqual([]);
  });
});

for (const cfg of testBackends()) {
  describe(`attention on ${cfg.label}`, () => {
    beforeAll(async () => { await use(cfg); });

    it('where picks exactly, Inf and NaN in the other operand included, with broadcasting', async () => {
      const c = eg.tensor([1, 0, 1, 0], [4]);
      const a = eg.tensor([Infinity, NaN, 3, 4], [4]);
      const b = eg.tensor([1, 2, NaN, -Infinity], [4]);
      expect(Array.from(await values(eg.where(c, a, b)))).toEqual([Infinity, 2, 3, -Infinity]);
      // cond [2, 1], a [1, 3], b scalar -> [2, 3]; an int32 cond
      const y = eg.where(eg.tensor([[0], [5]], [2, 1], 'int32'), eg.tensor([[1, 2, 3]]), -7);
      expect(y.shape).toEqual([2, 3]);
      expect(Array.from(await values(y))).toEqual([-7, -7, -7, 1, 2, 3]);
      expect(() => eg.where(eg.tensor([1, 0]), eg.tensor([1, 2, 3]), 0)).toThrow(/where: .*broadcast|where: .*shapes/i);
      expect(() => eg.where(eg.tensor([1, 0]), 1, undefined as never)).toThrow(/where: 'b' must be a Tensor/);
      expect(Array.from(await values(eg.where(eg.tensor([0, 2]), 1, 2)))).toEqual([2, 1]);
    });

    it('where gradients reach a and b, masked by cond and summed over broadcast axes', async () => {
      const cond = eg.tensor([[1, 0, 1], [0, 0, 1]]);
      const a = eg.tensor([[1, 1, 1], [1, 1, 1]]), b = eg.tensor([10, 20, 30]);
      const { grads } = eg.valueAndGrads(() => eg.sum(eg.mul(eg.where(cond, a, b), eg.tensor([[1, 2, 3], [4, 5, 6]]))), [a, b]);
      expect(Array.from(await values(grads[0]))).toEqual([1, 0, 3, 0, 0, 6]);
      expect(Array.from(await values(grads[1]))).toEqual([4, 7, 0]);
    });

    it('bandPart keeps a band of the last two axes (tf.linalg.band_part); the causal mask', async () => {
      const x = eg.add(eg.arange(0, 12), 1).reshape([3, 4]);
      expect(Array.from(await values(eg.bandPart(x, -1, 0)))).toEqual([1, 0, 0, 0, 5, 6, 0, 0, 9, 10, 11, 0]);
      expect(Array.from(await values(eg.bandPart(x, 0, 1)))).toEqual([1, 2, 0, 0, 0, 6, 7, 0, 0, 0, 11, 12]);
      expect(Array.from(await values(eg.causalMask(2, 3)))).toEqual([1, 1, 0, 1, 1, 1]);
      expect(() => eg.bandPart(eg.tensor([1, 2]), 0, 0)).toThrow(/bandPart: x needs rank >= 2/);
      expect(() => eg.bandPart(x, 0.5, 0)).toThrow(/numLower must be an integer/);
    });

    const B = 2, H = 2, Tq = 3, Tk = 4, D = 5, Dv = 3, G = B * H;
    const q = randArr(G * Tq * D), k = randArr(G * Tk * D), v = randArr(G * Tk * Dv);
    const pad = [[1, 1, 1, 0], [1, 1, 0, 0]]; // per batch row: keys 3 (and 2) padded
    const run = (opts: eg.AttentionOptions, tq = Tq) => eg.attention(eg.tensor(q.slice(0, G * tq * D), [B, H, tq, D]),
      eg.tensor(k, [B, H, Tk, D]), eg.tensor(v, [B, H, Tk, Dv]), opts);

    it('matches a float64 reference: no mask, causal (queries at the end), padding masks over heads, both', async () => {
      expectClose(await values(run({})), refAttention(q, k, v, G, Tq, Tk, D, Dv, () => true));
      expectClose(await values(run({ causal: true })), refAttention(q, k, v, G, Tq, Tk, D, Dv, (_, i, j) => j <= i + Tk - Tq));
      const m = eg.tensor(pad.flat(), [B, 1, 1, Tk]);
      const padded = (g: number, _i: number, j: number) => pad[Math.floor(g / H)][j] === 1;
      expectClose(await values(run({ mask: m })), refAttention(q, k, v, G, Tq, Tk, D, Dv, padded));
      expectClose(await values(run({ mask: m, causal: true, scale: 0.3 })),
        refAttention(q, k, v, G, Tq, Tk, D, Dv, (g, i, j) => padded(g, i, j) && j <= i + Tk - Tq, 0.3));
      // a [Tq, Tk] int32 mask broadcast over batch and heads
      const tri = [1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1];
      expectClose(await values(run({ mask: eg.tensor(tri, [Tq, Tk], 'int32') })), refAttention(q, k, v, G, Tq, Tk, D, Dv, (_, i, j) => tri[i * Tk + j] === 1));
    });

    it('a fully masked row attends to every key equally (Keras: -1e9), never NaN', async () => {
      const m = eg.tensor([1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0], [Tq, Tk]);
      const y = await values(run({ mask: m }));
      expect(Array.from(y).every(Number.isFinite)).toBe(true);
      const mean = Array.from({ length: G * Dv }, (_, i) => {
        const g = Math.floor(i / Dv), c = i % Dv;
        let s = 0;
        for (let j = 0; j < Tk; j++) s += v[(g * Tk + j) * Dv + c];
        return s / Tk;
      });
      for (let g = 0; g < G; g++) expectClose(Array.from(y).slice((g * Tq + 1) * Dv, (g * Tq + 2) * Dv), mean.slice(g * Dv, (g + 1) * Dv));
    });

    it('dropout on the probabilities: seeded, scaled by 1 / (1 - rate), off by default', async () => {
      const ones = eg.ones([1, 8, 4]), vals = eg.tensor(Array.from({ length: 8 }, (_, i) => i + 1), [1, 8, 1]);
      const plain = Array.from(await values(eg.attention(ones, ones, vals)));
      expectClose(plain, new Array(8).fill(4.5));
      const a = Array.from(await values(eg.attention(ones, ones, vals, { dropout: 0.5, seed: 3 })));
      expect(Array.from(await values(eg.attention(ones, ones, vals, { dropout: 0.5, seed: 3 })))).toEqual(a);
      expect(a).not.toEqual(plain);
      // each output is 2/8 times the sum of the kept values: a multiple of 0.25
      for (const y of a) expect(Math.abs(y * 4 - Math.round(y * 4))).toBeLessThan(1e-4);
      expect(() => eg.attention(ones, ones, vals, { dropout: 1 })).toThrow(/attention: dropout must be a number in \[0, 1\)/);
    });

    it('refuses mismatched head sizes, lengths and a mask that does not broadcast', () => {
      const t = (s: number[]) => eg.zeros(s);
      expect(() => eg.attention(t([2, 3, 4]), t([2, 5, 6]), t([2, 5, 4]))).toThrow(/attention: q and k must have one head size .*D=4.*D=6/);
      expect(() => eg.attention(t([2, 3, 4]), t([2, 5, 4]), t([2, 6, 4]))).toThrow(/attention: k and v must have one length/);
      expect(() => eg.attention(t([2, 3, 4]), t([2, 5, 4]), t([2, 5, 4]), { mask: t([3, 4]) })).toThrow(/attention: mask of shape \[3,4\] does not broadcast to the scores. shape \[2,3,5\]/);
      expect(() => eg.attention(t([3, 4]), t([5, 4]), t([5, 4]), { mask: t([1, 3, 5]) })).toThrow(/does not broadcast/);
      expect(() => eg.attention(t([4]), t([5, 4]), t([5, 4]))).toThrow(/attention: q needs rank >= 2/);
    });

    it('layerNorm refuses a gamma or beta that is not [C], a scalar x, a non-positive epsilon', () => {
      const t = (s: number[]) => eg.zeros(s);
      expect(() => eg.layerNorm(t([2, 5]), t([4]))).toThrow(/layerNorm: gamma must have shape \[5\].*got \[4\]/);
      expect(() => eg.layerNorm(t([2, 5]), null, t([5, 1]))).toThrow(/layerNorm: beta must have shape \[5\]/);
      expect(() => eg.layerNorm(eg.scalar(1))).toThrow(/layerNorm: x needs rank >= 1/);
      expect(() => eg.layerNorm(t([2, 5]), null, null, { epsilon: 0 })).toThrow(/layerNorm: epsilon must be positive/);
    });

    it('the fused kernels run where the backend has them (js, wasm, webgpu), the composed forms elsewhere, with one answer', async () => {
      const ran: string[] = [];
      const { runKernel } = engine;
      engine.runKernel = function (this: typeof engine, name, ...rest) { ran.push(name); return runKernel.call(this, name, ...rest); } as typeof engine.runKernel;
      try {
        const q = eg.tensor(randArr(2 * 5 * 4), [2, 5, 4]);
        const g = eg.valueAndGrads(() => eg.sum(eg.layerNorm(eg.attention(q, q, q, { causal: true }), eg.ones([4]), eg.zeros([4]))), [q]);
        await values(g.grads[0]);
        const fused = engine.backend!.kernels.attention !== undefined;
        for (const k of ['attention', 'attentionGrad', 'layerNorm', 'layerNormGrad']) expect(ran.includes(k)).toBe(fused);
        expect(ran.includes('softmax')).toBe(!fused);
        // wasm without a mask from 64 x 64 scores up: the composed form, measured faster there (src/ops/attention.ts)
        ran.length = 0;
        const big = eg.tensor(randArr(64 * 8), [64, 8]);
        const both = eg.tidy(() => [eg.attention(big, big, big), eg.attention(big, big, big, { causal: true })]);
        expect(ran.filter((k) => k === 'attention').length).toBe(!fused ? 0 : cfg.backend === 'wasm' ? 1 : 2);
        const plain = refAttention(Array.from(await values(big)), Array.from(await values(big)), Array.from(await values(big)), 1, 64, 64, 8, 8, () => true);
        expectClose(await values(both[0]), plain);
        eg.dispose([q, g.value, ...g.grads, big, ...both]);
      } finally { engine.runKernel = runKernel; }
    });

    it('rmsNorm and sinusoidalEncoding match float64 references', async () => {
      const x = randArr(2 * 5), s = randArr(5);
      const want = x.map((xi, i) => {
        const row = x.slice(Math.floor(i / 5) * 5, Math.floor(i / 5) * 5 + 5);
        return (xi / Math.sqrt(row.reduce((a, b) => a + b * b, 0) / 5 + 1e-6)) * s[i % 5];
      });
      expectClose(await values(eg.rmsNorm(eg.tensor(x, [2, 5]), eg.tensor(s))), want);
      const enc = await values(eg.sinusoidalEncoding(3, 4, { offset: 2 }));
      expectClose(enc, [2, 3, 4].flatMap((p) => [Math.sin(p), Math.cos(p), Math.sin(p / 100), Math.cos(p / 100)]), 1e-5);
      expect(() => eg.rmsNorm(eg.zeros([2, 5]), eg.ones([4]))).toThrow(/rmsNorm: scale must have shape \[5\]/);
    });

    it('gradients match float64 finite differences: attention (causal + padding), where, rmsNorm, bandPart', async () => {
      const r = new Rng(21);
      const checks: [string, (...xs: Tensor[]) => Tensor, number[][]][] = [
        ['attention causal + mask', (a, b, c) => eg.attention(a, b, c, { causal: true, mask: eg.tensor([1, 1, 0, 1, 1, 1, 1, 1], [2, 1, 4]) }), [[2, 3, 4], [2, 4, 4], [2, 4, 2]]],
        ['attention heads, scale', (a, b, c) => eg.attention(a, b, c, { scale: 0.7 }), [[1, 2, 2, 3], [1, 2, 3, 3], [1, 2, 3, 2]]],
        ['where', (a, b) => eg.where(eg.tensor([[1, 0, 1], [0, 1, 0]]), a, b), [[2, 3], [3]]],
        ['rmsNorm', (a, s) => eg.rmsNorm(a, s), [[3, 4], [4]]],
        ['bandPart', (a) => eg.bandPart(a, 1, 0), [[3, 3]]],
      ];
      for (const [name, f, shapes] of checks) {
        expect(await checkGradients(f, shapes.map((s) => inputOf(r, s)), cfg), name).toEqual([]);
      }
    });

    it('multiHeadAttention: shapes, weights as Keras, and a known answer computed by hand', async () => {
      const mha = eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, outputShape: 5, seed: 3 });
      const query = eg.tensor(randArr(2 * 4 * 6), [2, 4, 6]), value = eg.tensor(randArr(2 * 7 * 8), [2, 7, 8]);
      const y = mha.apply([query, value]);
      expect(y.shape).toEqual([2, 4, 5]);
      expect(mha.weights.map((w) => [w.name, w.shape])).toEqual([
        [`${mha.name}/query/kernel`, [6, 2, 3]], [`${mha.name}/query/bias`, [2, 3]],
        [`${mha.name}/key/kernel`, [8, 2, 3]], [`${mha.name}/key/bias`, [2, 3]],
        [`${mha.name}/value/kernel`, [8, 2, 2]], [`${mha.name}/value/bias`, [2, 2]],
        [`${mha.name}/attention_output/kernel`, [2, 2, 5]], [`${mha.name}/attention_output/bias`, [5]],
      ]);
      // hand computation: 1 batch, 2 heads, d 2, keyDim 1, valueDim 1, output 1, query = value
      const m2 = eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 1, outputShape: 1 });
      const x = [[1, 0], [0, 2], [1, 1]];
      const xt = eg.tensor([x.flat()], [1, 3, 2]);
      m2.apply([xt, xt]);
      const W = { q: [[1, 0], [0, 1]], k: [[1, 1], [0, -1]], v: [[2, 0], [0, 1]], o: [1, -1] }; // [d, head] each, o [head]
      const [qk, qb, kk, kb, vk, vb, ok, ob] = m2.weights;
      qk.assign(eg.tensor(W.q.flat(), [2, 2, 1])); kk.assign(eg.tensor(W.k.flat(), [2, 2, 1])); vk.assign(eg.tensor(W.v.flat(), [2, 2, 1]));
      ok.assign(eg.tensor(W.o, [2, 1, 1]));
      for (const b of [qb, kb, vb]) b.assign(eg.tensor([0.5, -0.5], [2, 1]));
      ob.assign(eg.tensor([0.25]));
      const proj = (w: number[][], row: number[], h: number) => row[0] * w[0][h] + row[1] * w[1][h] + (h === 0 ? 0.5 : -0.5);
      const want = x.map((xi) => {
        let o = 0.25;
        for (let h = 0; h < 2; h++) {
          const s = x.map((xj) => proj(W.q, xi, h) * proj(W.k, xj, h)); // scale 1/sqrt(1)
          const e = s.map((z) => Math.exp(z - Math.max(...s))), z = e.reduce((a, b) => a + b);
          o += W.o[h] * x.reduce((acc, xj, j) => acc + (e[j] / z) * proj(W.v, xj, h), 0);
        }
        return o;
      });
      expectClose(await values(m2.apply([xt, xt])), want, 1e-5);
      // causal: the first query sees only itself
      const c = await values(m2.apply([xt, xt], { useCausalMask: true }));
      expect(c[0]).toBeCloseTo(0.25 + W.o[0] * proj(W.v, x[0], 0) + W.o[1] * proj(W.v, x[0], 1), 5);
      expect(() => m2.apply([xt, eg.zeros([1, 3, 3])])).toThrow(/built for query\/value\/key features 2\/2\/2, got 2\/3\/3/);
      expect(() => m2.apply([xt, xt], { attentionMask: eg.ones([1, 3, 2]) })).toThrow(/does not broadcast/);
    });

    it('multiHeadAttention with dropout and a seed trains the same on every run; each step drops other probabilities', async () => {
      const xv = randArr(8 * 4 * 6), yv = randArr(8);
      const train = async (seed: number) => {
        const x = eg.input({ shape: [4, 6] });
        const y = eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, dropout: 0.3, seed }).apply([x, x]);
        const model = eg.model({ inputs: x, outputs: eg.layers.dense({ units: 1, seed: 5 }).apply(eg.layers.flatten().apply(y)) });
        model.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'meanSquaredError' });
        const xs = eg.tensor(xv, [8, 4, 6]), ys = eg.tensor(yv, [8, 1]);
        const h = await model.fit(xs, ys, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
        const w = await Promise.all(model.getWeights().map((t) => values(t)));
        eg.dispose([xs, ys]);
        model.dispose();
        return { loss: h.history.loss, w: w.map((v) => Array.from(v)) };
      };
      const a = await train(11), b = await train(11), c = await train(12);
      expect(b.loss).toEqual(a.loss);
      expect(b.w).toEqual(a.w);
      expect(c.w).not.toEqual(a.w);
    });

    it('multiHeadAttention in a graph with a mask input and a causal mask; save and load give the same outputs', async () => {
      const x = eg.input({ shape: [4, 6] });
      const m = eg.input({ shape: [4, 4] });
      const mha = eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, seed: 7 });
      const y = mha.apply([x, x], { attentionMask: m, useCausalMask: true });
      expect(y.shape).toEqual([null, 4, 6]);
      const model = eg.model({ inputs: [x, m], outputs: eg.layers.rmsNormalization().apply(y) });
      const xs = eg.tensor(randArr(2 * 4 * 6), [2, 4, 6]);
      const ms = eg.tensor(Array.from({ length: 32 }, (_, i) => (i % 5 === 3 ? 0 : 1)), [2, 4, 4]);
      const before = Array.from(await values(model.predict([xs, ms]) as Tensor));
      const saved = await model.save(`/tmp/eg-attention-${process.pid}-${cfg.label}`);
      try {
        const back = await eg.loadModel(saved.url);
        expectClose(await values(back.predict([xs, ms]) as Tensor), before, 1e-6);
      } finally {
        rmSync(saved.url, { recursive: true, force: true });
      }
      expect(() => mha.apply([x, x])).toThrow(/every graph application must pass the same inputs and options/);
    });

    it('transformer blocks: output shapes, heads that do not split the width, gradients reach every weight', async () => {
      const enc = eg.layers.transformerEncoder({ numHeads: 2, ffDim: 8, seed: 1 });
      const x = eg.tensor(randArr(2 * 3 * 4), [2, 3, 4]);
      expect(enc.apply(x).shape).toEqual([2, 3, 4]);
      expect(enc.weights.length).toBe(8 + 4 + 4);
      const { grads } = eg.valueAndGrads(() => eg.sum(eg.square(enc.apply(x))), enc.trainableWeights);
      for (const g of grads) expect(Array.from(await values(g)).some((v) => v !== 0)).toBe(true);
      expect(() => eg.layers.transformerDecoder({ numHeads: 3, ffDim: 8 }).apply(x)).toThrow(/features 4 do not split into numHeads 3 heads/);
    });

    it('a decoder model saves and loads (blocks rebuild their sublayers); generate leaves no tensors behind', async () => {
      const model = tinyGpt(6, 5, 8, { layers: 2, seed: 8 });
      const x = eg.tensor([[0, 1, 2, 3, 4], [5, 4, 3, 2, 1]], [2, 5], 'int32');
      const before = Array.from(await values(model.predict(x) as Tensor));
      const saved = await model.save(`/tmp/eg-gpt-${process.pid}-${cfg.label}`);
      try {
        const back = await eg.loadModel(saved.url);
        expect(back.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
        expectClose(await values(back.predict(x) as Tensor), before, 1e-6);
      } finally {
        rmSync(saved.url, { recursive: true, force: true });
      }
      // the same weights ending in softmax: generate samples from log-probabilities, so the same ids
      const soft = tinyGpt(6, 5, 8, { layers: 2, seed: 8, softmax: true });
      for (const opts of [{ temperature: 0 }, { seed: 4 }, { seed: 5, topK: 3 }]) {
        expect(await eg.generate(soft, [1, 2], { maxNewTokens: 3, ...opts })).toEqual(await eg.generate(model, [1, 2], { maxNewTokens: 3, ...opts }));
      }
      const live = undisposed();
      await eg.generate(model, [1, 2], { maxNewTokens: 3, seed: 1 });
      await eg.generate(model, [1, 2], { maxNewTokens: 3, seed: 1, useCache: false });
      expect(undisposed()).toBe(live);
    });

    it('transformerEncoder with a padding mask input: padded positions do not change the others; save/load keeps the wiring', async () => {
      const x = eg.input({ shape: [4, 4] }), m = eg.input({ shape: [4] });
      const enc = eg.layers.transformerEncoder({ numHeads: 2, ffDim: 8, seed: 3 });
      const model = eg.model({ inputs: [x, m], outputs: enc.apply(x, { attentionMask: m }) });
      const mask = eg.tensor([[1, 1, 1, 0], [1, 1, 0, 0]]);
      const a = randArr(32), b = a.map((v, i) => ((i % 16) >= 12 || (i >= 16 && (i % 16) >= 8) ? v + 5 : v));
      const ya = await values(model.predict([eg.tensor(a, [2, 4, 4]), mask]) as Tensor);
      const yb = await values(model.predict([eg.tensor(b, [2, 4, 4]), mask]) as Tensor);
      const kept = (i: number) => (i < 16 ? (i % 16) < 12 : (i % 16) < 8);
      expectClose(Array.from(ya).filter((_, i) => kept(i)), Array.from(yb).filter((_, i) => kept(i)), 1e-5);
      expect(Array.from(ya).filter((_, i) => !kept(i))).not.toEqual(Array.from(yb).filter((_, i) => !kept(i)));
      const saved = await model.save(`/tmp/eg-encoder-${process.pid}-${cfg.label}`);
      try {
        const back = await eg.loadModel(saved.url);
        expectClose(await values(back.predict([eg.tensor(a, [2, 4, 4]), mask]) as Tensor), ya, 1e-6);
      } finally {
        rmSync(saved.url, { recursive: true, force: true });
      }
      expect(() => enc.apply(x)).toThrow(/every graph application must pass a mask, or none/);
      expect(() => eg.layers.transformerEncoder({ numHeads: 2, ffDim: 8 }).apply(x, { attentionMask: eg.input({ shape: [3] }) })).toThrow(/attentionMask must be \[batch, 4\] or \[batch, 4, 4\]/);
    });

    it('bad input: a sequence longer than the position table, out-of-vocabulary ids', async () => {
      const model = tinyGpt(5, 4, 8);
      expect(() => eg.layers.positionalEmbedding({ maxLength: 3 }).apply(eg.zeros([1, 4, 2]))).toThrow(/positions 0..3 go past the position table \(maxLength 3\)/);
      expect(() => model.predict(eg.tensor([[0, 1, 7, 2]], [1, 4], 'int32'))).toThrow(/id 7 .* is out of range: inputDim is 5/);
      await expect(eg.generate(model, [0, 1, 2], { maxNewTokens: 3 })).rejects.toThrow(/positions 4..4 go past the position table \(maxLength 4\)/);
    });

    it('generation with the KV cache gives the logits of a full rerun, and each step runs one position', async () => {
      const model = tinyGpt(7, 12, 8, { layers: 2, seed: 4 });
      const cached: Float32Array[] = [], full: Float32Array[] = [];
      // count the rows (M) of every matmul the steps run
      const rows: number[][] = [];
      const orig = engine.runKernel.bind(engine);
      (engine as { runKernel: unknown }).runKernel = (name: string, ins: Tensor[], ...rest: unknown[]) => {
        if (name === 'matmul' || name === 'fusedMatmul') rows[rows.length - 1]?.push(ins[0].shape[ins[0].rank - 2]);
        return (orig as (...a: unknown[]) => unknown)(name, ins, ...rest);
      };
      let a: number[], b: number[];
      try {
        a = await eg.generate(model, [1, 2, 3], { maxNewTokens: 6, temperature: 0, onLogits: (l) => { cached.push(l); rows.push([]); } });
        rows.length = 0;
        b = await eg.generate(model, [1, 2, 3], { maxNewTokens: 6, temperature: 0, useCache: false, onLogits: (l) => full.push(l) });
      } finally {
        (engine as { runKernel: unknown }).runKernel = orig;
      }
      expect(a).toEqual(b);
      expect(a.slice(0, 3)).toEqual([1, 2, 3]);
      expect(a.length).toBe(9);
      cached.forEach((l, i) => expectClose(l, full[i], 1e-4));
      // steps after the prompt (the first 5 recorded lists): every matmul has 1 row, the same number per step
      const steps = rows.slice(0, 5);
      expect(steps.every((s) => s.length > 0 && s.length === steps[0].length && s.every((m) => m === 1))).toBe(true);
    });

    // NOTE: 60 training steps on Dawn's SwiftShader (a software adapter) take over a minute; js and wasm run it.
    it.skipIf(cfg.backend === 'webgpu')('a tiny decoder learns to continue a repeated string, then generates it (not on webgpu: too slow on a software adapter)', async () => {
      const text = 'abcde'.repeat(8), chars = eg.text.charTokenizer(text), ids = chars.encode(text);
      const T = 8, model = tinyGpt(chars.vocabSize, T, 16, { seed: 2 });
      const xs: number[] = [], ys: number[] = [];
      for (let s = 0; s + T < ids.length; s++) { xs.push(...ids.slice(s, s + T)); ys.push(...ids.slice(s + 1, s + T + 1)); }
      const n = xs.length / T;
      const x = eg.tensor(xs, [n, T], 'int32'), y = eg.tensor(ys, [n * T], 'int32');
      const opt = eg.optimizers.adam({ learningRate: 0.01 });
      const lossAt = () => eg.losses.sparseSoftmaxCrossEntropy(y, eg.reshape(model.apply(x) as Tensor, [n * T, chars.vocabSize]));
      const first = (await values(eg.tidy(lossAt)))[0];
      for (let step = 0; step < 60; step++) {
        eg.tidy(() => {
          const { grads } = eg.valueAndGrads(lossAt, model.trainableWeights);
          opt.apply(model.trainableWeights, grads);
        });
      }
      const last = (await values(eg.tidy(lossAt)))[0];
      expect(first).toBeGreaterThan(1.2);
      expect(last).toBeLessThan(0.1 * first);
      const out = await eg.generate(model, chars.encode('abc'), { maxNewTokens: 5, temperature: 0 });
      expect(chars.decode(out)).toBe('abcdeabc');
    });

    it('sample: greedy, top-k, top-p at the edges, seeds, -Infinity and NaN', async () => {
      const l = eg.tensor([[0, 3, 1, 3], [2, -Infinity, 1, 0]]);
      expect(Array.from(await eg.sample(l, { temperature: 0 }))).toEqual([1, 0]);
      expect(Array.from(await eg.sample(l, { topK: 1, seed: 3 }))).toEqual([1, 0]);
      expect(Array.from(await eg.sample(l, { topP: 1e-6, seed: 3 }))).toEqual([1, 0]);
      const draws = async (opts: eg.SampleOptions, n = 300) => {
        const seen = new Map<number, number>();
        const logits = eg.tensor(Array.from({ length: n }, () => [0, 1, 2, 3]).flat(), [n, 4]);
        for (const id of await eg.sample(logits, opts)) seen.set(id, (seen.get(id) ?? 0) + 1);
        return seen;
      };
      expect([...(await draws({ topK: 2, seed: 1 })).keys()].sort()).toEqual([2, 3]);
      expect([...(await draws({ topK: 9, seed: 1 })).keys()].sort()).toEqual([0, 1, 2, 3]);
      // p ∝ e^0..e^3 = [.032, .087, .237, .644]: topP .644 keeps only 3; .65 keeps 3 and 2
      expect([...(await draws({ topP: 0.64, seed: 1 })).keys()]).toEqual([3]);
      expect([...(await draws({ topP: 0.65, seed: 1 })).keys()].sort()).toEqual([2, 3]);
      const t = await draws({ seed: 5 }, 3000);
      expect(Math.abs(t.get(3)! / 3000 - 0.644)).toBeLessThan(0.04);
      expect(Array.from(await eg.sample(l, { seed: 9 }))).toEqual(Array.from(await eg.sample(l, { seed: 9 })));
      expect([...(await draws({ seed: 2, temperature: 1e-3 })).keys()]).toEqual([3]);
      await expect(eg.sample(eg.tensor([-Infinity, -Infinity]))).rejects.toThrow(/every logit is -Infinity/);
      await expect(eg.sample(eg.tensor([0, NaN]))).rejects.toThrow(/logit 1 is NaN/);
      await expect(eg.sample(l, { topP: 0 })).rejects.toThrow(/topP must be in \(0, 1\]/);
      await expect(eg.sample(l, { topK: 0 })).rejects.toThrow(/topK must be a positive integer/);
    });
  });
}
