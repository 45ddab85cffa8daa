// Sequential models end to end: learning XOR and a regression, input validation before training,
// callbacks and early stopping, evaluate/predict shapes, seeded determinism, summary.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, undisposed } from './util/backends.js';

const wasm = testBackends().find((c) => c.backend === 'wasm') ?? testBackends()[0];
beforeAll(async () => { await use(wasm); });

const xorX = () => eg.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const xorY = () => eg.tensor([[0], [1], [1], [0]]);

function xorModel(seed = 1) {
  const m = eg.sequential([
    eg.layers.dense({ units: 8, activation: 'tanh', inputShape: [2], seed }),
    eg.layers.dense({ units: 1, activation: 'sigmoid', seed: seed + 10 }),
  ]);
  m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.05 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return m;
}

function mnistLike(n: number, seed: number) {
  // 3 classes of 6-d points around distinct centres.
  const x = eg.randn([n, 6], { seed });
  const ids = new Int32Array(n).map((_, i) => i % 3);
  const centres = eg.tidy(() => eg.mul(eg.oneHot(eg.tensor(ids, [n], 'int32'), 6), 3));
  const xs = eg.add(x, centres);
  x.dispose(); centres.dispose();
  return { x: xs, y: eg.tensor(ids, [n], 'int32') };
}

describe('learning', () => {
  it('learns XOR', async () => {
    const m = xorModel();
    const h = await m.fit(xorX(), xorY(), { epochs: 300, batchSize: 4, verbose: 0, seed: 1 });
    expect(h.history.loss.at(-1)!).toBeLessThan(0.05);
    expect(h.history.accuracy.at(-1)).toBe(1);
    const p = Array.from(m.predict(xorX()).dataSync()).map((v) => Math.round(v));
    expect(p).toEqual([0, 1, 1, 0]);
    m.dispose();
  });

  it('learns a small regression (y = 2a - 3b + 1) with MSE and SGD by name', async () => {
    const x = eg.randu([256, 2], { seed: 4, low: -1, high: 1 });
    const y = eg.tidy(() => eg.add(eg.matmul(x, eg.tensor([[2], [-3]])), 1));
    const m = eg.sequential([eg.layers.dense({ units: 1, inputShape: [2], seed: 1 })]);
    m.compile({ optimizer: { name: 'sgd', learningRate: 0.1 }, loss: 'meanSquaredError' });
    const h = await m.fit(x, y, { epochs: 60, batchSize: 32, verbose: 0, seed: 2 });
    expect(h.history.loss.at(-1)!).toBeLessThan(1e-4);
    const [k, b] = m.getWeights().map((t) => Array.from(t.dataSync()));
    expect(k[0]).toBeCloseTo(2, 2); expect(k[1]).toBeCloseTo(-3, 2); expect(b[0]).toBeCloseTo(1, 2);
    m.dispose();
  });

  it('trains a softmax classifier on logits (fused loss), with validation and metrics from eg.metrics', async () => {
    const { x, y } = mnistLike(300, 5);
    const m = eg.sequential([
      eg.layers.dense({ units: 16, activation: 'relu', inputShape: [6], seed: 1 }),
      eg.layers.dropout({ rate: 0.1, seed: 1 }),
      eg.layers.dense({ units: 3, activation: 'softmax', seed: 2 }),
    ]);
    m.compile({ optimizer: { name: 'adam', learningRate: 0.01 }, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy', 'f1'] });
    const h = await m.fit(x, y, { epochs: 20, batchSize: 32, validationSplit: 0.2, verbose: 0, seed: 3 });
    expect(Object.keys(h.history).sort()).toEqual(['accuracy', 'loss', 'samplesPerSecond', 'val_accuracy', 'val_f1', 'val_loss'].sort());
    expect(h.history.val_accuracy.at(-1)!).toBeGreaterThan(0.9);
    expect(h.params).toEqual({ epochs: 20, batchSize: 32, samples: 240, steps: 8 });
    const logs = await m.evaluate(x, y);
    expect(logs.accuracy).toBeGreaterThan(0.9);
    expect(logs.f1).toBeGreaterThan(0.9);
    const p = m.predict(x, { batchSize: 64 });
    expect(p.shape).toEqual([300, 3]);
    const rows = p.dataSync();
    expect(rows[0] + rows[1] + rows[2]).toBeCloseTo(1, 5);
    m.dispose();
  });

  it('categorical cross-entropy with one-hot labels and an embedding + layerNormalization stack', async () => {
    const ids = eg.tensor(new Int32Array(64).map((_, i) => i % 8), [32, 2], 'int32');
    const cls = new Int32Array(32).map((_, i) => (2 * i) % 8 >= 4 ? 1 : 0);
    const y = eg.oneHot(eg.tensor(cls, [32], 'int32'), 2);
    const m = eg.sequential([
      eg.layers.embedding({ inputDim: 8, outputDim: 4, inputLength: 2, seed: 1 }),
      eg.layers.flatten(),
      eg.layers.layerNormalization(),
      eg.layers.dense({ units: 2, seed: 2 }),
      eg.layers.softmax(),
    ]);
    m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.05 }), loss: 'categoricalCrossentropy', metrics: ['acc'] });
    const h = await m.fit(ids, y, { epochs: 40, batchSize: 8, verbose: 0, seed: 1 });
    expect(h.history.acc.at(-1)).toBe(1);
    expect(m.predict(ids).shape).toEqual([32, 2]);
    m.dispose();
  });
});

