// Edge values every backend must give alike, run (as tests/conformance.test.ts) on the js float64
// reference and on each backend under test (EDGEGRAD_TEST_BACKENDS, EDGEGRAD_WASM_BUILD):
//
// - softmax, logSoftmax and the fused losses at ±Infinity, NaN and underflow, and their gradients
//   there. The semantics (src/kernels.ts, the softmax entry) are IEEE arithmetic on
//   m = max(row) (NaN wins), e = exp(x - m), s = sum(e): softmax = e / s,
//   logSoftmax = (x - m) - log(s). So a row that is all -Infinity, or holds +Infinity or NaN, is
//   NaN throughout; a -Infinity next to a finite max gives exactly 0 (logSoftmax -Infinity); a
//   probability below float32's range is exactly 0. In the cross-entropy losses a term whose
//   label is exactly 0 is skipped (0 · log 0 = 0), whatever its logit.
// - int32 arithmetic wraps as two's complement (Math.imul, Int32Array stores) on every backend.
//
// Float32 backends are compared with the float64 value rounded to float32 (rtol 1e-5 + atol 1e-6
// for probabilities, as the conformance softmax family): where that is exactly 0 the backend must
// give exactly 0, where it is a float32 subnormal the backend may give it (to 1e-3) or 0 (wasm and
// GPUs flush results below ~2^-126.5 to 0; the js backend rounds exp's double).
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_F64, testBackends, use, values, type BackendConfig } from './util/backends.js';

type Tensor = ReturnType<typeof eg.tensor>;

const INF = Infinity;
const FLT_MIN = 2 ** -126;

// ------------------------------------------------------------------------ float64 references

const rowMax = (row: number[]) => row.reduce((a, v) => (Number.isNaN(a) || Number.isNaN(v) ? NaN : Math.max(a, v)), -INF);
function softmaxRow(row: number[]): number[] {
  const m = rowMax(row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}
function logSoftmaxRow(row: number[]): number[] {
  const m = rowMax(row);
  const l = Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
  return row.map((v) => v - m - l);
}
const rowsOf = (x: number[], C: number) => Array.from({ length: x.length / C }, (_, r) => x.slice(r * C, (r + 1) * C));
const byRow = (f: (row: number[]) => number[]) => (x: number[], C: number) => rowsOf(x, C).flatMap(f);
/** Per-row loss -sum over labels != 0 of y · logSoftmax. */
const ceRows = (labels: number[], logits: number[], C: number) => {
  const ls = rowsOf(logits, C).map(logSoftmaxRow), ys = rowsOf(labels, C);
  return ys.map((y, r) => y.reduce((a, v, c) => (v === 0 ? a : a - v * ls[r][c]), 0));
};
const meanOf = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

// ------------------------------------------------------------------------ comparison

/** Mismatch lines for got vs the float64 `want` (rounded to float32 unless the backend is float64). */
function compare(got: ArrayLike<number>, want: readonly number[], float64: boolean, rtol = float64 ? 1e-10 : 1e-5, atol = float64 ? 1e-12 : 1e-6): string[] {
  if (got.length !== want.length) return [`length ${got.length}, expected ${want.length}`];
  const out: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const w = float64 ? want[i] : Math.fround(want[i]), g = got[i];
    let ok: boolean;
    if (Number.isNaN(w)) ok = Number.isNaN(g);
    else if (!Number.isFinite(w) || w === 0) ok = g === w;
    else if (!float64 && Math.abs(w) < FLT_MIN) ok = g === 0 || Math.abs(g - w) <= 1e-3 * Math.abs(w) + 2 ** -149;
    else ok = Math.abs(g - w) <= atol + rtol * Math.abs(w);
    if (!ok && out.length < 6) out.push(`[${i}] got ${g}, expected ${w}`);
  }
  return out;
}

const f32 = (xs: number[]) => xs.map(Math.fround);

// ------------------------------------------------------------------------ softmax cases

