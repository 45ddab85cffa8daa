// In-process A/B of conv-family wasm kernels: two builds of the module (A, B: bindings/wasm-*.gen.ts
// files), each in its own instance and memory, called alternately on the same data, timed by the
// process's CPU time (robust on a loaded machine: both see the same load). E.g. main against a branch:
//   git show main:bindings/wasm-simd.gen.ts > /tmp/a.gen.ts
//   node --experimental-wasm-relaxed-simd bench/wasm-ab.mjs /tmp/a.gen.ts bindings/wasm-simd.gen.ts [case filter]
import { readFileSync } from 'node:fs';
const [fileA, fileB, only] = process.argv.slice(2);
const build = fileB.includes('relaxed') ? 'relaxed' : 'simd';
const b64 = (f) => readFileSync(f, 'utf8').match(/wasmBase64(?:: string)? =\s*'([^']+)'/)[1];
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
  if (c.packed) {
    // The filter resident (bufs[1]), packed once as the backend's conv filter cache does (0 bytes: read in place).
    const bytes = m.k.f32_conv_packed_bytes(p);
    const packed = bytes > 0 ? m.alloc(bytes) : 0;
    if (packed) m.k.f32_conv_pack_filter(bufs[1], p, packed);
    return () => (packed ? m.k.f32_conv2d_packed(bufs[0], packed, bufs[2], bufs[3], c.act ?? 0, p, work) : m.k.f32_conv2d(bufs[0], bufs[1], bufs[2], bufs[3], c.act ?? 0, p, work));
  }
  return () => c.call(m.k, bufs, p, work);
}
const P = (N, H, W, C, OH, OW, O, KH, KW, sh, sw, pt, pl) => [N, H, W, C, OH, OW, O, KH, KW, sh, sw, 1, 1, pt, pl, 1];
/** issue 12's bench layers (tests/cases/conv.ts bench): forward with the filter packed ahead, dX, dW. */
const layer = (name, N, H, C, O, k, groups = 1) => {
  const pd = (k - 1) >> 1, params = [N, H, H, C, H, H, O, k, k, 1, 1, 1, 1, pd, pd, groups];
  const x = N * H * H * C, w = k * k * (C / groups) * O, y = N * H * H * O;
  return [
    { name: `L ${name} fwd`, params, bufs: [x, w, O, y], work: 0, packed: true },
    { name: `L ${name} dX`, params, bufs: [y, w, x], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
    { name: `L ${name} dW`, params, bufs: [x, y, w], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  ];
};
const cases = [
  ...layer('3x3 1->16 28x28 b64', 64, 28, 1, 16, 3),
  ...layer('3x3 16->32 28x28 b64', 64, 28, 16, 32, 3),
  ...layer('3x3 64->64 56x56 b1', 1, 56, 64, 64, 3),
  ...layer('3x3 64->64 56x56 b4', 4, 56, 64, 64, 3),
  ...layer('1x1 64->128 56x56 b1', 1, 56, 64, 128, 1),
  ...layer('3x3 256->256 14x14 b1', 1, 14, 256, 256, 3),
  ...layer('depthwise 3x3 56x56x64 b1', 1, 56, 64, 64, 3, 64),
  { name: 'conv1 fwd 28x28x1->16 same relu b64', params: P(64, 28, 28, 1, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784, 144, 16, 64 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv1 fwd 28x28x1->16 valid relu b64', params: P(64, 28, 28, 1, 26, 26, 16, 3, 3, 1, 1, 0, 0), bufs: [64 * 784, 144, 16, 64 * 676 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv1 fwd 28x28x3->16 same b64', params: P(64, 28, 28, 3, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 3, 432, 16, 64 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv2 fwd 13x13x16->32 valid relu b64', params: P(64, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 169 * 16, 144 * 32, 32, 64 * 121 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv2 fwd 13x13x16->32 valid relu b256', params: P(256, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [256 * 169 * 16, 144 * 32, 32, 256 * 121 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 28x28x16->32 same b64', params: P(64, 28, 28, 16, 28, 28, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 16, 144 * 32, 32, 64 * 784 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 0, p, wk) },
  { name: 'conv 56x56x64->64 same b1', params: P(1, 56, 56, 64, 56, 56, 64, 3, 3, 1, 1, 1, 1), bufs: [3136 * 64, 576 * 64, 64, 3136 * 64], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 0, p, wk) },
  // Winograd's reach (isWinograd, WINO_MIN_C): few input channels, small images, wide layers.
  { name: 'conv 28x28x4->16 same b16', params: P(16, 28, 28, 4, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [16 * 784 * 4, 36 * 16, 16, 16 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 28x28x8->16 same b16', params: P(16, 28, 28, 8, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [16 * 784 * 8, 72 * 16, 16, 16 * 784 * 16], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 7x7x64->64 same b16', params: P(16, 7, 7, 64, 7, 7, 64, 3, 3, 1, 1, 1, 1), bufs: [16 * 49 * 64, 576 * 64, 64, 16 * 49 * 64], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 4x4x32->32 same b64', params: P(64, 4, 4, 32, 4, 4, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 16 * 32, 288 * 32, 32, 64 * 16 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 7x7x32->32 valid (5x5 out) b64', params: P(64, 7, 7, 32, 5, 5, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 49 * 32, 288 * 32, 32, 64 * 25 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 8x8x32->32 valid (6x6 out) b64', params: P(64, 8, 8, 32, 6, 6, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 64 * 32, 288 * 32, 32, 64 * 36 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 5x5x32->32 valid (3x3 out) b64', params: P(64, 5, 5, 32, 3, 3, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 25 * 32, 288 * 32, 32, 64 * 9 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 4x4x32->32 valid (2x2 out) b64', params: P(64, 4, 4, 32, 2, 2, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 16 * 32, 288 * 32, 32, 64 * 4 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 3x3x32->32 valid (1x1 out) b64', params: P(64, 3, 3, 32, 1, 1, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 9 * 32, 288 * 32, 32, 64 * 32], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 1, p, wk) },
  { name: 'conv 14x14x256->256 same b1', params: P(1, 14, 14, 256, 14, 14, 256, 3, 3, 1, 1, 1, 1), bufs: [196 * 256, 2304 * 256, 256, 196 * 256], work: 0, call: (k, [x, w, b, o], p, wk) => k.f32_conv2d(x, w, b, o, 0, p, wk) },
  { name: 'conv2 dX 13x13x16->32 valid b64', params: P(64, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 121 * 32, 144 * 32, 64 * 169 * 16], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 28x28x16->32 same b64', params: P(64, 28, 28, 16, 28, 28, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 784 * 32, 144 * 32, 64 * 784 * 16], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 56x56x64->64 same b1', params: P(1, 56, 56, 64, 56, 56, 64, 3, 3, 1, 1, 1, 1), bufs: [3136 * 64, 576 * 64, 3136 * 64], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  // The Winograd dX's reach (isInputByWinograd): few channels either side.
  { name: 'dX 28x28x4->16 same b16', params: P(16, 28, 28, 4, 28, 28, 16, 3, 3, 1, 1, 1, 1), bufs: [16 * 784 * 16, 36 * 16, 16 * 784 * 4], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 28x28x16->8 same b16', params: P(16, 28, 28, 16, 28, 28, 8, 3, 3, 1, 1, 1, 1), bufs: [16 * 784 * 8, 144 * 8, 16 * 784 * 16], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  { name: 'dX 7x7x64->64 same b16', params: P(16, 7, 7, 64, 7, 7, 64, 3, 3, 1, 1, 1, 1), bufs: [16 * 49 * 64, 576 * 64, 16 * 49 * 64], work: 1, call: (k, [dy, w, dx], p, wk) => k.f32_conv2d_backprop_input(dy, w, dx, p, wk) },
  // The Winograd dW's reach (isFilterByWinograd).
  { name: 'conv2 dW 13x13x16->32 valid b64', params: P(64, 13, 13, 16, 11, 11, 32, 3, 3, 1, 1, 0, 0), bufs: [64 * 169 * 16, 64 * 121 * 32, 144 * 32], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  { name: 'dW 28x28x8->8 same b16', params: P(16, 28, 28, 8, 28, 28, 8, 3, 3, 1, 1, 1, 1), bufs: [16 * 784 * 8, 16 * 784 * 8, 72 * 8], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  { name: 'dW 7x7x64->64 same b16', params: P(16, 7, 7, 64, 7, 7, 64, 3, 3, 1, 1, 1, 1), bufs: [16 * 49 * 64, 16 * 49 * 64, 576 * 64], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
  { name: 'dW 4x4x32->32 same b64', params: P(64, 4, 4, 32, 4, 4, 32, 3, 3, 1, 1, 1, 1), bufs: [64 * 16 * 32, 64 * 16 * 32, 288 * 32], work: 2, call: (k, [x, dy, dw], p, wk) => k.f32_conv2d_backprop_filter(x, dy, dw, p, wk) },
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
