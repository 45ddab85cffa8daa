// The GEMM kernels against the js float64 reference: M, N, K swept around the register tile (4x8),
// the K block (256), the row block (128) and the column block (1024) in every transpose form,
// batched and broadcast operands, fusedMatmul's epilogue (bias, activations). fusedMatmul's
// gradients are checked with the gemm family's cases (tests/cases/gemm.ts, tests/gradients.test.ts).
//
// Tolerances: matmul |got - want| <= 2*K*u32 * sum_k |a_ik b_kj| + 1e-7 (as the conformance suite);
// fusedMatmul adds the bias to that scale, 1.2x for the activations' slope (gelu's is at most
// 1.13), plus the activations' own error, rtol 1e-5 and atol 1e-6.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_F64, testBackends, use, values as read } from './util/backends.js';
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

const SWEEP_M = [1, 3, 4, 5, 8, 13, 131];
const SWEEP_N = [1, 3, 4, 5, 7, 8, 9, 17];
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
  GROUPS.push({ name: `fusedMatmul ${activation}: every form, with and without bias, K 0 to 300, batched`, cases, wasmTiling: true });
}

const tolOf = (c: Case) => (c.activation === null
  ? { rtol: 0, atol: 1e-7, stol: 2 * Math.max(c.K, 1) * U32 }
  : { rtol: 1e-5, atol: 1e-6, stol: 1.2 * 2 * (Math.max(c.K, 1) + 1) * U32 });

// ------------------------------------------------------------------------------------ suites

const skipped = (backend: string, g: (typeof GROUPS)[number]) => backend === 'webgpu' && !!g.wasmTiling;

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
  });

  for (const cfg of testBackends()) {
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
