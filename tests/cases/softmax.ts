// The softmax family (softmax, logSoftmax and the fused cross-entropies) with the losses built on
// it: one case list for conformance, gradients and bench (the model: tests/cases/case.ts).
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { type Nd, Rng, nd, randInt, randNd } from '../util/ref.js';
import { type BenchOp, type Case, type FamilyCases, type Tensor, grad, inst, withGrads } from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);
const LARGE_LOGITS = { tol32: { atol: 4e-3 }, tol64: { atol: 1e-8 } };

{
  const rng = new Rng(5);
  const big = nd([2, 4], [1e4, -1e4, 0, 9999, -1e4, -1e4, -1e4, -1e4]);
  for (const [name, op, ref] of [
    ['softmax', (x: Tensor, a?: number) => (a === undefined ? eg.softmax(x) : eg.softmax(x, a)), R.softmax],
    ['logSoftmax', (x: Tensor, a?: number) => (a === undefined ? eg.logSoftmax(x) : eg.logSoftmax(x, a)), R.logSoftmax],
  ] as const) {
    add({
      name, tol: 'softmax',
      instances: [
        inst('[5,33] default axis', [randNd(rng, [5, 33], (r) => r.uniform(-5, 5))], (x) => op(x), (x) => ref(x)),
        inst('[1,1]', [randNd(rng, [1, 1])], (x) => op(x), (x) => ref(x)),
        inst('[7] 1-D', [randNd(rng, [7])], (x) => op(x), (x) => ref(x)),
        inst('[3,4] axis 0', [randNd(rng, [3, 4])], (x) => op(x, 0), (x) => ref(x, 0)),
        inst('[2,3,4] axis 1', [randNd(rng, [2, 3, 4])], (x) => op(x, 1), (x) => ref(x, 1)),
        inst('[2,3,4] axis -1', [randNd(rng, [2, 3, 4])], (x) => op(x, -1), (x) => ref(x, -1)),
        inst('[4,9] logits +-1e4 (no NaN)', [big], (x) => op(x), (x) => ref(x), LARGE_LOGITS),
        // long rows: wasm softmax sums in float32 lanes; gaps of ~100 underflow e^(x - max)
        inst('[3,1000] long rows', [randNd(rng, [3, 1000], (r) => r.uniform(-8, 8))], (x) => op(x), (x) => ref(x)),
        inst('[2,37] gaps of 100', [nd([2, 37], Array.from({ length: 74 }, (_, i) => (i % 3) * -100 + (i % 7)))], (x) => op(x), (x) => ref(x)),
      ],
    });
  }
}

// ----------------------------------------------------------------------------------- losses

