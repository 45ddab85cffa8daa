// Convolution, pooling and batch-norm ops over NHWC images (filters [kh, kw, inChannels / groups,
// outChannels]): validation and TF's padding rules here; the kernels see resolved geometry only.
import { engine } from '../engine.js';
import { type Conv2dGeometry, type FusedActivation, type Pool2dAttrs, convOutSize, padsFor } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { registerConvGradients } from './conv-gradients.js';
import { add, mul, reciprocal, sqrt, square, sub } from './elementwise.js';
import { max, mean } from './reduce.js';
import { reshape } from './shape.js';
import { full } from './creation.js';
import { checkDtype, checkTensor, describe, fmt } from './util.js';

/** 'valid' (no padding), 'same' (TF's: output ceil(in / stride), the odd pixel at the bottom/right) or explicit [[top, bottom], [left, right]]. */
export type Padding = 'valid' | 'same' | [[number, number], [number, number]];

export interface Conv2dOptions {
  /** Default 1. */
  strides?: number | [number, number];
  /** Default 'valid'. */
  padding?: Padding;
  /** Default 1. */
  dilations?: number | [number, number];
  /** Input and output channels split into this many independent groups (default 1). */
  groups?: number;
  /** [outChannels], added before the activation (fused into the kernel). */
  bias?: Tensor | null;
  /** Applied after the bias in the same kernel; default 'linear' (none). */
  activation?: FusedActivation;
}

export interface Pool2dOptions {
  /** The window [kh, kw] (a number: square); default 2. */
  poolSize?: number | [number, number];
  /** Default poolSize (Keras). */
  strides?: number | [number, number];
  /** Default 'valid'. */
  padding?: Padding;
}

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'];

/** A positive integer pair from a number or a pair. */
function pair(op: string, name: string, v: unknown, dflt: number): [number, number] {
  const p = v === undefined ? [dflt, dflt] : typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(p) || p.length !== 2 || !p.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d > 0)) {
    throw new Error(`${op}: ${name} must be a positive integer or a pair of them, got ${Array.isArray(v) ? JSON.stringify(v) : describe(v)}`);
  }
  return [p[0], p[1]];
}

function checkPadding(op: string, padding: unknown): Padding {
  if (padding === undefined) return 'valid';
  if (padding === 'valid' || padding === 'same') return padding;
  const ok = Array.isArray(padding) && padding.length === 2 && padding.every((p) => Array.isArray(p) && p.length === 2
    && p.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0));
  if (!ok) throw new Error(`${op}: padding must be 'valid', 'same' or [[top, bottom], [left, right]] of non-negative integers, got ${JSON.stringify(padding) ?? describe(padding)}`);
  return padding as Padding;
}

function checkImage(op: string, x: Tensor): void {
  checkTensor(op, x);
  checkDtype(op, x, ['float32']);
  if (x.rank !== 4 && x.rank !== 3) throw new Error(`${op}: 'x' must be rank 4 [batch, height, width, channels] or rank 3 [height, width, channels], got shape ${fmt(x.shape)}`);
}

/** x as [N, H, W, C] (rank 3 gets a batch of 1) and whether it was rank 3. */
function image(op: string, x: Tensor): [Tensor, boolean] {
  checkImage(op, x);
  return x.rank === 3 ? [reshape(x, [1, ...x.shape]), true] : [x, false];
}

/**
 * The geometry for a window [kh, kw] over x [N, H, W, C]; refuses one whose output would be empty
 * (the window larger than the padded input).
 */
function geometry(op: string, x: readonly number[], kh: number, kw: number, opts: { strides?: unknown; dilations?: unknown; padding?: unknown }, dflt = 1): Conv2dGeometry & { out: [number, number] } {
  const strides = pair(op, 'strides', opts.strides, dflt);
  const dilations = pair(op, 'dilations', opts.dilations, 1);
  const padding = checkPadding(op, opts.padding);
  const [pt, pb] = padsFor(padding, x[1], kh, strides[0], dilations[0], 0);
  const [pl, pr] = padsFor(padding, x[2], kw, strides[1], dilations[1], 1);
  const out: [number, number] = [convOutSize(x[1], kh, strides[0], dilations[0], pt, pb), convOutSize(x[2], kw, strides[1], dilations[1], pl, pr)];
  if (out[0] <= 0 || out[1] <= 0) {
    throw new Error(`${op}: the window ${kh}x${kw} (dilations ${dilations.join('x')}) is larger than the padded input ${x[1] + pt + pb}x${x[2] + pl + pr} (input ${x[1]}x${x[2]}, padding ${JSON.stringify(padding)}): the output would be empty`);
  }
  return { strides, dilations, pads: [pt, pb, pl, pr], out };
}