interface RowCase { name: string; C: number; x: number[] }
const rng = (() => { let s = 12345; return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32); })();
/** A row of C values in [-5, 5) with `specials` written at fixed positions. */
const mixed = (C: number, specials: Record<number, number>) =>
  f32(Array.from({ length: C }, (_, c) => (c in specials ? specials[c] : -5 + 10 * rng())));

const SOFTMAX_ROWS: RowCase[] = ([] as RowCase[]).concat([
  ...[1, 2, 3, 4, 5, 8, 9, 33, 100].map((C) => ({ name: `all -Infinity, C ${C}`, C, x: new Array(C).fill(-INF) })),
  { name: '[-Inf, 0]', C: 2, x: [-INF, 0] },
  { name: '[0, -Inf]', C: 2, x: [0, -INF] },
  { name: '[0, -200] (underflows)', C: 2, x: [0, -200] },
  { name: 'size-1 axis: finite', C: 1, x: [5] },
  { name: 'size-1 axis: -1e30', C: 1, x: [Math.fround(-1e30)] },
  { name: 'size-1 axis: -Infinity', C: 1, x: [-INF] },
  { name: 'size-1 axis: +Infinity', C: 1, x: [INF] },
  { name: 'size-1 axis: NaN', C: 1, x: [NaN] },
  { name: '+Infinity in the row', C: 3, x: [0, INF, 1] },
  { name: 'two +Infinity', C: 2, x: [INF, INF] },
  { name: 'NaN in the row', C: 3, x: [-INF, NaN, 0] },
  { name: 'NaN and +Infinity, C 33', C: 33, x: mixed(33, { 3: NaN, 20: INF }) },
  { name: '+Infinity, C 100', C: 100, x: mixed(100, { 77: INF }) },
  { name: 'huge gaps: -3.4e38, -1e30, -200 next to 0', C: 4, x: f32([-3.4e38, -1e30, -200, 0]) },
  { name: 'max 3e38 with -3e38 (x - max overflows to -Infinity)', C: 2, x: f32([3e38, -3e38]) },
  // x - max around the float32 subnormal range: 0 or correct subnormals; below e^-104, exactly 0.
  { name: 'subnormal range', C: 12, x: [0, -80, -87, -87.3, -87.4, -87.6, -87.8, -88, -90, -100, -103, -104.5] },
  { name: 'subnormal range, max 10', C: 9, x: [10, -77.5, -77.4, -78, -80, -90, -93, -94, -120] },
  ...[5, 8, 9, 17, 33, 37, 100].map((C) => ({
    name: `-Infinity, -1e30 and -200 among finite values, C ${C}`, C,
    x: mixed(C, { 0: -INF, [C - 1]: -INF, [C >> 1]: -200, [C >> 2]: Math.fround(-1e30), 1: -INF }),
  })),
]).map((c) => ({ ...c, x: f32(c.x) }));

const BATCH: { C: number; x: number[] } = (() => {
  // rows of every kind in one tensor, so no row's specials leak into another's
  const rows = [[-INF, -INF, -INF, -INF, -INF], [0, -INF, 1, -200, 2], [INF, 0, 0, 0, 0], [NaN, 0, 0, 0, 0], [0, -100, -88, -INF, 3]];
  return { C: 5, x: rows.flat() };
})();

// ------------------------------------------------------------------------ loss cases

