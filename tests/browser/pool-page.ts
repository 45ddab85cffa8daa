// The page the browser pool test loads: a worker pool of module Workers (the bundled
// src/worker.ts at /worker.js) next to in-page results. Served cross-origin isolated, the
// pool shares the wasm memory; served without COOP/COEP it copies ('transfer'). Results go to
// window.__result.
import * as eg from '../../src/index.js';

type Tensor = ReturnType<typeof eg.tensor>;

/** Largest |a - b| over two tensors of one shape (Infinity when the shapes differ). */
function maxDiff(a: Tensor, b: Tensor): number {
  if (a.shape.join() !== b.shape.join()) return Infinity;
  const x = a.dataSync(), y = b.dataSync();
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function mlp(seed: number) {
  const init = (s: number) => ({ name: 'glorotUniform', seed: s }) as never;
  const m = eg.sequential([
    eg.layers.dense({ units: 16, activation: 'relu', inputShape: [12], kernelInitializer: init(seed) }),
    eg.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(seed + 1) }),
  ]);
  m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
  return m;
}

async function run(): Promise<Record<string, unknown>> {
  await eg.init({ backend: 'wasm' });
  const f = eg.features();
  const out: Record<string, unknown> = {
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    sharedMemory: f.sharedMemory, poolMemory: f.poolMemory, wasmBuild: f.wasmBuild,
  };
  const pool = await eg.createPool({ workers: 2, workerUrl: new URL('worker.js', location.href), matmulMinFlops: 0 });
  try {
    out.mode = pool.mode;
    out.size = pool.size;
    // matmul split over row blocks (67 rows: uneven shards), plain and transposed
    const a = eg.randn([67, 33], { seed: 1 }), b = eg.randn([33, 29], { seed: 2 }), bt = eg.randn([29, 33], { seed: 3 });
    out.matmul = maxDiff(await pool.matmul(a, b), eg.matmul(a, b));
    out.matmulNT = maxDiff(await pool.matmul(a, bt, { transposeB: true }), eg.matmul(a, bt, { transposeB: true }));
    // predict with an odd batch, in order
    const model = mlp(5);
    const x = eg.randn([37, 12], { seed: 4 });
    out.predict = maxDiff(await pool.predict(model, x), model.predict(x));
    // data-parallel fit against in-page fit: same seed, same batches
    const xs = eg.randn([40, 12], { seed: 6 });
    const ys = eg.oneHot(eg.tensor(Array.from({ length: 40 }, (_, i) => (i * 7) % 4), [40], 'int32'), 4);
    const ref = (await mlp(9).fit(xs, ys, { epochs: 2, batchSize: 16, seed: 3, verbose: 0 })).history.loss;
    const trained = mlp(9);
    const got = (await trained.fit(xs, ys, { epochs: 2, batchSize: 16, seed: 3, pool })).history.loss;
    out.lossRef = ref;
    out.lossPool = got;
    // the workers now predict with the trained weights
    out.predictAfterFit = maxDiff(await pool.predict(trained, x), trained.predict(x));
  } finally {
    await pool.close();
  }
  return out;
}

run().then(
  (r) => { (window as unknown as { __result: unknown }).__result = { ok: true, ...r }; },
  (e: Error) => { (window as unknown as { __result: unknown }).__result = { ok: false, error: `${e.message}\n${e.stack}` }; },
);
