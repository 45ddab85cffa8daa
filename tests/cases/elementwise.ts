// The elementwise family (unary, binary, the backward kernels through the gradient checks): one
// case list for conformance, gradients and bench (the model: tests/cases/case.ts).
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { type Nd, Rng, nd, randInt, randNd } from '../util/ref.js';
import {
  type BenchOp, type Case, type FamilyCases, type Gen, type Tensor, type TolClass, SHAPES, anyVal, discrete, gAny, gAwayFrom0,
  gDistinct, gPositive, grad, hashName, inst, label, nonZero, positive, smallInt, withGrads,
} from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ------------------------------------------------------------------------------ case builders

function unaryCase(name: string, tol: TolClass, run: (x: Tensor) => Tensor, f: (v: number) => number,
  gen: Gen = anyVal, dtype: R.DType = 'float32', outDtype: R.DType = dtype): Case {
  const rng = new Rng(hashName(name));
  return {
    name, tol,
    instances: SHAPES.map((s) => ({
      label: label(s), inputs: [randNd(rng, s, gen, dtype)], run, ref: (x: Nd) => R.map(x, f, outDtype),
    })),
  };
}

/** Shape pairs that broadcast: scalar, row, column, both sides, rank-extending. */
const BROADCAST: [number[], number[]][] = [
  [[5, 33], []], [[], [9]], [[5, 33], [33]], [[5, 33], [5, 1]], [[5, 1], [1, 33]],
  [[3, 1, 7], [4, 1]], [[2, 3, 4, 5], [3, 1, 5]], [[1], [17]], [[4, 1, 1], [1, 3, 9]],
];

function binaryCase(name: string, tol: TolClass, run: (a: Tensor, b: Tensor) => Tensor,
  f: (a: number, b: number) => number, genA: Gen = anyVal, genB: Gen = genA,
  dtype: R.DType = 'float32', outDtype: R.DType = dtype): Case {
  const rng = new Rng(hashName(name));
  const pairs: [number[], number[]][] = [...SHAPES.map((s): [number[], number[]] => [s, s]), ...BROADCAST];
  return {
    name, tol,
    instances: pairs.map(([sa, sb]) => ({
      label: `${label(sa)} ${label(sb)}`,
      inputs: [randNd(rng, sa, genA, dtype), randNd(rng, sb, genB, dtype)],
      run, ref: (a: Nd, b: Nd) => R.zip(a, b, f, outDtype),
    })),
  };
}

// ----------------------------------------------------------------------------------- unary

add(unaryCase('neg', 'exact', (x) => eg.neg(x), (v) => -v));
add(unaryCase('abs', 'exact', (x) => eg.abs(x), Math.abs));
add(unaryCase('sign', 'exact', (x) => eg.sign(x), Math.sign, discrete));
add(unaryCase('relu', 'exact', (x) => eg.relu(x), (v) => Math.max(v, 0)));
add(unaryCase('clip(-0.5, 1.25)', 'exact', (x) => eg.clip(x, -0.5, 1.25), (v) => Math.min(Math.max(v, -0.5), 1.25)));
add(unaryCase('square', 'arith', (x) => eg.square(x), (v) => v * v));
add(unaryCase('sqrt', 'arith', (x) => eg.sqrt(x), Math.sqrt, positive));
add(unaryCase('reciprocal', 'arith', (x) => eg.reciprocal(x), (v) => 1 / v, nonZero));
add(unaryCase('leakyRelu (default alpha 0.2)', 'arith', (x) => eg.leakyRelu(x), (v) => (v < 0 ? 0.2 * v : v)));
add(unaryCase('leakyRelu(alpha 0.05)', 'arith', (x) => eg.leakyRelu(x, 0.05), (v) => (v < 0 ? 0.05 * v : v)));
add(unaryCase('exp', 'transcendental', (x) => eg.exp(x), Math.exp));
add(unaryCase('log', 'transcendental', (x) => eg.log(x), Math.log, positive));
add(unaryCase('sigmoid', 'transcendental', (x) => eg.sigmoid(x), R.sigmoid, (r) => r.uniform(-8, 8)));
add(unaryCase('tanh', 'transcendental', (x) => eg.tanh(x), Math.tanh));
add(unaryCase('gelu (exact erf form)', 'transcendental', (x) => eg.gelu(x), R.gelu, (r) => r.uniform(-4, 4)));
add(unaryCase('neg int32', 'exact', (x) => eg.neg(x), (v) => -v, smallInt, 'int32'));
add(unaryCase('abs int32', 'exact', (x) => eg.abs(x), Math.abs, smallInt, 'int32'));
add(unaryCase('square int32', 'exact', (x) => eg.square(x), (v) => v * v, smallInt, 'int32'));
add(unaryCase('sign int32', 'exact', (x) => eg.sign(x), Math.sign, smallInt, 'int32'));