interface LossCase { name: string; C: number; labels: number[]; logits: number[] }
const CE: LossCase[] = ([] as LossCase[]).concat([
  { name: 'label 0 on a -Infinity logit is skipped', C: 2, labels: [0, 1], logits: [-INF, 0] },
  { name: 'label 1 on a -Infinity logit gives +Infinity', C: 2, labels: [1, 0], logits: [-INF, 0] },
  { name: 'soft label on a -Infinity logit gives +Infinity', C: 2, labels: [0.5, 0.5], logits: [-INF, 0] },
  { name: 'all -Infinity logits give NaN', C: 2, labels: [0.5, 0.5], logits: [-INF, -INF] },
  { name: 'all -Infinity logits, all labels 0: every term skipped, 0', C: 3, labels: [0, 0, 0], logits: [-INF, -INF, -INF] },
  { name: '+Infinity logit gives NaN', C: 3, labels: [0, 1, 0], logits: [INF, 0, 0] },
  { name: 'NaN logit with label 0 still makes the row NaN', C: 3, labels: [0, 1, 0], logits: [NaN, 0, 0] },
  { name: 'size-1 axis: finite', C: 1, labels: [1], logits: [7] },
  { name: 'size-1 axis: -Infinity', C: 1, labels: [1], logits: [-INF] },
  { name: 'underflowing logits with label 0', C: 4, labels: [0, 0, 1, 0], logits: f32([-200, -1e30, 0.5, -3.4e38]) },
  { name: 'label 1 on a logit 200 below the max', C: 3, labels: [1, 0, 0], logits: [-200, 0, 0] },
  {
    name: 'C 37 and 100: -Infinity logits with label 0, one-hot elsewhere', C: 37,
    labels: Array.from({ length: 37 }, (_, c) => +(c === 20)),
    logits: mixed(37, { 0: -INF, 5: -INF, 36: -INF, 33: -200 }),
  },
  {
    name: 'C 100 soft labels, -Infinity where the label is 0', C: 100,
    labels: Array.from({ length: 100 }, (_, c) => (c % 10 === 3 ? 0.1 : 0)),
    // labelled logits finite, every seventh of the others -Infinity
    logits: mixed(100, Object.fromEntries(Array.from({ length: 100 }, (_, c) => c)
      .filter((c) => c % 10 === 3 || c % 7 === 0).map((c) => [c, c % 10 === 3 ? Math.fround(-1 + 0.01 * c) : -INF]))),
  },
]).map((c) => ({ ...c, labels: f32(c.labels), logits: f32(c.logits) }));

interface SparseCase { name: string; C: number; label: number; logits: number[] }
const SPARSE: SparseCase[] = [
  { name: 'label on the finite logit next to -Infinity', C: 2, label: 1, logits: [-INF, 0] },
  { name: 'label on a -Infinity logit gives +Infinity', C: 2, label: 0, logits: [-INF, 0] },
  { name: 'all -Infinity gives NaN', C: 3, label: 1, logits: [-INF, -INF, -INF] },
  { name: '+Infinity elsewhere gives NaN', C: 3, label: 1, logits: [INF, 0, 0] },
  { name: 'NaN elsewhere gives NaN', C: 3, label: 1, logits: [NaN, 0, 0] },
  { name: 'size-1 axis: finite gives 0', C: 1, label: 0, logits: [3] },
  { name: 'size-1 axis: -Infinity gives NaN', C: 1, label: 0, logits: [-INF] },
  { name: 'label on a logit 200 below the max', C: 3, label: 0, logits: [-200, 0, 0] },
  { name: 'C 100 with -Infinity and -1e30 logits', C: 100, label: 50, logits: mixed(100, { 0: -INF, 99: -INF, 7: Math.fround(-1e30) }) },
];

// ------------------------------------------------------------------------ int32 cases

const I32_MAX = 2147483647, I32_MIN = -2147483648;
const wrap = (v: bigint) => Number(BigInt.asIntN(32, v));
const A = [123456789, I32_MAX, I32_MIN, 65536, -1, 46341, I32_MAX, -123456789, 3, I32_MIN];
const B = [987654321, I32_MAX, -1, 65536, I32_MIN, 46341, -I32_MAX, 987654321, 0, I32_MIN];
const bigOp = (f: (a: bigint, b: bigint) => bigint) => (a: number[], b: number[]) => a.map((v, i) => wrap(f(BigInt(v), BigInt(b[i]))));

// ------------------------------------------------------------------------ the suite

const CONFIGS: BackendConfig[] = [JS_F64, ...testBackends()];

