// Convolution throughput (GFLOP/s) on the layers of issue 12: conv2d forward and backward (dX + dW)
// on edgegrad's wasm builds, forward on tfjs-wasm (XNNPACK, one thread; it has no filter gradient) and
// onnxruntime-web (wasm, one thread, NCHW, the filter an initializer of a one-node Conv model).
// The filter and the activations stay resident (inside a network a conv's input comes from the layer
// before and its output goes to the next, not to JavaScript): each call runs the kernel(s) and frees
// the outputs, nothing is uploaded or read back. tfjs-wasm runs its ops synchronously, so it is timed
// the same way; onnxruntime-web's session.run copies the image in and the output out on every call (it
// has no resident-tensor binding on wasm), so its row includes those copies. Each round starts each edgegrad build in turn with the peers beside it and alternates
// their samples (a batch of calls lasting at least 80 ms each, so the collector's pauses that the
// calls' fresh arrays bring spread over many calls); a row keeps the median of its samples.
// Times are the process's CPU time per call (every contender runs on this one thread): on a shared
// machine wall time also counts the time other processes hold the core, which swamped the short rows
// (depthwise forward: +-370% spread at load 3); each row's note gives its wall-clock median too.
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { type Conv2dGeometry, convOutShape } from '../src/kernels.js';
import { conv as convCases } from '../tests/cases/conv.js';
import { type Row, type SuiteContext, liveRows, useBackend } from './harness.js';

/** Calls per sample: doubled until a batch lasts minRepMs (after two warm-up calls). */
async function calibrate(fn: () => unknown, minRepMs: number): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 16) return inner;
    inner *= 2;
  }
}

/** One sample: `inner` calls, the process's CPU seconds (user + system) and wall seconds per call. */
async function sample(fn: () => unknown, inner: number): Promise<{ cpu: number; wall: number }> {
  const t0 = performance.now(), c0 = process.cpuUsage();
  for (let i = 0; i < inner; i++) await fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6 / inner, wall: (performance.now() - t0) / 1000 / inner };
}

/** The layers timed: the conv family's bench list (tests/cases/conv.ts). */
const LAYERS = convCases.bench;

function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

interface Contender {
  backend: string;
  /** Starts the backend and makes the resident tensors; returns the call and a disposer. */
  start(): Promise<{ call: () => unknown; end: () => void }>;
}

