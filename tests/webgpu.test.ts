// The webgpu backend beyond the shared suites: GEMM variants around the tile sizes, fusedMatmul,
// optimizer updates, host-side index checks, batching and the pool, and the errors (dataSync, a
// shader that does not compile, a lost device, 'auto' on a software adapter). Runs when a WebGPU
// adapter exists (Node: Dawn + SwiftShader); EDGEGRAD_REQUIRE_WEBGPU=1 makes a missing one fail.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import type { GpuRuntime } from '../src/backends/webgpu/runtime.js';
import { type GemmConfig, setGemmConfig } from '../src/backends/webgpu/gemm.js';
import { REQUIRE_WEBGPU, webgpuAdapter } from './util/backends.js';
import { mismatches } from './util/close.js';
import { Rng } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

const { adapter, reason } = await webgpuAdapter();

const runtime = () => (engine.backend as unknown as { runtime: GpuRuntime }).runtime;
const rand = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uniform(-1, 1));

/** Runs `f` on js (float32) and webgpu with the same host inputs; returns both outputs' values. */
async function both(inputs: { shape: number[]; values: number[]; dtype?: 'float32' | 'int32' }[], f: (...xs: Tensor[]) => Tensor) {
  const out: eg.TypedArray[] = [];
  for (const backend of ['js', 'webgpu'] as const) {
    await eg.init({ backend });
    const xs = inputs.map((i) => eg.tensor(i.values, i.shape, i.dtype ?? 'float32'));
    const y = eg.tidy(() => f(...xs));
    out.push(await y.data());
    y.dispose();
    for (const x of xs) x.dispose();
  }
  return { want: out[0], got: out[1] };
}