const make = (x: number[], shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
  eg.tensor(dtype === 'int32' ? Int32Array.from(x) : Float32Array.from(x), shape, dtype);

async function read(t: Tensor): Promise<number[]> {
  const v = Array.from(await values(t));
  t.dispose();
  return v;
}

for (const cfg of CONFIGS) {
  describe(`edge values on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));

    describe('softmax and logSoftmax', () => {
      for (const [op, ref] of [['softmax', softmaxRow], ['logSoftmax', logSoftmaxRow]] as const) {
        const run = (t: Tensor, axis?: number) => (axis === undefined ? eg[op](t) : eg[op](t, axis));
        it(`${op}: special rows, each alone and three times in one tensor`, async () => {
          const problems: string[] = [];
          for (const c of SOFTMAX_ROWS) {
            for (const rows of [1, 3]) {
              const x = Array.from({ length: rows }, () => c.x).flat();
              const got = await read(run(make(x, [rows, c.C])));
              for (const p of compare(got, byRow(ref)(x, c.C), cfg.float64)) problems.push(`${c.name} x${rows}: ${p}`);
            }
          }
          expect(problems).toEqual([]);
        });

        it(`${op}: rows of every kind in one tensor; along axis 0; a 1-D tensor`, async () => {
          const problems: string[] = [];
          const { x, C } = BATCH;
          problems.push(...compare(await read(run(make(x, [x.length / C, C]))), byRow(ref)(x, C), cfg.float64).map((p) => `batch: ${p}`));
          // axis 0 of [C, rows] is each row of the batch laid out as a column
          const R = x.length / C;
          const xt = Array.from({ length: x.length }, (_, i) => x[(i % R) * C + Math.floor(i / R)]);
          const want = byRow(ref)(x, C);
          const wantT = Array.from({ length: x.length }, (_, i) => want[(i % R) * C + Math.floor(i / R)]);
          problems.push(...compare(await read(run(make(xt, [C, R]), 0)), wantT, cfg.float64).map((p) => `axis 0: ${p}`));
          problems.push(...compare(await read(run(make([-INF, -INF, -INF], [3]))), [NaN, NaN, NaN], cfg.float64).map((p) => `1-D: ${p}`));
          expect(problems).toEqual([]);
        });
      }

      it('softmax and exp sweep x - max over [-110, 0]: ulp-accurate while normal, then subnormal or 0, then exactly 0', async () => {
        // rows of 8 (the SIMD path) [0, x, ...]; wasm's softmax exp flushes below e^-87.68 (about 2^-126.5),
        // a GPU below e^-87.34; SwiftShader's exp is ~63 ulp off (rtol 1e-5 as the softmax family)
        const C = 8, N = 2048;
        const xs = f32(Array.from({ length: N * (C - 1) }, (_, i) => -110 + (110 * i) / (N * (C - 1))));
        const x = Array.from({ length: N }, (_, r) => [0, ...xs.slice(r * (C - 1), (r + 1) * (C - 1))]).flat();
        const rtol = cfg.float64 ? 1e-12 : cfg.backend === 'webgpu' ? 1e-5 : 5e-7;
        expect(compare(await read(eg.softmax(make(x, [N, C]))), byRow(softmaxRow)(x, C), cfg.float64, rtol, 0)).toEqual([]);
        expect(compare(await read(eg.exp(make(xs, [xs.length]))), xs.map(Math.exp), cfg.float64, rtol, 0)).toEqual([]);
      });

      it('the headline cases, spelled out', async () => {
        const sm = async (x: number[], C = x.length) => read(eg.softmax(make(x, [x.length / C, C])));
        const lsm = async (x: number[], C = x.length) => read(eg.logSoftmax(make(x, [x.length / C, C])));
        expect(await sm([-INF, -INF])).toEqual([NaN, NaN]);
        expect(await lsm([-INF, -INF])).toEqual([NaN, NaN]);
        expect(await sm([-INF, 0])).toEqual([0, 1]);
        expect(await lsm([-INF, 0])).toEqual([-INF, 0]);
        const under = await sm([0, -200]);
        expect(under[0]).toBe(1);
        expect(under[1]).toBe(cfg.float64 ? Math.exp(-200) / (1 + Math.exp(-200)) : 0);
        expect(await sm([-INF], 1)).toEqual([NaN]);
        expect(await sm([2], 1)).toEqual([1]);
        expect(await lsm([-INF], 1)).toEqual([NaN]);
        expect(await lsm([2], 1)).toEqual([0]);
        expect(await sm([INF, 0, 1])).toEqual([NaN, NaN, NaN]);
        expect(await sm([NaN, 0, 1])).toEqual([NaN, NaN, NaN]);
      });
    });

    describe('fused softmax cross-entropy losses', () => {
      it('softmaxCrossEntropy: each case alone (loss of one row)', async () => {
        const problems: string[] = [];
        for (const c of CE) {
          const got = await read(eg.losses.softmaxCrossEntropy(make(c.labels, [1, c.C]), make(c.logits, [1, c.C])));
          for (const p of compare(got, ceRows(c.labels, c.logits, c.C), cfg.float64)) problems.push(`${c.name}: ${p}`);
        }
        expect(problems).toEqual([]);
      });

      it('softmaxCrossEntropy: finite cases stacked (the mean of their rows)', async () => {
        const fin = CE.filter((c) => c.C === 3 && Number.isFinite(ceRows(c.labels, c.logits, c.C)[0]));
        const y = fin.flatMap((c) => c.labels), z = fin.flatMap((c) => c.logits);
        const got = await read(eg.losses.softmaxCrossEntropy(make(y, [fin.length, 3]), make(z, [fin.length, 3])));
        expect(compare(got, [meanOf(ceRows(y, z, 3))], cfg.float64)).toEqual([]);
        expect(fin.length).toBeGreaterThan(1);
      });

      it('sparseSoftmaxCrossEntropy: each case alone', async () => {
        const problems: string[] = [];
        for (const c of SPARSE) {
          const got = await read(eg.losses.sparseSoftmaxCrossEntropy(make([c.label], [1], 'int32'), make(c.logits, [1, c.C])));
          for (const p of compare(got, [-logSoftmaxRow(c.logits)[c.label]], cfg.float64)) problems.push(`${c.name}: ${p}`);
        }
        expect(problems).toEqual([]);
      });
    });

    describe('gradients at the edges', () => {
      /** value and gradients of f at the given inputs, read back. */
      async function vg(f: (...xs: Tensor[]) => Tensor, inputs: { x: number[]; shape: number[]; dtype?: 'float32' | 'int32' }[], wrt: number[]) {
        const ts = inputs.map((i) => (i.dtype === 'int32' ? make(i.x, i.shape, 'int32') : eg.variable(make(i.x, i.shape))));
        try {
          const { value, grads } = eg.valueAndGrads(() => f(...ts), wrt.map((k) => ts[k]));
          return { value: (await read(value))[0], grads: await Promise.all(grads.map(read)) };
        } finally {
          for (const t of ts) t.dispose();
        }
      }
      const W = [0.5, -1, 2, 0.25];

      it('softmax: d sum(w · softmax(x)) = y (w - sum w y); 0 at -Infinity; NaN for an all -Infinity row', async () => {
        const x = f32([-INF, 0, 1, -200, -INF, -INF, -INF, -INF]);
        const { grads: [g] } = await vg((t) => eg.sum(eg.mul(eg.softmax(t), eg.tensor([...W, ...W], [2, 4]))), [{ x, shape: [2, 4] }], [0]);
        const want: number[] = [];
        for (const row of rowsOf(x, 4)) {
          const y = softmaxRow(row);
          const wy = y.reduce((a, v, c) => a + v * W[c], 0);
          want.push(...y.map((v, c) => v * (W[c] - wy)));
        }
        expect(compare(g, want, cfg.float64)).toEqual([]);
        expect(Math.abs(g[0])).toBe(0);
      });

      it('logSoftmax: d sum(w · logSoftmax(x)) = w - softmax(x) sum w; w at -Infinity', async () => {
        const x = f32([-INF, 0, 1, -200, -INF, -INF, -INF, -INF]);
        const { grads: [g] } = await vg((t) => eg.sum(eg.mul(eg.logSoftmax(t), eg.tensor([...W, ...W], [2, 4]))), [{ x, shape: [2, 4] }], [0]);
        const sw = W.reduce((a, b) => a + b, 0);
        const want = rowsOf(x, 4).flatMap((row) => softmaxRow(row).map((p, c) => W[c] - p * sw));
        expect(compare(g, want, cfg.float64)).toEqual([]);
        expect(g[0]).toBe(W[0]);
      });

      it('softmaxCrossEntropy: d/dlogits = (p sum y - y) / N (0 at a -Infinity logit), d/dlabels = -logSoftmax / N (+Infinity there)', async () => {
        const y = [0, 1, 0, 0, 0, 0.25, 0.75, 0], z = f32([-INF, 0, 1, -200, 3, -INF, 0.5, -1]);
        const { value, grads: [gz, gy] } = await vg((l, t) => eg.losses.softmaxCrossEntropy(l, t),
          [{ x: y, shape: [2, 4] }, { x: z, shape: [2, 4] }], [1, 0]);
        const N = 2;
        const wantZ = rowsOf(z, 4).flatMap((row, r) => {
          const yr = y.slice(r * 4, r * 4 + 4), sy = yr.reduce((a, b) => a + b, 0);
          return softmaxRow(row).map((p, c) => (p * sy - yr[c]) / N);
        });
        const wantY = rowsOf(z, 4).flatMap((row) => logSoftmaxRow(row).map((v) => -v / N));
        expect(compare([value], [meanOf(ceRows(y, z, 4))], cfg.float64)).toEqual([]);
        expect(compare(gz, wantZ, cfg.float64)).toEqual([]);
        expect(compare(gy, wantY, cfg.float64)).toEqual([]);
        expect(Math.abs(gz[0])).toBe(0);
        expect(gy[0]).toBe(INF);
      });

      it('sparseSoftmaxCrossEntropy: d/dlogits = (p - onehot) / N, 0 at a -Infinity logit', async () => {
        const z = f32([-INF, 0, 1, -200, 3, -INF, 0.5, -1]), ids = [1, 2];
        const { value, grads: [gz] } = await vg((t, l) => eg.losses.sparseSoftmaxCrossEntropy(l, t),
          [{ x: z, shape: [2, 4] }, { x: ids, shape: [2], dtype: 'int32' }], [0]);
        const wantZ = rowsOf(z, 4).flatMap((row, r) => softmaxRow(row).map((p, c) => (p - +(c === ids[r])) / 2));
        expect(compare([value], [meanOf(rowsOf(z, 4).map((row, r) => -logSoftmaxRow(row)[ids[r]]))], cfg.float64)).toEqual([]);
        expect(compare(gz, wantZ, cfg.float64)).toEqual([]);
        expect(Math.abs(gz[0])).toBe(0);
      });
    });

    describe('int32 wraps as two\'s complement', () => {
      const i32 = (x: number[], shape = [x.length]) => make(x, shape, 'int32');

      it('mul and square keep the low 32 bits of the exact product (Math.imul)', async () => {
        expect(await read(eg.mul(i32([123456789]), i32([987654321])))).toEqual([-67153019]);
        expect(await read(eg.square(i32([I32_MAX])))).toEqual([1]);
        expect(await read(eg.mul(i32(A), i32(B)))).toEqual(bigOp((a, b) => a * b)(A, B));
        expect(await read(eg.square(i32(A)))).toEqual(A.map((v) => Math.imul(v, v)));
        // the broadcast and scalar paths
        const rowB = B.slice(0, 5);
        const want = A.map((v, i) => Math.imul(v, rowB[i % 5]));
        expect(await read(eg.mul(i32(A, [2, 5]), i32(rowB)))).toEqual(want);
        expect(await read(eg.mul(i32(A), 987654321))).toEqual(A.map((v) => Math.imul(v, 987654321)));
        // a long run, past every SIMD width and tail
        const L = Array.from({ length: 37 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) | 0);
        expect(await read(eg.mul(i32(L), i32([...L].reverse())))).toEqual(L.map((v, i) => Math.imul(v, L[36 - i])));
        expect(await read(eg.square(i32(L)))).toEqual(L.map((v) => Math.imul(v, v)));
      });

      it('add, sub, neg and abs wrap; abs(-2^31) = -2^31', async () => {
        expect(await read(eg.add(i32(A), i32(B)))).toEqual(bigOp((a, b) => a + b)(A, B));
        expect(await read(eg.sub(i32(A), i32(B)))).toEqual(bigOp((a, b) => a - b)(A, B));
        expect(await read(eg.add(i32([I32_MAX, I32_MIN]), 1))).toEqual([I32_MIN, I32_MIN + 1]);
        expect(await read(eg.sub(i32([I32_MIN, I32_MAX]), 1))).toEqual([I32_MAX, I32_MAX - 1]);
        expect(await read(eg.neg(i32([I32_MIN, I32_MAX, 0, -5])))).toEqual([I32_MIN, -I32_MAX, 0, 5]);
        expect(await read(eg.abs(i32([I32_MIN, -I32_MAX, 0, -5])))).toEqual([I32_MIN, I32_MAX, 0, 5]);
        expect(await read(eg.sign(i32([I32_MIN, I32_MAX, 0])))).toEqual([-1, 1, 0]);
        expect(await read(eg.maximum(i32([I32_MIN, I32_MAX]), i32([I32_MAX, I32_MIN])))).toEqual([I32_MAX, I32_MAX]);
        expect(await read(eg.greater(i32([I32_MIN, I32_MAX]), i32([I32_MAX, I32_MIN])))).toEqual([0, 1]);
      });

      it('sum wraps (rows, columns, all), even past 2^53 in total', async () => {
        const x = [I32_MAX, I32_MAX, 1, I32_MIN, I32_MIN, -1, I32_MAX, 5, 7, I32_MAX, I32_MAX, I32_MAX];
        const total = (v: number[]) => wrap(v.reduce((a, b) => a + BigInt(b), 0n));
        expect(await read(eg.sum(i32(x)))).toEqual([total(x)]);
        expect(await read(eg.sum(i32(x, [3, 4]), 1))).toEqual(rowsOf(x, 4).map(total));
        expect(await read(eg.sum(i32(x, [3, 4]), 0))).toEqual([0, 1, 2, 3].map((c) => total([x[c], x[4 + c], x[8 + c]])));
        // 2^22 + 8 values of 2^31 - 1: a float64 running sum passes 2^53 and drops low bits
        const n = 2 ** 22 + 8;
        const big = new Int32Array(n).fill(I32_MAX);
        const got = await read(eg.sum(eg.tensor(big, [n], 'int32')));
        expect(got).toEqual([wrap(BigInt(n) * BigInt(I32_MAX))]);
      });

      it('cast to int32 truncates and wraps as Int32Array stores (NaN and ±Infinity give 0); full and tensor wrap too', async () => {
        const x = [3e9, -3e9, 2 ** 31, -(2 ** 31) - 256, NaN, INF, -INF, -2.5, 2.75];
        expect(await read(eg.cast(make(x, [x.length]), 'int32'))).toEqual([-1294967296, 1294967296, I32_MIN, I32_MAX - 255, 0, 0, 0, -2, 2]);
        expect(await read(eg.cast(i32([I32_MAX, I32_MIN, 16777217]), 'float32'))).toEqual(cfg.float64 ? [I32_MAX, I32_MIN, 16777217] : [2 ** 31, I32_MIN, 16777216]);
        expect(await read(eg.full([2], 2 ** 31 + 5, 'int32'))).toEqual([I32_MIN + 5, I32_MIN + 5]);
        expect(await read(eg.tensor([2 ** 32 + 7, -(2 ** 31) - 5], [2], 'int32'))).toEqual([7, I32_MAX - 4]);
      });

      it('mean of int32 is refused (so no float path hides a wrap); max/min/argmax are exact at the extremes', async () => {
        const x = i32([I32_MIN, I32_MAX, 0, I32_MIN, I32_MAX]);
        expect(await read(eg.max(x))).toEqual([I32_MAX]);
        expect(await read(eg.min(x))).toEqual([I32_MIN]);
        expect(await read(eg.argmax(x))).toEqual([1]);
        expect(() => eg.mean(x)).toThrow(/int32/);
        x.dispose();
      });
    });
  });
}
