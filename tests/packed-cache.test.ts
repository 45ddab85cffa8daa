// The wasm backend's packed-weight cache (src/backends/wasm.ts `packedB`, assembly/gemm.ts
// `f32_gemm_packed`): a GEMM's B operand seen again at the same storage version keeps its panels.
// Checked here: results with cache hits equal the uncached call bit for bit (same arithmetic, same
// order) and a float64 reference within the GEMM tolerance, across the blockings (K blocks of 256,
// column blocks of 1024, edge panels of 4 and fewer columns, packed A, batches); every in-place
// write (optimizer updates, assign) and a reshaped view invalidate it, so a stale panel set would
// show as wrong values; dispose frees the panels and eg.memory() counts them. The conv filter cache
// (wasm.ts `packedFilter`, assembly/conv.ts `f32_conv2d_packed`) likewise: every forward path that
// packs the filter (im2col row blocks, groups, pointwise, wide rows) against its uncached result bit
// for bit; the paths that read the filter in place (few channels, depthwise) pack nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { GEMM_TILE, WASM_BUILD } from './util/backends.js';
import { createWasmBackend, type WasmBuf } from '../src/backends/wasm.js';
import { poolWorkerUrl } from './util/pool-worker.js';
import { Rng } from './util/ref.js';

const U32 = 2 ** -24;

function rand(seed: number, n: number): Float32Array {
  const rng = new Rng(seed);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.uniform(-2, 2);
  return v;
}

/** op(a) op(b) in float64 with the error bound the GEMM suite uses. */
function reference(a: Float32Array, b: Float32Array, M: number, N: number, K: number, ta: boolean, tb: boolean, batch: number) {
  const want = new Float64Array(batch * M * N), bound = new Float64Array(batch * M * N);
  for (let p = 0; p < batch; p++) {
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0, abs = 0;
        for (let k = 0; k < K; k++) {
          const x = a[p * M * K + (ta ? k * M + i : i * K + k)], y = b[tb ? j * K + k : k * N + j];
          s += x * y;
          abs += Math.abs(x * y);
        }
        want[p * M * N + i * N + j] = s;
        bound[p * M * N + i * N + j] = 2 * K * U32 * abs + 1e-7;
      }
    }
  }
  return { want, bound };
}

function expectClose(got: Float32Array, want: Float64Array, bound: Float64Array, what: string): void {
  let bad = -1;
  for (let i = 0; i < got.length && bad < 0; i++) if (!(Math.abs(got[i] - want[i]) <= bound[i])) bad = i;
  expect(bad, `${what}: element ${bad} is ${got[bad]}, want ${want[bad]}`).toBe(-1);
}

const packed = () => eg.memory().packedBytes;
/** A variable of `t`'s values; t is disposed (the variable would otherwise share its buffer). */
function variable(t: eg.Tensor): eg.Variable {
  const v = eg.variable(t);
  t.dispose();
  return v;
}

