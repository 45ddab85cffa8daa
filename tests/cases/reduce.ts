// The reduce family (sum, max, min, argmax, argmin; mean through sum): one case list for
// conformance, gradients and bench (the model: tests/cases/case.ts).
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { Rng, nd, randInt, randNd } from '../util/ref.js';
import {
  type BenchOp, type Case, type FamilyCases, type Instance, type Tensor, type TolClass, SHAPES, gDistinct, grad, hashName, inst,
  label, withGrads,
} from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

type RedOp = (x: Tensor, axis?: number | number[], keepDims?: boolean) => Tensor;
const REDUCERS: [R.ReduceKind, RedOp, TolClass][] = [
  ['sum', (x, a, k) => eg.sum(x, a, k), 'reduce'], ['mean', (x, a, k) => eg.mean(x, a, k), 'reduce'],
  ['max', (x, a, k) => eg.max(x, a, k), 'exact'], ['min', (x, a, k) => eg.min(x, a, k), 'exact'],
];
const AXES3: (number | number[] | undefined)[] = [undefined, 0, 1, 2, -1, -3, [0, 2], [0, 1], [1, 2], [2, 0], [0, 1, 2], [-1, 0]];
for (const [kind, op, tol] of REDUCERS) {
  const rng = new Rng(hashName(kind));
  const instances: Instance[] = [];
  for (const axis of AXES3) {
    for (const keep of [false, true]) {
      instances.push(inst(`[2,3,4] axis ${JSON.stringify(axis)} keepDims ${keep}`, [randNd(rng, [2, 3, 4])],
        (x) => (keep ? op(x, axis, true) : axis === undefined ? op(x) : op(x, axis)),
        (x) => R.reduce(x, kind, axis, keep)));
    }
  }
  for (const axis of [0, 1, -2]) instances.push(inst(`[5,33] axis ${axis}`, [randNd(rng, [5, 33])], (x) => op(x, axis), (x) => R.reduce(x, kind, axis)));
  for (const s of SHAPES) {
    if (s.length === 1 && s[0] === 0 && kind !== 'sum') continue;
    instances.push(inst(`${label(s)} all`, [randNd(rng, s)], (x) => op(x), (x) => R.reduce(x, kind)));
  }
  instances.push(inst('[33,5] axis 0 (long strided reduce)', [randNd(rng, [33, 5])], (x) => op(x, 0), (x) => R.reduce(x, kind, 0)));
  if (kind !== 'mean') {
    instances.push(inst('int32 [2,3,4] axis 1', [randInt(rng, [2, 3, 4], -50, 50)], (x) => op(x, 1), (x) => R.reduce(x, kind, 1)));
    instances.push(inst('int32 [7] all', [randInt(rng, [7], -50, 50)], (x) => op(x), (x) => R.reduce(x, kind)));
  }
  if (kind === 'max' || kind === 'min') {
    instances.push(inst('with +-Infinity', [nd([4], [1, -Infinity, Infinity, 0])], (x) => op(x), (x) => R.reduce(x, kind)));
  }
  add({ name: `${kind} reductions`, tol, instances });
}
add({
  name: 'sum over an empty axis gives zeros', tol: 'exact',
  instances: [
    inst('[0,3] axis 0', [nd([0, 3], [])], (x) => eg.sum(x, 0), (x) => R.reduce(x, 'sum', 0)),
    inst('[0,3] axis 1 -> [0]', [nd([0, 3], [])], (x) => eg.sum(x, 1), (x) => R.reduce(x, 'sum', 1)),
  ],
});
{
  const rng = new Rng(99);
  const instances: Instance[] = [];
  for (const axis of [0, 1, 2, -1]) {
    instances.push(inst(`[2,3,4] axis ${axis}`, [randNd(rng, [2, 3, 4])], (x) => eg.argmax(x, axis), (x) => R.reduce(x, 'argmax', axis)));
  }
  instances.push(inst('[2,3,4] axis 1 keepDims', [randNd(rng, [2, 3, 4])], (x) => eg.argmax(x, 1, true), (x) => R.reduce(x, 'argmax', 1, true)));
  for (const s of [[1], [3], [4], [5], [8], [9], [17], [33]]) {
    instances.push(inst(`${label(s)} no axis`, [randNd(rng, s)], (x) => eg.argmax(x), (x) => R.reduce(x, 'argmax')));
  }
  instances.push(inst('[5,33] axis 1', [randNd(rng, [5, 33])], (x) => eg.argmax(x, 1), (x) => R.reduce(x, 'argmax', 1)));
  instances.push(inst('[3,4] no axis: flat index over all axes', [randNd(rng, [3, 4])], (x) => eg.argmax(x), (x) => R.reduce(x, 'argmax')));
  instances.push(inst('ties give the first index', [nd([2, 5], [1, 3, 3, 0, 3, 2, 2, 2, 2, 2])], (x) => eg.argmax(x, 1), (x) => R.reduce(x, 'argmax', 1)));
  instances.push(inst('int32 input', [randInt(rng, [4, 6], -9, 9)], (x) => eg.argmax(x, 1), (x) => R.reduce(x, 'argmax', 1)));
  add({ name: 'argmax (int32 output)', tol: 'exact', instances });
}
{
  const rng = new Rng(98);
  const instances: Instance[] = [];
  for (const axis of [0, 1, 2, -1]) {
    instances.push(inst(`[2,3,4] axis ${axis}`, [randNd(rng, [2, 3, 4])], (x) => eg.argmin(x, axis), (x) => R.reduce(x, 'argmin', axis)));
  }
  for (const s of [[1], [5], [33]]) {
    instances.push(inst(`${label(s)} no axis`, [randNd(rng, s)], (x) => eg.argmin(x), (x) => R.reduce(x, 'argmin')));
  }
  instances.push(inst('[5,33] axis 1', [randNd(rng, [5, 33])], (x) => eg.argmin(x, 1), (x) => R.reduce(x, 'argmin', 1)));
  instances.push(inst('ties give the first index', [nd([2, 5], [1, 0, 0, 3, 0, 2, 2, 2, 2, 2])], (x) => eg.argmin(x, 1), (x) => R.reduce(x, 'argmin', 1)));
  instances.push(inst('int32 input', [randInt(rng, [4, 6], -9, 9)], (x) => eg.argmin(x, 1), (x) => R.reduce(x, 'argmin', 1)));
  add({ name: 'argmin (int32 output)', tol: 'exact', instances });
}