add({
  name: 'unary special values', tol: 'transcendental',
  instances: [
    inst('exp(-100, 0, 80, 100)', [nd([4], [-100, 0, 80, 100])], (x) => eg.exp(x), (x) => R.map(x, Math.exp),
      { tol32: { atol: 0, rtol: 1e-5 } }),
    inst('sigmoid(+-100, 0)', [nd([3], [-100, 0, 100])], (x) => eg.sigmoid(x), (x) => R.map(x, R.sigmoid),
      { tol32: { atol: 1e-30 } }),
    inst('tanh(+-20)', [nd([2], [-20, 20])], (x) => eg.tanh(x), (x) => R.map(x, Math.tanh)),
    inst('log(0) = -Infinity', [nd([1], [0])], (x) => eg.log(x), (x) => R.map(x, Math.log)),
    inst('sqrt(0) = 0', [nd([1], [0])], (x) => eg.sqrt(x), (x) => R.map(x, Math.sqrt)),
    inst('gelu(+-6)', [nd([2], [-6, 6])], (x) => eg.gelu(x), (x) => R.map(x, R.gelu)),
  ],
});

// ----------------------------------------------------------------------------------- binary

add(binaryCase('add', 'arith', (a, b) => eg.add(a, b), (a, b) => a + b));
add(binaryCase('sub', 'arith', (a, b) => eg.sub(a, b), (a, b) => a - b));
add(binaryCase('mul', 'arith', (a, b) => eg.mul(a, b), (a, b) => a * b));
add(binaryCase('div', 'arith', (a, b) => eg.div(a, b), (a, b) => a / b, anyVal, nonZero));
add(binaryCase('pow (positive base)', 'transcendental', (a, b) => eg.pow(a, b), Math.pow, positive, (r) => r.uniform(-3, 3)));
add(binaryCase('maximum', 'exact', (a, b) => eg.maximum(a, b), Math.max, discrete));
add(binaryCase('minimum', 'exact', (a, b) => eg.minimum(a, b), Math.min, discrete));
for (const [n, op, f] of [
  ['add', eg.add, (a: number, b: number) => a + b], ['sub', eg.sub, (a: number, b: number) => a - b],
  ['mul', eg.mul, (a: number, b: number) => a * b], ['maximum', eg.maximum, Math.max], ['minimum', eg.minimum, Math.min],
] as const) {
  add(binaryCase(`${n} int32`, 'exact', (a, b) => op(a, b), (a, b) => R.i32(f(a, b)), smallInt, smallInt, 'int32'));
}
for (const [n, op, f] of [
  ['greater', eg.greater, (a: number, b: number) => +(a > b)], ['greaterEqual', eg.greaterEqual, (a: number, b: number) => +(a >= b)],
  ['less', eg.less, (a: number, b: number) => +(a < b)], ['lessEqual', eg.lessEqual, (a: number, b: number) => +(a <= b)],
  ['equal', eg.equal, (a: number, b: number) => +(a === b)], ['notEqual', eg.notEqual, (a: number, b: number) => +(a !== b)],
] as const) {
  add(binaryCase(n, 'exact', (a, b) => op(a, b), f, discrete));
  add(binaryCase(`${n} int32 (float32 out)`, 'exact', (a, b) => op(a, b), f, (r) => r.int(-2, 3), (r) => r.int(-2, 3), 'int32', 'float32'));
}