describe(`packed-weight cache (wasm${WASM_BUILD ? ` ${WASM_BUILD}` : ''}${GEMM_TILE ? ` tile ${GEMM_TILE}` : ''})`, () => {
  beforeAll(async () => {
    await eg.init({ backend: 'wasm', wasmBuild: (WASM_BUILD as 'simd' | 'relaxed' | undefined) ?? 'auto', ...(GEMM_TILE ? { gemmTile: GEMM_TILE as '4x8' } : {}) });
  });
  afterAll(() => { expect(packed()).toBe(0); });

  // [M, N, K, transA, transB, batch of A (B broadcast)]
  const SHAPES: [number, number, number, boolean, boolean, number][] = [
    [1, 10, 16, false, false, 1], // one row: B read in place when uncached
    [7, 3, 5, false, false, 1], // N < 4: one 4-wide edge panel
    [9, 12, 300, false, false, 1], // K over one block; N = 8 + 4
    [64, 128, 784, false, false, 1], // the bench shape: packed A, 4 K blocks
    [33, 1030, 20, false, false, 1], // two column blocks (1024 + 6)
    [20, 37, 70, false, true, 1], // B stored [N, K]
    [16, 40, 600, true, false, 1], // A stored [K, M]
    [5, 21, 260, true, true, 1],
    [6, 19, 33, false, false, 3], // batched A, one B
  ];
  for (const [M, N, K, ta, tb, batch] of SHAPES) {
    it(`hits equal the uncached call bit for bit: ${M}x${N}x${K} ${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}${batch > 1 ? ` batch ${batch}` : ''}`, () => {
      const av = rand(M * 7 + N, batch * M * K), bv = rand(K * 3 + N, K * N), biasV = rand(N, N);
      const aShape = [...(batch > 1 ? [batch] : []), ...(ta ? [K, M] : [M, K])];
      const a = eg.tensor(av, aShape), b = eg.tensor(bv, tb ? [N, K] : [K, N]), bias = eg.tensor(biasV, [N]);
      const before = packed();
      const opts = { transposeA: ta, transposeB: tb };
      const first = eg.matmul(a, b, opts).dataSync() as Float32Array; // records the version
      expect(packed()).toBe(before);
      const second = eg.matmul(a, b, opts).dataSync() as Float32Array; // packs, then runs on the panels
      expect(packed()).toBeGreaterThanOrEqual(before + 4 * K * N);
      const third = eg.matmul(a, b, opts).dataSync() as Float32Array; // a hit
      expect(Array.from(second)).toEqual(Array.from(first));
      expect(Array.from(third)).toEqual(Array.from(first));
      const { want, bound } = reference(av, bv, M, N, K, ta, tb, batch);
      expectClose(third, want, bound, 'cached matmul');
      // the fused epilogue on the same panels
      const fusedOff = eg.tidy(() => eg.fusedMatmul(a, eg.tensor(bv, [...b.shape]), eg.tensor(biasV, [N]), { ...opts, activation: 'relu' }).dataSync());
      const fusedOn = eg.fusedMatmul(a, b, bias, { ...opts, activation: 'relu' }).dataSync();
      expect(Array.from(fusedOn)).toEqual(Array.from(fusedOff));
      b.dispose();
      expect(packed()).toBe(before);
      eg.dispose([a, bias]);
    });
  }

  it('an optimizer step invalidates the panels (a stale set would give the old product)', () => {
    const x = eg.tensor(rand(1, 8 * 40), [8, 40]);
    const w = variable(eg.tensor(rand(2, 40 * 24), [40, 24]));
    const product = () => eg.matmul(x, w).dataSync() as Float32Array;
    const fresh = () => eg.tidy(() => eg.matmul(x, eg.tensor(w.dataSync(), [...w.shape])).dataSync() as Float32Array);
    for (const opt of [eg.optimizers.sgd({ learningRate: 0.5 }), eg.optimizers.adam({ learningRate: 0.5 }), eg.optimizers.sgd({ learningRate: 0.5, momentum: 0.9 })]) {
      product(); product();
      const cached = product();
      expect(packed()).toBeGreaterThan(0);
      eg.tidy(() => opt.apply([w], [eg.onesLike(w)]));
      const after = product();
      const want = fresh();
      expect(Array.from(after)).toEqual(Array.from(want));
      expect(Array.from(after)).not.toEqual(Array.from(cached));
      // and the new version is cached in turn
      product();
      expect(Array.from(product())).toEqual(Array.from(want));
    }
    w.dispose();
    x.dispose();
  });

  it('assign replaces the panels; the tensor assigned from keeps its own', () => {
    const x = eg.tensor(rand(3, 4 * 16), [4, 16]);
    const w = variable(eg.tensor(rand(4, 16 * 9), [16, 9]));
    const other = eg.tensor(rand(5, 16 * 9), [16, 9]);
    eg.matmul(x, w).dispose(); eg.matmul(x, w).dispose();
    const old = eg.matmul(x, w).dataSync();
    w.assign(other);
    const want = eg.tidy(() => eg.matmul(x, eg.tensor(other.dataSync(), [16, 9])).dataSync());
    for (let i = 0; i < 3; i++) expect(Array.from(eg.matmul(x, w).dataSync())).toEqual(Array.from(want));
    expect(Array.from(want)).not.toEqual(Array.from(old));
    // w and other now share one buffer; an update of w copies it first (copy on write), so other's
    // cached panels stay right for other and w's new values are seen.
    eg.tidy(() => eg.optimizers.sgd({ learningRate: 1 }).apply([w], [eg.onesLike(w)]));
    expect(Array.from(eg.matmul(x, other).dataSync())).toEqual(Array.from(want));
    const wantW = eg.tidy(() => eg.matmul(x, eg.tensor(w.dataSync(), [16, 9])).dataSync());
    expect(Array.from(eg.matmul(x, w).dataSync())).toEqual(Array.from(wantW));
    eg.dispose([x, w, other]);
  });

  it('a reshaped view of a cached operand is not served the old panels', () => {
    const w = eg.tensor(rand(6, 12 * 20), [12, 20]);
    const x = eg.tensor(rand(7, 3 * 12), [3, 12]);
    for (let i = 0; i < 3; i++) eg.matmul(x, w).dispose();
    const v = w.reshape([20, 12]);
    const y = eg.tensor(rand(8, 3 * 20), [3, 20]);
    const want = eg.tidy(() => eg.matmul(y, eg.tensor(w.dataSync(), [20, 12])).dataSync());
    for (let i = 0; i < 3; i++) expect(Array.from(eg.matmul(y, v).dataSync())).toEqual(Array.from(want));
    eg.dispose([w, x, v, y]);
  });

  it('a dense model: predict hits the cache, fit updates are seen, dispose frees everything', async () => {
    const start = eg.memory();
    const model = eg.sequential([
      eg.layers.dense({ units: 32, activation: 'relu', inputShape: [20] }),
      eg.layers.dense({ units: 5 }),
    ]);
    model.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'meanSquaredError' });
    const x = eg.tensor(rand(9, 64 * 20), [64, 20]), y = eg.tensor(rand(10, 64 * 5), [64, 5]);
    const manual = () => eg.tidy(() => {
      const [w1, b1, w2, b2] = model.weights.map((w) => eg.tensor(w.dataSync(), [...w.shape]));
      return eg.add(eg.matmul(eg.relu(eg.add(eg.matmul(x, w1), b1)), w2), b2).dataSync();
    });
    const p = () => eg.tidy(() => model.predict(x) as eg.Tensor).dataSync();
    p(); p();
    // Panels are the tile's NR columns wide (4x8: 8, 3x12: 12, 4x16: 16): N rounded up to NR.
    const NR = Number(String(eg.features().gemmTile ?? '4x8').split('x')[1]), up = (n: number) => Math.ceil(n / NR) * NR;
    expect(packed()).toBe(4 * (20 * up(32) + 32 * up(8)));
    const before = p();
    expect(Array.from(before)).toEqual(Array.from(manual()));
    await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0 });
    const after = p();
    expect(Array.from(after)).not.toEqual(Array.from(before));
    expect(Array.from(after)).toEqual(Array.from(manual()));
    expect(Array.from(p())).toEqual(Array.from(manual()));
    model.dispose();
    eg.dispose([x, y]);
    const end = eg.memory();
    expect(end.packedBytes).toBe(start.packedBytes);
    expect(end.packedTensors).toBe(start.packedTensors);
  });

  it('worker-run fit steps (the pool writing the weights on the shared memory) invalidate the panels', async () => {
    expect(eg.features().poolMemory).toBe('shared');
    const pool = await eg.createPool({ workers: 2, workerUrl: await poolWorkerUrl() });
    const model = eg.sequential([eg.layers.dense({ units: 6, inputShape: [12], kernelInitializer: { name: 'glorotUniform', seed: 1 } as never })]);
    model.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.2 }), loss: 'meanSquaredError' });
    const x = eg.tensor(rand(15, 64 * 12), [64, 12]), y = eg.tensor(rand(16, 64 * 6), [64, 6]);
    try {
      const p = () => eg.tidy(() => model.predict(x, { batchSize: 64 }) as eg.Tensor).dataSync();
      const manual = () => eg.tidy(() => {
        const [w, b] = model.weights.map((t) => eg.tensor(t.dataSync(), [...t.shape]));
        return eg.add(eg.matmul(x, w), b).dataSync();
      });
      p(); p();
      const before = p();
      expect(packed()).toBeGreaterThan(0);
      await model.fit(x, y, { epochs: 2, batchSize: 32, verbose: 0, pool });
      const after = p();
      expect(Array.from(after)).not.toEqual(Array.from(before));
      expect(Array.from(after)).toEqual(Array.from(manual()));
    } finally {
      await pool.close();
      model.dispose();
      eg.dispose([x, y]);
    }
  }, 60_000);

  // [label, x shape, filter shape, options, whether the path packs the filter]
  const CONVS: [string, number[], number[], eg.Conv2dOptions, boolean][] = [
    // O % 4 != 0 keeps these off the direct forward (which reads the filter in place).
    ['im2col, many row blocks', [4, 13, 13, 16], [3, 3, 16, 30], { activation: 'relu' }, true],
    ['im2col, strides, dilation, same padding', [2, 11, 9, 6], [3, 2, 6, 10], { strides: [2, 1], dilations: [1, 2], padding: 'same' }, true],
    ['Winograd forward (the reference CNN\'s second conv; its transformed filter cached)', [4, 13, 13, 16], [3, 3, 16, 32], { activation: 'relu' }, true],
    ['direct forward (dilated; filter read in place)', [4, 13, 13, 16], [3, 3, 16, 32], { activation: 'relu', dilations: 2 }, false],
    ['two groups', [2, 8, 8, 8], [3, 3, 4, 10], { groups: 2, activation: 'tanh' }, true],
    ['pointwise', [3, 7, 7, 24], [1, 1, 24, 40], {}, true],
    ['wide rows (C > 64, stride 1)', [2, 6, 32, 68], [3, 3, 68, 8], { activation: 'relu' }, true],
    ['few channels (filter read in place)', [2, 10, 10, 1], [3, 3, 1, 16], {}, false],
    ['depthwise groups (filter read in place)', [2, 9, 9, 6], [3, 3, 1, 6], { groups: 6 }, false],
  ];
  for (const [label, xs, ws, opts, packs] of CONVS) {
    it(`conv2d filter cache, ${label}: hits equal the uncached call bit for bit`, () => {
      const n = (sh: number[]) => sh.reduce((a, b) => a * b, 1);
      const x = eg.tensor(rand(n(xs), n(xs)), xs), w = eg.tensor(rand(n(ws) + 1, n(ws)), ws);
      const bias = eg.tensor(rand(3, ws[3]), [ws[3]]);
      const before = packed();
      const conv = () => eg.conv2d(x, w, { ...opts, bias }).dataSync() as Float32Array;
      const first = conv(); // records the filter's version
      expect(packed()).toBe(before);
      const second = conv(); // packs the filter, then runs on its panels
      if (packs) expect(packed()).toBeGreaterThanOrEqual(before + 4 * n(ws));
      else expect(packed()).toBe(before);
      const third = conv();
      expect(Array.from(second)).toEqual(Array.from(first));
      expect(Array.from(third)).toEqual(Array.from(first));
      // and a copy of the filter (never cached) gives the same
      const copy = eg.tidy(() => eg.conv2d(x, eg.tensor(w.dataSync(), ws), { ...opts, bias }).dataSync());
      expect(Array.from(third)).toEqual(Array.from(copy));
      w.dispose();
      expect(packed()).toBe(before);
      eg.dispose([x, bias]);
    });
  }

  it('conv2d filter cache: an optimizer step and assign invalidate the panels; a CNN predict hits them and dispose frees them', () => {
    const x = eg.tensor(rand(20, 2 * 9 * 9 * 8), [2, 9, 9, 8]);
    // 14 filters (O % 4 != 0): im2col + GEMM, which packs the filter (the direct forward reads it in place).
    const w = variable(eg.tensor(rand(21, 3 * 3 * 8 * 14), [3, 3, 8, 14]));
    const conv = () => eg.conv2d(x, w).dataSync() as Float32Array;
    const fresh = () => eg.tidy(() => eg.conv2d(x, eg.tensor(w.dataSync(), [3, 3, 8, 14])).dataSync() as Float32Array);
    conv(); conv();
    const cached = conv();
    expect(packed()).toBeGreaterThan(0);
    eg.tidy(() => eg.optimizers.sgd({ learningRate: 0.5 }).apply([w], [eg.onesLike(w)]));
    const after = conv();
    expect(Array.from(after)).toEqual(Array.from(fresh()));
    expect(Array.from(after)).not.toEqual(Array.from(cached));
    conv();
    expect(Array.from(conv())).toEqual(Array.from(fresh()));
    const other = eg.tensor(rand(22, 3 * 3 * 8 * 14), [3, 3, 8, 14]);
    w.assign(other);
    for (let i = 0; i < 3; i++) expect(Array.from(conv())).toEqual(Array.from(fresh()));
    eg.dispose([x, w, other]);
    expect(packed()).toBe(0);

    const start = eg.memory();
    const m = eg.sequential([
      eg.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [12, 12, 1], seed: 1 }),
      eg.layers.conv2d({ filters: 14, kernelSize: 3, activation: 'relu', seed: 2 }),
      eg.layers.flatten(),
      eg.layers.dense({ units: 4, seed: 3 }),
    ]);
    const xs = eg.tensor(rand(23, 5 * 144), [5, 12, 12, 1]);
    const p = () => eg.tidy(() => m.predict(xs) as eg.Tensor).dataSync();
    const want = p();
    p();
    // the second conv (8 channels in, 14 out: im2col) and the dense kernel; the first (direct) reads its filter in place
    expect(packed() - start.packedBytes).toBeGreaterThanOrEqual(4 * (3 * 3 * 8 * 14 + 8 * 8 * 14 * 4));
    expect(Array.from(p())).toEqual(Array.from(want));
    m.dispose();
    xs.dispose();
    expect(eg.memory().packedBytes).toBe(start.packedBytes);
    expect(eg.memory().packedTensors).toBe(start.packedTensors);
  });

  it('a weight used once per version (training) is never packed ahead', () => {
    const x = eg.tensor(rand(11, 8 * 30), [8, 30]);
    const w = variable(eg.tensor(rand(12, 30 * 10), [30, 10]));
    const opt = eg.optimizers.sgd({ learningRate: 0.01 });
    for (let s = 0; s < 5; s++) {
      eg.tidy(() => {
        const { grads } = eg.valueAndGrads(() => eg.sum(eg.matmul(x, w)), [w]);
        opt.apply([w], grads);
      });
      expect(packed()).toBe(0);
    }
    eg.dispose([x, w]);
  });

  it('a full memory takes the panels back: a tensor that fits only without them is allocated', async () => {
    // A backend of its own (its own memory, up to 4 GiB), driven through its kernel table. The
    // fillers are allocated and never written, so their pages are never touched.
    const b = await createWasmBackend({ build: (WASM_BUILD as 'simd' | 'relaxed' | undefined) ?? 'simd', shared: false, ...(GEMM_TILE ? { gemmTile: GEMM_TILE as '4x8' } : {}) });
    // NOTE: N 48 is a multiple of every tile's panel width (8, 12, 16), so the panels take exactly
    // w's bytes whichever tile the backend's probe picked (under load it may pick any of them).
    const K = 64, N = 48, M = 4;
    const w = b.alloc('float32', K * N), a = b.alloc('float32', M * K), o = b.alloc('float32', M * N);
    b.write(w, rand(13, K * N), 'float32');
    b.write(a, rand(14, M * K), 'float32');
    const info = (buf: WasmBuf, shape: number[], version?: number) => ({ shape, dtype: 'float32' as const, buf, version });
    const mm = () => b.kernels.matmul!([info(a, [1, M, K]), info(w, [1, K, N], 0)], [info(o, [1, M, N])], { transposeA: false, transposeB: false });
    mm(); // records w's version (and allocates the GEMM's scratch)
    const want = Array.from(b.read(o, 'float32', M * N));
    // a hole of the panels' size, then every other free byte filled (blocks of 256 MiB down to 16 bytes)
    const hole = b.alloc('float32', K * N);
    const fillers: WasmBuf[] = [];
    for (let bytes = 2 ** 28; bytes >= 16; bytes /= 2) {
      for (;;) {
        try { fillers.push(b.alloc('float32', bytes / 4)); } catch { break; }
      }
    }
    expect(() => b.alloc('float32', 4)).toThrow(/out of memory/);
    b.free(hole);
    mm(); // packs w into the hole
    expect(b.memory().packedBytes).toBe(4 * K * N);
    const t = b.alloc('float32', K * N); // fits only in the panels' block
    expect(b.memory().packedBytes).toBe(0);
    expect(b.memory().packedTensors).toBe(0);
    // the GEMM runs on (packing again needs memory that is not there: it packs per call as before)
    mm(); mm();
    expect(Array.from(b.read(o, 'float32', M * N))).toEqual(want);
    for (const f of [...fillers, t, w, a, o]) b.free(f);
    b.dispose?.();
  }, 120_000);
});
