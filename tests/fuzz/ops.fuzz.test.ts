// Property-based differential fuzzing of every op family: random shapes (rank 0-5, sizes 0-9),
// broadcast pairs, axis lists and special values (±0, ±Inf, NaN, ±3e38, denormals) run on the js
// reference and on each backend under test (EDGEGRAD_TEST_BACKENDS: wasm by default, webgpu in its
// own step). Both must throw or both return the same shape, dtype and values within the family's
// tolerance, and the result must match the shape/validity rules written here independently of
// src/ops. Failures print the repro, the seed and the path (see README: "Fuzz suite").
//
// Tolerances (ulp = one float32 ulp of the js value; "scale" = the same op on |inputs| in float64):
// | family                                  | wasm                          | webgpu (SwiftShader)          |
// |-----------------------------------------|-------------------------------|-------------------------------|
// | layout ops, int32, comparisons, max/min | exact (layout: -0 is not 0)   | exact, denormals may flush    |
// | add sub mul div sqrt square reciprocal  | exact (correctly rounded)     | 1-3 ulp                       |
// | exp log sigmoid tanh gelu pow           | 4-8 ulp (+ |x|-relative       | WGSL accuracy: 3 + 2|x| ulp   |
// |                                         | terms); a denormal result may | (scaled), denormals may flush |
// |                                         | be flushed to 0               |                               |
// | sum mean matmul                         | (R+1)·2^-24·scale + 1 ulp     | same, + 16·MIN_NORMAL         |
// |                                         | + (R+2)·2^-149 (denormals)    | (flushed terms)               |
// | softmax logSoftmax losses               | error terms of exp(x - max)   | same, 4x                      |
// Every value check treats NaN as equal only to NaN and ±Inf only to itself.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { testBackends, type BackendConfig } from '../util/backends.js';
import {
  type DType, type Input, FLT_MAX, SPECIAL_F32, axesArb, axisArb, broadcast, broadcastPairArb, checkProperty, dimArb,
  f32Values, i32Values, inputArb, isSubnormal, moderate, normAxis, runsFor, shapeArb, sizeOf, testTimeout,
} from './arbitraries.js';
import { type Cmp, type Expect, type OpCase, checkCase, envOf, printable } from './harness.js';

const FILE = 'tests/fuzz/ops.fuzz.test.ts';

// ------------------------------------------------------------------------------ helpers

/** A JavaScript literal for a value (NaN, -0, Infinity included). */
function lit(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${lit(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}
/** `eg.<fn>(x0, ..., literal args)`, trailing undefined arguments dropped (so defaults apply). */
function call(fn: string, tensors: string[], ...rest: unknown[]): string {
  while (rest.length && rest[rest.length - 1] === undefined) rest.pop();
  return `eg.${fn}(${[...tensors, ...rest.map(lit)].join(', ')})`;
}

const VALUE: Cmp = { kind: 'value' };
const SAME: Cmp = { kind: 'same' };
const EXACT = { default: VALUE };
const LAYOUT = { default: SAME };
const U = 2 ** -24;
/** The smallest float32 denormal. */
const DENORM = 2 ** -149;

const mk = (c: OpCase) => printable(c);
const ok = (shape: number[], dtype: DType = 'float32'): Expect => ({ shape, dtype });

/** Flat indices of each 1-D lane along `axis` of `shape`. */
function lanes(shape: number[], axis: number): number[][] {
  const stride = sizeOf(shape.slice(axis + 1));
  const n = shape[axis];
  const outer = sizeOf(shape.slice(0, axis));
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < stride; j++) out.push(Array.from({ length: n }, (_, k) => (o * n + k) * stride + j));
  }
  return out;
}

/** Row-wise helpers on [rows, C] views of the last axis. */
const rowsOf = (x: Input) => lanes(x.shape, x.shape.length - 1);

// ------------------------------------------------------------------------------ unary

interface UnarySpec { ints?: boolean; cmp: OpCase['cmp']; scale?: (x: number) => number; params?: fc.Arbitrary<unknown[]> }
const UNARY: Record<string, UnarySpec> = {
  neg: { ints: true, cmp: EXACT },
  abs: { ints: true, cmp: EXACT },
  sign: { ints: true, cmp: EXACT },
  square: { ints: true, cmp: { default: VALUE, webgpu: { kind: 'close', ulps: 1 } } },
  relu: { cmp: EXACT },
  floor: { cmp: EXACT },
  ceil: { cmp: EXACT },
  round: { cmp: EXACT },
  sqrt: { cmp: { default: VALUE, webgpu: { kind: 'close', ulps: 3 } } },
  reciprocal: { cmp: { default: VALUE, webgpu: { kind: 'close', ulps: 3 } } },
  exp: {
    cmp: { default: { kind: 'close', ulps: 4, ftz: true }, webgpu: { kind: 'close', ulps: 4, stol: 2 * U, ftz: true } },
    scale: (x) => Math.abs(x) * Math.exp(x),
  },
  log: { cmp: { default: { kind: 'close', ulps: 4 }, webgpu: { kind: 'close', ulps: 4, atol: 2 ** -21 } } },
  sigmoid: {
    cmp: { default: { kind: 'close', ulps: 4, ftz: true }, webgpu: { kind: 'close', ulps: 8, stol: 4 * U, ftz: true } },
    scale: (x) => Math.abs(x) / (1 + Math.exp(-x)),
  },
  tanh: { cmp: { default: { kind: 'close', ulps: 4, ftz: true }, webgpu: { kind: 'close', ulps: 8, atol: 2 ** -22, ftz: true } } },
  gelu: {
    cmp: { default: { kind: 'close', ulps: 8, stol: 2 * U, ftz: true }, webgpu: { kind: 'close', ulps: 16, stol: 8 * U, ftz: true } },
    scale: (x) => Math.abs(x),
  },
  leakyRelu: {
    cmp: { default: { kind: 'close', ulps: 1 } },
    params: fc.option(fc.constantFrom(0.2, 0.01, 0.5, 1.5, -0.3, 0), { nil: undefined }).map((a) => [a]),
  },
  clip: {
    cmp: EXACT,
    params: fc.tuple(fc.oneof(moderate, fc.constantFrom(...SPECIAL_F32)), fc.oneof(moderate, fc.constantFrom(...SPECIAL_F32))),
  },
};

