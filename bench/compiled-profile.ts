// Where a compiled fit step's time goes (issue 16): MLP 784-128-10, Adam, random data (4,096
// samples), one backend build and batch size. Interleaved in one process, CPU time per step
// (process.cpuUsage, medians over the rounds): fit epochs eager (compile: false) and compiled, and
// the same plan replayed bare in a loop on fixed rows (its kernels and the replay loop, no fit loop,
// no batch gathering, no loss read). Then the plan's kernels one at a time, each called 300 times
// in a row on its own (hot caches: a floor, not the in-step cost), and the replay with every
// kernel swapped for a no-op (the replay loop's own JavaScript: uploads, hooks, version bumps), and
// compiled fit epochs over those no-ops (fit's own work: loop, gather, reads) with the gather alone.
//   npm run build && node --experimental-wasm-relaxed-simd dist/bench/compiled-profile.js [simd|relaxed] [batch] [rounds]
// Add --cpu-prof for a V8 profile of the same run.
import * as eg from '../src/index.js';
import { Batcher, iota, shuffleInPlace } from '../src/model/training.js';
import { rng } from '../src/random.js';
import { eagerCompiledBare, lcg, mlp } from './compiled.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
const batch = Number(process.argv[3] ?? 16), rounds = Number(process.argv[4] ?? 7);
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });

const n = 4096, r = lcg(1);
const xs = Float32Array.from({ length: n * 784 }, () => r()), ys = Int32Array.from({ length: n }, () => Math.floor(r() * 10));
const x = eg.tensor(xs, [n, 784]), y = eg.tensor(ys, [n], 'int32');
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const steps = Math.ceil(n / batch);
const models = { eager: mlp(), compiled: mlp() };
const epoch = (m: eg.Model, compile: boolean) => m.fit(x, y, { epochs: 1, batchSize: batch, verbose: 0, seed: 1, compile });
const rows = [xs.slice(0, batch * 784), ys.slice(0, batch)];
const { plan, ...t } = await eagerCompiledBare(models, epoch, batch, rows, steps, rounds);
const us = (v: number[]) => `${(med(v) / steps * 1000).toFixed(1)} us`;
console.log(`${build} b${batch}, per step (cpu, medians of ${rounds}): eager fit ${us(t.eager)}, compiled fit ${us(t.compiled)}, bare replay ${us(t.bare)}; `
  + `eager/compiled ${(med(t.eager) / med(t.compiled)).toFixed(2)}x, eager/bare ${(med(t.eager) / med(t.bare)).toFixed(2)}x`);

// The plan's kernels alone (internal fields, read for this profile only).
interface Op { k: number; name?: string; impl?: (...a: unknown[]) => void; ins?: { shape: readonly number[] }[]; outs?: unknown[]; attrs?: unknown; dyn?: () => unknown }
const ops = (plan as unknown as { ops: Op[] }).ops;
let sum = 0;
const lines: [number, string][] = [];
for (const op of ops) {
  if (op.k !== 0 && op.k !== 1) continue;
  const f = op.k === 0 ? () => op.impl!(op.ins, op.outs, op.attrs) : () => op.impl!(op.ins, [], op.dyn ? op.dyn() : op.attrs);
  // NOTE: in-place updates run on the model's real weights here; the model is not used afterwards.
  for (let i = 0; i < 20; i++) f();
  const c0 = cpu();
  for (let i = 0; i < 300; i++) f();
  const each = (cpu() - c0) / 300 * 1000;
  sum += each;
  lines.push([each, `${op.name ?? 'in-place update'} ${op.ins!.map((i) => `[${i.shape}]`).join(' ')}`]);
}
console.log(`kernels one by one, hot: ${sum.toFixed(1)} us per step in all`);
for (const [v, s] of lines.sort((a, b) => b[0] - a[0])) console.log(`  ${v.toFixed(1).padStart(7)} us  ${s}`);
const impls = ops.map((o) => o.impl);
for (const o of ops) if (o.impl) o.impl = () => {};
const c0 = cpu();
for (let i = 0; i < 20 * steps; i++) plan.replay(rows);
console.log(`replay with no-op kernels: ${((cpu() - c0) / (20 * steps) * 1000).toFixed(2)} us per step`);
// fit's own work around the replay: fit epochs over the no-op kernels against the no-op replay on
// fixed rows, interleaved, and the batch gather alone (shuffled rows into the plan's input buffers).
const set = { n, xs: [{ data: xs, sample: [784], dtype: 'float32' as const }], ys: [{ data: ys, sample: [], dtype: 'int32' as const }] };
const batcher = new Batcher(set, batch), order = iota(n), random = rng(1);
shuffleInPlace(order, random);
const own = { fit: [] as number[], replay: [] as number[], gather: [] as number[] };
for (let k = 0; k < rounds + 1; k++) {
  let c0 = cpu();
  await epoch(models.compiled, true);
  const f = cpu() - c0;
  c0 = cpu();
  for (let i = 0; i < steps; i++) plan.replay(rows);
  const r = cpu() - c0;
  c0 = cpu();
  for (let i = 0; i < steps; i++) batcher.gatherInto(order, i * batch, batch, plan.inputViews()!);
  // NOTE: the first round warms up (JIT), as the epochs above did before their rounds.
  if (k > 0) { own.fit.push(f); own.replay.push(r); own.gather.push(cpu() - c0); }
}
const per = (v: number[]) => (med(v) / steps * 1000).toFixed(2);
console.log(`no-op kernels, per step (cpu, medians of ${rounds}): compiled fit ${per(own.fit)} us, bare replay ${per(own.replay)} us, `
  + `the fit's batch gather alone ${per(own.gather)} us`);
ops.forEach((o, i) => { o.impl = impls[i]; });
