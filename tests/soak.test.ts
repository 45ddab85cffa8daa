// Soak: 10,000 mixed steps on the wasm backend — ops, autograd and optimizer updates, fit, predict,
// evaluate, save/load (in memory and on disk), pool calls (shared memory, 2 workers: predict,
// matmul, data-parallel fit, worker faults; and a copying pool of 1 worker), and error paths (bad shapes, disposed tensors, throws
// inside tidy and inside a gradient, corrupt model files, a fit whose loss overflows, pool calls
// that fail). Every CHECK_EVERY steps the live tensor count and bytes, the wasm arena's live bytes
// and blocks, and each worker's live tensors must be back at the baseline taken after a warm-up,
// and the arena must not have grown: a leak shows up within CHECK_EVERY steps of where it starts.
//
// The step sequence is periodic (kind by step % 20, sizes by step / 20 % 5), so everything created
// lazily on first use (optimizer slots, the GEMM scratch, the model in each worker) exists once the
// warm-up has run a whole period. EDGEGRAD_SOAK_STEPS overrides the step count (e.g. 100000 locally).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { sequential, type Sequential } from '../src/model/index.js';
import { layers } from '../src/layers/index.js';
import { adam, sgd } from '../src/optimizers/optimizers.js';
import { fitDataParallel } from '../src/model/parallel/train.js';
import { poolWorkerUrl } from './util/pool-worker.js';
import { settle } from './util/settle.js';

const STEPS = Number(process.env.EDGEGRAD_SOAK_STEPS ?? 10_000);
const WARMUP = 200;
const CHECK_EVERY = Number(process.env.EDGEGRAD_SOAK_CHECK_EVERY ?? 500);
const PERIOD = 100;

type Tensor = eg.Tensor;