const unaryArb = fc.record({
  op: fc.constantFrom(...Object.keys(UNARY)),
  shape: shapeArb({ maxSize: 512 }),
  int: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
}).chain(({ op, shape, int }) => {
  const spec = UNARY[op];
  const dtype: DType = int ? 'int32' : 'float32';
  return fc.tuple(inputArb(shape, dtype), spec.params ?? fc.constant([])).map(([x, params]) => {
    let expect: Expect = int && !spec.ints ? 'throw' : ok(shape, dtype);
    if (op === 'clip' && !((params[0] as number) <= (params[1] as number))) expect = 'throw';
    const s = spec.scale;
    return mk({
      code: call(op, ['x0'], ...params), inputs: [x], cmp: int ? EXACT : spec.cmp, expect,
      hostScale: s ? (xs) => xs[0].values.map((v) => { const r = s(v); return Number.isFinite(r) ? r : 0; }) : undefined,
    });
  });
});

// ------------------------------------------------------------------------------ binary

const ARITH = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'] as const;
const CMPS = ['greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual'] as const;
const INT_ARITH = new Set(['add', 'sub', 'mul', 'maximum', 'minimum']);
const BINARY_CMP: Record<string, OpCase['cmp']> = {
  add: { default: VALUE, webgpu: { kind: 'close', ulps: 1 } },
  sub: { default: VALUE, webgpu: { kind: 'close', ulps: 1 } },
  mul: { default: VALUE, webgpu: { kind: 'close', ulps: 1 } },
  div: { default: VALUE, webgpu: { kind: 'close', ulps: 3 } },
  pow: { default: { kind: 'close', ulps: 8, stol: 2 * U, ftz: true }, webgpu: { kind: 'close', ulps: 16, stol: 8 * U, ftz: true } },
  maximum: EXACT, minimum: EXACT,
};
/** pow's error grows with |y·log|x||: the relative error of exp(y log x) (|pow| times that). */
const powScale = ([a, b]: Input[], shape: number[]) => {
  const out = new Array<number>(sizeOf(shape)).fill(0);
  const idx = (s: number[], flat: number) => {
    let off = 0, rem = flat, mul = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const i = rem % shape[d]; rem = Math.floor(rem / shape[d]);
      const sd = s.length - (shape.length - d);
      if (sd >= 0) { if (s[sd] !== 1) off += i * mul; mul *= s[sd]; }
    }
    return off;
  };
  for (let i = 0; i < out.length; i++) {
    const x = a.values[idx(a.shape, i)], y = b.values[idx(b.shape, i)];
    const r = Math.abs(Math.pow(x, y) * y * Math.log(Math.abs(x)));
    out[i] = Number.isFinite(r) ? r : 0;
  }
  return out;
};

/**
 * A number operand: integers (int32-safe or not) and fractions, NaN and infinities (no denormals:
 * webgpu may flush them, and a literal in the code is not flushed for the js side).
 */
const numberOperand = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom(1.5, -0.25, 0.1, NaN, Infinity, -Infinity, 2147483648, -2147483649, 2147483647, -0) },
  { weight: 1, arbitrary: moderate.map((v) => (isSubnormal(v) ? 0 : v)) },
);

const binaryArb = fc.record({
  op: fc.constantFrom<string>(...ARITH, ...CMPS),
  pair: broadcastPairArb({ maxSize: 512 }),
  dtypes: fc.oneof(
    { weight: 8, arbitrary: fc.constant(['float32', 'float32'] as DType[]) },
    { weight: 4, arbitrary: fc.constant(['int32', 'int32'] as DType[]) },
    { weight: 1, arbitrary: fc.constantFrom(['float32', 'int32'] as DType[], ['int32', 'float32'] as DType[]) },
  ),
  form: fc.oneof({ weight: 6, arbitrary: fc.constant('tt') }, { weight: 1, arbitrary: fc.constantFrom('tn', 'nt') }),
  num: numberOperand,
}).chain(({ op, pair: [sa, sb], dtypes, form, num }) => {
  const cmpOp = (CMPS as readonly string[]).includes(op);
  return fc.tuple(inputArb(sa, dtypes[0]), inputArb(sb, dtypes[1])).map(([a, b]) => {
    const dtype = dtypes[0];
    let code: string, inputs: Input[], expect: Expect;
    const dtypeOk = dtype === 'float32' || cmpOp || INT_ARITH.has(op);
    if (form === 'tt') {
      code = `eg.${op}(x0, x1)`;
      inputs = [a, b];
      const shape = broadcast(sa, sb);
      expect = dtypes[0] !== dtypes[1] || !dtypeOk || shape === null ? 'throw' : ok(shape, cmpOp ? 'float32' : dtype);
    } else {
      code = form === 'tn' ? `eg.${op}(x0, ${lit(num)})` : `eg.${op}(${lit(num)}, x0)`;
      inputs = [a];
      const numOk = dtype === 'float32' || (num | 0) === num;
      expect = !dtypeOk || !numOk ? 'throw' : ok(sa, cmpOp ? 'float32' : dtype);
    }
    const cmp = dtype === 'int32' || cmpOp ? EXACT : BINARY_CMP[op];
    const shape = expect !== 'throw' && expect ? expect.shape : [];
    const scalar: Input = { shape: [], dtype, values: [num] };
    return mk({
      code, inputs, cmp, expect,
      hostScale: op !== 'pow' || expect === 'throw' ? undefined
        : (xs) => powScale(form === 'tt' ? xs : form === 'tn' ? [xs[0], scalar] : [scalar, xs[0]], shape),
    });
  });
});

