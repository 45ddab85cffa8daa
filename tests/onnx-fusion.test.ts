// The inference fast path of imported ONNX graphs (src/onnx/graph.ts): what predict replays from a
// compiled plan, and the import-time fusions. Each fusion is checked against the plain path (the
// graph as written, node by node: graph.run(xs, true)) on random inputs, and a pattern that almost
// matches is checked NOT to fuse.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { model, type ModelDesc, type NodeDesc, type TensorDesc } from './util/onnx-writer.js';
import { Rng } from './util/ref.js';

beforeAll(async () => { await eg.init('wasm'); });

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
/** The graph as written (training mode runs every node, no fusion). */
const plain = (m: eg.OnnxModel, xs: eg.Tensor[]) => eg.tidy(() => Float32Array.from(m.graph.run(xs, true)[0].dataSync()));
/** predict's output (the fast path, replayed from a compiled plan after its first call). */
const fast = (m: eg.OnnxModel, x: eg.Tensor) => eg.tidy(() => Float32Array.from((m.predict(x) as eg.Tensor).dataSync()));
const fusedOf = (m: eg.OnnxModel) => (m.graph as unknown as { fused: Map<number, { chain: number[]; gelu?: boolean; add?: number; relu?: boolean; act?: string }> }).fused;

function floats(r: Rng, n: number, s = 1): number[] { return Array.from({ length: n }, () => r.normal() * s); }

describe('token embeddings: Gather by a fed index tensor', () => {
  const r = new Rng(11);
  const E = floats(r, 10 * 3);
  const desc: ModelDesc = {
    opset: 17,
    inputs: [{ name: 'tokens', type: 7, shape: ['batch', 'seq'] }],
    outputs: [{ name: 'y', shape: ['batch', 'seq', 3] }],
    initializers: [{ name: 'E', dims: [10, 3], type: 1, floats: E }],
    nodes: [{ op: 'Gather', inputs: ['E', 'tokens'], outputs: ['y'] }],
  };

  it('replays predict from a compiled plan, counts negative ids from the end, and still refuses ids out of range', async () => {
    const m = await eg.loadOnnx(model(desc));
    const ids = [0, 9, -1, 4, -10, 3];
    const x = eg.tensor(ids, [2, 3], 'int32');
    const want = ids.flatMap((i) => E.slice(((i + 10) % 10) * 3, ((i + 10) % 10) * 3 + 3));
    for (let k = 0; k < 3; k++) expect(maxDiff(fast(m, x), want)).toBeLessThan(1e-7);
    const [step] = m.compiledSteps();
    expect(step.replaying, step.reason).toBe(true);
    expect(step.replays).toBeGreaterThanOrEqual(2);
    // the range check reruns on every replayed batch
    const bad = eg.tensor([0, 1, 2, 3, 10, 5], [2, 3], 'int32');
    expect(() => m.predict(bad)).toThrow(/Gather.*index 10 is out of range for axis 0 of size 10/);
    const bad2 = eg.tensor([0, 1, 2, 3, -11, 5], [2, 3], 'int32');
    expect(() => m.predict(bad2)).toThrow(/index -11 is out of range/);
    expect(maxDiff(fast(m, x), want)).toBeLessThan(1e-7);
    eg.dispose([x, bad, bad2]);
    m.dispose();
  });
});

