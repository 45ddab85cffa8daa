// ONNX import beyond the node tests: the protobuf reader, loadOnnx's sources and errors (unsupported
// op, malformed and truncated files, external data), the model it makes (inputs/outputs, predict,
// run, dynamic shapes folded once per input shape, fit, save and loadModel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { Reader, OnnxFormatError } from '../src/onnx/protobuf.js';
import { decodeModel, decodeTensorProto } from '../src/onnx/model.js';
import { model, tensor as tensorBytes, varint, type ModelDesc } from './util/onnx-writer.js';
import { Rng } from './util/ref.js';
import { poolWorkerUrl } from './util/pool-worker.js';
import { undisposed } from './util/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'onnx-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => { await eg.init('wasm'); });

// ---- an MLP: x [batch, 4] -> Gemm(8) -> Relu -> Gemm(3) ------------------------------------------
const rng = new Rng(7);
const W1 = Array.from({ length: 32 }, () => rng.normal() * 0.5), B1 = Array.from({ length: 8 }, () => rng.normal() * 0.1);
const W2 = Array.from({ length: 24 }, () => rng.normal() * 0.5), B2 = Array.from({ length: 3 }, () => rng.normal() * 0.1);
const mlpDesc = (extra: Partial<ModelDesc> = {}): ModelDesc => ({
  opset: 17,
  name: 'mlp',
  inputs: [{ name: 'input.1', shape: ['batch', 4] }],
  outputs: [{ name: 'logits', shape: ['batch', 3] }],
  initializers: [
    { name: 'fc1.weight', dims: [8, 4], type: 1, floats: W1 },
    { name: 'fc1.bias', dims: [8], type: 1, raw: new Uint8Array(new Float32Array(B1).buffer) },
    { name: 'fc2.weight', dims: [3, 8], type: 1, floats: W2 },
    { name: 'fc2.bias', dims: [3], type: 1, floats: B2 },
  ],
  nodes: [
    { op: 'Gemm', name: '/fc1/Gemm', inputs: ['input.1', 'fc1.weight', 'fc1.bias'], outputs: ['h'], attrs: { transB: 1, alpha: { float: 1 } } },
    { op: 'Relu', name: '/relu/Relu', inputs: ['h'], outputs: ['r'] },
    { op: 'Gemm', name: '/fc2/Gemm', inputs: ['r', 'fc2.weight', 'fc2.bias'], outputs: ['logits'], attrs: { transB: 1 } },
  ],
  ...extra,
});
const mlpBytes = model(mlpDesc());

/** The MLP in float64 on the host. */
function mlpRef(x: number[][]): number[][] {
  return x.map((row) => {
    const h = Array.from({ length: 8 }, (_, j) => Math.max(0, B1[j] + row.reduce((s, v, k) => s + v * W1[j * 4 + k], 0)));
    return Array.from({ length: 3 }, (_, j) => B2[j] + h.reduce((s, v, k) => s + v * W2[j * 8 + k], 0));
  });
}
const close = (got: ArrayLike<number>, want: number[], tol = 1e-5) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i] - w), `value ${i}: ${got[i]} vs ${w}`).toBeLessThan(tol + tol * Math.abs(w)));
};

