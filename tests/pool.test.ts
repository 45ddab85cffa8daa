// The worker pool: the same cases run in-thread (workers: 0) and through worker threads and must
// agree with single-thread results; uneven shards keep their order; faults are named and survived;
// close() lets the process exit; data-parallel training follows the 1-worker loss curve.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { sequential, type Sequential } from '../src/model/index.js';
import { layers } from '../src/layers/index.js';
import { adam, sgd } from '../src/optimizers/optimizers.js';
import { fitDataParallel } from '../src/model/parallel/train.js';
import { shardSizes } from '../src/pool/pool.js';
import { copiesOf, modelId } from '../src/model/parallel/client.js';
import { engine } from '../src/engine.js';
import type { WasmBackend } from '../src/backends/wasm.js';
import { poolWorkerUrl } from './util/pool-worker.js';
import { Scaled, registerScaled } from './util/state-layer.js';
import { gpt } from '../src/cli-text.js';

let workerUrl: URL;
beforeAll(async () => {
  await eg.init({ backend: 'wasm', wasmBuild: process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd' });
  workerUrl = await poolWorkerUrl();
});

const mlp = (inputs: number, hidden: number, classes: number, seed = 1): Sequential => {
  const init = (s: number) => ({ name: 'glorotUniform', seed: s }) as never;
  const m = sequential([
    layers.dense({ units: hidden, activation: 'relu', inputShape: [inputs], kernelInitializer: init(seed) }),
    layers.dense({ units: classes, activation: 'softmax', kernelInitializer: init(seed + 1) }),
  ]);
  m.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
  return m;
};

/** Records the model jobs a pool runs (their names) and why worker-run steps ran eagerly, if they did. */
const watchJobs = (pool: eg.Pool) => {
  const seen = { names: [] as string[], eager: [] as string[] };
  const run = pool.runJob.bind(pool);
  pool.runJob = (async (remote: never, name: never, args: never, transfer?: boolean) => {
    seen.names.push(name);
    const r = await run(remote, name, args, transfer);
    const why = (r as { eager?: string | null } | undefined)?.eager;
    if (name === 'model.steps' && why) seen.eager.push(why);
    return r;
  }) as never;
  return seen;
};

/** `o` without its step planning: worker-run steps cannot apply it, so the caller sums the gradients and applies it. */
const callerOnly = (o: eg.Optimizer): eg.Optimizer => ({
  get name() { return o.name; },
  get iterations() { return o.iterations; },
  currentLearningRate: () => o.currentLearningRate(),
  apply: (v, g) => o.apply(v, g),
  getConfig: () => o.getConfig(),
  getState: () => o.getState(),
  setState: (s) => o.setState(s),
  dispose: () => o.dispose(),
});

const same = (got: eg.Tensor, want: eg.Tensor) => {
  expect(got.shape).toEqual(want.shape);
  expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
};

it('shardSizes: contiguous, larger shards first, none empty', () => {
  expect(shardSizes(10, 3)).toEqual([4, 3, 3]);
  expect(shardSizes(2, 3)).toEqual([1, 1]);
  expect(shardSizes(1, 4)).toEqual([1]);
  expect(shardSizes(8, 2)).toEqual([4, 4]);
});

// One list of cases, run against an in-thread pool and real workers (2, and 3 for uneven shards), on
// the caller's shared memory and with copies ('transfer').
const configs = [
  { label: 'in-thread', workers: 0 },
  { label: '2 workers', workers: 2 },
  { label: '3 workers', workers: 3 },
  { label: '2 workers, transfer', workers: 2, memory: 'transfer' as const },
];
for (const cfg of configs) {
  describe(`pool, ${cfg.label}`, () => {
    let pool: eg.Pool;
    beforeAll(async () => { pool = await eg.createPool({ workers: cfg.workers, workerUrl, matmulMinFlops: 0, memory: cfg.memory }); });
    afterAll(() => pool.close());

    it(`runs in ${cfg.memory ?? 'shared'} mode`, () => {
      expect(pool.mode).toBe(cfg.memory ?? 'shared');
    });

    it('matmul equals the single-thread result (NN, NT, TN; rows not divisible by workers)', async () => {
      for (const [tA, tB] of [[false, false], [false, true], [true, false]] as const) {
        const M = 67, K = 33, N = 29;
        const a = eg.randn(tA ? [K, M] : [M, K], { seed: 1 }), b = eg.randn(tB ? [N, K] : [K, N], { seed: 2 });
        const opts = { transposeA: tA, transposeB: tB };
        same(await pool.matmul(a, b, opts), eg.matmul(a, b, opts));
      }
    });

    it('matmul on batched operands runs in-thread and still agrees', async () => {
      const a = eg.randn([2, 5, 4], { seed: 3 }), b = eg.randn([2, 4, 3], { seed: 4 });
      same(await pool.matmul(a, b), eg.matmul(a, b));
    });

    it('predict equals model.predict and keeps order: batch 1, 2, 7 (uneven), 64', async () => {
      const model = mlp(12, 16, 5);
      for (const n of [1, 2, 7, 64]) {
        const x = eg.randn([n, 12], { seed: n });
        same(await pool.predict(model, x), model.predict(x));
      }
    });

    it('sends the model once; new weights reach the workers (moved in transfer mode, read in place when shared)', async () => {
      const model = mlp(6, 8, 3, 5);
      const x = eg.randn([9, 6], { seed: 9 });
      await pool.predict(model, x);
      const id = modelId(pool, model);
      const v1 = copiesOf(pool.slotAt(0)).get(id);
      await pool.predict(model, x);
      expect(copiesOf(pool.slotAt(0)).get(id)).toBe(v1);
      // new storage for every weight
      model.setWeights(model.weights.map((w) => eg.mul(w, 0.5)));
      same(await pool.predict(model, x), model.predict(x));
      if (pool.mode === 'transfer') expect(copiesOf(pool.slotAt(0)).get(id)).not.toBe(v1);
      else expect(copiesOf(pool.slotAt(0)).get(id)).toBe(v1);
      // the same storage, updated in place by an optimizer step
      await model.fit(eg.randn([8, 6], { seed: 1 }), eg.oneHot(eg.tensor([0, 1, 2, 0, 1, 2, 0, 1], [8], 'int32'), 3), { epochs: 1, batchSize: 8, verbose: 0 });
      same(await pool.predict(model, x), model.predict(x));
    });

    // NOTE: an in-thread pool's tensors are the caller's own, counted with the test's.
    it.skipIf(cfg.workers === 0)('workers hold nothing for the caller once calls return (skipped in-thread: no worker memory of its own)', async () => {
      const model = mlp(5, 7, 3, 2);
      await pool.predict(model, eg.randn([4, 5], { seed: 1 }));
      const before = await pool.workerMemory();
      for (let i = 0; i < 5; i++) {
        await pool.predict(model, eg.randn([11, 5], { seed: i }));
        await pool.matmul(eg.randn([13, 8], { seed: i }), eg.randn([8, 6], { seed: 2 }));
      }
      await fitDataParallel(model, eg.randn([20, 5], { seed: 3 }), eg.oneHot(eg.tensor(Array.from({ length: 20 }, (_, i) => i % 3), [20], 'int32'), 3),
        { epochs: 1, batchSize: 8, seed: 1 }, pool);
      // releases are posted without waiting: a round trip to every worker lets them land first
      expect(await pool.workerMemory()).toEqual(before);
    });

    it('a model replaced under its id (a layer added, a layer frozen) is sent again and its old copies dropped', async () => {
      const before = cfg.workers ? await pool.workerMemory() : [];
      const added = () => (cfg.workers ? pool.workerMemory() : Promise.resolve([])).then((ws) => ws.map((w, j) => w.tensors - before[j].tensors));
      const make = () => {
        const m = mlp(5, 7, 3, 30);
        m.add(layers.dense({ units: 2, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 33 } as never }));
        m.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
        return m;
      };
      const x = eg.randn([6, 5], { seed: 1 });
      const y = eg.oneHot(eg.tensor([0, 1, 1, 0, 1, 0], [6], 'int32'), 2);
      const model = mlp(5, 7, 3, 30);
      (await pool.predict(model, x)).dispose();
      const id = modelId(pool, model);
      expect(await added()).toEqual(before.map(() => 4));
      // the sequential's graph is rebuilt: the copies would predict with the old one
      model.add(layers.dense({ units: 2, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 33 } as never }));
      model.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
      same(await pool.predict(model, x), model.predict(x));
      expect(modelId(pool, model)).toBe(id);
      expect(await added()).toEqual(before.map(() => 6));
      // a frozen layer: the copies would send gradients for weights the caller no longer trains
      model.layers[0].trainable = false;
      const frozen = model.layers[0].weights.map((w) => Array.from(w.dataSync()));
      const got = (await fitDataParallel(model, x, y, { epochs: 2, batchSize: 6, seed: 1 }, pool)).history.loss;
      const ref = make();
      ref.layers[0].trainable = false;
      const want = (await ref.fit(x, y, { epochs: 2, batchSize: 6, seed: 1, verbose: 0 })).history.loss;
      got.forEach((l, i) => expect(Math.abs(l - want[i])).toBeLessThanOrEqual(1e-5 * Math.abs(want[i])));
      expect(model.layers[0].weights.map((w) => Array.from(w.dataSync()))).toEqual(frozen);
      same(await pool.predict(model, x), model.predict(x));
      expect(await added()).toEqual(before.map(() => 6));
      model.dispose();
      ref.dispose();
      expect(await added()).toEqual(before.map(() => 0));
    });

    it.skipIf(cfg.workers === 0)('workers let go of their copy of a model once the caller disposes it', async () => {
      const before = await pool.workerMemory();
      const x = eg.randn([6, 5], { seed: 1 });
      for (let i = 0; i < 3; i++) {
        const model = mlp(5, 7, 3, 20 + i);
        (await pool.predict(model, x)).dispose();
        const holding = await pool.workerMemory();
        expect(holding.every((w, j) => w.tensors === before[j].tensors + 4)).toBe(true);
        model.dispose();
      }
      expect(await pool.workerMemory()).toEqual(before);
      x.dispose();
    });
  });
}