describe('fit validates before training', () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [];
  const model = () => {
    const m = eg.sequential([eg.layers.dense({ units: 3, activation: 'softmax', inputShape: [4], seed: 1 })]);
    m.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    return m;
  };
  cases.push(['x with the wrong feature shape', () => model().fit(eg.ones([5, 3]), eg.zeros([5], 'int32')), /x has shape \[5,3\] but the model expects \(None, 4\)/]);
  cases.push(['different sample counts', () => model().fit(eg.ones([5, 4]), eg.zeros([4], 'int32')), /x has 5 samples but y has shape \[4\]/]);
  cases.push(['labels out of range', () => model().fit(eg.ones([2, 4]), eg.tensor([0, 3], [2], 'int32')), /label 3 at index 1, out of range for 3 classes/]);
  cases.push(['negative labels', () => model().fit(eg.ones([2, 4]), eg.tensor([-1, 0], [2], 'int32')), /label -1 at index 0/]);
  cases.push(['one-hot labels given to the sparse loss', () => model().fit(eg.ones([2, 4]), eg.oneHot(eg.tensor([0, 1], [2], 'int32'), 3)), /expects \[2\]/]);
  cases.push(['non-integer float labels', () => model().fit(eg.ones([2, 4]), eg.tensor([0.5, 1])), /integer class ids/]);
  cases.push(['int32 x for a dense model', () => model().fit(eg.ones([2, 4], 'int32'), eg.zeros([2], 'int32')), /x has dtype int32 but the model expects float32/]);
  cases.push(['NaN in x', () => model().fit(eg.tensor([[0, 1, NaN, 2]]), eg.zeros([1], 'int32')), /non-finite value \(NaN\) at flat index 2/]);
  cases.push(['a bad batch size', () => model().fit(eg.ones([2, 4]), eg.zeros([2], 'int32'), { batchSize: 0 }), /batchSize must be a positive integer/]);
  cases.push(['workers and pool together', () => model().fit(eg.ones([2, 4]), eg.zeros([2], 'int32'), { workers: 2, pool: {} as never }), /give `workers` or `pool`, not both/]);
  cases.push(['an uncompiled model', () => eg.sequential([eg.layers.dense({ units: 1, inputShape: [1] })]).fit(eg.ones([1, 1]), eg.ones([1, 1])), /not compiled/]);
  cases.push(['binary targets outside [0, 1]', async () => {
    const m = eg.sequential([eg.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })]);
    m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    return m.fit(eg.ones([2, 2]), eg.tensor([[0], [2]]));
  }, /holds 2 at flat index 1; binaryCrossentropy expects targets in \[0, 1\]/]);
  cases.push(['categorical labels of the wrong width', async () => {
    const m = eg.sequential([eg.layers.dense({ units: 3, activation: 'softmax', inputShape: [2] })]);
    m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    return m.fit(eg.ones([2, 2]), eg.ones([2, 4]));
  }, /y has shape \[2,4\] but categoricalCrossentropy \(one-hot rows\) expects \[2,3\]/]);

  it.each(cases)('%s', async (_, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });

  it('does not touch the weights when validation fails', async () => {
    const m = model();
    const before = Array.from(m.weights[0].dataSync());
    let batches = 0;
    await expect(m.fit(eg.ones([3, 4]), eg.tensor([0, 1, 7], [3], 'int32'), { callbacks: { onBatchEnd: () => { batches++; } } })).rejects.toThrow(/out of range/);
    expect(batches).toBe(0);
    expect(Array.from(m.weights[0].dataSync())).toEqual(before);
  });

  it('compile refuses unknown losses, optimizers and metrics', () => {
    const m = eg.sequential([eg.layers.dense({ units: 1, inputShape: [1] })]);
    expect(() => m.compile({ optimizer: 'sgd', loss: 'poisson' as never })).toThrow(/unknown loss "poisson"/);
    // @ts-expect-error: an unknown name is a compile error too (OptimizerSpec is a closed union); JS callers get the throw
    expect(() => m.compile({ optimizer: 'nadam', loss: 'mse' })).toThrow(/unknown optimizer/);
    expect(() => m.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['accuracy'] })).toThrow(/needs a classification loss/);
    expect(() => m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['top5'] })).toThrow(/unknown metric "top5"/);
  });
});