describe('compiled predict and run of a model with dynamic axes', () => {
  // tokens [batch, seq] -> embedding + position embedding (Range over the fed length) -> MatMul + bias -> Relu
  const r = new Rng(12);
  const desc: ModelDesc = {
    opset: 17,
    inputs: [{ name: 'tokens', type: 7, shape: ['batch', 'seq'] }],
    outputs: [{ name: 'y', shape: ['batch', 'seq', 4] }],
    initializers: [
      { name: 'E', dims: [10, 3], type: 1, floats: floats(r, 30) }, { name: 'P', dims: [8, 3], type: 1, floats: floats(r, 24) },
      { name: 'W', dims: [3, 4], type: 1, floats: floats(r, 12) }, { name: 'b', dims: [4], type: 1, floats: floats(r, 4) },
      { name: 'i0', dims: [], type: 7, ints: [0] }, { name: 'i1', dims: [], type: 7, ints: [1] },
    ],
    nodes: [
      { op: 'Shape', inputs: ['tokens'], outputs: ['sh'] },
      { op: 'Gather', inputs: ['sh', 'i1'], attrs: { axis: 0 }, outputs: ['T'] },
      { op: 'Range', inputs: ['i0', 'T', 'i1'], outputs: ['pos'] },
      { op: 'Gather', inputs: ['E', 'tokens'], outputs: ['e'] },
      { op: 'Gather', inputs: ['P', 'pos'], outputs: ['p'] },
      { op: 'Add', inputs: ['e', 'p'], outputs: ['h'] },
      { op: 'MatMul', inputs: ['h', 'W'], outputs: ['mm'] },
      { op: 'Add', inputs: ['b', 'mm'], outputs: ['a'] },
      { op: 'Relu', inputs: ['a'], outputs: ['y'] },
    ],
  };

  it('keeps one plan per input shape: predict and run at sequence lengths 5, 3, 5, 3 give the plain path\'s outputs', async () => {
    const m = await eg.loadOnnx(model(desc));
    const mk = (T: number, seed: number) => eg.tensor(Array.from({ length: 2 * T }, (_, i) => (i * seed) % 10), [2, T], 'int32');
    const xs = [mk(5, 3), mk(3, 7), mk(5, 9), mk(3, 1)];
    for (let round = 0; round < 2; round++) {
      for (const x of xs) {
        const want = plain(m, [x]);
        const got = fast(m, x);
        expect(got.length).toBe(2 * x.shape[1] * 4);
        expect(maxDiff(got, want)).toBeLessThan(1e-6);
        const y = m.run({ tokens: x }).y;
        expect(y.shape).toEqual([2, x.shape[1], 4]);
        expect(maxDiff(y.dataSync(), want)).toBeLessThan(1e-6);
        y.dispose();
      }
    }
    const steps = m.compiledSteps();
    expect(steps.map((s) => s.key).sort()).toEqual(['predict:2', 'predict:2 [2x3]']);
    for (const s of steps) {
      expect(s.replaying, s.reason).toBe(true);
      expect(s.replays).toBeGreaterThan(4);
    }
    eg.dispose(xs);
    m.dispose();
  });
});

/** The kernels predict runs (eagerly, so each op is seen). */
function kernelsOf(m: eg.OnnxModel, x: eg.Tensor): string[] {
  const names: string[] = [];
  const orig = engine.runKernel;
  engine.runKernel = function (this: typeof engine, name: string, ...rest: unknown[]) { names.push(name); return (orig as (...a: unknown[]) => unknown).call(this, name, ...rest); } as typeof engine.runKernel;
  try {
    eg.tidy(() => { m.predict(x, { compile: false }); });
  } finally {
    engine.runKernel = orig;
  }
  return names;
}

