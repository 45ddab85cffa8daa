// Compiled steps (issue 16): fit, evaluate and predict traced once per batch shape and replayed
// must give the same numbers as the eager path (same kernels in the same order: bitwise on js and
// wasm), re-trace when weights are replaced, fall back to eager with a reason, and leak nothing.
import { describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use } from './util/backends.js';
import { engine } from '../src/engine.js';
import { settle } from './util/settle.js';
import { planOf } from '../src/model/compiled.js';

const backends = testBackends().filter((c) => c.backend !== 'webgpu');

function mlp(seed: number): eg.Sequential {
  const m = eg.sequential([
    eg.layers.dense({ units: 32, activation: 'relu', inputShape: [12], seed }),
    eg.layers.dropout({ rate: 0.25, seed: seed + 1 }),
    eg.layers.dense({ units: 4, activation: 'softmax', seed: seed + 2 }),
  ]);
  m.compile({
    optimizer: eg.optimizers.adam({ learningRate: eg.schedules.exponentialDecay({ initialLearningRate: 0.01, decaySteps: 3, decayRate: 0.9 }) }),
    loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'],
  });
  return m;
}

function cnn(seed: number): eg.Sequential {
  const m = eg.sequential([
    eg.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1], seed }),
    eg.layers.batchNormalization(),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', seed: seed + 1 }),
    eg.layers.flatten(),
    eg.layers.dense({ units: 3, activation: 'softmax', seed: seed + 2 }),
  ]);
  m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

const T = 6, VOCAB = 9;
function transformer(seed: number): eg.Model {
  const ids = eg.input({ shape: [T], dtype: 'int32' });
  let h = eg.layers.embedding({ inputDim: VOCAB, outputDim: 16, seed }).apply(ids);
  h = eg.layers.positionalEmbedding({ maxLength: T, seed: seed + 1 }).apply(h);
  h = eg.layers.transformerDecoder({ numHeads: 2, ffDim: 32, normFirst: true, activation: 'gelu', seed: seed + 2 }).apply(h);
  h = eg.layers.layerNormalization().apply(h);
  const probs = eg.layers.dense({ units: VOCAB, activation: 'softmax', seed: seed + 3 }).apply(h);
  const m = eg.model({ inputs: ids, outputs: probs });
  m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.05, momentum: 0.9 }), loss: 'sparseCategoricalCrossentropy' });
  return m;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

function data(kind: 'mlp' | 'cnn' | 'transformer', n: number, seed = 7): { x: eg.Tensor; y: eg.Tensor } {
  const r = lcg(seed);
  if (kind === 'transformer') {
    const xs = Int32Array.from({ length: n * T }, () => Math.floor(r() * VOCAB));
    const ys = xs.map((v) => (v + 1) % VOCAB);
    return { x: eg.tensor(xs, [n, T], 'int32'), y: eg.tensor(ys, [n, T], 'int32') };
  }
  const shape = kind === 'mlp' ? [n, 12] : [n, 8, 8, 1];
  const size = shape.reduce((a, b) => a * b, 1);
  const classes = kind === 'mlp' ? 4 : 3;
  const ys = Int32Array.from({ length: n }, () => Math.floor(r() * classes));
  const row = size / n;
  const xs = Float32Array.from({ length: size }, (_, i) => r() - 0.5 + (ys[Math.floor(i / row)] === i % classes ? 1 : 0));
  return { x: eg.tensor(xs, shape), y: eg.tensor(ys, [n], 'int32') };
}

