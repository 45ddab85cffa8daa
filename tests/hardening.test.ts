// Defects found by probing the library as a hostile user would (issue: hardening), one test each, on
// every backend the run selects. Each of these failed before its fix.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use } from './util/backends.js';

type Tensor = ReturnType<typeof eg.tensor>;

const read = async (t: Tensor): Promise<number[]> => Array.from(await t.data());

/** memory() figures that must come back after a refused call: counts and bytes, never NaN. */
const snapshot = () => {
  const m = eg.memory();
  return { tensors: m.tensors, bytes: m.bytes };
};

for (const cfg of testBackends()) {
  describe(`hardening on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    const made: Tensor[] = [];
    const t = <T extends Tensor>(x: T): T => { made.push(x); return x; };
    afterAll(() => { for (const x of made) x.dispose(); });

    describe('zero-size batch in matmul', () => {
      it('has the broadcast shape and no values, with either operand batched', async () => {
        const a = t(eg.ones([0, 2, 3])), b = t(eg.ones([3, 4]));
        const c = t(eg.matmul(a, b));
        expect(c.shape).toEqual([0, 2, 4]);
        expect(await read(c)).toEqual([]);
        const d = t(eg.matmul(t(eg.ones([2, 3])), t(eg.ones([0, 3, 4]))));
        expect(d.shape).toEqual([0, 2, 4]);
        expect(await read(d)).toEqual([]);
        const e = t(eg.matmul(a, t(eg.ones([0, 4, 3])), { transposeB: true }));
        expect(e.shape).toEqual([0, 2, 4]);
        expect(await read(e)).toEqual([]);
      });

      it('has gradients of the operands\' shapes (zeros for the broadcast one)', async () => {
        const a = t(eg.variable(eg.ones([0, 2, 3]))), b = t(eg.variable(eg.ones([3, 4])));
        const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.matmul(a, b)), [a, b]);
        made.push(value, ...grads);
        expect(await read(value)).toEqual([0]);
        expect(grads[0].shape).toEqual([0, 2, 3]);
        expect(grads[1].shape).toEqual([3, 4]);
        expect(await read(grads[1])).toEqual(new Array(12).fill(0));
      });

      it('fusedMatmul with a bias too', async () => {
        const c = t(eg.fusedMatmul(t(eg.ones([0, 2, 3])), t(eg.ones([3, 4])), t(eg.ones([4])), { activation: 'relu' }));
        expect(c.shape).toEqual([0, 2, 4]);
        expect(await read(c)).toEqual([]);
      });
    });

    describe('dimensions of 2^31 and more', () => {
      it('are kept exactly in empty shapes', () => {
        expect(t(eg.zeros([2 ** 31, 0])).shape).toEqual([2 ** 31, 0]);
        expect(t(eg.zeros([2 ** 32, 0])).shape).toEqual([2 ** 32, 0]);
        expect(t(eg.zeros([0, 2 ** 40])).shape).toEqual([0, 2 ** 40]);
        expect(t(eg.reshape(t(eg.zeros([0])), [2 ** 31, 0])).shape).toEqual([2 ** 31, 0]);
        const big = t(eg.zeros([2 ** 31, 0]));
        expect(t(eg.add(big, 1)).shape).toEqual([2 ** 31, 0]);
        expect(t(eg.transpose(big)).shape).toEqual([0, 2 ** 31]);
        expect(t(eg.sum(big, 0)).shape).toEqual([0]);
        expect(t(eg.sum(t(eg.zeros([0, 2 ** 31])), 1)).shape).toEqual([0]);
      });

      it('that cannot be held are refused with a size error, not a wrapped shape', () => {
        const before = snapshot();
        const ids = t(eg.tensor([0], [1], 'int32'));
        expect(() => eg.oneHot(ids, 2 ** 31)).toThrow(/oneHot: .*cannot allocate 2147483648 float32 elements \(8\.00 GiB\)/);
        expect(() => eg.zeros([2 ** 31])).toThrow(/cannot allocate 2147483648 float32 elements/);
        expect(() => eg.zeros([2 ** 32])).toThrow(/cannot allocate 4294967296 float32 elements/);
        expect(() => eg.zeros([2 ** 26, 2 ** 26])).toThrow(/cannot allocate/);
        expect(snapshot()).toEqual({ ...before, tensors: before.tensors + 1, bytes: before.bytes + 4 });
      });

      it('sizes that are not safe integers are refused by name', () => {
        expect(() => eg.zeros([2 ** 53, 1])).toThrow(/invalid shape/);
        expect(() => eg.zeros([1.5])).toThrow(/non-negative integer, got 1\.5/);
        expect(() => eg.zeros(['2' as never])).toThrow(/"2" \(a string\)/);
      });
    });

    describe('axes of a rank-0 tensor', () => {
      it('are refused by every op that takes an axis', () => {
        const s = t(eg.scalar(3)), idx = t(eg.tensor([0], [1], 'int32'));
        expect(() => eg.gather(s, idx)).toThrow(/gather: axis 0 .*scalar/);
        expect(() => eg.concat([s, t(eg.scalar(2))], 0)).toThrow(/concat: .*stack/);
        expect(() => eg.sum(s, 0)).toThrow(/sum: axis 0 .*scalar/);
        expect(() => eg.max(s, -1)).toThrow(/max: axis -1 .*scalar/);
        expect(() => eg.argmax(s, 0)).toThrow(/argmax: axis 0/);
        expect(() => eg.softmax(s)).toThrow(/softmax: .*rank/);
      });

      it('while reductions over every axis still take them', async () => {
        const s = t(eg.scalar(3));
        expect(await read(t(eg.sum(s)))).toEqual([3]);
        expect(t(eg.stack([s, t(eg.scalar(2))])).shape).toEqual([2]);
        expect(t(eg.expandDims(s, 0)).shape).toEqual([1]);
      });

      it('an axis that is not an integer names its type', () => {
        const x = t(eg.zeros([2, 3]));
        expect(() => eg.sum(x, '1' as never)).toThrow(/sum: axis must be an integer or an array of integers, got "1" \(a string\)/);
        expect(() => eg.sum(x, [0.5])).toThrow(/sum: axis must be an integer, got 0\.5/);
        expect(() => eg.gather(x, t(eg.tensor([0], [1], 'int32')), null as never)).toThrow(/gather: axis must be an integer, got null/);
      });
    });

    describe('arange and sizes that are not numbers', () => {
      it('refuses NaN and infinite bounds, and memory() stays a number', () => {
        const before = snapshot();
        expect(() => eg.arange(NaN)).toThrow(/arange: stop must be a finite number, got NaN/);
        expect(() => eg.arange(0, Infinity)).toThrow(/stop must be a finite number/);
        expect(() => eg.arange(0, 5, NaN)).toThrow(/step must be a finite number/);
        expect(() => eg.arange(0, 5, 0)).toThrow(/step must be non-zero/);
        expect(snapshot()).toEqual(before);
        expect(Number.isFinite(eg.memory().bytes)).toBe(true);
      });

      it('refuses a range too large to hold before making it', () => {
        const before = snapshot();
        expect(() => eg.arange(0, 1e10)).toThrow(/arange: .*cannot allocate 10000000000 float32 elements/);
        expect(snapshot()).toEqual(before);
      });

      it('still makes ordinary ranges', async () => {
        expect(await read(t(eg.arange(5)))).toEqual([0, 1, 2, 3, 4]);
        expect(await read(t(eg.arange(1, 2, 0.25)))).toEqual([1, 1.25, 1.5, 1.75]);
        expect(await read(t(eg.arange(5, 0, -2, 'int32')))).toEqual([5, 3, 1]);
      });
    });

    describe('numbers an int32 operand cannot hold', () => {
      it('are refused, not truncated', async () => {
        const i = t(eg.tensor([1, 2], [2], 'int32'));
        expect(() => eg.add(i, 1.5)).toThrow(/add: b = 1\.5 is not an int32 value/);
        expect(() => eg.mul(2.5, i)).toThrow(/mul: a = 2\.5 is not an int32 value/);
        expect(() => eg.sub(i, NaN)).toThrow(/not an int32 value/);
        expect(() => eg.add(i, 2 ** 31)).toThrow(/not an int32 value/);
        expect(await read(t(eg.add(i, 3)))).toEqual([4, 5]);
        expect(await read(t(eg.add(t(eg.tensor([1, 2])), 1.5)))).toEqual([2.5, 3.5]);
      });
    });

    describe('work before refusal', () => {
      it('randn/randu of more than the backend holds refuse before drawing values', () => {
        const before = snapshot();
        expect(() => eg.randn([2 ** 30], { seed: 1 })).toThrow(/randn: .*cannot allocate 1073741824 float32 elements \(4\.00 GiB\)/);
        expect(() => eg.randu([2 ** 31], { seed: 1 })).toThrow(/randu: .*cannot allocate/);
        expect(snapshot()).toEqual(before);
      });

      it('a bad seed is named', () => {
        expect(() => eg.randn([2], { seed: 'x' as never })).toThrow(/randn: seed must be a finite number/);
      });

      it('fit with a batchSize above the sample count trains on one batch', async () => {
        const model = eg.sequential([eg.layers.dense({ units: 2, inputShape: [3], seed: 1 })]);
        model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        const x = t(eg.randn([10, 3], { seed: 2 })), y = t(eg.randn([10, 2], { seed: 3 }));
        const h = await model.fit(x, y, { batchSize: 1e7, epochs: 1, verbose: 0 });
        expect(h.history.loss).toHaveLength(1);
        expect(Number.isFinite(h.history.loss[0])).toBe(true);
        expect((await model.evaluate(x, y, { batchSize: 1e7 })).loss).toBeGreaterThan(0);
        model.dispose();
      });

      // The MLP of tests/fixtures/v1 (dense 'hidden' 6 -> 8, dropout, dense 'out' 8 -> 3), as files in memory.
      const fixture = () => {
        const dir = new URL('./fixtures/v1/mlp/', import.meta.url);
        return {
          modelJson: readFileSync(new URL('model.json', dir), 'utf8'),
          weights: new Uint8Array(readFileSync(new URL('weights.safetensors', dir))),
        };
      };

      it('loadModel of a model.json edited to a huge layer refuses before building it', async () => {
        const a = fixture();
        const j = JSON.parse(a.modelJson);
        j.modelTopology.config.layers[0].config.units = 2 ** 26;
        const before = { ...snapshot(), heap: eg.memory().heapBytes };
        await expect(eg.loadModel({ ...a, modelJson: JSON.stringify(j) })).rejects.toThrow(/'hidden\/kernel' \[6,67108864\]/);
        expect({ ...snapshot(), heap: eg.memory().heapBytes }).toEqual(before);
        const again = await eg.loadModel(a);
        expect(again.weights.map((w) => w.shape)).toEqual([[6, 8], [8], [8, 3], [3]]);
        again.dispose();
      });

      it('loadModel of a weights manifest with a null entry names the entry', async () => {
        const a = fixture();
        const j = JSON.parse(a.modelJson);
        j.weights[1] = null;
        await expect(eg.loadModel({ ...a, modelJson: JSON.stringify(j) })).rejects.toThrow(/loadModel: model.json: weights entry 1 must be/);
      });
    });

    describe('pow of a negative base (found by the fuzz suite)', () => {
      it('is NaN for an exponent near, but not at, an integer; signs follow odd integers', async () => {
        const f = Math.fround;
        const a = t(eg.tensor([-1, -2, -0, -2, -0, -0, -Infinity, -Infinity, -Infinity, -8, -1.5]));
        const b = t(eg.tensor([f(1.0000001), f(3.0000002), -458799.03125, 3, -3, 3, 0.5, 3, -2, 2 ** 24, -1]));
        const got = await read(t(eg.pow(a, b)));
        const want = [NaN, NaN, Infinity, -8, -Infinity, -0, Infinity, -Infinity, 0, f((-8) ** (2 ** 24)), f(-1 / 1.5)];
        got.forEach((v, i) => expect(Object.is(v, want[i]) || Math.abs(v - want[i]) <= 1e-6 * Math.abs(want[i]), `pow case ${i}: got ${v}, want ${want[i]}`).toBe(true));
      });
    });

    describe('clear errors', () => {
      it('stack reports stack', () => {
        expect(() => eg.stack([t(eg.zeros([2])), t(eg.zeros([2], 'int32'))])).toThrow(/^stack: dtype mismatch/);
        expect(() => eg.stack([t(eg.zeros([2])), null as never])).toThrow(/^stack: 'xs\[1\]' must be a Tensor/);
      });

      it('an embedding id past inputDim names the layer and the id', async () => {
        const emb = eg.layers.embedding({ inputDim: 5, outputDim: 2, name: 'tokens' });
        const ids = t(eg.tensor([[1, 7]], [1, 2], 'int32'));
        expect(() => emb.apply(ids)).toThrow(/embedding 'tokens': id 7 \(at flat index 1.*inputDim is 5/);
        emb.dispose();
      });
    });
  });
}

// The rest runs where the selected backends include wasm (the webgpu run repeats only the above).
const WASM = testBackends().some((c) => c.backend === 'wasm');

describe.runIf(WASM)('init options', () => {
  afterAll(() => eg.init({ backend: 'wasm' }));

  it('refuses null, arrays and unknown values by name', async () => {
    await expect(eg.init(null as never)).rejects.toThrow(/init: expected options such as \{ backend: 'wasm' \} or a backend name, got null/);
    await expect(eg.init([] as never)).rejects.toThrow(/got an array/);
    await expect(eg.init({ precision: 'float16' as never })).rejects.toThrow(/init: precision must be 'float32', 'float64'; got "float16"/);
    await expect(eg.init({ backend: 'wasm', precision: 'float64' })).rejects.toThrow(/precision 'float64' is an option of the js backend only/);
    await expect(eg.init({ backnd: 'js' } as never)).rejects.toThrow(/init: unknown option 'backnd'/);
    await expect(eg.init({ sharedMemory: 'yes' as never })).rejects.toThrow(/sharedMemory must be true or false/);
  });

  it('takes a backend name as the options', async () => {
    await eg.init('js');
    expect(eg.backend()).toBe('js');
    await eg.init('wasm');
    expect(eg.backend()).toBe('wasm');
  });

  it('a tensor of an earlier backend of the same name says so', async () => {
    await eg.init({ backend: 'wasm', sharedMemory: true });
    const x = eg.ones([2]);
    await eg.init({ backend: 'wasm', sharedMemory: false });
    expect(() => eg.add(x, 1)).toThrow(/tensor #\d+ \(shape \[2\]\) was made on an earlier 'wasm' backend, not the active one/);
    await eg.init({ backend: 'wasm', sharedMemory: true });
    x.dispose();
  });
});

describe.runIf(WASM)('loadModel over http', () => {
  it('a refused connection, or a port fetch will not use, names the URL and why', async () => {
    await eg.init({ backend: 'wasm' });
    // A port that was free a moment ago: nothing listens there now.
    const { createServer } = await import('node:net');
    const server = createServer();
    const port = await new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as { port: number }).port)));
    await new Promise((ok) => server.close(ok));
    await expect(eg.loadModel(`http://127.0.0.1:${port}/x`)).rejects.toThrow(new RegExp(`loadModel: GET http://127\\.0\\.0\\.1:${port}/x/model\\.json failed: fetch failed \\(ECONNREFUSED\\)`));
    await expect(eg.loadModel('http://127.0.0.1:9/x')).rejects.toThrow(/loadModel: GET http:\/\/127\.0\.0\.1:9\/x\/model\.json failed: fetch failed \(bad port\)/);
  });
});

