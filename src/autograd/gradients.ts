// The gradient table: one rule per primitive, written with ops. Importing this module registers
// the rules into the engine, which looks them up by kernel name at backward time.
import { gradients, engine, type GradRule, type TapeOp, type TapeNode } from '../engine.js';
import type { KernelAttrs } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import {
  add, sub, mul, div, neg, sign, square, log, exp, pow, maximum, greater, greaterEqual, less, lessEqual, equal,
  unaryGrad, sin, cos,
} from '../ops/elementwise.js';
import { sum } from '../ops/reduce.js';
import { reshape, transpose, slice, pad, broadcastTo } from '../ops/shape.js';
import { matmul, fusedMatmul } from '../ops/linalg.js';

/** Sums a broadcast gradient back down to `shape` (the operand's own shape). */
function unbroadcast(dy: Tensor, shape: readonly number[]): Tensor {
  const lead = dy.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < dy.rank; i++) if (i < lead || (shape[i - lead] === 1 && dy.shape[i] !== 1)) axes.push(i);
  const s = axes.length ? sum(dy, axes, true) : dy;
  return reshape(s, [...shape]);
}


const x0 = (n: TapeNode) => n.inputs[0];
const y0 = (n: TapeNode) => n.outputs[0];
const attrs = <K extends keyof KernelAttrs>(n: TapeNode) => n.attrs as KernelAttrs[K];

