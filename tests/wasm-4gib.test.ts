// Tensors above the 2 GiB mark of the wasm memory, up to its 4 GiB end, read, write and compute
// like tensors at the bottom: one workload (creation, dataSync, elementwise, reductions, GEMM in
// every form, data movement, gather/scatter, gradients, optimizer updates, fit/predict/save/load)
// runs with every block above 2 GiB, then again low in the memory, and must give the same bits.
// Shared memory also runs the pool there (workers whose arenas start above 2 GiB), and the memory
// is filled to its end (4 GiB), where running out must fail clearly and leave the backend working.
//
// The memory is pushed up by "fillers": blocks allocated and never written, so their pages are
// never touched and the process stays small (tens of MB resident, not gigabytes). This file runs in
// its own process (vitest.config.ts: pool 'forks', one process per file), so the 4 GiB of address
// space it holds goes with it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { createWasmBackend, type WasmBackend, type WasmBuf } from '../src/backends/wasm.js';
import { sequential } from '../src/model/index.js';
import { layers } from '../src/layers/index.js';
import { adam, sgd } from '../src/optimizers/optimizers.js';
import { fitDataParallel } from '../src/model/parallel/train.js';
import { poolWorkerUrl } from './util/pool-worker.js';

const GiB = 2 ** 30;
const HIGH = 2 ** 31;
const BUILD = process.env.EDGEGRAD_WASM_BUILD === 'relaxed' ? 'relaxed' : 'simd';

type Tensor = eg.Tensor;
const ptrOf = (t: Tensor): number => (t.storage!.buf as WasmBuf).ptr;
const wasm = (): WasmBackend => engine.requireBackend('test') as WasmBackend;

/** A float32 tensor over a block that is allocated but never written (its pages stay untouched). */
function filler(elements: number): Tensor {
  const b = wasm();
  return engine.keep(engine.wrap({ shape: [elements], dtype: 'float32', buf: b.alloc('float32', elements) }, b));
}

interface Run {
  values: Record<string, number[]>;
  /** Address of every recorded tensor (and of the model's weights). */
  ptrs: Record<string, number>;
}

/**
 * Every path the issue names, recorded by name: values (as numbers) and addresses. Deterministic
 * (seeded), so two runs on one backend must agree bit for bit wherever their blocks lie.
 */
