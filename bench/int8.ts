// Int8 against float32, each wasm build and webgpu (int8 weights on the device, WGSL packed dots):
// GEMM 64x784x128 and 512³ with the weights resident (float32: fusedMatmul, which packs B on every
// call; int8: qmatmul on weights packed once, the per-row activation quantisation included),
// predict of the MNIST MLP (784-128-10, batch 256) and the reference CNN (batch 64) as float32 and
// as eg.quantize made them (its default: the CNN's 3x3x1 first convolution stays float32), and the
// model files' sizes. Float and int8 run interleaved in rounds, timed in CPU seconds of this process
// where there is process.cpuUsage (Node; webgpu: wall time of awaited calls); a row keeps the median
// of its rounds' medians, its ratio is float32 time / int8 time of the same backend measured in this
// run. On a software adapter (SwiftShader) the webgpu rows show the int8 path runs, not GPU speed.
import * as eg from '../src/index.js';
import { type Row, type SuiteContext, type Timing, backendLabel, liveRows, readOut, useBackend } from './harness.js';

const L = eg.layers;

function mlp(): eg.Sequential {
  return eg.sequential([
    L.dense({ units: 128, activation: 'relu', inputShape: [784], seed: 1 }),
    L.dense({ units: 10, activation: 'softmax', seed: 2 }),
  ], { name: 'mnist_mlp' });
}

function cnn(): eg.Sequential {
  return eg.sequential([
    L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }),
    L.maxPooling2d({ poolSize: 2 }),
    L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', seed: 2 }),
    L.maxPooling2d({ poolSize: 2 }),
    L.flatten(),
    L.dense({ units: 10, activation: 'softmax', seed: 3 }),
  ], { name: 'mnist_cnn' });
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];

/**
 * This process's CPU seconds (Node: process.cpuUsage, which a loaded shared machine distorts far
 * less than wall-clock time), else wall-clock seconds.
 */
const clock: () => number = (() => {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (p?.cpuUsage) return () => { const u = p.cpuUsage!(); return (u.user + u.system) / 1e6; };
  return () => performance.now() / 1e3;
})();

/** Seconds per call of fn: calls batched until a batch lasts minRepMs, median of `reps` batches. */
function timeCpu(fn: () => void, reps: number, minRepMs: number): number {
  for (let i = 0; i < 2; i++) fn();
  let inner = 1;
  for (;;) {
    const t0 = clock();
    for (let i = 0; i < inner; i++) fn();
    if ((clock() - t0) * 1e3 >= minRepMs || inner >= 1 << 16) break;
    inner *= 2;
  }
  const xs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = clock();
    for (let i = 0; i < inner; i++) fn();
    xs.push((clock() - t0) / inner);
  }
  return median(xs);
}

/** Times a and b interleaved over `rounds` (CPU time); each one's median of round medians (and spread over rounds). */
function pair(a: () => void, b: () => void, rounds: number, minRepMs: number): [Timing, Timing] {
  const ta: number[] = [], tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ta.push(timeCpu(a, 3, minRepMs));
    tb.push(timeCpu(b, 3, minRepMs));
  }
  const t = (xs: number[]): Timing => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), reps: xs.length });
  return [t(ta), t(tb)];
}