export async function conv(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const wasm = ctx.backends.filter((b) => b.startsWith('wasm'));
  const tf = ctx.peers.includes('tfjs-wasm') && ctx.tfjs ? await ctx.tfjs('wasm').catch((e) => { ctx.log(`conv: tfjs-wasm skipped: ${(e as Error).message}`); return undefined; }) : undefined;
  const ort = ctx.peers.includes('ort-wasm') ? await import('./peers.js').then((m) => m.onnxruntimeConv).catch((e) => { ctx.log(`conv: ort-wasm skipped: ${(e as Error).message}`); return undefined; }) : undefined;
  const rounds = ctx.quick ? 1 : 3, reps = ctx.quick ? 3 : 5, minRepMs = ctx.quick ? 20 : 80;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const layers = ctx.quick ? LAYERS.filter((l) => l.x[0] <= 64 && !l.name.endsWith('b4')) : LAYERS;

  for (const L of layers) {
    const [N, H, W, C] = L.x, groups = L.depthwise ? C : 1;
    const pad = (L.k - 1) >> 1;
    const geo: Conv2dGeometry = { strides: [1, 1], dilations: [1, 1], pads: [pad, L.k - 1 - pad, pad, L.k - 1 - pad] };
    const wShape = [L.k, L.k, C / groups, L.O];
    const yShape = [...convOutShape(L.x, L.k, L.k, geo), L.O];
    const x = random(size(L.x), 1), w = random(size(wShape), 2), dy = random(size(yShape), 3);
    const gflop = (2 * size(yShape) * L.k * L.k * (C / groups)) / 1e9;

    for (const pass of ['forward', 'backward'] as const) {
      const contenders: Contender[] = wasm.map((backend) => ({
        backend,
        async start() {
          await useBackend(backend);
          const tw = eg.keep(eg.tensor(w, wShape)), tx = eg.keep(eg.tensor(x, L.x));
          const tdy = pass === 'backward' ? eg.keep(eg.tensor(dy, yShape)) : undefined;
          const call = pass === 'forward'
            ? () => eg.tidy(() => { engine.runKernel('conv2d', [tx, tw], { ...geo, groups, activation: 'linear' }); })
            : () => eg.tidy(() => {
              engine.runKernel('conv2dBackpropInput', [tdy!, tw], { ...geo, groups, inShape: L.x });
              engine.runKernel('conv2dBackpropFilter', [tx, tdy!], { ...geo, groups, filterShape: wShape as never });
            });
          return { call, end: () => eg.dispose([tw, tx, ...(tdy ? [tdy] : [])]) };
        },
      }));
      if (ort && pass === 'forward') {
        contenders.push({
          backend: 'ort-wasm',
          async start() {
            // NCHW: x and the filter ([O, C / groups, k, k]) permuted from NHWC and [k, k, C / groups, O].
            const xc = new Float32Array(x.length), wc = new Float32Array(w.length), cg = C / groups;
            for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let q = 0; q < W; q++) for (let c = 0; c < C; c++) xc[((n * C + c) * H + h) * W + q] = x[((n * H + h) * W + q) * C + c];
            for (let i = 0; i < L.k; i++) for (let j = 0; j < L.k; j++) for (let c = 0; c < cg; c++) for (let o = 0; o < L.O; o++) wc[((o * cg + c) * L.k + i) * L.k + j] = w[((i * L.k + j) * cg + c) * L.O + o];
            const run = await ort([N, C, H, W], L.O, L.k, groups, wc);
            return { call: () => run(xc), end: () => {} };
          },
        });
      }
      if (tf && pass === 'forward') {
        contenders.push({
          backend: 'tfjs-wasm',
          async start() {
            await ctx.tfjs!('wasm');
            const t = tf as typeof import('@tensorflow/tfjs-core');
            const tw = L.depthwise ? t.tensor4d(w, [L.k, L.k, C, 1]) : t.tensor4d(w, wShape as [number, number, number, number]);
            const tx = t.tensor4d(x, L.x);
            // NOTE: tfjs-backend-wasm runs the kernel inside the op call (synchronously), so no read is needed.
            const call = () => { (L.depthwise ? t.depthwiseConv2d(tx, tw as never, 1, 'same') : t.conv2d(tx, tw as never, 1, 'same')).dispose(); };
            return { call, end: () => t.dispose([tw, tx]) };
          },
        });
      }
      // Each edgegrad build is timed beside the peers, sample by sample (one backend of edgegrad is
      // live at a time, the peers' alongside), so a ratio to a peer compares samples taken together.
      const samples = contenders.map((): { cpu: number[]; wall: number[] } => ({ cpu: [], wall: [] }));
      const peerIdx = contenders.flatMap((c, i) => (wasm.includes(c.backend) ? [] : [i]));
      const sets = wasm.length > 0 ? wasm.map((b) => [contenders.findIndex((c) => c.backend === b), ...peerIdx]) : [peerIdx];
      for (let round = 0; round < rounds; round++) {
        for (const set of sets) {
          const live = [];
          for (const i of set) live.push({ i, ...(await contenders[i].start()) });
          const inner: number[] = [];
          for (const { call } of live) {
            // NOTE: every start compiles the module afresh: let V8 tier it up before timing.
            for (const t0 = performance.now(); performance.now() - t0 < 200;) await call();
            inner.push(await calibrate(call, minRepMs));
          }
          for (let r = 0; r < reps; r++) {
            for (const [j, { i, call }] of live.entries()) {
              const q = await sample(call, inner[j]);
              samples[i].cpu.push(q.cpu);
              samples[i].wall.push(q.wall);
            }
          }
          for (const { end } of live) end();
        }
      }
      for (const [i, c] of contenders.entries()) {
        const { cpu, wall: walls } = samples[i];
        const t = { median: median(cpu), min: Math.min(...cpu), max: Math.max(...cpu) };
        const wall = median(walls);
        const work = pass === 'forward' ? gflop : 2 * gflop;
        rows.push({
          suite: 'conv', case: `${L.name} ${pass}`, backend: c.backend, seconds: t.median, spread: (t.max - t.min) / t.median,
          value: work / t.median, unit: 'GFLOP/s', note: `${pass === 'backward' ? 'dX + dW; ' : ''}CPU time; wall ${(wall * 1e3).toPrecision(3)} ms`,
        });
      }
    }
  }
  await useBackend(wasm[0] ?? 'wasm');
  // backward against forward on the same build: issue 12 asks for at least 0.7.
  for (const r of rows) {
    if (!r.case.endsWith('backward')) continue;
    const f = rows.find((q) => q.case === r.case.replace(/backward$/, 'forward') && q.backend === r.backend);
    if (f) r.note = `${r.note}; ${(r.value / f.value).toFixed(2)}x forward`;
  }
  for (const r of rows) ctx.log(`  conv: ${r.case}, ${r.backend}: ${r.note}`);
  return rows;
}
