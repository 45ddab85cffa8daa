// Footprint: what a user ships and how long a fresh process takes to get a first result.
// Size: an esbuild bundle (minified, code-split, browser) of a small app that uses edgegrad through
// the layers API (sequential + dense + compile + fit + predict), raw and gzip -9, counting the
// one WASM build chunk a page downloads (the largest of the four: simd, relaxed and their shared-memory
// variants for cross-origin-isolated pages) and reporting each; the same for
// an equivalent tfjs-layers + tfjs-backend-wasm app (plus its SIMD .wasm) and a jax-js app.
// Cold start: fresh `node` processes (import, init wasm, 256x256 matmul, read back), edgegrad and
// tfjs-wasm interleaved, median of several spawns. Node only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Row, type SuiteContext, liveRows } from './harness.js';

const ROOT = process.cwd();
const OUT = join(ROOT, 'bench/out/footprint');
const require = createRequire(join(ROOT, 'package.json'));
const KB = 1024;
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;

/** The library entry as installed: the built package (dist), else the TypeScript sources. */
function entry(): string {
  for (const p of ['dist/src/index.js', 'src/index.ts']) {
    try { readFileSync(join(ROOT, p)); return join(ROOT, p); } catch { /* next */ }
  }
  throw new Error('footprint: no dist/src/index.js or src/index.ts');
}

const APPS: Record<string, string> = {
  edgegrad: `import { init, sequential, layers, optimizers, tensor } from 'edgegrad';
await init({ backend: 'wasm' });
const model = sequential([layers.dense({ units: 32, activation: 'relu', inputShape: [784] }), layers.dense({ units: 10, activation: 'softmax' })]);
model.compile({ optimizer: optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
const x = tensor(new Float32Array(64 * 784), [64, 784]), y = tensor(new Int32Array(64), [64], 'int32');
await model.fit(x, y, { epochs: 1, batchSize: 32 });
console.log(model.predict(x).dataSync()[0]);`,
  'tfjs-wasm': `import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
await tf.setBackend('wasm');
const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 32, activation: 'relu', inputShape: [784] }), tfl.layers.dense({ units: 10, activation: 'softmax' })] });
model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
const x = tf.zeros([64, 784]), y = tf.zeros([64, 1]);
await model.fit(x, y, { epochs: 1, batchSize: 32 });
console.log(model.predict(x).dataSync()[0]);`,
  // jax-js has no layers API: the same MLP as a jit-compiled gradient step.
  'jax-js': `import { init, numpy as np, nn, grad, jit } from '@jax-js/jax';
await init('wasm');
const loss = (p, x) => nn.relu(np.matmul(x, p.w1)).sum();
const step = jit((p, x) => grad(loss)(p, x));
const p = { w1: np.zeros([784, 32]) };
console.log(await step(p, np.zeros([64, 784])).w1.data());`,
};

interface Bundle {
  /** The JS a page loads for this app (entry, its imports, the dynamic chunks it runs), raw and gzip -9 per file. */
  js: number; jsGz: number;
  /** Chunks the app never loads (edgegrad's webgpu and js backends, pool, save/load, evaluation, progress bar; jax-js's GPU backends), gzip. */
  lazyGz: number;
  /** The largest modules in the loaded JS (minified bytes). */
  top: string;
  wasmChunks: Record<string, { raw: number; gz: number }>;
}

/** Dynamic chunks an app does not load on its CPU/WASM path, by the modules they hold. */
// edgegrad's app inits wasm (no js or webgpu backend), starts no pool, neither
// saves nor loads a model (nor writes its files: model/artifacts), evaluates nothing (no validation
// data) and draws no progress bar (no TTY).
const LAZY: Record<string, RegExp> = {
  edgegrad: /src\/backends\/(webgpu\/|js\.)|src\/pool\/|src\/io\/storage\.|src\/model\/(load|evaluate|progress|artifacts)\.|src\/model\/parallel\//,
  'tfjs-wasm': /$^/, 'jax-js': /webgl|webgpu/,
};