describe('LayerNormalization written out (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add)', () => {
  const r = new Rng(13);
  const C = 6;
  /** The pattern over `axis` on x [batch, 5, C]; `opts` bend it into near misses. */
  const lnDesc = (opts: { opset?: number; axis?: number; axis2?: number; power?: number; extraReader?: boolean; affine?: boolean } = {}): ModelDesc => {
    const { opset = 13, axis = -1, axis2 = axis, power = 2, extraReader = false, affine = true } = opts;
    const mean = (name: string, input: string, out: string, ax: number): NodeDesc[] => (opset >= 18
      ? [{ op: 'Constant', inputs: [], outputs: [`${name}_axes`], attrs: { value: { dims: [1], type: 7, ints: [ax] } } }, { op: 'ReduceMean', name, inputs: [input, `${name}_axes`], outputs: [out] }]
      : [{ op: 'ReduceMean', name, inputs: [input], outputs: [out], attrs: { axes: [ax], keepdims: 1 } }]);
    const inits: TensorDesc[] = [
      { name: 'two', dims: [], type: 1, floats: [power] }, { name: 'eps', dims: [], type: 1, floats: [1e-5] },
      { name: 'gamma', dims: [C], type: 1, floats: floats(r, C, 0.5).map((v) => v + 1) }, { name: 'beta', dims: [C], type: 1, floats: floats(r, C, 0.3) },
    ];
    const nodes: NodeDesc[] = [
      ...mean('m1', 'x', 'm', axis),
      { op: 'Sub', inputs: ['x', 'm'], outputs: ['d'] },
      { op: 'Pow', inputs: ['d', 'two'], outputs: ['p'] },
      ...mean('m2', 'p', 'v', axis2),
      { op: 'Add', inputs: ['v', 'eps'], outputs: ['ve'] },
      { op: 'Sqrt', inputs: ['ve'], outputs: ['s'] },
      { op: 'Div', inputs: ['d', 's'], outputs: ['n'] },
      ...(affine ? [{ op: 'Mul', inputs: ['n', 'gamma'], outputs: ['g'] }, { op: 'Add', inputs: ['beta', 'g'], outputs: ['y0'] }] : [{ op: 'Identity', inputs: ['n'], outputs: ['y0'] }]),
      // an extra reader of d (the centred x) when asked: it must then stay as written
      ...(extraReader ? [{ op: 'Mul', inputs: ['d', 'eps'], outputs: ['dd'] }, { op: 'Add', inputs: ['y0', 'dd'], outputs: ['y'] }] : [{ op: 'Identity', inputs: ['y0'], outputs: ['y'] }]),
    ];
    return { opset, inputs: [{ name: 'x', shape: ['batch', 5, C] }], outputs: [{ name: 'y', shape: ['batch', 5, C] }], initializers: inits, nodes };
  };

  for (const opset of [13, 18]) {
    for (const affine of [true, false]) {
      it(`opset ${opset}${affine ? '' : ', no gamma/beta'}: one layerNorm kernel, equal to the nodes as written within 1e-5`, async () => {
        const m = await eg.loadOnnx(model(lnDesc({ opset, affine })));
        expect([...fusedOf(m).values()].filter((f) => (f as { ln?: unknown }).ln).length).toBe(1);
        for (const seed of [1, 2]) {
          const x = eg.add(eg.mul(eg.randn([4, 5, C], { seed }), 3), 1.5);
          const want = plain(m, [x]);
          for (let k = 0; k < 2; k++) expect(maxDiff(fast(m, x), want)).toBeLessThan(1e-5);
          const ks = kernelsOf(m, x);
          expect(ks).toContain('layerNorm');
          expect(ks).not.toContain('sqrt');
          x.dispose();
        }
        m.dispose();
      });
    }
  }

  const misses: [string, Parameters<typeof lnDesc>[0]][] = [
    ['the centred x read by another node', { extraReader: true }],
    ['the variance over another axis', { axis: -1, axis2: 1 }],
    ['a fourth power instead of a square', { power: 4 }],
    ['a ReduceMean over a middle axis (rank 3)', { axis: 1 }],
  ];
  for (const [what, opts] of misses) {
    it(`is not fused with ${what}, and gives the nodes' outputs`, async () => {
      const m = await eg.loadOnnx(model(lnDesc(opts)));
      const x = eg.randn([3, 5, C], { seed: 4 });
      const want = plain(m, [x]);
      expect(maxDiff(fast(m, x), want)).toBeLessThan(1e-6);
      expect(kernelsOf(m, x)).not.toContain('layerNorm');
      x.dispose();
      m.dispose();
    });
  }
});

describe('Transpose that only moves axes of size 1', () => {
  const desc = (perm: number[], shape: number[]): ModelDesc => ({
    opset: 17,
    inputs: [{ name: 'x', shape: ['batch', ...shape.slice(1)] }],
    outputs: [{ name: 'y', shape: perm.map((p) => (p === 0 ? 'batch' : shape[p])) }],
    nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['r'] }, { op: 'Transpose', inputs: ['r'], outputs: ['y'], attrs: { perm } }],
  });
  const cases: [string, number[], number[], boolean][] = [
    ['NCHW to NHWC with one channel: a reshape, no kernel', [0, 2, 3, 1], [2, 1, 4, 5], false],
    ['a unit axis moved to the front: a reshape', [1, 0, 2], [3, 1, 4], false],
    ['NCHW to NHWC with three channels: a transpose kernel', [0, 2, 3, 1], [2, 3, 4, 5], true],
  ];
  for (const [what, perm, shape, kernel] of cases) {
    it(`${what}; transpose's values and shape`, async () => {
      const m = await eg.loadOnnx(model(desc(perm, shape)));
      const x = eg.randn(shape, { seed: 3 });
      const want = eg.tidy(() => { const t = eg.transpose(eg.relu(x), perm); return { shape: [...t.shape], data: Float32Array.from(t.dataSync()) }; });
      const y = m.run({ x }).y;
      expect(y.shape).toEqual(perm.map((p) => shape[p]));
      expect(y.shape).toEqual(want.shape);
      expect(maxDiff(y.dataSync(), want.data)).toBe(0);
      y.dispose();
      expect(kernelsOf(m, x).includes('transpose')).toBe(kernel);
      x.dispose();
      m.dispose();
    });
  }
});

