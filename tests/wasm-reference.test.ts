// The reference build: its exports, and the shipped SIMD kernels against its `_scalar` references
// (f64 math, as the js backend) on the same memory. Sizes sweep the 4-lane width and the 4x8 GEMM tile.
//
// Tolerances (as tests/conformance.test.ts): arithmetic rtol 1e-6; transcendental rtol 1e-5, atol 1e-6;
// gemm |got - want| <= 2*K*u32 * sum_k |a_ik b_kj| + 1e-7.
import { describe, expect, it } from 'vitest';
import { KERNEL_EXPORTS, REFERENCE_EXPORTS, type ReferenceKernels } from '../bindings/abi.js';
import { Arena } from '../bindings/arena.js';
import { wasmBase64 } from '../bindings/wasm-reference.gen.js';
import { erf, Rng } from './util/ref.js';

const module = new WebAssembly.Module(Buffer.from(wasmBase64, 'base64'));
const memory = new WebAssembly.Memory({ initial: 32 });
const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ReferenceKernels;
const arena = new Arena(memory, k.heap_base());

function put(v: Float32Array): number {
  const p = arena.alloc(4 * Math.max(v.length, 1));
  arena.f32().set(v, p >> 2);
  return p;
}
const get = (p: number, n: number) => arena.f32().slice(p >> 2, (p >> 2) + n);

function close(got: Float32Array, want: Float32Array, rtol: number, atol: number, scale?: Float64Array): string[] {
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const w = want[i], g = got[i];
    if (Number.isNaN(w) ? Number.isNaN(g) : g === w || Math.abs(g - w) <= atol + rtol * Math.abs(w) + (scale?.[i] ?? 0)) continue;
    bad.push(`[${i}] got ${g}, want ${w}`);
  }
  return bad.slice(0, 5);
}