describe('protobuf reader', () => {
  it('reads varints, including 64-bit and negative int64', () => {
    for (const v of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1, -1, -2, -(2 ** 40)]) {
      const r = Reader.of(new Uint8Array(varint(v)), 'test');
      expect(r.varint()).toBe(v);
      expect(r.done).toBe(true);
    }
  });

  it('refuses truncated varints, lengths past the end and bad wire types, naming the offset', () => {
    expect(() => Reader.of(new Uint8Array([0x80, 0x80]), 'm').varint()).toThrow(/m: truncated varint at byte 2/);
    expect(() => Reader.of(new Uint8Array(11).fill(0x80), 'm').varint()).toThrow(/longer than 10 bytes/);
    expect(() => Reader.of(new Uint8Array([0x0a, 0x05, 1, 2]), 'm').sub('x')).toThrow(OnnxFormatError);
    const r = Reader.of(new Uint8Array([0x0a, 0x05, 1, 2]), 'm');
    r.key();
    expect(() => r.bytes()).toThrow(/length 5 runs past the end of the message \(2 bytes left\)/);
    expect(() => Reader.of(new Uint8Array([0x0b]), 'm').key()).toThrow(/unsupported wire type 3/);
    expect(() => Reader.of(new Uint8Array([0x00]), 'm').key()).toThrow(/field number 0/);
    expect(() => Reader.of(new Uint8Array([1, 2]), 'm').float()).toThrow(/truncated: needs 4 bytes, 2 left/);
  });

  it('decodes tensors from typed fields and raw data, packed or not, and checks their size', () => {
    const t = decodeTensorProto(new Uint8Array(tensorBytes({ name: 'a', dims: [2, 2], type: 7, ints: [1, -2, 2 ** 40, 0] })));
    expect([...t.value!.data]).toEqual([1, -2, 2 ** 40, 0]);
    const raw = new Uint8Array(new BigInt64Array([-5n, 7n]).buffer);
    expect([...decodeTensorProto(new Uint8Array(tensorBytes({ dims: [2], type: 7, raw }))).value!.data]).toEqual([-5, 7]);
    expect(() => decodeTensorProto(new Uint8Array(tensorBytes({ name: 'w', dims: [3], type: 1, floats: [1, 2] })))).toThrow(/tensor 'w': dims \[3\] need 3 values, the file holds 2/);
    expect(() => decodeTensorProto(new Uint8Array(tensorBytes({ name: 'w', dims: [3], type: 1, raw: new Uint8Array(8) })))).toThrow(/raw data of 8 bytes does not fit dims \[3\] of float \(12 bytes\)/);
    // an unpacked repeated float (wire type 5), as old writers emit
    const unpacked = new Uint8Array([0x08, 0x02, 0x10, 0x01, 0x25, ...new Uint8Array(new Float32Array([1.5]).buffer), 0x25, ...new Uint8Array(new Float32Array([-2]).buffer)]);
    expect([...decodeTensorProto(unpacked).value!.data]).toEqual([1.5, -2]);
  });
});

