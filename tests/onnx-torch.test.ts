// Models exported from PyTorch 1.13 (scripts/onnx-fixtures.py; the .onnx files and torch's outputs
// are committed in tests/fixtures/onnx/, so this needs no torch): each loaded with eg.loadOnnx and
// run on the backends under test, its outputs within 1e-4 of torch's (absolute) at the shape it
// was exported with and at another batch (and sequence) size; the inputs/outputs metadata; fine-
// tuning the imported MLP with compile + fit lowers its loss; save + loadModel gives the same outputs.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { testBackends, use, values } from './util/backends.js';

type Tensor = ReturnType<typeof eg.tensor>;
type Model = Awaited<ReturnType<typeof eg.loadOnnx>>;

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'onnx');

interface Data { shape: number[]; dtype: 'float32' | 'int64' | 'int32'; data: number[] }
interface Meta { name: string; shape: (number | string)[]; dtype: string }
interface Fixture { model: string; opset: number; ops: string[]; inputs: Meta[]; outputs: Meta[]; cases: { inputs: Record<string, Data>; outputs: Record<string, Data> }[] }

const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
const modelPath = (name: string) => join(FIXTURES, `${name}.onnx`);

/** An input as edgegrad holds it: int64 token ids become int32 (edgegrad has no int64 dtype). */
/** predict's one output (the fixtures' models have one). */
function predict1(m: { predict(x: Tensor): Tensor | Tensor[] }, x: Tensor): Tensor {
  const y = m.predict(x);
  if (Array.isArray(y)) throw new Error(`predict: expected one output, got ${y.length}`);
  return y;
}

const toTensor = (d: Data): Tensor => (d.dtype === 'float32'
  ? eg.tensor(Float32Array.from(d.data), d.shape)
  : eg.tensor(Int32Array.from(d.data), d.shape, 'int32'));

/** The largest |a - b| (NaN where the lengths differ or a value is not finite). */
function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return NaN;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? NaN : d;
    if (Number.isNaN(m)) return NaN;
  }
  return m;
}

// ABS_TOL: the bound. On webgpu the same bound: every model's reductions here are short
// (at most 784 terms) and done in float32 as on wasm; a looser bound would hide real errors.
const ABS_TOL = 1e-4;

const MODELS: { name: string; what: string }[] = [
  { name: 'mlp', what: 'MLP 784-128-10' },
  { name: 'cnn', what: 'CNN with batch-norm (conv-bn-relu-pool x2, linear)' },
  { name: 'encoder', what: 'nn.TransformerEncoderLayer (d_model 64, 4 heads, batch_first)' },
  { name: 'gpt', what: 'causal self-attention block with token + position embeddings' },
  { name: 'resnet', what: 'ResNet-ish CNN on 32x32x3 (the bench model)' },
];

/** A dynamic dim in edgegrad's metadata: null, or the symbolic name the file gives it. */
const dynamicOk = (got: unknown, want: string) => got === null || got === want;