describe('pool faults', () => {
  let pool: eg.Pool;
  const a = () => eg.randn([40, 30], { seed: 1 }), b = () => eg.randn([30, 20], { seed: 2 });
  const works = async () => same(await pool.matmul(a(), b()), eg.matmul(a(), b()));
  beforeAll(async () => { pool = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0 }); });
  afterAll(() => pool.close());

  it('a worker that throws rejects with its index and message, and keeps serving', async () => {
    await expect(pool.fault(1, { kind: 'throw', message: 'boom' })).rejects.toThrow(/pool worker 1 .*boom/);
    await works();
  });

  it('a worker that calls process.exit is reported and replaced', async () => {
    await expect(pool.fault(0, { kind: 'exit', code: 3 })).rejects.toThrow(/pool worker 0 exited with code 3/);
    await works();
    expect(pool.size).toBe(2);
  });

  it('an uncaught error in a worker is reported and the worker replaced', async () => {
    await expect(pool.fault(1, { kind: 'uncaught', message: 'bang' })).rejects.toThrow(/pool worker 1 threw Error: bang/);
    await works();
  });

  it('a worker terminated from outside rejects the call in flight and is replaced', async () => {
    const inFlight = pool.fault(0, { kind: 'sleep', ms: 5000 });
    await new Promise((r) => setTimeout(r, 100));
    await pool.terminateWorker(0);
    await expect(inFlight).rejects.toThrow(/pool worker 0 exited/);
    await works();
  });

  it('a worker that never answers times out, is terminated and replaced', async () => {
    await expect(pool.fault(1, { kind: 'sleep', ms: 10_000 }, 200)).rejects.toThrow(/pool worker 1 did not answer .* within 200 ms/);
    await works();
  });

  it('close() rejects calls in flight', async () => {
    const p = await eg.createPool({ workers: 1, workerUrl });
    const inFlight = p.fault(0, { kind: 'sleep', ms: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    const rejected = expect(inFlight).rejects.toThrow(/pool worker 0 was closed with the pool/);
    await p.close();
    await rejected;
    await expect(p.matmul(a(), b())).rejects.toThrow(/after close/);
  });

  it('a worker script that cannot load fails createPool with the worker named', async () => {
    await expect(eg.createPool({ workers: 1, workerUrl: new URL('file:///nonexistent/worker.mjs') })).rejects.toThrow(/pool worker 0/);
  });
});