// ----------------------------------------------------------------------------------- gradient checks

const X = [2, 3, 4];
withGrads(cases, 'sum reductions',
  grad('sum all', [X], (x) => eg.sum(x)),
  grad('sum axis 1', [X], (x) => eg.sum(x, 1)),
  grad('sum axes [0,2] keepDims', [X], (x) => eg.sum(x, [0, 2], true)));
withGrads(cases, 'mean reductions',
  grad('mean all', [X], (x) => eg.mean(x)),
  grad('mean axis -1', [X], (x) => eg.mean(x, -1)),
  grad('mean axes [0,2]', [X], (x) => eg.mean(x, [0, 2])));
withGrads(cases, 'max reductions',
  grad('max axis 1 (no ties)', [X], (x) => eg.max(x, 1), gDistinct()),
  grad('max all (no ties)', [[3, 4]], (x) => eg.max(x), gDistinct()));
withGrads(cases, 'min reductions',
  grad('min axis 0 keepDims (no ties)', [[3, 4]], (x) => eg.min(x, 0, true), gDistinct()),
  grad('min axes [0,2] (no ties)', [X], (x) => eg.min(x, [0, 2]), gDistinct()));

// ----------------------------------------------------------------------------------- bench

const SQ = [1024, 1024];
/** bench/elementwise.ts: reductions read one array and write a small result. */
const bench: BenchOp[] = [
  { name: 'sum (all)', shapes: [SQ], arrays: 1, run: (a) => eg.sum(a) },
  { name: 'sum rows', shapes: [SQ], arrays: 1, quick: true, run: (a) => eg.sum(a, 1) },
  { name: 'sum cols', shapes: [SQ], arrays: 1, quick: true, run: (a) => eg.sum(a, 0) },
  { name: 'max rows', shapes: [SQ], arrays: 1, quick: true, run: (a) => eg.max(a, 1) },
];

export const reduce: FamilyCases<BenchOp[]> = { family: 'reduce', cases, bench };