function unbatch(y: Tensor, was3: boolean): Tensor {
  return was3 ? engine.reshapeOwned(y, y.shape.slice(1)) : y;
}

/**
 * 2-D convolution: x [N, H, W, C] (or [H, W, C]), filter [kh, kw, C / groups, O] -> [N, OH, OW, O],
 * with an optional bias [O] and activation fused into the kernel.
 */
export function conv2d(x: Tensor, filter: Tensor, opts: Conv2dOptions = {}): Tensor {
  return convolve('conv2d', x, filter, opts, opts.groups);
}

/**
 * Depthwise convolution: filter [kh, kw, C, multiplier]; output channel c·multiplier + m is input
 * channel c convolved with filter[:, :, c, m]. Options as conv2d's (bias [C·multiplier]).
 */
export function depthwiseConv2d(x: Tensor, filter: Tensor, opts: Omit<Conv2dOptions, 'groups'> = {}): Tensor {
  const op = 'depthwiseConv2d';
  checkImage(op, x);
  checkTensor(op, filter, 'filter');
  if (filter.rank !== 4) throw new Error(`${op}: 'filter' must be rank 4 [kh, kw, channels, multiplier], got shape ${fmt(filter.shape)}`);
  const C = x.shape[x.rank - 1];
  if (filter.shape[2] !== C) throw new Error(`${op}: the filter's channels (shape ${fmt(filter.shape)}, axis 2) must equal x's channels ${C} (x shape ${fmt(x.shape)})`);
  const [kh, kw, , M] = filter.shape;
  // NOTE: [kh, kw, C, M] and the grouped form [kh, kw, 1, C·M] have the same element order.
  return engine.tidy(() => convolve(op, x, reshape(filter, [kh, kw, 1, C * M]), opts, C));
}

/**
 * @internal maxPool2d(conv2d(x, filter, opts), pool) for inference: one kernel (conv2dMaxPool; on wasm
 * the conv output is never whole) unless a tape differentiates it (its backward needs the conv
 * output), then the pair. The model's inference forward picks it for a Conv2D read by a MaxPooling2D alone.
 */
export function conv2dMaxPool(x: Tensor, filter: Tensor, opts: Conv2dOptions, pool: Pool2dOptions): Tensor {
  if (pool === null || typeof pool !== 'object') throw new Error(`conv2dMaxPool: pool options must be an object such as { poolSize: 2 }, got ${describe(pool)}`);
  return convolve('conv2d', x, filter, opts, opts?.groups, pool);
}

