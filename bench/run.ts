// `npm run bench` / `edgegrad bench`: every suite in one process, edgegrad's backends and the
// installed peers side by side (interleaved per case), one row model, a table on stdout and
// optional JSON, Markdown and SVG reports.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as eg from '../src/index.js';
import { type Row, type Suite, type SuiteContext, addRatios, backendLabel, table, webgpuAvailable } from './harness.js';
import { type RunInfo, infoLine, markdown } from './report.js';
import { chartSvg } from './svg.js';
import { elementwise } from './elementwise.js';
import { gemm } from './gemm.js';
import { resident } from './resident.js';
import { conv } from './conv.js';
import { train } from './train.js';
import { cnn } from './cnn.js';
import { pool } from './pool.js';
import { webgpuPeers } from './webgpu-peers.js';
import { footprint } from './footprint.js';
import { onnx } from './onnx.js';
import { int8 } from './int8.js';
import { attention } from './attention.js';
import { compiled } from './compiled.js';
import { tfjs } from './peers.js';

const USAGE = `usage: npm run bench -- [options]   (or: npx edgegrad bench [options])
  --only S1,S2        suites: elementwise, gemm, resident, conv, attention, train, cnn, pool, webgpu, footprint, onnx, int8, compiled (default: all)
  --backends B1,B2    js, wasm (both builds), wasm-simd, wasm-relaxed, webgpu (default: all that start here)
  --peers P1,P2|none  tfjs-wasm, tfjs-cpu, ort-wasm, jax-js, tfjs-webgpu (default: those installed)
  --quick             a short run for CI (about two minutes)
  --json FILE  --md FILE  --svg FILE   write the rows as JSON, Markdown tables, an SVG bar chart`;

const SUITES: Record<string, Suite> = { elementwise, gemm, resident, conv, attention, train, cnn, pool, webgpu: webgpuPeers, footprint, onnx, int8, compiled };
/** Each suite's baseline for the ratio column (webgpu: the tfjs-webgpu row on the same adapter). */
const BASELINES: Record<string, string> = { elementwise: 'js', gemm: 'tfjs-wasm', resident: 'tfjs-wasm', conv: 'tfjs-wasm', attention: 'tfjs-wasm', train: 'tfjs-wasm', cnn: 'tfjs-wasm', pool: 'pool-1', footprint: 'tfjs-wasm', onnx: 'ort-wasm-1' };
const PEERS: Record<string, string> = {
  'tfjs-wasm': '@tensorflow/tfjs-backend-wasm', 'tfjs-cpu': '@tensorflow/tfjs-backend-cpu', 'ort-wasm': 'onnxruntime-web',
  'jax-js': '@jax-js/jax', 'tfjs-webgpu': '@tensorflow/tfjs-backend-webgpu',
};

// `edgegrad bench ...` passes its own subcommand along.
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === 'bench'));
if (args.includes('--help') || args.includes('-h')) { console.log(USAGE); process.exit(0); }
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const list = (name: string) => opt(name)?.split(',').map((s) => s.trim()).filter(Boolean);
const quick = args.includes('--quick');
const only = list('only');
for (const s of only ?? []) if (!SUITES[s]) { console.error(`unknown suite '${s}'\n${USAGE}`); process.exit(2); }

const t0 = performance.now();
const load0 = loadavg()[0];
await eg.init({ backend: 'wasm', enableRelaxedSimdFlag: true });
const f = eg.features();
const wantedBackends = list('backends') ?? ['js', 'wasm', 'webgpu'];
const backends = wantedBackends.flatMap((b) => (b === 'wasm' ? ['wasm-simd', ...(f.relaxedSimd ? ['wasm-relaxed'] : [])] : [b]));
if (backends.includes('webgpu') && !(await webgpuAvailable())) {
  console.log('webgpu: no adapter here; its rows are left out');
  backends.splice(backends.indexOf('webgpu'), 1);
}
let gpuLabel = '';
if (backends.includes('webgpu')) { await eg.init({ backend: 'webgpu' }); gpuLabel = backendLabel('webgpu'); await eg.init({ backend: 'wasm' }); }

const require = createRequire(join(process.cwd(), 'package.json'));
const installed = (pkg: string) => { try { require.resolve(pkg); return true; } catch { return false; } };
const peerArg = list('peers');
const peers = (peerArg?.includes('none') ? [] : peerArg ?? Object.keys(PEERS)).filter((p) => PEERS[p] && installed(PEERS[p]));

const info: RunInfo = {
  date: new Date().toISOString(), runtime: `node ${process.version}`, cpu: cpus()[0]?.model.trim() ?? 'unknown cpu', cores: f.threads,
  features: [f.simd && 'simd', f.relaxedSimd && 'relaxed-simd', gpuLabel].filter(Boolean).join(', '),
  options: args.join(' '),
};
console.log(`edgegrad bench ${infoLine(info)}\n  backends: ${backends.join(', ')}\n  peers: ${peers.join(', ') || 'none'}`);

const ctx: SuiteContext = { backends, peers, quick, log: (s) => console.log(s), tfjs };
const rows: Row[] = [];
let failed = 0;
for (const [name, suite] of Object.entries(SUITES)) {
  if (only ? !only.includes(name) : false) continue;
  if (name === 'webgpu' && !backends.includes('webgpu')) continue;
  const ts = performance.now();
  console.log(`running ${name} ...`);
  try {
    rows.push(...(await suite(ctx)));
  } catch (e) {
    failed++;
    console.error(`${name}: failed: ${(e as Error).stack ?? e}`);
  }
  console.log(`  ${name}: ${((performance.now() - ts) / 1000).toFixed(1)} s`);
}
const webgpuBase = rows.find((r) => r.suite === 'webgpu' && r.backend.startsWith('tfjs-webgpu'))?.backend;
const baselines = { ...BASELINES, ...(webgpuBase ? { webgpu: webgpuBase } : {}) };
addRatios(rows, baselines);
info.seconds = (performance.now() - t0) / 1000;
info.load = `${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`;
console.log(table(rows));
console.log(`bench: ${rows.length} rows in ${info.seconds.toFixed(1)} s (1-min load ${info.load})`);

const json = opt('json'), md = opt('md'), svg = opt('svg');
if (json) { writeFileSync(json, JSON.stringify({ ...info, backends, peers, baselines, rows }, null, 2)); console.log(`wrote ${json}`); }
if (md) { writeFileSync(md, markdown(rows, info, baselines)); console.log(`wrote ${md}`); }
if (svg) {
  writeFileSync(svg, chartSvg(rows, { title: 'edgegrad bench', subtitle: infoLine(info) }));
  console.log(`wrote ${svg}`);
}
// NOTE: the pool's and peers' threads may keep the event loop alive; the run is over.
process.exit(failed ? 1 : 0);