/** A dense model whose loss reads its values on the host inside the step (so the step stays eager). */
function readingModel(): eg.Sequential {
  const reading = (yTrue: eg.Tensor, yPred: eg.Tensor) => {
    void yPred.dataSync();
    return eg.losses.meanSquaredError(yTrue, yPred);
  };
  const m = eg.sequential([eg.layers.dense({ units: 1, inputShape: [3], seed: 4 })]);
  m.compile({ optimizer: 'sgd', loss: reading });
  return m;
}
const readingData = () => ({
  x: eg.tensor(Float32Array.from({ length: 30 }, (_, i) => Math.sin(i)), [10, 3]),
  y: eg.tensor(Float32Array.from({ length: 10 }, (_, i) => Math.cos(i)), [10, 1]),
});
const weightsOf = async (m: eg.Model): Promise<number[][]> => Promise.all(m.weights.map(async (w) => Array.from(await w.data())));

/** Two models from the same seeds: one fit compiled, one eagerly; weights and logs compared exactly. */
async function twin(kind: 'mlp' | 'cnn' | 'transformer', make: (seed: number) => eg.Model, n: number, batchSize: number) {
  const a = make(3), b = make(3);
  const { x, y } = data(kind, n);
  const args = { epochs: 2, batchSize, verbose: 0 as const, seed: 5 };
  const ha = await a.fit(x, y, { ...args });
  const hb = await b.fit(x, y, { ...args, compile: false });
  return { a, b, x, y, ha, hb };
}

/**
 * trainOnBatch and fitDataset, compiled (the default) against compile: false on twin models:
 * losses, accuracies and weights equal bit for bit; batches of 8 replay, a size of 5 traces its own
 * step, and a trainOnBatch of fit's batch size replays fit's plan (same key).
 */
async function batchEntryPoints(kind: 'mlp' | 'cnn', make: (seed: number) => eg.Model): Promise<void> {
  const a = make(3), b = make(3);
  const { x, y } = data(kind, 21);
  const rows = (t: eg.Tensor, from: number, n: number) => eg.slice(t, [from, ...t.shape.slice(1).map(() => 0)], [n, ...t.shape.slice(1)]);
  const got: unknown[] = [], want: unknown[] = [];
  for (const [from, n] of [[0, 8], [8, 8], [16, 5], [0, 8], [13, 8], [16, 5], [3, 8]]) {
    const xb = rows(x, from, n), yb = rows(y, from, n);
    got.push(await a.trainOnBatch(xb, yb));
    want.push(await b.trainOnBatch(xb, yb, { compile: false }));
    xb.dispose(); yb.dispose();
  }
  expect(got).toEqual(want);
  expect(got.flat().every((v) => Number.isFinite(v))).toBe(true);
  expect(await weightsOf(a)).toEqual(await weightsOf(b));
  const at8 = () => a.compiledSteps().find((s) => s.key.startsWith('train:8:'))!;
  expect(at8().replaying).toBe(true);
  // 5 steps of 8: the first traces, the second traces again (Adam's slots made by the first), 3 replay.
  expect(at8().replays).toBe(3);
  expect(a.compiledSteps().find((s) => s.key.startsWith('train:5:'))!.replaying).toBe(true);
  expect(b.compiledSteps()).toEqual([]);
  // fitDataset over batches of 8 (the last of 5), 2 epochs: the same plans, replayed.
  const ds = () => eg.data.slices({ xs: x, ys: y }).batch(8);
  const ha = await a.fitDataset(ds(), { epochs: 2, verbose: 0 });
  const hb = await b.fitDataset(ds(), { epochs: 2, verbose: 0, compile: false });
  expect(ha.history.loss).toEqual(hb.history.loss);
  expect(ha.history.accuracy).toEqual(hb.history.accuracy);
  expect(await weightsOf(a)).toEqual(await weightsOf(b));
  expect(at8().replays).toBe(3 + 4);
  // fit at batch 8 (shuffle off, so the same batches as eager) replays the plan trainOnBatch traced.
  const fa = await a.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
  const fb = await b.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0, compile: false });
  expect(fa.history.loss).toEqual(fb.history.loss);
  expect(await weightsOf(a)).toEqual(await weightsOf(b));
  expect(at8().replays).toBe(3 + 4 + 2);
  for (const t of [a, b, x, y]) t.dispose();
}

