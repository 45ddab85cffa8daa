// eg.loadTfjsModel against tfjs-layers itself: models built and saved by @tensorflow/tfjs-layers
// (tfjs-core's cpu backend), written as model.json + .bin the way tfjs's file handlers lay them
// out, loaded by edgegrad, and compared with tfjs's own predictions (1e-5). On every backend
// under test (EDGEGRAD_TEST_BACKENDS).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
// NOTE: tfjs-layers calls tensor methods (x.flatten()) that tfjs-core adds only through this import.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as eg from '../src/index.js';
import { testBackends, use } from './util/backends.js';
import { kernelsOf } from './util/kernels.js';

const dir = mkdtempSync(join(tmpdir(), 'tfjsapi-tfjs-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Gives every weight random values (so zero biases, unit BN statistics cannot hide a mistake). */
function randomize(m: tfl.LayersModel, seed: number): void {
  // magnitudes in [0.5, 1.5), signs random except for the variances (positive)
  const names = m.weights.map((w) => w.name);
  m.setWeights(m.getWeights().map((w, i) => tf.mul(tf.randomUniform(w.shape, 0.5, 1.5, 'float32', seed + i),
    /moving_variance/.test(names[i]) ? 1 : tf.sign(tf.randomUniform(w.shape, -1, 1, 'float32', seed + 100 + i)))));
}

/** Saves m as tfjs does (model.json + one .bin) into `name`/ and returns the directory. */
async function save(m: tfl.LayersModel, name: string): Promise<{ path: string; json: Record<string, unknown>; bin: Uint8Array }> {
  let json: Record<string, unknown> = {}, bin = new Uint8Array();
  await m.save(tf.io.withSaveHandler(async (a) => {
    const data = Array.isArray(a.weightData) ? tf.io.concatenateArrayBuffers(a.weightData) : a.weightData!;
    bin = new Uint8Array(data);
    json = {
      format: 'layers-model', generatedBy: 'TensorFlow.js tfjs-layers', convertedBy: null,
      modelTopology: a.modelTopology, weightsManifest: [{ paths: ['./group1-shard1of1.bin'], weights: a.weightSpecs }],
    };
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const path = join(dir, name);
  (await import('node:fs')).mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'model.json'), JSON.stringify(json));
  writeFileSync(join(path, 'group1-shard1of1.bin'), bin);
  return { path, json, bin };
}

async function compare(m: tfl.LayersModel, name: string, x: number[], shape: number[], ids = false) {
  const want = Array.from(await (m.predict(tf.tensor(x, shape)) as tf.Tensor).data());
  const { path } = await save(m, name);
  const em = await eg.loadTfjsModel(path);
  const ex = ids ? eg.tensor(x, shape, 'int32') : eg.tensor(x, shape);
  const p = em.predict(ex) as eg.Tensor;
  const got = Array.from(await p.data());
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  expect(worst).toBeLessThan(1e-5);
  eg.dispose([p, ex]);
  em.dispose();
}

const rand = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed * 7.3 + i * 1.71) * 2);

beforeAll(async () => { await tf.setBackend('cpu'); });

for (const cfg of testBackends()) {
  describe(`loadTfjsModel on ${cfg.label}`, () => {
    beforeAll(async () => { await use(cfg); });

    it('dense + dropout + dense(softmax), Sequential', async () => {
      const m = tfl.sequential({
        layers: [
          tfl.layers.dense({ units: 7, activation: 'relu', inputShape: [5] }),
          tfl.layers.dropout({ rate: 0.3 }),
          tfl.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      });
      randomize(m, 1);
      await compare(m, 'mlp', rand(4 * 5, 1), [4, 5]);
    });

    it('embedding + layerNormalization + flatten + dense (ids as int32)', async () => {
      const m = tfl.sequential({
        layers: [
          tfl.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 6 }),
          tfl.layers.layerNormalization({ epsilon: 1e-3 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 2, activation: 'tanh' }),
        ],
      });
      randomize(m, 2);
      const ids = Array.from({ length: 3 * 6 }, (_, i) => (i * 7) % 10);
      await compare(m, 'embed', ids, [3, 6], true);
    });

    it('conv2d + batchNormalization + depthwiseConv2d + pooling + reshape + dense', async () => {
      const m = tfl.sequential({
        layers: [
          tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [8, 8, 2] }),
          tfl.layers.batchNormalization({ epsilon: 1e-3 }),
          tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'valid', strides: 1 }),
          tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
          tfl.layers.conv2d({ filters: 3, kernelSize: [2, 1], strides: [1, 1], padding: 'valid', activation: 'sigmoid', useBias: false }),
          tfl.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
          tfl.layers.reshape({ targetShape: [6] }),
          tfl.layers.dense({ units: 4 }),
        ],
      });
      randomize(m, 3);
      await compare(m, 'cnn', rand(2 * 8 * 8 * 2, 3), [2, 8, 8, 2]);
    });

    it('the reference CNN: its conv2d -> maxPooling2d pairs run fused (conv2dMaxPool), as tfjs and as unfused', async () => {
      const m = tfl.sequential({
        layers: [
          tfl.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      });
      randomize(m, 5);
      const xs = rand(3 * 28 * 28, 5).map((v) => v / 4);
      await compare(m, 'reference-cnn', xs, [3, 28, 28, 1]);
      const em = await eg.loadTfjsModel(join(dir, 'reference-cnn'));
      const x = eg.tensor(xs, [3, 28, 28, 1]);
      let a!: eg.Tensor;
      const ran = await kernelsOf(() => { a = em.predict(x) as eg.Tensor; });
      expect(ran.has('conv2dMaxPool')).toBe(true);
      em.fuseInference = false;
      const b = em.predict(x) as eg.Tensor;
      expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
      eg.dispose([x, a, b]);
      em.dispose();
    });

    it('global pooling, a functional model with add, average and concatenate', async () => {
      const inp = tfl.input({ shape: [6, 6, 3] });
      const c = tfl.layers.conv2d({ filters: 4, kernelSize: 2, activation: 'relu' }).apply(inp) as tfl.SymbolicTensor;
      const g1 = tfl.layers.globalAveragePooling2d({}).apply(c) as tfl.SymbolicTensor;
      const g2 = tfl.layers.globalMaxPooling2d({}).apply(c) as tfl.SymbolicTensor;
      const s = tfl.layers.add().apply([g1, g2]) as tfl.SymbolicTensor;
      const av = tfl.layers.average().apply([g2, s, g1]) as tfl.SymbolicTensor;
      const cat = tfl.layers.concatenate().apply([s, av]) as tfl.SymbolicTensor;
      const out = tfl.layers.dense({ units: 2, activation: 'sigmoid' }).apply(cat) as tfl.SymbolicTensor;
      const m = tfl.model({ inputs: inp, outputs: out });
      randomize(m, 4);
      await compare(m, 'functional', rand(3 * 6 * 6 * 3, 4), [3, 6, 6, 3]);
    });

    it('reads { modelJson, weightData } in memory; refuses unsupported layers and bad weights by name', async () => {
      const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3] })] });
      const { json, bin } = await save(m, 'small');
      const em = await eg.loadTfjsModel({ modelJson: json, weightData: bin });
      expect(em.layers.length).toBe(1);
      em.dispose();
      await expect(eg.loadTfjsModel({ modelJson: json, weightData: bin.subarray(0, 8) })).rejects.toThrow(/too few for/);
      const gru = tfl.sequential({ layers: [tfl.layers.simpleRNN({ units: 2, inputShape: [4, 3] })] });
      const r = await save(gru, 'rnn');
      await expect(eg.loadTfjsModel(r.path)).rejects.toThrow(/layer type 'SimpleRNN' is not supported/);
      const elu = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], activation: 'elu' })] });
      await expect(eg.loadTfjsModel((await save(elu, 'elu')).path)).rejects.toThrow(/activation 'elu' is not supported/);
      await expect(eg.loadTfjsModel(join(dir, 'nothing-here'))).rejects.toThrow(/no such file or directory/);
    });

    it('loads over http (model.json URL, shards relative to it) and from a file:// URL', async () => {
      const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [2], activation: 'sigmoid' })] });
      randomize(m, 9);
      const want = Array.from(await (m.predict(tf.tensor([[0.5, -1]])) as tf.Tensor).data());
      const { path } = await save(m, 'served');
      const { createServer } = await import('node:http');
      const { readFileSync } = await import('node:fs');
      const served: string[] = [];
      const server = createServer((req, res) => {
        served.push(req.url!);
        try { res.end(readFileSync(join(path, req.url!.replace('/models/x/', '')))); } catch { res.statusCode = 404; res.end(); }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      try {
        for (const src of [`http://127.0.0.1:${port}/models/x/model.json`, (await import('node:url')).pathToFileURL(path).href]) {
          const em = await eg.loadTfjsModel(src);
          const x = eg.tensor([[0.5, -1]]);
          const p = em.predict(x) as eg.Tensor;
          Array.from(await p.data()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
          eg.dispose([x, p]);
          em.dispose();
        }
        expect(served).toEqual(['/models/x/model.json', '/models/x/group1-shard1of1.bin']);
        await expect(eg.loadTfjsModel(`http://127.0.0.1:${port}/missing/model.json`)).rejects.toThrow(/HTTP 404/);
      } finally { server.close(); }
    });
  });
}