function convolve(op: string, x: Tensor, filter: Tensor, opts: Conv2dOptions, groupsArg: unknown, pool?: Pool2dOptions): Tensor {
  if (opts === null || typeof opts !== 'object') throw new Error(`${op}: options must be an object, got ${describe(opts)}`);
  const [x4, was3] = image(op, x);
  checkTensor(op, filter, 'filter');
  checkDtype(op, filter, ['float32'], 'filter');
  if (filter.rank !== 4) throw new Error(`${op}: 'filter' must be rank 4 [kh, kw, inChannels / groups, outChannels], got shape ${fmt(filter.shape)}`);
  const groups = groupsArg ?? 1;
  if (typeof groups !== 'number' || !Number.isSafeInteger(groups) || groups <= 0) throw new Error(`${op}: groups must be a positive integer, got ${describe(groups)}`);
  const C = x4.shape[3];
  const [kh, kw, Cg, O] = filter.shape;
  if (C % groups !== 0 || O % groups !== 0) {
    throw new Error(`${op}: groups ${groups} must divide the input channels ${C} and the output channels ${O}`);
  }
  if (Cg * groups !== C) {
    throw new Error(`${op}: channel mismatch: x has ${C} channels (shape ${fmt(x.shape)}) but the filter ${fmt(filter.shape)} takes ${Cg}${groups > 1 ? ` per group × ${groups} groups = ${Cg * groups}` : ''}`);
  }
  if (kh === 0 || kw === 0) throw new Error(`${op}: the filter's window must not be empty, got shape ${fmt(filter.shape)}`);
  const activation = opts.activation ?? 'linear';
  if (!ACTIVATIONS.includes(activation)) throw new Error(`${op}: unknown activation '${String(activation)}'; expected one of ${ACTIVATIONS.join(', ')}`);
  const bias = opts.bias ?? undefined;
  if (bias !== undefined) {
    checkTensor(op, bias, 'bias');
    checkDtype(op, bias, ['float32'], 'bias');
    if (bias.rank !== 1 || bias.shape[0] !== O) throw new Error(`${op}: bias must have shape [${O}] (the output channels), got ${fmt(bias.shape)}`);
  }
  const { out, ...g } = geometry(op, x4.shape, kh, kw, opts);
  registerConvGradients();
  const ins = bias ? [x4, filter, bias] : [x4, filter];
  let y: Tensor;
  if (pool === undefined) {
    y = engine.runKernel('conv2d', ins, { ...g, groups, activation })[0];
  } else if (engine.tracked(ins)) {
    // Under a tape that differentiates it: the pair, so maxPool2d's backward reads the conv output from the tape.
    y = engine.tidy(() => maxPool2d(engine.runKernel('conv2d', ins, { ...g, groups, activation })[0], pool));
  } else {
    const poolSize = pair('maxPool2d', 'poolSize', pool.poolSize, 2);
    const { out: _, ...pg } = geometry('maxPool2d', [x4.shape[0], ...out, O], poolSize[0], poolSize[1], { strides: pool.strides ?? poolSize, padding: pool.padding });
    y = engine.runKernel('conv2dMaxPool', ins, { ...g, groups, activation, pool: { ...pg, poolSize } })[0];
  }
  if (x4 !== x) x4.dispose();
  return unbatch(y, was3);
}

/**
 * The transpose of conv2d (its gradient with respect to x), tfjs semantics: x [N, H, W, inC],
 * filter [kh, kw, outC, inC] -> [N, OH, OW, outC]. `outputShape` ([N, OH, OW, outC] or
 * [OH, OW, outC]) defaults to the smallest output whose conv2d gives back H x W: (H - 1)·stride +
 * dilation·(k - 1) + 1 - pads ('same': H·stride); a given one must give back H x W too.
 */
