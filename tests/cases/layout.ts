// The layout family (transpose, slice, pad, concat, gather, oneHot, cast; reshape, stack,
// expandDims and squeeze on top): one case list for conformance and gradients (the model:
// tests/cases/case.ts). Layout kernels are not timed by bench/.
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { Rng, nd, randInt, randNd } from '../util/ref.js';
import { type Case, type FamilyCases, grad, inst, withGrads } from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

{
  const rng = new Rng(13);
  const f = (s: number[]) => randNd(rng, s);
  const i = (s: number[]) => randInt(rng, s, -1000, 1000);
  add({
    name: 'transpose', tol: 'exact',
    instances: [
      inst('[2,3,4] default reverses', [f([2, 3, 4])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      ...[[1, 0, 2], [0, 2, 1], [2, 0, 1], [1, 2, 0], [0, 1, 2]].map((p) =>
        inst(`[2,3,4] perm [${p}]`, [f([2, 3, 4])], (x) => eg.transpose(x, p), (x) => R.transpose(x, p))),
      inst('[5,33]', [f([5, 33])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      inst('[33,9]', [f([33, 9])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      inst('[2,3,4,5] perm [3,1,0,2]', [f([2, 3, 4, 5])], (x) => eg.transpose(x, [3, 1, 0, 2]), (x) => R.transpose(x, [3, 1, 0, 2])),
      inst('[7] 1-D', [f([7])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      inst('[0,3]', [f([0, 3])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      inst('int32 [3,4]', [i([3, 4])], (x) => eg.transpose(x), (x) => R.transpose(x)),
      inst('int32 [2,3,4] perm [2,0,1]', [i([2, 3, 4])], (x) => eg.transpose(x, [2, 0, 1]), (x) => R.transpose(x, [2, 0, 1])),
    ],
  });
  add({
    name: 'reshape', tol: 'exact',
    instances: [
      inst('[2,3,4] -> [6,4]', [f([2, 3, 4])], (x) => eg.reshape(x, [6, 4]), (x) => R.reshape(x, [6, 4])),
      inst('[2,3,4] -> [24]', [f([2, 3, 4])], (x) => eg.reshape(x, [24]), (x) => R.reshape(x, [24])),
      inst('[2,3,4] -> [4,-1] infers 6', [f([2, 3, 4])], (x) => eg.reshape(x, [4, -1]), (x) => R.reshape(x, [4, 6])),
      inst('[5,33] -> [33,5]', [f([5, 33])], (x) => eg.reshape(x, [33, 5]), (x) => R.reshape(x, [33, 5])),
      inst('[] -> [1,1]', [f([])], (x) => eg.reshape(x, [1, 1]), (x) => R.reshape(x, [1, 1])),
      inst('[1] -> []', [f([1])], (x) => eg.reshape(x, []), (x) => R.reshape(x, [])),
      inst('[0,3] -> [3,0]', [f([0, 3])], (x) => eg.reshape(x, [3, 0]), (x) => R.reshape(x, [3, 0])),
      inst('int32 [2,12] -> [3,8]', [i([2, 12])], (x) => eg.reshape(x, [3, 8]), (x) => R.reshape(x, [3, 8])),
    ],
  });
  add({
    name: 'slice', tol: 'exact',
    instances: [
      inst('[5,33] begin [1,3] size [2,-1]', [f([5, 33])], (x) => eg.slice(x, [1, 3], [2, -1]), (x) => R.slice(x, [1, 3], [2, -1])),
      inst('[2,3,4] begin [0,1,1] size [2,2,-1]', [f([2, 3, 4])], (x) => eg.slice(x, [0, 1, 1], [2, 2, -1]), (x) => R.slice(x, [0, 1, 1], [2, 2, -1])),
      inst('[2,3,4] begin [1,0,3] size [1,3,1]', [f([2, 3, 4])], (x) => eg.slice(x, [1, 0, 3], [1, 3, 1]), (x) => R.slice(x, [1, 0, 3], [1, 3, 1])),
      inst('[17] begin [3] size [9]', [f([17])], (x) => eg.slice(x, [3], [9]), (x) => R.slice(x, [3], [9])),
      inst('[5] begin [2] size [0]', [f([5])], (x) => eg.slice(x, [2], [0]), (x) => R.slice(x, [2], [0])),
      inst('[33] whole', [f([33])], (x) => eg.slice(x, [0], [-1]), (x) => R.slice(x, [0], [-1])),
      inst('int32 [4,5] begin [1,0] size [-1,3]', [i([4, 5])], (x) => eg.slice(x, [1, 0], [-1, 3]), (x) => R.slice(x, [1, 0], [-1, 3])),
    ],
  });
  const P = (p: [number, number][]) => p;
  add({
    name: 'pad', tol: 'exact',
    instances: [
      inst('[3,4] [[1,2],[0,3]]', [f([3, 4])], (x) => eg.pad(x, P([[1, 2], [0, 3]])), (x) => R.pad(x, [[1, 2], [0, 3]])),
      inst('[5] [[2,1]]', [f([5])], (x) => eg.pad(x, P([[2, 1]])), (x) => R.pad(x, [[2, 1]])),
      inst('[2,3,4] [[0,0],[1,0],[0,2]]', [f([2, 3, 4])], (x) => eg.pad(x, P([[0, 0], [1, 0], [0, 2]])), (x) => R.pad(x, [[0, 0], [1, 0], [0, 2]])),
      inst('[0,2] [[1,1],[0,0]]', [f([0, 2])], (x) => eg.pad(x, P([[1, 1], [0, 0]])), (x) => R.pad(x, [[1, 1], [0, 0]])),
      inst('int32 [2,3] [[1,1],[2,0]]', [i([2, 3])], (x) => eg.pad(x, P([[1, 1], [2, 0]])), (x) => R.pad(x, [[1, 1], [2, 0]])),
    ],
  });
  add({
    name: 'concat', tol: 'exact',
    instances: [
      inst('[2,3]+[4,3] default axis 0', [f([2, 3]), f([4, 3])], (a, b) => eg.concat([a, b]), (a, b) => R.concat([a, b], 0)),
      inst('[2,3]+[2,5]+[2,1] axis 1', [f([2, 3]), f([2, 5]), f([2, 1])], (a, b, c) => eg.concat([a, b, c], 1), (a, b, c) => R.concat([a, b, c], 1)),
      inst('[2,3,4]+[2,3,1] axis -1', [f([2, 3, 4]), f([2, 3, 1])], (a, b) => eg.concat([a, b], -1), (a, b) => R.concat([a, b], 2)),
      inst('[2,3,4]+[2,2,4] axis 1', [f([2, 3, 4]), f([2, 2, 4])], (a, b) => eg.concat([a, b], 1), (a, b) => R.concat([a, b], 1)),
      inst('[3]+[5]+[0]', [f([3]), f([5]), f([0])], (a, b, c) => eg.concat([a, b, c]), (a, b, c) => R.concat([a, b, c])),
      inst('[0,3]+[2,3]', [f([0, 3]), f([2, 3])], (a, b) => eg.concat([a, b], 0), (a, b) => R.concat([a, b], 0)),
      inst('single input', [f([4, 2])], (a) => eg.concat([a], 1), (a) => R.concat([a], 1)),
      inst('int32 [2,2]+[1,2] axis 0', [i([2, 2]), i([1, 2])], (a, b) => eg.concat([a, b], 0), (a, b) => R.concat([a, b], 0)),
    ],
  });
  add({
    name: 'stack', tol: 'exact',
    instances: [
      inst('3 x [3,4] axis 0', [f([3, 4]), f([3, 4]), f([3, 4])], (a, b, c) => eg.stack([a, b, c], 0), (a, b, c) => R.stack([a, b, c], 0)),
      inst('3 x [3,4] axis 1', [f([3, 4]), f([3, 4]), f([3, 4])], (a, b, c) => eg.stack([a, b, c], 1), (a, b, c) => R.stack([a, b, c], 1)),
      inst('2 x [3,4] axis -1', [f([3, 4]), f([3, 4])], (a, b) => eg.stack([a, b], -1), (a, b) => R.stack([a, b], 2)),
      inst('int32 2 x [5] axis 0', [i([5]), i([5])], (a, b) => eg.stack([a, b], 0), (a, b) => R.stack([a, b], 0)),
    ],
  });
  add({
    name: 'expandDims / squeeze', tol: 'exact',
    instances: [
      inst('expandDims [3,4] axis 0', [f([3, 4])], (x) => eg.expandDims(x, 0), (x) => R.reshape(x, [1, 3, 4])),
      inst('expandDims [3,4] axis 1', [f([3, 4])], (x) => eg.expandDims(x, 1), (x) => R.reshape(x, [3, 1, 4])),
      inst('expandDims [3,4] axis 2', [f([3, 4])], (x) => eg.expandDims(x, 2), (x) => R.reshape(x, [3, 4, 1])),
      inst('expandDims [3,4] axis -1', [f([3, 4])], (x) => eg.expandDims(x, -1), (x) => R.reshape(x, [3, 4, 1])),
      inst('squeeze [1,3,1,4]', [f([1, 3, 1, 4])], (x) => eg.squeeze(x), (x) => R.reshape(x, [3, 4])),
      inst('squeeze [1,3,1,4] axes [2]', [f([1, 3, 1, 4])], (x) => eg.squeeze(x, [2]), (x) => R.reshape(x, [1, 3, 4])),
      inst('squeeze [1,1] -> []', [f([1, 1])], (x) => eg.squeeze(x), (x) => R.reshape(x, [])),
      inst('squeeze int32 [2,1]', [i([2, 1])], (x) => eg.squeeze(x), (x) => R.reshape(x, [2])),
    ],
  });
  add({
    name: 'gather', tol: 'exact',
    instances: [
      inst('[5,4] indices [3,0,3] default axis 0', [f([5, 4]), nd([3], [3, 0, 3], 'int32')], (x, ix) => eg.gather(x, ix), (x, ix) => R.gather(x, ix, 0)),
      inst('[5,4] indices [1,3] axis 1', [f([5, 4]), nd([2], [1, 3], 'int32')], (x, ix) => eg.gather(x, ix, 1), (x, ix) => R.gather(x, ix, 1)),
      inst('[2,5,3] indices [4,0,4,2] axis 1', [f([2, 5, 3]), nd([4], [4, 0, 4, 2], 'int32')], (x, ix) => eg.gather(x, ix, 1), (x, ix) => R.gather(x, ix, 1)),
      inst('[33,9] 17 indices', [f([33, 9]), randInt(rng, [17], 0, 33)], (x, ix) => eg.gather(x, ix, 0), (x, ix) => R.gather(x, ix, 0)),
      inst('[5,4] no indices', [f([5, 4]), nd([0], [], 'int32')], (x, ix) => eg.gather(x, ix, 0), (x, ix) => R.gather(x, ix, 0)),
      inst('int32 [6] indices [5,0,2]', [i([6]), nd([3], [5, 0, 2], 'int32')], (x, ix) => eg.gather(x, ix), (x, ix) => R.gather(x, ix, 0)),
    ],
  });
  add({
    name: 'oneHot', tol: 'exact',
    instances: [
      inst('[0,2,4,1] depth 5', [nd([4], [0, 2, 4, 1], 'int32')], (ix) => eg.oneHot(ix, 5), (ix) => R.oneHot(ix, 5)),
      inst('out of range ids [3,-1,2] depth 3 give zero rows', [nd([3], [3, -1, 2], 'int32')], (ix) => eg.oneHot(ix, 3), (ix) => R.oneHot(ix, 3)),
      inst('33 ids depth 10', [randInt(rng, [33], 0, 10)], (ix) => eg.oneHot(ix, 10), (ix) => R.oneHot(ix, 10)),
      inst('depth 1', [nd([2], [0, 0], 'int32')], (ix) => eg.oneHot(ix, 1), (ix) => R.oneHot(ix, 1)),
    ],
  });
  add({
    name: 'cast', tol: 'exact',
    instances: [
      inst('float32 -> int32 truncates toward zero', [nd([9], [-2.75, -1.5, -0.5, 0, 0.5, 1.5, 2.75, 3, -1000000])],
        (x) => eg.cast(x, 'int32'), (x) => R.map(x, Math.trunc, 'int32')),
      inst('int32 -> float32', [i([17])], (x) => eg.cast(x, 'float32'), (x) => R.map(x, (v) => v, 'float32')),
      inst('float32 -> float32', [f([5])], (x) => eg.cast(x, 'float32'), (x) => R.map(x, (v) => v, 'float32')),
      inst('int32 -> int32', [i([5])], (x) => eg.cast(x, 'int32'), (x) => R.map(x, (v) => v, 'int32')),
    ],
  });
}

{
  // Rank 5-6 layouts whose strides do not merge: exercises the N-d stride paths of a backend.
  const rng = new Rng(23);
  const f = (s: number[]) => randNd(rng, s);
  const S6 = [2, 3, 2, 3, 2, 2];
  const p6 = [5, 3, 1, 0, 2, 4];
  add({
    name: 'high-rank layouts', tol: 'exact',
    instances: [
      inst('transpose rank 6', [f(S6)], (x) => eg.transpose(x, p6), (x) => R.transpose(x, p6)),
      inst('slice rank 5', [f([3, 2, 3, 2, 3])], (x) => eg.slice(x, [1, 0, 1, 1, 0], [2, -1, 2, 1, 2]), (x) => R.slice(x, [1, 0, 1, 1, 0], [2, 2, 2, 1, 2])),
      inst('pad rank 5', [f([2, 1, 2, 1, 2])], (x) => eg.pad(x, [[0, 1], [1, 0], [0, 0], [1, 1], [0, 1]]), (x) => R.pad(x, [[0, 1], [1, 0], [0, 0], [1, 1], [0, 1]])),
      inst('concat rank 5 axis 2', [f([2, 2, 1, 2, 3]), f([2, 2, 3, 2, 3])], (a, b) => eg.concat([a, b], 2), (a, b) => R.concat([a, b], 2)),
      inst('maximum rank 6 broadcast', [f([2, 1, 3, 1, 2, 3]), f([3, 1, 2, 1])], (a, b) => eg.maximum(a, b), (a, b) => R.zip(a, b, Math.max)),
      inst('max rank 6 axes [1,3,5]', [f(S6)], (x) => eg.max(x, [1, 3, 5]), (x) => R.reduce(x, 'max', [1, 3, 5])),
    ],
  });
  add({
    name: 'high-rank arithmetic', tol: 'reduce',
    instances: [
      inst('add rank 6 broadcast', [f([2, 1, 3, 1, 2, 3]), f([3, 1, 2, 1])], (a, b) => eg.add(a, b), (a, b) => R.zip(a, b, (x, y) => x + y)),
      inst('sum rank 6 axes [0,2,4]', [f(S6)], (x) => eg.sum(x, [0, 2, 4]), (x) => R.reduce(x, 'sum', [0, 2, 4])),
      inst('sum rank 6 axes [1,3,5] keepDims', [f(S6)], (x) => eg.sum(x, [1, 3, 5], true), (x) => R.reduce(x, 'sum', [1, 3, 5], true)),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

withGrads(cases, 'transpose',
  grad('transpose default', [[2, 3, 4]], (x) => eg.transpose(x)),
  grad('transpose perm [1,2,0]', [[2, 3, 4]], (x) => eg.transpose(x, [1, 2, 0])));
withGrads(cases, 'reshape', grad('reshape', [[2, 3, 4]], (x) => eg.reshape(x, [4, 6])));
withGrads(cases, 'slice', grad('slice', [[4, 5]], (x) => eg.slice(x, [1, 2], [2, -1])));
withGrads(cases, 'pad', grad('pad', [[2, 3]], (x) => eg.pad(x, [[1, 0], [2, 1]])));
withGrads(cases, 'concat',
  grad('concat axis 0', [[2, 3], [1, 3]], (a, b) => eg.concat([a, b], 0)),
  grad('concat axis 1, three inputs', [[2, 3], [2, 1], [2, 2]], (a, b, c) => eg.concat([a, b, c], 1)),
  grad('concat the same tensor twice', [[2, 3]], (a) => eg.concat([a, a], 0)));
withGrads(cases, 'stack', grad('stack axis 1', [[2, 3], [2, 3]], (a, b) => eg.stack([a, b], 1)));
withGrads(cases, 'expandDims / squeeze', grad('expandDims / squeeze', [[3, 1, 4]], (x) => eg.expandDims(eg.squeeze(x), 0)));
// The indices are constants: gather differentiates its table (through scatterAdd).
withGrads(cases, 'gather',
  grad('gather axis 0 with repeated indices', [[5, 3]], (x) => eg.gather(x, eg.tensor([4, 0, 4, 2, 4], [5], 'int32'))),
  grad('gather axis 1', [[2, 5, 3]], (x) => eg.gather(x, eg.tensor([1, 3, 1], [3], 'int32'), 1)));

export const layout: FamilyCases<null> = { family: 'layout', cases, bench: null };