describe('loadOnnx', () => {
  it('makes a graph model: ONNX names, shapes with dynamic axes, dtypes; predict and run match float64', async () => {
    const m = await eg.loadOnnx(mlpBytes);
    expect(m.inputs.map((t) => [t.name, t.shape, t.dtype])).toEqual([['input.1', [null, 4], 'float32']]);
    expect(m.outputs.map((t) => [t.name, t.shape, t.dtype])).toEqual([['logits', [null, 3], 'float32']]);
    expect(m.weights.map((w) => [w.name, w.shape])).toEqual([['mlp/fc1.weight', [8, 4]], ['mlp/fc1.bias', [8]], ['mlp/fc2.weight', [3, 8]], ['mlp/fc2.bias', [3]]]);
    const xs = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => rng.normal()));
    const x = eg.tensor(xs);
    const y = m.predict(x) as eg.Tensor;
    expect(y.shape).toEqual([5, 3]);
    close(y.dataSync(), mlpRef(xs).flat());
    const r = m.run({ 'input.1': x });
    expect(Object.keys(r)).toEqual(['logits']);
    close(r.logits.dataSync(), mlpRef(xs).flat());
    eg.dispose([x, y, r.logits]);
    m.dispose();
  });

  it('reads a path, and external data files next to it', async () => {
    const w = new Float32Array(W1);
    writeFileSync(join(dir, 'fc1.bin'), Buffer.concat([Buffer.alloc(16), Buffer.from(w.buffer)]));
    const d = mlpDesc();
    d.initializers![0] = { name: 'fc1.weight', dims: [8, 4], type: 1, external: { location: 'fc1.bin', offset: 16, length: 128 } };
    const bytes = model(d);
    writeFileSync(join(dir, 'ext.onnx'), bytes);
    const m = await eg.loadOnnx(join(dir, 'ext.onnx'));
    const x = eg.tensor([[1, -2, 0.5, 3]]);
    close((m.predict(x) as eg.Tensor).dataSync(), mlpRef([[1, -2, 0.5, 3]]).flat());
    m.dispose();
    await expect(eg.loadOnnx(bytes)).rejects.toThrow(/initializer 'fc1.weight' keeps its data in the external file 'fc1.bin'; give the model as a Node path/);
    d.initializers![0].external!.location = '../fc1.bin';
    writeFileSync(join(dir, 'bad.onnx'), model(d));
    await expect(eg.loadOnnx(join(dir, 'bad.onnx'))).rejects.toThrow(/must be a file next to the model/);
    d.initializers![0].external = { location: 'missing.bin', length: 128 };
    writeFileSync(join(dir, 'bad.onnx'), model(d));
    await expect(eg.loadOnnx(join(dir, 'bad.onnx'))).rejects.toThrow(/cannot open external data/);
    d.initializers![0].external = { location: 'fc1.bin', offset: 64, length: 128 };
    writeFileSync(join(dir, 'bad.onnx'), model(d));
    await expect(eg.loadOnnx(join(dir, 'bad.onnx'))).rejects.toThrow(/runs past the end of 'fc1.bin'/);
    await expect(eg.loadOnnx(join(dir, 'nothing.onnx'))).rejects.toThrow(/cannot read/);
  });

  it('reads a URL (data:, file:) and an ArrayBuffer', async () => {
    const x = eg.tensor([[1, -2, 0.5, 3]]);
    const want = mlpRef([[1, -2, 0.5, 3]]).flat();
    writeFileSync(join(dir, 'mlp.onnx'), mlpBytes);
    const sources = [
      new URL(`data:application/octet-stream;base64,${Buffer.from(mlpBytes).toString('base64')}`),
      pathToFileURL(join(dir, 'mlp.onnx')),
      mlpBytes.slice().buffer,
    ];
    for (const src of sources) {
      const m = await eg.loadOnnx(src);
      close((m.predict(x) as eg.Tensor).dataSync(), want);
      m.dispose();
    }
    await expect(eg.loadOnnx(42 as never)).rejects.toThrow(/expected a Uint8Array, a path or a URL, got number/);
  });

  it('refuses an unsupported op at load, naming op, node and opset', async () => {
    const d = mlpDesc({ opset: 18 });
    d.nodes[1] = { op: 'Hardmax', name: '/act/Hardmax', inputs: ['h'], outputs: ['r'] };
    await expect(eg.loadOnnx(model(d))).rejects.toThrow(/unsupported op 'Hardmax' at node '\/act\/Hardmax' \(opset 18\)/);
    d.nodes[1] = { op: 'FusedGemm', domain: 'com.microsoft', name: 'n', inputs: ['h'], outputs: ['r'] };
    await expect(eg.loadOnnx(model(d))).rejects.toThrow(/unsupported op 'com.microsoft.FusedGemm' at node 'n'/);
    await expect(eg.loadOnnx(model(mlpDesc({ opset: 99 })))).rejects.toThrow(/opset 99 is not supported \(edgegrad reads opsets 7 to 21\)/);
  });

  it('gives clear errors for malformed and truncated files, never reading out of bounds', async () => {
    await expect(eg.loadOnnx(new Uint8Array())).rejects.toThrow(/the file is empty/);
    await expect(eg.loadOnnx(new TextEncoder().encode('{"not": "onnx"}'))).rejects.toThrow(/^loadOnnx: /);
    // every truncation: a clear error (or, cut at a field boundary, a model that is still whole)
    let refused = 0;
    for (let n = 1; n < mlpBytes.length; n++) {
      try {
        (await eg.loadOnnx(mlpBytes.subarray(0, n))).dispose();
      } catch (e) {
        expect(e, `cut at ${n}`).not.toBeInstanceOf(RangeError);
        expect(e, `cut at ${n}`).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(/^loadOnnx: /);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(mlpBytes.length * 0.9);
    // random byte changes: an error that names the problem, or a model that runs (or refuses input)
    const r = new Rng(11);
    for (let k = 0; k < 400; k++) {
      const b = mlpBytes.slice();
      for (let j = 0; j < 1 + (k % 3); j++) b[r.int(0, b.length)] = r.int(0, 256);
      try {
        const m = await eg.loadOnnx(b);
        try { eg.dispose(Object.values(m.run({ [m.inputs[0]?.name ?? 'input.1']: eg.ones([2, 4]) }))); } catch (e) { expect(e).not.toBeInstanceOf(RangeError); }
        m.dispose();
      } catch (e) {
        expect(e, `mutation ${k}`).toBeInstanceOf(Error);
        expect(e, `mutation ${k}: ${(e as Error).message}`).not.toBeInstanceOf(RangeError);
        expect(e, `mutation ${k}: ${(e as Error).message}`).not.toBeInstanceOf(TypeError);
      }
    }
  });

  it('leaks no tensors: run, predict and the fast path\'s prepared filters; dispose frees the weights', async () => {
    const before = undisposed();
    const m = await eg.loadOnnx(mlpBytes);
    const x = eg.randn([3, 4], { seed: 1 });
    eg.dispose(Object.values(m.run({ 'input.1': x })));
    (m.predict(x) as eg.Tensor).dispose();
    const warm = undisposed();
    for (let i = 0; i < 5; i++) { eg.dispose(Object.values(m.run({ 'input.1': x }))); (m.predict(x) as eg.Tensor).dispose(); }
    expect(undisposed()).toBe(warm);
    m.dispose();
    x.dispose();
    expect(undisposed()).toBe(before);
  });

  it('checks run and predict inputs against the ONNX declaration', async () => {
    const m = await eg.loadOnnx(mlpBytes);
    expect(() => m.run({ x: eg.ones([1, 4]) })).toThrow(/run: model 'mlp' has no input 'x' \(its inputs: input.1\)/);
    expect(() => m.run({})).toThrow(/input 'input.1' must be a Tensor/);
    expect(() => m.run({ 'input.1': eg.ones([1, 4], 'int32') })).toThrow(/has dtype int32 but the model reads float/);
    expect(() => m.predict(eg.ones([2, 5]))).toThrow(/input 'input.1' has shape \[2,5\] but the ONNX model declares \[batch,4\]/);
    m.dispose();
  });
});

