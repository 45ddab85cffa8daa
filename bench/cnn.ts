// The reference CNN of the convolution issue on the MNIST digits: 28x28x1 -> conv 3x3 16 relu ->
// maxpool 2 -> conv 3x3 32 relu -> maxpool 2 -> flatten -> dense 10 softmax, batch 64, Adam 1e-3.
// Training throughput (samples/s) for edgegrad in-thread and with a 2-worker pool, tfjs-layers on
// its cpu and wasm backends (tfjs-backend-wasm has no Conv2DBackpropFilter kernel, so its fit
// throws: the row is then left out and the reason logged), and predict at batch 256.
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { type Row, type SuiteContext, measureEpochs, liveRows, time, useBackend } from './harness.js';
import { tfjs } from './peers.js';

const BATCH = 64, PREDICT_BATCH = 256;
const FIT = 'fit reference CNN b64 adam', PREDICT = 'predict reference CNN b256';

type Digits = Awaited<ReturnType<typeof loadMnist>>['train'];
interface Rate { rate: number; spread: number; seconds: number }

/** The reference CNN with edgegrad's layers. */
export function referenceCnn(seed = 1): eg.Sequential {
  return eg.sequential([
    eg.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', seed: seed + 1 }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.flatten(),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: seed + 2 }),
  ], { name: 'reference_cnn' });
}

const rateRow = (name: string, backend: string, m: Rate, batch = BATCH): Row => ({
  suite: 'cnn', case: name, backend, seconds: batch / m.rate, spread: m.spread, value: m.rate, unit: 'samples/s',
});

async function edgegradFit(train: Digits, epochs: number, workers: number): Promise<Rate> {
  const x = eg.tensor(train.images, [train.count, 28, 28, 1]), y = eg.tensor(train.labels, [train.count], 'int32');
  const model = referenceCnn();
  model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
  const pool = workers > 0 ? await eg.createPool({ workers }) : undefined;
  try {
    return await measureEpochs(async () => { await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0, seed: 1, pool }); }, train.count, epochs, BATCH, workers > 0 ? 2 : 1);
  } finally {
    await pool?.close();
    model.dispose(); x.dispose(); y.dispose();
  }
}

function edgegradPredict(test: Digits): Rate {
  const model = referenceCnn();
  const xb = test.images.subarray(0, PREDICT_BATCH * 784);
  const t = time(() => eg.tidy(() => { model.predict(eg.tensor(xb, [PREDICT_BATCH, 28, 28, 1])).dataSync(); }), { reps: 7 });
  model.dispose();
  return { rate: PREDICT_BATCH / t.median, spread: (t.max - t.min) / t.median, seconds: t.median };
}

async function tfjsCnn(backend: 'wasm' | 'cpu', train: Digits, test: Digits, epochs: number, log: (s: string) => void) {
  const tf = { ...(await tfjs(backend)), ...(await import('@tensorflow/tfjs-layers')) };
  const model = tfjsReferenceCnn(tf);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  const xb = test.images.subarray(0, PREDICT_BATCH * 784);
  const t = time(() => tf.tidy(() => { (model.predict(tf.tensor4d(xb, [PREDICT_BATCH, 28, 28, 1])) as { dataSync(): unknown }).dataSync(); }), { reps: 7 });
  const predict: Rate = { rate: PREDICT_BATCH / t.median, spread: (t.max - t.min) / t.median, seconds: t.median };
  let fit: Rate | undefined;
  const x = tf.tensor4d(train.images, [train.count, 28, 28, 1]), y = tf.tensor2d(Float32Array.from(train.labels), [train.count, 1]);
  try {
    fit = await measureEpochs(async () => { await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0, shuffle: true }); }, train.count, epochs, BATCH);
  } catch (e) {
    log(`  tfjs-${backend}: cannot train the CNN (${(e as Error).message.split('\n')[0]})`);
  }
  tf.dispose([x, y]);
  model.dispose();
  return { fit, predict };
}

/** The reference CNN built in tfjs-layers (`tf`: tfjs-core with a backend set, plus tfjs-layers). */
export function tfjsReferenceCnn(tf: typeof import('@tensorflow/tfjs-layers')) {
  return tf.sequential({ layers: [
    tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
}

export async function cnn(ctx: SuiteContext): Promise<Row[]> {
  const { backends, quick } = ctx;
  const rows = liveRows(ctx.onRow);
  const { train: digits, test } = await loadMnist({ train: 8000, test: 2000, seed: 1 });
  const n = quick ? 1024 : 4096;
  const sub = { images: digits.images.subarray(0, n * 784), labels: digits.labels.subarray(0, n), count: n };
  const epochs = quick ? 2 : 3;
  const ours = backends.filter((b) => b.startsWith('wasm'));
  for (const b of ours) {
    await useBackend(b);
    rows.push(rateRow(FIT, b, await edgegradFit(sub, epochs, 0)));
    rows.push(rateRow(FIT, `${b} pool-2`, await edgegradFit(sub, epochs, 2)));
    rows.push(rateRow(PREDICT, b, edgegradPredict(test), PREDICT_BATCH));
  }
  for (const backend of ['wasm', 'cpu'] as const) {
    if (!ctx.peers.includes(`tfjs-${backend}`)) continue;
    try {
      // tfjs-cpu trains this CNN at a few samples/s: a small set keeps the suite short.
      const m = backend === 'cpu' ? Math.min(n, 256) : n;
      const r = await tfjsCnn(backend, { ...sub, images: sub.images.subarray(0, m * 784), labels: sub.labels.subarray(0, m), count: m }, test, backend === 'cpu' ? 1 : epochs, ctx.log);
      if (r.fit) rows.push(rateRow(FIT, `tfjs-${backend}`, r.fit));
      rows.push(rateRow(PREDICT, `tfjs-${backend}`, r.predict, PREDICT_BATCH));
    } catch (e) {
      ctx.log(`  tfjs-${backend}: skipped (${(e as Error).message})`);
    }
  }
  const get = (c: string, b: string) => rows.find((r) => r.case === c && r.backend === b)?.value;
  const tfp = get(PREDICT, 'tfjs-wasm'), tfc = get(FIT, 'tfjs-cpu');
  for (const r of rows) {
    if (r.backend.startsWith('tfjs')) continue;
    if (r.case === PREDICT && tfp) { r.ratio = r.value / tfp; r.baseline = 'tfjs-wasm'; }
    if (r.case === FIT && tfc) { r.ratio = r.value / tfc; r.baseline = 'tfjs-cpu'; }
  }
  for (const b of ours) {
    const one = get(FIT, b), two = get(FIT, `${b} pool-2`), pr = get(PREDICT, b);
    const met = (ok: boolean) => (ok ? 'met' : 'MISS');
    ctx.log(`  ${b}: fit ${Math.round(one ?? 0)} samples/s (target 5000: ${met((one ?? 0) >= 5000)}), 2 workers ${Math.round(two ?? 0)} (target 8000: ${met((two ?? 0) >= 8000)}); ` +
      `predict b256 ${pr && tfp ? `${(pr / tfp).toFixed(2)}x tfjs-wasm (target 2x: ${met(pr / tfp >= 2)})` : 'n/a'}`);
  }
  return rows;
}