describe('reference build', () => {
  it('exports every shipped kernel plus the scalar references', () => {
    const names = WebAssembly.Module.exports(module).map((e) => e.name).sort();
    expect(names).toEqual([...KERNEL_EXPORTS, ...REFERENCE_EXPORTS].sort());
  });

  const ARITH = { rtol: 1e-6, atol: 1e-12 }, TRANS = { rtol: 1e-5, atol: 1e-6 };
  const UNARY: [string, { rtol: number; atol: number }, number, number][] = [
    ['neg', ARITH, -4, 4], ['sqrt', ARITH, 0, 9], ['square', ARITH, -4, 4], ['abs', ARITH, -4, 4],
    ['sign', ARITH, -4, 4], ['reciprocal', ARITH, 0.1, 4], ['relu', ARITH, -4, 4],
    ['exp', TRANS, -20, 20], ['log', TRANS, 1e-3, 1e3], ['sigmoid', TRANS, -20, 20], ['tanh', TRANS, -10, 10],
    ['gelu', TRANS, -8, 8],
  ];
  for (const [op, tol, lo, hi] of UNARY) {
    it(`f32_${op} matches f32_${op}_scalar`, () => {
      const rng = new Rng(op.length * 7919);
      for (const n of [0, 1, 3, 4, 5, 31, 33, 257]) {
        const x = Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
        if (n > 2) { x[0] = 0; x[1] = -0; x[2] = NaN; }
        const px = put(x), pv = arena.alloc(4 * n + 4), ps = arena.alloc(4 * n + 4);
        (k[`f32_${op}` as 'f32_neg'])(px, pv, n);
        (k[`f32_${op}_scalar` as 'f32_neg_scalar'])(px, ps, n);
        expect(close(get(pv, n), get(ps, n), tol.rtol, tol.atol), `${op} n=${n}`).toEqual([]);
      }
    });
  }

  // f32_gelu and f32_gelu_grad run two vectors a loop turn and the tail (< 8 elements) one at a time.
  it('f32_gelu and f32_gelu_grad: loop and tail give each element the bits of a call on it alone; the gradient matches its float64 formula', () => {
    const rng = new Rng(4099);
    const dGelu = (v: number) => 0.5 * (1 + erf(v / Math.SQRT2)) + v * Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
    for (const n of [1, 7, 8, 9, 15, 16, 17, 33]) {
      const x = Float32Array.from({ length: n }, () => rng.uniform(-8, 8)), dy = Float32Array.from({ length: n }, () => rng.uniform(-2, 2));
      const px = put(x), pdy = put(dy), pg = arena.alloc(4 * n), pd = arena.alloc(4 * n), p1 = arena.alloc(16);
      k.f32_gelu(px, pg, n);
      k.f32_gelu_grad(pdy, px, pd, n);
      const g = get(pg, n), d = get(pd, n), g1 = new Float32Array(n), d1 = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        k.f32_gelu(px + 4 * i, p1, 1); g1[i] = get(p1, 1)[0];
        k.f32_gelu_grad(pdy + 4 * i, px + 4 * i, p1, 1); d1[i] = get(p1, 1)[0];
      }
      expect([...g], `gelu n=${n}`).toEqual([...g1]);
      expect([...d], `gelu_grad n=${n}`).toEqual([...d1]);
      const want = Float32Array.from(x, (v, i) => dy[i] * dGelu(v));
      expect(close(d, want, TRANS.rtol, TRANS.atol), `gelu_grad n=${n}`).toEqual([]);
    }
  });

  it('f32_leaky_relu and f32_clip match their scalar references', () => {
    const rng = new Rng(17);
    const n = 37, x = Float32Array.from({ length: n }, () => rng.uniform(-4, 4));
    const px = put(x), pv = arena.alloc(4 * n), ps = arena.alloc(4 * n);
    k.f32_leaky_relu(px, pv, n, 0.2); k.f32_leaky_relu_scalar(px, ps, n, 0.2);
    expect(close(get(pv, n), get(ps, n), ARITH.rtol, ARITH.atol)).toEqual([]);
    k.f32_clip(px, pv, n, -1.5, 2.5); k.f32_clip_scalar(px, ps, n, -1.5, 2.5);
    expect(close(get(pv, n), get(ps, n), 0, 0)).toEqual([]);
  });

  for (const [ta, tb] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
    it(`f32_gemm_${ta ? 't' : 'n'}${tb ? 't' : 'n'} matches f32_gemm_scalar around the 4x8 tile`, () => {
      const gemm = k[`f32_gemm_${ta ? 't' : 'n'}${tb ? 't' : 'n'}` as 'f32_gemm_nn'];
      const rng = new Rng(101 + 2 * ta + tb);
      for (const [M, N, K] of [[1, 1, 1], [3, 7, 5], [4, 8, 4], [5, 9, 17], [8, 16, 3], [13, 33, 260]]) {
        const a = Float32Array.from({ length: M * K }, () => rng.uniform(-2, 2));
        const b = Float32Array.from({ length: K * N }, () => rng.uniform(-2, 2));
        const lda = ta ? M : K, ldb = tb ? K : N;
        const pa = put(a), pb = put(b), pv = arena.alloc(4 * M * N), ps = arena.alloc(4 * M * N);
        const work = arena.alloc(k.f32_gemm_work_bytes(M, N, K));
        gemm(pa, pb, pv, M, N, K, lda, ldb, N, 1, 0, 0, 0, 0, 0, work);
        k.f32_gemm_scalar(pa, pb, ps, M, N, K, lda, ldb, N, 1, 0, 0, 0, ta, tb);
        const scale = new Float64Array(M * N);
        for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
          let s = 0;
          for (let q = 0; q < K; q++) s += Math.abs(a[ta ? q * M + i : i * K + q] * b[tb ? j * K + q : q * N + j]);
          scale[i * N + j] = 2 * K * 2 ** -24 * s;
        }
        expect(close(get(pv, M * N), get(ps, M * N), 0, 1e-7, scale), `M=${M} N=${N} K=${K}`).toEqual([]);
      }
    });
  }
});
