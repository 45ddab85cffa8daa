// Training throughput of an MLP 784-128(relu)-10(softmax), batch 64, on the MNIST digits: edgegrad's
// fit (Adam) vs @tensorflow/tfjs-layers on tfjs-backend-wasm and -cpu (Adam) and @jax-js/jax (jit-compiled
// valueAndGrad + SGD, wasm), predict at batch 256, and where an edgegrad step's time goes.
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { type Row, type SuiteContext, measureEpochs, backendLabel, liveRows, row, time, useBackend } from './harness.js';
import { tfjs } from './peers.js';
import { webgpuStepRows } from './webgpu-step.js';

const HIDDEN = 128, BATCH = 64, PREDICT_BATCH = 256;

type Digits = Awaited<ReturnType<typeof loadMnist>>['train'];

const trainRow = (name: string, backend: string, m: { rate: number; spread: number; seconds: number }): Row => ({
  suite: 'train', case: name, backend, seconds: m.seconds, spread: m.spread, value: m.rate, unit: 'samples/s',
});

async function edgegradFit(train: Digits, epochs: number): Promise<{ rate: number; spread: number; seconds: number }> {
  const x = eg.tensor(train.images, [train.count, 784]), y = eg.tensor(train.labels, [train.count], 'int32');
  const model = eg.sequential([
    eg.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [784], seed: 1 }),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 2 }),
  ]);
  model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
  const m = await measureEpochs(async () => { await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0, seed: 1 }); }, train.count, epochs, BATCH);
  model.dispose(); x.dispose(); y.dispose();
  return m;
}

async function edgegradPredict(test: Digits): Promise<{ rate: number; spread: number; seconds: number }> {
  const model = eg.sequential([
    eg.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [784], seed: 1 }),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 2 }),
  ]);
  const xb = test.images.subarray(0, PREDICT_BATCH * 784);
  const t = time(() => eg.tidy(() => { model.predict(eg.tensor(xb, [PREDICT_BATCH, 784])).dataSync(); }), { reps: 7 });
  model.dispose();
  return { rate: PREDICT_BATCH / t.median, spread: (t.max - t.min) / t.median, seconds: t.median };
}

async function tfjsFitAndPredict(backend: 'wasm' | 'cpu', train: Digits, test: Digits, epochs: number) {
  const tf = { ...(await tfjs(backend)), ...(await import('@tensorflow/tfjs-layers')) };
  const model = tf.sequential({ layers: [
    tf.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [784] }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  const x = tf.tensor2d(train.images, [train.count, 784]), y = tf.tensor2d(Float32Array.from(train.labels), [train.count, 1]);
  const fit = await measureEpochs(async () => { await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0, shuffle: true }); }, train.count, epochs, BATCH);
  const xb = test.images.subarray(0, PREDICT_BATCH * 784);
  const t = time(() => tf.tidy(() => { (model.predict(tf.tensor2d(xb, [PREDICT_BATCH, 784])) as { dataSync(): unknown }).dataSync(); }), { reps: 7 });
  tf.dispose([x, y]);
  model.dispose();
  return { fit, predict: { rate: PREDICT_BATCH / t.median, spread: (t.max - t.min) / t.median, seconds: t.median } };
}

/** jax-js: a jit-compiled valueAndGrad of the cross-entropy plus an SGD update, one call per batch. */
async function jaxFit(train: Digits, epochs: number) {
  const jax = await import('@jax-js/jax');
  const { numpy: np, nn } = jax;
  await jax.init('wasm' as never);
  jax.defaultDevice('wasm' as never);
  type P = { w1: any; b1: any; w2: any; b2: any };
  const lr = 0.05;
  const lossFn = (p: P, x: any, y: any) => {
    const h = nn.relu(np.matmul(x, p.w1).add(p.b1));
    const logits = np.matmul(h, p.w2).add(p.b2);
    return nn.logSoftmax(logits, -1).mul(y).sum().mul(-1 / BATCH);
  };
  const step = jax.jit((p: P, x: any, y: any) => {
    // NOTE: jax-js arguments are moved: p is used again by the update, so pass a new reference.
    const [loss, g] = jax.valueAndGrad(lossFn)(jax.tree.ref(p), x, y) as [any, P];
    const upd = (k: keyof P) => p[k].sub(g[k].mul(lr));
    return [loss, { w1: upd('w1'), b1: upd('b1'), w2: upd('w2'), b2: upd('b2') }];
  });
  const r1 = eg.randn([784, HIDDEN], { seed: 1, std: Math.sqrt(2 / 784) }), r2 = eg.randn([HIDDEN, 10], { seed: 2, std: Math.sqrt(2 / HIDDEN) });
  // NOTE: await data(): the webgpu row before this one may have left edgegrad on webgpu (no dataSync).
  let p: P = {
    w1: np.array((await r1.data()) as Float32Array).reshape([784, HIDDEN]), b1: np.zeros([HIDDEN]),
    w2: np.array((await r2.data()) as Float32Array).reshape([HIDDEN, 10]), b2: np.zeros([10]),
  };
  r1.dispose(); r2.dispose();
  const xb = new Float32Array(BATCH * 784), yb = new Float32Array(BATCH * 10);
  const steps = Math.floor(train.count / BATCH);
  const epoch = async () => {
    for (let s = 0; s < steps; s++) {
      xb.set(train.images.subarray(s * BATCH * 784, (s + 1) * BATCH * 784));
      yb.fill(0);
      for (let k = 0; k < BATCH; k++) yb[k * 10 + train.labels[s * BATCH + k]] = 1;
      const [loss, next] = step(p, np.array(xb).reshape([BATCH, 784]), np.array(yb).reshape([BATCH, 10])) as [any, P];
      await loss.data();
      p = next;
    }
  };
  return measureEpochs(epoch, steps * BATCH, epochs, BATCH);
}