describe('dynamic shapes', () => {
  // x [batch, seq, 4] -> Reshape to [batch*seq, 4] by PyTorch's Shape/Gather/Mul/Unsqueeze/Concat -> MatMul W [4, 2]
  const W = [1, 2, -1, 0.5, 0.25, -3, 2, 1];
  const desc: ModelDesc = {
    opset: 13,
    inputs: [{ name: 'x', shape: ['batch', 'seq', 4] }],
    outputs: [{ name: 'y', shape: ['n', 2] }],
    initializers: [{ name: 'W', dims: [4, 2], type: 1, floats: W }, { name: 'zero', dims: [], type: 7, ints: [0] }, { name: 'one', dims: [], type: 7, ints: [1] }, { name: 'axes0', dims: [1], type: 7, ints: [0] }, { name: 'four', dims: [1], type: 7, ints: [4] }],
    nodes: [
      { op: 'Shape', inputs: ['x'], outputs: ['s'] },
      { op: 'Gather', inputs: ['s', 'zero'], outputs: ['b'], attrs: { axis: 0 } },
      { op: 'Gather', inputs: ['s', 'one'], outputs: ['t'], attrs: { axis: 0 } },
      { op: 'Mul', inputs: ['b', 't'], outputs: ['bt'] },
      { op: 'Unsqueeze', inputs: ['bt', 'axes0'], outputs: ['bt1'] },
      { op: 'Concat', inputs: ['bt1', 'four'], outputs: ['shape'], attrs: { axis: 0 } },
      { op: 'Reshape', name: 'reshape', inputs: ['x', 'shape'], outputs: ['flat'] },
      { op: 'MatMul', inputs: ['flat', 'W'], outputs: ['y'] },
    ],
  };

  it('resolves dynamic axes at run time and folds the shape arithmetic once per input shape', async () => {
    const m = await eg.loadOnnx(model(desc));
    expect(m.inputs[0].shape).toEqual([null, null, 4]);
    const plans = (m.graph as unknown as { plans: Map<string, { run: number[] }> }).plans;
    for (const [b, t] of [[2, 3], [1, 5], [2, 3]]) {
      const xs = Array.from({ length: b * t * 4 }, (_, i) => Math.sin(i));
      const x = eg.tensor(xs, [b, t, 4]);
      const y = m.run({ x }).y;
      expect(y.shape).toEqual([b * t, 2]);
      const want: number[] = [];
      for (let r = 0; r < b * t; r++) for (let j = 0; j < 2; j++) want.push(xs.slice(r * 4, r * 4 + 4).reduce((s, v, k) => s + v * W[k * 2 + j], 0));
      close(y.dataSync(), want);
      eg.dispose([x, y]);
    }
    // two input shapes, one plan each; each runs only Reshape and MatMul on the device
    expect(plans.size).toBe(2);
    for (const p of plans.values()) expect(p.run.map((i) => desc.nodes[i].op)).toEqual(['Reshape', 'MatMul']);
    // predict batches along axis 0 with any sequence length
    const p = m.predict(eg.ones([3, 7, 4])) as eg.Tensor;
    expect(p.shape).toEqual([21, 2]);
    m.dispose();
  });
});

