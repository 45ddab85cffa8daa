// The GEMM kernels against the js float64 reference: M, N, K swept around the register tiles (4x8,
// 3x12, 4x16: the wasm backend runs the sweep once per tile), the K block (256), the row block (128)
// and the column block (1024) in every transpose form, batched and broadcast operands,
// fusedMatmul's epilogue (bias, activations), and the packed-weight path (a B seen again). All
// tiles must also agree bit for bit (each sums every element in the same order). fusedMatmul's
// gradients are checked with the gemm family's cases (tests/cases/gemm.ts, tests/gradients.test.ts).
//
// Tolerances: matmul |got - want| <= 2*K*u32 * sum_k |a_ik b_kj| + 1e-7 (as the conformance suite);
// fusedMatmul adds the bias to that scale, 1.2x for the activations' slope (gelu's is at most
// 1.13), plus the activations' own error, rtol 1e-5 and atol 1e-6.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { type BackendConfig, GEMM_TILE, JS_F64, testBackends, use, values as read } from './util/backends.js';
import { hashName } from './util/cases.js';
import { mismatches } from './util/close.js';
import { Rng } from './util/ref.js';

type Activation = 'linear' | 'relu' | 'gelu' | 'sigmoid' | 'tanh';
const U32 = 2 ** -24;
const FORMS = [[false, false], [false, true], [true, false], [true, true]] as const;
const formName = (ta: boolean, tb: boolean) => `${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`;

interface Case {
  name: string;
  /** a and b as stored (transposes applied by the op), bias [N] or null. */
  a: { shape: number[]; values: Float32Array };
  b: { shape: number[]; values: Float32Array };
  bias: Float32Array | null;
  ta: boolean;
  tb: boolean;
  activation: Activation | null;
  K: number;
  want?: Float64Array;
  scale?: Float64Array;
}

function values(rng: Rng, n: number): Float32Array {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.uniform(-2, 2);
  return v;
}

function makeCase(name: string, M: number, N: number, K: number, ta: boolean, tb: boolean, opts: { batchA?: number; batchB?: number; bias?: boolean; activation?: Activation } = {}): Case {
  const rng = new Rng(hashName(name));
  const lead = (n?: number) => (n === undefined ? [] : [n]);
  const aShape = [...lead(opts.batchA), ...(ta ? [K, M] : [M, K])];
  const bShape = [...lead(opts.batchB), ...(tb ? [N, K] : [K, N])];
  return {
    name, ta, tb, K,
    a: { shape: aShape, values: values(rng, aShape.reduce((x, y) => x * y, 1)) },
    b: { shape: bShape, values: values(rng, bShape.reduce((x, y) => x * y, 1)) },
    bias: opts.bias ? values(rng, N) : null,
    activation: opts.activation ?? null,
  };
}

/** Runs the case on the active backend. */
async function run(c: Case, abs = false): Promise<Float64Array> {
  const y = eg.tidy(() => {
    const f = (v: Float32Array) => (abs ? v.map(Math.abs) : v);
    const a = eg.tensor(f(c.a.values), c.a.shape), b = eg.tensor(f(c.b.values), c.b.shape);
    const opts = { transposeA: c.ta, transposeB: c.tb };
    const y = c.activation === null
      ? eg.matmul(a, b, opts)
      : eg.fusedMatmul(a, b, c.bias ? eg.tensor(f(c.bias), [c.bias.length]) : null, { ...opts, activation: abs ? 'linear' : c.activation });
    return y;
  });
  const out = Float64Array.from(await read(y));
  y.dispose();
  return out;
}

// ------------------------------------------------------------------------------------ cases

// Around each tile: rows 1, 3, 4 (MR), 5 (MR + 1), 2 MR, 13, past MC; columns 1, 3, 4, 5, 7, 8, 9,
// 11, 12 (NR 3x12), 13, 15, 16 (NR 4x16), 17, 25.
const SWEEP_M = [1, 2, 3, 4, 5, 8, 13, 131];
const SWEEP_N = [1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 25];
const SWEEP_K = [0, 1, 7, 256, 257];

/**
 * Groups of cases, one test each. `wasmTiling`: the group sweeps the wasm kernel's register tile
 * and blocks; webgpu's tiles and its fused epilogue are swept by tests/webgpu.test.ts, and on
 * SwiftShader each fused variant compiles its own pipeline (about a second), so webgpu skips these.
 */