describe('pool lifecycle', () => {
  it('features() says which mode a pool takes, and the pool reports it', async () => {
    const threads = eg.features().threads;
    // Node has SharedArrayBuffer: the wasm backend runs on a shared memory, so pools share it
    expect(eg.features()).toMatchObject({ sharedMemory: true, poolMemory: 'shared' });
    const p = await eg.createPool({ workers: 1, workerUrl });
    expect(eg.features().threads).toBe(threads);
    expect(p.mode).toBe('shared');
    await p.close();
    const t = await eg.createPool({ workers: 1, workerUrl, memory: 'transfer' });
    expect(t.mode).toBe('transfer');
    await t.close();
    await expect(eg.createPool({ workers: 1, workerUrl, memory: 'copy' as never })).rejects.toThrow(/memory must be 'shared' or 'transfer'/);
  });

  it("a wasm backend on an unshared memory gives 'transfer' pools, and refuses 'shared'", async () => {
    await eg.init({ backend: 'wasm', wasmBuild: 'simd', sharedMemory: false });
    try {
      expect(eg.features().poolMemory).toBe('transfer');
      await expect(eg.createPool({ workers: 1, workerUrl, memory: 'shared' })).rejects.toThrow(/needs the wasm backend on a shared memory/);
      const p = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0 });
      expect(p.mode).toBe('transfer');
      const a = eg.randn([9, 5], { seed: 1 }), b = eg.randn([5, 4], { seed: 2 });
      same(await p.matmul(a, b), eg.matmul(a, b));
      const m = mlp(5, 6, 3, 4);
      same(await p.predict(m, a), m.predict(a));
      await p.close();
    } finally {
      await eg.init({ backend: 'wasm', wasmBuild: process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd' });
    }
  });

  it("workers run the caller's GEMM register tile (shared and transfer; a worker on another tile fails the start)", async () => {
    const build = process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd';
    await eg.init({ backend: 'wasm', wasmBuild: build, gemmTile: '3x12' });
    try {
      expect(eg.features().gemmTile).toBe('3x12');
      for (const memory of ['shared', 'transfer'] as const) {
        // NOTE: the pool checks each worker's init reply against the caller's tile (pool.ts boot).
        const p = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0, memory });
        const a = eg.randn([37, 29], { seed: 5 }), b = eg.randn([29, 41], { seed: 6 });
        same(await p.matmul(a, b), eg.matmul(a, b));
        await p.close();
      }
    } finally {
      await eg.init({ backend: 'wasm', wasmBuild: build });
    }
  });

  it('a tensor outside the pool\'s memory (another backend) goes by copy and still agrees', async () => {
    const p = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0 });
    const m = mlp(4, 5, 2, 8);
    await eg.init({ backend: 'js' });
    const x = eg.randn([6, 4], { seed: 3 });
    await eg.init({ backend: 'wasm', wasmBuild: process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd' });
    try {
      expect(p.mode).toBe('shared');
      const got = await p.predict(m, x);
      const want = m.predict(eg.tensor(x.dataSync(), [...x.shape]));
      const g = got.dataSync(), w = want.dataSync();
      for (let i = 0; i < w.length; i++) expect(Math.abs(g[i] - w[i])).toBeLessThanOrEqual(1e-6);
    } finally {
      await p.close();
    }
  });

  it("closing a shared pool gives its workers' memory back: pools that come and go do not grow it", async () => {
    const memory = (engine.backend as WasmBackend).shared!.memory;
    const cycle = async () => {
      const p = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0 });
      const m = mlp(8, 16, 4, 3);
      const x = eg.randn([300, 8], { seed: 1 }), a = eg.randn([200, 100], { seed: 2 }), b = eg.randn([100, 50], { seed: 3 });
      const outs = [await p.predict(m, x), await p.matmul(a, b)];
      await p.close();
      eg.dispose([x, a, b, ...outs, ...m.weights]);
    };
    await cycle();
    const grown = memory.buffer.byteLength;
    for (let i = 0; i < 4; i++) await cycle();
    expect(memory.buffer.byteLength).toBe(grown);
  });

  it('a worker script without the model jobs still serves the pool; model calls are refused naming the job', async () => {
    const bare = await eg.createPool({ workers: 1, workerUrl: await poolWorkerUrl('tests/util/bare-worker.ts', 'bare-worker'), matmulMinFlops: 0 });
    try {
      const a = eg.randn([9, 5], { seed: 1 }), b = eg.randn([5, 4], { seed: 2 });
      same(await bare.matmul(a, b), eg.matmul(a, b));
      await expect(bare.predict(mlp(5, 6, 3, 4), a)).rejects.toThrow(/pool worker 0 predict failed: .*no job 'model\.load' is registered in this worker/);
      same(await bare.matmul(a, b), eg.matmul(a, b));
    } finally {
      await bare.close();
    }
  });

  it('after close() the process exits on its own (no handles left)', async () => {
    const { build } = await import('esbuild');
    const entry = resolve('build/pool-exit-child.ts');
    writeFileSync(entry, `import * as eg from '../src/index.js';
await eg.init({ backend: 'wasm', wasmBuild: 'simd' });
const pool = await eg.createPool({ workers: 2, workerUrl: new URL(process.argv[2]), matmulMinFlops: 0 });
const r = await pool.matmul(eg.randn([8, 4], { seed: 1 }), eg.randn([4, 3], { seed: 2 }));
await pool.close();
console.log('closed', r.shape.join('x'));
`);
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: 'build/pool-exit-child.mjs', logLevel: 'silent' });
    const r = spawnSync(process.execPath, ['build/pool-exit-child.mjs', workerUrl.href], { timeout: 30_000, encoding: 'utf8' });
    expect(r.signal).toBeNull(); // killed by the timeout means something kept the process alive
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('closed 8x3');
  });
});