describe('inference fast path (NHWC between convs, filters prepared once, Conv+BatchNormalization+Relu fused)', () => {
  // x [batch, 2, 6, 6] -> Conv(3, 3x3, pad 1) -> BN -> Relu -> MaxPool 2 -> Conv(4, 1x1) -> Add(itself) -> GlobalAveragePool -> Flatten
  const r = new Rng(21);
  const vals = (n: number, s = 0.5) => Array.from({ length: n }, () => r.normal() * s);
  const desc: ModelDesc = {
    opset: 13,
    inputs: [{ name: 'x', shape: ['batch', 2, 6, 6] }],
    outputs: [{ name: 'y', shape: ['batch', 4] }],
    initializers: [
      { name: 'w1', dims: [3, 2, 3, 3], type: 1, floats: vals(54) }, { name: 'b1', dims: [3], type: 1, floats: vals(3) },
      { name: 'g', dims: [3], type: 1, floats: [1.5, 0.5, -1] }, { name: 'beta', dims: [3], type: 1, floats: [0.1, -0.2, 0.3] },
      { name: 'mu', dims: [3], type: 1, floats: [0.2, -0.1, 0] }, { name: 'var', dims: [3], type: 1, floats: [0.5, 2, 1.2] },
      { name: 'w2', dims: [4, 3, 1, 1], type: 1, floats: vals(12) },
    ],
    nodes: [
      { op: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c1'], attrs: { pads: [1, 1, 1, 1], kernel_shape: [3, 3] } },
      { op: 'BatchNormalization', inputs: ['c1', 'g', 'beta', 'mu', 'var'], outputs: ['bn'], attrs: { epsilon: { float: 1e-3 } } },
      { op: 'Relu', inputs: ['bn'], outputs: ['r1'] },
      { op: 'MaxPool', inputs: ['r1'], outputs: ['p1'], attrs: { kernel_shape: [2, 2], strides: [2, 2] } },
      { op: 'Conv', inputs: ['p1', 'w2'], outputs: ['c2'] },
      { op: 'Add', inputs: ['c2', 'c2'], outputs: ['a'] },
      { op: 'GlobalAveragePool', inputs: ['a'], outputs: ['gp'] },
      { op: 'Flatten', inputs: ['gp'], outputs: ['y'] },
    ],
  };

  it('gives the plain path\'s outputs, and remakes prepared filters when fit changes the weights', async () => {
    const m = await eg.loadOnnx(model(desc));
    const x = eg.randn([3, 2, 6, 6], { seed: 4 });
    const plain = () => eg.tidy(() => m.graph.run([x], true)[0].dataSync());
    const fast = () => { const y = m.run({ x }).y; const d = y.dataSync(); y.dispose(); return d; };
    close(fast(), [...plain()]);
    const prepared = (m.graph as unknown as { prepared: Map<number, unknown> }).prepared;
    expect(prepared.size).toBe(2);
    m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'meanSquaredError' });
    await m.fit(x, eg.ones([3, 4]), { epochs: 1, batchSize: 3, verbose: 0 });
    close(fast(), [...plain()]);
    m.dispose();
  });

  it('fit lowers the loss through Conv, BatchNormalization (running statistics), MaxPool and GlobalAveragePool', async () => {
    const m = await eg.loadOnnx(model(desc));
    const x = eg.randn([16, 2, 6, 6], { seed: 12 });
    const y = eg.randn([16, 4], { seed: 13 });
    m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.02 }), loss: 'meanSquaredError' });
    const losses = (await m.fit(x, y, { epochs: 25, batchSize: 8, verbose: 0 })).history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.8);
    m.dispose();
  });
});

