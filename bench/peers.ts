// The GEMM peers, one thread each: @tensorflow/tfjs-backend-wasm (XNNPACK), -backend-cpu (plain JS) and onnxruntime-web
// (MLAS, a one-node Gemm model built here). Each call uploads the inputs, multiplies and reads
// the result back, as the edgegrad rows do.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** C = op(A) op(B) with A, B as stored ([M, K] or [K, M]; [K, N] or [N, K]); resolves to C's data. */
export type PeerGemm = (a: Float32Array, b: Float32Array) => Float32Array | Promise<Float32Array>;

export interface Peer {
  name: string;
  /** A multiply for one shape and form (one session or setup per shape, made outside the timing). */
  prepare(M: number, K: number, N: number, transposeA: boolean, transposeB: boolean): Promise<PeerGemm>;
}

const require = createRequire(import.meta.url);
const distOf = (pkg: string) => dirname(require.resolve(pkg));

type Tf = typeof import('@tensorflow/tfjs-core');
let tfCore: Tf | undefined;
const tfStarted = new Set<string>();

/**
 * tfjs-core with `backend` active: 'wasm' (tfjs-backend-wasm, one thread, the SIMD build) or 'cpu'
 * (tfjs-backend-cpu, plain JS). Both register into the one tfjs-core, so suites switch between them.
 */
export async function tfjs(backend: 'wasm' | 'cpu'): Promise<Tf> {
  const tf = (tfCore ??= await import('@tensorflow/tfjs-core'));
  if (!tfStarted.has(backend)) {
    if (backend === 'wasm') {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(`${distOf('@tensorflow/tfjs-backend-wasm')}/`);
      wasm.setThreadsCount(1);
      // NOTE: one thread: keep tfjs from picking its threaded build.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    } else {
      await import('@tensorflow/tfjs-backend-cpu');
    }
    tfStarted.add(backend);
  }
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`tfjs: the ${backend} backend did not start`);
  await tf.ready();
  return tf;
}

function tfjsPeer(backend: 'wasm' | 'cpu'): Peer {
  return {
    name: `tfjs-${backend}`,
    async prepare(M, K, N, ta, tb) {
      return (a, b) => {
        // NOTE: tfjs keeps one active backend; the gemm suite calls contenders one after another.
        if (tfCore!.getBackend() !== backend) tfCore!.setBackend(backend);
        const ta_ = tfCore!.tensor2d(a, ta ? [K, M] : [M, K]), tb_ = tfCore!.tensor2d(b, tb ? [N, K] : [K, N]);
        const c = tfCore!.matMul(ta_, tb_, ta, tb);
        const out = c.dataSync() as Float32Array;
        tfCore!.dispose([ta_, tb_, c]);
        return out;
      };
    },
  };
}

export async function tfjsWasm(): Promise<Peer> {
  await tfjs('wasm');
  return tfjsPeer('wasm');
}

export async function tfjsCpu(): Promise<Peer> {
  await tfjs('cpu');
  return tfjsPeer('cpu');
}

// ---- a minimal protobuf writer for the one-node ONNX model -------------------------------------

const varint = (n: number): number[] => {
  const out: number[] = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return out;
};
const field = (no: number, value: number | string | number[]): number[] => {
  if (typeof value === 'number') return [...varint(no << 3), ...varint(value)];
  const bytes = typeof value === 'string' ? [...new TextEncoder().encode(value)] : value;
  return [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
};
const valueInfo = (name: string, dims: number[]) => field(1, name).concat(field(2,
  field(1, field(1, 1).concat(field(2, dims.flatMap((d) => field(1, field(1, d)))))))); // float tensor of shape dims

/** ModelProto: Y = Gemm(A, B) with transA/transB, opset 13; B an initializer (a weight) when `weights` is given. */
function gemmModel(M: number, K: number, N: number, ta: boolean, tb: boolean, weights?: Float32Array): Uint8Array {
  const attr = (name: string, v: number) => field(1, name).concat(field(3, v), field(20, 2));
  const node = [...field(1, 'A'), ...field(1, 'B'), ...field(2, 'Y'), ...field(4, 'Gemm'),
    ...field(5, attr('transA', +ta)), ...field(5, attr('transB', +tb))];
  const bDims = tb ? [N, K] : [K, N];
  // TensorProto: dims (1), data_type (2: FLOAT = 1), name (8), raw_data (9, little-endian)
  const init = weights ? field(5, [...bDims.flatMap((d) => field(1, d)), ...field(2, 1), ...field(8, 'B'),
    ...field(9, Array.from(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength)))]) : [];
  const graph = [...field(1, node), ...field(2, 'gemm'), ...init,
    ...field(11, valueInfo('A', ta ? [K, M] : [M, K])), ...(weights ? [] : field(11, valueInfo('B', bDims))),
    ...field(12, valueInfo('Y', [M, N]))];
  return Uint8Array.from([...field(1, 8), ...field(7, graph), ...field(8, field(1, '').concat(field(2, 13)))]);
}