async function workload(): Promise<Run> {
  const values: Record<string, number[]> = {};
  const ptrs: Record<string, number> = {};
  const rec = (name: string, t: Tensor) => {
    ptrs[name] = ptrOf(t);
    values[name] = Array.from(t.dataSync());
  };
  eg.tidy(() => {
    rec('tensor', eg.tensor([1, 2, 3, 4]));
    rec('int32', eg.tensor([5, -6, 7, 2 ** 31 - 1], [4], 'int32'));
    const seven = eg.full([8], 7);
    rec('full', seven);
    rec('sum(full)', eg.sum(seven));
    const x = eg.randn([33, 65], { seed: 1 }), y = eg.randn([65, 17], { seed: 2 });
    const row = eg.randn([65], { seed: 3 }), col = eg.randn([33, 1], { seed: 4 });
    rec('randn', x);
    rec('add scalar', eg.add(x, 1.5));
    rec('mul row', eg.mul(x, row));
    rec('sub col', eg.sub(x, col));
    rec('div', eg.div(x, eg.add(eg.abs(row), 1)));
    rec('maximum', eg.maximum(x, col));
    rec('exp', eg.exp(x));
    rec('log', eg.log(eg.abs(x)));
    rec('relu', eg.relu(x));
    rec('tanh', eg.tanh(x));
    rec('sigmoid', eg.sigmoid(x));
    rec('gelu', eg.gelu(x));
    rec('clip', eg.clip(x, -0.5, 0.5));
    rec('greater', eg.greater(x, 0));
    rec('int32 add', eg.add(eg.tensor([1, 2, 3, 4, 5], [5], 'int32'), eg.tensor([10], [1], 'int32')));
    rec('sum all', eg.sum(x));
    rec('sum 0', eg.sum(x, 0));
    rec('sum 1', eg.sum(x, 1));
    rec('mean', eg.mean(x, 1));
    rec('max 0', eg.max(x, 0));
    rec('min 1', eg.min(x, 1));
    rec('argmax 1', eg.argmax(x, 1));
    rec('argmin 0', eg.argmin(x, 0));
    rec('softmax', eg.softmax(x));
    rec('logSoftmax', eg.logSoftmax(x));
    rec('matmul nn', eg.matmul(x, y));
    rec('matmul tn', eg.matmul(eg.transpose(x), y, { transposeA: true }));
    rec('matmul nt', eg.matmul(x, eg.transpose(y), { transposeB: true }));
    rec('matmul tt', eg.matmul(eg.transpose(x), eg.transpose(y), { transposeA: true, transposeB: true }));
    rec('fusedMatmul', eg.fusedMatmul(x, y, eg.randn([17], { seed: 5 }), { activation: 'relu' }));
    // big enough for the kernels' packed-A path and two K blocks
    rec('matmul packed', eg.matmul(eg.randn([16, 600], { seed: 6 }), eg.randn([600, 40], { seed: 7 })));
    rec('matmul batched', eg.matmul(eg.randn([3, 5, 7], { seed: 8 }), eg.randn([7, 6], { seed: 9 })));
    rec('transpose', eg.transpose(x));
    rec('slice', eg.slice(x, [3, 10], [20, 31]));
    rec('concat 0', eg.concat([x, eg.add(x, 1)], 0));
    rec('concat 1', eg.concat([x, col], 1));
    rec('pad', eg.pad(x, [[1, 2], [3, 0]]));
    rec('stack', eg.stack([row, row], 1));
    const idx = eg.tensor([0, 32, 5, 5, 17], [5], 'int32');
    rec('gather 0', eg.gather(x, idx));
    rec('gather 1', eg.gather(x, eg.tensor([64, 0, 3], [3], 'int32'), 1));
    rec('oneHot', eg.oneHot(idx, 40));
    rec('cast i32', eg.cast(eg.mul(x, 10), 'int32'));
    rec('cast f32', eg.cast(idx, 'float32'));
    // gradients: scatterAdd (gather's), GEMM tn/nt (matmul's), softmax cross-entropy, unary grads
    const w = eg.variable(eg.mul(eg.randn([65, 17], { seed: 10 }), 0.1));
    const labels = eg.oneHot(eg.tensor(Array.from({ length: 5 }, (_, i) => i % 17), [5], 'int32'), 17);
    const { value, grads } = eg.valueAndGrads(() => {
      const h = eg.tanh(eg.matmul(eg.gather(x, idx), w));
      return eg.losses.softmaxCrossEntropy(labels, eg.gelu(h));
    }, [w]);
    rec('loss', value);
    rec('grad w', grads[0]);
    w.dispose();
    const sx = eg.variable(eg.randn([33, 65], { seed: 11 }));
    const g2 = eg.valueAndGrads(() => eg.sum(eg.mul(eg.sigmoid(eg.gather(sx, idx)), eg.relu(eg.gather(sx, idx)))), [sx]);
    rec('grad gather', g2.grads[0]);
    sx.dispose();
    // optimizer updates in place: sgd with momentum and adam, three steps each
    for (const [name, opt] of [['sgd', sgd({ learningRate: 0.1, momentum: 0.9 })], ['adam', adam({ learningRate: 0.01 })]] as const) {
      const p = eg.variable(eg.randn([300], { seed: 12 }));
      const g = eg.randn([300], { seed: 13 });
      for (let s = 0; s < 3; s++) opt.apply([p], [g]);
      rec(`${name} update`, p);
      opt.dispose();
      p.dispose();
    }
  });

  // a model: fit, predict, save to memory and load back
  const model = sequential([
    layers.dense({ units: 24, activation: 'relu', inputShape: [10], kernelInitializer: { name: 'glorotUniform', seed: 21 } as never }),
    layers.dense({ units: 4, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 22 } as never }),
  ]);
  model.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
  const xs = eg.randn([64, 10], { seed: 23 });
  const ys = eg.tidy(() => eg.oneHot(eg.tensor(Array.from({ length: 64 }, (_, i) => (i * 5) % 4), [64], 'int32'), 4));
  const h = await model.fit(xs, ys, { epochs: 3, batchSize: 16, seed: 24, verbose: 0 });
  values['fit loss'] = h.history.loss;
  model.weights.forEach((t, i) => { ptrs[`weight ${i}`] = ptrOf(t); });
  const p = model.predict(xs);
  rec('predict', p);
  const loaded = await eg.loadModel(await model.toArtifacts({ includeOptimizer: true }));
  const q = loaded.predict(xs);
  rec('loaded predict', q);
  for (const t of [xs, ys, p, q]) t.dispose();
  model.dispose();
  loaded.dispose();
  return { values, ptrs };
}