for (const cfg of testBackends()) {
  describe(`PyTorch models through loadOnnx (${cfg.label})`, () => {
    beforeAll(async () => { await use(cfg); });

    for (const { name, what } of MODELS) {
      describe(`${name}: ${what}`, () => {
        const fx = fixture(name);
        let m: Model;
        beforeAll(async () => { m = await eg.loadOnnx(modelPath(name)); });
        afterAll(() => { m?.dispose(); });

        it('lists its inputs and outputs (name, shape with dynamic axes, dtype)', () => {
          for (const [list, want] of [[m.inputs, fx.inputs], [m.outputs, fx.outputs]] as const) {
            expect(list.map((i) => i.name)).toEqual(want.map((w) => w.name));
            list.forEach((got, k) => {
              const w = want[k];
              expect(got.shape.length, `${w.name}: rank`).toBe(w.shape.length);
              w.shape.forEach((d, j) => {
                if (typeof d === 'string') expect(dynamicOk(got.shape[j], d), `${w.name}: dim ${j} is dynamic ('${d}'), got ${got.shape[j]}`).toBe(true);
                else expect(got.shape[j], `${w.name}: dim ${j}`).toBe(d);
              });
              expect(got.dtype, `${w.name}: dtype`).toBe(w.dtype === 'int64' ? 'int32' : w.dtype);
            });
          }
        });

        fx.cases.forEach((c, ci) => {
          const shapes = Object.values(c.inputs).map((d) => `[${d.shape}]`).join(', ');
          it(`run() matches torch within ${ABS_TOL} at ${shapes}${ci ? ' (not the exported shape: dynamic axes)' : ''}`, async () => {
            const feeds: Record<string, Tensor> = {};
            for (const [k, d] of Object.entries(c.inputs)) feeds[k] = toTensor(d);
            const outs = m.run(feeds);
            expect(Object.keys(outs).sort()).toEqual(Object.keys(c.outputs).sort());
            for (const [k, want] of Object.entries(c.outputs)) {
              expect(outs[k].shape, `${k}: shape`).toEqual(want.shape);
              const diff = maxAbsDiff(await values(outs[k]), want.data);
              expect(diff, `${k}: max |edgegrad - torch|`).toBeLessThanOrEqual(ABS_TOL);
            }
            // predict(x) is run() for a one-input, one-output model
            const p = predict1(m, Object.values(feeds)[0]);
            expect(maxAbsDiff(await values(p), await values(outs[fx.outputs[0].name]))).toBe(0);
            eg.dispose([...Object.values(feeds), ...Object.values(outs), p]);
          });
        });
      });
    }

    it('loads from bytes as from a path, and refuses an input of the wrong shape with a clear error', async () => {
      const bytes = new Uint8Array(readFileSync(modelPath('cnn')));
      const m = await eg.loadOnnx(bytes);
      const c = fixture('cnn').cases[0];
      const y = predict1(m, toTensor(c.inputs.x));
      expect(maxAbsDiff(await values(y), c.outputs.logits.data)).toBeLessThanOrEqual(ABS_TOL);
      // 3 channels where the model takes 1
      const bad = eg.zeros([2, 3, 28, 28]);
      expect(() => predict1(m, bad)).toThrow(/x|shape|channel/i);
      eg.dispose([y, bad]);
      m.dispose();
    });
  });
}

describe('an imported model is a graph model', () => {
  let dir: string;
  const cfg = testBackends().find((c) => c.backend === 'wasm') ?? testBackends()[0];
  beforeAll(async () => {
    await use(cfg);
    dir = await mkdtemp(join(tmpdir(), 'edgegrad-onnx-torch-'));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('fine-tuning the imported MLP with compile + fit lowers its loss on the MNIST digits', async () => {
    const m = await eg.loadOnnx(modelPath('mlp'));
    const { train } = await loadMnist({ train: 512, test: 10, seed: 1 });
    const x = eg.tensor(train.images, [train.count, 784]);
    const onehot = new Float32Array(train.count * 10);
    train.labels.forEach((l, i) => { onehot[i * 10 + l] = 1; });
    const y = eg.tensor(onehot, [train.count, 10]);
    // the MLP outputs logits: the loss is softmax cross-entropy on them
    m.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: (yt: Tensor, z: Tensor) => eg.losses.softmaxCrossEntropy(yt, z) });
    const before = (await m.evaluate(x, y)).loss;
    const w0 = await values(predict1(m, eg.slice(x, [0, 0], [4, 784])));
    const h = await m.fit(x, y, { epochs: 3, batchSize: 64, seed: 1, verbose: 0 });
    const after = (await m.evaluate(x, y)).loss;
    expect(Number.isFinite(before)).toBe(true);
    expect(h.history.loss.length).toBe(3);
    expect(after).toBeLessThan(before * 0.5);
    // the weights that changed are the imported ones: predict differs from the torch outputs now
    const w1 = await values(predict1(m, eg.slice(x, [0, 0], [4, 784])));
    expect(maxAbsDiff(w0, w1)).toBeGreaterThan(1e-3);
    eg.dispose([x, y]);
    m.dispose();
  });

  for (const name of ['cnn', 'gpt']) {
    it(`save + loadModel gives the same outputs (${name})`, async () => {
      const m = await eg.loadOnnx(modelPath(name));
      const c = fixture(name).cases[1];
      const x = toTensor(Object.values(c.inputs)[0]);
      const want = await values(predict1(m, x));
      const path = join(dir, name);
      await m.save(path);
      const back = await eg.loadModel(path);
      const got = await values(predict1(back, x));
      expect(maxAbsDiff(got, want)).toBe(0);
      expect(maxAbsDiff(got, Object.values(c.outputs)[0].data)).toBeLessThanOrEqual(ABS_TOL);
      x.dispose();
      m.dispose(); back.dispose();
    });
  }
});
