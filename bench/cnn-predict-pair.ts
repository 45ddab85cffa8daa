// The reference CNN's predict at batch 256, paired: edgegrad (one wasm build) and tfjs-layers on
// tfjs-wasm (one thread) alternate, each sample timed by the process's CPU time.
//   npx esbuild bench/cnn-predict-pair.ts --bundle --platform=node --format=esm --outfile=build/cnn-predict-pair.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd build/cnn-predict-pair.mjs simd|relaxed
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { tfjs } from './peers.js';
import { referenceCnn, tfjsReferenceCnn } from './cnn.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const B = 256;
const { test } = await loadMnist({ train: 0, test: B, seed: 1 });
const xb = test.images.subarray(0, B * 784);
const model = referenceCnn();
const tf = { ...(await tfjs('wasm')), ...(await import('@tensorflow/tfjs-layers')) };
const tm = tfjsReferenceCnn(tf);
const fns: Record<string, () => void> = {
  edgegrad: () => eg.tidy(() => { model.predict(eg.tensor(xb, [B, 28, 28, 1])).dataSync(); }),
  'tfjs-wasm': () => tf.tidy(() => { (tm.predict(tf.tensor4d(xb, [B, 28, 28, 1])) as { dataSync(): unknown }).dataSync(); }),
};
const reps: Record<string, number> = {};
for (const [k, f] of Object.entries(fns)) { let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 500; n++) f(); reps[k] = Math.max(1, Math.round(n * 20 / (performance.now() - t0))); }
const ts: Record<string, number[]> = { edgegrad: [], 'tfjs-wasm': [] };
for (let i = 0; i < 21; i++) for (const [k, f] of Object.entries(fns)) { const c0 = process.cpuUsage(); for (let r = 0; r < reps[k]; r++) f(); const c = process.cpuUsage(c0); ts[k].push((c.user + c.system) / 1e3 / reps[k]); }
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1], min = (v: number[]) => Math.min(...v);
const e = ts.edgegrad, t = ts['tfjs-wasm'];
console.log(`${build} predict b${B}: edgegrad ${med(e).toFixed(2)} ms (min ${min(e).toFixed(2)}), tfjs-wasm ${med(t).toFixed(2)} ms (min ${min(t).toFixed(2)}): ${(med(t) / med(e)).toFixed(2)}x median, ${(min(t) / min(e)).toFixed(2)}x min`);