// ------------------------------------------------------------------------------ reductions

const reduceArb = fc.record({
  op: fc.constantFrom('sum', 'mean', 'max', 'min', 'argmax', 'argmin'),
  shape: shapeArb({ maxSize: 1024 }),
  int: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  keep: fc.option(fc.boolean(), { nil: undefined }),
}).chain(({ op, shape, int, keep }) => {
  const rank = shape.length;
  const arg = op === 'argmax' || op === 'argmin';
  const axisA: fc.Arbitrary<number | number[] | undefined | null> = arg
    ? fc.oneof(fc.constant(undefined), fc.constant(null), axisArb(rank))
    : fc.oneof({ weight: 6, arbitrary: axesArb(rank) }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.tuple(inputArb(shape, int ? 'int32' : 'float32'), axisA).map(([x, axis]) => {
    const dtype: DType = int ? 'int32' : 'float32';
    const code = call(op, ['x0'], axis, keep);
    let expect: Expect;
    let R = 1;
    let emptyGroup = false;
    if (arg) {
      if (sizeOf(shape) === 0) expect = 'throw';
      else if (axis === undefined || axis === null) expect = ok(keep ? shape.map(() => 1) : [], 'int32');
      else {
        const a = normAxis(axis as number, rank);
        expect = a === null ? 'throw' : ok(keep ? shape.map((d, i) => (i === a ? 1 : d)) : shape.filter((_, i) => i !== a), 'int32');
      }
    } else {
      const list = axis === undefined || axis === null ? shape.map((_, i) => i) : Array.isArray(axis) ? axis : [axis];
      const norm = list.map((a) => normAxis(a, rank));
      if (norm.some((a) => a === null) || new Set(norm).size !== norm.length || (op === 'mean' && int)) expect = 'throw';
      else {
        const set = new Set(norm as number[]);
        R = sizeOf(shape.filter((_, i) => set.has(i)));
        const outShape = keep ? shape.map((d, i) => (set.has(i) ? 1 : d)) : shape.filter((_, i) => !set.has(i));
        expect = ok(outShape, op === 'mean' ? 'float32' : dtype);
        // max/min of an empty group: only the backends are compared (no documented value)
        emptyGroup = R === 0 && sizeOf(outShape) > 0;
        if (emptyGroup && (op === 'max' || op === 'min')) expect = undefined;
      }
    }
    const accumulate = op === 'sum' || op === 'mean';
    // mean: the error of the sum over R (scale: the sum, so a partial sum past FLT_MAX is seen)
    const stol = op === 'mean' ? ((R + 1) * U) / Math.max(R, 1) : (R + 1) * U;
    // atol: each rounding in the denormal range is off by up to half of 2^-149
    const cmp: OpCase['cmp'] = accumulate && !int ? { default: { kind: 'close', ulps: 2, stol, atol: (R + 2) * DENORM } } : EXACT;
    return mk({ code, inputs: [x], cmp, expect, scaleCode: accumulate && !int ? call('sum', ['x0'], axis, keep) : undefined });
  });
});

// ------------------------------------------------------------------------------ softmax

/** Rows where softmax is hard: -Inf runs (all -Inf rows), +Inf, NaN, gaps that underflow. */
const softmaxValues = (n: number) => fc.oneof(
  { weight: 2, arbitrary: f32Values(n) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(
      { weight: 3, arbitrary: fc.constant(-Infinity) },
      { weight: 3, arbitrary: moderate },
      { weight: 1, arbitrary: fc.constantFrom(-1e4, 1e4, -100, -90, -88, -104, 3e38, -3e38, Infinity, NaN, -0) },
    ), { minLength: n, maxLength: n }),
  },
  { weight: 1, arbitrary: fc.array(fc.float({ min: -120, max: 0, noNaN: true }), { minLength: n, maxLength: n }) },
);

function softmaxRef(x: Input, axis: number, log: boolean): { want: number[]; scale: number[] } {
  const want = new Array<number>(x.values.length).fill(0), scale = new Array<number>(x.values.length).fill(0);
  const C = x.shape[axis];
  for (const lane of lanes(x.shape, axis)) {
    const v = lane.map((i) => x.values[i]);
    const m = v.reduce((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)), -Infinity);
    const s = v.reduce((a, b) => a + Math.exp(b - m), 0);
    lane.forEach((i, k) => {
      const y = log ? v[k] - m - Math.log(s) : Math.exp(v[k] - m) / s;
      want[i] = Math.fround(y);
      const sc = log ? Math.abs(v[k]) + Math.abs(m) + Math.abs(Math.log(s)) + 2
        : Math.abs(y) * (16 + 2 * C + Math.abs(v[k] - m));
      scale[i] = Number.isFinite(sc) ? sc : 0;
    });
  }
  return { want, scale };
}

