// The reference CNN's predict at batch 256 with conv2d -> maxPooling2d fused (the default) and unfused
// (model.fuseInference = false: each layer alone), beside tfjs-layers on tfjs-wasm (one thread, its
// own predict), interleaved in one process, each sample timed by the process's CPU time.
//   npx esbuild bench/cnn-fuse-pair.ts --bundle --platform=node --format=esm --outfile=build/cnn-fuse-pair.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd build/cnn-fuse-pair.mjs simd|relaxed [rounds]
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { tfjs } from './peers.js';
import { referenceCnn, tfjsReferenceCnn } from './cnn.js';

const build = process.argv[2] === 'relaxed' ? 'relaxed' : 'simd';
const rounds = Number(process.argv[3] ?? 21);
await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
const B = 256;
const { test } = await loadMnist({ train: 0, test: B, seed: 1 });
const xb = test.images.subarray(0, B * 784);
const fused = referenceCnn(), plain = referenceCnn();
plain.setWeights(fused.getWeights());
plain.fuseInference = false;
const tf = { ...(await tfjs('wasm')), ...(await import('@tensorflow/tfjs-layers')) };
const tm = tfjsReferenceCnn(tf);
const x = eg.tensor(xb, [B, 28, 28, 1]);
const a = fused.predict(x), b = plain.predict(x);
if (a.dataSync().some((v, i) => v !== b.dataSync()[i])) throw new Error('fused and unfused predictions differ');
eg.dispose([x, a, b]);
const fns: Record<string, () => void> = {
  fused: () => eg.tidy(() => { fused.predict(eg.tensor(xb, [B, 28, 28, 1])).dataSync(); }),
  unfused: () => eg.tidy(() => { plain.predict(eg.tensor(xb, [B, 28, 28, 1])).dataSync(); }),
  'tfjs-wasm': () => tf.tidy(() => { (tm.predict(tf.tensor4d(xb, [B, 28, 28, 1])) as { dataSync(): unknown }).dataSync(); }),
};
const reps: Record<string, number> = {};
for (const [k, f] of Object.entries(fns)) { let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 500; n++) f(); reps[k] = Math.max(1, Math.round(n * 20 / (performance.now() - t0))); }
const ts: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) for (const [k, f] of Object.entries(fns)) { const c0 = process.cpuUsage(); for (let r = 0; r < reps[k]; r++) f(); const c = process.cpuUsage(c0); ts[k].push((c.user + c.system) / 1e3 / reps[k]); }
const med = (v: number[]) => [...v].sort((p, q) => p - q)[v.length >> 1], min = (v: number[]) => Math.min(...v);
const f = ts.fused, u = ts.unfused, t = ts['tfjs-wasm'];
const ms = (v: number[]) => `${med(v).toFixed(2)} ms (min ${min(v).toFixed(2)})`;
console.log(`${build} predict b${B}, CPU time per call, ${rounds} interleaved rounds: fused ${ms(f)}, unfused ${ms(u)}, tfjs-wasm ${ms(t)}`);
console.log(`  unfused/fused ${(med(u) / med(f)).toFixed(2)}x median, ${(min(u) / min(f)).toFixed(2)}x min; tfjs-wasm/fused ${(med(t) / med(f)).toFixed(2)}x median, ${(min(t) / min(f)).toFixed(2)}x min; tfjs-wasm/unfused ${(med(t) / med(u)).toFixed(2)}x median`);