let pool: eg.Pool;
/** A pool that copies (its worker keeps models and data in a memory of its own). */
let copying: eg.Pool;
let dir: string;
beforeAll(async () => {
  await eg.init({ backend: 'wasm', wasmBuild: process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd' });
  const workerUrl = await poolWorkerUrl();
  pool = await eg.createPool({ workers: 2, workerUrl, matmulMinFlops: 0 });
  copying = await eg.createPool({ workers: 1, workerUrl, matmulMinFlops: 0, memory: 'transfer' });
  dir = await mkdtemp(join(tmpdir(), 'edgegrad-soak-'));
});
afterAll(async () => {
  await pool?.close();
  await copying?.close();
  await rm(dir, { recursive: true, force: true });
});

const init = (seed: number) => ({ name: 'glorotUniform', seed }) as never;
function mlp(seed: number, lr = 0.01, clipNorm?: number): Sequential {
  const m = sequential([
    layers.dense({ units: 16, activation: 'relu', inputShape: [8], kernelInitializer: init(seed) }),
    layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(seed + 1) }),
  ]);
  m.compile({ optimizer: adam({ learningRate: lr, clipNorm }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

/** What must come back to the baseline: the engine's counts, the arena's live blocks, the workers'. */
async function snapshot() {
  await settle();
  const m = eg.memory();
  const workers = [...await pool.workerMemory(), ...await copying.workerMemory()];
  return { tensors: m.tensors, bytes: m.bytes, arenaUsedBytes: m.usedBytes, arenaBlocks: m.blocks, workers };
}

it(`${STEPS.toLocaleString('en-US')} mixed steps leave tensors, bytes, the wasm heap and the workers where the warm-up left them`, async () => {
  const t0 = performance.now();
  const n = 48;
  // what lives through the whole run (made before the baseline)
  const x = eg.randn([n, 8], { seed: 1 });
  const y = eg.tidy(() => eg.oneHot(eg.tensor(Array.from({ length: n }, (_, i) => (i * 7) % 3), [n], 'int32'), 3));
  const model = mlp(11);
  /** Trained through the pool one step at a time (clipNorm is applied in this thread, on the gradients workers hold). */
  const clipped = mlp(13, 0.01, 1);
  const w = eg.tidy(() => eg.variable(eg.mul(eg.randn([8, 5], { seed: 2 }), 0.3)));
  const b = eg.tidy(() => eg.variable(eg.zeros([5])));
  const opt = sgd({ learningRate: 0.05, momentum: 0.9 });
  const gone = eg.randn([4]);
  gone.dispose();
  const bad = (text: string): Uint8Array => new TextEncoder().encode(text);
  let saved = await model.toArtifacts({ includeOptimizer: true });
  let errors = 0;
  const expectThrow = async (f: () => unknown, re: RegExp) => {
    await expect((async () => f())()).rejects.toThrow(re);
    errors++;
  };
  /** Zeros of `shape` for `f` (this test's own temporaries, so freed whatever f does). */
  const zeros = async (shape: number[], f: (t: Tensor) => unknown) => {
    const t = eg.zeros(shape);
    try {
      return await f(t);
    } finally {
      t.dispose();
    }
  };

  const step = async (i: number): Promise<void> => {
    const k = i % 20, v = Math.floor(i / 20) % 5;
    const rows = 8 + 8 * v, cols = 4 + 3 * v;
    switch (k) {
      case 0: case 1: case 2: {
        // ops: elementwise with broadcasting, reductions, softmax, GEMM, data movement
        const s = eg.tidy(() => {
          const a = eg.randn([rows, cols], { seed: i }), c = eg.randn([cols], { seed: i + 1 });
          const h = eg.relu(eg.add(eg.mul(a, c), eg.mean(eg.tanh(a), 0)));
          const g = eg.matmul(h, eg.transpose(a));
          const parts = eg.concat([eg.slice(g, [0, 0], [rows, 2]), eg.gather(g, eg.tensor([0, rows - 1], [2], 'int32'), 1)], 1);
          return eg.sum(eg.softmax(eg.div(parts, eg.add(eg.max(eg.abs(parts)), 1)))).dataSync()[0];
        });
        expect(s).toBeCloseTo(rows, 3);
        break;
      }
      case 3: {
        // autograd and an in-place optimizer update on variables that live through the run
        eg.tidy(() => {
          const labels = eg.concat([y, eg.zeros([n, 2])], 1);
          const { value, grads } = eg.valueAndGrads(() => eg.losses.softmaxCrossEntropy(labels, eg.add(eg.matmul(x, w), b)), [w, b]);
          opt.apply([w, b], grads);
          expect(Number.isFinite(value.dataSync()[0])).toBe(true);
        });
        break;
      }
      case 4: {
        const h = await model.fit(x, y, { epochs: 1, batchSize: 16, seed: i, verbose: 0 });
        expect(Number.isFinite(h.history.loss[0])).toBe(true);
        break;
      }
      case 5: {
        const p = model.predict(x, { batchSize: 32 });
        expect(p.shape).toEqual([n, 3]);
        p.dispose();
        const logs = await model.evaluate(x, y);
        expect(Number.isFinite(logs.loss)).toBe(true);
        break;
      }
      case 6: {
        // save/load: in memory always, to disk every fifth time; the loaded model predicts like the original
        if (v === 0) {
          await model.save(dir, { includeOptimizer: true });
          const loaded = await eg.loadModel(dir);
          loaded.dispose();
        }
        saved = await model.toArtifacts({ includeOptimizer: v % 2 === 0 });
        const loaded = await eg.loadModel(saved);
        const [p, q] = [model.predict(x), loaded.predict(x)];
        expect(Array.from(q.dataSync())).toEqual(Array.from(p.dataSync()));
        for (const t of [p, q]) t.dispose();
        loaded.dispose();
        break;
      }
      case 7: case 8: {
        // the pool: predictions (workers read x and the weights in place) and a GEMM split over rows
        if (k === 7) {
          const [p, q] = [await (v % 2 ? copying : pool).predict(model, x), model.predict(x)];
          expect(Array.from(p.dataSync())).toEqual(Array.from(q.dataSync()));
          for (const t of [p, q]) t.dispose();
        } else {
          const a = eg.randn([rows, cols], { seed: i }), c = eg.randn([cols, 6], { seed: i + 2 });
          const [p, q] = [await (v % 2 ? copying : pool).matmul(a, c), eg.matmul(a, c)];
          expect(Array.from(p.dataSync())).toEqual(Array.from(q.dataSync()));
          for (const t of [a, c, p, q]) t.dispose();
        }
        break;
      }
      case 9: {
        // data-parallel fit: steps run by the workers among themselves (several per call, or one per
        // call for a per-batch callback), or one step per call applied here (clipNorm)
        const h = v === 2 ? await fitDataParallel(clipped, x, y, { epochs: 1, batchSize: 16, seed: i }, pool)
          : v === 4 ? await fitDataParallel(model, x, y, { epochs: 1, batchSize: 16, seed: i, callbacks: { onBatchEnd: () => {} } }, pool)
            : await model.fit(x, y, { epochs: 1, batchSize: 24, seed: i, pool });
        expect(Number.isFinite(h.history.loss[0])).toBe(true);
        break;
      }
      // ---- error paths: each must leave nothing behind ----
      case 10:
        await expectThrow(() => eg.tidy(() => eg.add(eg.zeros([rows, 3]), eg.zeros([rows, 4]))), /broadcast|shape/i);
        await expectThrow(() => eg.tidy(() => { const a = eg.relu(x); return eg.matmul(a, a); }), /matmul/);
        await expectThrow(() => eg.tensor([1, 2, 3], [2, 2]), /shape|values|elements/i);
        break;
      case 11:
        await expectThrow(() => eg.add(gone, 1), /disposed/);
        await expectThrow(() => gone.dataSync(), /disposed/);
        await expectThrow(() => model.predict(gone), /disposed/);
        await expectThrow(() => pool.predict(model, gone), /disposed/);
        break;
      case 12:
        // a throw inside tidy, and inside a function being differentiated, after some work
        await expectThrow(() => eg.tidy(() => { eg.exp(eg.matmul(x, w)); throw new Error('inside tidy'); }), /inside tidy/);
        await expectThrow(() => eg.valueAndGrads(() => { eg.sum(eg.matmul(x, w)); throw new Error('inside f'); }, [w]), /inside f/);
        await expectThrow(() => eg.tidy(() => opt.apply([w, b], [eg.zeros([3])])), /grad|shape|variables/i);
        break;
      case 13:
        await zeros([n - 1, 3], (t) => expectThrow(() => model.fit(x, t, { verbose: 0 }), /samples/));
        await zeros([2, 7], (t) => expectThrow(() => model.predict(t), /shape|features|input/i));
        await expectThrow(() => model.fit(x, y, { batchSize: 0, verbose: 0 }), /batchSize/);
        break;
      case 14: {
        // corrupt model files: truncated weights, a topology that disagrees with them, bad JSON
        const { modelJson, weights } = saved;
        await expectThrow(() => eg.loadModel({ modelJson, weights: weights.subarray(0, weights.length - 8) }), /truncated|bytes/);
        await expectThrow(() => eg.loadModel({ modelJson: modelJson.replace('"units": 3', '"units": 4'), weights }), /shape|weight/);
        await expectThrow(() => eg.loadModel({ modelJson: modelJson.slice(0, 50), weights }), /JSON|model\.json/);
        await expectThrow(() => eg.loadModel({ modelJson: '{}', weights: bad('nope') }), /./);
        break;
      }
      case 15: {
        // a fit whose loss overflows to non-finite mid-training (on a model of its own)
        const m = mlp(30 + v, 1e30);
        const huge = eg.mul(x, 1e30);
        await expectThrow(() => m.fit(huge, y, { epochs: 2, batchSize: 16, seed: i, verbose: 0 }), /loss|finite|NaN|Infinity/);
        huge.dispose();
        m.dispose();
        break;
      }
      case 16:
        // pool calls that fail: in a worker (a fault), in the caller (bad input), in a shard (wrong feature count)
        await expectThrow(() => pool.fault(v % 2, { kind: 'throw', message: 'soak fault' }), /soak fault/);
        await expectThrow(() => pool.matmul(gone, x), /disposed/);
        await zeros([4, 7], (t) => expectThrow(() => pool.predict(model, t), /./));
        break;
      case 17: {
        // a data-parallel fit that fails in the workers (labels of the wrong width), a GEMM that cannot be
        await zeros([n, 4], (t) => expectThrow(() => fitDataParallel(model, x, t, { epochs: 1, batchSize: 16 }, pool), /./));
        await zeros([9, 2], (t) => expectThrow(() => pool.matmul(x, t), /matmul/));
        break;
      }
      case 18: {
        // a save that cannot be written (the directory is a file), and loading what is not there
        const file = join(dir, 'not-a-dir');
        if (v === 0) {
          await writeFile(file, 'x');
          await expectThrow(() => model.save(file), /./);
          await expectThrow(() => eg.loadModel(join(dir, 'missing')), /./);
        }
        await expectThrow(() => eg.reshape(x, [7, 7]), /reshape/);
        break;
      }
      case 19: {
        // a model made, used (here and through the pool) and disposed: the workers must let go of it too
        const m = mlp(50 + v);
        const [p, q] = [m.predict(x), await (v % 2 ? copying : pool).predict(m, x)];
        expect(Array.from(q.dataSync())).toEqual(Array.from(p.dataSync()));
        for (const t of [p, q]) t.dispose();
        m.dispose();
        break;
      }
    }
  };

  let baseline: Awaited<ReturnType<typeof snapshot>> | null = null;
  let heap = 0;
  for (let i = 0; i < STEPS; i++) {
    await step(i);
    const done = i + 1;
    if (done === WARMUP) {
      baseline = await snapshot();
      heap = eg.memory().heapBytes;
    } else if (baseline && (done % CHECK_EVERY === 0 || done === STEPS)) {
      expect(await snapshot(), `after step ${done}`).toEqual(baseline);
      expect(eg.memory().heapBytes, `the arena grew by step ${done}`).toBe(heap);
    }
  }
  expect(baseline).not.toBeNull();
  expect(errors).toBeGreaterThan(STEPS / 2);
  for (const t of [x, y, w, b]) t.dispose();
  opt.dispose();
  model.dispose();
  clipped.dispose();
  console.log(`soak: ${STEPS} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s (${errors} errors thrown and checked)`);
}, 600_000);