describe.runIf(WASM)('pool calls fail in the caller\'s terms', () => {
  let pool: Awaited<ReturnType<typeof eg.createPool>>;
  beforeAll(async () => {
    await eg.init({ backend: 'wasm' });
    const { poolWorkerUrl } = await import('./util/pool-worker.js');
    pool = await eg.createPool({ workers: 2, workerUrl: await poolWorkerUrl() });
  });
  afterAll(() => pool.close());

  it('predict of something that is not a model', async () => {
    const x = eg.ones([4, 3]);
    await expect(pool.predict(null as never, x)).rejects.toThrow(/pool\.predict: model must be an edgegrad model .* got null/);
    await expect(pool.predict({} as never, x)).rejects.toThrow(/pool\.predict: model must be an edgegrad model .* without toArtifacts/);
    x.dispose();
  });

  it('predict on an unbuilt model builds it from x, as model.predict does', async () => {
    const model = eg.sequential([eg.layers.dense({ units: 2, seed: 1 })]);
    const x = eg.randn([5, 3], { seed: 4 });
    const p = await pool.predict(model, x);
    const q = model.predict(x);
    expect(p.shape).toEqual([5, 2]);
    expect(Array.from(p.dataSync())).toEqual(Array.from(q.dataSync()));
    for (const t of [x, p, q]) t.dispose();
    model.dispose();
  });

  it('predict of the wrong feature count names the caller\'s shape, not a shard\'s', async () => {
    const model = eg.sequential([eg.layers.dense({ units: 2, inputShape: [3], seed: 1 })]);
    const x = eg.ones([8, 4]);
    await expect(pool.predict(model, x)).rejects.toThrow(/pool\.predict: x has shape \[8,4\] but the model expects \(None, 3\)/);
    x.dispose();
    model.dispose();
  });

  it('fit with an out-of-range label names the caller\'s row', async () => {
    const model = eg.sequential([eg.layers.dense({ units: 3, inputShape: [2], activation: 'softmax', seed: 1 })]);
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    const x = eg.ones([10, 2]);
    const labels = new Int32Array(10);
    labels[7] = 5;
    const y = eg.tensor(labels, [10], 'int32');
    await expect(model.fit(x, y, { pool, epochs: 1, batchSize: 10, verbose: 0 })).rejects.toThrow(/fit: y has label 5 at index 7, out of range for 3 classes/);
    for (const t of [x, y]) t.dispose();
    model.dispose();
  });
});