describe('GEMM epilogues and GELU: fused where the pattern matches, as written where it almost does', () => {
  const r = new Rng(14);
  const W = floats(r, 4 * 5), b5 = floats(r, 5), b3 = floats(r, 3);
  /** x [batch, 3, 4] -> MatMul W [4, 5] -> Add bias -> `tail` nodes reading 'h' -> y. */
  const mm = (tail: NodeDesc[], bias: TensorDesc = { name: 'b', dims: [5], type: 1, floats: b5 }, out = 'y'): ModelDesc => ({
    opset: 17,
    inputs: [{ name: 'x', shape: ['batch', 3, 4] }],
    outputs: [{ name: out, shape: ['batch', 3, 5] }],
    initializers: [{ name: 'W', dims: [4, 5], type: 1, floats: W }, bias,
      { name: 'sqrt2', dims: [], type: 1, floats: [Math.SQRT2] }, { name: 'one', dims: [], type: 1, floats: [1] }, { name: 'half', dims: [], type: 1, floats: [0.5] },
      { name: 'almost_half', dims: [], type: 1, floats: [0.45] }, { name: 'b3', dims: [1, 3, 1], type: 1, floats: b3 }],
    nodes: [{ op: 'MatMul', inputs: ['x', 'W'], outputs: ['mm'] }, { op: 'Add', inputs: ['mm', bias.name!], outputs: ['h'] }, ...tail],
  });
  const gelu = (x: string, half = 'half', other = x): NodeDesc[] => [
    { op: 'Div', inputs: [x, 'sqrt2'], outputs: ['gd'] }, { op: 'Erf', inputs: ['gd'], outputs: ['ge'] },
    { op: 'Add', inputs: ['ge', 'one'], outputs: ['ge1'] }, { op: 'Mul', inputs: [other, 'ge1'], outputs: ['gm'] },
    { op: 'Mul', inputs: ['gm', half], outputs: ['y'] },
  ];
  const cases: [string, ModelDesc, { fusedMatmul: boolean; relu: boolean; gelu: boolean }][] = [
    ['MatMul + bias + Relu: one fusedMatmul with relu', mm([{ op: 'Relu', inputs: ['h'], outputs: ['y'] }]), { fusedMatmul: true, relu: false, gelu: false }],
    ['MatMul + bias read twice (Relu and an output): the Relu runs on its own', { ...mm([{ op: 'Relu', inputs: ['h'], outputs: ['y'] }]), outputs: [{ name: 'y', shape: ['batch', 3, 5] }, { name: 'h', shape: ['batch', 3, 5] }] }, { fusedMatmul: true, relu: true, gelu: false }],
    ['MatMul + a bias of another shape ([1, 3, 1]): no fusedMatmul', mm([{ op: 'Relu', inputs: ['h'], outputs: ['y'] }], { name: 'b3', dims: [1, 3, 1], type: 1, floats: b3 }), { fusedMatmul: false, relu: true, gelu: false }],
    ['GELU as PyTorch writes it: one gelu kernel', mm(gelu('h')), { fusedMatmul: true, relu: false, gelu: true }],
    ['GELU with 0.45 for 0.5: the nodes as written', mm(gelu('h', 'almost_half')), { fusedMatmul: true, relu: false, gelu: false }],
    ['GELU whose x · Mul reads another tensor: the nodes as written', mm([{ op: 'Relu', inputs: ['h'], outputs: ['hr'] }, ...gelu('h', 'half', 'hr')]), { fusedMatmul: true, relu: true, gelu: false }],
  ];
  for (const [what, desc, want] of cases) {
    it(`${what}; equal to the nodes as written within 1e-5`, async () => {
      const m = await eg.loadOnnx(model(desc));
      const x = eg.randn([2, 3, 4], { seed: 6 });
      const ref = plain(m, [x]);
      const outs = m.run({ x });
      expect(maxDiff(outs.y.dataSync(), ref)).toBeLessThan(1e-5);
      eg.dispose(Object.values(outs));
      const ks = kernelsOf(m, x);
      expect(ks.includes('fusedMatmul'), ks.join(' ')).toBe(want.fusedMatmul);
      expect(ks.includes('relu'), ks.join(' ')).toBe(want.relu);
      expect(ks.includes('gelu'), ks.join(' ')).toBe(want.gelu);
      x.dispose();
      m.dispose();
    });
  }
});

