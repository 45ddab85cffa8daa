// The attention family (the fused attention kernel and its backward): eg.attention against float64
// attention written here, over odd lengths, Tq != Tk, head sizes 1 to 70, causal masks (queries at
// the end, rows with no key), masks broadcast over batch, heads and queries, int32 masks, leading
// axes broadcast between q, k and v; gradient checks of the same forms. The model: tests/cases/case.ts.
import * as eg from '../../src/index.js';
import { type Nd, Rng, broadcastShape, nd, randNd, ravel, sizeOf, unravel } from '../util/ref.js';
import { type Case, type FamilyCases, grad, inst } from './case.js';

const cases: Case[] = [];

interface Opts { causal?: boolean; scale?: number }

/**
 * float64 attention: q [..., Tq, D], k [..., Tk, D], v [..., Tk, Dv], mask (optional) broadcast to
 * [..., Tq, Tk]; masked scores -1e9 (Keras), so a row without a key is the mean of v's rows.
 */
export function refAttention(q: Nd, k: Nd, v: Nd, mask: Nd | null, { causal = false, scale }: Opts = {}): Nd {
  const [Tq, D] = q.shape.slice(-2), [Tk] = k.shape.slice(-2), Dv = v.shape[v.shape.length - 1];
  const lead = broadcastShape(broadcastShape(q.shape.slice(0, -2), k.shape.slice(0, -2)), v.shape.slice(0, -2));
  const sc = scale ?? 1 / Math.sqrt(D);
  /** Flat index into x (broadcast to `full`) of the multi-index idx of `full`. */
  const at = (x: Nd, idx: number[]) => {
    const r = x.shape.length, off = idx.length - r;
    return ravel(x.shape.map((d, i) => (d === 1 ? 0 : idx[off + i])), x.shape);
  };
  const out: number[] = [];
  for (let g = 0; g < sizeOf(lead); g++) {
    const li = lead.length ? unravel(g, lead) : [];
    for (let i = 0; i < Tq; i++) {
      const s: number[] = [];
      for (let j = 0; j < Tk; j++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += q.data[at(q, [...li, i, d])] * k.data[at(k, [...li, j, d])];
        const allowed = (!causal || Tq === 1 || j <= i + Tk - Tq) && (!mask || mask.data[at(mask, [...li, i, j])] !== 0);
        s.push(allowed ? dot * sc : -1e9);
      }
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < Dv; c++) {
        let acc = 0;
        for (let j = 0; j < Tk; j++) acc += (e[j] / z) * v.data[at(v, [...li, j, c])];
        out.push(acc);
      }
    }
  }
  return nd([...lead, Tq, Dv], out);
}

/** Float32 attention sums D products per score and Tk per output: a little looser than softmax alone. */
const TOL = { tol32: { rtol: 2e-5, atol: 2e-5 } };

