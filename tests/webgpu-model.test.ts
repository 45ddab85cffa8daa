// Models on the webgpu backend: compile/fit/evaluate/predict/save/loadModel, the optimizers'
// state and the metrics, against the same training on wasm. webgpu cannot read synchronously, so
// fit keeps the epoch's loss and correct count on the device and reads them once per epoch (per
// batch only when an onBatchEnd callback asks). Runs when a WebGPU adapter exists (Node: Dawn +
// SwiftShader); EDGEGRAD_REQUIRE_WEBGPU=1 makes a missing one fail. Sizes are small: SwiftShader is slow.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import type { GpuRuntime } from '../src/backends/webgpu/runtime.js';
import { webgpuAdapter } from './util/backends.js';
import { Rng } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;
type Model = ReturnType<typeof eg.sequential>;

const { adapter, reason } = await webgpuAdapter();

const N = 240, F = 8, C = 3;
/** Host data: 3 classes of 8-d points around distinct centres (some overlap, so accuracy < 1 early). */
function hostData(seed: number) {
  const rng = new Rng(seed);
  const x = new Float32Array(N * F), y = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    y[i] = rng.int(0, C);
    for (let j = 0; j < F; j++) x[i * F + j] = rng.normal() + (j === y[i] ? 1.5 : 0);
  }
  return { x, y };
}

function mlp(): Model {
  return eg.sequential([
    eg.layers.dense({ units: 16, activation: 'relu', inputShape: [F], seed: 1 }),
    eg.layers.dense({ units: C, activation: 'softmax', seed: 2 }),
  ], { name: 'mlp' });
}

const compileArgs = (metrics: string[] = ['accuracy']) => ({
  optimizer: eg.optimizers.adam({ learningRate: 0.02 }), loss: 'sparseCategoricalCrossentropy' as const, metrics,
});

interface Run {
  history: Record<string, number[]>;
  batchLoss: number[];
  evaluate: Record<string, number>;
  predict: Float32Array;
  iterations: number;
}

/** The same training on the active backend, every value read with await data(). */
async function train(opts: { batchLogs?: boolean; metrics?: string[] } = {}): Promise<Run> {
  const d = hostData(3);
  const x = eg.tensor(d.x, [N, F]), y = eg.tensor(d.y, [N], 'int32');
  const m = mlp();
  m.compile(compileArgs(opts.metrics));
  const batchLoss: number[] = [];
  const callbacks = opts.batchLogs ? { onBatchEnd: (_b: number, logs: eg.Logs) => { batchLoss.push(logs.loss); } } : [];
  const h = await m.fit(x, y, { epochs: 3, batchSize: 32, seed: 5, verbose: 0, validationSplit: 0.2, callbacks });
  const evaluate = await m.evaluate(x, y, { batchSize: 100 });
  const p = m.predict(x, { batchSize: 100 });
  const predict = (await p.data()) as Float32Array;
  const iterations = m.optimizer!.iterations;
  p.dispose(); m.dispose(); x.dispose(); y.dispose();
  return { history: h.history, batchLoss, evaluate, predict, iterations };
}