{
  const rng = new Rng(7);
  const x = () => randNd(rng, [5, 7]);
  const xi = () => randInt(rng, [9], -20, 20);
  add({
    name: 'plain number operands', tol: 'arith',
    instances: [
      inst('add(x, 2)', [x()], (a) => eg.add(a, 2), (a) => R.map(a, (v) => v + 2)),
      inst('add(2, x)', [x()], (a) => eg.add(2, a), (a) => R.map(a, (v) => 2 + v)),
      inst('sub(1.5, x)', [x()], (a) => eg.sub(1.5, a), (a) => R.map(a, (v) => 1.5 - v)),
      inst('mul(x, -3)', [x()], (a) => eg.mul(a, -3), (a) => R.map(a, (v) => -3 * v)),
      inst('div(x, 4)', [x()], (a) => eg.div(a, 4), (a) => R.map(a, (v) => v / 4)),
      inst('div(1, x)', [randNd(rng, [9], nonZero)], (a) => eg.div(1, a), (a) => R.map(a, (v) => 1 / v)),
      inst('maximum(x, 0)', [x()], (a) => eg.maximum(a, 0), (a) => R.map(a, (v) => Math.max(v, 0))),
      inst('pow(x, 2) with negative x', [x()], (a) => eg.pow(a, 2), (a) => R.map(a, (v) => v * v),
        { tol32: { rtol: 1e-5, atol: 1e-6 }, tol64: { rtol: 1e-10 } }),
      inst('pow(x, 3) with negative x', [x()], (a) => eg.pow(a, 3), (a) => R.map(a, (v) => v * v * v),
        { tol32: { rtol: 1e-5, atol: 1e-6 }, tol64: { rtol: 1e-10 } }),
      inst('greater(x, 0)', [x()], (a) => eg.greater(a, 0), (a) => R.map(a, (v) => +(v > 0))),
      inst('add(int32, 3) stays int32', [xi()], (a) => eg.add(a, 3), (a) => R.map(a, (v) => v + 3)),
      inst('mul(int32, -2) stays int32', [xi()], (a) => eg.mul(a, -2), (a) => R.map(a, (v) => -2 * v)),
    ],
  });
}

{
  const rng = new Rng(8);
  add({
    name: 'aliased operands (the same tensor twice)', tol: 'arith',
    instances: [
      ...[[1], [4], [9], [33], [5, 33]].map((s) => inst(`mul(x, x) ${label(s)}`, [randNd(rng, s)], (a) => eg.mul(a, a), (a) => R.map(a, (v) => v * v))),
      inst('add(x, x)', [randNd(rng, [17])], (a) => eg.add(a, a), (a) => R.map(a, (v) => v + v)),
      inst('sub(x, x)', [randNd(rng, [17])], (a) => eg.sub(a, a), (a) => R.map(a, () => 0)),
      inst('matmul(x, x, transposeB) [5,9]', [randNd(rng, [5, 9])], (a) => eg.matmul(a, a, { transposeB: true }),
        (a) => R.matmul(a, a, false, true), { tol32: { stol: 18 * 2 ** -24 }, tol64: { stol: 18 * 2 ** -53 } }),
      inst('concat([x, x], 1)', [randNd(rng, [3, 4])], (a) => eg.concat([a, a], 1), (a) => R.concat([a, a], 1), { tol32: { rtol: 0, atol: 0 } }),
    ],
  });
}

// ----------------------------------------------------------------------------------- methods