{
  const rng = new Rng(13);
  const r = (s: number[]) => randNd(rng, s, (x) => x.uniform(-1.5, 1.5));
  const bits = (s: number[], pZero = 0.3) => randNd(rng, s, (x) => (x.next() < pZero ? 0 : 1));
  const inst3 = (label: string, qs: number[], ks: number[], vs: number[], o: Opts = {}) =>
    inst(label, [r(qs), r(ks), r(vs)], (q, k, v) => eg.attention(q, k, v, o), (q, k, v) => refAttention(q, k, v, null, o), TOL);
  const inst4 = (label: string, qs: number[], ks: number[], vs: number[], mask: Nd, o: Opts = {}) =>
    inst(label, [r(qs), r(ks), r(vs), mask], (q, k, v, m) => eg.attention(q, k, v, { ...o, mask: m }),
      (q, k, v, m) => refAttention(q, k, v, m, o), TOL);

  const plain = [
    inst3('[2,3,5,8] no mask', [2, 3, 5, 8], [2, 3, 5, 8], [2, 3, 5, 8]),
    inst3('[1,1] T=1 D=1', [1, 1], [1, 1], [1, 1]),
    inst3('[3,7,4] Tq 3 Tk 7 Dv 6', [3, 4], [7, 4], [7, 6]),
    inst3('[9,2] Tq 9 Tk 2', [9, 2], [2, 2], [2, 5]),
    inst3('T 37 D 70 Dv 33 (blocks of 16 keys, tails)', [37, 70], [37, 70], [37, 33]),
    inst3('T 64 D 64, scale 0.3', [2, 64, 64], [2, 64, 64], [2, 64, 64], { scale: 0.3 }),
    inst3('k, v broadcast over heads [2,3,5,4] / [2,1,6,4]', [2, 3, 5, 4], [2, 1, 6, 4], [2, 1, 6, 3]),
    inst3('q broadcast over batch [5,4] / [3,6,4]', [5, 4], [3, 6, 4], [3, 6, 4]),
  ];
  for (const D of [1, 3, 4, 5, 16, 17, 31, 33, 64, 70]) plain.push(inst3(`D ${D}, T 11`, [2, 11, D], [2, 11, D], [2, 11, D]));
  cases.push({ name: 'attention', tol: 'softmax', instances: plain });

  cases.push({
    name: 'attention causal', tol: 'softmax',
    instances: [
      inst3('[2,2,7,5] causal', [2, 2, 7, 5], [2, 2, 7, 5], [2, 2, 7, 5], { causal: true }),
      inst3('Tq 3 Tk 9: queries are the last 3', [3, 4], [9, 4], [9, 4], { causal: true }),
      inst3('Tq 9 Tk 3: the first 6 rows see no key (mean of v)', [9, 4], [3, 4], [3, 2], { causal: true }),
      inst3('Tq 1 Tk 13: a decoding step sees every key', [2, 1, 8], [2, 13, 8], [2, 13, 8], { causal: true }),
      inst3('T 33 D 17 causal', [33, 17], [33, 17], [33, 17], { causal: true }),
      inst3('T 50 D 32 causal', [4, 50, 32], [4, 50, 32], [4, 50, 32], { causal: true }),
    ],
  });

  const rows0 = nd([2, 1, 1, 6], [1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
  const someRowsEmpty = bits([5, 6], 0.5);
  for (let j = 0; j < 6; j++) someRowsEmpty.data[2 * 6 + j] = 0;
  const intMask = bits([2, 5, 6]);
  intMask.dtype = 'int32';
  cases.push({
    name: 'attention masked', tol: 'softmax',
    instances: [
      inst4('padding mask [2,1,1,6] over heads and queries', [2, 3, 5, 4], [2, 3, 6, 4], [2, 3, 6, 4], rows0),
      inst4('mask [5,6] for every batch, a row fully masked', [2, 5, 4], [2, 6, 4], [2, 6, 3], someRowsEmpty),
      inst4('mask [2,5,6] per batch, int32', [2, 5, 4], [2, 6, 4], [2, 6, 4], intMask),
      inst4('mask [6] over keys only', [2, 5, 4], [2, 6, 4], [2, 6, 4], nd([6], [0, 1, 1, 0, 1, 1])),
      inst4('mask [2,3,5,6] full, with causal', [2, 3, 5, 7], [2, 3, 6, 7], [2, 3, 6, 7], bits([2, 3, 5, 6]), { causal: true }),
      inst4('mask [5,1] over queries (rows 1 and 3 masked)', [5, 4], [6, 4], [6, 4], nd([5, 1], [1, 0, 1, 0, 1])),
      inst4('T 40 D 20 causal + padding [2,1,40]', [2, 40, 20], [2, 40, 20], [2, 40, 20],
        nd([2, 1, 40], Array.from({ length: 80 }, (_, i) => +((i % 40) < (i < 40 ? 30 : 40)))), { causal: true }),
    ],
  });
}

// ----------------------------------------------------------------------------------- layer norm

/** float64 layer norm over the last axis: (x - m) / sqrt(v + eps) · gamma + beta (biased variance). */
export function refLayerNorm(x: Nd, gamma: Nd | null, beta: Nd | null, eps = 1e-3): Nd {
  const C = x.shape[x.shape.length - 1], rows = sizeOf(x.shape) / C;
  const out = new Float64Array(rows * C);
  for (let r = 0; r < rows; r++) {
    let m = 0, v = 0;
    for (let c = 0; c < C; c++) m += x.data[r * C + c];
    m /= C;
    for (let c = 0; c < C; c++) v += (x.data[r * C + c] - m) ** 2;
    const rs = 1 / Math.sqrt(v / C + eps);
    for (let c = 0; c < C; c++) out[r * C + c] = (x.data[r * C + c] - m) * rs * (gamma ? gamma.data[c] : 1) + (beta ? beta.data[c] : 0);
  }
  return nd([...x.shape], out);
}

{
  const rng = new Rng(29);
  const r = (s: number[], lo = -2, hi = 2) => randNd(rng, s, (x) => x.uniform(lo, hi));
  const full = (label: string, xs: number[], eps?: number) => {
    const C = xs[xs.length - 1];
    return inst(label, [r(xs), r([C], 0.5, 1.5), r([C])], (x, g, b) => eg.layerNorm(x, g, b, eps === undefined ? {} : { epsilon: eps }),
      (x, g, b) => refLayerNorm(x, g, b, eps), { tol32: { rtol: 1e-5, atol: 4e-6 } });
  };
  cases.push({
    name: 'layerNorm', tol: 'softmax',
    instances: [
      full('[5,33] gamma, beta', [5, 33]),
      full('[2,3,7]', [2, 3, 7]),
      full('[3,128] (the GPT width)', [3, 128]),
      full('[4,1] one feature (y = beta)', [4, 1]),
      full('[2,5] epsilon 1e-5', [2, 5], 1e-5),
      inst('[3,9] no gamma, no beta', [r([3, 9])], (x) => eg.layerNorm(x), (x) => refLayerNorm(x, null, null), { tol32: { rtol: 1e-5, atol: 4e-6 } }),
      inst('[6] offset 100 (variance by the centred pass)', [randNd(rng, [6], (x) => Math.fround(100 + x.uniform(-1, 1)))], (x) => eg.layerNorm(x),
        (x) => refLayerNorm(x, null, null), { tol32: { rtol: 1e-4, atol: 1e-4 } }),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

{
  const mask = (s: number[], v: number[]) => eg.tensor(v, s);
  const gs = (name: string) => cases.find((c) => c.name === name)!.grads ??= [];
  gs('attention').push(
    grad('attention [2,3,4] / [2,5,4] / [2,5,3]', [[2, 3, 4], [2, 5, 4], [2, 5, 3]], (q, k, v) => eg.attention(q, k, v)),
    grad('attention D 1, Tk 6', [[4, 1], [6, 1], [6, 2]], (q, k, v) => eg.attention(q, k, v, { scale: 2 })),
    grad('attention D 17 (tails), Tk 19', [[3, 17], [19, 17], [19, 5]], (q, k, v) => eg.attention(q, k, v)),
    grad('attention k, v broadcast over heads', [[2, 2, 3, 4], [2, 1, 4, 4], [2, 1, 4, 3]], (q, k, v) => eg.attention(q, k, v)),
  );
  gs('attention causal').push(
    grad('attention causal [2,5,4]', [[2, 5, 4], [2, 5, 4], [2, 5, 4]], (q, k, v) => eg.attention(q, k, v, { causal: true })),
    grad('attention causal Tq 5 Tk 2 (rows without keys)', [[5, 3], [2, 3], [2, 4]], (q, k, v) => eg.attention(q, k, v, { causal: true })),
    grad('attention causal Tq 2 Tk 5', [[2, 3], [5, 3], [5, 4]], (q, k, v) => eg.attention(q, k, v, { causal: true })),
  );
  gs('attention masked').push(
    grad('attention padding mask over heads', [[2, 2, 3, 4], [2, 2, 5, 4], [2, 2, 5, 3]],
      (q, k, v) => eg.attention(q, k, v, { mask: mask([2, 1, 1, 5], [1, 1, 0, 1, 0, 1, 0, 0, 0, 0]) })),
    grad('attention mask with a fully masked row, and causal', [[4, 3], [4, 3], [4, 2]],
      (q, k, v) => eg.attention(q, k, v, { causal: true, mask: mask([4, 4], [1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1]) })),
  );
}

cases.find((c) => c.name === 'layerNorm')!.grads = [
  grad('layerNorm wrt x, gamma, beta [4,6]', [[4, 6], [6], [6]], (x, g, b) => eg.layerNorm(x, g, b)),
  grad('layerNorm [2,3,5] wrt x, gamma', [[2, 3, 5], [5]], (x, g) => eg.layerNorm(x, g)),
  grad('layerNorm [3,17] wrt x only, epsilon 1e-5', [[3, 17]], (x) => eg.layerNorm(x, null, null, { epsilon: 1e-5 })),
];

// ----------------------------------------------------------------------------------- bench

/** bench/attention.ts: forward + backward at these sizes (batch 1, so the heads are the batch). */
export interface AttentionBench { label: string; heads: number; T: number; D: number; causal: boolean; quick?: boolean }
const bench: AttentionBench[] = [
  { label: 'gpt block (T 64, D 32, 4 heads, x12 batch)', heads: 48, T: 64, D: 32, causal: true, quick: true },
  { label: 'T 128 D 64 8 heads', heads: 8, T: 128, D: 64, causal: true, quick: true },
  { label: 'T 256 D 32 4 heads', heads: 4, T: 256, D: 32, causal: true },
  { label: 'T 256 D 64 8 heads', heads: 8, T: 256, D: 64, causal: true },
  { label: 'T 512 D 64 8 heads', heads: 8, T: 512, D: 64, causal: true },
  { label: 'T 512 D 64 8 heads, no mask', heads: 8, T: 512, D: 64, causal: false },
];

export const attention: FamilyCases<AttentionBench[]> = { family: 'attention', cases, bench };