const GROUPS: { name: string; cases: Case[]; wasmTiling?: boolean }[] = [];

for (const [ta, tb] of FORMS) {
  for (const K of SWEEP_K) {
    const cases: Case[] = [];
    for (const M of SWEEP_M) for (const N of SWEEP_N) cases.push(makeCase(`${formName(ta, tb)} M${M} N${N} K${K}`, M, N, K, ta, tb));
    GROUPS.push({ name: `${formName(ta, tb)} K${K}: M in {${SWEEP_M}} x N in {${SWEEP_N}}`, cases, wasmTiling: true });
  }
  GROUPS.push({
    name: `${formName(ta, tb)} across the blocks: M 130 (MC 128), N 1030 (NC 1024), K 520 (KC 256)`,
    cases: [makeCase(`${formName(ta, tb)} big`, 130, 1030, 520, ta, tb), makeCase(`${formName(ta, tb)} mlp`, 64, 128, 784, ta, tb)],
    wasmTiling: true,
  });
  // wasm's full 4x8 tiles of packed B run four k steps per loop turn (A packed: NN K >= 512, TN
  // M >= 256, with M >= 8, N > 32, K > 64; else A in place), ending after any of them: the last K
  // block 1, 2, 3 and 0 mod 4.
  GROUPS.push({
    name: `${formName(ta, tb)} K 1 to 4 mod 4, A packed (M ${ta ? 260 : 13}, N 44, K 513 to 516) and in place (M 13, N 44, K 65 to 68)`,
    cases: [
      ...[513, 514, 515, 516].map((K) => makeCase(`${formName(ta, tb)} packed A K${K}`, ta ? 260 : 13, 44, K, ta, tb)),
      ...[65, 66, 67, 68].map((K) => makeCase(`${formName(ta, tb)} A in place K${K}`, 13, 44, K, ta, tb)),
    ],
    wasmTiling: true,
  });
  GROUPS.push({
    name: `${formName(ta, tb)} batched: [3] x [3], [3] x [1], [1] x [3]`,
    cases: [
      makeCase(`${formName(ta, tb)} b33`, 5, 9, 11, ta, tb, { batchA: 3, batchB: 3 }),
      makeCase(`${formName(ta, tb)} b31`, 13, 17, 6, ta, tb, { batchA: 3, batchB: 1 }),
      makeCase(`${formName(ta, tb)} b13`, 4, 8, 300, ta, tb, { batchA: 1, batchB: 3 }),
    ],
  });
}

const ACTS: Activation[] = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'];
for (const activation of ACTS) {
  const cases: Case[] = [];
  for (const [ta, tb] of FORMS) {
    for (const bias of [true, false]) {
      for (const [M, N, K] of [[5, 9, 7], [64, 10, 300], [3, 4, 0], [9, 20, 1]]) {
        cases.push(makeCase(`fused ${activation} ${formName(ta, tb)} bias ${bias} ${M}x${K}x${N}`, M, N, K, ta, tb, { bias, activation }));
      }
    }
  }
  cases.push(makeCase(`fused ${activation} batched`, 6, 12, 5, false, false, { batchA: 2, batchB: 1, bias: true, activation }));
  // The MLP's first layer: wasm packs A, runs full 4x8 tiles unrolled over 4 K blocks, relu in registers.
  cases.push(makeCase(`fused ${activation} mlp 64x784x128`, 64, 128, 784, false, false, { bias: true, activation }));
  GROUPS.push({ name: `fusedMatmul ${activation}: every form, with and without bias, K 0 to 300, batched`, cases, wasmTiling: true });
}

const tolOf = (c: Case) => (c.activation === null
  ? { rtol: 0, atol: 1e-7, stol: 2 * Math.max(c.K, 1) * U32 }
  : { rtol: 1e-5, atol: 1e-6, stol: 1.2 * 2 * (Math.max(c.K, 1) + 1) * U32 });

// ------------------------------------------------------------------------------------ suites

const skipped = (backend: string, g: (typeof GROUPS)[number]) => backend === 'webgpu' && !!g.wasmTiling;

/** The GEMM register tiles of the wasm backend (bindings/abi.ts GemmTile). */
const TILES = ['4x8', '3x12', '4x16'] as const;