{
  const rng = new Rng(19);
  const f = (s: number[], g: Gen = anyVal) => randNd(rng, s, g);
  add({
    name: 'tensor methods delegate to the ops', tol: 'arith',
    instances: [
      inst('x.add(y)', [f([3, 4]), f([4])], (a, b) => a.add(b), (a, b) => R.zip(a, b, (x, y) => x + y)),
      inst('x.add(2)', [f([3, 4])], (a) => a.add(2), (a) => R.map(a, (x) => x + 2)),
      inst('x.sub(y)', [f([3, 4]), f([3, 4])], (a, b) => a.sub(b), (a, b) => R.zip(a, b, (x, y) => x - y)),
      inst('x.mul(y)', [f([3, 4]), f([3, 1])], (a, b) => a.mul(b), (a, b) => R.zip(a, b, (x, y) => x * y)),
      inst('x.div(y)', [f([3, 4]), f([3, 4], nonZero)], (a, b) => a.div(b), (a, b) => R.zip(a, b, (x, y) => x / y)),
      inst('x.matmul(y)', [f([3, 4]), f([4, 5])], (a, b) => a.matmul(b), (a, b) => R.matmul(a, b), { tol32: { stol: 8 * 2 ** -24 }, tol64: { stol: 8 * 2 ** -53 } }),
      inst('x.sum(1)', [f([3, 4])], (a) => a.sum(1), (a) => R.reduce(a, 'sum', 1), { tol32: { stol: 4e-6 }, tol64: { stol: 1e-14 } }),
      inst('x.sum()', [f([3, 4])], (a) => a.sum(), (a) => R.reduce(a, 'sum'), { tol32: { stol: 4e-6 }, tol64: { stol: 1e-14 } }),
      inst('x.mean(0)', [f([3, 4])], (a) => a.mean(0), (a) => R.reduce(a, 'mean', 0), { tol32: { stol: 4e-6 }, tol64: { stol: 1e-14 } }),
      inst('x.reshape([4,3])', [f([3, 4])], (a) => a.reshape([4, 3]), (a) => R.reshape(a, [4, 3])),
      inst('x.transpose()', [f([3, 4])], (a) => a.transpose(), (a) => R.transpose(a)),
      inst('x.relu()', [f([3, 4])], (a) => a.relu(), (a) => R.map(a, (v) => Math.max(v, 0))),
      inst('x.neg()', [f([3, 4])], (a) => a.neg(), (a) => R.map(a, (v) => -v)),
      inst('x.max(1)', [f([3, 4])], (a) => a.max(1), (a) => R.reduce(a, 'max', 1)),
      inst('x.argmax(1)', [f([3, 4])], (a) => a.argmax(1), (a) => R.reduce(a, 'argmax', 1)),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

const S = [3, 4];
const g = (name: string, ...checks: Parameters<typeof grad>[]) => withGrads(cases, name, ...checks.map((c) => grad(...c)));
g('neg', ['neg', [S], (x) => eg.neg(x)]);
g('exp', ['exp', [S], (x) => eg.exp(x)]);
g('log', ['log', [S], (x) => eg.log(x), gPositive]);
g('sqrt', ['sqrt', [S], (x) => eg.sqrt(x), gPositive]);
g('square', ['square', [S], (x) => eg.square(x)]);
g('abs', ['abs (away from 0)', [S], (x) => eg.abs(x), gAwayFrom0]);
g('reciprocal', ['reciprocal', [S], (x) => eg.reciprocal(x), (r) => r.awayFromZero(0.5, 2)]);
g('sign', ['sign (zero gradient)', [S], (x) => eg.sign(x), gAwayFrom0]);
g('relu', ['relu (away from 0)', [S], (x) => eg.relu(x), gAwayFrom0]);
g('leakyRelu (default alpha 0.2)', ['leakyRelu default alpha', [S], (x) => eg.leakyRelu(x), gAwayFrom0]);
g('leakyRelu(alpha 0.05)', ['leakyRelu alpha 0.1', [S], (x) => eg.leakyRelu(x, 0.1), gAwayFrom0]);
g('sigmoid', ['sigmoid', [S], (x) => eg.sigmoid(x), (r) => r.uniform(-4, 4)]);
g('tanh', ['tanh', [S], (x) => eg.tanh(x)]);
g('gelu (exact erf form)', ['gelu', [S], (x) => eg.gelu(x), (r) => r.uniform(-3, 3)]);
g('clip(-0.5, 1.25)', ['clip(-0.5, 0.5) away from the bounds', [S], (x) => eg.clip(x, -0.5, 0.5),
  (r) => r.pick([r.uniform(-1.5, -0.55), r.uniform(-0.45, 0.45), r.uniform(0.55, 1.5)])]);

g('add', ['add', [S, S], (a, b) => eg.add(a, b)], ['add [3,4] + [4] (row)', [S, [4]], (a, b) => eg.add(a, b)]);
g('sub', ['sub', [S, S], (a, b) => eg.sub(a, b)], ['sub [3,1] - [1,4] (both sides)', [[3, 1], [1, 4]], (a, b) => eg.sub(a, b)]);
g('mul', ['mul', [S, S], (a, b) => eg.mul(a, b)], ['mul [3,4] * [3,1] (column)', [S, [3, 1]], (a, b) => eg.mul(a, b)],
  ['mul [] * [3,4] (scalar)', [[], S], (a, b) => eg.mul(a, b)]);
g('div', ['div', [S, S], (a, b) => eg.div(a, b), [gAny, (r) => r.awayFromZero(0.5, 2)]],
  ['div [2,3,4] / [3,1] (rank-extending)', [[2, 3, 4], [3, 1]], (a, b) => eg.div(a, b), [gAny, (r) => r.awayFromZero(0.5, 2)]]);
g('pow (positive base)', ['pow (both operands)', [S, S], (a, b) => eg.pow(a, b), [gPositive, gAny]],
  ['pow [2,3] ^ [3] (broadcast)', [[2, 3], [3]], (a, b) => eg.pow(a, b), [gPositive, gAny]]);
g('maximum', ['maximum (no ties)', [S, S], (a, b) => eg.maximum(a, b), gDistinct()],
  ['maximum [3,4] vs [4] (broadcast)', [S, [4]], (a, b) => eg.maximum(a, b), gDistinct()]);
g('minimum', ['minimum (no ties)', [S, S], (a, b) => eg.minimum(a, b), gDistinct()]);
g('plain number operands', ['pow(x, 3) with negative x', [S], (x) => eg.pow(x, 3)], ['pow(x, 0.5)', [S], (x) => eg.pow(x, 0.5), gPositive],
  ['number operands: 2*x - 1/x + 3', [S], (x) => eg.add(eg.sub(eg.mul(2, x), eg.div(1, x)), 3), (r) => r.awayFromZero(0.5, 2)]);
g('aliased operands (the same tensor twice)', ['x*x + x (a tensor used twice)', [S], (x) => eg.add(eg.mul(x, x), x)]);
g('tensor methods delegate to the ops', ['tensor methods: x.mul(y).sum(1).exp()', [S, S], (x, y) => x.mul(y).sum(1).exp()]);
add({
  name: 'compositions', tol: 'transcendental', instances: [],
  grads: [grad('tanh(x) * sigmoid(x) / (1 + x^2)', [S], (x) => eg.div(eg.mul(eg.tanh(x), eg.sigmoid(x)), eg.add(eg.square(x), 1)))],
});

// ----------------------------------------------------------------------------------- bench

const SQ = [1024, 1024], ROW = [1024];
/** bench/elementwise.ts, in its row order (then the reduce and softmax families' lists). */
const bench: BenchOp[] = [
  { name: 'add', shapes: [SQ, SQ], arrays: 3, quick: true, run: (a, b) => eg.add(a, b) },
  { name: 'mul', shapes: [SQ, SQ], arrays: 3, run: (a, b) => eg.mul(a, b) },
  { name: 'relu', shapes: [SQ], arrays: 2, run: (a) => eg.relu(a) },
  { name: 'sigmoid', shapes: [SQ], arrays: 2, run: (a) => eg.sigmoid(a) },
  { name: 'exp', shapes: [SQ], arrays: 2, quick: true, run: (a) => eg.exp(a) },
  { name: 'add (row broadcast)', shapes: [SQ, ROW], arrays: 2, quick: true, run: (a, b) => eg.add(a, b) },
];

export const elementwise: FamilyCases<BenchOp[]> = { family: 'elementwise', cases, bench };
