// One op conformance suite, run on the js float64 reference and on every backend under test,
// against plain float64 math written in tests/util/ref.ts.
//
// Tolerances, |got - want| <= atol + rtol*|want| + stol*scale, where scale is the sum of the
// absolute terms that made the element (reductions, dot products); u32 = 2^-24, u64 = 2^-53.
//
// | family         | ops                                                          | float32 backends                 | js float64                   |
// |----------------|--------------------------------------------------------------|----------------------------------|------------------------------|
// | exact          | layout, int32, comparisons, neg abs sign relu max/min clip,  | bit-exact                        | bit-exact                    |
// |                | cast oneHot gather creation                                  |                                  |                              |
// | arith          | add sub mul div square sqrt reciprocal leakyRelu             | rtol 1e-6, atol 1e-12            | rtol 1e-14, atol 1e-300      |
// | transcendental | exp log pow sigmoid tanh gelu                                | rtol 1e-5, atol 1e-6             | rtol 1e-10, atol 1e-12       |
// | softmax        | softmax logSoftmax, the losses                               | rtol 1e-5, atol 1e-6             | rtol 1e-10, atol 1e-12       |
// |                | ... with logits of magnitude 1e4                             | rtol 1e-5, atol 4e-3 (4 ulp(1e4))| rtol 1e-10, atol 1e-8        |
// | reduce         | sum mean                                                     | rtol 1e-6, atol 1e-7, stol 4e-6  | rtol 1e-14, stol 1e-14       |
// | matmul         | matmul, K = inner dim                                        | stol 2*K*u32, atol 1e-7          | stol 2*K*u64, atol 1e-300    |
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { FAMILIES, KERNELS, UNARY_GRAD } from '../src/kernels.js';
import { JS_F64, WASM_BUILD, testBackends, use, values, type BackendConfig } from './util/backends.js';
import { type Case, type Family, type Instance, type Tensor, hashName, runInstance } from './util/cases.js';
import type { Tol } from './util/close.js';
import * as R from './util/ref.js';
import { type Nd, Rng, nd, randInt, randNd } from './util/ref.js';

const TOL32: Record<Family, Tol> = {
  exact: { rtol: 0, atol: 0 },
  arith: { rtol: 1e-6, atol: 1e-12 },
  transcendental: { rtol: 1e-5, atol: 1e-6 },
  softmax: { rtol: 1e-5, atol: 1e-6 },
  reduce: { rtol: 1e-6, atol: 1e-7, stol: 4e-6 },
  matmul: { rtol: 0, atol: 1e-7, stol: 0 /* per instance: 2*K*u32 */ },
};
const TOL64: Record<Family, Tol> = {
  exact: { rtol: 0, atol: 0 },
  arith: { rtol: 1e-14, atol: 1e-300 },
  transcendental: { rtol: 1e-10, atol: 1e-12 },
  softmax: { rtol: 1e-10, atol: 1e-12 },
  reduce: { rtol: 1e-14, atol: 1e-300, stol: 1e-14 },
  matmul: { rtol: 0, atol: 1e-300, stol: 0 /* per instance: 2*K*u64 */ },
};
const LARGE_LOGITS = { tol32: { atol: 4e-3 }, tol64: { atol: 1e-8 } };

/** Sizes around the SIMD widths (4 lanes, 8/16/32-element unrolls), plus scalar and 2-D. */
const SHAPES: number[][] = [[], [0], [1], [3], [4], [5], [7], [8], [9], [17], [33], [5, 33]];
const label = (s: number[]) => `[${s}]`;

// ------------------------------------------------------------------------------ case builders

type Gen = (r: Rng) => number;
const anyVal: Gen = (r) => r.uniform(-3, 3);
const positive: Gen = (r) => r.uniform(0.1, 4);
const nonZero: Gen = (r) => r.awayFromZero(0.25, 3);
const discrete: Gen = (r) => r.pick([-1, -0.5, 0, 0.5, 1]);
const smallInt: Gen = (r) => r.int(-20, 21);

