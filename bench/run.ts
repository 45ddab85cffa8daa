// `npm run bench`: runs the bench suites in one process and prints a table (and JSON with --json).
import { writeFileSync } from 'node:fs';
import * as eg from '../src/index.js';
import { addRatios, table, type Row } from './harness.js';
import { elementwise } from './elementwise.js';
import { gemm } from './gemm.js';
import { webgpuPeers } from './webgpu-peers.js';
import { pool } from './pool.js';
import { train } from './train.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const quick = args.includes('--quick');
const only = opt('only')?.split(',');


const suites: Record<string, (b: string[], q: boolean) => Promise<Row[]>> = { elementwise, gemm, pool, train };
// WebGPU matmul beside tfjs-webgpu and jax-js on one adapter: only with --only webgpu (or a list naming it).
if (only?.includes('webgpu')) suites.webgpu = webgpuPeers;

const rows: Row[] = [];
await eg.init({ backend: 'wasm', enableRelaxedSimdFlag: true });
const f = eg.features();
const backends = opt('backends')?.split(',') ?? ['js', 'wasm-simd', ...(f.relaxedSimd ? ['wasm-relaxed'] : [])];
console.log(`edgegrad bench ${new Date().toISOString()}  node ${process.version}  ${f.threads} cores  simd ${f.simd}  relaxed-simd ${f.relaxedSimd}`);
for (const [name, suite] of Object.entries(suites)) {
  if (only && !only.includes(name)) continue;
  console.log(`running ${name} ...`);
  rows.push(...(await suite(backends, quick)));
}
addRatios(rows, 'js');
console.log(table(rows));
const json = opt('json');
if (json) {
  writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), node: process.version, features: f, rows }, null, 2));
  console.log(`wrote ${json}`);
}