describe.each(backends)('compiled steps on $label', (cfg) => {
  it('MLP with dropout and Adam on a schedule: compiled fit equals eager, bitwise, with a last smaller batch', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('mlp', mlp, 70, 16);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(ha.history.accuracy).toEqual(hb.history.accuracy);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    const steps = a.compiledSteps();
    const full = steps.find((s) => s.key.startsWith('train:16:'))!, last = steps.find((s) => s.key.startsWith('train:6:'))!;
    expect(full.replaying).toBe(true);
    // 2 epochs of 4 full batches: the first two trace (the first makes Adam's slots), 6 replay.
    expect(full.replays).toBe(6);
    expect(full.bytes).toBeGreaterThan(0);
    expect(last.replaying).toBe(true);
    expect(b.compiledSteps()).toEqual([]);
    // the loss gradient's seed (fills of ones scaled by 1/batch) is folded: run at the trace only
    expect(planOf(a, 'train:16:')!.folded).toBeGreaterThanOrEqual(4);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('CNN with batch-norm: compiled fit equals eager (weights and moving statistics)', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('cnn', cnn, 40, 8);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:8:'))!.replays).toBeGreaterThan(5);
    // folded: the loss gradient's seed and batch-norm's fills of ones
    expect(planOf(a, 'train:8:')!.folded).toBeGreaterThanOrEqual(6);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('transformer (attention, layerNorm, embedding): compiled fit equals eager', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('transformer', transformer, 24, 8);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:8:'))!.replaying).toBe(true);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('memory grown between replayed steps (an onBatchEnd that allocates): the input views follow, and fit still equals eager', async () => {
    // NOTE: on wasm also over an unshared memory, whose growth detaches the views a replay wrote
    // into (Node links a shared one by default: old views stay valid there).
    for (const sharedMemory of cfg.backend === 'wasm' ? [undefined, false] : [undefined]) {
      await eg.init({ ...(cfg.options as object), sharedMemory } as Parameters<typeof eg.init>[0]);
      const a = mlp(3), b = mlp(3);
      const { x, y } = data('mlp', 70);
      const held: eg.Tensor[] = [];
      const grown: boolean[] = [];
      // After the 3rd and 7th steps (replays, as is the step after each), a tensor larger than the
      // arena's free bytes: the memory grows.
      let calls = 0;
      const grow = {
        onBatchEnd: () => {
          if (++calls !== 3 && calls !== 7) return;
          const before = eg.memory().heapBytes ?? 0;
          held.push(eg.zeros([Math.ceil(((eg.memory().freeBytes ?? 0) + 2 ** 20) / 4)]));
          grown.push((eg.memory().heapBytes ?? 0) > before);
        },
      };
      const args = { epochs: 2, batchSize: 16, verbose: 0 as const, seed: 5 };
      const ha = await a.fit(x, y, { ...args, callbacks: grow });
      const hb = await b.fit(x, y, { ...args, compile: false });
      if (cfg.backend === 'wasm') expect(grown).toEqual([true, true]);
      expect(ha.history.loss).toEqual(hb.history.loss);
      expect(ha.history.accuracy).toEqual(hb.history.accuracy);
      expect(await weightsOf(a)).toEqual(await weightsOf(b));
      expect(a.compiledSteps().find((s) => s.key.startsWith('train:16:'))!.replays).toBe(6);
      for (const t of [a, b, x, y, ...held]) t.dispose();
    }
    await use(cfg);
  });

  it('setWeights between fits traces again and still equals eager', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('mlp', mlp, 48, 16);
    const fresh = mlp(11);
    const w = fresh.getWeights();
    a.setWeights(w);
    b.setWeights(w);
    const ha = await a.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 9 });
    const hb = await b.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 9, compile: false });
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    // The weights a fit wrote are the model's, not the tensors given to setWeights.
    expect(Array.from(w[0].dataSync())).toEqual(Array.from(fresh.weights[0].dataSync()));
    for (const t of [a, b, x, y, fresh, ...w]) t.dispose();
  });

  it('a rate changed by a callback, a frozen layer and a recompile between fits: still equal to eager', async () => {
    await use(cfg);
    const a = mlp(3), b = mlp(3);
    const { x, y } = data('mlp', 48);
    const run = async (m: eg.Sequential, compile: boolean) => {
      const cb = { onEpochEnd: () => { (m.optimizer as unknown as { learningRate: number }).learningRate = 0.002; } };
      return m.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 4, compile, callbacks: cb });
    };
    expect((await run(a, true)).history.loss).toEqual((await run(b, false)).history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    a.layers[0].trainable = false;
    b.layers[0].trainable = false;
    expect((await run(a, true)).history.loss).toEqual((await run(b, false)).history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    a.layers[0].trainable = true;
    b.layers[0].trainable = true;
    // NOTE: the replaced optimizers' slots are freed here, not left to the GC (which would move the
    // tensor count under the leak test below).
    const old = [a.optimizer!, b.optimizer!];
    for (const m of [a, b]) m.compile({ optimizer: eg.optimizers.rmsprop({ learningRate: 0.003 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    for (const o of old) o.dispose();
    expect((await run(a, true)).history.accuracy).toEqual((await run(b, false)).history.accuracy);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().some((s) => s.replaying && s.replays > 0)).toBe(true);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('evaluate compiled equals eager', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('cnn', cnn, 40, 8);
    const e1 = await a.evaluate(x, y, { batchSize: 16, compile: false });
    const e2 = await a.evaluate(x, y, { batchSize: 16 });
    const e3 = await a.evaluate(x, y, { batchSize: 16 });
    expect(e2).toEqual(e1);
    expect(e3).toEqual(e1);
    expect(a.compiledSteps().find((s) => s.key.startsWith('evaluate:16:'))!.replays).toBeGreaterThan(0);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('predict compiled equals eager, reads the input of each call, and batches with a last smaller one', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('cnn', cnn, 40, 8);
    const { x: x2, y: y2 } = data('cnn', 40, 99);
    const values = (t: eg.Tensor) => { const v = Array.from(t.dataSync()); t.dispose(); return v; };
    for (const input of [x, x2, x]) {
      const eager = values(a.predict(input, { batchSize: 16, compile: false }) as eg.Tensor);
      expect(values(a.predict(input, { batchSize: 16 }) as eg.Tensor)).toEqual(eager);
      expect(values(a.predict(input) as eg.Tensor)).toEqual(values(a.predict(input, { compile: false }) as eg.Tensor));
    }
    const p = a.compiledSteps().find((s) => s.key === 'predict:16')!;
    expect(p.replaying).toBe(true);
    expect(p.replays).toBeGreaterThan(3);
    const t = await twin('transformer', transformer, 12, 4);
    const ids = eg.tensor(Int32Array.from({ length: 3 * T }, (_, i) => (i * 5) % VOCAB), [3, T], 'int32');
    const eager = values(t.a.predict(ids, { compile: false }) as eg.Tensor);
    for (let k = 0; k < 3; k++) expect(values(t.a.predict(ids) as eg.Tensor)).toEqual(eager);
    const bad = eg.tensor(Int32Array.from({ length: 3 * T }, (_, i) => (i === 7 ? VOCAB : 0)), [3, T], 'int32');
    expect(() => t.a.predict(bad)).toThrow(/out of range|embedding/);
    for (const z of [a, b, x, y, x2, y2, t.a, t.b, t.x, t.y, ids, bad]) z.dispose();
  });

  it('a replayed step that meets a bad id throws before writing, and the model stays usable', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('transformer', transformer, 24, 8);
    const bad = eg.tensor(Int32Array.from({ length: 24 * T }, (_, i) => (i === 3 ? VOCAB + 4 : i % VOCAB)), [24, T], 'int32');
    const before = await weightsOf(a);
    await expect(a.fit(bad, y, { epochs: 1, batchSize: 8, verbose: 0, shuffle: false })).rejects.toThrow(/out of range|embedding/);
    expect(await weightsOf(a)).toEqual(before);
    const ha = await a.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, seed: 2 });
    const hb = await b.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, seed: 2, compile: false });
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    for (const t of [a, b, x, y, bad]) t.dispose();
  });

  it('leaks no tensors or bytes across epochs; plans show in eg.memory().planBytes and dispose frees them', async () => {
    await use(cfg);
    const m = mlp(3);
    const { x, y } = data('mlp', 64);
    await m.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    await settle();
    const after1 = eg.memory();
    await m.fit(x, y, { epochs: 3, batchSize: 16, verbose: 0 });
    await settle();
    const after2 = eg.memory();
    expect(after2.tensors).toBe(after1.tensors);
    expect(after2.bytes).toBe(after1.bytes);
    expect(after2.planBytes).toBe(after1.planBytes);
    const plans = m.compiledSteps().reduce((s, e) => s + e.bytes, 0);
    expect(plans).toBeGreaterThan(0);
    const before = eg.memory().planBytes;
    expect(before).toBeGreaterThanOrEqual(plans);
    m.dispose();
    expect(m.compiledSteps()).toEqual([]);
    expect(eg.memory().planBytes).toBe(before - plans);
    x.dispose(); y.dispose();
  });

  it('a step that reads values inside it runs eagerly, with the reason kept', async () => {
    await use(cfg);
    const a = readingModel(), b = readingModel();
    const { x, y } = readingData();
    const ha = await a.fit(x, y, { epochs: 2, batchSize: 5, verbose: 0, seed: 1 });
    const hb = await b.fit(x, y, { epochs: 2, batchSize: 5, verbose: 0, seed: 1, compile: false });
    expect(ha.history.loss).toEqual(hb.history.loss);
    const s = a.compiledSteps()[0];
    expect(s.replaying).toBe(false);
    expect(s.reason).toMatch(/dataSync/);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('dropout on attention probabilities (a fresh seed per step) keeps the step eager, with the reason', async () => {
    await use(cfg);
    const ids = eg.input({ shape: [T], dtype: 'int32' });
    let h = eg.layers.embedding({ inputDim: VOCAB, outputDim: 8, seed: 1 }).apply(ids);
    h = eg.layers.multiHeadAttention({ numHeads: 2, keyDim: 4, dropout: 0.2, seed: 2 }).apply([h, h]) as typeof h;
    const m = eg.model({ inputs: ids, outputs: eg.layers.dense({ units: VOCAB, activation: 'softmax', seed: 3 }).apply(h) });
    m.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    const { x, y } = data('transformer', 8);
    const hist = await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
    expect(hist.history.loss.every(Number.isFinite)).toBe(true);
    const s = m.compiledSteps().find((e) => e.key.startsWith('train:4:'))!;
    expect(s.replaying).toBe(false);
    expect(s.reason).toMatch(/random seed/);
    for (const t of [m, x, y]) t.dispose();
  });

  it('trainOnBatch and fitDataset replay compiled steps (fit\'s plans) and equal compile: false, bitwise (MLP with dropout, Adam on a schedule)', async () => {
    await use(cfg);
    await batchEntryPoints('mlp', mlp);
  });

  it('trainOnBatch and fitDataset compiled equal eager on the CNN with batch-norm (moving statistics), bitwise', async () => {
    await use(cfg);
    await batchEntryPoints('cnn', cnn);
  });

  it('trainOnBatch with sampleWeight, compiled, equals eager; a step that reads values inside it stays eager with the reason', async () => {
    await use(cfg);
    const a = mlp(3), b = mlp(3);
    const { x, y } = data('mlp', 12);
    const sw = eg.tensor(Float32Array.from({ length: 12 }, (_, i) => 0.5 + (i % 3)), [12]);
    for (let i = 0; i < 4; i++) {
      expect(await a.trainOnBatch(x, y, { sampleWeight: sw })).toEqual(await b.trainOnBatch(x, y, { sampleWeight: sw, compile: false }));
    }
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:12:'))!.replays).toBe(2);
    // A loss that reads its values on the host inside the step: eager, and the reason is kept.
    const c = readingModel(), d = readingModel();
    const { x: x3, y: y3 } = readingData();
    for (let i = 0; i < 3; i++) expect(await c.trainOnBatch(x3, y3)).toEqual(await d.trainOnBatch(x3, y3, { compile: false }));
    const s = c.compiledSteps()[0];
    expect(s.replaying).toBe(false);
    expect(s.reason).toMatch(/dataSync/);
    for (const t of [a, b, c, d, x, y, x3, y3, sw]) t.dispose();
  });

  it('keeps at most 16 plans per model: trainOnBatch over 20 batch sizes frees the oldest, and still equals eager', async () => {
    await use(cfg);
    const a = mlp(3), b = mlp(3);
    const { x, y } = data('mlp', 24);
    const before = eg.memory().planBytes;
    for (let n = 1; n <= 20; n++) {
      const xb = eg.slice(x, [0, 0], [n, 12]), yb = eg.slice(y, [0], [n]);
      expect(await a.trainOnBatch(xb, yb)).toEqual(await b.trainOnBatch(xb, yb, { compile: false }));
      xb.dispose(); yb.dispose();
    }
    const steps = a.compiledSteps();
    expect(steps.length).toBe(16);
    expect(steps[0].key.startsWith('train:5:')).toBe(true);
    expect(eg.memory().planBytes - before).toBe(steps.reduce((s, e) => s + e.bytes, 0));
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    a.dispose();
    expect(eg.memory().planBytes).toBe(before);
    for (const t of [b, x, y]) t.dispose();
  });

  it('hostView (wasm): a write through the view is what read returns; null for float16, size 0 and a size past the buffer', async () => {
    await use(cfg);
    const b = engine.backend!;
    if (cfg.backend !== 'wasm') { expect(b.hostView).toBeUndefined(); return; }
    const buf = b.alloc('float32', 10), ids = b.alloc('int32', 4), half = b.alloc('float16', 4);
    const v = b.hostView!(buf, 'float32', 10)!;
    expect(v).toBeInstanceOf(Float32Array);
    expect(v.length).toBe(10);
    v.set(Float32Array.from({ length: 10 }, (_, i) => i * 0.5 - 1));
    expect(Array.from(b.read(buf, 'float32', 10))).toEqual(Array.from({ length: 10 }, (_, i) => i * 0.5 - 1));
    const w = b.hostView!(ids, 'int32', 4)!;
    expect(w).toBeInstanceOf(Int32Array);
    w.set([7, -3, 2 ** 31 - 1, 0]);
    expect(Array.from(b.read(ids, 'int32', 4))).toEqual([7, -3, 2 ** 31 - 1, 0]);
    expect(b.hostView!(half, 'float16', 4)).toBeNull();
    expect(b.hostView!(buf, 'float32', 0)).toBeNull();
    expect(b.hostView!(ids, 'int32', 1000)).toBeNull();
    for (const x of [buf, ids, half]) b.free(x);
  });

  it('refuses a compile option that is not a boolean', async () => {
    await use(cfg);
    const m = mlp(3);
    const { x, y } = data('mlp', 8);
    await expect(m.fit(x, y, { compile: 'yes' as never, verbose: 0 })).rejects.toThrow(/compile must be true or false/);
    await expect(m.trainOnBatch(x, y, { compile: 1 as never })).rejects.toThrow(/trainOnBatch: compile must be true or false/);
    await expect(m.fitDataset(eg.data.slices({ xs: x, ys: y }).batch(4), { compile: 'no' as never, verbose: 0 })).rejects.toThrow(/fitDataset: compile must be true or false/);
    for (const t of [m, x, y]) t.dispose();
  });
});

