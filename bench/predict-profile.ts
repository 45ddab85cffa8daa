// Where the MLP 784-128-10 predict at batch B goes on wasm (issue 15): CPU time per call, phases
// interleaved round after round in one process (process.cpuUsage, medians): the whole call as
// bench/resident.ts times it, the upload alone (eg.tensor), predict without the upload or the read,
// the read (dataSync), and the GEMM 256x784x128 with resident weights (resident.ts's GEMM row).
//   npm run build && node --experimental-wasm-relaxed-simd dist/bench/predict-profile.js [simd|relaxed] [batch] [rounds]
import * as eg from '../src/index.js';
import { planOf } from '../src/model/compiled.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
const B = Number(process.argv[3] ?? 256), rounds = Number(process.argv[4] ?? 9);
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });

function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}
const x = random(B * 784, 3);
const m = eg.sequential([
  eg.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
  eg.layers.dense({ units: 10, activation: 'softmax' }),
]);
m.setWeights([eg.tensor(random(784 * 128, 4), [784, 128]), eg.tensor(random(128, 5), [128]), eg.tensor(random(1280, 6), [128, 10]), eg.tensor(random(10, 7), [10])]);
const w1 = m.getWeights()[0];
const xt = eg.keep(eg.tensor(x, [B, 784]));
const y = eg.keep(m.predict(xt, { batchSize: B }) as eg.Tensor);

const phases: Record<string, () => void> = {
  'whole call': () => eg.tidy(() => { (m.predict(eg.tensor(x, [B, 784]), { batchSize: B }) as eg.Tensor).dataSync(); }),
  'upload (eg.tensor)': () => eg.tidy(() => { eg.tensor(x, [B, 784]); }),
  'predict (x resident)': () => eg.tidy(() => { m.predict(xt, { batchSize: B }); }),
  'read (dataSync)': () => { y.dataSync(); },
  'GEMM x·W1 (x resident)': () => eg.tidy(() => { eg.matmul(xt, w1); }),
  'GEMM row (upload+GEMM+read)': () => eg.tidy(() => { eg.matmul(eg.tensor(x, [B, 784]), w1).dataSync(); }),
  'eager predict (compile: false)': () => eg.tidy(() => { (m.predict(eg.tensor(x, [B, 784]), { batchSize: B, compile: false }) as eg.Tensor).dataSync(); }),
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
function per(fn: () => void, minMs: number): number {
  let n = 1;
  for (;;) {
    const t0 = cpu();
    for (let i = 0; i < n; i++) fn();
    const dt = cpu() - t0;
    if (dt >= minMs) return dt / n;
    n *= 2;
  }
}
const names = Object.keys(phases), t: number[][] = names.map(() => []);
for (const f of Object.values(phases)) for (let i = 0; i < 5; i++) f();
for (let r = 0; r < rounds; r++) names.forEach((k, i) => t[i].push(per(phases[k], 60)));
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`wasm-${build} b${B}, CPU ms per call (medians of ${rounds}, interleaved):`);
names.forEach((k, i) => console.log(`  ${k.padEnd(30)} ${med(t[i]).toFixed(3)} ms (min ${Math.min(...t[i]).toFixed(3)})`));
console.log(`  compiledSteps: ${JSON.stringify(m.compiledSteps())}`);

// The predict plan's kernels one at a time, each 200 times in a row (hot caches: a floor).
interface Op { k: number; name?: string; impl?: (...a: unknown[]) => void; ins?: { shape: readonly number[] }[]; outs?: unknown[]; attrs?: unknown }
const plan = planOf(m, 'predict:');
if (plan) {
  for (const op of (plan as unknown as { ops: Op[] }).ops) {
    if (op.k !== 0) { console.log(`  op kind ${op.k}`); continue; }
    const f = () => op.impl!(op.ins, op.outs, op.attrs);
    for (let i = 0; i < 20; i++) f();
    const c0 = cpu();
    for (let i = 0; i < 200; i++) f();
    console.log(`  kernel ${op.name} ${op.ins!.map((i) => `[${i.shape}]`).join(' ')} ${((cpu() - c0) / 200).toFixed(3)} ms`);
  }
}

// predict with every kernel of the plan a no-op: the JavaScript around the kernels (and the output copy's kernel).
if (plan) {
  const ops = (plan as unknown as { ops: Op[] }).ops;
  const impls = ops.map((o) => o.impl);
  for (const o of ops) if (o.impl) o.impl = () => {};
  const f = () => eg.tidy(() => { m.predict(xt, { batchSize: B }); });
  const g = () => eg.tidy(() => { (m.predict(eg.tensor(x, [B, 784]), { batchSize: B }) as eg.Tensor).dataSync(); });
  const u: number[] = [], v: number[] = [];
  for (let r = 0; r < rounds; r++) { u.push(per(f, 60)); v.push(per(g, 60)); }
  console.log(`  predict, kernels no-op (x resident): ${(med(u) * 1000).toFixed(1)} us; whole call, kernels no-op: ${(med(v) * 1000).toFixed(1)} us`);
  ops.forEach((o, i) => { o.impl = impls[i]; });
}

// The GEMM against the register-only peak (bench/probe.ts; both the best of several runs).
{
  const { simdPeak } = await import('./probe.js');
  const p = await simdPeak(build === 'relaxed', 7, cpu);
  const peak = build === 'relaxed' ? p.madd : p.mulAdd;
  const g = () => eg.tidy(() => { eg.matmul(xt, w1); });
  const s: number[] = [];
  for (let r = 0; r < rounds; r++) s.push(per(g, 60));
  const best = Math.min(...s), gf = 2 * B * 784 * 128 / 1e6 / best;
  console.log(`  peak ${peak.toFixed(1)} GFLOP/s; GEMM ${B}x784x128 best ${best.toFixed(3)} ms = ${gf.toFixed(1)} GFLOP/s (${(100 * gf / peak).toFixed(0)}% of peak); at peak it would take ${(2 * B * 784 * 128 / 1e6 / peak).toFixed(3)} ms`);
}