const softmaxArb = fc.record({
  op: fc.constantFrom('softmax', 'logSoftmax'),
  shape: shapeArb({ maxRank: 4, maxSize: 512 }),
  int: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
}).chain(({ op, shape, int }) => fc.tuple(
  inputArb(shape, int ? 'int32' : 'float32', int ? i32Values : softmaxValues),
  fc.option(axisArb(shape.length), { nil: undefined }),
).map(([x, axis]) => {
  const rank = shape.length;
  const a = rank === 0 ? null : normAxis(axis ?? -1, rank);
  const expect: Expect = int || a === null ? 'throw' : ok(shape);
  const log = op === 'logSoftmax';
  return mk({
    code: call(op, ['x0'], axis), inputs: [x], expect,
    cmp: log ? { default: { kind: 'close', ulps: 4, stol: 4 * U }, webgpu: { kind: 'close', ulps: 8, stol: 16 * U } }
      : { default: { kind: 'close', ulps: 8, stol: U, ftz: true }, webgpu: { kind: 'close', ulps: 16, stol: 4 * U, ftz: true } },
    hostScale: a === null ? undefined : (xs) => softmaxRef(xs[0], a, log).scale,
    hostWant: a === null || int ? undefined : (xs) => softmaxRef(xs[0], a, log).want,
  });
}));

// ------------------------------------------------------------------------------ matmul

const matmulArb = fc.record({
  M: dimArb(9), K: dimArb(9), N: dimArb(9),
  batch: broadcastPairArb({ maxRank: 2, maxDim: 4, maxSize: 12 }),
  ta: fc.option(fc.boolean(), { nil: undefined }), tb: fc.option(fc.boolean(), { nil: undefined }),
  fused: fc.oneof({ weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ bias: fc.constantFrom('none', 'ok', 'bad'), act: fc.constantFrom(undefined, 'linear', 'relu', 'gelu', 'sigmoid', 'tanh') }) }),
  flaw: fc.oneof({ weight: 20, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('K', 'rank', 'int32') }),
}).filter(({ M, K, N, batch }) => Math.max(sizeOf(batch[0]), sizeOf(batch[1])) * M * N * Math.max(K, 1) <= 40_000)
  .chain(({ M, K, N, batch: [ba, bb], ta, tb, fused, flaw }) => {
    const sa = [...ba, ta ? K : M, ta ? M : K];
    let sb = [...bb, tb ? N : K, tb ? K : N];
    if (flaw === 'K') sb = [...bb, tb ? N : K + 1, tb ? K + 1 : N];
    if (flaw === 'rank') sb = [sb[sb.length - 1]];
    const dt: DType = flaw === 'int32' ? 'int32' : 'float32';
    const biasShape = fused?.bias === 'ok' ? [N] : fused?.bias === 'bad' ? [N + 1] : null;
    return fc.tuple(inputArb(sa, dt), inputArb(sb), biasShape ? inputArb(biasShape) : fc.constant(null)).map(([a, b, bias]) => {
      const opts: Record<string, unknown> = {};
      if (ta !== undefined) opts.transposeA = ta;
      if (tb !== undefined) opts.transposeB = tb;
      if (fused?.act !== undefined) opts.activation = fused.act;
      const o = Object.keys(opts).length ? `, ${lit(opts)}` : '';
      const inputs = bias ? [a, b, bias] : [a, b];
      const code = fused ? `eg.fusedMatmul(x0, x1, ${bias ? 'x2' : 'null'}${o})` : `eg.matmul(x0, x1${o})`;
      const batch = broadcast(ba, bb);
      const expect: Expect = flaw !== 'none' || batch === null || fused?.bias === 'bad' ? 'throw' : ok([...batch, M, N]);
      const plain = `eg.matmul(x0, x1${ta !== undefined || tb !== undefined ? `, ${lit({ transposeA: !!ta, transposeB: !!tb })}` : ''})`;
      return mk({
        code, inputs, expect,
        cmp: { default: { kind: 'close', ulps: fused?.act && fused.act !== 'linear' ? 8 : 1, stol: (2 * K + 4) * U, atol: (2 * K + 4) * DENORM } },
        scaleCode: bias ? `eg.tidy(() => eg.add(${plain}, x2))` : plain,
      });
    });
  });

// ------------------------------------------------------------------------------ shape ops

const dtypeArb = fc.oneof({ weight: 3, arbitrary: fc.constant<DType>('float32') }, { weight: 1, arbitrary: fc.constant<DType>('int32') });
const sized = (o: { minRank?: number; maxRank?: number; maxSize?: number } = {}) =>
  fc.tuple(shapeArb({ maxSize: 256, ...o }), dtypeArb).chain(([s, dt]) => inputArb(s, dt));