/** Where one edgegrad training step's time goes, measured piece by piece (seconds per step). */
function breakdown(train: Digits, log: (s: string) => void): Row[] {
  const rows: Row[] = [];
  const add = (name: string, fn: () => void) => {
    const t = time(fn, { reps: 7, minRepMs: 40 });
    rows.push({ ...row('train', `step: ${name}`, eg.features().wasmBuild ?? eg.backend(), t, 1, 'calls/s') });
    return t.median;
  };
  const mk = (hidden: number, inDim: number, classes: number) => {
    const model = eg.sequential([
      eg.layers.dense({ units: hidden, activation: 'relu', inputShape: [inDim], seed: 1 }),
      eg.layers.dense({ units: classes, activation: 'softmax', seed: 2 }),
    ]);
    const opt = eg.optimizers.adam({ learningRate: 1e-3 });
    const x = eg.randu([BATCH, inDim], { seed: 3 });
    const y = eg.tensor(new Int32Array(BATCH).map((_, i) => i % classes), [BATCH], 'int32');
    const vars = model.trainableWeights;
    const fwdBwd = () => eg.tidy(() => {
      // The layers' own forward (fused GEMM + bias + relu; logits for the fused loss), as fit runs it.
      const { value, grads } = eg.valueAndGrads(() => {
        const h = model.layers[0].apply(x, { training: true });
        return eg.losses.sparseSoftmaxCrossEntropy(y, model.layers[1].callLogits!(h, { training: true }));
      }, vars);
      value.dataSync();
      return grads;
    });
    return { model, opt, x, y, vars, fwdBwd };
  };
  const full = mk(HIDDEN, 784, 10);
  const fb = add('forward+backward (valueAndGrads)', () => { eg.dispose(full.fwdBwd()); });
  const grads = full.fwdBwd();
  const opt = add('Adam update (4 weights)', () => full.opt.apply(full.vars, grads));
  const a = eg.randu([BATCH, 784], { seed: 1 }), w1 = full.vars[0], h = eg.randu([BATCH, HIDDEN], { seed: 2 }), w2 = full.vars[2], dy = eg.randu([BATCH, 10], { seed: 3 });
  const gemm = add('GEMM only (fwd 2 + bwd 3 matmuls)', () => eg.tidy(() => {
    eg.matmul(a, w1); eg.matmul(h, w2);
    eg.matmul(a, h, { transposeA: true }); eg.matmul(h, dy, { transposeA: true }); eg.matmul(dy, w2, { transposeB: true });
  }));
  const order = Int32Array.from({ length: BATCH }, (_, i) => i * 3);
  const xs = new Float32Array(BATCH * 784);
  const data = add('batch copy + upload', () => {
    for (let k = 0; k < BATCH; k++) xs.set(train.images.subarray(order[k] * 784, (order[k] + 1) * 784), k * 784);
    eg.tensor(xs, [BATCH, 784]).dispose();
  });
  // The same graph at unit sizes: what remains is dispatch, tape and JS work, not arithmetic.
  const tiny = mk(1, 1, 2);
  const tinyGrads = tiny.fwdBwd();
  const overhead = add('same graph at unit sizes (JS + dispatch)', () => { eg.dispose(tiny.fwdBwd()); tiny.opt.apply(tiny.vars, tinyGrads); });
  const elementwise = Math.max(0, fb + opt - gemm - overhead);
  rows.push({ suite: 'train', case: 'step: elementwise, softmax, reductions (rest)', backend: rows[0].backend, seconds: elementwise, spread: 0, value: 1 / Math.max(elementwise, 1e-9), unit: 'calls/s' });
  eg.dispose([...grads, ...tinyGrads, a, h, dy, full.x, full.y, tiny.x, tiny.y]);
  full.model.dispose(); tiny.model.dispose(); full.opt.dispose(); tiny.opt.dispose();
  log(`  step breakdown (${rows[0].backend}): fwd+bwd ${(fb * 1e3).toFixed(3)} ms, Adam ${(opt * 1e3).toFixed(3)} ms; of which GEMM ${(gemm * 1e3).toFixed(3)} ms, ` +
    `JS+dispatch ${(overhead * 1e3).toFixed(3)} ms, elementwise/softmax/reductions ${(elementwise * 1e3).toFixed(3)} ms; batch copy+upload ${(data * 1e3).toFixed(3)} ms`);
  return rows;
}