const gpus = testBackends().filter((c) => c.backend === 'webgpu');
describe.each(gpus)('compiled steps on $label', (cfg) => {
  // NOTE: webgpu's steps keep their loss and accuracy sums on the device (DeviceSums): the traced
  // step computes the terms eager adds (loss x batch, correct count) as plan outputs, and each step
  // adds them to the sums with eager's add kernel; so compiled equals eager bit for bit here too.
  const bindGroups = () => eg.memory().bindGroups;

  it('MLP with dropout and Adam on a schedule: compiled fit equals eager, bitwise, with a last smaller batch', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('mlp', mlp, 70, 16);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(ha.history.accuracy).toEqual(hb.history.accuracy);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    const steps = a.compiledSteps();
    const full = steps.find((s) => s.key.startsWith('train:16:'))!, last = steps.find((s) => s.key.startsWith('train:6:'))!;
    expect(full.replaying).toBe(true);
    expect(full.replays).toBe(6);
    expect(last.replaying).toBe(true);
    expect(b.compiledSteps()).toEqual([]);
    expect(planOf(a, 'train:16:')!.folded).toBeGreaterThanOrEqual(4);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('trainOnBatch and fitDataset replay compiled steps (their sums terms as plan outputs) and equal compile: false, bitwise', async () => {
    await use(cfg);
    await batchEntryPoints('mlp', mlp);
  });

  it('a replayed fit step creates no bind group (after warm-up), leaks nothing, and its epochs equal eager', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('mlp', mlp, 64, 16);
    // NOTE: one more warm-up epoch: the sums' buffers settle into the pool's order.
    await a.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 6 });
    await b.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 6, compile: false });
    const before = bindGroups(), replays = a.compiledSteps().find((s) => s.key.startsWith('train:16:'))!.replays;
    await settle();
    const mem = eg.memory();
    const ha = await a.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 8 });
    expect(bindGroups()).toBe(before);
    // and leaks nothing: the sums' tensors are freed at each epoch's end, the plans keep their bytes
    await settle();
    const after = eg.memory();
    expect([after.tensors, after.bytes, after.planBytes]).toEqual([mem.tensors, mem.bytes, mem.planBytes]);
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:16:'))!.replays).toBe(replays + 8);
    const hb = await b.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 8, compile: false });
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(ha.history.accuracy).toEqual(hb.history.accuracy);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('CNN with batch-norm: compiled fit equals eager (weights and moving statistics)', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('cnn', cnn, 40, 8);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(ha.history.accuracy).toEqual(hb.history.accuracy);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:8:'))!.replays).toBeGreaterThan(5);
    // folded: the loss gradient's seed and batch-norm's fills of ones; dead (webgpu's trace): a gradient sum nothing reads
    const plan = planOf(a, 'train:8:')!;
    expect(plan.folded).toBeGreaterThanOrEqual(6);
    expect(plan.dead).toBeGreaterThanOrEqual(1);
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('transformer (attention, layerNorm, embedding): compiled fit equals eager', async () => {
    await use(cfg);
    const { a, b, x, y, ha, hb } = await twin('transformer', transformer, 24, 8);
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:8:'))).toMatchObject({ replaying: true });
    for (const t of [a, b, x, y]) t.dispose();
  });

  it('a replayed step that meets a bad id throws before writing (the ids\' host check reruns), and the model stays usable', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('transformer', transformer, 24, 8);
    expect(a.compiledSteps().find((s) => s.key.startsWith('train:8:'))!.replaying).toBe(true);
    const bad = eg.tensor(Int32Array.from({ length: 24 * T }, (_, i) => (i === 3 ? VOCAB + 4 : i % VOCAB)), [24, T], 'int32');
    const before = await weightsOf(a);
    await expect(a.fit(bad, y, { epochs: 1, batchSize: 8, verbose: 0, shuffle: false })).rejects.toThrow(/out of range|embedding/);
    expect(await weightsOf(a)).toEqual(before);
    const ha = await a.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, seed: 2 });
    const hb = await b.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, seed: 2, compile: false });
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    for (const t of [a, b, x, y, bad]) t.dispose();
  });

  it('evaluate compiled equals eager (loss, accuracy, a custom metric), and replays', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('cnn', cnn, 40, 8);
    b.dispose();
    const old = a.optimizer!;
    a.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy', 'precision'] });
    old.dispose();
    const e1 = await a.evaluate(x, y, { batchSize: 16, compile: false });
    const e2 = await a.evaluate(x, y, { batchSize: 16 });
    const e3 = await a.evaluate(x, y, { batchSize: 16 });
    expect(e2).toEqual(e1);
    expect(e3).toEqual(e1);
    expect(a.compiledSteps().find((s) => s.key.startsWith('evaluate:16:'))!.replays).toBeGreaterThan(0);
    for (const t of [a, x, y]) t.dispose();
  });

  it('predict compiled equals eager, reads the input of each call, with a last smaller batch', async () => {
    await use(cfg);
    const { a, b, x, y } = await twin('cnn', cnn, 40, 8);
    const { x: x2, y: y2 } = data('cnn', 40, 99);
    for (const input of [x, x2, x]) {
      const eager = a.predict(input, { batchSize: 16, compile: false }) as eg.Tensor;
      const c1 = a.predict(input, { batchSize: 16 }) as eg.Tensor;
      expect(Array.from(await c1.data())).toEqual(Array.from(await eager.data()));
      c1.dispose(); eager.dispose();
    }
    const p = a.compiledSteps().find((s) => s.key === 'predict:16')!;
    expect(p.replaying).toBe(true);
    expect(p.replays).toBeGreaterThan(3);
    for (const z of [a, b, x, y, x2, y2]) z.dispose();
  });
});