/**
 * ModelProto: Y = Conv(X, W), NCHW: X [N, C, H, W], W [O, C / groups, k, k] an initializer (a weight:
 * ort prepares it once), stride 1, 'same' pads for odd k, `groups` groups; opset 13.
 */
export function convModel(x: readonly number[], O: number, k: number, groups: number, weights: Float32Array): Uint8Array {
  const [N, C, H, W] = x, pad = (k - 1) >> 1;
  const ints = (name: string, vs: number[]) => field(1, name).concat(...vs.map((v) => field(8, v)), field(20, 7));
  const int = (name: string, v: number) => field(1, name).concat(field(3, v), field(20, 2));
  const node = [...field(1, 'X'), ...field(1, 'W'), ...field(2, 'Y'), ...field(4, 'Conv'),
    ...field(5, ints('kernel_shape', [k, k])), ...field(5, ints('pads', [pad, pad, k - 1 - pad, k - 1 - pad])),
    ...field(5, ints('strides', [1, 1])), ...field(5, ints('dilations', [1, 1])), ...field(5, int('group', groups))];
  const wDims = [O, C / groups, k, k];
  const init = field(5, [...wDims.flatMap((d) => field(1, d)), ...field(2, 1), ...field(8, 'W'),
    ...field(9, Array.from(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength)))]);
  const graph = [...field(1, node), ...field(2, 'conv'), ...init, ...field(11, valueInfo('X', [N, C, H, W])), ...field(12, valueInfo('Y', [N, O, H, W]))];
  return Uint8Array.from([...field(1, 8), ...field(7, graph), ...field(8, field(1, '').concat(field(2, 13)))]);
}

/**
 * onnxruntime-web's wasm execution provider, one thread, on a one-node Conv model (convModel): the
 * session made once with the filter as an initializer; the call uploads x (NCHW) and reads y back.
 */
export async function onnxruntimeConv(x: readonly number[], O: number, k: number, groups: number, weights: Float32Array): Promise<(x: Float32Array) => Promise<Float32Array>> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = `${join(distOf('onnxruntime-web'))}/`;
  ort.env.logLevel = 'error';
  const session = await ort.InferenceSession.create(convModel(x, O, k, groups, weights), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  return async (data) => {
    const r = await session.run({ X: new ort.Tensor('float32', data, [...x]) });
    const out = (await r.Y.getData()) as Float32Array;
    r.Y.dispose();
    return out;
  };
}

export async function onnxruntimeWasm(): Promise<Peer & { prepareResident(M: number, K: number, N: number, b: Float32Array): Promise<(a: Float32Array) => Promise<Float32Array>> }> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = `${join(distOf('onnxruntime-web'))}/`;
  ort.env.logLevel = 'error';
  return {
    name: 'ort-wasm',
    /** C = A B with B [K, N] in the session (an initializer): ort packs it once, as weights. */
    async prepareResident(M, K, N, b) {
      const session = await ort.InferenceSession.create(gemmModel(M, K, N, false, false, b), { executionProviders: ['wasm'] });
      return async (a) => {
        const r = await session.run({ A: new ort.Tensor('float32', a, [M, K]) });
        const out = (await r.Y.getData()) as Float32Array;
        r.Y.dispose();
        return out;
      };
    },
    async prepare(M, K, N, ta, tb) {
      const session = await ort.InferenceSession.create(gemmModel(M, K, N, ta, tb), { executionProviders: ['wasm'] });
      return async (a, b) => {
        const r = await session.run({
          A: new ort.Tensor('float32', a, ta ? [K, M] : [M, K]),
          B: new ort.Tensor('float32', b, tb ? [N, K] : [K, N]),
        });
        const y = r.Y;
        const out = (await y.getData()) as Float32Array;
        y.dispose();
        return out;
      };
    },
  };
}