/** A shape of `n` elements (one entry maybe -1), or now and then one that does not fit. */
function reshapeTarget(n: number): fc.Arbitrary<{ shape: number[]; valid: boolean }> {
  return fc.record({
    rank: fc.integer({ min: 0, max: 5 }), picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    infer: fc.option(fc.nat(4), { nil: undefined, freq: 3 }), flaw: fc.oneof({ weight: 10, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    zeros: fc.array(dimArb(9), { minLength: 5, maxLength: 5 }),
  }).map(({ rank, picks, infer, flaw, zeros }) => {
    let shape: number[] = [];
    if (n === 0) {
      const r = Math.max(rank, 1);
      shape = zeros.slice(0, r);
      shape[picks[0] % r] = 0;
    } else {
      let rem = n;
      for (let i = 0; i < rank - 1; i++) {
        const divs = Array.from({ length: rem }, (_, k) => k + 1).filter((d) => rem % d === 0 && d <= 9);
        const d = divs[picks[i] % divs.length];
        shape.push(d); rem /= d;
      }
      if (rank > 0) shape.push(rem); else if (rem !== 1) shape = [rem];
    }
    if (flaw) shape = shape.length ? shape.map((d, i) => (i === 0 ? d + 1 : d)) : [2];
    if (infer !== undefined && shape.length > 0) shape[infer % shape.length] = -1;
    const rest = sizeOf(shape.filter((d) => d !== -1));
    const valid = shape.includes(-1) ? rest > 0 && n % rest === 0 : sizeOf(shape) === n;
    return { shape, valid };
  });
}

const reshapeArb = sized().chain((x) => reshapeTarget(sizeOf(x.shape)).map(({ shape, valid }) => {
  const rest = sizeOf(shape.filter((d) => d !== -1));
  const out = shape.map((d) => (d === -1 ? sizeOf(x.shape) / rest : d));
  return mk({ code: `eg.reshape(x0, ${lit(shape)})`, inputs: [x], cmp: LAYOUT, expect: valid ? ok(out, x.dtype) : 'throw' });
}));

const transposeArb = sized().chain((x) => {
  const r = x.shape.length;
  const perm = fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: fc.shuffledSubarray(Array.from({ length: r }, (_, i) => i), { minLength: r, maxLength: r }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: -1, max: r }), { maxLength: r + 1 }) },
  );
  return perm.map((p) => {
    const valid = p === undefined || (p.length === r && [...p].sort((a, b) => a - b).every((v, i) => v === i));
    const pp = p ?? x.shape.map((_, i) => r - 1 - i);
    return mk({ code: call('transpose', ['x0'], p), inputs: [x], cmp: LAYOUT, expect: valid ? ok(pp.map((d) => x.shape[d]), x.dtype) : 'throw' });
  });
});

const sliceArb = sized().chain((x) => {
  const r = x.shape.length;
  const specs = fc.tuple(
    fc.array(fc.tuple(fc.nat(10), fc.nat(10), fc.boolean()), { minLength: r, maxLength: r }),
    fc.nat(r), fc.nat(r),
    fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('over', 'neg', 'long', 'frac') }),
  );
  return specs.map(([per, nb, ns, flaw]) => {
    let begin = per.map(([b], i) => b % (x.shape[i] + 1));
    let size = per.map(([, s, toEnd], i) => (toEnd ? -1 : s % (x.shape[i] - begin[i] + 1)));
    begin = begin.slice(0, Math.max(nb, 0));
    size = size.slice(0, Math.max(ns, 0));
    if (flaw === 'over') { if (r) { begin[0] = 0; size[0] = x.shape[0] + 1; } else begin = [0]; }
    if (flaw === 'neg') begin = [-1];
    if (flaw === 'long') begin = [...x.shape.map(() => 0), 0];
    if (flaw === 'frac') begin = [0.5];
    // the documented rule: begin/size pad with 0 / -1 (to the end)
    const b = [...begin]; while (b.length < r) b.push(0);
    const s0 = [...size]; while (s0.length < r) s0.push(-1);
    const s = s0.map((v, i) => (v === -1 ? x.shape[i] - b[i] : v));
    const valid = b.length === r && s.length === r && b.every((v, i) => Number.isInteger(v) && Number.isInteger(s[i]) && v >= 0 && s[i] >= 0 && v + s[i] <= x.shape[i]);
    return mk({ code: `eg.slice(x0, ${lit(begin)}, ${lit(size)})`, inputs: [x], cmp: LAYOUT, expect: valid ? ok(s, x.dtype) : 'throw' });
  });
});

const padArb = sized({ maxSize: 128 }).chain((x) => {
  const r = x.shape.length;
  return fc.tuple(fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: r, maxLength: r }),
    fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('neg', 'length') })).map(([p, flaw]) => {
    let pads = p.map(([a, b]) => [a, b]);
    if (flaw === 'neg') pads = r ? [[-1, 0], ...pads.slice(1)] : [[-1, 0]];
    if (flaw === 'length') pads = [...pads, [0, 0]];
    const valid = pads.length === r && pads.every(([a, b]) => a >= 0 && b >= 0);
    return mk({ code: `eg.pad(x0, ${lit(pads)})`, inputs: [x], cmp: LAYOUT, expect: valid ? ok(x.shape.map((d, i) => d + pads[i][0] + pads[i][1]), x.dtype) : 'throw' });
  });
});