export function conv2dTranspose(x: Tensor, filter: Tensor, outputShape?: number[] | null, opts: Omit<Conv2dOptions, 'groups' | 'bias' | 'activation'> = {}): Tensor {
  const op = 'conv2dTranspose';
  if (opts === null || typeof opts !== 'object') throw new Error(`${op}: options must be an object, got ${describe(opts)}`);
  const [x4, was3] = image(op, x);
  checkTensor(op, filter, 'filter');
  checkDtype(op, filter, ['float32'], 'filter');
  if (filter.rank !== 4) throw new Error(`${op}: 'filter' must be rank 4 [kh, kw, outChannels, inChannels], got shape ${fmt(filter.shape)}`);
  const [N, H, W, C] = x4.shape;
  const [kh, kw, outC, inC] = filter.shape;
  if (C !== inC) throw new Error(`${op}: channel mismatch: x has ${C} channels (shape ${fmt(x.shape)}) but the filter ${fmt(filter.shape)} takes ${inC} (axis 3)`);
  if (kh === 0 || kw === 0) throw new Error(`${op}: the filter's window must not be empty, got shape ${fmt(filter.shape)}`);
  const strides = pair(op, 'strides', opts.strides, 1);
  const dilations = pair(op, 'dilations', opts.dilations, 1);
  const padding = checkPadding(op, opts.padding);
  let oh: number, ow: number;
  if (outputShape === undefined || outputShape === null) {
    const full = (n: number, k: number, s: number, d: number, p: [number, number]) => (n - 1) * s + d * (k - 1) + 1 - p[0] - p[1];
    oh = padding === 'same' ? H * strides[0] : full(H, kh, strides[0], dilations[0], padding === 'valid' ? [0, 0] : padding[0]);
    ow = padding === 'same' ? W * strides[1] : full(W, kw, strides[1], dilations[1], padding === 'valid' ? [0, 0] : padding[1]);
  } else {
    const s = outputShape;
    const ok = Array.isArray(s) && (s.length === 3 || s.length === 4) && s.every((d) => Number.isSafeInteger(d) && d > 0);
    if (!ok) throw new Error(`${op}: outputShape must be [batch, height, width, channels] or [height, width, channels] of positive integers, got ${JSON.stringify(s)}`);
    const full = s.length === 4 ? s : [N, ...s];
    if (full[0] !== N || full[3] !== outC) {
      throw new Error(`${op}: outputShape ${fmt(s)} must have ${s.length === 4 ? `batch ${N} and ` : ''}${outC} channels (the filter's axis 2)`);
    }
    [, oh, ow] = full;
  }
  const g = geometry(op, [N, oh, ow, outC], kh, kw, { strides, dilations, padding });
  if (g.out[0] !== H || g.out[1] !== W) {
    throw new Error(`${op}: outputShape ${oh}x${ow} does not fit x's ${H}x${W}: a conv2d of ${oh}x${ow} with these strides, padding and dilations gives ${g.out[0]}x${g.out[1]}`);
  }
  const { out: _, ...geo } = g;
  registerConvGradients();
  const y = engine.runKernel('conv2dBackpropInput', [x4, filter], { ...geo, groups: 1, inShape: [N, oh, ow, outC] })[0];
  if (x4 !== x) x4.dispose();
  return unbatch(y, was3);
}

function pool(op: 'maxPool2d' | 'avgPool2d', x: Tensor, opts: Pool2dOptions): Tensor {
  if (opts === null || typeof opts !== 'object') throw new Error(`${op}: options must be an object such as { poolSize: 2 }, got ${describe(opts)}`);
  const [x4, was3] = image(op, x);
  const poolSize = pair(op, 'poolSize', opts.poolSize, 2);
  const { out: _, ...g } = geometry(op, x4.shape, poolSize[0], poolSize[1], { strides: opts.strides ?? poolSize, padding: opts.padding });
  const attrs: Pool2dAttrs = { ...g, poolSize };
  registerConvGradients();
  const y = engine.runKernel(op, [x4], attrs)[0];
  if (x4 !== x) x4.dispose();
  return unbatch(y, was3);
}

/** The max over each window (padding never wins); strides default to poolSize. */
export const maxPool2d = (x: Tensor, opts: Pool2dOptions = {}): Tensor => pool('maxPool2d', x, opts);
/** The mean over each window's positions inside x (padding not counted); strides default to poolSize. */
export const avgPool2d = (x: Tensor, opts: Pool2dOptions = {}): Tensor => pool('avgPool2d', x, opts);

/** The mean over height and width: [N, H, W, C] -> [N, C] ([N, 1, 1, C] with keepDims). */
export function globalAveragePool2d(x: Tensor, keepDims = false): Tensor {
  checkImage('globalAveragePool2d', x);
  return mean(x, x.rank === 3 ? [0, 1] : [1, 2], keepDims);
}

/** The max over height and width: [N, H, W, C] -> [N, C] ([N, 1, 1, C] with keepDims). */
export function globalMaxPool2d(x: Tensor, keepDims = false): Tensor {
  checkImage('globalMaxPool2d', x);
  return max(x, x.rank === 3 ? [0, 1] : [1, 2], keepDims);
}

/**
 * (x - mean) · scale / sqrt(variance + epsilon) + offset, every operand broadcast against x (per
 * channel: shape [C]). tfjs's batchNorm; composed of elementwise ops, so it differentiates in all.
 */