describe('callbacks', () => {
  it('calls the hooks in order with logs', async () => {
    const m = xorModel();
    const calls: string[] = [];
    await m.fit(xorX(), xorY(), {
      epochs: 2, batchSize: 2, verbose: 0,
      callbacks: {
        onTrainBegin: () => { calls.push('trainBegin'); },
        onEpochBegin: (e) => { calls.push(`epochBegin ${e}`); },
        onBatchEnd: (b, logs) => { calls.push(`batch ${b} ${typeof logs.loss}`); },
        onEpochEnd: async (e, logs) => { await Promise.resolve(); calls.push(`epochEnd ${e} ${'accuracy' in logs}`); },
        onTrainEnd: () => { calls.push('trainEnd'); },
      },
    });
    expect(calls).toEqual([
      'trainBegin', 'epochBegin 0', 'batch 0 number', 'batch 1 number', 'epochEnd 0 true',
      'epochBegin 1', 'batch 0 number', 'batch 1 number', 'epochEnd 1 true', 'trainEnd',
    ]);
    m.dispose();
  });

  it('earlyStopping stops when the monitored value stops improving and restores the best weights', async () => {
    const m = xorModel();
    m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0 }), loss: 'binaryCrossentropy' });
    const stop = eg.earlyStopping({ monitor: 'loss', patience: 2, restoreBestWeights: true });
    const h = await m.fit(xorX(), xorY(), { epochs: 50, batchSize: 4, verbose: 0, callbacks: [stop] });
    expect(h.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
    expect(stop.bestEpoch).toBe(0);
    m.dispose();
  });

  it('earlyStopping names a missing monitor', async () => {
    const m = xorModel();
    await expect(m.fit(xorX(), xorY(), { epochs: 2, verbose: 0, callbacks: eg.earlyStopping({ monitor: 'val_auc' }) })).rejects.toThrow(/'val_auc' is not in the epoch logs/);
    m.dispose();
  });
});

describe('determinism, shapes, summary, memory', () => {
  it('the same seeds give the same weights after training', async () => {
    const run = async () => {
      const { x, y } = mnistLike(96, 8);
      const m = eg.sequential([
        eg.layers.dense({ units: 8, activation: 'relu', inputShape: [6], seed: 3 }),
        eg.layers.dropout({ rate: 0.3, seed: 4 }),
        eg.layers.dense({ units: 3, activation: 'softmax', seed: 5 }),
      ]);
      m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      await m.fit(x, y, { epochs: 3, batchSize: 16, seed: 9, verbose: 0 });
      const w = m.weights.map((v) => Array.from(v.dataSync()));
      m.dispose(); x.dispose(); y.dispose();
      return w;
    };
    expect(await run()).toEqual(await run());
  });

  it('predict batches give the same result as one pass, and evaluate returns loss and metrics', async () => {
    const m = xorModel();
    const x = eg.randn([300, 2], { seed: 1 });
    const one = m.predict(x, { batchSize: 1000 }).dataSync();
    const many = m.predict(x, { batchSize: 7 }).dataSync();
    expect(Array.from(many)).toEqual(Array.from(one));
    expect(Object.keys(await m.evaluate(xorX(), xorY()))).toEqual(['loss', 'accuracy']);
    m.dispose();
  });

  it('summary lists layers, output shapes and parameter counts', () => {
    const m = eg.sequential([
      eg.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      eg.layers.dropout({ rate: 0.1, name: 'drop' }),
      eg.layers.dense({ units: 10, activation: 'softmax', name: 'out' }),
    ], { name: 'mlp' });
    const lines: string[] = [];
    const text = m.summary((l) => lines.push(l));
    expect(text).toContain('Model: "mlp"');
    expect(text).toMatch(/drop \(Dropout\)\s+\(None, 128\)\s+0/);
    expect(text).toMatch(/out \(Dense\)\s+\(None, 10\)\s+1,290/);
    expect(text).toContain('Total params: 101,770');
    m.dispose();
  });

  it('fit leaves no tensors behind', async () => {
    const m = xorModel();
    const x = xorX(), y = xorY();
    await m.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    const before = undisposed();
    await m.fit(x, y, { epochs: 3, batchSize: 3, verbose: 0, validationData: [x, y] });
    await m.evaluate(x, y);
    expect(undisposed()).toBe(before);
    m.dispose();
  });
});