const concatArb = fc.record({
  base: shapeArb({ maxSize: 128 }), n: fc.integer({ min: 1, max: 4 }), dt: dtypeArb,
  sizes: fc.array(dimArb(5), { minLength: 4, maxLength: 4 }), axis: fc.integer({ min: -6, max: 5 }),
  flaw: fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('dtype', 'shape', 'rank') }),
  stack: fc.boolean(),
}).chain(({ base, n, dt, sizes, axis, flaw, stack }) => {
  const r = base.length;
  const ax = stack ? normAxis(axis, r + 1) : normAxis(axis, r);
  const shapes = Array.from({ length: n }, (_, k) => (stack || ax === null ? [...base] : base.map((d, i) => (i === ax ? sizes[k] : d))));
  const dts = shapes.map(() => dt);
  if (flaw === 'dtype' && n > 1) dts[n - 1] = dt === 'int32' ? 'float32' : 'int32';
  if (flaw === 'shape' && n > 1) shapes[n - 1] = shapes[n - 1].length ? shapes[n - 1].map((d, i) => (i !== (stack ? -1 : ax) ? d + 1 : d)) : [1];
  if (flaw === 'rank' && n > 1) shapes[n - 1] = [...shapes[n - 1], 1];
  return fc.tuple(...shapes.map((s, k) => inputArb(s, dts[k]))).map((inputs) => {
    const xs = inputs.map((_, k) => `x${k}`).join(', ');
    let expect: Expect;
    const sameDt = dts.every((d) => d === dt);
    if (stack) {
      const same = shapes.every((s) => JSON.stringify(s) === JSON.stringify(shapes[0]));
      expect = ax === null || !same || !sameDt ? 'throw' : ok([...base.slice(0, ax), n, ...base.slice(ax)], dt);
    } else {
      const fits = ax !== null && shapes.every((s) => s.length === r && s.every((d, i) => i === ax || d === shapes[0][i]));
      expect = r === 0 || !fits || !sameDt ? 'throw' : ok(base.map((d, i) => (i === ax ? shapes.reduce((a, s) => a + s[i], 0) : d)), dt);
    }
    return mk({ code: `eg.${stack ? 'stack' : 'concat'}([${xs}], ${axis})`, inputs, cmp: LAYOUT, expect });
  });
});

const gatherArb = fc.record({
  x: sized({ maxSize: 128 }), axis: fc.option(fc.integer({ min: -6, max: 5 }), { nil: undefined }),
  ishape: shapeArb({ maxRank: 2, maxDim: 5 }), ifloat: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  out: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.boolean()) }),
}).chain(({ x, axis, ishape, ifloat, out }) => {
  const r = x.shape.length;
  const ax = normAxis(axis ?? 0, r);
  const n = ax === null ? 1 : x.shape[ax];
  const k = sizeOf(ishape);
  const ids = fc.array(fc.integer({ min: 0, max: Math.max(n - 1, 0) }), { minLength: k, maxLength: k })
    .map((v) => (out && k > 0 ? v.map((d, i) => (i === out[0] % k ? (out[1] ? n : -1) : d)) : v));
  return ids.map((vals) => {
    const idx: Input = { shape: ishape, dtype: ifloat ? 'float32' : 'int32', values: vals };
    const valid = ax !== null && !ifloat && vals.every((v) => v >= 0 && v < n);
    const expect: Expect = valid ? ok([...x.shape.slice(0, ax!), ...ishape, ...x.shape.slice(ax! + 1)], x.dtype) : 'throw';
    return mk({ code: call('gather', ['x0', 'x1'], axis), inputs: [x, idx], cmp: LAYOUT, expect });
  });
});

const oneHotArb = fc.record({
  shape: shapeArb({ maxRank: 3, maxSize: 64 }), depth: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 2.5, NaN) }),
  float: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
}).chain(({ shape, depth, float }) => fc.array(fc.integer({ min: -2, max: 11 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map((v) => {
  const expect: Expect = float || !(Number.isInteger(depth) && depth >= 0) ? 'throw' : ok([...shape, depth]);
  return mk({ code: `eg.oneHot(x0, ${lit(depth)})`, inputs: [{ shape, dtype: float ? 'float32' : 'int32', values: v }], cmp: LAYOUT, expect });
}));

const expandSqueezeArb = sized().chain((x) => {
  const r = x.shape.length;
  return fc.oneof(
    fc.option(fc.integer({ min: -r - 2, max: r + 1 }), { nil: undefined }).map((axis) => {
      const a = axis === undefined ? 0 : normAxis(axis, r + 1);
      const expect: Expect = a === null ? 'throw' : ok([...x.shape.slice(0, a), 1, ...x.shape.slice(a)], x.dtype);
      return mk({ code: call('expandDims', ['x0'], axis), inputs: [x], cmp: LAYOUT, expect });
    }),
    fc.option(fc.subarray(Array.from({ length: r + 1 }, (_, i) => i)), { nil: undefined }).map((axes) => {
      let expect: Expect;
      if (axes === undefined) expect = ok(x.shape.filter((d) => d !== 1), x.dtype);
      else {
        const norm = axes.map((a) => normAxis(a, r));
        expect = norm.some((a) => a === null || x.shape[a] !== 1) ? 'throw' : ok(x.shape.filter((_, i) => !norm.includes(i)), x.dtype);
      }
      return mk({ code: call('squeeze', ['x0'], axes), inputs: [x], cmp: LAYOUT, expect });
    }),
    fc.constant(mk({ code: 'eg.flatten(x0)', inputs: [x], cmp: LAYOUT, expect: ok([sizeOf(x.shape)], x.dtype) })),
  );
});

const castArb = sized().chain((x) => fc.constantFrom<DType>('float32', 'int32').map((to) =>
  mk({ code: `eg.cast(x0, '${to}')`, inputs: [x], cmp: EXACT, expect: ok(x.shape, to) })));

const broadcastToArb = fc.tuple(broadcastPairArb({ maxSize: 256 }), dtypeArb).chain(([[sa, sb], dt]) => inputArb(sa, dt).map((x) => {
  const out = broadcast(sa, sb);
  const valid = out !== null && JSON.stringify(out) === JSON.stringify(sb);
  return mk({ code: `eg.broadcastTo(x0, ${lit(sb)})`, inputs: [x], cmp: LAYOUT, expect: valid ? ok(sb, dt) : 'throw' });
}));

/** Shapes with sizes past int32 (but no elements): kept exactly, never truncated. */
const hugeDimsArb = fc.tuple(
  fc.array(fc.constantFrom(0, 1, 3, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 40), { minLength: 1, maxLength: 4 }),
  fc.constantFrom('zeros', 'tensor', 'reshape', 'full'), dtypeArb,
).filter(([s]) => s.includes(0)).map(([shape, how, dt]) => {
  const code = how === 'zeros' ? `eg.zeros(${lit(shape)}, '${dt}')` : how === 'full' ? `eg.full(${lit(shape)}, 7, '${dt}')`
    : how === 'tensor' ? `eg.tensor([], ${lit(shape)}, '${dt}')` : `eg.reshape(x0, ${lit(shape)})`;
  const inputs: Input[] = how === 'reshape' ? [{ shape: [0], dtype: dt, values: [] }] : [];
  return mk({ code, inputs, cmp: LAYOUT, expect: ok(shape, dt) });
});

const arangeArb = fc.tuple(
  fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -2.25)),
  fc.option(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(NaN, Infinity, 3.75)), { nil: undefined }),
  fc.option(fc.oneof(fc.constantFrom(1, -1, 2, -3, 0.5, 0.25, 0, NaN, Infinity)), { nil: undefined }),
  fc.option(fc.constantFrom<DType>('float32', 'int32'), { nil: undefined }),
).map(([start, stop, step, dt]) => {
  const st = stop === undefined ? 0 : start, sp = stop === undefined ? start : stop, stp = step ?? 1;
  const finite = [st, sp, stp].every(Number.isFinite) && stp !== 0;
  const n = finite ? Math.max(0, Math.ceil((sp - st) / stp)) : 0;
  const a = stop === undefined && step === undefined && dt === undefined ? [start] : [start, stop, step, dt];
  return mk({ code: `eg.arange(${a.map(lit).join(', ')})`, inputs: [], cmp: EXACT, expect: finite ? ok([n], dt ?? 'float32') : 'throw' });
});