describe('inference fast path: attention-style pieces', () => {
  // x [batch, 3, 3] -> MatMul W + bias (fused) -> GELU as PyTorch writes it (Div √2, Erf, Add 1, Mul x, Mul 0.5)
  // -> Where(mask == 0, -inf, .) with a causal mask buffer sliced by the input's shape -> Softmax
  const r = new Rng(5);
  const desc: ModelDesc = {
    opset: 17,
    inputs: [{ name: 'x', shape: ['batch', 'seq', 3] }],
    outputs: [{ name: 'p', shape: ['batch', 'seq', 3] }],
    initializers: [
      { name: 'W', dims: [3, 3], type: 1, floats: Array.from({ length: 9 }, () => r.normal()) }, { name: 'b', dims: [3], type: 1, floats: [0.1, -0.2, 0.3] },
      { name: 'mask', dims: [4, 4], type: 1, floats: [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1] },
      { name: 'sqrt2', dims: [], type: 1, floats: [Math.SQRT2] }, { name: 'one', dims: [], type: 1, floats: [1] }, { name: 'half', dims: [], type: 1, floats: [0.5] },
      { name: 'zero', dims: [], type: 1, floats: [0] }, { name: 'ninf', dims: [], type: 1, floats: [-Infinity] },
      { name: 's0', dims: [1], type: 7, ints: [0] }, { name: 'i1', dims: [1], type: 7, ints: [1] }, { name: 'i2', dims: [1], type: 7, ints: [2] },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'W'], outputs: ['mm'] },
      { op: 'Add', inputs: ['mm', 'b'], outputs: ['h'] },
      { op: 'Div', inputs: ['h', 'sqrt2'], outputs: ['d'] },
      { op: 'Erf', inputs: ['d'], outputs: ['e'] },
      { op: 'Add', inputs: ['e', 'one'], outputs: ['e1'] },
      { op: 'Mul', inputs: ['h', 'e1'], outputs: ['g2'] },
      { op: 'Mul', inputs: ['g2', 'half'], outputs: ['g'] },
      { op: 'Shape', inputs: ['x'], outputs: ['sh'] },
      { op: 'Slice', inputs: ['sh', 'i1', 'i2'], outputs: ['T'] },
      { op: 'Slice', inputs: ['mask', 's0', 'T', 's0'], outputs: ['m1'] },
      { op: 'Slice', inputs: ['m1', 's0', 'T', 'i1'], outputs: ['m'] },
      { op: 'Equal', inputs: ['m', 'zero'], outputs: ['cond'] },
      { op: 'Where', inputs: ['cond', 'ninf', 'g'], outputs: ['masked'] },
      { op: 'Softmax', inputs: ['masked'], attrs: { axis: -1 }, outputs: ['p'] },
    ],
  };

  it('fuses GELU and the bias, keeps a mask buffer constant, and matches the plain path', async () => {
    const m = await eg.loadOnnx(model(desc));
    expect(m.weights.map((w) => w.name)).toEqual(['test_graph/W', 'test_graph/b']);
    const x = eg.randn([2, 3, 3], { seed: 8 });
    const plain = eg.tidy(() => m.graph.run([x], true)[0].dataSync());
    const y = m.run({ x }).p;
    close(y.dataSync(), [...plain]);
    expect([...y.dataSync().slice(0, 3)].map((v) => v.toFixed(6))).toEqual(['1.000000', '0.000000', '0.000000']);
    const fused = (m.graph as unknown as { fused: Map<number, { gelu?: boolean; add?: number }> }).fused;
    expect([...fused.values()].map((f) => (f.gelu ? 'gelu' : f.add !== undefined ? 'bias' : '?')).sort()).toEqual(['bias', 'gelu']);
    // saved and loaded back: the -Infinity fill survives model.json (JSON has no Infinity)
    await m.save(join(dir, 'attn'));
    const back = await eg.loadModel(join(dir, 'attn')) as eg.OnnxModel;
    expect(back.run({ x }).p.dataSync()).toEqual(y.dataSync());
    back.dispose();
    m.dispose();
  });
});