export async function int8(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const rounds = ctx.quick ? 2 : 5, minRepMs = ctx.quick ? 30 : 60;
  const emit = (name: string, backend: string, f: Timing, q: Timing, work: number, unit: string, note?: string) => {
    const fr: Row = { suite: 'int8', case: `${name} float32`, backend, seconds: f.median, spread: (f.max - f.min) / f.median, value: work / f.median, unit };
    const qr: Row = {
      suite: 'int8', case: `${name} int8`, backend, seconds: q.median, spread: (q.max - q.min) / q.median, value: work / q.median, unit,
      ratio: f.median / q.median, baseline: `${backend} float32`, note,
    };
    rows.push(fr, qr);
  };
  for (const backend of ctx.backends.filter((b) => b.startsWith('wasm') || b === 'webgpu')) {
    await useBackend(backend);
    const label = backendLabel(backend);
    const webgpu = backend === 'webgpu';
    const path = `int8 path: ${eg.features().int8}`;
    if (!webgpu) {
      for (const [M, K, N] of [[64, 784, 128], [512, 512, 512]]) {
        const x = eg.randn([M, K], { seed: 1 }), w = eg.randn([K, N], { seed: 2 }), bias = eg.randn([N], { seed: 3 });
        const wq = eg.tensor(Int8Array.from({ length: K * N }, (_, i) => ((i * 37) % 255) - 127), [K, N], 'int8');
        const packed = eg.qpack(wq), scale = eg.full([N], 0.01);
        const f = () => { const y = eg.fusedMatmul(x, w, bias, { activation: 'relu' }); readOut(y); y.dispose(); };
        const q = () => { const y = eg.qmatmul(x, packed, scale, bias, { activation: 'relu' }); readOut(y); y.dispose(); };
        const [tf, tq] = pair(f, q, rounds, minRepMs);
        emit(`gemm ${M}x${K}x${N}`, label, tf, tq, (2 * M * K * N) / 1e9, 'GFLOP/s', `${path}; CPU time`);
        for (const t of [x, w, bias, wq, packed, scale]) t.dispose();
      }
    } else {
      // webgpu: the same GEMMs, weights resident on the device (float32, or int8 packed once), wall time per awaited call
      for (const [M, K, N] of [[64, 784, 128], [512, 512, 512]]) {
        const x = eg.randn([M, K], { seed: 1 }), w = eg.randn([K, N], { seed: 2 }), bias = eg.randn([N], { seed: 3 });
        const wq = eg.tensor(Int8Array.from({ length: K * N }, (_, i) => ((i * 37) % 255) - 127), [K, N], 'int8');
        const packed = eg.qpack(wq), scale = eg.full([N], 0.01);
        const f = async () => { const y = eg.fusedMatmul(x, w, bias, { activation: 'relu' }); await y.data(); y.dispose(); };
        const q = async () => { const y = eg.qmatmul(x, packed, scale, bias, { activation: 'relu' }); await y.data(); y.dispose(); };
        const tf: number[] = [], tq: number[] = [];
        await f(); await q();
        for (let r = 0; r < rounds; r++) { tf.push(await wallCall(f)); tq.push(await wallCall(q)); }
        const t = (xs: number[]): Timing => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), reps: xs.length });
        emit(`gemm ${M}x${K}x${N}`, label, t(tf), t(tq), (2 * M * K * N) / 1e9, 'GFLOP/s', `${path}; wall time`);
        for (const t of [x, w, bias, wq, packed, scale]) t.dispose();
      }
    }
    for (const [name, make, shape, batch] of [['predict MLP 784-128-10', mlp, [784], 256], ['predict CNN reference', cnn, [28, 28, 1], 64]] as const) {
      const m = make();
      const x = eg.randu([batch, ...shape], { seed: 4 });
      m.predict(x).dispose();
      const qm = await eg.quantize(m);
      if (webgpu) {
        const tf = await timePredict(m, x, rounds), tq = await timePredict(qm, x, rounds);
        emit(`${name} b${batch}`, label, tf, tq, batch, 'samples/s', path);
      } else {
        const [tf, tq] = pair(() => { const y = m.predict(x); readOut(y); y.dispose(); }, () => { const y = qm.predict(x); readOut(y); y.dispose(); }, rounds, minRepMs);
        emit(`${name} b${batch}`, label, tf, tq, batch, 'samples/s', `${path}; CPU time`);
      }
      if (backend === ctx.backends.find((b) => b.startsWith('wasm'))) {
        const fb = (await m.toArtifacts({ includeOptimizer: false })).weights.length, qb = (await qm.toArtifacts()).weights.length;
        rows.push({ suite: 'int8', case: `${name.replace('predict ', '')} file float32`, backend: 'weights file', seconds: NaN, spread: 0, value: fb / 1024, unit: 'KB', lowerIsBetter: true });
        rows.push({
          suite: 'int8', case: `${name.replace('predict ', '')} file int8`, backend: 'weights file', seconds: NaN, spread: 0, value: qb / 1024, unit: 'KB',
          lowerIsBetter: true, ratio: fb / qb, baseline: 'float32 file',
        });
      }
      x.dispose(); m.dispose(); qm.dispose();
    }
  }
  return rows;
}

/** Wall seconds of one awaited call (webgpu). */
async function wallCall(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** webgpu: reads are asynchronous; rounds of awaited predicts. */
async function timePredict(m: eg.Sequential, x: eg.Tensor, rounds: number): Promise<Timing> {
  const xs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const y = m.predict(x);
    await y.data();
    y.dispose();
    xs.push((performance.now() - t0) / 1000);
  }
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), reps: rounds };
}
