// In-process A/B of conv-family wasm kernels: two builds of the module (A, B: bindings/wasm-*.gen.ts
// files), each in its own instance and memory, called alternately on the same data, timed by the
// process's CPU time (robust on a loaded machine: both see the same load). E.g. main against a branch:
//   git show main:bindings/wasm-simd.gen.ts > /tmp/a.gen.ts
//   node --experimental-wasm-relaxed-simd bench/wasm-ab.mjs /tmp/a.gen.ts bindings/wasm-simd.gen.ts [case filter]
import { readFileSync } from 'node:fs';
const [fileA, fileB, only] = process.argv.slice(2);
const build = fileB.includes('relaxed') ? 'relaxed' : 'simd';
const b64 = (f) => readFileSync(f, 'utf8').match(/wasmBase64 =\s*'([^']+)'/)[1];
async function inst(f) {
  const memory = new WebAssembly.Memory({ initial: 2048 });
  const { instance } = await WebAssembly.instantiate(Buffer.from(b64(f), 'base64'), { env: { memory } });
  const k = instance.exports; let top = (k.heap_base() + 15) & ~15;
  const alloc = (bytes) => { const p = top; top = (top + bytes + 15) & ~15; return p; };
  return { k, memory, alloc };
}
const A = await inst(fileA), B = await inst(fileB);
const rnd = (n, s) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; } return v; };
function setup(m, c) {
  const p = m.alloc(64); new Int32Array(m.memory.buffer, p, 16).set(c.params);
  const bufs = c.bufs.map((n, i) => { const q = m.alloc(n * 4); new Float32Array(m.memory.buffer, q, n).set(rnd(n, i + 1)); return q; });
  const work = c.work !== undefined ? m.alloc(m.k.f32_conv_work_bytes(p, c.work) + 64) : 0;
  return () => c.call(m.k, bufs, p, work);
}
const P = (N, H, W, C, OH, OW, O, KH, KW, sh, sw, pt, pl) => [N, H, W, C, OH, OW, O, KH, KW, sh, sw, 1, 1, pt, pl, 1];
const cases = [
  { name: 'conv1 fwd 28x28x1->16 same relu b64', params: P(64, 28, 28, 1, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784, 144, 16, 64 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv1 fwd 28x28x1->16 valid relu b64', params: P(64, 28, 28, 1, 26, 26, 16, 3, 3, 1, 1, 0, 0), bufs: [64 * 784, 144, 16, 64 * 676 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv1 fwd 28x28x3->16 same b64', params: P(64, 28, 28, 3, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 3, 432, 16, 64 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv2 fwd 13x13x16->32 valid relu b64', params: P(64, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 169 * 16, 144 * 32, 32, 64 * 121 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv2 fwd 13x13x16->32 valid relu b256', params: P(256, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [256 * 169 * 16, 144 * 32, 32, 256 * 121 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 28x28x16->32 same b64', params: P(64, 28, 28, 16, 28, 28, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 16, 144 * 32, 32, 64 * 784 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 0, p, wk) },
  { name: 'conv 56x56x64->64 same b1', params: P(1, 56, 56, 64, 56, 56, 64, 3, 3, 1, 1, 1, 1), bufs: [3136 * 64, 576 * 64, 64, 3136 * 64], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 0, p, wk) },
  { name: 'conv2 dX 13x13x16->32 valid b64', params: P(64, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 121 * 32, 144 * 32, 64 * 169 * 16], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 28x28x16->32 same b64', params: P(64, 28, 28, 16, 28, 28, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 32, 144 * 32, 64 * 784 * 16], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 56x56x64->64 same b1', params: P(1, 56, 56, 64, 56, 56, 64, 3, 3, 1, 1, 1, 1), bufs: [3136 * 64, 576 * 64, 3136 * 64], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'conv1 dX 28x28x1->16 same b64', params: P(64, 28, 28, 1, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 16, 144, 64 * 784], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'conv1 dW same', params: P(64, 28, 28, 1, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784, 64 * 784 * 16, 144], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  { name: 'conv1 dW 28x28x1->16 valid b64', params: P(64, 28, 28, 1, 26, 26, 16, 3, 3, 1, 1, 0, 0), bufs: [64 * 784, 64 * 676 * 16, 144], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  { name: 'maxPool 2x2 [64,26,26,16]', params: P(64, 26, 26, 16, 13, 13, 16, 2, 2, 2, 2, 0, 0), bufs: [64 * 676 * 16, 64 * 169 * 16], call: (k, [x, o], p) => k.f32_max_pool2d(x, o, p) },
  { name: 'maxPoolGrad 2x2 [64,26,26,16]', params: P(64, 26, 26, 16, 13, 13, 16, 2, 2, 2, 2, 0, 0), bufs: [64 * 676 * 16, 64 * 169 * 16, 64 * 676 * 16], call: (k, [x, dy, dx], p) => k.f32_max_pool2d_grad(x, dy, dx, p) },
  { name: 'maxPoolGrad 2x2 [64,11,11,32]', params: P(64, 11, 11, 32, 5, 5, 32, 2, 2, 2, 2, 0, 0), bufs: [64 * 121 * 32, 64 * 25 * 32, 64 * 121 * 32], call: (k, [x, dy, dx], p) => k.f32_max_pool2d_grad(x, dy, dx, p) },
].filter((c) => !only || c.name.includes(only));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
for (const c of cases) {
  const fa = setup(A, c), fb = setup(B, c);
  let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 200; n++) { fa(); fb(); }
  const reps = Math.max(1, Math.round(n * 10 / (performance.now() - t0)));
  const ta = [], tb = [];
  for (let r = 0; r < 25; r++) for (const [f, ts] of [[fa, ta], [fb, tb]]) { const c0 = cpu(); for (let i = 0; i < reps; i++) f(); ts.push((cpu() - c0) / reps); }
  const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1], min = (v) => Math.min(...v);
  console.log(`${build} ${c.name}: A ${med(ta).toFixed(3)} ms (min ${min(ta).toFixed(3)}), B ${med(tb).toFixed(3)} (min ${min(tb).toFixed(3)}): speedup median ${(med(ta) / med(tb)).toFixed(2)}x, min ${(min(ta) / min(tb)).toFixed(2)}x`);
}