/** The backends to test, the wasm one once per register tile (unless EDGEGRAD_GEMM_TILE names one). */
function configs(): BackendConfig[] {
  return testBackends().flatMap((cfg) => (cfg.backend !== 'wasm' || GEMM_TILE ? [cfg]
    : TILES.map((t) => ({ ...cfg, label: `${cfg.label} tile ${t}`, options: { ...cfg.options, gemmTile: t } }))));
}

/**
 * The packed-weight path: B (unbatched, so cacheable) used three times with one A; the first call
 * records B's version, the second packs B whole (f32_gemm_pack_b) and runs f32_gemm_packed, the
 * third reuses the panels. Returns the three results, and whether B's panels were cached.
 */
async function runTwice(c: Case): Promise<{ out: Float64Array[]; cached: boolean }> {
  const a = eg.tensor(c.a.values, c.a.shape), b = eg.tensor(c.b.values, c.b.shape);
  const bias = c.bias ? eg.tensor(c.bias, [c.bias.length]) : null;
  const out: Float64Array[] = [];
  const before = eg.memory().packedTensors ?? 0;
  let cached = false;
  for (let i = 0; i < 3; i++) {
    const opts = { transposeA: c.ta, transposeB: c.tb };
    const y = c.activation === null ? eg.matmul(a, b, opts) : eg.fusedMatmul(a, b, bias, { ...opts, activation: c.activation });
    out.push(Float64Array.from(await read(y)));
    y.dispose();
    cached ||= (eg.memory().packedTensors ?? 0) > before;
  }
  eg.dispose(bias ? [a, b, bias] : [a, b]);
  return { out, cached };
}

const PACKED: Case[] = [];
for (const [ta, tb] of FORMS) {
  for (const [M, N, K] of [[1, 13, 7], [5, 25, 300], [7, 11, 257], [13, 16, 33], [64, 40, 64], [3, 1030, 9]]) {
    PACKED.push(makeCase(`packed ${formName(ta, tb)} ${M}x${K}x${N}`, M, N, K, ta, tb));
  }
  PACKED.push(makeCase(`packed fused gelu ${formName(ta, tb)}`, 9, 20, 70, ta, tb, { bias: true, activation: 'gelu' }));
  PACKED.push(makeCase(`packed fused relu batched A ${formName(ta, tb)}`, 6, 12, 5, ta, tb, { batchA: 2, bias: true, activation: 'relu' }));
}