function unaryCase(name: string, family: Family, run: (x: Tensor) => Tensor, f: (v: number) => number,
  gen: Gen = anyVal, dtype: R.DType = 'float32', outDtype: R.DType = dtype): Case {
  const rng = new Rng(hashName(name));
  return {
    name, family,
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

function binaryCase(name: string, family: Family, run: (a: Tensor, b: Tensor) => Tensor,
  f: (a: number, b: number) => number, genA: Gen = anyVal, genB: Gen = genA,
  dtype: R.DType = 'float32', outDtype: R.DType = dtype): Case {
  const rng = new Rng(hashName(name));
  const pairs: [number[], number[]][] = [...SHAPES.map((s): [number[], number[]] => [s, s]), ...BROADCAST];
  return {
    name, family,
    instances: pairs.map(([sa, sb]) => ({
      label: `${label(sa)} ${label(sb)}`,
      inputs: [randNd(rng, sa, genA, dtype), randNd(rng, sb, genB, dtype)],
      run, ref: (a: Nd, b: Nd) => R.zip(a, b, f, outDtype),
    })),
  };
}

function inst(labelText: string, inputs: Nd[], run: (...ts: Tensor[]) => Tensor, ref: (...xs: Nd[]) => Nd,
  extra: Partial<Instance> = {}): Instance {
  return { label: labelText, inputs, run, ref, ...extra };
}

const CASES: Case[] = [];
const add = (c: Case) => CASES.push(c);

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
  name: 'unary special values', family: 'transcendental',
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
    name: 'plain number operands', family: 'arith',
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
    name: 'aliased operands (the same tensor twice)', family: 'arith',
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

// ----------------------------------------------------------------------------------- reductions

type RedOp = (x: Tensor, axis?: number | number[], keepDims?: boolean) => Tensor;
const REDUCERS: [R.ReduceKind, RedOp, Family][] = [
  ['sum', (x, a, k) => eg.sum(x, a, k), 'reduce'], ['mean', (x, a, k) => eg.mean(x, a, k), 'reduce'],
  ['max', (x, a, k) => eg.max(x, a, k), 'exact'], ['min', (x, a, k) => eg.min(x, a, k), 'exact'],
];
const AXES3: (number | number[] | undefined)[] = [undefined, 0, 1, 2, -1, -3, [0, 2], [0, 1], [1, 2], [2, 0], [0, 1, 2], [-1, 0]];
for (const [kind, op, family] of REDUCERS) {
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
  add({ name: `${kind} reductions`, family, instances });
}
add({
  name: 'sum over an empty axis gives zeros', family: 'exact',
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
  add({ name: 'argmax (int32 output)', family: 'exact', instances });
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
  add({ name: 'argmin (int32 output)', family: 'exact', instances });
}

// ----------------------------------------------------------------------------------- softmax family

{
  const rng = new Rng(5);
  const big = nd([2, 4], [1e4, -1e4, 0, 9999, -1e4, -1e4, -1e4, -1e4]);
  for (const [name, op, ref] of [
    ['softmax', (x: Tensor, a?: number) => (a === undefined ? eg.softmax(x) : eg.softmax(x, a)), R.softmax],
    ['logSoftmax', (x: Tensor, a?: number) => (a === undefined ? eg.logSoftmax(x) : eg.logSoftmax(x, a)), R.logSoftmax],
  ] as const) {
    add({
      name, family: 'softmax',
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

// ----------------------------------------------------------------------------------- matmul

{
  const rng = new Rng(11);
  const DIMS: [number, number, number][] = [
    [1, 1, 1], [1, 33, 1], [2, 1, 3], [3, 4, 5], [4, 4, 4], [5, 7, 9], [8, 8, 8], [7, 3, 1],
    [9, 17, 3], [17, 9, 33], [33, 33, 33], [1, 8, 17], [16, 5, 16],
  ];
  const mm = (ta: boolean, tb: boolean) => (a: Tensor, b: Tensor) =>
    (ta || tb ? eg.matmul(a, b, { transposeA: ta, transposeB: tb }) : eg.matmul(a, b));
  const forms = [[false, false], [true, false], [false, true], [true, true]] as const;
  const kTol = (K: number) => ({ tol32: { stol: 2 * Math.max(K, 1) * 2 ** -24 }, tol64: { stol: 2 * Math.max(K, 1) * 2 ** -53 } });
  for (const [ta, tb] of forms) {
    const instances: Instance[] = [];
    for (const [M, K, N] of DIMS) {
      const a = randNd(rng, ta ? [K, M] : [M, K]), b = randNd(rng, tb ? [N, K] : [K, N]);
      instances.push(inst(`M${M} K${K} N${N}`, [a, b], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(K)));
    }
    const batched: [number[], number[]][] = [
      [[2, 3, 4], [2, 4, 5]], [[2, 3, 4], [1, 4, 5]], [[2, 3, 4], [4, 5]], [[3, 4], [2, 4, 5]],
      [[1, 3, 4], [3, 4, 5]], [[2, 3, 5, 9], [2, 3, 9, 4]], [[2, 3, 5, 9], [9, 4]], [[1, 1, 3, 4], [2, 3, 4, 5]],
    ];
    for (const [sa, sb] of batched) {
      const tr = (s: number[], t: boolean) => (t ? [...s.slice(0, -2), s[s.length - 1], s[s.length - 2]] : s);
      const K = sa[sa.length - 1];
      instances.push(inst(`batched ${label(tr(sa, ta))} x ${label(tr(sb, tb))}`, [randNd(rng, tr(sa, ta)), randNd(rng, tr(sb, tb))],
        mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(K)));
    }
    add({ name: `matmul transposeA ${ta} transposeB ${tb}`, family: 'matmul', instances });
  }
  // NumPy broadcasting of batch dims where the batch sizes are neither 1 nor equal: [2,1] with [3],
  // and rank-extending [2,3] with [3].
  add({
    name: 'matmul batch broadcasting like NumPy', family: 'matmul',
    instances: forms.flatMap(([ta, tb]) => {
      const a = randNd(rng, ta ? [2, 1, 4, 3] : [2, 1, 3, 4]), b = randNd(rng, tb ? [3, 2, 4] : [3, 4, 2]);
      const c = randNd(rng, ta ? [3, 1, 5, 2] : [3, 1, 2, 5]), d = randNd(rng, tb ? [4, 3, 5] : [4, 5, 3]);
      return [
        inst(`[2,1]x[3] transposeA ${ta} transposeB ${tb}`, [a, b], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(4)),
        inst(`[3,1]x[4] transposeA ${ta} transposeB ${tb}`, [c, d], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(5)),
        inst(`[2,3]x[3] transposeA ${ta} transposeB ${tb}`, [randNd(rng, ta ? [2, 3, 4, 3] : [2, 3, 3, 4]), randNd(rng, tb ? [3, 2, 4] : [3, 4, 2])],
          mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(4)),
      ];
    }),
  });
  add({
    name: 'matmul empty operands', family: 'matmul',
    instances: [
      inst('M0: [0,4] x [4,3] -> [0,3]', [nd([0, 4], []), randNd(rng, [4, 3])], (a, b) => eg.matmul(a, b), (a, b) => R.matmul(a, b)),
      inst('K0: [2,0] x [0,3] -> zeros [2,3]', [nd([2, 0], []), nd([0, 3], [])], (a, b) => eg.matmul(a, b), (a, b) => R.matmul(a, b)),
    ],
  });
}

// ----------------------------------------------------------------------------------- layout

{
  const rng = new Rng(13);
  const f = (s: number[]) => randNd(rng, s);
  const i = (s: number[]) => randInt(rng, s, -1000, 1000);
  add({
    name: 'transpose', family: 'exact',
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
    name: 'reshape', family: 'exact',
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
    name: 'slice', family: 'exact',
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
    name: 'pad', family: 'exact',
    instances: [
      inst('[3,4] [[1,2],[0,3]]', [f([3, 4])], (x) => eg.pad(x, P([[1, 2], [0, 3]])), (x) => R.pad(x, [[1, 2], [0, 3]])),
      inst('[5] [[2,1]]', [f([5])], (x) => eg.pad(x, P([[2, 1]])), (x) => R.pad(x, [[2, 1]])),
      inst('[2,3,4] [[0,0],[1,0],[0,2]]', [f([2, 3, 4])], (x) => eg.pad(x, P([[0, 0], [1, 0], [0, 2]])), (x) => R.pad(x, [[0, 0], [1, 0], [0, 2]])),
      inst('[0,2] [[1,1],[0,0]]', [f([0, 2])], (x) => eg.pad(x, P([[1, 1], [0, 0]])), (x) => R.pad(x, [[1, 1], [0, 0]])),
      inst('int32 [2,3] [[1,1],[2,0]]', [i([2, 3])], (x) => eg.pad(x, P([[1, 1], [2, 0]])), (x) => R.pad(x, [[1, 1], [2, 0]])),
    ],
  });
  add({
    name: 'concat', family: 'exact',
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
    name: 'stack', family: 'exact',
    instances: [
      inst('3 x [3,4] axis 0', [f([3, 4]), f([3, 4]), f([3, 4])], (a, b, c) => eg.stack([a, b, c], 0), (a, b, c) => R.stack([a, b, c], 0)),
      inst('3 x [3,4] axis 1', [f([3, 4]), f([3, 4]), f([3, 4])], (a, b, c) => eg.stack([a, b, c], 1), (a, b, c) => R.stack([a, b, c], 1)),
      inst('2 x [3,4] axis -1', [f([3, 4]), f([3, 4])], (a, b) => eg.stack([a, b], -1), (a, b) => R.stack([a, b], 2)),
      inst('int32 2 x [5] axis 0', [i([5]), i([5])], (a, b) => eg.stack([a, b], 0), (a, b) => R.stack([a, b], 0)),
    ],
  });
  add({
    name: 'expandDims / squeeze', family: 'exact',
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
    name: 'gather', family: 'exact',
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
    name: 'oneHot', family: 'exact',
    instances: [
      inst('[0,2,4,1] depth 5', [nd([4], [0, 2, 4, 1], 'int32')], (ix) => eg.oneHot(ix, 5), (ix) => R.oneHot(ix, 5)),
      inst('out of range ids [3,-1,2] depth 3 give zero rows', [nd([3], [3, -1, 2], 'int32')], (ix) => eg.oneHot(ix, 3), (ix) => R.oneHot(ix, 3)),
      inst('33 ids depth 10', [randInt(rng, [33], 0, 10)], (ix) => eg.oneHot(ix, 10), (ix) => R.oneHot(ix, 10)),
      inst('depth 1', [nd([2], [0, 0], 'int32')], (ix) => eg.oneHot(ix, 1), (ix) => R.oneHot(ix, 1)),
    ],
  });
  add({
    name: 'cast', family: 'exact',
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
    name: 'high-rank layouts', family: 'exact',
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
    name: 'high-rank arithmetic', family: 'reduce',
    instances: [
      inst('add rank 6 broadcast', [f([2, 1, 3, 1, 2, 3]), f([3, 1, 2, 1])], (a, b) => eg.add(a, b), (a, b) => R.zip(a, b, (x, y) => x + y)),
      inst('sum rank 6 axes [0,2,4]', [f(S6)], (x) => eg.sum(x, [0, 2, 4]), (x) => R.reduce(x, 'sum', [0, 2, 4])),
      inst('sum rank 6 axes [1,3,5] keepDims', [f(S6)], (x) => eg.sum(x, [1, 3, 5], true), (x) => R.reduce(x, 'sum', [1, 3, 5], true)),
    ],
  });
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
    name: 'losses', family: 'softmax',
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

// ----------------------------------------------------------------------------------- methods

{
  const rng = new Rng(19);
  const f = (s: number[], g: Gen = anyVal) => randNd(rng, s, g);
  add({
    name: 'tensor methods delegate to the ops', family: 'arith',
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

// ----------------------------------------------------------------------------------- the suite

const CONFIGS: BackendConfig[] = [JS_F64, ...testBackends()];

/** Reference random numbers, made once on the float32 js backend. */
const RAND: Record<string, Float32Array> = {};
const RAND_SPECS: Record<string, () => Tensor> = {
  'randn seed 1': () => eg.randn([1000], { seed: 1 }),
  'randn seed 2': () => eg.randn([1000], { seed: 2 }),
  'randn [7,9] seed 3': () => eg.randn([7, 9], { seed: 3 }),
  'randu seed 1 [-1,1)': () => eg.randu([1000], { seed: 1, low: -1, high: 1 }),
  'randu seed 1 default': () => eg.randu([1000], { seed: 1 }),
};
beforeAll(async () => {
  await eg.init({ backend: 'js' });
  for (const [k, make] of Object.entries(RAND_SPECS)) {
    const t = make();
    RAND[k] = Float32Array.from(t.dataSync());
    t.dispose();
  }
});

function tolFor(family: Family, cfg: BackendConfig, i: Instance): Tol {
  return cfg.float64 ? { ...TOL64[family], ...i.tol64 } : { ...TOL32[family], ...i.tol32 };
}

/**
 * Kernels whose cases live in another file: the in-place optimizer updates
 * (tests/optimizers.test.ts), the backward kernels (tests/gradients.test.ts, every backend),
 * fusedMatmul (tests/gemm.test.ts, tests/webgpu.test.ts), the conv family (tests/conv.test.ts:
 * every backend against float64 loops, skipping a kernel a backend still lists as unsupported).
 */
const ELSEWHERE: ReadonlySet<string> = new Set([...FAMILIES.optim, ...UNARY_GRAD, 'scatterAdd', 'fusedMatmul', ...FAMILIES.conv]);

for (const cfg of CONFIGS) {
  describe(`conformance on ${cfg.label}`, () => {
    // Records every kernel the cases run, so a kernel of the closed set without a case fails below.
    const ran = new Set<string>();
    const runKernel = engine.runKernel;
    beforeAll(async () => {
      await use(cfg);
      engine.runKernel = function (this: typeof engine, name, ...rest) {
        ran.add(name);
        return runKernel.call(this, name, ...rest);
      } as typeof engine.runKernel;
    });
    afterAll(() => { engine.runKernel = runKernel; });

    it('init made it the active backend and features() describe it', () => {
      expect(eg.backend()).toBe(cfg.backend);
      const f = eg.features();
      for (const k of ['simd', 'relaxedSimd', 'webgpu', 'sharedMemory'] as const) expect(typeof f[k]).toBe('boolean');
      expect(typeof f.threads).toBe('number');
      if (cfg.backend === 'wasm') {
        const build = (f as unknown as { wasmBuild?: string }).wasmBuild;
        if (WASM_BUILD) expect(build).toBe(WASM_BUILD);
        else expect(['simd', 'relaxed', 'scalar']).toContain(build);
      }
    });

    for (const c of CASES) {
      it(`${c.family}: ${c.name}`, async () => {
        const problems: string[] = [];
        for (const i of c.instances) {
          for (const p of await runInstance(eg, i, tolFor(c.family, cfg, i), cfg.float64)) problems.push(`${i.label}: ${p}`);
        }
        expect(problems).toEqual([]);
      });
    }

    it('every kernel of src/kernels.ts has a case here (or in the file named in ELSEWHERE)', () => {
      expect(KERNELS.filter((k) => !ran.has(k) && !ELSEWHERE.has(k))).toEqual([]);
    });

    describe('creation and reading', async () => {
      it('tensor from nested arrays infers shape, defaults to float32', async () => {
        const a = eg.tensor([[1, 2, 3], [4, 5, 6]]);
        expect(a.shape).toEqual([2, 3]);
        expect(a.dtype).toBe('float32');
        expect(a.size).toBe(6);
        expect(a.rank).toBe(2);
        expect(Array.from(await values(a))).toEqual([1, 2, 3, 4, 5, 6]);
        expect(Array.from(await a.data())).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await a.array()).toEqual([[1, 2, 3], [4, 5, 6]]);
        a.dispose();
      });

      it('tensor from a typed array and shape; 3-D array(); scalar', async () => {
        const b = eg.tensor(Float32Array.from({ length: 24 }, (_, k) => k / 4), [2, 3, 4]);
        expect(b.shape).toEqual([2, 3, 4]);
        const arr = (await b.array()) as number[][][];
        expect(arr[1][2][3]).toBe(23 / 4);
        expect(arr[0][1]).toEqual([1, 1.25, 1.5, 1.75]);
        const s = eg.tensor(Float32Array.of(2.5), []);
        expect(s.shape).toEqual([]);
        expect(s.rank).toBe(0);
        expect(s.size).toBe(1);
        expect(Array.from(await values(s))).toEqual([2.5]);
        b.dispose(); s.dispose();
      });

      it('int32 tensors keep int32 storage and values', async () => {
        const i = eg.tensor([0, 2, -7, 2147483647], [4], 'int32');
        expect(i.dtype).toBe('int32');
        const d = await values(i);
        expect(d).toBeInstanceOf(Int32Array);
        expect(Array.from(d)).toEqual([0, 2, -7, 2147483647]);
        expect(await i.data()).toBeInstanceOf(Int32Array);
        expect(await i.array()).toEqual([0, 2, -7, 2147483647]);
        const j = eg.tensor(Int32Array.of(1, 2, 3, 4, 5, 6), [3, 2], 'int32');
        expect(await j.array()).toEqual([[1, 2], [3, 4], [5, 6]]);
        i.dispose(); j.dispose();
      });

      it('float32 storage rounds to float32 (float64 mode keeps doubles)', async () => {
        const t = eg.tensor([0.1, 1 / 3]);
        const d = await values(t);
        if (cfg.float64) {
          expect(d).toBeInstanceOf(Float64Array);
          expect(Array.from(d)).toEqual([0.1, 1 / 3]);
        } else {
          expect(d).toBeInstanceOf(Float32Array);
          expect(Array.from(d)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
        }
        t.dispose();
      });

      it('data() and dataSync() return copies', async () => {
        const t = eg.tensor([1, 2, 3]);
        // webgpu reads asynchronously only: its dataSync() throws, pointing at data()
        if (cfg.backend === 'webgpu') expect(() => t.dataSync()).toThrow(/await t\.data\(\)/);
        else t.dataSync()[0] = 99;
        (await t.data())[1] = 99;
        expect(Array.from(await values(t))).toEqual([1, 2, 3]);
        t.dispose();
      });

      it('zeros, ones, full, arange', async () => {
        const z = eg.zeros([2, 3]), o = eg.ones([2]), f = eg.full([2], 7), r = eg.arange(5);
        expect(z.shape).toEqual([2, 3]);
        expect(z.dtype).toBe('float32');
        expect(Array.from(await values(z))).toEqual([0, 0, 0, 0, 0, 0]);
        expect(Array.from(await values(o))).toEqual([1, 1]);
        expect(Array.from(await values(f))).toEqual([7, 7]);
        expect(r.shape).toEqual([5]);
        expect(Array.from(await values(r))).toEqual([0, 1, 2, 3, 4]);
        const e = eg.zeros([0, 4]);
        expect(e.size).toBe(0);
        expect((await values(e)).length).toBe(0);
        for (const t of [z, o, f, r, e]) t.dispose();
      });

      it('zeros/ones/full take a dtype (tfjs convention)', async () => {
        const z = eg.zeros([3], 'int32'), o = eg.ones([2], 'int32'), f = eg.full([2], 7, 'int32');
        for (const t of [z, o, f]) { expect(t.dtype).toBe('int32'); expect(await values(t)).toBeInstanceOf(Int32Array); }
        expect(Array.from(await values(f))).toEqual([7, 7]);
        for (const t of [z, o, f]) t.dispose();
      });
    });

    describe('seeded random numbers', () => {
      const read = async (t: Tensor) => { const d = Array.from(await values(t)); t.dispose(); return d; };

      it('same seed gives the same numbers as the js backend, bit for bit', async () => {
        for (const [k, make] of Object.entries(RAND_SPECS)) {
          const t = make();
          expect(t.dtype, k).toBe('float32');
          const got = await read(t);
          const want = Array.from(RAND[k]);
          // float64 mode may draw doubles; rounded to float32 they must be the same draws.
          expect(cfg.float64 ? got.map(Math.fround) : got, k).toEqual(want);
        }
      });

      it('same seed twice is identical; different seeds differ', async () => {
        expect(await read(eg.randn([64], { seed: 5 }))).toEqual(await read(eg.randn([64], { seed: 5 })));
        expect(await read(eg.randu([64], { seed: 5 }))).toEqual(await read(eg.randu([64], { seed: 5 })));
        const a = await read(eg.randn([64], { seed: 5 })), b = await read(eg.randn([64], { seed: 6 }));
        expect(a.filter((v, k) => v === b[k]).length).toBeLessThan(3);
      });

      it('randn has mean ~0 and std ~1; randu stays in [low, high) with the right mean', async () => {
        const n = 20000;
        const x = await read(eg.randn([n], { seed: 42 }));
        const mean = x.reduce((a, v) => a + v, 0) / n;
        const std = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
        expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
        expect(Math.abs(std - 1)).toBeLessThan(0.03);
        expect(x.every(Number.isFinite)).toBe(true);
        const u = await read(eg.randu([n], { seed: 42, low: -3, high: 5 }));
        expect(Math.min(...u)).toBeGreaterThanOrEqual(-3);
        expect(Math.max(...u)).toBeLessThan(5);
        const um = u.reduce((a, v) => a + v, 0) / n;
        expect(Math.abs(um - 1)).toBeLessThan(5 * (8 / Math.sqrt(12)) / Math.sqrt(n));
        const u01 = await read(eg.randu([n], { seed: 43 }));
        expect(Math.min(...u01)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...u01)).toBeLessThan(1);
      });
    });

    describe('tidy / keep / dispose', () => {
      it('tidy disposes intermediates and keeps the returned tensor', async () => {
        const before = eg.memory().tensors;
        let inner!: Tensor;
        const out = eg.tidy(() => {
          inner = eg.ones([4]);
          return eg.add(eg.mul(inner, 2), 1);
        });
        expect(inner.isDisposed).toBe(true);
        expect(out.isDisposed).toBe(false);
        expect(Array.from(await values(out))).toEqual([3, 3, 3, 3]);
        expect(eg.memory().tensors).toBe(before + 1);
        out.dispose();
        expect(out.isDisposed).toBe(true);
        expect(eg.memory().tensors).toBe(before);
      });

      it('tidy keeps every tensor of a returned array or object', async () => {
        const before = eg.memory().tensors;
        const [a, b] = eg.tidy(() => [eg.ones([2]), eg.zeros([3])]);
        const o = eg.tidy(() => ({ p: eg.ones([2]), q: eg.exp(eg.zeros([1])) }));
        for (const t of [a, b, o.p, o.q]) expect(t.isDisposed).toBe(false);
        expect(Array.from(await values(o.q))).toEqual([1]);
        expect(eg.memory().tensors).toBe(before + 4);
        for (const t of [a, b, o.p, o.q]) t.dispose();
        expect(eg.memory().tensors).toBe(before);
      });

      it('keep survives tidy; tensors made outside are untouched', async () => {
        const outside = eg.ones([2]);
        let kept!: Tensor;
        eg.tidy(() => {
          kept = eg.keep(eg.add(outside, 1));
          eg.mul(outside, 3);
          return undefined;
        });
        expect(outside.isDisposed).toBe(false);
        expect(kept.isDisposed).toBe(false);
        expect(Array.from(await values(kept))).toEqual([2, 2]);
        outside.dispose(); kept.dispose();
      });

      it('nested tidy: inner result moves to the outer scope and is freed there', async () => {
        const before = eg.memory().tensors;
        let fromInner!: Tensor;
        const out = eg.tidy(() => {
          fromInner = eg.tidy(() => eg.add(eg.ones([3]), 1));
          expect(fromInner.isDisposed).toBe(false);
          return eg.mul(fromInner, 2);
        });
        expect(fromInner.isDisposed).toBe(true);
        expect(Array.from(await values(out))).toEqual([4, 4, 4]);
        out.dispose();
        expect(eg.memory().tensors).toBe(before);
      });

      it('returning an input of the tidy does not dispose it', async () => {
        const x = eg.ones([2]);
        const y = eg.tidy(() => x);
        expect(y).toBe(x);
        expect(x.isDisposed).toBe(false);
        x.dispose();
      });
    });
  });
}
