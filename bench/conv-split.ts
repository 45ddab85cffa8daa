// Where a conv2d bench call's time goes: per layer of issue 12, the whole call of bench/conv.ts (upload
// x, conv, read y back) beside the conv alone on a resident x (no upload, no readback), for edgegrad
// (one wasm build) and tfjs-wasm, all four alternating in one process, timed by CPU time per call.
//   npx esbuild bench/conv-split.ts --bundle --platform=node --format=esm --outfile=build/conv-split.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd build/conv-split.mjs simd|relaxed [layer name filter]
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
const med = (ts: number[]) => [...ts].sort((a, b) => a - b)[ts.length >> 1];
for (const L of convCases.bench.filter((l) => !only || l.name.includes(only))) {
  const [, , , C] = L.x, groups = L.depthwise ? C : 1, pad = (L.k - 1) >> 1;
  const geo = { strides: [1, 1] as [number, number], dilations: [1, 1] as [number, number], pads: [pad, L.k - 1 - pad, pad, L.k - 1 - pad] as [number, number, number, number] };
  const wShape = [L.k, L.k, C / groups, L.O] as [number, number, number, number];
  const yShape = [...convOutShape(L.x, L.k, L.k, geo), L.O];
  const x = rnd(size(L.x), 1), w = rnd(size(wShape), 2), dy = rnd(size(yShape), 3);
  const gflop = (2 * size(yShape) * L.k * L.k * (C / groups)) / 1e9;
  const tw = eg.keep(eg.tensor(w, wShape)), tx = eg.keep(eg.tensor(x, L.x)), tdy = eg.keep(eg.tensor(dy, yShape));
  const attrs = { ...geo, groups, activation: 'linear' as const };
  const fw = L.depthwise ? tf.tensor4d(w, [L.k, L.k, C, 1]) : tf.tensor4d(w, wShape);
  const fx = tf.tensor4d(x, L.x);
  const tfConv = (t: never) => (L.depthwise ? tf.depthwiseConv2d(t, fw as never, 1, 'same') : tf.conv2d(t, fw as never, 1, 'same')) as import('@tensorflow/tfjs-core').Tensor;
  const fns: Record<string, () => void> = {
    egCall: () => eg.tidy(() => { engine.runKernel('conv2d', [eg.tensor(x, L.x), tw], attrs)[0].dataSync(); }),
    egKernel: () => eg.tidy(() => { engine.runKernel('conv2d', [tx, tw], attrs); }),
    tfCall: () => { const t = tf.tensor4d(x, L.x); const y = tfConv(t as never); y.dataSync(); tf.dispose([t, y]); },
    tfKernel: () => { const y = tfConv(fx as never); y.dispose(); },
    egDx: () => eg.tidy(() => { engine.runKernel('conv2dBackpropInput', [tdy, tw], { ...geo, groups, inShape: L.x as never }); }),
    egDw: () => eg.tidy(() => { engine.runKernel('conv2dBackpropFilter', [tx, tdy], { ...geo, groups, filterShape: wShape }); }),
  };
  const reps: Record<string, number> = {};
  for (const [k, f] of Object.entries(fns)) { let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 200; n++) f(); reps[k] = Math.max(1, Math.round(n * 15 / (performance.now() - t0))); }
  const ts: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < 11; i++) for (const [k, f] of Object.entries(fns)) { const c0 = process.cpuUsage(); for (let r = 0; r < reps[k]; r++) f(); const c = process.cpuUsage(c0); ts[k].push((c.user + c.system) / 1e6 / reps[k]); }
  const m = Object.fromEntries(Object.entries(ts).map(([k, v]) => [k, med(v)]));
  const gf = (k: string) => (gflop / m[k]).toFixed(1);
  console.log(`${build} ${L.name}: eg call ${(m.egCall * 1e3).toFixed(3)} ms (${gf('egCall')} GF/s) kernel ${(m.egKernel * 1e3).toFixed(3)} (${gf('egKernel')}) | tfjs call ${(m.tfCall * 1e3).toFixed(3)} (${gf('tfCall')}) kernel ${(m.tfKernel * 1e3).toFixed(3)} (${gf('tfKernel')}) | call ratio ${(m.tfCall / m.egCall).toFixed(2)}x kernel ratio ${(m.tfKernel / m.egKernel).toFixed(2)}x | dX ${(m.egDx * 1e3).toFixed(3)} dW ${(m.egDw * 1e3).toFixed(3)} bwd/fwd(kernel) ${(2 * m.egKernel / (m.egDx + m.egDw)).toFixed(2)}`);
  eg.dispose([tw, tx, tdy]); tf.dispose([fw, fx]);
}