describe('data-parallel training', () => {
  const data = () => ({
    x: eg.randn([100, 8], { seed: 3 }),
    y: eg.oneHot(eg.tensor(Array.from({ length: 100 }, (_, i) => (i * 7) % 4), [100], 'int32'), 4),
  });
  const curve = async (workers: number, memory?: 'transfer') => {
    const { x, y } = data();
    const pool = await eg.createPool({ workers, workerUrl, memory });
    try {
      const m = mlp(8, 16, 4, 11);
      // 100 samples in batches of 32: the last batch (4) is split unevenly, 1 row to a worker with 3+.
      const h = await fitDataParallel(m, x, y, { epochs: 3, batchSize: 32, seed: 7 }, pool);
      // Every worker ends with the caller's weights: pool predictions equal in-thread ones.
      const xt = eg.randn([10, 8], { seed: 5 });
      const got = (await pool.predict(m, xt)).dataSync(), want = m.predict(xt).dataSync();
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-6);
      return h.history.loss;
    } finally {
      await pool.close();
    }
  };

  it('n workers follow the 1-worker loss curve (and in-thread fit) within float tolerance', async () => {
    const { x, y } = data();
    const ref = (await mlp(8, 16, 4, 11).fit(x, y, { epochs: 3, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
    const one = await curve(1);
    // Same shards, same kernels: 1 worker reproduces Sequential.fit exactly.
    expect(one).toEqual(ref);
    for (const n of [2, 3]) {
      const c = await curve(n);
      // Shard gradients summed in another order: float32 rounding only (|Δloss| <= 1e-5 relative).
      c.forEach((l, i) => expect(Math.abs(l - one[i])).toBeLessThanOrEqual(1e-5 * Math.abs(one[i])));
    }
    const t = await curve(2, 'transfer');
    t.forEach((l, i) => expect(Math.abs(l - one[i])).toBeLessThanOrEqual(1e-5 * Math.abs(one[i])));
  });

  it('model.fit({ pool }) trains through the pool and leaves it open; bad combinations are refused', async () => {
    const { x, y } = data();
    const ref = (await mlp(8, 16, 4, 11).fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
    const pool = await eg.createPool({ workers: 2, workerUrl });
    try {
      const m = mlp(8, 16, 4, 11);
      const got = (await m.fit(x, y, { epochs: 2, batchSize: 32, seed: 7, pool })).history.loss;
      got.forEach((l, i) => expect(Math.abs(l - ref[i])).toBeLessThanOrEqual(1e-5 * Math.abs(ref[i])));
      expect(pool.closed).toBe(false);
      await expect(m.fit(x, y, { pool, workers: 2 })).rejects.toThrow(/`workers` or `pool`, not both/);
    } finally {
      await pool.close();
    }
  });

  it('fit({ pool }) runs the in-thread loop: validationSplit, val metrics, callbacks and early stopping as in-thread fit', async () => {
    const { x, y } = data();
    const make = () => { const m = mlp(8, 16, 4, 11); m.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] }); return m; };
    const opts = { epochs: 4, batchSize: 32, seed: 7, verbose: 0 as const, validationSplit: 0.2 };
    const ref = await make().fit(x, y, opts);
    const pool = await eg.createPool({ workers: 2, workerUrl });
    try {
      const batches: number[] = [], batchAccuracy: number[] = [];
      const stop = eg.earlyStopping({ monitor: 'val_loss', patience: 100 });
      const onBatchEnd = (b: number, logs?: eg.Logs) => { batches.push(b); if (typeof logs?.accuracy === 'number') batchAccuracy.push(logs.accuracy); };
      const h = await make().fit(x, y, { ...opts, pool, callbacks: [stop, { onBatchEnd }] });
      expect(h.params).toEqual(ref.params);
      expect(Object.keys(h.history).sort()).toEqual(['accuracy', 'loss', 'samplesPerSecond', 'val_accuracy', 'val_loss']);
      expect(batchAccuracy).toHaveLength(12);
      for (const k of ['loss', 'accuracy', 'val_loss', 'val_accuracy']) h.history[k].forEach((v, i) => expect(Math.abs(v - ref.history[k][i]), k).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(ref.history[k][i]))));
      expect(batches).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
      expect(stop.bestEpoch).toBeGreaterThanOrEqual(0);
    } finally {
      await pool.close();
    }
  });

  it('worker-run steps (clipValue, clipNorm, globalClipNorm, schedules, per-batch callbacks) and steps from the caller all follow in-thread fit', async () => {
    const { x, y } = data();
    const pool = await eg.createPool({ workers: 2, workerUrl });
    const jobs = watchJobs(pool);
    try {
      const unclipped = (await mlp(8, 16, 4, 11).fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
      // [what, optimizer, fit options, the job the steps must run as, whether clipping changes the curve]
      const cases: [string, () => eg.Optimizer, object, string, boolean][] = [
        ['clipValue', () => adam({ learningRate: 0.01, clipValue: 0.05 }), {}, 'model.steps', true],
        ['clipNorm', () => adam({ learningRate: 0.01, clipNorm: 0.05 }), {}, 'model.steps', true],
        ['globalClipNorm', () => adam({ learningRate: 0.01, globalClipNorm: 0.05 }), {}, 'model.steps', true],
        ['globalClipNorm, per batch', () => adam({ learningRate: 0.01, globalClipNorm: 0.05 }), { callbacks: { onBatchEnd: () => {} } }, 'model.steps', true],
        ['momentum + schedule', () => sgd({ learningRate: eg.schedules.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 }), momentum: 0.9 }), {}, 'model.steps', false],
        ['onBatchEnd', () => adam({ learningRate: 0.01 }), { callbacks: { onBatchEnd: () => {} } }, 'model.steps', false],
        // an optimizer that cannot plan its steps (not one of ours): the caller sums and applies
        ['an optimizer of the caller\'s (globalClipNorm)', () => callerOnly(adam({ learningRate: 0.01, globalClipNorm: 0.05 })), {}, 'model.gradientsShared', true],
      ];
      for (const [what, opt, extra, job, clips] of cases) {
        const make = () => { const m = mlp(8, 16, 4, 11); m.compile({ optimizer: opt(), loss: 'categoricalCrossentropy' }); return m; };
        const ref = (await make().fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
        // the clipping is active: it changes the in-thread curve
        if (clips) expect(Math.abs(ref[1] - unclipped[1]), what).toBeGreaterThan(1e-3);
        const m = make();
        jobs.names.length = 0;
        const got = (await fitDataParallel(m, x, y, { epochs: 2, batchSize: 32, seed: 7, ...extra }, pool)).history.loss;
        expect(new Set(jobs.names.filter((n) => n !== 'model.load')), what).toEqual(new Set([job]));
        got.forEach((l, i) => expect(Math.abs(l - ref[i]), what).toBeLessThanOrEqual(1e-5 * Math.abs(ref[i])));
        expect(m.optimizer!.iterations, what).toBe(8);
        // every worker ends with the caller's weights and slots: one more in-thread step agrees
        const w = m.getWeights().map((t) => Array.from(t.dataSync()));
        const r = make();
        await r.fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 });
        r.getWeights().forEach((t, i) => t.dataSync().forEach((v, j) => expect(Math.abs(v - w[i][j]), what).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(v))));
      }
    } finally {
      await pool.close();
    }
  });

  it('worker-run steps without clipping update on the kernels directly: the same weights, bit for bit, as the tensor path', async () => {
    const { x, y } = data();
    for (const workers of [2, 3]) {
      const pool = await eg.createPool({ workers, workerUrl });
      try {
        const opts: [string, (clipValue?: number) => eg.Optimizer][] = [
          ['adam', (clipValue) => adam({ learningRate: 0.01, clipValue })],
          ['sgd momentum', (clipValue) => sgd({ learningRate: 0.05, momentum: 0.9, clipValue })],
        ];
        for (const [what, opt] of opts) {
          // NOTE: a clipValue no gradient reaches takes the tensor path (clip, then the update op) and clips nothing.
          for (const compile of [true, false]) {
            const weights = await Promise.all([undefined, 1e30].map(async (clipValue) => {
              const m = mlp(8, 16, 4, 11);
              m.compile({ optimizer: opt(clipValue), loss: 'categoricalCrossentropy' });
              await fitDataParallel(m, x, y, { epochs: 2, batchSize: 32, seed: 7, compile }, pool);
              return m.getWeights().map((t) => Array.from(t.dataSync()));
            }));
            expect(weights[0], `${what}, ${workers} workers, compile ${compile}`).toEqual(weights[1]);
            // and training moved the weights (the comparison is not of two untouched models)
            expect(weights[0][0]).not.toEqual(Array.from(mlp(8, 16, 4, 11).getWeights()[0].dataSync()));
          }
        }
      } finally {
        await pool.close();
      }
    }
  });

  it('a GPT (embedding ids, AdamW with globalClipNorm) trains through worker-run steps as in-thread fit, its shard steps replayed in the workers', async () => {
    const V = 11, T = 8, n = 40;
    const ids = eg.tensor(Int32Array.from({ length: n * T }, (_, i) => (i * 7 + (i >> 3)) % V), [n, T], 'int32');
    const next = eg.tensor(Int32Array.from({ length: n * T }, (_, i) => (i * 7 + (i >> 3) + 1) % V), [n, T], 'int32');
    const make = () => {
      const m = gpt(V, T, 16, 1);
      m.compile({ optimizer: eg.optimizers.adamw({ learningRate: 1e-2, weightDecay: 0.1, beta2: 0.99, globalClipNorm: 0.5 }), loss: 'sparseCategoricalCrossentropy' });
      return m;
    };
    const opts = { epochs: 3, batchSize: 12, seed: 5, verbose: 0 as const };
    const ref = (await make().fit(ids, next, opts)).history.loss;
    const pool = await eg.createPool({ workers: 2, workerUrl });
    const jobs = watchJobs(pool);
    try {
      const got = (await make().fit(ids, next, { ...opts, pool })).history.loss;
      expect(new Set(jobs.names.filter((k) => k !== 'model.load'))).toEqual(new Set(['model.steps']));
      // traced once per shard size (6 and 2 rows: 40 = 3 x 12 + 4), then replayed: no step ran eagerly
      expect(jobs.eager).toEqual([]);
      expect(ref[2]).toBeLessThan(ref[0]);
      got.forEach((l, i) => expect(Math.abs(l - ref[i])).toBeLessThanOrEqual(1e-5 * Math.abs(ref[i])));
      // an id out of the vocabulary in a later batch is refused by the replayed step's check, as in-thread
      const bad = eg.tensor(Int32Array.from(ids.dataSync(), (v, i) => (i === 30 * T + 3 ? V + 4 : v)), [n, T], 'int32');
      const t0 = performance.now();
      await expect(make().fit(bad, next, { ...opts, shuffle: false })).rejects.toThrow(new RegExp(`embedding '\\w+': id ${V + 4} \\(at flat index 51 of the input, shape \\[12,8\\]\\) is out of range`));
      const m = make();
      await expect(m.fit(bad, next, { ...opts, shuffle: false, pool })).rejects.toThrow(new RegExp(`pool worker 1 .*embedding '\\w+': id ${V + 4} \\(at flat index 3 of the input, shape \\[6,8\\]\\) is out of range`));
      expect(performance.now() - t0).toBeLessThan(20_000);
      // the pool goes on
      expect((await m.fit(ids, next, { ...opts, epochs: 1, pool })).history.loss[0]).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  for (const clip of [undefined, 'globalClipNorm'] as const) {
    it(`a worker that dies during worker-run steps fails the fit promptly, naming it; the pool goes on${clip ? ` (${clip}: three barriers a step)` : ''}`, async () => {
      const n = 4096;
      const x = eg.randn([n, 8], { seed: 3 });
      const y = eg.oneHot(eg.tensor(Array.from({ length: n }, (_, i) => i % 4), [n], 'int32'), 4);
      const pool = await eg.createPool({ workers: 2, workerUrl });
      const jobs = watchJobs(pool);
      try {
        const m = mlp(8, 16, 4, 11);
        if (clip) m.compile({ optimizer: adam({ learningRate: 0.01, globalClipNorm: 0.1 }), loss: 'categoricalCrossentropy' });
        const t0 = performance.now();
        const fit = fitDataParallel(m, x, y, { epochs: 200, batchSize: 8 }, pool);
        await new Promise((r) => setTimeout(r, 300));
        await pool.terminateWorker(1);
        await expect(fit).rejects.toThrow(/pool worker 1 exited/);
        expect(jobs.names).toContain('model.steps');
        // the other worker left its barrier on the abort flag, not on the 120 s timeout
        expect(performance.now() - t0).toBeLessThan(20_000);
        const xt = eg.randn([5, 8], { seed: 4 });
        same(await pool.predict(m, xt), m.predict(xt));
      } finally {
        await pool.close();
      }
    });
  }

  it('a graph model (a residual block) trains through the pool as in-thread, shared and transfer', async () => {
    const { x, y } = data();
    const make = () => {
      const inp = eg.input({ shape: [8] });
      const h = layers.dense({ units: 16, activation: 'relu', kernelInitializer: { name: 'glorotUniform', seed: 1 } as never }).apply(inp);
      const r = layers.dense({ units: 16, activation: 'relu', kernelInitializer: { name: 'glorotUniform', seed: 2 } as never }).apply(h);
      const out = layers.dense({ units: 4, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 3 } as never }).apply(layers.add().apply([h, r]));
      const m = eg.model({ inputs: inp, outputs: out });
      m.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
      return m;
    };
    const ref = (await make().fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
    for (const memory of [undefined, 'transfer'] as const) {
      const pool = await eg.createPool({ workers: 2, workerUrl, memory });
      try {
        const m = make();
        const got = (await m.fit(x, y, { epochs: 2, batchSize: 32, seed: 7, pool })).history.loss;
        got.forEach((l, i) => expect(Math.abs(l - ref[i]), memory ?? 'shared').toBeLessThanOrEqual(1e-5 * Math.abs(ref[i])));
        const xt = eg.randn([6, 8], { seed: 5 });
        same(await pool.predict(m, xt), m.predict(xt));
      } finally {
        await pool.close();
      }
    }
  });

  it('training accuracy is logged as in-thread fit logs it: worker-run steps, shared steps, transfer, in-thread, sparse labels', async () => {
    const { x, y } = data();
    const ids = eg.tensor(Array.from({ length: 100 }, (_, i) => (i * 7) % 4), [100], 'int32');
    const cases: [string, number, 'transfer' | undefined, () => ReturnType<typeof adam>, boolean][] = [
      ['worker-run steps', 2, undefined, () => adam({ learningRate: 0.01 }), false],
      ['worker-run steps (clipNorm)', 3, undefined, () => adam({ learningRate: 0.01, clipNorm: 0.5 }), false],
      ['shared steps (an optimizer of the caller\'s)', 3, undefined, () => callerOnly(adam({ learningRate: 0.01, clipNorm: 0.5 })), false],
      ['transfer', 2, 'transfer', () => adam({ learningRate: 0.01 }), false],
      ['in-thread', 0, undefined, () => adam({ learningRate: 0.01 }), false],
      ['sparse labels, worker-run steps', 2, undefined, () => adam({ learningRate: 0.01 }), true],
      ['sparse labels, transfer', 3, 'transfer', () => adam({ learningRate: 0.01 }), true],
    ];
    for (const [what, workers, memory, opt, sparse] of cases) {
      const make = () => {
        const m = mlp(8, 16, 4, 11);
        m.compile({ optimizer: opt(), loss: sparse ? 'sparseCategoricalCrossentropy' : 'categoricalCrossentropy', metrics: ['accuracy'] });
        return m;
      };
      const labels = sparse ? ids : y;
      const ref = await make().fit(x, labels, { epochs: 3, batchSize: 32, seed: 7, verbose: 0 });
      const pool = await eg.createPool({ workers, workerUrl, memory });
      try {
        const h = await make().fit(x, labels, { epochs: 3, batchSize: 32, seed: 7, verbose: 0, pool });
        expect(Object.keys(h.history).sort(), what).toEqual(Object.keys(ref.history).sort());
        // a correct count is a whole number of samples: the weights agree to float rounding, so the counts agree
        expect(h.history.accuracy, what).toEqual(ref.history.accuracy);
        expect(Math.max(...h.history.accuracy), what).toBeGreaterThan(0.3);
      } finally {
        await pool.close();
      }
    }
  });

  it('refuses a model compiled with a loss function', async () => {
    const pool = await eg.createPool({ workers: 0 });
    const m = mlp(4, 4, 2);
    m.compile({ optimizer: adam(), loss: (yt, yp) => eg.mean(eg.square(eg.sub(yt, yp))) });
    await expect(fitDataParallel(m, eg.zeros([4, 4]), eg.zeros([4, 2]), {}, pool)).rejects.toThrow(/loss given by name/);
    await pool.close();
  });
});

// State weights (batch-norm's moving statistics, here the Scaled layer's moving mean): each worker
// returns its shard's new value; the caller assigns their mean weighted by shard size. For a moving
// average of a per-sample mean that equals the whole batch's update, so the pool must end where
// in-thread fit does (to float rounding), in every mode.
describe('data-parallel training of a model with state weights', () => {
  let stateUrl: URL;
  beforeAll(async () => {
    registerScaled();
    stateUrl = await poolWorkerUrl('tests/util/state-worker.ts', 'state-worker');
  });
  const data = () => ({
    x: eg.add(eg.randn([90, 6], { seed: 4 }), eg.tensor([1, -2, 0.5, 3, 0, -1])),
    y: eg.oneHot(eg.tensor(Array.from({ length: 90 }, (_, i) => (i * 5) % 3), [90], 'int32'), 3),
  });
  const make = (clipNorm?: number, caller = false) => {
    const inp = eg.input({ shape: [6] });
    const s = new Scaled({ name: 'scaled' }).apply(inp);
    const h = layers.dense({ units: 8, activation: 'relu', kernelInitializer: { name: 'glorotUniform', seed: 5 } as never }).apply(s);
    const out = layers.dense({ units: 3, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 6 } as never }).apply(h);
    const m = eg.model({ inputs: inp, outputs: out });
    const opt = adam({ learningRate: 0.01, clipNorm });
    m.compile({ optimizer: caller ? callerOnly(opt) : opt, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    return m;
  };
  const movingMean = (m: eg.Model) => Array.from((m.getLayer('scaled') as Scaled).movingMean!.dataSync());

  const cases = [
    ['in-thread', 0, undefined, undefined, false], ['1 worker (worker-run steps)', 1, undefined, undefined, false],
    ['3 workers, shared (worker-run steps)', 3, undefined, undefined, false], ['2 workers, shared (worker-run steps, clipNorm)', 2, undefined, 0.5, false],
    ['2 workers, shared (steps from the caller: an optimizer of its own, clipNorm)', 2, undefined, 0.5, true],
    ['2 workers, transfer', 2, 'transfer', undefined, false],
  ] as const;
  for (const [label, workers, memory, clipNorm, caller] of cases) {
    it(`${label}: loss, accuracy and the moving mean follow in-thread fit`, async () => {
      const { x, y } = data();
      const opts = { epochs: 2, batchSize: 32, seed: 3, verbose: 0 as const };
      const ref = make(clipNorm, caller);
      const want = await ref.fit(x, y, opts);
      const pool = await eg.createPool({ workers, workerUrl: stateUrl, memory });
      try {
        expect(pool.mode).toBe(memory ?? 'shared');
        const m = make(clipNorm, caller);
        const got = await m.fit(x, y, { ...opts, pool });
        const mm = movingMean(m), wantMm = movingMean(ref);
        // the state did move (from zeros toward the columns' means)
        expect(Math.max(...wantMm.map(Math.abs))).toBeGreaterThan(0.5);
        if (workers <= 1) {
          // one shard: the same kernels on the same rows
          expect(got.history.loss).toEqual(want.history.loss);
          expect(mm).toEqual(wantMm);
        } else {
          got.history.loss.forEach((l, i) => expect(Math.abs(l - want.history.loss[i])).toBeLessThanOrEqual(1e-5 * Math.abs(want.history.loss[i])));
          mm.forEach((v, i) => expect(Math.abs(v - wantMm[i])).toBeLessThanOrEqual(1e-5));
        }
        expect(got.history.accuracy).toEqual(want.history.accuracy);
        // the workers predict with the caller's state and weights afterwards
        const xt = eg.randn([5, 6], { seed: 8 });
        const p = (await pool.predict(m, xt)).dataSync(), q = m.predict(xt).dataSync();
        for (let i = 0; i < q.length; i++) expect(Math.abs(p[i] - q[i])).toBeLessThanOrEqual(1e-6);
      } finally {
        await pool.close();
      }
    });
  }

  it('a worker script that does not register the layer class fails the fit, naming the class', async () => {
    const { x, y } = data();
    const pool = await eg.createPool({ workers: 1, workerUrl });
    try {
      await expect(make().fit(x, y, { epochs: 1, batchSize: 32, verbose: 0, pool })).rejects.toThrow(/pool worker 0 .*unknown layer class "Scaled"/);
    } finally {
      await pool.close();
    }
  });
});