// ------------------------------------------------------------------------------ losses

const prob = fc.float({ min: 0, max: 1, noNaN: true });
const lossArb = fc.record({
  op: fc.constantFrom('meanSquaredError', 'binaryCrossentropy', 'categoricalCrossentropy', 'softmaxCrossEntropy', 'sparseSoftmaxCrossEntropy'),
  shape: shapeArb({ minRank: 0, maxRank: 3, maxSize: 128 }),
  flaw: fc.oneof({ weight: 15, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('shape', 'dtype') }),
}).chain(({ op, shape, flaw }) => {
  const sparse = op === 'sparseSoftmaxCrossEntropy';
  const logitShape = sparse ? (shape.length >= 2 ? shape.slice(0, 2) : [shape[0] ?? 2, 3]) : shape;
  const n = sizeOf(logitShape);
  const labelShape = sparse ? logitShape.slice(0, 1) : flaw === 'shape' ? [...logitShape, 1] : logitShape;
  const C = logitShape[logitShape.length - 1] ?? 1;
  const labelArb: fc.Arbitrary<number[]> = sparse
    ? fc.array(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: Math.max(C - 1, 0) }) }, { weight: 1, arbitrary: fc.constantFrom(-1, C) }),
      { minLength: labelShape[0], maxLength: labelShape[0] })
    : op === 'meanSquaredError' ? f32Values(sizeOf(labelShape))
      : fc.oneof(fc.array(fc.constantFrom(0, 1), { minLength: sizeOf(labelShape), maxLength: sizeOf(labelShape) }),
        fc.array(prob, { minLength: sizeOf(labelShape), maxLength: sizeOf(labelShape) }));
  const predArb = op === 'binaryCrossentropy' || op === 'categoricalCrossentropy'
    ? fc.oneof({ weight: 3, arbitrary: fc.array(prob, { minLength: n, maxLength: n }) }, { weight: 1, arbitrary: f32Values(n) })
    : op === 'meanSquaredError' ? f32Values(n) : softmaxValues(n);
  return fc.tuple(labelArb, predArb).map(([lv, pv]) => {
    const labels: Input = { shape: labelShape, dtype: sparse ? 'int32' : flaw === 'dtype' ? 'int32' : 'float32', values: lv };
    if (labels.dtype === 'int32' && !sparse) labels.values = lv.map(Math.trunc);
    const preds: Input = { shape: logitShape, dtype: 'float32', values: pv };
    let valid: boolean;
    if (sparse) valid = logitShape.length === 2 && lv.every((v) => v >= 0 && v < C);
    else valid = flaw === 'none' && !(op === 'softmaxCrossEntropy' && logitShape.length === 0);
    // categoricalCrossentropy of scalars: not documented either way; only the backends are compared
    const expect: Expect = !valid ? 'throw' : op === 'categoricalCrossentropy' && logitShape.length === 0 ? undefined : ok([]);
    return mk({
      code: `eg.losses.${op}(x0, x1)`, inputs: [labels, preds], expect,
      cmp: { default: { kind: 'close', ulps: 8, stol: 64 * U, atol: 64 * DENORM }, webgpu: { kind: 'close', ulps: 16, stol: 256 * U } },
      hostScale: (xs) => [lossScale(op, xs[0], xs[1])],
    });
  });
});