describe('fine-tuning and saving', () => {
  it('fit lowers the loss of an imported MLP (gradients flow through Gemm and Relu to its weights)', async () => {
    const m = await eg.loadOnnx(mlpBytes);
    const x = eg.randn([64, 4], { seed: 3 });
    const y = eg.tensor(Array.from({ length: 64 * 3 }, (_, i) => Math.cos(i)), [64, 3]);
    m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'meanSquaredError' });
    const before = m.getWeights().map((w) => w.dataSync().slice());
    const h = await m.fit(x, y, { epochs: 30, batchSize: 16, verbose: 0 });
    const losses = h.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.8);
    m.getWeights().forEach((w, i) => expect(w.dataSync()).not.toEqual(before[i]));
    m.dispose();
  });

  it('saves and loads back (loadModel): the same outputs, ONNX names and dynamic axes kept', async () => {
    const m = await eg.loadOnnx(mlpBytes);
    const x = eg.randn([6, 4], { seed: 5 });
    const want = (m.predict(x) as eg.Tensor).dataSync();
    await m.save(join(dir, 'saved'));
    const back = await eg.loadModel(join(dir, 'saved'));
    expect(back.inputs.map((t) => [t.name, t.shape])).toEqual([['input.1', [null, 4]]]);
    expect(back.outputs.map((t) => t.name)).toEqual(['logits']);
    expect((back.predict(x) as eg.Tensor).dataSync()).toEqual(want);
    expect(Object.keys((back as eg.OnnxModel).run({ 'input.1': x }))).toEqual(['logits']);
    m.dispose();
    back.dispose();
    // a dynamic-shape model too
  });

  it('runs on the worker pool (pool.predict: each worker loads the saved model)', async () => {
    const pool = await eg.createPool({ workers: 2, workerUrl: await poolWorkerUrl() });
    try {
      const m = await eg.loadOnnx(mlpBytes);
      const x = eg.randn([40, 4], { seed: 9 });
      const want = (m.predict(x) as eg.Tensor).dataSync();
      close((await pool.predict(m, x)).dataSync(), [...want]);
      m.dispose();
    } finally {
      await pool.close();
    }
  }, 60000);
});