export async function train(ctx: SuiteContext): Promise<Row[]> {
  const { backends, quick } = ctx;
  const rows = liveRows(ctx.onRow);
  const { train: digits, test } = await loadMnist({ train: 8000, test: 2000, seed: 1 });
  const epochs = quick ? 2 : 3;
  const sub = quick ? { images: digits.images.subarray(0, 4096 * 784), labels: digits.labels.subarray(0, 4096), count: 4096 } : digits;
  const ours = backends.filter((b) => b.startsWith('wasm'));
  for (const b of ours) {
    await useBackend(b);
    rows.push(trainRow('fit 784-128-10 b64 adam', b, await edgegradFit(sub, epochs)));
    rows.push(trainRow('predict 784-128-10 b256', b, await edgegradPredict(test)));
    rows.push(...breakdown(digits, ctx.log));
  }
  if (backends.includes('webgpu')) {
    // A training step on WebGPU beside wasm: fit reads back once per epoch there. A small subset,
    // since a software adapter (SwiftShader) is far slower than wasm.
    try {
      await useBackend('webgpu');
      const n = quick ? 256 : 1024;
      const small = { images: digits.images.subarray(0, n * 784), labels: digits.labels.subarray(0, n), count: n };
      rows.push(trainRow('fit 784-128-10 b64 adam', backendLabel('webgpu'), await edgegradFit(small, quick ? 1 : 2)));
      // what a compiled step gets on the device side: cached bind groups, one submit per step (bench/webgpu-step.ts)
      rows.push(...await webgpuStepRows({ quick, log: ctx.log }));
    } catch (e) {
      ctx.log(`  webgpu: skipped (${(e as Error).message})`);
    }
  }
  const tfPeer = (backend: 'wasm' | 'cpu') => async () => {
    const r = await tfjsFitAndPredict(backend, sub, test, epochs);
    rows.push(trainRow('fit 784-128-10 b64 adam', `tfjs-${backend}`, r.fit));
    rows.push(trainRow('predict 784-128-10 b256', `tfjs-${backend}`, r.predict));
  };
  const peers: [string, () => Promise<void>][] = [
    ['tfjs-wasm', tfPeer('wasm')],
    ['tfjs-cpu', tfPeer('cpu')],
    ['jax-js', async () => {
      // NOTE: onnxruntime-web's Emscripten glue (loaded by the gemm suite) sets globalThis.Worker to
      // worker_threads' Worker; jax-js then starts browser-style workers from blob: URLs, which Node refuses.
      const g = globalThis as { Worker?: unknown };
      const saved = g.Worker;
      delete g.Worker;
      try { rows.push(trainRow('fit 784-128-10 b64 sgd (jit)', 'jax-js-wasm', await jaxFit(sub, epochs))); } finally { if (saved) g.Worker = saved; }
    }],
  ];
  for (const [name, run] of peers) {
    if (!ctx.peers.includes(name)) continue;
    try { await run(); } catch (e) { ctx.log(`  ${name}: skipped (${(e as Error).message})`); }
  }
  const get = (c: string, b: string) => rows.find((r) => r.case === c && r.backend === b)?.value;
  for (const b of ours) {
    const fit = get('fit 784-128-10 b64 adam', b), tf = get('fit 784-128-10 b64 adam', 'tfjs-wasm');
    const jax = get('fit 784-128-10 b64 sgd (jit)', 'jax-js-wasm');
    const pr = get('predict 784-128-10 b256', b), tfp = get('predict 784-128-10 b256', 'tfjs-wasm');
    for (const r of rows) {
      if (r.backend !== b) continue;
      if (r.case.startsWith('fit') && tf) { r.ratio = r.value / tf; r.baseline = 'tfjs-wasm'; }
      if (r.case.startsWith('predict') && tfp) { r.ratio = r.value / tfp; r.baseline = 'tfjs-wasm'; }
    }
    const fmt = (v?: number) => (v === undefined ? 'n/a' : `${v.toFixed(2)}x`);
    ctx.log(`  ${b}: fit ${Math.round(fit ?? 0)} samples/s = ${fmt(fit && tf ? fit / tf : undefined)} tfjs-layers/wasm (target 6x), ` +
      `${fmt(fit && jax ? fit / jax : undefined)} jax-js jit (target 1.2x); predict b256 ${fmt(pr && tfp ? pr / tfp : undefined)} tfjs (target 2x)`);
  }
  return rows;
}