/**
 * The mean over rows of sum |term|·(its magnitude): the size of the float32 rounding in the loss;
 * Infinity where a float32 intermediate may overflow though the float64 one does not (then only
 * NaN must match).
 */
function lossScale(op: string, y: Input, p: Input): number {
  const fin = (v: number) => (Number.isFinite(v) ? Math.abs(v) : 0);
  const n = p.values.length;
  let s = 0;
  if (op === 'meanSquaredError') {
    for (let i = 0; i < n; i++) s += (fin(p.values[i]) + fin(y.values[i])) ** 2;
    return s > FLT_MAX ? Infinity : s / Math.max(n, 1);
  }
  if (op === 'binaryCrossentropy') {
    for (let i = 0; i < n; i++) s += (fin(y.values[i]) + fin(1 - y.values[i])) * 17;
    return s / Math.max(n, 1);
  }
  const rows = rowsOf(p);
  for (const lane of rows) {
    const m = Math.max(...lane.map((i) => fin(p.values[i])), 0);
    const sum = lane.reduce((a, i) => a + fin(p.values[i]), 0);
    if (op === 'categoricalCrossentropy') {
      // p / sum(p) over the row: a row sum that cancels (mixed signs) is known only to a few ulp
      // of sum |p|, in any order of summation
      const total = Math.abs(lane.reduce((a, i) => a + p.values[i], 0));
      const rel = ((lane.length + 1) * U * sum) / total;
      if (sum > FLT_MAX || !(rel < 1e-3)) return Infinity;
      for (const i of lane) s += fin(y.values[i]) * (17 + lane.length + rel / U);
      continue;
    }
    if (2 * m > FLT_MAX) return Infinity;
    if (op === 'sparseSoftmaxCrossEntropy') { s += 2 * m + 2 + Math.log(lane.length + 1); continue; }
    for (const i of lane) s += fin(y.values[i]) * (fin(p.values[i]) + 2 * m + 2 + Math.log(lane.length + 1));
  }
  return s / Math.max(rows.length, 1);
}

// ------------------------------------------------------------------------------ the suite

/** runs: default-mode runs against wasm; webgpuRuns: against webgpu (SwiftShader: ~2 ms a case, ~40 for matmul). */
interface Family { name: string; arb: fc.Arbitrary<OpCase>; runs: number; webgpuRuns: number; webgpuMs?: number }
const FAMILIES: Family[] = [
  { name: 'unary elementwise (float32, int32)', arb: unaryArb, runs: 3000, webgpuRuns: 400 },
  { name: 'binary broadcasting: arithmetic and comparisons (float32, int32, number operands)', arb: binaryArb, runs: 4000, webgpuRuns: 500 },
  { name: 'reductions: sum mean max min argmax argmin (axis lists, keepDims)', arb: reduceArb, runs: 4000, webgpuRuns: 400 },
  { name: 'softmax / logSoftmax (special rows, any axis)', arb: softmaxArb, runs: 3000, webgpuRuns: 400 },
  { name: 'matmul / fusedMatmul (batched, transposes, zero-size dims)', arb: matmulArb, runs: 3000, webgpuRuns: 150, webgpuMs: 60 },
  { name: 'reshape', arb: reshapeArb, runs: 1500, webgpuRuns: 200 },
  { name: 'transpose', arb: transposeArb, runs: 1500, webgpuRuns: 200 },
  { name: 'slice', arb: sliceArb, runs: 1500, webgpuRuns: 200 },
  { name: 'pad', arb: padArb, runs: 1500, webgpuRuns: 200 },
  { name: 'concat / stack', arb: concatArb, runs: 2000, webgpuRuns: 250 },
  { name: 'gather', arb: gatherArb, runs: 1500, webgpuRuns: 200 },
  { name: 'oneHot', arb: oneHotArb, runs: 1000, webgpuRuns: 150 },
  { name: 'expandDims / squeeze / flatten', arb: expandSqueezeArb, runs: 1000, webgpuRuns: 150 },
  { name: 'cast', arb: castArb, runs: 1500, webgpuRuns: 200 },
  { name: 'broadcastTo', arb: broadcastToArb, runs: 1000, webgpuRuns: 150 },
  { name: 'zero-size shapes with sizes past 2^31', arb: hugeDimsArb, runs: 300, webgpuRuns: 50 },
  { name: 'arange', arb: arangeArb, runs: 500, webgpuRuns: 50 },
  { name: 'losses', arb: lossArb, runs: 3000, webgpuRuns: 300 },
];

const TARGETS: (BackendConfig | null)[] = testBackends().filter((c) => c.backend !== 'js');
// With only js selected, the shape/validity rules still run (on js alone).
if (TARGETS.length === 0) TARGETS.push(null);

for (const cfg of TARGETS) {
  describe(`fuzz ops: ${cfg ? `${cfg.label} vs js` : 'js alone'}`, () => {
    for (const f of FAMILIES) {
      const runs = runsFor(cfg?.backend === 'webgpu' ? f.webgpuRuns : f.runs);
      it(f.name, async () => {
        await checkProperty(f.name, FILE, f.arb, (c) => checkCase(c, cfg), runs, envOf(cfg));
      }, testTimeout(runs, cfg?.backend === 'webgpu' ? f.webgpuMs ?? 5 : 1));
    }
  });
}