describe.skipIf(!adapter)(`webgpu backend (${adapter?.name ?? `no adapter: ${reason}`})`, () => {
  beforeAll(() => eg.init({ backend: 'webgpu' }));
  afterAll(() => eg.init({ backend: 'js' }));

  it('reports itself: backend name, features().webgpu, adapter name and fallback flag in info', () => {
    expect(eg.backend()).toBe('webgpu');
    expect(eg.features().webgpu).toBe(true);
    expect(engine.backend!.info.adapter).toBe(adapter!.name);
    expect(engine.backend!.info.fallbackAdapter).toBe(adapter!.fallback);
  });

  it('dataSync() throws an error that points at await data(); data() and array() work', async () => {
    const t = eg.tensor([[1, 2], [3, 4]]);
    expect(() => t.dataSync()).toThrow(/await t\.data\(\)/);
    expect(() => t.arraySync()).toThrow(/await t\.data\(\)/);
    expect(Array.from(await t.data())).toEqual([1, 2, 3, 4]);
    expect(await t.array()).toEqual([[1, 2], [3, 4]]);
    t.dispose();
  });

  // M, N, K around the 32 and 64 tiles and the vec4 width; stol as the conformance suite: 2*K*u32.
  const SIZES: [number, number, number][] = [
    [1, 1, 1], [3, 5, 7], [4, 4, 4], [17, 9, 33], [32, 32, 16], [31, 33, 17], [64, 64, 64], [65, 63, 20],
    [128, 64, 48], [2, 300, 200], [1, 10, 784], [130, 3, 129],
  ];
  // every GEMM path: the choice by shape and adapter (direct on a software adapter, split-K), and
  // the shared-memory tiles forced at both sizes (fit and edge variants, vec4 and scalar loads)
  const PATHS: [string, GemmConfig | 'direct' | null][] = [['auto', null], ['tiled 16x16', { tx: 16, ty: 16, bk: 16 }]];
  for (const [tA, tB] of [[false, false], [false, true], [true, false], [true, true]]) {
    it(`matmul ${tA ? 'T' : 'N'}${tB ? 'T' : 'N'} around the tile sizes matches js (${PATHS.map((p) => p[0]).join(', ')})`, async () => {
      const rng = new Rng(7 + +tA * 2 + +tB);
      const problems: string[] = [];
      for (const [path, cfg] of PATHS) for (const [M, N, K] of SIZES) {
        setGemmConfig(cfg);
        const a = { shape: tA ? [K, M] : [M, K], values: rand(rng, M * K) };
        const b = { shape: tB ? [N, K] : [K, N], values: rand(rng, K * N) };
        const { want, got } = await both([a, b], (x, y) => eg.matmul(x, y, { transposeA: tA, transposeB: tB }));
        const scale = new Float64Array(want.length).fill(K);
        for (const m of mismatches(got, want, { rtol: 0, atol: 1e-6, stol: 2 * 2 ** -24 * 2 }, scale)) problems.push(`${path} [${M},${N},${K}] ${m}`);
      }
      setGemmConfig(null);
      expect(problems).toEqual([]);
    });
  }

  it('batched matmul with a broadcast operand; empty K gives zeros', async () => {
    const rng = new Rng(3);
    const { want, got } = await both([{ shape: [3, 5, 6], values: rand(rng, 90) }, { shape: [6, 4], values: rand(rng, 24) }],
      (a, b) => eg.matmul(a, b));
    expect(mismatches(got, want, { rtol: 1e-5, atol: 1e-6 })).toEqual([]);
    const z = await both([{ shape: [2, 0], values: [] }, { shape: [0, 3], values: [] }], (a, b) => eg.matmul(a, b));
    expect(Array.from(z.got)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('fusedMatmul: bias and every activation, tiled and split-K paths', async () => {
    const rng = new Rng(11);
    const problems: string[] = [];
    const cases: [number[], string[], boolean[]][] = [
      [[5, 8, 12], ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'], [true]],
      [[5, 8, 12], ['relu'], [false]],
      [[70, 66, 40], ['relu'], [false, true]],
      [[1, 12, 300], ['gelu'], [true]],
    ];
    for (const [[M, N, K], acts, biases] of cases) {
      for (const activation of acts as ('linear' | 'relu' | 'gelu' | 'sigmoid' | 'tanh')[]) {
        for (const bias of biases) {
          const ins = [{ shape: [M, K], values: rand(rng, M * K) }, { shape: [K, N], values: rand(rng, K * N) }, { shape: [N], values: rand(rng, N) }];
          const { want, got } = await both(ins, (a, b, c) => eg.fusedMatmul(a, b, bias ? c : null, { activation }));
          for (const m of mismatches(got, want, { rtol: 1e-5, atol: 2e-6 })) problems.push(`[${M},${N},${K}] ${activation} bias ${bias}: ${m}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('optimizer updates (sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad) match js', async () => {
    const specs = [
      () => eg.optimizers.sgd({ learningRate: 0.1 }),
      () => eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 }),
      () => eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
      () => eg.optimizers.adam({ learningRate: 0.01 }),
      () => eg.optimizers.adamw({ learningRate: 0.01 }),
      () => eg.optimizers.rmsprop({ learningRate: 0.01 }),
      () => eg.optimizers.rmsprop({ learningRate: 0.01, momentum: 0.5, centered: true }),
      () => eg.optimizers.adagrad({ learningRate: 0.1 }),
    ];
    const rng = new Rng(5);
    const w0 = rand(rng, 10), g0 = rand(rng, 10);
    const problems: string[] = [];
    for (const [k, make] of specs.entries()) {
      const res: Float32Array[] = [];
      for (const backend of ['js', 'webgpu'] as const) {
        await eg.init({ backend });
        const w = eg.variable(eg.tensor(w0, [2, 5]));
        const g = eg.tensor(g0, [2, 5]);
        const opt = make();
        for (let s = 0; s < 3; s++) opt.apply([w], [g]);
        res.push((await w.data()) as Float32Array);
        for (const st of opt.getState()) st.tensor.dispose();
        w.dispose(); g.dispose();
      }
      for (const m of mismatches(res[1], res[0], { rtol: 1e-5, atol: 1e-6 })) problems.push(`optimizer ${k}: ${m}`);
    }
    expect(problems).toEqual([]);
    await eg.init({ backend: 'webgpu' });
  });

  it('gather checks host-made indices and keeps computed ones safe (zeros out of range)', async () => {
    const x = eg.tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    expect(() => eg.gather(x, eg.tensor([0, 3], [2], 'int32'))).toThrow(/out of range/);
    const computed = eg.cast(eg.tensor([2, 7, 0]), 'int32');
    const g = eg.gather(x, computed);
    expect(Array.from(await g.data())).toEqual([5, 6, 0, 0, 1, 2]);
    const labels = eg.cast(eg.tensor([1, 9]), 'int32');
    const loss = engine.runKernel('sparseSoftmaxCrossEntropy', [eg.tensor([0, 1, 0, 1], [2, 2]), labels], {})[0];
    const l = await loss.data();
    expect(l[0]).toBeCloseTo(Math.log(1 + Math.E) - 1, 6);
    expect(Number.isNaN(l[1])).toBe(true);
    expect(() => eg.losses.sparseSoftmaxCrossEntropy(eg.tensor([0, 5], [2], 'int32'), eg.tensor([0, 1, 0, 1], [2, 2]))).toThrow(/out of range/);
    for (const t of [x, computed, g, labels, loss]) t.dispose();
  });

  it('encodes many kernels per submit, reuses pooled buffers, caches pipelines, frees memory', async () => {
    const rt = runtime();
    const x = eg.tensor(Array.from({ length: 256 }, (_, i) => i / 256), [16, 16]);
    await x.data();
    const before = { d: rt.dispatches, s: rt.submits, p: rt.programs, bytes: eg.memory().bytes };
    let y = x;
    for (let i = 0; i < 40; i++) { const prev = y; const z = eg.tidy(() => eg.tanh(eg.add(prev, 0.01))); if (y !== x) y.dispose(); y = z; }
    const v = await y.data();
    expect(v.every(Number.isFinite)).toBe(true);
    expect(rt.dispatches - before.d).toBeGreaterThanOrEqual(80);
    expect(rt.submits - before.s).toBeLessThanOrEqual(3);
    y.dispose();
    const p = rt.programs;
    const t2 = eg.tidy(() => eg.tanh(eg.add(x, 0.5)));
    expect(rt.programs).toBe(p);
    t2.dispose();
    expect(eg.memory().bytes).toBe(before.bytes);
    expect(eg.memory().pooledBytes).toBeGreaterThan(0);
    x.dispose();
  });

  it('a shader that does not compile gives a clear error naming the program', async () => {
    const rt = runtime();
    const bad = { key: 'test/bad-shader', code: () => '@compute @workgroup_size(1) fn main() { let x: f32 = undefined_thing; }' };
    const buf = rt.alloc(16);
    rt.run({ program: bad, buffers: [], params: [], groups: [1, 1, 1] });
    await expect(rt.sync()).rejects.toThrow(/shader program 'test\/bad-shader' failed to compile/);
    expect(() => rt.run({ program: bad, buffers: [], params: [], groups: [1, 1, 1] })).toThrow(/failed to compile/);
    rt.free(buf);
    // the backend keeps working
    const t = eg.add(eg.tensor([1]), 1);
    expect(Array.from(await t.data())).toEqual([2]);
    t.dispose();
  });

  it('a lost device gives a clear error, and init starts a new one', async () => {
    const t = eg.tensor([1, 2]);
    runtime().device.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(() => eg.add(t, 1)).toThrow(/device was (lost|destroyed)/);
    await expect(t.data()).rejects.toThrow(/device was (lost|destroyed)/);
    await eg.init({ backend: 'webgpu' });
    const u = eg.add(eg.tensor([1, 2]), 1);
    expect(Array.from(await u.data())).toEqual([2, 3]);
    u.dispose();
  });

  it("'auto' uses wasm on a software adapter and says so once", async () => {
    if (!adapter!.fallback) return;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await eg.init();
    await eg.init();
    expect(eg.backend()).toBe('wasm');
    const said = warn.mock.calls.filter((c) => /software WebGPU adapter/.test(String(c[0])));
    expect(said.length).toBe(1);
    warn.mockRestore();
    await eg.init({ backend: 'webgpu' });
  });
});

it('webgpu tests ran or were allowed to skip', () => {
  if (!adapter) expect(REQUIRE_WEBGPU).toBe(false);
});
