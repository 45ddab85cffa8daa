// eg.data pipelines and the training entry points around them: fitDataset (against fit on the
// same batches), trainOnBatch / predictOnBatch, sampleWeight / classWeight, initialEpoch, the
// onBatchBegin / onTrainBegin / onTrainEnd callbacks, textProgress and the losses by name. On every
// backend under test (EDGEGRAD_TEST_BACKENDS).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, undisposed } from './util/backends.js';

const read = async (t: eg.Tensor) => Array.from(await t.data());

function regression(n: number, seed: number) {
  // y = x · w + 0.5 with a fixed w, 3 features
  const x = eg.randn([n, 3], { seed });
  const y = eg.tidy(() => eg.add(eg.matmul(x, eg.tensor([[1.5], [-2], [0.5]])), 0.5));
  return { x, y };
}

function net(seed = 3, loss: eg.LossSpec = 'meanSquaredError', lr = 0.05, units = 1, activation?: 'sigmoid' | 'softmax') {
  const m = eg.sequential([
    eg.layers.dense({ units: 6, activation: 'tanh', inputShape: [3], seed }),
    eg.layers.dense({ units, seed: seed + 1, activation }),
  ]);
  m.compile({ optimizer: eg.optimizers.sgd({ learningRate: lr }), loss });
  return m;
}

