// Elementwise throughput (GB/s) on 1M floats through the public ops, per backend.
import * as eg from '../src/index.js';
import { type Row, row, time, useBackend } from './harness.js';

/** Hand-written Float32Array loops: what a JS programmer gets without a library (allocation included). */
const plainLoops: Record<string, (a: Float32Array, b: Float32Array) => Float32Array> = {
  add: (a, b) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] + b[i]; return o; },
  mul: (a, b) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] * b[i]; return o; },
  relu: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i] > 0 ? a[i] : 0; return o; },
  sigmoid: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = 1 / (1 + Math.exp(-a[i])); return o; },
  exp: (a) => { const o = new Float32Array(a.length); for (let i = 0; i < a.length; i++) o[i] = Math.exp(a[i]); return o; },
};

export async function elementwise(backends: string[], quick: boolean): Promise<Row[]> {
  const n = 1 << 20;
  const rows: Row[] = [];
  const cases: [string, (a: eg.Tensor, b: eg.Tensor) => eg.Tensor, number][] = [
    ['add', (a, b) => eg.add(a, b), 3],
    ['mul', (a, b) => eg.mul(a, b), 3],
    ['relu', (a) => eg.relu(a), 2],
    ['sigmoid', (a) => eg.sigmoid(a), 2],
    ['exp', (a) => eg.exp(a), 2],
    ['add (row broadcast)', (a, b) => eg.add(a, b), 2],
    ['sum (all)', (a) => eg.sum(a), 1],
  ];
  // Interleave backends per case so drift in machine load hits them alike.
  for (const [name, fn, arrays] of cases) {
    const loop = plainLoops[name];
    if (loop) {
      const a = new Float32Array(n).map((_, i) => Math.sin(i)), b = new Float32Array(n).map((_, i) => Math.cos(i));
      const t = time(() => loop(a, b), { reps: quick ? 3 : 7, minRepMs: quick ? 20 : 60 });
      rows.push(row('elementwise', `${name} 1M f32`, 'plain-js-loop', t, (arrays * n * 4) / 1e9, 'GB/s'));
    }
    for (const backend of backends) {
      await useBackend(backend);
      const a = eg.randn([1024, 1024], { seed: 1 });
      const b = name.includes('row') ? eg.randn([1024], { seed: 2 }) : eg.randn([1024, 1024], { seed: 2 });
      const t = time(() => fn(a, b).dispose(), { reps: quick ? 3 : 7, minRepMs: quick ? 20 : 60 });
      rows.push(row('elementwise', `${name} 1M f32`, backend, t, (arrays * n * 4) / 1e9, 'GB/s'));
      a.dispose(); b.dispose();
    }
  }
  return rows;
}