// The pool's worker-run steps (shared memory, Node): each worker traces its shard's step and
// replays it; the numbers must equal the eager workers'.
describe.runIf(backends.some((c) => c.backend === 'wasm'))('compiled steps in the pool', () => {
  it('fit with 2 workers: compiled shard steps equal eager ones (MLP, CNN with batch-norm)', async () => {
    await use(backends.find((c) => c.backend === 'wasm')!);
    const { poolWorkerUrl } = await import('./util/pool-worker.js');
    const pool = await eg.createPool({ workers: 2, workerUrl: await poolWorkerUrl() });
    try {
      const plain = (seed: number) => {
        const m = eg.sequential([
          eg.layers.dense({ units: 16, activation: 'relu', inputShape: [12], seed }),
          eg.layers.dense({ units: 4, activation: 'softmax', seed: seed + 1 }),
        ]);
        m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
        return m;
      };
      for (const [kind, make, n, batch] of [['mlp', plain, 70, 16], ['cnn', cnn, 36, 12]] as const) {
        const a = make(3), b = make(3);
        const { x, y } = data(kind, n);
        const args = { epochs: 2, batchSize: batch, verbose: 0 as const, seed: 5, pool };
        const ha = await a.fit(x, y, args);
        const hb = await b.fit(x, y, { ...args, compile: false });
        expect(ha.history.loss).toEqual(hb.history.loss);
        expect(ha.history.accuracy).toEqual(hb.history.accuracy);
        expect(await weightsOf(a)).toEqual(await weightsOf(b));
        for (const t of [a, b, x, y]) t.dispose();
      }
    } finally {
      await pool.close();
    }
  }, 120_000);
});
