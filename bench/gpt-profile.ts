// Where the char-GPT training step's time goes on wasm (issue 16): the compiled bench's reference
// model (src/cli-text.ts gpt: 4 pre-norm decoder blocks, width 128, T 64, batch 12, AdamW with
// global-norm clipping). Interleaved in one process, CPU time per step: an eager fit epoch, a
// compiled one, and the plan replayed bare. Then the plan's kernels one at a time (each called in a
// row on its own, hot caches), grouped by kernel name, with GFLOP/s for the GEMMs. It answers how
// much of a step the kernels are, so how far removing per-op JavaScript (compile) can go.
//   npm run build && node --experimental-wasm-relaxed-simd dist/bench/gpt-profile.js [simd|relaxed] [rounds]
// (SKIP_KERNELS=1: the step times only.)
import * as eg from '../src/index.js';
import { T, charGpt, eagerCompiledBare, gptData } from './compiled.js';
import { matmulDims } from '../src/kernels.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
const rounds = Number(process.argv[3] ?? 5);
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const B = 12, n = 48;
const { x, y } = gptData(n)();
const ids = x.dataSync() as Int32Array, next = y.dataSync() as Int32Array;
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const steps = n / B;
const models = { eager: charGpt(), compiled: charGpt() };
const epoch = (m: eg.Model, compile: boolean) => m.fit(x, y, { epochs: 1, batchSize: B, verbose: 0, seed: 1, compile });
const { plan, ...t } = await eagerCompiledBare(models, epoch, B, [ids.slice(0, B * T), next.slice(0, B * T)], steps, rounds);
const ms = (v: number[]) => `${(med(v) / steps).toFixed(1)} ms`;
console.log(`${build} char-GPT b${B}, per step (cpu, medians of ${rounds}): eager fit ${ms(t.eager)}, compiled fit ${ms(t.compiled)}, bare replay ${ms(t.bare)}; `
  + `eager/compiled ${(med(t.eager) / med(t.compiled)).toFixed(2)}x, eager/bare ${(med(t.eager) / med(t.bare)).toFixed(2)}x`);

// The plan's kernels alone (internal fields, read for this profile only; the in-place updates run
// on the compiled model's weights, which is not used afterwards).
interface Op { k: number; name?: string; impl?: (...a: unknown[]) => void; ins?: { shape: readonly number[] }[]; outs?: unknown[]; attrs?: Record<string, unknown>; dyn?: () => unknown }
const ops = (plan as unknown as { ops: Op[] }).ops;
const groups = new Map<string, { us: number; count: number; flops: number }>();
let sum = 0;
for (const op of process.env.SKIP_KERNELS === '1' ? [] : ops) {
  if (op.k !== 0 && op.k !== 1) continue;
  const f = op.k === 0 ? () => op.impl!(op.ins, op.outs, op.attrs) : () => op.impl!(op.ins, [], op.dyn ? op.dyn() : op.attrs);
  for (let i = 0; i < 3; i++) f();
  let reps = 0;
  const c0 = cpu();
  while (cpu() - c0 < 8) { f(); reps++; }
  const each = (cpu() - c0) / reps * 1000;
  sum += each;
  const name = op.name ?? 'in-place update';
  // A GEMM's FLOPs: 2 * batch * M * N * K, from its operands' shapes and transposes.
  let flops = 0;
  if ((name === 'matmul' || name === 'fusedMatmul') && op.ins && op.ins.length >= 2) {
    const d = matmulDims(op.ins[0].shape, op.ins[1].shape, Boolean(op.attrs?.transposeA), Boolean(op.attrs?.transposeB));
    flops = 2 * d.B * d.M * d.N * d.K;
  }
  const g = groups.get(name) ?? { us: 0, count: 0, flops: 0 };
  g.us += each; g.count++; g.flops += flops;
  groups.set(name, g);
}
console.log(`kernels one by one, hot: ${(sum / 1000).toFixed(1)} ms per step in all`);
for (const [name, g] of [...groups].sort((p, q) => q[1].us - p[1].us)) {
  console.log(`  ${(g.us / 1000).toFixed(2).padStart(7)} ms ${(100 * g.us / sum).toFixed(1).padStart(5)}%  ${name} x${g.count}${g.flops ? `  ${(g.flops / g.us / 1e3).toFixed(1)} GFLOP/s, ${(g.flops / 1e9).toFixed(2)} GFLOP` : ''}`);
}
console.log('plans:', JSON.stringify(models.compiled.compiledSteps()));
