// Where the reference CNN's training step spends its time, per kernel (CPU time of each backend
// kernel call, process.cpuUsage: robust to a loaded machine; summed over the epochs; the rest is the engine, autograd and JS around them).
//   npx esbuild bench/cnn-profile.ts --bundle --platform=node --format=esm --outfile=build/cnn-profile.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd build/cnn-profile.mjs [simd|relaxed] [epochs] [predict]
// (`predict`: profiles 20 predicts at batch 256 instead of the training step)
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { loadMnist } from '../src/data/mnist.js';
import { referenceCnn } from './cnn.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd', epochs = Number(process.argv[3] ?? 3);
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const { train } = await loadMnist({ train: 4096, test: 0, seed: 1 });
const x = eg.tensor(train.images, [train.count, 28, 28, 1]), y = eg.tensor(train.labels, [train.count], 'int32');
const model = referenceCnn();
model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0, seed: 1 });
const table = engine.requireBackend('profile').kernels as unknown as Record<string, (ins: { shape: number[] }[], outs: unknown, attrs: unknown) => unknown>;
const spent = new Map<string, { ms: number; calls: number }>();
for (const [name, f] of Object.entries(table)) {
  table[name] = (ins: { shape: number[] }[], outs: unknown, attrs: unknown) => {
    const t0 = process.cpuUsage();
    const r = f(ins, outs, attrs);
    const dt = process.cpuUsage(t0);
    const key = `${name} ${ins.map((i) => `[${i.shape}]`).join(' ')}`;
    const s = spent.get(key) ?? { ms: 0, calls: 0 };
    s.ms += (dt.user + dt.system) / 1000; s.calls++;
    spent.set(key, s);
    return r;
  };
}
const predict = process.argv[4] === 'predict';
const c0 = process.cpuUsage(), t0 = performance.now();
if (predict) {
  for (let i = 0; i < 20; i++) eg.tidy(() => { model.predict(eg.tensor(train.images.subarray(0, 256 * 784), [256, 28, 28, 1])).dataSync(); });
} else {
  await model.fit(x, y, { epochs, batchSize: 64, verbose: 0, seed: 1 });
}
const wall = performance.now() - t0, cpu = process.cpuUsage(c0);
const steps = predict ? 20 : epochs * Math.ceil(train.count / 64);
const kernels = [...spent.values()].reduce((a, s) => a + s.ms, 0);
console.log(`${build}: ${steps} steps, ${(wall / steps).toFixed(2)} ms/step wall (${Math.round(64 * steps / wall * 1000)} samples/s), cpu ${((cpu.user + cpu.system) / 1000 / steps).toFixed(2)} ms/step; kernels ${(kernels / steps).toFixed(2)} ms/step cpu`);
for (const [k, s] of [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
  console.log(`${(s.ms / steps).toFixed(3).padStart(7)} ms/step ${String(Math.round(s.calls / steps * 10) / 10).padStart(4)}x  ${k}`);
}
