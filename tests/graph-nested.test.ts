// Models used as layers (nested in graph and sequential models, on symbolic and real tensors) and
// layers applied more than once (shared weights): training, summary, save/load (formatVersion 3),
// gradients of a shared weight (float64 finite differences, and an untied model), formatVersion 2
// files written before (tests/fixtures/v2), and the errors that name the problem. Runs on every
// backend of EDGEGRAD_TEST_BACKENDS (js, wasm; webgpu when asked for).
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_F64, testBackends, use, values, undisposed } from './util/backends.js';
import { poolWorkerUrl } from './util/pool-worker.js';

type Tensor = ReturnType<typeof eg.tensor>;

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'edgegrad-nested-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const read = async (t: Tensor) => Array.from(await values(t));
let saves = 0;
/** The model's files, through save. */
async function artifacts(m: { save(url: string): Promise<{ url: string }> }) {
  const { url } = await m.save(join(dir, `m${++saves}`));
  return { modelJson: await readFile(join(url, 'model.json'), 'utf8'), weights: new Uint8Array(await readFile(join(url, 'weights.safetensors'))) };
}
const near = (a: number[], b: number[], tol: number) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]))));
};

/** An encoder 4 -> 8 -> 8 (112 parameters) as a graph model. */
function encoder(name: string, seed: number) {
  const i = eg.input({ shape: [4], name: `${name}_in` });
  const h = eg.layers.dense({ units: 8, activation: 'relu', seed, name: `${name}_d1` }).apply(i);
  return eg.model({ inputs: i, outputs: eg.layers.dense({ units: 8, activation: 'tanh', seed: seed + 1, name: `${name}_d2` }).apply(h), name });
}

/** 3 classes from 4 features (learnable). */
async function labels(x: Tensor) {
  const v = await values(x);
  return eg.tensor(new Int32Array(x.shape[0]).map((_, i) => (v[4 * i] > 0 ? 1 : 0) + (v[4 * i + 1] > 0.5 ? 1 : 0)), [x.shape[0]], 'int32');
}

/** y = 2x; a training-mode call sets its state to the batch's column means (as batch-norm's statistics). */
class Tracker extends eg.Layer {
  readonly className = 'Tracker';
  mean: eg.Variable | null = null;
  constructor(args: eg.LayerArgs = {}) { super(args, 'tracker'); }
  computeOutputShape(s: number[]): number[] { return [...s]; }
  override build(s: number[]): void {
    this.mean = this.addWeight('mean', [s[s.length - 1]], (sh) => eg.zeros(sh), undefined, { trainable: false });
    super.build(s);
  }
  override get updatesState(): boolean { return true; }
  call(x: Tensor, opts: eg.CallOptions): Tensor {
    if (opts.training) this.addUpdate(opts, this.mean!, eg.tidy(() => eg.mean(x, 0)));
    return eg.mul(x, 2);
  }
}
eg.layers.registerLayer('Tracker', (c) => new Tracker(c));