{
  const rng = new Rng(17);
  /** Probability rows that sum to exactly 1: multiples of 1/64. */
  const probs = (n: number, c: number): Nd => {
    const d: number[] = [];
    for (let r = 0; r < n; r++) {
      const cuts = new Set<number>();
      while (cuts.size < c - 1) cuts.add(rng.int(1, 64));
      const edges = [0, ...[...cuts].sort((a, b) => a - b), 64];
      for (let k = 0; k < c; k++) d.push((edges[k + 1] - edges[k]) / 64);
    }
    return nd([n, c], d);
  };
  const oneHotRows = (n: number, c: number) => R.oneHot(randInt(rng, [n], 0, c), c);
  const labels01 = (s: number[]) => randNd(rng, s, (r) => r.int(0, 2));
  add({
    name: 'losses', tol: 'softmax',
    instances: [
      inst('meanSquaredError [4,3]', [randNd(rng, [4, 3]), randNd(rng, [4, 3])], (y, p) => eg.losses.meanSquaredError(y, p), R.mse),
      inst('meanSquaredError [9]', [randNd(rng, [9]), randNd(rng, [9])], (y, p) => eg.losses.meanSquaredError(y, p), R.mse),
      inst('binaryCrossentropy [4,3]', [labels01([4, 3]), randNd(rng, [4, 3], (r) => r.uniform(0.05, 0.95))],
        (y, p) => eg.losses.binaryCrossentropy(y, p), R.bce),
      inst('categoricalCrossentropy [4,5]', [oneHotRows(4, 5), probs(4, 5)], (y, p) => eg.losses.categoricalCrossentropy(y, p), R.cce),
      inst('categoricalCrossentropy soft labels [3,4]', [probs(3, 4), probs(3, 4)], (y, p) => eg.losses.categoricalCrossentropy(y, p), R.cce),
      inst('softmaxCrossEntropy [4,5]', [oneHotRows(4, 5), randNd(rng, [4, 5], (r) => r.uniform(-4, 4))],
        (y, l) => eg.losses.softmaxCrossEntropy(y, l), R.softmaxCE),
      inst('softmaxCrossEntropy [5,33] soft labels', [probs(5, 33), randNd(rng, [5, 33])],
        (y, l) => eg.losses.softmaxCrossEntropy(y, l), R.softmaxCE),
      inst('softmaxCrossEntropy logits +-1e4 (no NaN)', [nd([2, 4], [1, 0, 0, 0, 0, 1, 0, 0]), nd([2, 4], [1e4, -1e4, 0, 9999, -1e4, -1e4, -1e4, 1e4])],
        (y, l) => eg.losses.softmaxCrossEntropy(y, l), R.softmaxCE, { tol32: { rtol: 1e-5, atol: 4e-3 }, tol64: { atol: 1e-8 } }),
      inst('sparseSoftmaxCrossEntropy [6,7]', [randInt(rng, [6], 0, 7), randNd(rng, [6, 7])],
        (y, l) => eg.losses.sparseSoftmaxCrossEntropy(y, l), R.sparseSoftmaxCE),
      inst('sparseSoftmaxCrossEntropy logits +-1e4 (no NaN)', [nd([2], [1, 3], 'int32'), nd([2, 4], [1e4, -1e4, 0, 9999, -1e4, -1e4, -1e4, 1e4])],
        (y, l) => eg.losses.sparseSoftmaxCrossEntropy(y, l), R.sparseSoftmaxCE, { tol32: { rtol: 1e-5, atol: 4e-3 }, tol64: { atol: 1e-8 } }),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

withGrads(cases, 'softmax',
  grad('softmax', [[3, 5]], (x) => eg.softmax(x)),
  grad('softmax axis 0', [[3, 5]], (x) => eg.softmax(x, 0)),
  grad('softmax [2,3,4] (last axis)', [[2, 3, 4]], (x) => eg.softmax(x)),
  grad('softmax [2,3,4] axis 0', [[2, 3, 4]], (x) => eg.softmax(x, 0)));
withGrads(cases, 'logSoftmax',
  grad('logSoftmax', [[3, 5]], (x) => eg.logSoftmax(x)),
  grad('logSoftmax [2,3,4] (last axis)', [[2, 3, 4]], (x) => eg.logSoftmax(x)),
  grad('logSoftmax [2,3,4] axis 1', [[2, 3, 4]], (x) => eg.logSoftmax(x, 1)));
{
  // Labels are constants made inside f: each check differentiates the predictions or logits only.
  const S = [3, 4];
  const rng = new Rng(77);
  const oneHotLabels = (n: number, c: number) => {
    const ids = Array.from({ length: n }, () => rng.int(0, c));
    return { ids, hot: ids.flatMap((id) => Array.from({ length: c }, (_, k) => +(k === id))) };
  };
  const y = Array.from({ length: 12 }, () => rng.uniform(-1, 1));
  const y01 = Array.from({ length: 12 }, () => rng.int(0, 2));
  const { hot } = oneHotLabels(3, 4);
  const l = oneHotLabels(4, 5);
  const soft = Array.from({ length: 20 }, (_, i) => [0.5, 0.25, 0.125, 0.0625, 0.0625][(i + Math.floor(i / 5)) % 5]);
  withGrads(cases, 'losses',
    grad('softmaxCrossEntropy [2,3,4] logits (rank 3)', [[2, 3, 4]],
      (z) => eg.losses.softmaxCrossEntropy(eg.tensor([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0.5, 0.5, 0, 0, 0, 0, 0.25, 0.75], [2, 3, 4]), z)),
    grad('meanSquaredError wrt p', [S], (p) => eg.losses.meanSquaredError(eg.tensor(y, S), p)),
    grad('meanSquaredError wrt y and p', [S, S], (yt, p) => eg.losses.meanSquaredError(yt, p)),
    grad('binaryCrossentropy wrt p', [S], (p) => eg.losses.binaryCrossentropy(eg.tensor(y01, S), p), (r) => r.uniform(0.1, 0.9)),
    grad('categoricalCrossentropy wrt p', [S], (p) => eg.losses.categoricalCrossentropy(eg.tensor(hot, [3, 4]), p), (r) => r.uniform(0.1, 0.9)),
    grad('softmaxCrossEntropy wrt logits', [[4, 5]], (z) => eg.losses.softmaxCrossEntropy(eg.tensor(l.hot, [4, 5]), z), (r) => r.uniform(-3, 3)),
    grad('softmaxCrossEntropy soft labels', [[4, 5]], (z) => eg.losses.softmaxCrossEntropy(eg.tensor(soft, [4, 5]), z)),
    grad('sparseSoftmaxCrossEntropy wrt logits', [[4, 5]], (z) => eg.losses.sparseSoftmaxCrossEntropy(eg.tensor(l.ids, [4], 'int32'), z), (r) => r.uniform(-3, 3)));
}

// ----------------------------------------------------------------------------------- bench

/** bench/elementwise.ts: softmax over the rows of a 1024x1024 tensor. */
const bench: BenchOp[] = [{ name: 'softmax rows', shapes: [[1024, 1024]], arrays: 2, quick: true, run: (a) => eg.softmax(a) }];

export const softmax: FamilyCases<BenchOp[]> = { family: 'softmax', cases, bench };
