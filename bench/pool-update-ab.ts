// A/B of a worker-run step's update (model/parallel/replica.ts), this thread's CPU time: one
// worker's slice of the MLP 784-128-10's weights (worker 0 of 2), the workers' two gradient
// slices summed then Adam applied, (A) through the engine's tensors as applySlices does with
// clipping (borrowed views, add, runKernelInPlace, in a tidy scope) and (B) by directUpdate (the
// kernels on views made once per call). Interleaved A, B, A, B..., medians. Also checks that both
// leave the same weights and slots, bit for bit.
//   npm run build && node dist/bench/pool-update-ab.js [rounds=15] [steps=2000]
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { add } from '../src/ops/elementwise.js';
import { sizeOf } from '../src/kernels.js';
import type { Variable, Tensor } from '../src/tensor.js';
import { borrow, refOf, sharedBackend } from '../src/pool/handlers.js';
import type { TensorRef } from '../src/pool/protocol.js';
import type { SharedStepsRequest } from '../src/model/parallel/protocol.js';
import { directUpdate, sliceOf } from '../src/model/parallel/replica.js';
import { lcg } from './compiled.js';

const rounds = Number(process.argv[2] ?? 15), steps = Number(process.argv[3] ?? 2000);
await eg.init({ backend: 'wasm' });
const memory = sharedBackend()!.shared.memory;
const make = (r: () => number, shape: number[], scale: number) => eg.tensor(Float32Array.from({ length: sizeOf(shape) }, () => (r() - 0.5) * scale), shape);
const shapes = [[784, 128], [128], [128, 10], [10]];
const ref = (t: Tensor): TensorRef => refOf(t, memory)!;
/** Weights and slots per variant (each its own copy), the two workers' gradients shared. */
const state = (r = lcg(3)) => shapes.map((s) => [make(r, s, 1), make(r, s, 0), make(r, s, 0)]);
const rg = lcg(4);
const grads = [shapes.map((s) => make(rg, s, 0.01)), shapes.map((s) => make(rg, s, 0.01))];
const vars = { A: state(), B: state() };
const attrs = (step: number) => ({ lr: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, step, weightDecay: 0 });
const request = (v: Tensor[][], n: number): SharedStepsRequest => ({
  params: v.map((w) => ref(w[0])), slots: v.map((w) => [ref(w[1]), ref(w[2])]), kernel: 'adamUpdate',
  attrs: Array.from({ length: n }, (_, s) => attrs(s + 1)), worker: 0, workers: 2,
} as unknown as SharedStepsRequest);
const ptrs = grads.map((gs) => gs.map((g) => ref(g).ptr));
const ptrAt = (w: number, col: number) => ptrs[w][col];

/** The tensor path (applySlices without clipping), steps 1..n. */
function tensorPath(v: Tensor[][], n: number): void {
  const req = request(v, n);
  for (let s = 0; s < n; s++) {
    engine.tidy(() => {
      const view = (ptr: number, lo: number, k: number) => borrow({ shape: [k], dtype: 'float32', ptr: ptr + 4 * lo }, 'ab');
      req.params.forEach((p, i) => {
        const [lo, k] = sliceOf(sizeOf(p.shape), 0, 2);
        if (k <= 0) return;
        const g = add(view(ptrAt(0, i), lo, k), view(ptrAt(1, i), lo, k));
        engine.runKernelInPlace('adamUpdate', [p, ...req.slots[i]].map((t) => view(t.ptr, lo, k)) as Variable[], [g], req.attrs[s] as never);
      });
    });
  }
}
function directPath(v: Tensor[][], n: number): void {
  const d = directUpdate(request(v, n))!;
  try {
    for (let s = 0; s < n; s++) d.run(s, ptrAt);
  } finally {
    d.dispose();
  }
}
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// same numbers: a few steps each from the same start
tensorPath(vars.A, 3);
directPath(vars.B, 3);
const same = vars.A.every((w, i) => w.every((t, k) => t.dataSync().every((x, j) => Object.is(x, vars.B[i][k].dataSync()[j]))));
const t = { A: [] as number[], B: [] as number[] };
for (let k = 0; k < rounds; k++) {
  for (const w of k % 2 ? ['B', 'A'] as const : ['A', 'B'] as const) {
    const c0 = cpu();
    (w === 'A' ? tensorPath : directPath)(vars[w], steps);
    t[w].push((cpu() - c0) / steps * 1000);
  }
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const { loadavg } = await import('node:os');
console.log(`update of worker 0's half of MLP 784-128-10 (2 gradients summed + Adam), CPU us per step, medians of ${rounds} x ${steps} steps; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`  A tensor path ${med(t.A).toFixed(1)} us, B direct ${med(t.B).toFixed(1)} us: B/A ${(med(t.B) / med(t.A)).toFixed(2)}; same weights and slots bit for bit: ${same}`);
