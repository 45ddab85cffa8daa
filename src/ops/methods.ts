// Tensor methods: each one only delegates to the free op of the same name.
import { Tensor } from '../tensor.js';
import type { DType } from '../kernels.js';
import * as el from './elementwise.js';
import * as red from './reduce.js';
import * as sh from './shape.js';
import * as nn from './nn.js';
import * as comp from './composite.js';
import { matmul, type MatmulOptions } from './linalg.js';
import type { TensorLike } from './util.js';

type Axis = number | number[] | null;

declare module '../tensor.js' {
  interface Tensor {
    add(b: TensorLike): Tensor; sub(b: TensorLike): Tensor; mul(b: TensorLike): Tensor; div(b: TensorLike): Tensor;
    pow(b: TensorLike): Tensor; maximum(b: TensorLike): Tensor; minimum(b: TensorLike): Tensor;
    greater(b: TensorLike): Tensor; greaterEqual(b: TensorLike): Tensor; less(b: TensorLike): Tensor;
    lessEqual(b: TensorLike): Tensor; equal(b: TensorLike): Tensor; notEqual(b: TensorLike): Tensor;
    neg(): Tensor; exp(): Tensor; log(): Tensor; sqrt(): Tensor; square(): Tensor; abs(): Tensor; sign(): Tensor;
    reciprocal(): Tensor; relu(): Tensor; sigmoid(): Tensor; tanh(): Tensor; gelu(): Tensor;
    leakyRelu(alpha?: number): Tensor; clip(min: number, max: number): Tensor;
    softmax(axis?: number): Tensor; logSoftmax(axis?: number): Tensor;
    sum(axis?: Axis, keepDims?: boolean): Tensor; mean(axis?: Axis, keepDims?: boolean): Tensor;
    max(axis?: Axis, keepDims?: boolean): Tensor; min(axis?: Axis, keepDims?: boolean): Tensor;
    argmax(axis?: number | null, keepDims?: boolean): Tensor; argmin(axis?: number | null, keepDims?: boolean): Tensor;
    matmul(b: Tensor, opts?: MatmulOptions): Tensor;
    reshape(shape: number[]): Tensor; flatten(): Tensor; transpose(perm?: number[]): Tensor;
    expandDims(axis?: number): Tensor; squeeze(axes?: number[]): Tensor;
    slice(begin: number | number[], size?: number | number[]): Tensor; gather(indices: Tensor, axis?: number): Tensor;
    cast(dtype: DType): Tensor;
    floor(): Tensor; ceil(): Tensor; round(): Tensor; sin(): Tensor; cos(): Tensor;
    tile(reps: number[]): Tensor; reverse(axis?: number | number[] | null): Tensor;
    cumsum(axis?: number, exclusive?: boolean, reverse?: boolean): Tensor;
    prod(axis?: Axis, keepDims?: boolean): Tensor; logSumExp(axis?: Axis, keepDims?: boolean): Tensor;
  }
}

const p = Tensor.prototype;
for (const name of ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual'] as const) {
  p[name] = function (this: Tensor, b: TensorLike) { return el[name](this, b); };
}
for (const name of ['neg', 'exp', 'log', 'sqrt', 'square', 'abs', 'sign', 'reciprocal', 'relu', 'sigmoid', 'tanh', 'gelu',
  'floor', 'ceil', 'round', 'sin', 'cos'] as const) {
  p[name] = function (this: Tensor) { return el[name](this); };
}
p.leakyRelu = function (alpha) { return el.leakyRelu(this, alpha); };
p.clip = function (min, max) { return el.clip(this, min, max); };
p.cast = function (dtype) { return el.cast(this, dtype); };
p.softmax = function (axis) { return nn.softmax(this, axis); };
p.logSoftmax = function (axis) { return nn.logSoftmax(this, axis); };
for (const name of ['sum', 'mean', 'max', 'min'] as const) {
  p[name] = function (this: Tensor, axis?: Axis, keepDims?: boolean) { return red[name](this, axis, keepDims); };
}
p.argmax = function (axis, keepDims) { return red.argmax(this, axis, keepDims); };
p.argmin = function (axis, keepDims) { return red.argmin(this, axis, keepDims); };
p.matmul = function (b, opts) { return matmul(this, b, opts); };
p.reshape = function (shape) { return sh.reshape(this, shape); };
p.flatten = function () { return sh.flatten(this); };
p.transpose = function (perm) { return sh.transpose(this, perm); };
p.expandDims = function (axis) { return sh.expandDims(this, axis); };
p.squeeze = function (axes) { return sh.squeeze(this, axes); };
p.slice = function (begin, size) { return sh.slice(this, begin, size); };
p.gather = function (indices, axis) { return sh.gather(this, indices, axis); };
p.tile = function (reps) { return comp.tile(this, reps); };
p.reverse = function (axis) { return comp.reverse(this, axis); };
p.cumsum = function (axis, exclusive, reverse) { return comp.cumsum(this, axis, exclusive, reverse); };
p.prod = function (axis, keepDims) { return comp.prod(this, axis, keepDims); };
p.logSumExp = function (axis, keepDims) { return comp.logSumExp(this, axis, keepDims); };
