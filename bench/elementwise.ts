// Elementwise and reduction throughput (GB/s: bytes read + written per call) on a 1024x1024 f32
// tensor through the public ops, per backend, beside plain Float32Array loops and the tfjs peers.
// Backends run interleaved per case, so drift in the machine's load hits them alike.
import * as eg from '../src/index.js';
import { type Row, type SuiteContext, backendLabel, liveRows, row, time, timeAsync, useBackend } from './harness.js';

const N = 1 << 20, SIDE = 1024;

/** Hand-written Float32Array loops: what a JS programmer gets without a library (allocation included). */
const plainLoops: Record<string, (a: Float32Array, b: Float32Array) => Float32Array> = {
  add: (a, b) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] + b[i]; return o; },
  mul: (a, b) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] * b[i]; return o; },
  relu: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] > 0 ? a[i] : 0; return o; },
  sigmoid: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = 1 / (1 + Math.exp(-a[i])); return o; },
  exp: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = Math.exp(a[i]); return o; },
  'sum rows': (a) => {
    const o = new Float32Array(SIDE);
    for (let r = 0; r < SIDE; r++) { let s = 0; for (let c = 0; c < SIDE; c++) s += a[r * SIDE + c]; o[r] = s; }
    return o;
  },
  'softmax rows': (a) => {
    const o = new Float32Array(a.length);
    for (let r = 0; r < SIDE; r++) {
      const at = r * SIDE;
      let m = -Infinity, s = 0;
      for (let c = 0; c < SIDE; c++) m = Math.max(m, a[at + c]);
      for (let c = 0; c < SIDE; c++) s += o[at + c] = Math.exp(a[at + c] - m);
      for (let c = 0; c < SIDE; c++) o[at + c] /= s;
    }
    return o;
  },
};

type Tf = typeof import('@tensorflow/tfjs-core');
interface Case {
  name: string;
  /** Arrays of N floats moved per call (inputs read + output written). */
  arrays: number;
  /** The second operand is a [1024] row (broadcast) instead of a full tensor. */
  row?: boolean;
  eg(a: eg.Tensor, b: eg.Tensor): eg.Tensor;
  tf?(tf: Tf, a: import('@tensorflow/tfjs-core').Tensor, b: import('@tensorflow/tfjs-core').Tensor): import('@tensorflow/tfjs-core').Tensor;
}

const CASES: Case[] = [
  { name: 'add', arrays: 3, eg: (a, b) => eg.add(a, b), tf: (tf, a, b) => tf.add(a, b) },
  { name: 'mul', arrays: 3, eg: (a, b) => eg.mul(a, b), tf: (tf, a, b) => tf.mul(a, b) },
  { name: 'relu', arrays: 2, eg: (a) => eg.relu(a), tf: (tf, a) => tf.relu(a) },
  { name: 'sigmoid', arrays: 2, eg: (a) => eg.sigmoid(a), tf: (tf, a) => tf.sigmoid(a) },
  { name: 'exp', arrays: 2, eg: (a) => eg.exp(a), tf: (tf, a) => tf.exp(a) },
  { name: 'add (row broadcast)', arrays: 2, row: true, eg: (a, b) => eg.add(a, b), tf: (tf, a, b) => tf.add(a, b) },
  // reductions: one array read, a small result
  { name: 'sum (all)', arrays: 1, eg: (a) => eg.sum(a), tf: (tf, a) => tf.sum(a) },
  { name: 'sum rows', arrays: 1, eg: (a) => eg.sum(a, 1), tf: (tf, a) => tf.sum(a, 1) },
  { name: 'sum cols', arrays: 1, eg: (a) => eg.sum(a, 0), tf: (tf, a) => tf.sum(a, 0) },
  { name: 'max rows', arrays: 1, eg: (a) => eg.max(a, 1), tf: (tf, a) => tf.max(a, 1) },
  { name: 'softmax rows', arrays: 2, eg: (a) => eg.softmax(a), tf: (tf, a) => tf.softmax(a) },
];
const QUICK = new Set(['add', 'exp', 'add (row broadcast)', 'sum rows', 'sum cols', 'max rows', 'softmax rows']);

const values = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));

export async function elementwise(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const opts = { reps: ctx.quick ? 3 : 7, minRepMs: ctx.quick ? 15 : 60 };
  const av = values(N, Math.sin), bv = values(N, Math.cos), rv = values(SIDE, Math.cos);
  const tfPeers = ctx.tfjs ? (['tfjs-wasm', 'tfjs-cpu'] as const).filter((p) => ctx.peers.includes(p)) : [];
  for (const c of CASES) {
    if (ctx.quick && !QUICK.has(c.name)) continue;
    const name = `${c.name} 1024x1024`, gb = (c.arrays * N * 4) / 1e9;
    const loop = plainLoops[c.name];
    if (loop) rows.push(row('elementwise', name, 'plain-js-loop', time(() => loop(av, bv), opts), gb, 'GB/s'));
    for (const backend of ctx.backends) {
      await useBackend(backend);
      const a = eg.tensor(av, [SIDE, SIDE]), b = c.row ? eg.tensor(rv, [SIDE]) : eg.tensor(bv, [SIDE, SIDE]);
      // NOTE: webgpu queues work; each call reads its result back so the GPU's time is counted.
      const t = backend === 'webgpu'
        ? await timeAsync(async () => { const y = c.eg(a, b); await y.data(); y.dispose(); }, opts.reps, opts.minRepMs)
        : time(() => c.eg(a, b).dispose(), opts);
      const r = row('elementwise', name, backendLabel(backend), t, gb, 'GB/s');
      if (backend === 'webgpu') r.note = 'each call reads its result back';
      rows.push(r);
      a.dispose(); b.dispose();
    }
    for (const peer of tfPeers) {
      const tf = await ctx.tfjs!(peer === 'tfjs-wasm' ? 'wasm' : 'cpu');
      const a = tf.tensor2d(av, [SIDE, SIDE]), b = c.row ? tf.tensor1d(rv) : tf.tensor2d(bv, [SIDE, SIDE]);
      rows.push(row('elementwise', name, peer, time(() => c.tf!(tf, a, b).dispose(), opts), gb, 'GB/s'));
      tf.dispose([a, b]);
    }
  }
  return rows;
}