export function batchNorm(x: Tensor, mean: Tensor, variance: Tensor, offset?: Tensor | null, scale?: Tensor | null, epsilon = 1e-3): Tensor {
  const op = 'batchNorm';
  checkTensor(op, x);
  checkDtype(op, x, ['float32']);
  const named: [string, Tensor | null | undefined][] = [['mean', mean], ['variance', variance], ['offset', offset], ['scale', scale]];
  for (const [name, t] of named) {
    if (t === undefined || t === null) continue;
    checkTensor(op, t, name);
    checkDtype(op, t, ['float32'], name);
    const lead = x.rank - t.rank;
    if (lead < 0 || t.shape.some((d, i) => d !== 1 && d !== x.shape[lead + i])) {
      throw new Error(`${op}: '${name}' of shape ${fmt(t.shape)} must broadcast to x's shape ${fmt(x.shape)} (per channel: [${x.shape[x.rank - 1]}])`);
    }
  }
  if (typeof epsilon !== 'number' || !(epsilon > 0)) throw new Error(`${op}: epsilon must be a positive number, got ${describe(epsilon)}`);
  return engine.tidy(() => {
    let inv = reciprocal(sqrt(add(variance, epsilon)));
    if (scale) inv = mul(inv, scale);
    const y = mul(sub(x, mean), inv);
    return offset ? add(y, offset) : y;
  });
}

/** What batchNormTraining returns: the normalised x and the batch statistics it used ([C] each). */
export interface BatchNormTrainingResult { y: Tensor; mean: Tensor; variance: Tensor }

/**
 * Batch normalization in training mode over the last axis (the channels of NHWC): per channel, the
 * batch mean and biased variance over every other axis, then
 * y = (x - mean) · scale / sqrt(variance + epsilon) + offset (offset, scale: [C], optional). Returns y
 * and the statistics; gradients flow through all three (to x, offset and scale). One fused kernel
 * forward and one backward where the backend has them (js, wasm); else moments + batchNorm.
 */
export function batchNormTraining(x: Tensor, offset?: Tensor | null, scale?: Tensor | null, epsilon = 1e-3): BatchNormTrainingResult {
  const op = 'batchNormTraining';
  checkTensor(op, x);
  checkDtype(op, x, ['float32']);
  if (x.rank < 2) throw new Error(`${op}: x needs a batch axis and a channel axis (rank >= 2, channels last), got shape ${fmt(x.shape)}`);
  const C = x.shape[x.rank - 1];
  for (const [name, t] of [['offset', offset], ['scale', scale]] as const) {
    if (t === undefined || t === null) continue;
    checkTensor(op, t, name);
    checkDtype(op, t, ['float32'], name);
    if (t.rank !== 1 || t.shape[0] !== C) throw new Error(`${op}: '${name}' must have shape [${C}] (x's channels, its last axis), got ${fmt(t.shape)}`);
  }
  if (typeof epsilon !== 'number' || !(epsilon > 0)) throw new Error(`${op}: epsilon must be a positive number, got ${describe(epsilon)}`);
  return engine.tidy(() => {
    if (engine.backend?.kernels.batchNormTrain !== undefined) {
      registerConvGradients();
      const rows = x.shape.slice(0, -1).reduce((a, b) => a * b, 1);
      const [y, m, v] = engine.runKernel('batchNormTrain', [reshape(x, [rows, C]), scale ?? full([C], 1), offset ?? full([C], 0)], { epsilon });
      return { y: reshape(y, [...x.shape]), mean: m, variance: v };
    }
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    const { mean: m, variance: v } = moments(x, axes);
    return { y: batchNorm(x, m, v, offset, scale, epsilon), mean: m, variance: v };
  });
}

/** The mean and (biased) variance of x over `axes`, as tfjs's moments. */
export function moments(x: Tensor, axes?: number | number[] | null, keepDims = false): { mean: Tensor; variance: Tensor } {
  checkTensor('moments', x);
  checkDtype('moments', x, ['float32']);
  return engine.tidy(() => {
    const mu = mean(x, axes, true);
    const variance = mean(square(sub(x, mu)), axes, keepDims);
    return { mean: keepDims ? mu : reshape(mu, [...variance.shape]), variance };
  });
}