describe('gemm kernels vs the js float64 reference', () => {
  beforeAll(async () => {
    await use(JS_F64);
    for (const g of GROUPS) {
      if (testBackends().every((cfg) => skipped(cfg.backend, g))) continue;
      for (const c of g.cases) {
        c.want = await run(c);
        // The error scale: the same product on absolute values, bias included, no activation.
        c.scale = await run(c, true);
      }
    }
    for (const c of PACKED) {
      c.want = await run(c);
      c.scale = await run(c, true);
    }
  });

  for (const cfg of configs()) {
    describe(cfg.label, () => {
      beforeAll(() => use(cfg));
      for (const g of GROUPS) {
        const skip = skipped(cfg.backend, g);
        it.skipIf(skip)(skip ? `${g.name} (wasm tiling sweep; webgpu's: tests/webgpu.test.ts)` : g.name, async () => {
          const bad: string[] = [];
          for (const c of g.cases) {
            const m = mismatches(await run(c), c.want!, tolOf(c), c.scale, 2);
            if (m.length) bad.push(`${c.name}: ${m.join('; ')}`);
          }
          expect(bad).toEqual([]);
        });
      }
      const noCache = cfg.backend !== 'wasm';
      it.skipIf(noCache)(`the packed-weight path (a B seen again) in every form, fused and batched${noCache ? ' (the packed-weight cache is the wasm backend\'s only)' : ''}`, async () => {
        const bad: string[] = [];
        for (const c of PACKED) {
          const { out: got, cached } = await runTwice(c);
          if (!cached) bad.push(`${c.name}: B was never packed ahead (the packed path did not run)`);
          for (const [i, y] of got.entries()) {
            const m = mismatches(y, c.want!, tolOf(c), c.scale, 2);
            if (m.length) bad.push(`${c.name} call ${i + 1}: ${m.join('; ')}`);
          }
          // The cached panels give the same bits as packing per call.
          if (got[1].some((v, i) => !Object.is(v, got[0][i]))) bad.push(`${c.name}: the packed path differs from the first call`);
        }
        expect(bad).toEqual([]);
      });

      it('fusedMatmul equals the composed ops, act(matmul + bias)', async () => {
        const rng = new Rng(7);
        for (const activation of ACTS) {
          const [fused, composed, scale] = eg.tidy(() => {
            const a = eg.tensor(values(rng, 6 * 33), [6, 33]), b = eg.tensor(values(rng, 13 * 33), [13, 33]);
            const bias = eg.tensor(values(rng, 13), [13]);
            const fused = eg.fusedMatmul(a, b, bias, { transposeB: true, activation });
            const z = eg.add(eg.matmul(a, b, { transposeB: true }), bias);
            const composed = activation === 'linear' ? z : eg[activation](z);
            const scale = eg.add(eg.matmul(eg.abs(a), eg.abs(b), { transposeB: true }), eg.abs(bias));
            return [fused, composed, scale];
          });
          expect(mismatches(await read(fused), await read(composed), { rtol: 1e-5, atol: 1e-6, stol: 1.2 * 4 * 34 * U32 }, await read(scale))).toEqual([]);
          eg.dispose([fused, composed, scale]);
        }
      });
      it('fusedMatmul validates its operands', () => {
        const a = eg.zeros([2, 3]), b = eg.zeros([3, 4]);
        expect(() => eg.fusedMatmul(a, b, eg.zeros([3]))).toThrow(/bias must have shape \[4\]/);
        expect(() => eg.fusedMatmul(a, b, null, { activation: 'swish' as Activation })).toThrow(/unknown activation 'swish'/);
        expect(() => eg.fusedMatmul(a, a)).toThrow(/inner dimensions/);
        expect(eg.fusedMatmul(a, b).shape).toEqual([2, 4]);
        eg.dispose([a, b]);
      });
    });
  }
});

describe('gemm register tiles (wasm)', () => {
  const wasm = testBackends().find((c) => c.backend === 'wasm');
  const init = (tile?: string) => eg.init({ ...(wasm?.options ?? {}), ...(tile ? { gemmTile: tile } : {}) } as Parameters<typeof eg.init>[0]);

  const noWasm = wasm ? '' : ' (no wasm backend in EDGEGRAD_TEST_BACKENDS)';
  it.skipIf(!wasm)(`every tile gives the same bits as 4x8 (sweep, blocks, fused epilogue)${noWasm}`, async () => {
    const cases = GROUPS.filter((g) => g.wasmTiling).flatMap((g) => g.cases).filter((_, i) => i % 3 === 0);
    const results: Record<string, Float64Array[]> = {};
    for (const t of TILES) {
      await init(t);
      expect(eg.features().gemmTile).toBe(t);
      results[t] = [];
      for (const c of cases) results[t].push(await run(c));
    }
    const bad: string[] = [];
    for (const t of TILES) {
      for (const [i, c] of cases.entries()) {
        if (results[t][i].some((v, j) => !Object.is(v, results['4x8'][i][j]))) bad.push(`${t} ${c.name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.skipIf(!wasm || !!GEMM_TILE)(`the default times the tiles at start and says so in features()${noWasm || (GEMM_TILE ? ' (EDGEGRAD_GEMM_TILE names one)' : '')}`, async () => {
    await init();
    const f = eg.features();
    expect(TILES).toContain(f.gemmTile);
    expect(f.gemmTileChoice).toMatch(/^(timed at start in|the default: the timing at start ran past 30 ms .*; so far) [\d.]+ ms: 4x8 [\d.]+, 4x16 [\d.]+, 3x12 [\d.]+ GFLOP\/s$/);
    await init('3x12');
    expect(eg.features()).toMatchObject({ gemmTile: '3x12', gemmTileChoice: 'requested' });
  });

  it('init refuses an unknown gemmTile, naming the choices', async () => {
    await expect(eg.init({ backend: 'wasm', gemmTile: '6x8' as never })).rejects.toThrow(/gemmTile must be 'auto', '4x8', '3x12', '4x16'; got "6x8"/);
  });
});