for (const cfg of testBackends()) {
  describe(`nested models and shared layers on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));

    it('a model applied in a graph model is one layer: shared weights, one summary row, trained by the outer fit, saved and loaded', async () => {
      const enc = encoder('enc', 1);
      const x = eg.input({ shape: [4], name: 'x' });
      const head = eg.layers.dense({ units: 3, activation: 'softmax', seed: 3, name: 'head' });
      const m = eg.model({ inputs: x, outputs: head.apply(enc.apply(x)), name: 'outer' });
      expect(m.layers.map((l) => l.className)).toEqual(['InputLayer', 'Model', 'Dense']);
      expect(m.getLayer('enc')).toBe(enc);
      // one set of weights: the outer model's are the encoder's variables
      expect(m.weights.slice(0, 4)).toEqual(enc.weights);
      expect(m.weights.slice(0, 4).every((w, i) => w === enc.weights[i])).toBe(true);
      expect(m.countParams()).toBe(112 + 27);
      const text = m.summary(() => {});
      expect(text).toMatch(/enc \(Model\)\s+\(None, 8\)\s+112\s+x\n/);
      expect(text).toContain('Total params: 139');

      const xs = eg.randn([96, 4], { seed: 5 }), ys = await labels(xs);
      // on real tensors the model runs as a layer
      near(await read(m.predict(xs)), await read(eg.tidy(() => head.apply(enc.apply(xs)))), 1e-6);
      const live = undisposed();
      const direct = enc.apply(xs);
      expect(undisposed()).toBe(live + 1);
      near(await read(direct), await read(enc.predict(xs)), 0);
      direct.dispose();

      const before = await read(enc.weights[0]);
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.03 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(xs, ys, { epochs: 12, batchSize: 32, verbose: 0, seed: 1 });
      expect(h.history.loss[11]).toBeLessThan(h.history.loss[0] * 0.7);
      const after = await read(enc.weights[0]);
      expect(after.some((v, i) => Math.abs(v - before[i]) > 1e-3)).toBe(true);
      // the inner model object sees the trained weights
      near(await read(m.predict(xs)), await read(eg.tidy(() => head.apply(enc.predict(xs)))), 1e-6);

      const saved = await m.save(join(dir, `outer-${cfg.label}`));
      const j = JSON.parse(await readFile(join(saved.url, 'model.json'), 'utf8'));
      expect(j.formatVersion).toBe(3);
      const node = j.modelTopology.config.nodes.find((n: { name: string }) => n.name === 'enc');
      expect(node.className).toBe('Model');
      expect(node.inputs).toEqual([['x', 0]]);
      expect(node.config.nodes.map((n: { className: string }) => n.className)).toEqual(['InputLayer', 'Dense', 'Dense']);
      expect(j.weights.map((w: { name: string }) => w.name)).toEqual(['enc_d1/kernel', 'enc_d1/bias', 'enc_d2/kernel', 'enc_d2/bias', 'head/kernel', 'head/bias']);

      const back = await eg.loadModel(saved.url);
      expect(back.getLayer('enc')).toBeInstanceOf(eg.Model);
      expect(await read(back.predict(xs))).toEqual(await read(m.predict(xs)));
      expect(back.summary(() => {})).toMatch(/enc \(Model\)\s+\(None, 8\)\s+112\s+x\n/);
      // training continues identically (optimizer state saved)
      await m.fit(xs, ys, { epochs: 1, batchSize: 32, verbose: 0, shuffle: false });
      await back.fit(xs, ys, { epochs: 1, batchSize: 32, verbose: 0, shuffle: false });
      expect(await read(back.predict(xs))).toEqual(await read(m.predict(xs)));
      m.dispose(); back.dispose();
    }, 60_000);

    it('a graph model in a sequential, a sequential in a graph model, an unbuilt sequential nested: predict, save, load', async () => {
      const enc = encoder('seqenc', 11);
      const s = eg.sequential([enc, eg.layers.dense({ units: 2, seed: 13, name: 's_head' })], { name: 'with_graph' });
      expect(s.outputShape).toEqual([2]);
      expect(s.summary(() => {})).toMatch(/seqenc \(Model\)\s+\(None, 8\)\s+112\s*\n/);
      const xs = eg.randn([10, 4], { seed: 6 });
      near(await read(s.predict(xs)), await read(eg.tidy(() => s.getLayer('s_head').apply(enc.apply(xs)))), 1e-6);
      const back = await eg.loadModel(await artifacts(s));
      expect(back).toBeInstanceOf(eg.Sequential);
      expect(back.layers.map((l) => l.className)).toEqual(['Model', 'Dense']);
      expect(await read(back.predict(xs))).toEqual(await read(s.predict(xs)));

      // a sequential without inputShape nested in a sequential builds when the outer one does
      const inner = eg.sequential([eg.layers.dense({ units: 5, activation: 'relu', seed: 14, name: 'in_a' }), eg.layers.dense({ units: 3, seed: 15, name: 'in_b' })], { name: 'inner_seq' });
      expect(inner.built).toBe(false);
      const outer = eg.sequential([eg.layers.dense({ units: 6, inputShape: [4], seed: 16, name: 'pre' }), inner]);
      expect(inner.built).toBe(true);
      expect(outer.outputShape).toEqual([3]);
      // ... and a sequential applied in a graph model
      const x = eg.input({ shape: [4] });
      const g = eg.model({ inputs: x, outputs: eg.layers.add().apply([outer.apply(x), eg.layers.dense({ units: 3, seed: 17, name: 'skip' }).apply(x)]) });
      const want = await read(eg.tidy(() => eg.add(outer.apply(xs), g.getLayer('skip').apply(xs))));
      near(await read(g.predict(xs)), want, 1e-6);
      const gb = await eg.loadModel(await artifacts(g));
      expect(gb.layers.map((l) => l.className)).toEqual(['InputLayer', 'Sequential', 'Dense', 'Add']);
      expect((gb.layers[1] as eg.Sequential).layers.map((l) => l.className)).toEqual(['Dense', 'Sequential']);
      expect(await read(gb.predict(xs))).toEqual(await read(g.predict(xs)));
      // the dtype an unbuilt nested sequential reads is its first layer's (token ids here)
      const tokens = eg.sequential([eg.sequential([eg.layers.embedding({ inputDim: 6, outputDim: 2, seed: 18 }), eg.layers.flatten()]), eg.layers.dense({ units: 1, seed: 19 })]);
      const ids = eg.tensor(new Int32Array([0, 5, 3, 1, 2, 2]), [2, 3], 'int32');
      const tp = await read(tokens.predict(ids));
      expect(tokens.inputs[0].dtype).toBe('int32');
      near(tp, await read(eg.tidy(() => tokens.layers[1].apply(tokens.layers[0].apply(ids)))), 1e-6);
      s.dispose(); back.dispose(); g.dispose(); gb.dispose(); tokens.dispose();
    }, 60_000);

    it('a layer applied twice (a siamese tower): one weight set, trained, saved as formatVersion 3 and loaded identically', async () => {
      const a = eg.input({ shape: [3], name: 'a' }), b = eg.input({ shape: [3], name: 'b' });
      const tower = eg.layers.dense({ units: 4, activation: 'tanh', seed: 21, name: 'tower' });
      const joined = eg.layers.concatenate({ name: 'join' }).apply([tower.apply(a), tower.apply(b)]);
      const m = eg.model({ inputs: [a, b], outputs: eg.layers.dense({ units: 1, seed: 22, name: 'score' }).apply(joined), name: 'siamese' });
      expect(m.weights.map((w) => w.name)).toEqual(['tower/kernel', 'tower/bias', 'score/kernel', 'score/bias']);
      const text = m.summary(() => {});
      expect(text).toMatch(/tower \(Dense\)\s+\(None, 4\)\s+16\s+a\n/);
      expect(text).toMatch(/tower \(Dense\)\s+\(None, 4\)\s+0\s+b\n/);
      expect(text).toContain('Total params: 25');
      const xa = eg.randn([40, 3], { seed: 23 }), xb = eg.randn([40, 3], { seed: 24 });
      const va = await values(xa), vb = await values(xb);
      const y = eg.tensor(new Float32Array(40).map((_, i) => va[3 * i] - vb[3 * i] + 0.5 * va[3 * i + 1] * vb[3 * i + 2]), [40, 1]);
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.02 }), loss: 'mse' });
      const h = await m.fit([xa, xb], y, { epochs: 20, batchSize: 10, verbose: 0, seed: 2 });
      expect(h.history.loss[19]).toBeLessThan(h.history.loss[0] * 0.5);

      const art = await artifacts(m);
      const j = JSON.parse(art.modelJson);
      expect(j.formatVersion).toBe(3);
      expect(j.modelTopology.config.nodes.map((n: { name: string }) => n.name)).toEqual(['a', 'b', 'tower', 'tower@1', 'join', 'score']);
      expect(j.modelTopology.config.nodes[3]).toEqual({ name: 'tower@1', layer: 'tower', inputs: [['b', 0]] });
      expect(j.modelTopology.config.nodes[4].inputs).toEqual([['tower', 0], ['tower@1', 0]]);
      const back = await eg.loadModel(art);
      expect(back.getLayer('tower').inboundNodes).toHaveLength(2);
      expect(back.weights.map((w) => w.name)).toEqual(['tower/kernel', 'tower/bias', 'score/kernel', 'score/bias']);
      expect(await read(back.predict([xa, xb]))).toEqual(await read(m.predict([xa, xb])));
      await m.fit([xa, xb], y, { epochs: 1, batchSize: 10, verbose: 0, shuffle: false });
      await back.fit([xa, xb], y, { epochs: 1, batchSize: 10, verbose: 0, shuffle: false });
      expect(await read(back.predict([xa, xb]))).toEqual(await read(m.predict([xa, xb])));
      m.dispose(); back.dispose();
    }, 60_000);

    it('a shared weight\'s step is the sum of the steps of an untied model with equal values', async () => {
      const build = (tied: boolean) => {
        const a = eg.input({ shape: [3] }), b = eg.input({ shape: [3] });
        const t1 = eg.layers.dense({ units: 4, activation: 'tanh', seed: 31 });
        const t2 = tied ? t1 : eg.layers.dense({ units: 4, activation: 'tanh', seed: 31 });
        const out = eg.layers.dense({ units: 1, seed: 32 }).apply(eg.layers.multiply().apply([t1.apply(a), t2.apply(b)]));
        const m = eg.model({ inputs: [a, b], outputs: out });
        m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'mse' });
        return { m, t1, t2 };
      };
      const tied = build(true), untied = build(false);
      const xa = eg.randn([16, 3], { seed: 33 }), xb = eg.randn([16, 3], { seed: 34 }), y = eg.randn([16, 1], { seed: 35 });
      const w0 = await read(tied.t1.weights[0]);
      expect(await read(untied.t1.weights[0])).toEqual(w0);
      expect(await read(untied.t2.weights[0])).toEqual(w0);
      expect(await read(untied.m.predict([xa, xb]))).toEqual(await read(tied.m.predict([xa, xb])));
      await tied.m.fit([xa, xb], y, { epochs: 1, batchSize: 16, verbose: 0, shuffle: false });
      await untied.m.fit([xa, xb], y, { epochs: 1, batchSize: 16, verbose: 0, shuffle: false });
      for (let k = 0; k < 2; k++) {
        const s = await read(tied.t1.weights[k]), u1 = await read(untied.t1.weights[k]), u2 = await read(untied.t2.weights[k]);
        const w = k ? new Array(4).fill(0) : w0;
        const step = s.map((v, i) => v - w[i]), sum = u1.map((v, i) => v - w[i] + u2[i] - w[i]);
        expect(step.some((v) => Math.abs(v) > 1e-4)).toBe(true);
        near(step, sum, 2e-5);
      }
      tied.m.dispose(); untied.m.dispose();
    });

    it('a nested model\'s penalties count in the outer loss; a frozen nested model keeps its values; its flag is saved', async () => {
      const i = eg.input({ shape: [4] });
      const inner = eg.model({ inputs: i, outputs: eg.layers.dense({ units: 3, seed: 61, kernelRegularizer: eg.regularizers.l2(0.5) }).apply(i), name: 'penalised' });
      const x = eg.input({ shape: [4] });
      const head = eg.layers.dense({ units: 1, seed: 62 });
      const m = eg.model({ inputs: x, outputs: head.apply(inner.apply(x)) });
      m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 1e-9 }), loss: 'mse' });
      const xs = eg.randn([8, 4], { seed: 63 }), ys = eg.randn([8, 1], { seed: 64 });
      const p = await read(m.predict(xs)), yv = await read(ys), k = await read(inner.weights[0]);
      const want = p.reduce((s, v, n) => s + (v - yv[n]) ** 2, 0) / 8 + 0.5 * k.reduce((s, v) => s + v * v, 0);
      const h = await m.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 });
      expect(Math.abs(h.history.loss[0] - want)).toBeLessThan(1e-5 * want);

      inner.trainable = false;
      expect(m.trainableWeights).toEqual(head.weights);
      expect(m.summary(() => {})).toContain('Non-trainable params: 15');
      const hw = await read(head.weights[0]);
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.05 }), loss: 'mse' });
      await m.fit(xs, ys, { epochs: 3, batchSize: 4, verbose: 0, seed: 1 });
      expect(await read(inner.weights[0])).toEqual(k);
      expect((await read(head.weights[0])).some((v, n) => Math.abs(v - hw[n]) > 1e-3)).toBe(true);
      const back = await eg.loadModel(await artifacts(m));
      expect(back.getLayer('penalised').trainable).toBe(false);
      expect(back.trainableWeights.map((w) => w.name)).toEqual(head.weights.map((w) => w.name));
      expect(await read(back.predict(xs))).toEqual(await read(m.predict(xs)));
      m.dispose(); back.dispose();
    });

    it('a state update inside a nested model is applied by the outer fit and saved', async () => {
      const i = eg.input({ shape: [3] });
      const tracker = new Tracker();
      const inner = eg.model({ inputs: i, outputs: eg.layers.dense({ units: 2, seed: 65 }).apply(tracker.apply(i)) });
      const x = eg.input({ shape: [3] });
      const m = eg.model({ inputs: x, outputs: eg.layers.dense({ units: 1, seed: 66 }).apply(inner.apply(x)) });
      expect(m.allLayers.some((l) => l.updatesState)).toBe(true);
      m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.01 }), loss: 'mse' });
      const xs = eg.randn([8, 3], { seed: 67 }), ys = eg.randn([8, 1], { seed: 68 });
      await m.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0, shuffle: false });
      near(await read(tracker.mean!), await read(eg.mean(xs, 0)), 1e-6);
      const back = await eg.loadModel(await artifacts(m));
      const nested = back.layers[1] as eg.Model;
      expect(await read((nested.layers[1] as Tracker).mean!)).toEqual(await read(tracker.mean!));
      expect(await read(back.predict(xs))).toEqual(await read(m.predict(xs)));
      m.dispose(); back.dispose();
    });

    it('formatVersion 2 files written before (tests/fixtures/v2) load, predict as saved, and are written back as version 2', async () => {
      const fx = new URL('./fixtures/v2/', import.meta.url);
      const e = JSON.parse(readFileSync(new URL('expected.json', fx), 'utf8')).graph as { feats: number[]; ids: number[]; cls: number[]; reg: number[] };
      const m = await eg.loadModel<Tensor[]>(new URL('graph', fx).pathname);
      const f = eg.tensor(e.feats, [8, 4]), ids = eg.tensor(Int32Array.from(e.ids), [8, 2], 'int32');
      const [p, q] = m.predict([f, ids]);
      // written by the simd wasm build; other builds and backends round sums differently
      near(await read(p), e.cls, 1e-5);
      near(await read(q), e.reg, 1e-5);
      const saved = JSON.parse(readFileSync(new URL('graph/model.json', fx), 'utf8'));
      const again = JSON.parse((await artifacts(m)).modelJson);
      expect(again.formatVersion).toBe(2);
      expect(again.modelTopology).toEqual(saved.modelTopology);
      m.dispose();
    });

    it('errors name the problem', async () => {
      const enc = encoder('err_enc', 41);
      expect(() => enc.apply(eg.input({ shape: [5], name: 'wide' }))).toThrow(/Model 'err_enc': expected input of shape \(None, 4\), got \(None, 5\) from 'wide'/);
      expect(() => enc.apply(eg.ones([2, 5]))).toThrow(/Model 'err_enc': expected input of shape \(None, 4\), got \[2,5\]/);
      expect(() => enc.apply(eg.input({ shape: [4], dtype: 'int32', name: 'ids' }))).toThrow(/Model 'err_enc': input 'ids' has dtype int32 but the layer reads float32/);
      const p = eg.input({ shape: [2], name: 'p' }), q = eg.input({ shape: [3], name: 'q' });
      const pq = eg.model({ inputs: [p, q], outputs: eg.layers.concatenate().apply([p, q]), name: 'pq' });
      expect(() => pq.apply(eg.input({ shape: [2] }))).toThrow(/Model 'pq': expects inputs \(None, 2\), \(None, 3\), got \(None, 2\)$/);
      expect(() => pq.apply([eg.input({ shape: [2] }), eg.input({ shape: [4] })])).toThrow(/Model 'pq': expects inputs \(None, 2\), \(None, 3\), got \(None, 2\), \(None, 4\)/);
      const forked = eg.model({ inputs: p, outputs: [eg.layers.dense({ units: 1 }).apply(p), eg.layers.dense({ units: 2 }).apply(p)], name: 'forked' });
      expect(() => forked.apply(eg.input({ shape: [2] }))).toThrow(/Model 'forked': has 2 outputs; a model used as a layer must have one/);

      // a model nested into itself
      const s = eg.sequential([eg.layers.dense({ units: 4, inputShape: [4] })], { name: 'selfish' });
      expect(() => s.add(s)).toThrow(/sequential: model 'selfish' cannot contain itself/);
      const x = eg.input({ shape: [4] });
      const wrapper = eg.sequential([eg.layers.dense({ units: 4, inputShape: [4] })], { name: 'wrapper' });
      wrapper.add(s);
      expect(() => s.add(wrapper)).toThrow(/sequential: model 'selfish' cannot contain itself \(through 'wrapper'\)/);
      const g = eg.model({ inputs: x, outputs: wrapper.apply(x), name: 'g' });
      expect(() => s.add(g)).toThrow(/cannot contain itself \(through 'g'\)/);

      // edited files
      const a = eg.input({ shape: [3], name: 'a' }), b = eg.input({ shape: [3], name: 'b' });
      const t = eg.layers.dense({ units: 2, name: 't' });
      const m = eg.model({ inputs: [a, b], outputs: eg.layers.add({ name: 'sum' }).apply([t.apply(a), t.apply(b)]) });
      const art = await artifacts(m);
      const edit = async (fn: (j: { modelTopology: { config: { nodes: Record<string, unknown>[] } } }) => void) => {
        const j = JSON.parse(art.modelJson);
        fn(j);
        return eg.loadModel({ modelJson: JSON.stringify(j), weights: art.weights });
      };
      await expect(edit((j) => { j.modelTopology.config.nodes[3].layer = 'nope'; })).rejects.toThrow(/node 't@1' applies layer 'nope', which no node makes/);
      await expect(edit((j) => { j.modelTopology.config.nodes[3].className = 'Dense'; })).rejects.toThrow(/node 3 must be \{ name, className, config, inputs: \[\[node, index\], \.\.\.\] \} or \{ name, layer, inputs \}/);
      const nested = await artifacts(eg.model({ inputs: x, outputs: enc.apply(x) }));
      const nj = JSON.parse(nested.modelJson);
      nj.modelTopology.config.nodes[1].config.nodes[1].inputs = [['ghost', 0]];
      await expect(eg.loadModel({ modelJson: JSON.stringify(nj), weights: nested.weights })).rejects.toThrow(/model.json: nested model 'err_enc': node 'err_enc_d1' reads 'ghost', which is not a node/);
      // a layer in two models of one file would load as two layers
      const xi = eg.input({ shape: [4], name: 'xi' });
      const d = eg.layers.dense({ units: 4, name: 'both' });
      const inner = eg.model({ inputs: xi, outputs: d.apply(xi), name: 'holds_both' });
      const twice = eg.model({ inputs: xi, outputs: d.apply(inner.apply(xi)), name: 'uses_both' });
      await expect(twice.save(join(dir, 'refused'))).rejects.toThrow(/save: layer 'both' is in model 'holds_both' and in model 'uses_both'; a saved layer belongs to one model/);
      // ... but an input shared with the nested model (Keras' usual way) is fine
      const head = eg.layers.dense({ units: 2, name: 'head2', seed: 42 });
      const ok = eg.model({ inputs: xi, outputs: head.apply(inner.apply(xi)), name: 'same_input' });
      const back = await eg.loadModel(await artifacts(ok));
      const xs = eg.randn([3, 4], { seed: 43 });
      expect(await read(back.predict(xs))).toEqual(await read(ok.predict(xs)));
      m.dispose(); pq.dispose(); forked.dispose(); g.dispose(); enc.dispose(); twice.dispose(); ok.dispose(); back.dispose();
    });
  });
}

describe('gradients of shared weights (float64 js, finite differences)', () => {
  afterAll(() => eg.init({ backend: 'js' }));
  it('a tower model applied to two inputs: the kernel\'s gradient sums over both uses', async () => {
    await use(JS_F64);
    const i = eg.input({ shape: [3] });
    const d = eg.layers.dense({ units: 2, activation: 'tanh', seed: 51 });
    const tower = eg.model({ inputs: i, outputs: d.apply(i) });
    const a = eg.input({ shape: [3] }), b = eg.input({ shape: [3] });
    const m = eg.model({ inputs: [a, b], outputs: eg.layers.multiply().apply([tower.apply(a), tower.apply(b)]) });
    const xa = eg.randn([4, 3], { seed: 52 }), xb = eg.randn([4, 3], { seed: 53 }), w = eg.randn([4, 2], { seed: 54 });
    const kernel = d.weights[0];
    const loss = () => eg.sum(eg.mul(m.apply([xa, xb]) as Tensor, w));
    const { grads } = eg.valueAndGrads(loss, [kernel]);
    const g = Array.from(grads[0].dataSync());
    const k0 = Array.from(kernel.dataSync());
    const at = (v: number[]) => { kernel.assign(eg.tensor(v, [...kernel.shape])); return eg.tidy(() => loss().dataSync()[0]); };
    const fd = k0.map((_, j) => {
      const h = 1e-6 * Math.max(1, Math.abs(k0[j]));
      const up = at(k0.map((v, n) => (n === j ? v + h : v))), down = at(k0.map((v, n) => (n === j ? v - h : v)));
      return (up - down) / (2 * h);
    });
    at(k0);
    g.forEach((v, j) => expect(Math.abs(v - fd[j])).toBeLessThanOrEqual(1e-6 * Math.abs(fd[j]) + 1e-7));
    m.dispose();
  });
});

describe('through the pool (wasm)', () => {
  // NOTE: the pool trains models of one input and one output, so the tower runs twice in a row.
  it('a nested model applied twice trains through 2 workers (shared and transfer memory) as in-thread fit', async () => {
    await eg.init({ backend: 'wasm' });
    const workerUrl = await poolWorkerUrl();
    const make = () => {
      const i = eg.input({ shape: [3] });
      const tower = eg.model({ inputs: i, outputs: eg.layers.dense({ units: 3, activation: 'tanh', seed: 71 }).apply(i) });
      const x = eg.input({ shape: [3] });
      const once = tower.apply(x);
      const out = eg.layers.dense({ units: 1, seed: 72 }).apply(eg.layers.concatenate().apply([once, tower.apply(once)]));
      const m = eg.model({ inputs: x, outputs: out });
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'mse' });
      return m;
    };
    const xa = eg.randn([64, 3], { seed: 73 }), y = eg.randn([64, 1], { seed: 75 });
    const ref = make();
    const want = (await ref.fit(xa, y, { epochs: 2, batchSize: 16, seed: 3, verbose: 0 })).history.loss;
    const p0 = await read(ref.predict(xa));
    for (const memory of ['shared', 'transfer'] as const) {
      const pool = await eg.createPool({ workers: 2, workerUrl, memory });
      try {
        const m = make();
        const got = (await m.fit(xa, y, { epochs: 2, batchSize: 16, seed: 3, pool })).history.loss;
        got.forEach((l, n) => expect(Math.abs(l - want[n]), memory).toBeLessThanOrEqual(1e-5 * Math.abs(want[n])));
        near(await read(m.predict(xa)), p0, 1e-4);
        m.dispose();
      } finally {
        await pool.close();
      }
    }
    ref.dispose();
  }, 60_000);
});
