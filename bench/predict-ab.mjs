// In-process A/B of predict between two builds of the library (A: another checkout's dist, e.g. main's;
// B: this one's), with tfjs-layers on tfjs-wasm (one thread) as the third contender: the MLP
// 784-128-10 at batches 256, 32 and 1, or the reference CNN at batch 256. Same weights in A and B;
// the three alternate round after round, each timed by the process's CPU time (both engines see the
// same load), and A's and B's outputs are compared bit for bit. E.g. main against this branch:
//   git archive main | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   (cd /tmp/base && npx tsc -p tsconfig.build.json) && npm run build
//   node --experimental-wasm-relaxed-simd bench/predict-ab.mjs /tmp/base/dist simd|relaxed mlp|cnn [rounds]
import { resolve } from 'node:path';
const [baseDist, build = 'simd', model = 'mlp', roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? (model === 'cnn' ? 9 : 15));
const A = await import(resolve(baseDist, 'src/index.js'));
const B = await import(new URL('../dist/src/index.js', import.meta.url).href);
const { tfjs } = await import(new URL('../dist/bench/peers.js', import.meta.url).href);
const tf = { ...(await tfjs('wasm')), ...(await import('@tensorflow/tfjs-layers')) };
const rnd = (n, s) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; } return v; };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const med = (v) => [...v].sort((p, q) => p - q)[v.length >> 1];

/** Our model on engine eg, and tfjs-layers' (both with the given layer stack). */
function models(eg, kind) {
  const L = eg.layers;
  return kind === 'cnn'
    ? eg.sequential([L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }), L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', seed: 2 }), L.maxPooling2d({ poolSize: 2 }), L.flatten(),
      L.dense({ units: 10, activation: 'softmax', seed: 3 })])
    : eg.sequential([L.dense({ units: 128, activation: 'relu', inputShape: [784], seed: 1 }), L.dense({ units: 10, activation: 'softmax', seed: 2 })]);
}
await A.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const mA = models(A, model);
await B.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const mB = models(B, model);
const weights = mA.getWeights().map((w) => ({ v: w.dataSync(), shape: [...w.shape] }));
mB.setWeights(weights.map((w) => B.tensor(w.v, w.shape)));
const TL = tf.layers;
const tm = tf.sequential({ layers: model === 'cnn'
  ? [TL.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }), TL.maxPooling2d({ poolSize: 2 }),
    TL.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }), TL.maxPooling2d({ poolSize: 2 }), TL.flatten(), TL.dense({ units: 10, activation: 'softmax' })]
  : [TL.dense({ units: 128, activation: 'relu', inputShape: [784] }), TL.dense({ units: 10, activation: 'softmax' })] });
tm.setWeights(weights.map((w) => tf.tensor(w.v, w.shape)));
const sample = model === 'cnn' ? [28, 28, 1] : [784];
for (const n of model === 'cnn' ? [256] : [256, 32, 1]) {
  const x = rnd(n * 784, 3), shape = [n, ...sample];
  const fns = {
    A: () => A.tidy(() => { mA.predict(A.tensor(x, shape), { batchSize: n }).dataSync(); }),
    B: () => B.tidy(() => { mB.predict(B.tensor(x, shape), { batchSize: n }).dataSync(); }),
    'tfjs-wasm': () => tf.tidy(() => { tm.predict(tf.tensor(x, shape), { batchSize: n }).dataSync(); }),
  };
  const ya = A.tidy(() => mA.predict(A.tensor(x, shape)).dataSync()), yb = B.tidy(() => mB.predict(B.tensor(x, shape)).dataSync());
  const same = ya.every((v, i) => Object.is(v, yb[i]));
  const reps = {}, t = {};
  for (const [k, f] of Object.entries(fns)) {
    for (let i = 0; i < 3; i++) f();
    let c = 0;
    const c0 = cpu();
    for (; cpu() - c0 < 60; c++) f();
    reps[k] = Math.max(1, Math.round(c * 30 / (cpu() - c0)));
    t[k] = [];
  }
  for (let r = 0; r < rounds; r++) for (const [k, f] of Object.entries(fns)) { const c0 = cpu(); for (let i = 0; i < reps[k]; i++) f(); t[k].push((cpu() - c0) / reps[k]); }
  const d = n === 1 ? 4 : 3, ta = med(t.A), tb = med(t.B), tt = med(t['tfjs-wasm']);
  console.log(`${model} ${build} b${n} (CPU ms per call, medians of ${rounds}): A ${ta.toFixed(d)}, B ${tb.toFixed(d)} (A/B ${(ta / tb).toFixed(3)}x), `
    + `tfjs-wasm ${tt.toFixed(d)}; vs tfjs-wasm: A ${(tt / ta).toFixed(2)}x, B ${(tt / tb).toFixed(2)}x; A and B outputs ${same ? 'bit-identical' : 'differ'}`);
}