const rules: Partial<Record<TapeOp, GradRule>> = {
  reshape: ([dy], n) => [reshape(dy, [...x0(n).shape])],

  neg: ([dy]) => [neg(dy)],
  exp: ([dy], n) => [mul(dy, y0(n))],
  log: ([dy], n) => [div(dy, x0(n))],
  sqrt: ([dy], n) => [div(dy, mul(y0(n), 2))],
  square: ([dy], n) => [mul(dy, mul(x0(n), 2))],
  abs: ([dy], n) => [mul(dy, sign(x0(n)))],
  sign: ([dy]) => [mul(dy, 0)],
  reciprocal: ([dy], n) => [neg(mul(dy, square(y0(n))))],
  relu: ([dy], n) => [unaryGrad('reluGrad', dy, x0(n))],
  leakyRelu: ([dy], n) => [unaryGrad('leakyReluGrad', dy, x0(n), attrs<'leakyRelu'>(n))],
  sigmoid: ([dy], n) => [unaryGrad('sigmoidGrad', dy, y0(n))],
  tanh: ([dy], n) => [unaryGrad('tanhGrad', dy, y0(n))],
  gelu: ([dy], n) => [unaryGrad('geluGrad', dy, x0(n))],
  clip: ([dy], n) => [unaryGrad('clipGrad', dy, x0(n), attrs<'clip'>(n))],
  // piecewise constant: zero almost everywhere (as tfjs; the jumps have no gradient)
  floor: ([dy]) => [mul(dy, 0)],
  ceil: ([dy]) => [mul(dy, 0)],
  round: ([dy]) => [mul(dy, 0)],
  sin: ([dy], n) => [mul(dy, cos(x0(n)))],
  cos: ([dy], n) => [neg(mul(dy, sin(x0(n))))],

  add: ([dy], n) => [unbroadcast(dy, n.inputs[0].shape), unbroadcast(dy, n.inputs[1].shape)],
  sub: ([dy], n) => [unbroadcast(dy, n.inputs[0].shape), n.needs[1] ? unbroadcast(neg(dy), n.inputs[1].shape) : null],
  mul: ([dy], n) => {
    const [a, b] = n.inputs;
    return [n.needs[0] ? unbroadcast(mul(dy, b), a.shape) : null, n.needs[1] ? unbroadcast(mul(dy, a), b.shape) : null];
  },
  div: ([dy], n) => {
    const [a, b] = n.inputs;
    return [
      n.needs[0] ? unbroadcast(div(dy, b), a.shape) : null,
      n.needs[1] ? unbroadcast(neg(mul(dy, div(y0(n), b))), b.shape) : null,
    ];
  },
  pow: ([dy], n) => {
    const [a, b] = n.inputs;
    // d/da a^b = b·a^(b-1); d/db a^b = a^b·log a, taken as 0 where a <= 0 (as tfjs does).
    const da = n.needs[0] ? unbroadcast(mul(dy, mul(b, pow(a, sub(b, 1)))), a.shape) : null;
    const db = n.needs[1] ? unbroadcast(mul(dy, mul(y0(n), mul(log(maximum(a, 1e-30)), greater(a, 0)))), b.shape) : null;
    return [da, db];
  },
  maximum: ([dy], n) => {
    const [a, b] = n.inputs;
    return [unbroadcast(mul(dy, greaterEqual(a, b)), a.shape), unbroadcast(mul(dy, less(a, b)), b.shape)];
  },
  minimum: ([dy], n) => {
    const [a, b] = n.inputs;
    return [unbroadcast(mul(dy, lessEqual(a, b)), a.shape), unbroadcast(mul(dy, greater(a, b)), b.shape)];
  },
  greater: () => [null, null], greaterEqual: () => [null, null], less: () => [null, null],
  lessEqual: () => [null, null], equal: () => [null, null], notEqual: () => [null, null],

  // Reductions saw x as [outer, R, inner] and made [outer, inner].
  sum: ([dy], n) => {
    const [o, R, i] = n.inputShapes[0];
    return [reshape(broadcastTo(reshape(dy, [o, 1, i]), [o, R, i]), [...x0(n).shape])];
  },
  max: ([dy], n) => extremumGrad(dy, n),
  min: ([dy], n) => extremumGrad(dy, n),
  argmax: () => [null], argmin: () => [null],

  // softmax/logSoftmax ran on [rows, C]: dy and y have that shape; dx goes back to x's.
  softmax: ([dy], n) => {
    const y = y0(n);
    return [reshape(mul(y, sub(dy, sum(mul(dy, y), -1, true))), [...x0(n).shape])];
  },
  logSoftmax: ([dy], n) => [reshape(sub(dy, mul(exp(y0(n)), sum(dy, -1, true))), [...x0(n).shape])],

  matmul: ([dy], n) => {
    const [a, b] = n.inputs;
    const [sa, sb] = n.inputShapes;
    const { transposeA: tA, transposeB: tB } = attrs<'matmul'>(n);
    const a3 = reshape(a, [...sa]), b3 = reshape(b, [...sb]);
    let da: Tensor | null = null, db: Tensor | null = null;
    if (n.needs[0]) {
      da = tA ? matmul(b3, dy, { transposeA: tB, transposeB: true }) : matmul(dy, b3, { transposeB: !tB });
      da = reshape(sa[0] === 1 && dy.shape[0] !== 1 ? sum(da, 0, true) : da, [...a.shape]);
    }
    if (n.needs[1]) {
      db = tB ? matmul(dy, a3, { transposeA: true, transposeB: tA }) : matmul(a3, dy, { transposeA: !tA });
      db = reshape(sb[0] === 1 && dy.shape[0] !== 1 ? sum(db, 0, true) : db, [...b.shape]);
    }
    return [da, db];
  },
  // y = act(z), z = op(a)·op(b) + bias: dz from y (relu, sigmoid, tanh) or from z recomputed (gelu),
  // then matmul's rule; the bias gets dz summed over every row.
  fusedMatmul: ([dy], n) => {
    const { transposeA, transposeB, activation } = attrs<'fusedMatmul'>(n);
    const [sa, sb] = n.inputShapes;
    const bias = n.inputs[2] as Tensor | undefined;
    let dz = dy;
    if (activation === 'relu') dz = unaryGrad('reluGrad', dy, y0(n));
    else if (activation === 'sigmoid') dz = unaryGrad('sigmoidGrad', dy, y0(n));
    else if (activation === 'tanh') dz = unaryGrad('tanhGrad', dy, y0(n));
    else if (activation === 'gelu') {
      const z = fusedMatmul(reshape(n.inputs[0], [...sa]), reshape(n.inputs[1], [...sb]), bias, { transposeA, transposeB });
      dz = unaryGrad('geluGrad', dy, z);
    }
    const [da, db] = rules.matmul!([dz], { ...n, attrs: { transposeA, transposeB } });
    if (!bias) return [da, db];
    return [da, db, n.needs[2] ? sum(dz, [0, 1]) : null];
  },

  transpose: ([dy], n) => {
    const { perm } = attrs<'transpose'>(n);
    return [transpose(dy, perm.map((_, i) => perm.indexOf(i)))];
  },
  slice: ([dy], n) => {
    const { begin, size } = attrs<'slice'>(n);
    return [pad(dy, begin.map((b, i) => [b, x0(n).shape[i] - b - size[i]]))];
  },
  pad: ([dy], n) => [slice(dy, attrs<'pad'>(n).before, [...x0(n).shape])],
  concat: ([dy], n) => {
    const { axis } = attrs<'concat'>(n);
    let at = 0;
    return n.inputs.map((x, i) => {
      const begin = dy.shape.map((_, d) => (d === axis ? at : 0));
      at += x.shape[axis];
      return n.needs[i] ? slice(dy, begin, [...x.shape]) : null;
    });
  },
  gather: ([dy], n) => {
    const [o, N, i] = n.inputShapes[0];
    const M = n.inputShapes[1][0];
    const idx = n.inputs[1];
    const d = engine.runKernel('scatterAdd', [reshape(dy, [o, M, i]), idx], { n: N }, [[o, M, i], [M]])[0];
    return [reshape(d, [...x0(n).shape]), null];
  },
  scatterAdd: ([dy], n) => {
    const M = n.inputShapes[1][0];
    return [engine.runKernel('gather', [dy, n.inputs[1]], {}, [dy.shape, [M]])[0], null];
  },
  // attention's inputs [q, k, v, mask?] and outputs [out, lse]: one fused backward kernel (lse's gradient is unused: no op returns it)
  attention: ([dy], n) => {
    const [q, k, v, mask] = n.inputs;
    const ins = [q, k, v, n.outputs[0], n.outputs[1], dy];
    if (mask) ins.push(mask);
    const [dq, dk, dv] = engine.runKernel('attentionGrad', ins, attrs<'attention'>(n));
    return mask ? [dq, dk, dv, null] : [dq, dk, dv];
  },
  // layerNorm's inputs [x, gamma, beta], outputs [y, mean, rstd] (the statistics have no gradient of their own)
  layerNorm: ([dy], n) => {
    const [x, g] = n.inputs;
    const [dx, dg, db] = engine.runKernel('layerNormGrad', [x, g, n.outputs[1], n.outputs[2], dy], {});
    return [dx, n.needs[1] ? dg : null, n.needs[2] ? db : null];
  },
  oneHot: () => [null],
  cast: () => [null],
  fill: () => [],

  // conv2d, conv2dBackpropInput, maxPool2d, avgPool2d: ops/conv-gradients.ts, registered by the conv ops.

  softmaxCrossEntropy: ([dy], n) => {
    // loss_r = -sum_c y·logSoftmax(z): dz = softmax(z)·sum_c y - y, dy_labels = -logSoftmax(z).
    const [z, y] = n.inputs;
    const [rows, C] = n.inputShapes[0];
    const z2 = reshape(z, [rows, C]), y2 = reshape(y, [rows, C]);
    const g = reshape(dy, [rows, 1]);
    const ls = engine.runKernel('logSoftmax', [z2], {})[0];
    const dz = n.needs[0] ? reshape(mul(sub(mul(exp(ls), sum(y2, -1, true)), y2), g), [...z.shape]) : null;
    const dl = n.needs[1] ? reshape(neg(mul(ls, g)), [...y.shape]) : null;
    return [dz, dl];
  },
  sparseSoftmaxCrossEntropy: ([dy], n) => {
    const [z, labels] = n.inputs;
    const C = z.shape[1];
    const p = engine.runKernel('softmax', [z], {})[0];
    const onehot = engine.runKernel('oneHot', [labels], { depth: C })[0];
    return [mul(sub(p, onehot), reshape(dy, [z.shape[0], 1])), null];
  },
};

/** max/min: the gradient goes to every position equal to the extremum (ties share it, as in tfjs). */
function extremumGrad(dy: Tensor, n: TapeNode): Tensor[] {
  const [o, R, i] = n.inputShapes[0];
  const x3 = reshape(x0(n), [o, R, i]);
  const y3 = reshape(y0(n), [o, 1, i]);
  const d = mul(reshape(dy, [o, 1, i]), equal(x3, y3));
  return [reshape(d, [...x0(n).shape])];
}

for (const [op, rule] of Object.entries(rules)) gradients.set(op as TapeOp, rule!);

