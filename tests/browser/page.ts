// The page the browser test loads: runs a small conformance subset and one training step on the
// webgpu backend and on js in the same page, and leaves both results in window.__result.
import * as eg from '../../src/index.js';

type Tensor = ReturnType<typeof eg.tensor>;
type Out = Record<string, number[]>;

function seq(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s / 2 ** 32) * 2 - 1; });
}

const EDGE_ROWS = [-Infinity, -Infinity, -Infinity, -Infinity, 0, -Infinity, 1, -200, Infinity, 0, 1, 2, NaN, 0, 1, 2, 0, -90, -100, -3e38];

const CASES: Record<string, () => Tensor> = {
  'add broadcast': () => eg.add(eg.tensor(seq(15, 1), [3, 5]), eg.tensor(seq(5, 2), [5])),
  'mul scalar': () => eg.mul(eg.tensor(seq(8, 3), [8]), 2.5),
  exp: () => eg.exp(eg.tensor(seq(9, 4), [9])),
  gelu: () => eg.gelu(eg.tensor(seq(9, 5), [9])),
  tanh: () => eg.tanh(eg.tensor(seq(9, 6), [9])),
  'matmul 17x33 @ 33x9': () => eg.matmul(eg.tensor(seq(17 * 33, 7), [17, 33]), eg.tensor(seq(33 * 9, 8), [33, 9])),
  'matmul transposeB 64x64': () => eg.matmul(eg.tensor(seq(4096, 9), [64, 64]), eg.tensor(seq(4096, 10), [64, 64]), { transposeB: true }),
  softmax: () => eg.softmax(eg.tensor(seq(40, 11), [4, 10])),
  logSoftmax: () => eg.logSoftmax(eg.tensor(seq(300, 12), [3, 100])),
  'sum axis 1': () => eg.sum(eg.tensor(seq(60, 13), [3, 4, 5]), 1),
  'max all': () => eg.max(eg.tensor(seq(100, 14), [100])),
  argmax: () => eg.argmax(eg.tensor(seq(40, 15), [4, 10]), 1),
  transpose: () => eg.transpose(eg.tensor(seq(24, 16), [2, 3, 4]), [2, 0, 1]),
  slice: () => eg.slice(eg.tensor(seq(24, 17), [4, 6]), [1, 2], [2, 3]),
  concat: () => eg.concat([eg.tensor(seq(6, 18), [2, 3]), eg.tensor(seq(4, 19), [2, 2])], 1),
  gather: () => eg.gather(eg.tensor(seq(12, 20), [4, 3]), eg.tensor([3, 0, 2], [3], 'int32')),
  oneHot: () => eg.oneHot(eg.tensor([1, 0, 3], [3], 'int32'), 4),
  'int32 add': () => eg.add(eg.tensor([1, -2, 3], [3], 'int32'), eg.tensor([5, 6, 7], [3], 'int32')),
  'sparse softmax cross-entropy': () => eg.losses.sparseSoftmaxCrossEntropy(eg.tensor([1, 2], [2], 'int32'), eg.tensor(seq(8, 21), [2, 4])),
  // edge values (tests/edge-values.test.ts): rows all -Infinity, with -Infinity, +Infinity, NaN, underflow
  'softmax edge rows': () => eg.softmax(eg.tensor(EDGE_ROWS, [5, 4])),
  'logSoftmax edge rows': () => eg.logSoftmax(eg.tensor(EDGE_ROWS, [5, 4])),
  'softmax cross-entropy, -Infinity logit with label 0': () =>
    eg.losses.softmaxCrossEntropy(eg.tensor([0, 1, 0, 0], [1, 4]), eg.tensor([-Infinity, 0, 1, -200], [1, 4])),
  'int32 mul wraps': () => eg.mul(eg.tensor([123456789, 2147483647], [2], 'int32'), eg.tensor([987654321, 2147483647], [2], 'int32')),
};

/** One SGD step of a dense layer: relu(x W + b), softmax cross-entropy, gradients, update with ops. */
async function trainStep(out: Out): Promise<void> {
  const x = eg.tensor(seq(8 * 5, 30), [8, 5]);
  const labels = eg.oneHot(eg.tensor([0, 1, 2, 3, 0, 1, 2, 3], [8], 'int32'), 4);
  const w = eg.variable(eg.tensor(seq(20, 31), [5, 4]));
  const b = eg.variable(eg.tensor(seq(4, 32), [4]));
  const { value, grads } = eg.valueAndGrads(
    () => eg.losses.softmaxCrossEntropy(labels, eg.relu(eg.add(eg.matmul(x, w), b))), [w, b]);
  const w2 = eg.tidy(() => eg.sub(w, eg.mul(grads[0], 0.5)));
  const b2 = eg.tidy(() => eg.sub(b, eg.mul(grads[1], 0.5)));
  out['train: loss'] = Array.from(await value.data());
  out['train: dW'] = Array.from(await grads[0].data());
  out['train: db'] = Array.from(await grads[1].data());
  out['train: W after SGD'] = Array.from(await w2.data());
  out['train: b after SGD'] = Array.from(await b2.data());
  for (const t of [x, labels, w, b, value, ...grads, w2, b2]) t.dispose();
}

async function run(backend: 'js' | 'webgpu'): Promise<Out> {
  await eg.init({ backend });
  const out: Out = {};
  for (const [name, f] of Object.entries(CASES)) {
    const y = eg.tidy(f);
    out[name] = Array.from(await y.data());
    y.dispose();
  }
  await trainStep(out);
  return out;
}

(async () => {
  try {
    const gpu = await run('webgpu');
    const f = eg.features();
    const js = await run('js');
    (window as unknown as { __result: unknown }).__result = { ok: true, gpu, js, adapter: f.webgpuAdapter, fallback: f.webgpuFallback };
  } catch (e) {
    (window as unknown as { __result: unknown }).__result = { ok: false, error: String((e as Error)?.stack ?? e) };
  }
})();