async function bundle(name: string): Promise<Bundle> {
  const { build } = await import('esbuild');
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.js'), APPS[name]);
  const res = await build({
    entryPoints: [join(dir, 'app.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    splitting: true, minify: true, outdir: join(dir, 'dist'), metafile: true, write: true, logLevel: 'silent',
    alias: { edgegrad: entry() }, nodePaths: [join(ROOT, 'node_modules')],
  });
  const outputs = res.metafile!.outputs;
  const out: Bundle = { js: 0, jsGz: 0, lazyGz: 0, top: '', wasmChunks: {} };
  const loaded = new Set<string>();
  const wasmOf = (file: string) => Object.keys(outputs[file].inputs).map((i) => /wasm-((?:simd|relaxed)(?:-shared)?)\.gen\./.exec(i)?.[1]).find(Boolean);
  // Static imports are always loaded; a dynamic one unless it is a WASM build chunk (counted apart) or lazy.
  const visit = (file: string, dynamic: boolean) => {
    if (loaded.has(file) || !outputs[file] || wasmOf(file)) return;
    if (dynamic && LAZY[name].test(Object.keys(outputs[file].inputs).join(' '))) return;
    loaded.add(file);
    for (const i of outputs[file].imports) visit(i.path, i.kind === 'dynamic-import');
  };
  // (the app's own output: dynamic-import chunks carry an entryPoint too)
  visit(Object.keys(outputs).find((f) => outputs[f].entryPoint?.endsWith('app.js'))!, false);
  for (const file of Object.keys(outputs)) {
    if (!file.endsWith('.js')) continue;
    const bytes = readFileSync(resolve(file));
    const wasm = wasmOf(file);
    if (wasm) out.wasmChunks[wasm] = { raw: bytes.length, gz: gz(bytes) };
    else if (loaded.has(file)) { out.js += bytes.length; out.jsGz += gz(bytes); }
    else out.lazyGz += gz(bytes);
  }
  const mods = [...loaded].flatMap((f) => Object.entries(outputs[f].inputs)).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  out.top = mods.slice(0, 8).map(([m, v]) => `${m.replace(/^.*?(src|bindings|node_modules)\//, '$1/')} ${(v.bytesInOutput / KB).toFixed(1)}`).join(', ');
  return out;
}

/** The raw .wasm bytes of one edgegrad build (decoded from its generated module). */
function edgegradWasm(build: string): Uint8Array {
  const src = readFileSync(join(ROOT, `bindings/wasm-${build}.gen.ts`), 'utf8');
  const body = src.slice(src.indexOf('wasmBase64')).replace(/'\s*\+\s*'/g, '');
  return Buffer.from(/'([A-Za-z0-9+/=]+)'/.exec(body)![1], 'base64');
}

const COLD: Record<string, (lib: string) => string> = {
  edgegrad: (lib) => `const t0 = performance.now();
const eg = await import(${JSON.stringify(lib)});
await eg.init({ backend: 'wasm' });
const a = eg.tensor(new Float32Array(65536).fill(0.5), [256, 256]);
const v = eg.matmul(a, a).dataSync();
console.log(JSON.stringify({ script: performance.now() - t0, process: performance.now(), check: v[0] }));`,
  'tfjs-wasm': (wasmDir) => `const t0 = performance.now();
const tf = await import('@tensorflow/tfjs-core');
const wasm = await import('@tensorflow/tfjs-backend-wasm');
wasm.setWasmPaths(${JSON.stringify(`${wasmDir}/`)});
wasm.setThreadsCount(1);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
const a = tf.fill([256, 256], 0.5);
const v = tf.matMul(a, a).dataSync();
console.log(JSON.stringify({ script: performance.now() - t0, process: performance.now(), check: v[0] }));`,
};

export async function footprint(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  mkdirSync(OUT, { recursive: true });
  const size = (c: string, backend: string, bytes: number, note?: string): Row => ({
    suite: 'footprint', case: c, backend, seconds: NaN, spread: 0, value: bytes / KB, unit: 'KB gzip', lowerIsBetter: true, note,
  });

  // ---- sizes
  const ours = await bundle('edgegrad');
  const builds = ['simd', 'relaxed', 'simd-shared', 'relaxed-shared'].filter((b) => ours.wasmChunks[b]);
  const biggest = Math.max(...builds.map((b) => ours.wasmChunks[b].gz));
  rows.push(size('layers app: JS + WASM', 'edgegrad', ours.jsGz + biggest, 'JS chunks + the largest WASM build chunk'));
  rows.push(size('layers app: JS only', 'edgegrad', ours.jsGz, 'entry + imports + the wasm backend chunk'));
  for (const b of builds) {
    const rawWasm = edgegradWasm(b);
    rows.push(size(`WASM ${b} build`, 'edgegrad', ours.wasmChunks[b].gz,
      `chunk ${(ours.wasmChunks[b].raw / KB).toFixed(1)} KB raw (base64); .wasm ${(rawWasm.length / KB).toFixed(1)} KB raw, ${(gz(rawWasm) / KB).toFixed(1)} KB gzip`));
  }
  ctx.log(`  edgegrad layers app: JS ${(ours.js / KB).toFixed(1)} KB raw / ${(ours.jsGz / KB).toFixed(1)} KB gzip ` +
    `(+ ${(ours.lazyGz / KB).toFixed(1)} KB gzip of chunks it never loads: webgpu and js backends, pool, save/load, evaluation, progress bar); ` +
    builds.map((b) => `${b} chunk ${(ours.wasmChunks[b].raw / KB).toFixed(1)} / ${(ours.wasmChunks[b].gz / KB).toFixed(1)} KB`).join(', '));
  ctx.log(`  largest modules loaded (KB minified): ${ours.top}`);
  const total = ours.jsGz + biggest;
  ctx.log(`  footprint target: ${total / KB <= 60 ? 'met ' : 'MISS'}  JS+WASM ${(total / KB).toFixed(1)} KB gzip through the layers API (target <= 60 KB)`);
  if (ctx.peers.includes('tfjs-wasm')) {
    try {
      const tf = await bundle('tfjs-wasm');
      const wasm = readFileSync(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), 'tfjs-backend-wasm-simd.wasm'));
      rows.push(size('layers app: JS + WASM', 'tfjs-wasm', tf.jsGz + gz(wasm), 'tfjs-core + tfjs-layers + tfjs-backend-wasm, + tfjs-backend-wasm-simd.wasm'));
      rows.push(size('layers app: JS only', 'tfjs-wasm', tf.jsGz));
      ctx.log(`  tfjs-layers + wasm app: JS ${(tf.js / KB).toFixed(1)} KB raw / ${(tf.jsGz / KB).toFixed(1)} KB gzip; simd .wasm ${(wasm.length / KB).toFixed(1)} / ${(gz(wasm) / KB).toFixed(1)} KB`);
    } catch (e) { ctx.log(`  footprint: tfjs bundle skipped: ${(e as Error).message.split('\n')[0]}`); }
  }
  if (ctx.peers.includes('jax-js')) {
    try {
      const jx = await bundle('jax-js');
      rows.push(size('layers app: JS + WASM', 'jax-js', jx.jsGz, 'numpy + grad + jit MLP step (no layers API); its WASM is generated at run time'));
      ctx.log(`  jax-js app: JS ${(jx.js / KB).toFixed(1)} KB raw / ${(jx.jsGz / KB).toFixed(1)} KB gzip (+ ${(jx.lazyGz / KB).toFixed(1)} KB gzip of GPU chunks it never loads)`);
    } catch (e) { ctx.log(`  footprint: jax-js bundle skipped: ${(e as Error).message.split('\n')[0]}`); }
  }

  // ---- cold start
  const scripts: Record<string, string> = {
    edgegrad: COLD.edgegrad(pathToFileURL(entry()).href),
  };
  if (ctx.peers.includes('tfjs-wasm')) scripts['tfjs-wasm'] = COLD['tfjs-wasm'](dirname(require.resolve('@tensorflow/tfjs-backend-wasm')));
  const files: Record<string, string> = {};
  for (const [name, src] of Object.entries(scripts)) writeFileSync((files[name] = join(OUT, `cold-${name}.mjs`)), src);
  const spawns = ctx.quick ? 3 : 7;
  const samples: Record<string, { script: number[]; process: number[]; wall: number[] }> = {};
  // one throw-away spawn each (disk cache), then interleaved spawns
  for (const f of Object.values(files)) spawnSync(process.execPath, [f], { cwd: ROOT });
  for (let i = 0; i < spawns; i++) {
    for (const [name, f] of Object.entries(files)) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [f], { cwd: ROOT, encoding: 'utf8' });
      const wall = performance.now() - t0;
      if (r.status !== 0) { ctx.log(`  cold start ${name} failed: ${r.stderr.split('\n').slice(0, 3).join(' ')}`); continue; }
      const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { script: number; process: number };
      const s = (samples[name] ??= { script: [], process: [], wall: [] });
      s.script.push(m.script); s.process.push(m.process); s.wall.push(wall);
    }
  }
  const stat = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const med = s[s.length >> 1]; return { med, spread: (s[s.length - 1] - s[0]) / med }; };
  for (const [name, s] of Object.entries(samples)) {
    const a = stat(s.script), w = stat(s.wall);
    rows.push({ suite: 'footprint', case: 'cold start: import+init+matmul 256+read', backend: name, seconds: a.med / 1e3, spread: a.spread, value: a.med, unit: 'ms', lowerIsBetter: true, note: `median of ${s.script.length} fresh node processes` });
    rows.push({ suite: 'footprint', case: 'cold start: whole node process', backend: name, seconds: w.med / 1e3, spread: w.spread, value: w.med, unit: 'ms', lowerIsBetter: true, note: 'spawn to exit, node boot included' });
  }
  const get = (c: string, b: string) => rows.find((r) => r.case === c && r.backend === b)?.value;
  const c1 = 'cold start: import+init+matmul 256+read';
  const o = get(c1, 'edgegrad'), t = get(c1, 'tfjs-wasm');
  if (o !== undefined && t !== undefined) {
    ctx.log(`  cold-start target: ${o <= t / 2 ? 'met ' : 'MISS'}  edgegrad ${o.toFixed(1)} ms vs tfjs-wasm ${t.toFixed(1)} ms = ${(o / t).toFixed(2)}x (target <= 0.5x)`);
  }
  return rows;
}
