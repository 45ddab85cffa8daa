// The MLP 784-128-10 predict (issue 15), paired: edgegrad on wasm-simd and wasm-relaxed and
// tfjs-layers on tfjs-wasm (one thread, weights resident, warm) alternate round after round in one
// process, each timed by the process's CPU time; batches 256, 32 and 1, random inputs and weights
// as bench/resident.ts's MLP row. Medians (and minima) per call, and each build's ratio to tfjs-wasm.
//   npm run build && node --experimental-wasm-relaxed-simd dist/bench/mlp-predict-pair.js [rounds]
import * as eg from '../src/index.js';
import { useBackend } from './harness.js';
import { tfjs } from './peers.js';

const rounds = Number(process.argv[2] ?? 15);
function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}
const w1 = random(784 * 128, 4), b1 = random(128, 5), w2 = random(128 * 10, 6), b2 = random(10, 7);
const tf = { ...(await tfjs('wasm')), ...(await import('@tensorflow/tfjs-layers')) };
const tm = tf.sequential({ layers: [
  tf.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
  tf.layers.dense({ units: 10, activation: 'softmax' }),
] });
tm.setWeights([tf.tensor2d(w1, [784, 128]), tf.tensor1d(b1), tf.tensor2d(w2, [128, 10]), tf.tensor1d(b2)]);
const builds = ['wasm-simd', 'wasm-relaxed'];
const ours = new Map<string, eg.Sequential>();
for (const b of builds) {
  await useBackend(b);
  const m = eg.sequential([
    eg.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
    eg.layers.dense({ units: 10, activation: 'softmax' }),
  ]);
  m.setWeights([eg.tensor(w1, [784, 128]), eg.tensor(b1, [128]), eg.tensor(w2, [128, 10]), eg.tensor(b2, [10])]);
  ours.set(b, m);
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
for (const B of [256, 32, 1]) {
  const x = random(B * 784, 3);
  const fns: [string, () => Promise<void> | void, () => void][] = [
    ...builds.map((b): [string, () => Promise<void>, () => void] => [b, () => useBackend(b),
      () => eg.tidy(() => { (ours.get(b)!.predict(eg.tensor(x, [B, 784]), { batchSize: B }) as eg.Tensor).dataSync(); })]),
    ['tfjs-wasm', async () => { if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm'); },
      () => tf.tidy(() => { (tm.predict(tf.tensor2d(x, [B, 784]), { batchSize: B }) as { dataSync(): unknown }).dataSync(); })],
  ];
  const reps: number[] = [];
  for (const [, setup, f] of fns) {
    await setup();
    for (let i = 0; i < 5; i++) f();
    let n = 0;
    const t0 = cpu();
    for (; cpu() - t0 < 100; n++) f();
    reps.push(Math.max(1, Math.round(n * 40 / (cpu() - t0)))); // ~40 ms of CPU per sample
  }
  const ts = fns.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, setup, f]] of fns.entries()) {
      await setup();
      const c0 = cpu();
      for (let k = 0; k < reps[i]; k++) f();
      ts[i].push((cpu() - c0) / reps[i]);
    }
  }
  const tfm = med(ts[fns.length - 1]);
  const line = fns.map(([name], i) => `${name} ${med(ts[i]).toFixed(B === 1 ? 4 : 3)} ms (min ${Math.min(...ts[i]).toFixed(B === 1 ? 4 : 3)})`
    + (i < builds.length ? ` ${(tfm / med(ts[i])).toFixed(2)}x` : '')).join(', ');
  console.log(`predict b${B} (CPU ms per call, medians of ${rounds}): ${line}`);
}