for (const cfg of testBackends()) {
  describe(`data pipeline and batch training on ${cfg.label}`, () => {
    beforeAll(async () => { await use(cfg); });
    let before = 0;
    afterEach(() => { expect(undisposed()).toBe(before); });
    const start = () => { before = undisposed(); };

    it('array -> map -> batch stacks tensors, numbers and objects; the sources keep their tensors', async () => {
      start();
      const a = eg.tensor([1, 2]), b = eg.tensor([3, 4]), c = eg.tensor([5, 6]);
      const ds = eg.data.array([{ x: a, n: 1 }, { x: b, n: 2 }, { x: c, n: 3 }]).map((e) => ({ x: eg.mul(e.x, 10), n: e.n })).batch(2);
      expect(ds.size).toBe(2);
      const out = await ds.toArray() as { x: eg.Tensor; n: eg.Tensor }[];
      expect(out.length).toBe(2);
      expect(out[0].x.shape).toEqual([2, 2]);
      expect(await read(out[0].x)).toEqual([10, 20, 30, 40]);
      expect(await read(out[0].n)).toEqual([1, 2]);
      expect(await read(out[1].x)).toEqual([50, 60]);
      for (const e of out) { e.x.dispose(); e.n.dispose(); }
      expect(await read(a)).toEqual([1, 2]); // still the caller's
      a.dispose(); b.dispose(); c.dispose();
    });

    it('batch(n, false) drops the small last batch; take, skip, repeat count elements', async () => {
      start();
      const nums = (d: eg.Dataset<number>) => d.toArray();
      const ds = eg.data.array([0, 1, 2, 3, 4, 5, 6]);
      expect(await nums(ds.take(3))).toEqual([0, 1, 2]);
      expect(await nums(ds.skip(5))).toEqual([5, 6]);
      expect(await nums(ds.take(2).repeat(3))).toEqual([0, 1, 0, 1, 0, 1]);
      expect(await nums(ds.repeat().take(9))).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1]);
      expect(ds.repeat().size).toBe(Infinity);
      const batches = await ds.batch(3, false).toArray() as eg.Tensor[];
      expect(batches.length).toBe(2);
      expect(await read(batches[1])).toEqual([3, 4, 5]);
      batches.forEach((t) => t.dispose());
      await expect(ds.repeat().toArray()).rejects.toThrow(/endless/);
    });

    it('shuffle: a permutation, reproducible with a seed, new each iteration; prefetch keeps the order', async () => {
      start();
      const items = Array.from({ length: 50 }, (_, i) => i);
      const ds = eg.data.array(items);
      const s1 = ds.shuffle(50, 7), s2 = ds.shuffle(50, 7);
      const a = await s1.toArray(), b = await s2.toArray(), a2 = await s1.toArray();
      expect([...a].sort((x, y) => x - y)).toEqual(items);
      expect(a).not.toEqual(items);
      expect(b).toEqual(a);
      expect(a2).not.toEqual(a);
      const small = await ds.shuffle(4, 1).toArray();
      expect([...small].sort((x, y) => x - y)).toEqual(items);
      expect(await ds.prefetch(8).toArray()).toEqual(items);
      await expect(async () => ds.shuffle(0)).rejects.toThrow(/shuffle: expects an integer >= 1/);
    });

    it('generator restarts each iteration; slices yields rows; early stops dispose what they hold', async () => {
      start();
      let calls = 0;
      const gen = eg.data.generator(function* () { calls++; for (let i = 0; i < 4; i++) yield eg.tensor([i, -i || 0]); });
      const first = await gen.batch(4).toArray() as eg.Tensor[];
      expect(await read(first[0])).toEqual([0, 0, 1, -1, 2, -2, 3, -3]);
      first[0].dispose();
      const again = await gen.take(1).toArray() as eg.Tensor[];
      expect(calls).toBe(2);
      again[0].dispose();
      // shuffle's buffer and prefetch's read-ahead are freed when the consumer stops early
      const early = await gen.shuffle(4, 2).prefetch(3).take(1).toArray() as eg.Tensor[];
      early[0].dispose();
      const x = eg.tensor([[1, 2], [3, 4], [5, 6]]), y = eg.tensor([7, 8, 9]);
      const rows = await eg.data.slices({ xs: x, ys: y }).toArray() as { xs: eg.Tensor; ys: eg.Tensor }[];
      expect(rows.length).toBe(3);
      expect(rows[2].xs.shape).toEqual([2]);
      expect(await read(rows[2].xs)).toEqual([5, 6]);
      expect(await read(rows[1].ys)).toEqual([8]);
      for (const r of rows) { r.xs.dispose(); r.ys.dispose(); }
      x.dispose(); y.dispose();
      const z2 = eg.zeros([2, 1]), z3 = eg.zeros([3]);
      expect(() => eg.data.slices({ xs: z2, ys: z3 })).toThrow(/same number of rows/);
      eg.dispose([z2, z3]);
    }, 30_000);

    it('fitDataset over slices(...).batch(8) matches fit on the same batches (shuffle off)', async () => {
      start();
      const { x, y } = regression(40, 11);
      const a = net(), b = net();
      const h1 = await a.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
      const h2 = await b.fitDataset(eg.data.slices({ xs: x, ys: y }).batch(8), { epochs: 3, verbose: 0 });
      expect(h2.epoch).toEqual([0, 1, 2]);
      expect(Object.keys(h2.history).sort()).toEqual(Object.keys(h1.history).sort());
      for (let e = 0; e < 3; e++) expect(h2.history.loss[e]).toBeCloseTo(h1.history.loss[e], 5);
      const wa = a.getWeights(), wb = b.getWeights();
      for (let i = 0; i < wa.length; i++) {
        const [va, vb] = [await read(wa[i]), await read(wb[i])];
        va.forEach((v, k) => expect(vb[k]).toBeCloseTo(v, 5));
      }
      [...wa, ...wb].forEach((t) => t.dispose());
      a.dispose(); b.dispose();
      x.dispose(); y.dispose();
    }, 60_000);

    it('fitDataset streams a generator (data made per batch), with batchesPerEpoch, validation and callbacks', async () => {
      start();
      const w = [1.5, -2, 0.5];
      let made = 0;
      // an endless stream: nothing is held in memory beyond the batch in flight (and prefetch's 2)
      const stream = eg.data.generator(function* () {
        for (let i = 0; ; i++) {
          made++;
          const f = [Math.sin(i), Math.cos(1.3 * i), Math.sin(0.7 * i + 1)];
          yield { xs: f, ys: [f[0] * w[0] + f[1] * w[1] + f[2] * w[2] + 0.5] };
        }
      }).batch(16).prefetch(2);
      const { x: vx, y: vy } = regression(32, 5);
      const events: string[] = [];
      const m = net(5, 'mse', 0.1);
      const h = await m.fitDataset(stream, {
        epochs: 4, batchesPerEpoch: 10, verbose: 0, validationData: eg.data.slices({ xs: vx, ys: vy }).batch(16),
        callbacks: {
          onTrainBegin: () => { events.push('trainBegin'); },
          onBatchBegin: (b) => { if (b === 0) events.push('batchBegin0'); },
          onBatchEnd: (b, logs) => { if (b === 9) events.push(`batchEnd9 size ${logs.size}`); },
          onTrainEnd: (logs) => { events.push(`trainEnd ${'val_loss' in logs}`); },
        },
      });
      expect(h.history.loss.length).toBe(4);
      expect(h.history.val_loss.length).toBe(4);
      expect(h.history.loss[3]).toBeLessThan(h.history.loss[0]);
      expect(events).toEqual(['trainBegin', ...Array(4).fill(['batchBegin0', 'batchEnd9 size 16']).flat(), 'trainEnd true']);
      // one iterator across epochs: 4 x 10 batches of 16, plus at most the prefetched ones
      expect(made).toBeGreaterThanOrEqual(640);
      expect(made).toBeLessThanOrEqual(640 + 3 * 16);
      m.dispose(); vx.dispose(); vy.dispose();
    }, 60_000);

    it('fitDataset refuses an endless dataset without batchesPerEpoch, and unbatched elements by name', async () => {
      start();
      const m = net();
      const endless = eg.data.array([{ xs: [[0, 0, 0]], ys: [[1]] }]).repeat();
      await expect(m.fitDataset(endless, { verbose: 0 })).rejects.toThrow(/endless.*batchesPerEpoch/);
      const one = eg.tensor([1]), wide = eg.zeros([2, 4]), ys = eg.zeros([2, 1]);
      await expect(m.fitDataset(eg.data.array([one]), { verbose: 0 })).rejects.toThrow(/\{ xs, ys \} or \[xs, ys\]/);
      await expect(m.fitDataset(eg.data.array([{ xs: wide, ys }]), { verbose: 0 })).rejects.toThrow(/shape \[2,4\]/);
      eg.dispose([one, wide, ys]);
      m.dispose();
    });

    it('trainOnBatch is one fit step; predictOnBatch is predict', async () => {
      start();
      const { x, y } = regression(12, 21);
      const a = net(), b = net();
      const loss = await a.trainOnBatch(x, y);
      const h = await b.fit(x, y, { epochs: 1, batchSize: 12, shuffle: false, verbose: 0 });
      expect(typeof loss).toBe('number');
      expect(loss as number).toBeCloseTo(h.history.loss[0], 6);
      const pa = a.predictOnBatch(x) as eg.Tensor, pb = b.predict(x) as eg.Tensor;
      const [va, vb] = [await read(pa), await read(pb)];
      va.forEach((v, k) => expect(vb[k]).toBeCloseTo(v, 6));
      pa.dispose(); pb.dispose();
      a.dispose(); b.dispose();
      x.dispose(); y.dispose();
    });

    it('sampleWeight and classWeight weigh each sample\'s loss (Keras: mean of weight · loss)', async () => {
      start();
      const x = eg.randn([8, 3], { seed: 2 });
      const ids = eg.tensor([0, 1, 1, 0, 1, 0, 0, 1], [8], 'int32');
      const hot = eg.oneHot(ids, 2);
      // learning rate 0: the epoch's loss is the loss of the initial weights
      const m = net(9, 'categoricalCrossentropy', 0, 2, 'softmax');
      const p = m.predict(x) as eg.Tensor;
      const per = Array.from(await p.data());
      const hotV = Array.from(await hot.data());
      const ce = Array.from({ length: 8 }, (_, i) => -Math.log(Math.min(Math.max(hotV[2 * i] ? per[2 * i] : per[2 * i + 1], 1e-7), 1 - 1e-7)));
      const sw = [1, 2, 0, 1, 3, 1, 0.5, 1];
      const swT = eg.tensor(sw), bad = eg.tensor([1, 2]);
      const h = await m.fit(x, hot, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0, sampleWeight: swT });
      expect(h.history.loss[0]).toBeCloseTo(ce.reduce((s, v, i) => s + v * sw[i], 0) / 8, 5);
      const cw = { 0: 1, 1: 4 };
      const idV = Array.from(await ids.data());
      const h2 = await m.fit(x, hot, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0, classWeight: cw });
      expect(h2.history.loss[0]).toBeCloseTo(ce.reduce((s, v, i) => s + v * cw[idV[i] as 0 | 1], 0) / 8, 5);
      // on the fused sparse path too (class ids), and through trainOnBatch
      m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0 }), loss: 'sparseCategoricalCrossentropy' });
      const l3 = await m.trainOnBatch(x, ids, { classWeight: cw });
      expect(l3 as number).toBeCloseTo(ce.reduce((s, v, i) => s + v * cw[idV[i] as 0 | 1], 0) / 8, 5);
      await expect(m.fit(x, ids, { verbose: 0, sampleWeight: bad })).rejects.toThrow(/sampleWeight must be float32 of shape \[8\]/);
      await expect(m.fit(x, ids, { verbose: 0, classWeight: { a: 1 } as never })).rejects.toThrow(/classWeight key 'a'/);
      m.compile({ optimizer: 'sgd', loss: (yt, yp) => eg.losses.meanSquaredError(yt, yp) });
      await expect(m.fit(x, hot, { verbose: 0, classWeight: cw })).rejects.toThrow(/built-in losses/);
      eg.dispose([p, swT, bad, x, ids, hot]);
      m.dispose();
    });

    it('initialEpoch resumes at that epoch; callbacks get params; textProgress writes lines', async () => {
      start();
      const { x, y } = regression(16, 4);
      const m = net();
      const lines: string[] = [];
      let params: eg.TrainingParams | null = null;
      const h = await m.fit(x, y, {
        epochs: 4, initialEpoch: 2, batchSize: 4, verbose: 0,
        callbacks: [eg.textProgress((t) => lines.push(t), { throttleMs: 0 }), { setParams: (p) => { params = p; } }],
      });
      expect(h.epoch).toEqual([2, 3]);
      expect(params).toEqual({ epochs: 4, initialEpoch: 2, steps: 4, samples: 16, batchSize: 4 });
      expect(lines[0]).toMatch(/^epoch 3\/4 \[=====>\s+\] 1\/4 {2}loss [\d.]+$/);
      expect(lines.at(-1)).toMatch(/^epoch 4\/4 {2}loss [\d.]+ {2}\d+ samples\/s {2}\d+\.\d s$/);
      const el = { textContent: '' as string | null };
      await m.fitDataset(eg.data.slices({ xs: x, ys: y }).batch(8), { epochs: 1, verbose: 0, callbacks: eg.textProgress(el) });
      expect(el.textContent).toMatch(/^epoch 1\/1 {2}loss/);
      expect(() => eg.textProgress(42 as never)).toThrow(/function \(text\) => void or a DOM element/);
      m.dispose(); x.dispose(); y.dispose();
    });

    it('losses by name in compile: mae, huber, hinge, cosineSimilarity (and aliases) match eg.losses', async () => {
      start();
      const { x, y } = regression(10, 8);
      const unit = eg.ones([10]);
      for (const [name, fn] of [
        ['mae', eg.losses.meanAbsoluteError], ['meanAbsoluteError', eg.losses.meanAbsoluteError], ['huber', eg.losses.huber],
        ['hinge', eg.losses.hinge], ['cosineSimilarity', eg.losses.cosineSimilarity], ['cosineProximity', eg.losses.cosineSimilarity],
      ] as const) {
        const m = net(7, name, 0, 2);
        const y2 = eg.tidy(() => eg.concat([y, eg.neg(y)], 1));
        const p = m.predict(x) as eg.Tensor;
        const want = fn(y2, p);
        const h = await m.fit(x, y2, { epochs: 1, batchSize: 10, verbose: 0 });
        expect(h.history.loss[0]).toBeCloseTo((await want.data())[0], 5);
        // the weighted path (per-sample losses) with unit weights gives the same value
        const hw = await m.fit(x, y2, { epochs: 1, batchSize: 10, verbose: 0, sampleWeight: unit });
        expect(hw.history.loss[0]).toBeCloseTo((await want.data())[0], 5);
        eg.dispose([p, want, y2]);
        m.dispose();
      }
      unit.dispose(); x.dispose(); y.dispose();
    }, 60_000);
  });
}