/** Asserts every recorded address is at least `lo` and below `hi` (the run really was where it claims). */
function expectWithin(run: Run, lo: number, hi: number): void {
  const outside = Object.entries(run.ptrs).filter(([, p]) => !(p >= lo && p < hi));
  expect(outside, `blocks outside [${lo}, ${hi})`).toEqual([]);
}

/** Same values, name by name (NaN equals NaN). */
function expectSame(got: Run, want: Run): void {
  expect(Object.keys(got.values)).toEqual(Object.keys(want.values));
  for (const k of Object.keys(want.values)) expect(got.values[k], k).toEqual(want.values[k]);
}

const live = () => { const m = eg.memory(); return { tensors: m.tensors, bytes: m.bytes }; };

/**
 * Makes a new wasm backend, on a memory of its own, the active one. NOTE: not through eg.init,
 * which keeps one backend per option set: a fresh memory has no free blocks, so where its blocks
 * go is known (a filler taken first lies at the bottom and everything after it above).
 */
async function fresh(shared: boolean): Promise<WasmBackend> {
  const b = await createWasmBackend({ build: BUILD, shared });
  engine.backend = b;
  return b;
}

for (const kind of [{ label: 'shared memory', shared: true }, { label: 'plain memory', shared: false }]) {
  describe(`wasm ${kind.label} above 2 GiB`, () => {
    let baseline: ReturnType<typeof live>;
    /** The backend whose bottom 2 GiB a filler holds, for the tests that run above it. */
    let upper: WasmBackend;
    let high: Run;
    let low: Run;
    const fillers: Tensor[] = [];

    beforeAll(async () => {
      await eg.init({ backend: 'wasm', wasmBuild: BUILD, sharedMemory: kind.shared });
      const initial = engine.backend;
      upper = await fresh(kind.shared);
      expect(upper.info.sharedMemory).toBe(kind.shared);
      baseline = live();
      fillers.push(filler(2 ** 29));
      return () => {
        for (const f of fillers.splice(0)) if (!f.isDisposed) f.dispose();
        engine.backend = initial;
      };
    });

    afterEach(() => { engine.backend = upper; });

    it('the issue: after a 2^29-element tensor, small tensors read, write and reduce their own values', () => {
      expect(ptrOf(fillers[0]) + 4 * 2 ** 29).toBeGreaterThan(HIGH);
      eg.tidy(() => {
        const seven = eg.full([8], 7);
        expect(ptrOf(seven)).toBeGreaterThanOrEqual(HIGH);
        expect(Array.from(seven.dataSync())).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
        expect(Array.from(eg.sum(seven).dataSync())).toEqual([56]);
        const t = eg.tensor([1, 2, 3, 4]);
        expect(ptrOf(t)).toBeGreaterThanOrEqual(HIGH);
        expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
        const i = eg.tensor([-1, 2 ** 31 - 1, -(2 ** 31)], [3], 'int32');
        expect(Array.from(i.dataSync())).toEqual([-1, 2 ** 31 - 1, -(2 ** 31)]);
      });
      expect(live()).toEqual({ tensors: baseline.tensors + 1, bytes: baseline.bytes + 2 ** 31 });
    });

    it('the whole workload above 2 GiB gives the same bits as low in a fresh memory', async () => {
      high = await workload();
      expectWithin(high, HIGH, 2 ** 32);
      // spot checks against values known without the backend
      expect(high.values['tensor']).toEqual([1, 2, 3, 4]);
      expect(high.values['full']).toEqual(Array(8).fill(7));
      expect(high.values['sum(full)']).toEqual([56]);
      expect(high.values['int32 add']).toEqual([11, 12, 13, 14, 15]);
      expect(high.values['cast f32']).toEqual([0, 32, 5, 5, 17]);
      const r = high.values['randn'];
      expect(high.values['slice'].slice(0, 3)).toEqual([r[3 * 65 + 10], r[3 * 65 + 11], r[3 * 65 + 12]]);
      expect(high.values['gather 0'].slice(65, 68)).toEqual(r.slice(32 * 65, 32 * 65 + 3));
      expect(high.values['fit loss'][2]).toBeLessThan(high.values['fit loss'][0]);
      expect(live().tensors).toBe(baseline.tensors + 1);

      await fresh(kind.shared);
      low = await workload();
      expectWithin(low, 0, HIGH);
      expectSame(high, low);
    });

    it.runIf(kind.shared)('a pool whose workers run above 2 GiB: matmul, predict and data-parallel fit agree with in-thread', async () => {
      const pool = await eg.createPool({ workers: 2, workerUrl: await poolWorkerUrl(), matmulMinFlops: 0 });
      try {
        expect(pool.mode).toBe('shared');
        // each worker's arena starts in a range ceded from above 2 GiB, and grows above that
        for (let w = 0; w < 2; w++) {
          const regions = await pool.slotAt(w).remote.regions();
          expect(regions.length).toBeGreaterThan(0);
          for (const [a] of regions) expect(a).toBeGreaterThanOrEqual(HIGH);
        }
        const a = eg.randn([50, 70], { seed: 31 }), b = eg.randn([70, 30], { seed: 32 });
        for (const opts of [{}, { transposeA: true }, { transposeB: true }]) {
          const A = opts.transposeA ? eg.transpose(a) : a, B = (opts as { transposeB?: boolean }).transposeB ? eg.transpose(b) : b;
          const got = await pool.matmul(A, B, opts), want = eg.matmul(A, B, opts);
          expect(ptrOf(got)).toBeGreaterThanOrEqual(HIGH);
          expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
          for (const t of [got, want]) t.dispose();
          if (A !== a) A.dispose();
          if (B !== b) B.dispose();
        }

        const make = (clipNorm?: number) => {
          const m = sequential([
            layers.dense({ units: 16, activation: 'relu', inputShape: [8], kernelInitializer: { name: 'glorotUniform', seed: 41 } as never }),
            layers.dense({ units: 4, activation: 'softmax', kernelInitializer: { name: 'glorotUniform', seed: 42 } as never }),
          ]);
          m.compile({ optimizer: adam({ learningRate: 0.01, clipNorm }), loss: 'categoricalCrossentropy' });
          return m;
        };
        const x = eg.randn([100, 8], { seed: 43 });
        const y = eg.tidy(() => eg.oneHot(eg.tensor(Array.from({ length: 100 }, (_, i) => (i * 7) % 4), [100], 'int32'), 4));
        expect(ptrOf(x)).toBeGreaterThanOrEqual(HIGH);
        // worker-run steps (adam: the workers update the weights among themselves), then one step
        // at a time (clipNorm is applied here) — gradients and slots all above 2 GiB
        for (const clipNorm of [undefined, 0.5]) {
          const refModel = make(clipNorm);
          const ref = (await refModel.fit(x, y, { epochs: 2, batchSize: 32, seed: 7, verbose: 0 })).history.loss;
          refModel.dispose();
          const m = make(clipNorm);
          const got = (await fitDataParallel(m, x, y, { epochs: 2, batchSize: 32, seed: 7 }, pool)).history.loss;
          got.forEach((l, i) => expect(Math.abs(l - ref[i]), `clipNorm ${clipNorm}`).toBeLessThanOrEqual(1e-5 * Math.abs(ref[i])));
          for (const wt of m.weights) expect(ptrOf(wt)).toBeGreaterThanOrEqual(HIGH);
          // predictions: workers read x and the weights in place and write their rows above 2 GiB
          const xt = eg.randn([10, 8], { seed: 44 });
          const pg = await pool.predict(m, xt), pw = m.predict(xt);
          expect(Array.from(pg.dataSync())).toEqual(Array.from(pw.dataSync()));
          for (const t of [xt, pg, pw]) t.dispose();
          m.dispose();
        }
        for (const t of [a, b, x, y]) t.dispose();
      } finally {
        await pool.close();
      }
      expect(live().tensors).toBe(baseline.tensors + 1);
    });

    it('a tensor across the 2 GiB mark: kernels whose loops cross it agree with the same tensor above it', async () => {
      await fresh(kind.shared);
      // fillers in exact size classes, ending just short of 2 GiB (a fresh arena hands them out in order)
      const gap: Tensor[] = [];
      for (const bytes of [1.875 * GiB, 120 * 2 ** 20, 7.5 * 2 ** 20]) gap.push(filler(bytes / 4));
      try {
        const n = 2 ** 18; // 1 MiB, starting less than 0.5 MiB below the mark
        const values = Float32Array.from({ length: n }, (_, i) => ((i * 37) % 251) - 125);
        const across = eg.tensor(values, [512, 512]);
        const above = eg.tensor(values, [512, 512]);
        expect(ptrOf(across)).toBeLessThan(HIGH);
        expect(ptrOf(across) + 4 * n).toBeGreaterThan(HIGH);
        expect(ptrOf(above)).toBeGreaterThanOrEqual(HIGH);
        expect(Array.from(across.dataSync())).toEqual(Array.from(values));
        const run = (t: Tensor): number[][] => eg.tidy(() => [
          eg.add(t, 1), eg.mul(t, eg.slice(t, [0, 0], [1, 512])), eg.exp(eg.div(t, 100)), eg.sum(t, 0), eg.sum(t, 1),
          eg.max(t, 0), eg.argmax(t, 1), eg.softmax(eg.div(t, 50)), eg.matmul(t, eg.slice(t, [0, 0], [512, 8])),
          eg.matmul(eg.slice(t, [500, 0], [12, 512]), t, { transposeB: true }), eg.transpose(t),
          eg.slice(t, [250, 3], [12, 500]), eg.concat([t, t], 1), eg.gather(t, eg.tensor([511, 255, 256, 0], [4], 'int32')),
          eg.cast(t, 'int32'),
        ].map((r) => Array.from(r.dataSync())));
        const a = run(across), b = run(above);
        a.forEach((r, i) => expect(r, `result ${i}`).toEqual(b[i]));
        expect(a[0].slice(0, 3)).toEqual([values[0] + 1, values[1] + 1, values[2] + 1]);
        for (const t of [across, above]) t.dispose();
      } finally {
        for (const f of gap) f.dispose();
      }
    });

    it('a tensor larger than 2 GiB: gather and slice read its elements past the 2^29th', async () => {
      await fresh(kind.shared);
      // never written as a whole: only the rows read here are set, through a buffer at their address
      const rows = 2 ** 23 + 4, cols = 64;
      const big = filler(rows * cols);
      try {
        const x = eg.reshape(big, [rows, cols]);
        const tail = Float32Array.from({ length: 4 * cols }, (_, i) => i + 0.5);
        const at = ptrOf(big) + 4 * (rows - 4) * cols;
        expect(at - ptrOf(big)).toBeGreaterThanOrEqual(HIGH);
        wasm().write({ ptr: at, bytes: tail.length * 4 }, tail, 'float32');
        const got = eg.tidy(() => ({
          gather: Array.from(eg.gather(x, eg.tensor([rows - 1, rows - 4], [2], 'int32')).dataSync()),
          gather1: Array.from(eg.gather(eg.slice(x, [rows - 4, 0], [4, cols]), eg.tensor([63, 0], [2], 'int32'), 1).dataSync()),
          slice: Array.from(eg.slice(x, [rows - 2, 5], [2, 3]).dataSync()),
        }));
        expect(got.gather).toEqual([...tail.slice(3 * cols), ...tail.slice(0, cols)]);
        expect(got.gather1).toEqual([63.5, 0.5, 127.5, 64.5, 191.5, 128.5, 255.5, 192.5]);
        expect(got.slice).toEqual([133.5, 134.5, 135.5, 197.5, 198.5, 199.5]);
        x.dispose();
      } finally {
        big.dispose();
      }
    });

    it('filled to the memory\'s 4 GiB end: the workload still agrees; running out fails clearly and harms nothing', async () => {
      await fresh(kind.shared);
      const before = live();
      // 2 + 1 + 0.5 + 0.25 GiB of fillers at the bottom: what follows lies in the last quarter GiB of the 4
      const top: Tensor[] = [2 ** 29, 2 ** 28, 2 ** 27, 2 ** 26].map(filler);
      try {
        const run = await workload();
        expectWithin(run, 3.75 * GiB, 2 ** 32);
        expectSame(run, low);
        // a quarter GiB more cannot fit below 4 GiB
        expect(() => eg.zeros([2 ** 26])).toThrow(/out of memory/);
        expect(() => eg.add(top[3], 1)).toThrow(/out of memory/);
        expect(live().tensors).toBe(before.tensors + top.length);
        // and the backend goes on: a tensor in what is left, near the very end
        const t = eg.tensor(Array.from({ length: 1000 }, (_, i) => i - 500));
        expect(ptrOf(t)).toBeGreaterThanOrEqual(3.75 * GiB);
        expect(eg.tidy(() => Array.from(eg.sum(t).dataSync()))).toEqual([-500]);
        expect(Array.from(t.dataSync()).slice(-3)).toEqual([497, 498, 499]);
        t.dispose();
      } finally {
        for (const f of top) f.dispose();
      }
      expect(live()).toEqual(before);
    });
  });
}
