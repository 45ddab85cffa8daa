// conv2d on issue 12's layers, paired: edgegrad (one wasm build) and tfjs-wasm (one thread) alternate
// call by call, each timed by the process's CPU time (robust on a shared machine, unlike wall time);
// prints the best and median GFLOP/s and their ratios, and backward (dX + dW) against forward.
//   npx esbuild bench/conv-pair.ts --bundle --platform=node --format=esm --outfile=build/conv-pair.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd build/conv-pair.mjs simd|relaxed [layer name filter]
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { convOutShape } from '../src/kernels.js';
import { tfjs } from '../bench/peers.js';
import { conv as convCases } from '../tests/cases/conv.js';
const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
const only = process.argv[3];
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const tf = await tfjs('wasm');
const rnd = (n: number, s: number) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; } return v; };
const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
// The conv suite's layers (tests/cases/conv.ts), as bench/conv.ts and bench/conv-split.ts time them.
const LAYERS = convCases.bench.filter((l) => !only || l.name.includes(only));
const stat = (ts: number[]) => { const s = [...ts].sort((a, b) => a - b); return { min: s[0], med: s[s.length >> 1] }; };
for (const L of LAYERS) {
  const [N, H, W, C] = L.x, groups = L.depthwise ? C : 1, pad = (L.k - 1) >> 1;
  const geo = { strides: [1, 1] as [number, number], dilations: [1, 1] as [number, number], pads: [pad, L.k - 1 - pad, pad, L.k - 1 - pad] as [number, number, number, number] };
  const wShape = [L.k, L.k, C / groups, L.O] as [number, number, number, number];
  const yShape = [...convOutShape(L.x, L.k, L.k, geo), L.O];
  const x = rnd(size(L.x), 1), w = rnd(size(wShape), 2), dy = rnd(size(yShape), 3);
  const gflop = (2 * size(yShape) * L.k * L.k * (C / groups)) / 1e9;
  const tw = eg.keep(eg.tensor(w, wShape)), tx = eg.keep(eg.tensor(x, L.x));
  // Activations resident, as in bench/conv.ts: the kernels only, nothing uploaded or read back.
  const tdy = eg.keep(eg.tensor(dy, yShape));
  const egF = () => eg.tidy(() => { engine.runKernel('conv2d', [tx, tw], { ...geo, groups, activation: 'linear' }); });
  const egB = () => eg.tidy(() => {
    engine.runKernel('conv2dBackpropInput', [tdy, tw], { ...geo, groups, inShape: L.x as never });
    engine.runKernel('conv2dBackpropFilter', [tx, tdy], { ...geo, groups, filterShape: wShape });
  });
  const fw = L.depthwise ? tf.tensor4d(w, [L.k, L.k, C, 1]) : tf.tensor4d(w, wShape), fx = tf.tensor4d(x, L.x as never);
  const tfF = () => { (L.depthwise ? tf.depthwiseConv2d(fx, fw as never, 1, 'same') : tf.conv2d(fx, fw as never, 1, 'same')).dispose(); };
  const fns = { egF, tfF, egB };
  // Each sample repeats a call enough times to last ~15 ms: CPU time is counted in coarse ticks.
  const reps: Record<string, number> = {};
  for (const [k, f] of Object.entries(fns)) { let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 300; n++) f(); reps[k] = Math.max(1, Math.round(n * 15 / (performance.now() - t0))); }
  const ts: Record<string, number[]> = { egF: [], tfF: [], egB: [] };
  const iters = 15;
  for (let i = 0; i < iters; i++) for (const [k, f] of Object.entries(fns)) { const c0 = process.cpuUsage(); for (let r = 0; r < reps[k]; r++) f(); const c = process.cpuUsage(c0); ts[k].push((c.user + c.system) / 1e6 / reps[k]); }
  const s = Object.fromEntries(Object.entries(ts).map(([k, v]) => [k, stat(v)]));
  const g = (k: string, m: 'min' | 'med') => (k === 'egB' ? 2 : 1) * gflop / s[k][m];
  console.log(`${build} ${L.name}: fwd ${g('egF', 'min').toFixed(2)} GFLOP/s (best; median ${g('egF', 'med').toFixed(2)}), tfjs-wasm ${g('tfF', 'min').toFixed(2)} (${g('tfF', 'med').toFixed(2)}): ratio best ${(s.tfF.min / s.egF.min).toFixed(2)}x, median ${(s.tfF.med / s.egF.med).toFixed(2)}x; bwd dX+dW ${g('egB', 'min').toFixed(2)} (${g('egB', 'med').toFixed(2)}) = ${(g('egB', 'min') / g('egF', 'min')).toFixed(2)}x fwd (best), ${(g('egB', 'med') / g('egF', 'med')).toFixed(2)}x (median) [${iters} rounds]`);
  eg.dispose([tw, tx, tdy]); tf.dispose([fw, fx]);
}
