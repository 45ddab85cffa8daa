// Elementwise and reduction throughput (GB/s: bytes read + written per call) on a 1024x1024 f32
// tensor through the public ops, per backend, beside plain Float32Array loops and the tfjs peers.
// Backends run interleaved per case, so drift in the machine's load hits them alike.
import * as eg from '../src/index.js';
import type { BenchOp } from '../tests/cases/case.js';
import { elementwise as elementwiseCases } from '../tests/cases/elementwise.js';
import { reduce as reduceCases } from '../tests/cases/reduce.js';
import { softmax as softmaxCases } from '../tests/cases/softmax.js';
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
type TfTensor = import('@tensorflow/tfjs-core').Tensor;

/** The timed ops and their shapes: the bench lists of the elementwise, reduce and softmax case files. */
const CASES: BenchOp[] = [...elementwiseCases.bench, ...reduceCases.bench, ...softmaxCases.bench];

/** The same op in tfjs, by case name. */
type TfOp = (tf: Tf, a: TfTensor, b: TfTensor) => TfTensor;
const TF: Record<string, TfOp | undefined> = {
  add: (tf, a, b) => tf.add(a, b),
  mul: (tf, a, b) => tf.mul(a, b),
  relu: (tf, a) => tf.relu(a),
  sigmoid: (tf, a) => tf.sigmoid(a),
  exp: (tf, a) => tf.exp(a),
  'add (row broadcast)': (tf, a, b) => tf.add(a, b),
  'sum (all)': (tf, a) => tf.sum(a),
  'sum rows': (tf, a) => tf.sum(a, 1),
  'sum cols': (tf, a) => tf.sum(a, 0),
  'max rows': (tf, a) => tf.max(a, 1),
  'softmax rows': (tf, a) => tf.softmax(a),
};

const values = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
const sizeOf = (shape: number[]) => shape.reduce((x, y) => x * y, 1);

export async function elementwise(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const opts = { reps: ctx.quick ? 3 : 7, minRepMs: ctx.quick ? 15 : 60 };
  const av = values(N, Math.sin), bv = values(N, Math.cos), rv = values(SIDE, Math.cos);
  const tfPeers = ctx.tfjs ? (['tfjs-wasm', 'tfjs-cpu'] as const).filter((p) => ctx.peers.includes(p)) : [];
  for (const c of CASES) {
    if (ctx.quick && !c.quick) continue;
    const name = `${c.name} 1024x1024`, gb = (c.arrays * N * 4) / 1e9;
    // The first operand is a (1024x1024), the second b or a [1024] row.
    const valuesOf = (i: number, shape: number[]) => (i === 0 ? av : sizeOf(shape) === SIDE ? rv : bv);
    const loop = plainLoops[c.name];
    if (loop) rows.push(row('elementwise', name, 'plain-js-loop', time(() => loop(av, bv), opts), gb, 'GB/s'));
    for (const backend of ctx.backends) {
      await useBackend(backend);
      const ts = c.shapes.map((s, i) => eg.tensor(valuesOf(i, s), s));
      // NOTE: webgpu queues work; each call reads its result back so the GPU's time is counted.
      const t = backend === 'webgpu'
        ? await timeAsync(async () => { const y = c.run(...ts); await y.data(); y.dispose(); }, opts.reps, opts.minRepMs)
        : time(() => c.run(...ts).dispose(), opts);
      const r = row('elementwise', name, backendLabel(backend), t, gb, 'GB/s');
      if (backend === 'webgpu') r.note = 'each call reads its result back';
      rows.push(r);
      eg.dispose(ts);
    }
    const tfOp = TF[c.name];
    for (const peer of tfPeers) {
      if (!tfOp) break;
      const tf = await ctx.tfjs!(peer === 'tfjs-wasm' ? 'wasm' : 'cpu');
      const [a, b] = [...c.shapes, c.shapes[0]].slice(0, 2).map((s, i) => tf.tensor(valuesOf(i, s), s));
      rows.push(row('elementwise', name, peer, time(() => tfOp(tf, a, b).dispose(), opts), gb, 'GB/s'));
      tf.dispose([a, b]);
    }
  }
  return rows;
}