const close = (a: number, b: number, tol = 2e-4) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe.skipIf(!adapter)(`models on webgpu (${adapter?.name ?? `no adapter: ${reason}`})`, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await eg.init({ backend: 'js' });
  });
  const onBackend = async <T>(backend: 'wasm' | 'webgpu', f: () => Promise<T>): Promise<T> => {
    await eg.init({ backend });
    return f();
  };

  let wasm: Run, gpu: Run;
  it('fit (Adam, sparse cross-entropy, validationSplit) follows the wasm loss curve; evaluate and predict match', async () => {
    wasm = await onBackend('wasm', () => train({ metrics: ['accuracy', 'precision', 'f1'] }));
    gpu = await onBackend('webgpu', () => train({ metrics: ['accuracy', 'precision', 'f1'] }));
    expect(Object.keys(gpu.history).sort()).toEqual(Object.keys(wasm.history).sort());
    for (const k of ['loss', 'val_loss']) {
      gpu.history[k].forEach((v, i) => expect(close(v, wasm.history[k][i]), `${k}[${i}] ${v} vs ${wasm.history[k][i]}`).toBe(true));
    }
    // accuracy counts argmax hits: equal unless a row is a near-tie; allow one sample either way
    for (const k of ['accuracy', 'val_accuracy', 'val_precision', 'val_f1']) {
      gpu.history[k].forEach((v, i) => expect(Math.abs(v - wasm.history[k][i])).toBeLessThanOrEqual(2 / 48));
    }
    expect(wasm.history.loss[2]).toBeLessThan(wasm.history.loss[0]);
    expect(gpu.iterations).toBe(wasm.iterations);
    expect(close(gpu.evaluate.loss, wasm.evaluate.loss)).toBe(true);
    for (const k of ['accuracy', 'precision', 'f1']) expect(Math.abs(gpu.evaluate[k] - wasm.evaluate[k])).toBeLessThanOrEqual(2 / N);
    let worst = 0;
    gpu.predict.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - wasm.predict[i])); });
    expect(worst).toBeLessThan(1e-4);
  });

  it('onBatchEnd gets per-batch logs (read per batch since it asks) matching wasm', async () => {
    const w = await onBackend('wasm', () => train({ batchLogs: true }));
    const g = await onBackend('webgpu', () => train({ batchLogs: true }));
    expect(g.batchLoss.length).toBe(w.batchLoss.length);
    g.batchLoss.forEach((v, i) => expect(close(v, w.batchLoss[i]), `batch ${i}: ${v} vs ${w.batchLoss[i]}`).toBe(true));
    g.history.loss.forEach((v, i) => expect(close(v, wasm.history.loss[i])).toBe(true));
  });

  it('fit reads nothing back per step: two reads per epoch (loss and correct count) after reading the data', async () => {
    await eg.init({ backend: 'webgpu' });
    const d = hostData(3);
    const x = eg.tensor(d.x, [N, F]), y = eg.tensor(d.y, [N], 'int32');
    const m = mlp();
    m.compile(compileArgs());
    const rt = (engine.backend as unknown as { runtime: GpuRuntime }).runtime;
    const reads = vi.spyOn(rt, 'read');
    const h = await m.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 5 });
    // x and y are read once (checks, batches), then loss + correct per epoch: 15 steps each
    expect(reads.mock.calls.length).toBe(2 + 2 * 2);
    reads.mockRestore();
    expect(h.history.loss.every(Number.isFinite)).toBe(true);
    m.dispose(); x.dispose(); y.dispose();
  });

  it('save / loadModel round trip on webgpu: weights, optimizer state, predictions, and training resumes alike', async () => {
    await eg.init({ backend: 'webgpu' });
    const d = hostData(4);
    const x = eg.tensor(d.x, [N, F]), y = eg.tensor(d.y, [N], 'int32');
    const m = mlp();
    m.compile(compileArgs());
    await m.fit(x, y, { epochs: 1, batchSize: 32, seed: 2, verbose: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'edgegrad-webgpu-model-'));
    dirs.push(dir);
    await m.save(dir);
    const back = await eg.loadModel(dir);
    expect(back.optimizer!.iterations).toBe(m.optimizer!.iterations);
    const [w0, w1] = [m.weights, back.weights];
    for (let i = 0; i < w0.length; i++) expect(Array.from(await w1[i].data())).toEqual(Array.from(await w0[i].data()));
    const [p0, p1] = [m.predict(x), back.predict(x)];
    expect(Array.from(await p1.data())).toEqual(Array.from(await p0.data()));
    p0.dispose(); p1.dispose();
    // the Adam moments and step came back: one more epoch gives the same loss on both
    const [h0, h1] = [await m.fit(x, y, { epochs: 1, batchSize: 32, seed: 9, verbose: 0 }), await back.fit(x, y, { epochs: 1, batchSize: 32, seed: 9, verbose: 0 })];
    expect(h1.history.loss[0]).toBe(h0.history.loss[0]);
    // in-memory artifacts too, and getWeights copies (no readback) keep their values after training
    const copies = m.getWeights();
    const before = await copies[0].data();
    await m.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
    expect(Array.from(await copies[0].data())).toEqual(Array.from(before));
    expect(Array.from(await m.weights[0].data())).not.toEqual(Array.from(before));
    for (const c of copies) c.dispose();
    back.dispose(); m.dispose(); x.dispose(); y.dispose();
  });

  it('earlyStopping with restoreBestWeights runs on webgpu and puts the best weights back', async () => {
    await eg.init({ backend: 'webgpu' });
    const d = hostData(5);
    const x = eg.tensor(d.x, [N, F]), y = eg.tensor(d.y, [N], 'int32');
    const m = mlp();
    m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0 }), loss: 'sparseCategoricalCrossentropy' });
    const first = await m.weights[0].data();
    const stop = eg.earlyStopping({ monitor: 'loss', patience: 2, restoreBestWeights: true });
    // no shuffle: with a rate of 0 every epoch then sums the same batches in the same order (same loss)
    const h = await m.fit(x, y, { epochs: 20, batchSize: 64, shuffle: false, verbose: 0, callbacks: [stop] });
    expect(h.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
    expect(Array.from(await m.weights[0].data())).toEqual(Array.from(first));
    m.dispose(); x.dispose(); y.dispose();
  });

  it('metrics: the sync functions work where no read is needed; metrics.compute gives wasm\'s values', async () => {
    const rng = new Rng(11);
    const n = 64;
    const probs = Array.from({ length: n * C }, () => rng.uniform(0, 1));
    const ids = Array.from({ length: n }, () => rng.int(0, C));
    const bin = Array.from({ length: n }, () => rng.int(0, 2));
    const score = Array.from({ length: n }, () => rng.uniform(0, 1));
    const results: Record<string, number>[] = [];
    for (const backend of ['wasm', 'webgpu'] as const) {
      await eg.init({ backend });
      const yp = eg.tensor(probs, [n, C]), yt = eg.tensor(ids, [n], 'int32');
      const bt = eg.tensor(bin, [n]), bs = eg.tensor(score, [n]);
      const r: Record<string, number> = {};
      for (const k of ['accuracy', 'precision', 'recall', 'f1'] as const) r[k] = await eg.metrics.compute(k, yt, yp);
      r.auc = await eg.metrics.compute('auc', bt, bs);
      r.custom = await eg.metrics.compute((a: Tensor, b: Tensor) => eg.mean(eg.mul(eg.cast(a, 'float32'), eg.sum(b, -1))), yt, yp);
      // accuracy with host-written int32 labels needs no read (their host copy is range-checked)
      const acc = eg.metrics.accuracy(yt, yp);
      r.syncAccuracy = (await acc.data())[0];
      acc.dispose();
      if (backend === 'webgpu') {
        expect(() => eg.metrics.precision(yt, yp)).toThrow(/await eg\.metrics\.compute\('precision'/);
        expect(() => eg.metrics.auc(bt, bs)).toThrow(/await eg\.metrics\.compute\('auc'/);
      }
      results.push(r);
      for (const t of [yp, yt, bt, bs]) t.dispose();
    }
    for (const k of Object.keys(results[0])) expect(close(results[1][k], results[0][k], 1e-5), `${k}: ${results[1][k]} vs ${results[0][k]}`).toBe(true);
  });
});