describe('constant folding of nodes that read initializers only', () => {
  const r = new Rng(15);
  const W = floats(r, 5 * 4), b = floats(r, 5);
  // y = x · (2 · Wᵀ) + (b + 0.5); also outputs w2 = Wᵀ · 2 itself (an output: never kept by the graph)
  const desc = (withOutput: boolean): ModelDesc => ({
    opset: 17,
    inputs: [{ name: 'x', shape: ['batch', 4] }],
    outputs: [{ name: 'y', shape: ['batch', 5] }, ...(withOutput ? [{ name: 'w2', shape: [4, 5] }] : [])],
    initializers: [{ name: 'W', dims: [5, 4], type: 1, floats: W }, { name: 'b', dims: [5], type: 1, floats: b },
      { name: 'two', dims: [], type: 1, floats: [2] }, { name: 'half', dims: [], type: 1, floats: [0.5] }, { name: 'shape', dims: [2], type: 7, ints: [4, 5] }],
    nodes: [
      { op: 'Transpose', inputs: ['W'], outputs: ['Wt'], attrs: { perm: [1, 0] } },
      { op: 'Reshape', inputs: ['Wt', 'shape'], outputs: ['Wr'] },
      { op: 'Mul', inputs: ['Wr', 'two'], outputs: ['w2'] },
      { op: 'Add', inputs: ['b', 'half'], outputs: ['bb'] },
      { op: 'MatMul', inputs: ['x', 'w2'], outputs: ['mm'] },
      { op: 'Add', inputs: ['mm', 'bb'], outputs: ['y'] },
    ],
  });
  /** x · (2 · Wᵀ) + (b + 0.5) in float64, W [5, 4] as the model holds it. */
  const ref = (x: ArrayLike<number>, w: ArrayLike<number>, bias: ArrayLike<number>) => Array.from({ length: (x.length / 4) * 5 }, (_, k) => {
    const i = Math.floor(k / 5), j = k % 5;
    let s = bias[j] + 0.5;
    for (let c = 0; c < 4; c++) s += x[i * 4 + c] * 2 * w[j * 4 + c];
    return s;
  });

  it('runs them once per weights version: no transpose or mul kernel per predict, and new weights are seen', async () => {
    const m = await eg.loadOnnx(model(desc(false)));
    const x = eg.randn([3, 4], { seed: 2 });
    const xs = x.dataSync();
    for (let k = 0; k < 3; k++) expect(maxDiff(fast(m, x), ref(xs, W, b))).toBeLessThan(1e-5);
    expect(maxDiff(fast(m, x), plain(m, [x]))).toBeLessThan(1e-6);
    const ks = kernelsOf(m, x);
    expect(ks).not.toContain('transpose');
    expect(ks).not.toContain('mul');
    expect(ks).toContain('matmul');
    // new weights (fit): the folded values are remade
    m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'meanSquaredError' });
    await m.fit(x, eg.ones([3, 5]), { epochs: 2, batchSize: 3, verbose: 0 });
    const [w1, b1] = m.weights.map((v) => Float32Array.from(v.dataSync()));
    expect(maxDiff(w1, W)).toBeGreaterThan(1e-3);
    for (let k = 0; k < 2; k++) expect(maxDiff(fast(m, x), ref(xs, w1, b1))).toBeLessThan(1e-5);
    x.dispose();
    m.dispose();
  });

  it('does not keep a value the caller gets as an output (it may dispose it)', async () => {
    const m = await eg.loadOnnx(model(desc(true)));
    const x = eg.randn([3, 4], { seed: 2 });
    for (let k = 0; k < 3; k++) {
      const outs = m.run({ x });
      expect(maxDiff(outs.y.dataSync(), ref(x.dataSync(), W, b))).toBeLessThan(1e-5);
      expect(maxDiff(outs.w2.dataSync(), Array.from({ length: 20 }, (_, q) => 2 * W[(q % 5) * 4 + Math.floor(q / 5)]))).toBeLessThan(1e-6);
      eg.dispose(Object.values(outs));
    }
    expect(kernelsOf(m, x)).toContain('mul');
    x.dispose();
    m.dispose();
  });
});
