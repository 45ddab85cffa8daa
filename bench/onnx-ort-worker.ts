// A worker thread that runs onnxruntime-web for the onnx suite (bench/onnx.ts), with the thread
// count it is started with: ort.env.wasm.numThreads is read once per process (when its WASM
// starts), so 1 and 2 threads in one bench run need two isolates. Sessions are created once per
// model; each 'time' request runs the model n times back to back and answers the seconds taken,
// so no message crosses threads inside the timed calls.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

type Ort = typeof import('onnxruntime-web');
interface Feed { name: string; dtype: 'float32' | 'int64'; shape: number[]; data: Float32Array | Int32Array }
type Request =
  | { type: 'load'; id: number; key: string; bytes: Uint8Array; feeds: Feed[] }
  | { type: 'time'; id: number; key: string; n: number }
  | { type: 'output'; id: number; key: string };

const require = createRequire(import.meta.url);
const ort: Ort = await import('onnxruntime-web');
ort.env.wasm.numThreads = (workerData as { threads: number }).threads;
ort.env.wasm.wasmPaths = `${dirname(require.resolve('onnxruntime-web'))}/`;
ort.env.logLevel = 'error';

const sessions = new Map<string, { session: import('onnxruntime-web').InferenceSession; feeds: Record<string, import('onnxruntime-web').Tensor> }>();

async function runOnce(key: string): Promise<Float32Array> {
  const s = sessions.get(key)!;
  const r = await s.session.run(s.feeds);
  const y = r[s.session.outputNames[0]];
  const out = (await y.getData()) as Float32Array;
  for (const t of Object.values(r)) t.dispose();
  return out;
}

parentPort!.on('message', async (m: Request) => {
  try {
    if (m.type === 'load') {
      const session = await ort.InferenceSession.create(m.bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
      const feeds: Record<string, import('onnxruntime-web').Tensor> = {};
      for (const f of m.feeds) {
        feeds[f.name] = f.dtype === 'int64'
          ? new ort.Tensor('int64', BigInt64Array.from(f.data as Int32Array, (v) => BigInt(v)), f.shape)
          : new ort.Tensor('float32', f.data as Float32Array, f.shape);
      }
      sessions.set(m.key, { session, feeds });
      parentPort!.postMessage({ id: m.id, ok: true });
    } else if (m.type === 'time') {
      const t0 = performance.now();
      for (let i = 0; i < m.n; i++) await runOnce(m.key);
      parentPort!.postMessage({ id: m.id, ok: true, seconds: (performance.now() - t0) / 1000 });
    } else {
      parentPort!.postMessage({ id: m.id, ok: true, output: await runOnce(m.key) });
    }
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: (e as Error).message });
  }
});
parentPort!.postMessage({ id: 0, ok: true, ready: true });
