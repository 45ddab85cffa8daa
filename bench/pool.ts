// The worker pool, as ratios to 1 worker in the same run: predict (MLP 784-128-10, batch 4096),
// data-parallel fit (batch 256), GEMM 1024³ over row blocks, the matmul split threshold, and
// onnxruntime-web (numThreads 2) on the same GEMM when it runs here. The pools run in the mode
// the platform gives (features().poolMemory; 'shared' in Node), which each row's backend names.
import * as eg from '../src/index.js';
import { sequential } from '../src/model/index.js';
import { layers } from '../src/layers/index.js';
import { sgd } from '../src/optimizers/optimizers.js';
import { fitDataParallel } from '../src/model/parallel/train.js';
import { type Row, type SuiteContext, liveRows } from './harness.js';
import { isNode } from '../src/platform.js';

/** Median seconds of an async call (after `warm` warm-up calls). */
async function timeAsync(fn: () => Promise<unknown>, reps: number, warm = 2): Promise<{ median: number; spread: number }> {
  for (let i = 0; i < warm; i++) await fn();
  const s: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await fn();
    s.push((performance.now() - t0) / 1000);
  }
  s.sort((a, b) => a - b);
  const median = s[s.length >> 1];
  return { median, spread: (s[s.length - 1] - s[0]) / median };
}

/**
 * Median seconds of each contender, run interleaved (warm-ups, then one call of each per round),
 * so a burst of load from elsewhere slows them alike instead of one of them.
 */
async function timeEach(contenders: [string, () => Promise<unknown>][], reps: number, warm = 2): Promise<Map<string, { median: number; spread: number }>> {
  for (let i = 0; i < warm; i++) for (const [, fn] of contenders) await fn();
  const s = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  for (let r = 0; r < reps; r++) {
    for (const [name, fn] of contenders) {
      const t0 = performance.now();
      await fn();
      s.get(name)!.push((performance.now() - t0) / 1000);
    }
  }
  const out = new Map<string, { median: number; spread: number }>();
  for (const [name, v] of s) {
    v.sort((a, b) => a - b);
    const median = v[v.length >> 1];
    out.set(name, { median, spread: (v[v.length - 1] - v[0]) / median });
  }
  return out;
}

const mkRow = (c: string, backend: string, t: { median: number; spread: number }, work: number, unit: string): Row => ({
  suite: 'pool', case: c, backend, seconds: t.median, spread: t.spread, value: work / t.median, unit,
});

/** Ratios against `base` within the same case (the harness only knows its own baselines). */
function ratios(rows: Row[], base: string): void {
  for (const r of rows) {
    const b = rows.find((x) => x.case === r.case && x.backend === base);
    if (b && r !== b) { r.ratio = r.value / b.value; r.baseline = base; }
  }
}

/** The worker script: the package's (dist/src/worker.js, found by the pool), or EDGEGRAD_POOL_WORKER. */
function workerUrl(): URL | undefined {
  const env = typeof process === 'object' ? process.env.EDGEGRAD_POOL_WORKER : undefined;
  return env ? new URL(env, `file://${process.cwd()}/`) : undefined;
}

