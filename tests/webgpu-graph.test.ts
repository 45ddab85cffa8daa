// Graph models on webgpu: a two-input, two-output model (a loss per output, accuracy and f1 on
// one) trains on the device path (sums kept on the GPU, read once per epoch or per batch) and
// matches the same training on wasm; save/load keeps predictions. Runs when a WebGPU adapter
// exists (EDGEGRAD_TEST_BACKENDS=webgpu); sizes are small: SwiftShader is slow.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { webgpuAdapter } from './util/backends.js';
import { Rng } from './util/ref.js';

const { adapter, reason } = await webgpuAdapter();
const N = 120;

function data() {
  const rng = new Rng(4);
  const a = new Float32Array(N * 3), b = new Float32Array(N * 2), cls = new Int32Array(N), reg = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    cls[i] = rng.int(0, 3);
    for (let j = 0; j < 3; j++) a[i * 3 + j] = rng.normal() + (j === cls[i] ? 1.5 : 0);
    b[i * 2] = rng.normal(); b[i * 2 + 1] = rng.normal();
    reg[i] = b[i * 2] - b[i * 2 + 1];
  }
  return { x: [eg.tensor(a, [N, 3]), eg.tensor(b, [N, 2])], y: [eg.tensor(cls, [N], 'int32'), eg.tensor(reg, [N, 1])] };
}

async function run(batchLogs: boolean) {
  const ia = eg.input({ shape: [3], name: 'a' }), ib = eg.input({ shape: [2], name: 'b' });
  const h = eg.layers.dense({ units: 8, activation: 'tanh', seed: 1 }).apply(eg.layers.concatenate().apply([ia, ib]));
  const cls = eg.layers.dense({ units: 3, activation: 'softmax', name: 'cls', seed: 2 }).apply(eg.layers.add().apply([h, eg.layers.dense({ units: 8, seed: 3 }).apply(h)]));
  const reg = eg.layers.dense({ units: 1, name: 'reg', seed: 4 }).apply(h);
  const m = eg.model({ inputs: [ia, ib], outputs: [cls, reg] });
  m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.02 }), loss: ['sparseCategoricalCrossentropy', 'mse'], metrics: { cls: ['accuracy', 'f1'] } });
  const { x, y } = data();
  const batches: number[] = [];
  const hist = await m.fit(x, y, { epochs: 3, batchSize: 40, seed: 2, verbose: 0, validationData: [x, y], callbacks: batchLogs ? { onBatchEnd: (_b, l) => { batches.push(l.reg_loss); } } : [] });
  const ev = await m.evaluate(x, y, { batchSize: 50 });
  const [p] = m.predict(x);
  const a = await m.save(`/tmp/eg-webgpu-graph-${process.pid}-${batchLogs}`);
  const back = await eg.loadModel<eg.Tensor[]>(a.url);
  const [q] = back.predict(x);
  const out = { hist: hist.history, ev, p: Array.from(await p.data()), q: Array.from(await q.data()), batches };
  m.dispose(); back.dispose();
  rmSync(a.url, { recursive: true, force: true });
  return out;
}

describe.skipIf(!adapter)(`graph models on webgpu (${adapter?.name ?? `no adapter: ${reason}`})`, () => {
  afterAll(async () => { await eg.init({ backend: 'js' }); });
  it('several inputs and outputs train as on wasm; save/load keeps predictions', async () => {
    await eg.init({ backend: 'wasm' });
    const w = await run(false);
    await eg.init({ backend: 'webgpu' });
    const g = await run(true);
    expect(Object.keys(g.hist).sort()).toEqual(Object.keys(w.hist).sort());
    for (const k of ['loss', 'cls_loss', 'reg_loss', 'val_loss', 'val_reg_loss']) {
      g.hist[k].forEach((v, i) => expect(Math.abs(v - w.hist[k][i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(v))));
    }
    expect(Math.abs(g.ev.cls_f1 - w.ev.cls_f1)).toBeLessThan(0.02);
    expect(g.batches).toHaveLength(9);
    expect(g.batches.every(Number.isFinite)).toBe(true);
    g.p.forEach((v, i) => expect(Math.abs(v - w.p[i])).toBeLessThan(1e-3));
    expect(g.q).toEqual(g.p);
  }, 120_000);
});