export async function pool(ctx: SuiteContext): Promise<Row[]> {
  const { quick } = ctx;
  const rows = liveRows(ctx.onRow);
  await eg.init({ backend: 'wasm', enableRelaxedSimdFlag: isNode() });
  const url = ctx.poolWorkerUrl ? new URL(ctx.poolWorkerUrl, globalThis.location?.href) : workerUrl();
  const reps = quick ? 3 : 7;
  const pools = new Map<number, eg.Pool>();
  for (const n of [1, 2]) pools.set(n, await eg.createPool({ workers: n, workerUrl: url, matmulMinFlops: 0 }));
  ctx.log(`pool bench: pools in '${pools.get(1)!.mode}' mode`);
  try {
    // predict: MLP 784-128-10, batch 4096.
    const model = sequential([
      layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      layers.dense({ units: 10, activation: 'softmax' }),
    ]);
    model.compile({ optimizer: sgd({ learningRate: 0.01 }), loss: 'categoricalCrossentropy' });
    const x = eg.randn([4096, 784], { seed: 1 });
    const pc = 'predict MLP 784-128-10 b4096';
    const pt = await timeEach([
      ['in-thread', async () => model.predict(x).dispose()],
      ...[...pools].map(([n, p]): [string, () => Promise<void>] => [`pool-${n}`, async () => (await p.predict(model, x)).dispose()]),
    ], reps);
    for (const [name, t] of pt) rows.push(mkRow(pc, name, t, 4096, 'samples/s'));

    // fit: same MLP, batch 256, epochs of 8192 samples (32 steps). NOTE: throughput after a long
    // warm-up. V8 optimizes the step's JS function by function as each gets hot, in every worker's
    // isolate, on background threads that compete with the workers for the 2 cores; per-step
    // functions (one call a step) take hundreds of steps to get there. Measured: epochs in which
    // TurboFan compiled took 60-145 ms, the others about 50 ms, and compiles stop after ~25 epochs.
    const n = quick ? 4096 : 8192;
    const xs = eg.randn([n, 784], { seed: 2 });
    const ys = eg.oneHot(eg.tensor(Array.from({ length: n }, (_, i) => i % 10), [n], 'int32'), 10);
    const fc = 'fit MLP 784-128-10 b256';
    const fitReps = quick ? 3 : 7, fitWarm = quick ? 4 : 24;
    const ft = await timeEach([
      ['in-thread', () => model.fit(xs, ys, { epochs: 1, batchSize: 256, verbose: 0 })],
      ...[...pools].map(([w, p]): [string, () => Promise<unknown>] => [`pool-${w}`, () => fitDataParallel(model, xs, ys, { epochs: 1, batchSize: 256 }, p)]),
    ], fitReps, fitWarm);
    for (const [name, t] of ft) rows.push(mkRow(fc, name, t, n, 'samples/s'));

    // GEMM: square sizes around the split threshold, and 1024³.
    for (const s of quick ? [256, 1024] : [128, 256, 384, 512, 768, 1024]) {
      const a = eg.randn([s, s], { seed: 3 }), b = eg.randn([s, s], { seed: 4 });
      const gc = `gemm ${s}x${s}x${s}`, flops = (2 * s ** 3) / 1e9;
      const gt = await timeEach([
        ['in-thread', async () => eg.matmul(a, b).dispose()],
        ...[...pools].map(([w, p]): [string, () => Promise<void>] => [`pool-${w}`, async () => (await p.matmul(a, b)).dispose()]),
      ], reps);
      for (const [name, t] of gt) rows.push(mkRow(gc, name, t, flops, 'GFLOP/s'));
      if (s === 1024 && isNode() && ctx.peers.includes('ort-wasm')) {
        const ort = await onnxGemm(s, reps).catch((e) => { ctx.log(`pool bench: onnxruntime-web skipped (${(e as Error).message})`); return null; });
        if (ort) rows.push(mkRow(gc, 'onnxruntime-web-2t', ort, flops, 'GFLOP/s'));
      }
      a.dispose(); b.dispose();
    }
  } finally {
    for (const p of pools.values()) await p.close();
  }
  ratios(rows, 'pool-1');
  return rows;
}

// ---- onnxruntime-web: one MatMul node, hand-encoded as an ONNX protobuf -----------------------

const varint = (n: number): number[] => { const o: number[] = []; while (n > 127) { o.push((n & 127) | 128); n >>>= 7; } o.push(n); return o; };
const field = (no: number, v: number): number[] => [...varint(no << 3), ...varint(v)];
const bytes = (no: number, b: number[] | Uint8Array): number[] => [...varint((no << 3) | 2), ...varint(b.length), ...b];
const str = (no: number, s: string): number[] => bytes(no, [...new TextEncoder().encode(s)]);

/** ValueInfoProto: a float tensor of static shape. */
const valueInfo = (name: string, shape: number[]): number[] =>
  [...str(1, name), ...bytes(2, bytes(1, [...field(1, 1), ...bytes(2, shape.flatMap((d) => bytes(1, field(1, d))))]))];

function matmulModel(s: number): Uint8Array {
  const node = [...str(1, 'A'), ...str(1, 'B'), ...str(2, 'C'), ...str(4, 'MatMul')];
  const graph = [...bytes(1, node), ...str(2, 'g'), ...bytes(11, valueInfo('A', [s, s])), ...bytes(11, valueInfo('B', [s, s])), ...bytes(12, valueInfo('C', [s, s]))];
  return new Uint8Array([...field(1, 8), ...bytes(8, [...str(1, ''), ...field(2, 13)]), ...bytes(7, graph)]);
}

async function onnxGemm(s: number, reps: number): Promise<{ median: number; spread: number }> {
  const spec = 'onnxruntime-web';
  const ort = await import(/* @vite-ignore */ spec);
  ort.env.wasm.numThreads = 2;
  const session = await ort.InferenceSession.create(matmulModel(s), { executionProviders: ['wasm'] });
  const feeds = {
    A: new ort.Tensor('float32', Float32Array.from({ length: s * s }, (_, i) => Math.sin(i)), [s, s]),
    B: new ort.Tensor('float32', Float32Array.from({ length: s * s }, (_, i) => Math.cos(i)), [s, s]),
  };
  try {
    return await timeAsync(() => session.run(feeds), reps);
  } finally {
    await session.release();
  }
}
