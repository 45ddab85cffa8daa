// Image layers over NHWC batches (Keras names and defaults): conv2d, depthwiseConv2d, conv2dTranspose,
// max/average pooling, global pooling and zero padding.
import type { Regularizer } from '../optimizers/optimizer.js';
import type { RegularizerSpec } from '../optimizers/regularizers.js';
import type { Tensor, Variable } from '../tensor.js';
import { engine } from '../engine.js';
import { type FusedActivation, convOutSize } from '../kernels.js';
import { add } from '../ops/elementwise.js';
import { type Padding, avgPool2d, conv2d, conv2dMaxPool, conv2dTranspose, depthwiseConv2d, globalAveragePool2d, globalMaxPool2d, maxPool2d } from '../ops/conv.js';
import { pad } from '../ops/shape.js';
import { nextSeed } from '../random.js';
import { type ActivationName, activate, checkActivation } from './activations.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { regularizerOf } from './core.js';
import { type CallOptions, type LayerArgs, type LayerConfig, type Shape, Layer, checkPositiveInt, fmtShape } from './layer.js';

const FUSED: ReadonlySet<ActivationName> = new Set(['linear', 'relu', 'gelu', 'sigmoid', 'tanh']);

type Pair = number | [number, number];

function pairOf(where: string, what: string, v: unknown, dflt?: number | [number, number]): [number, number] {
  const p = v === undefined || v === null ? dflt : v;
  const q = typeof p === 'number' ? [p, p] : p;
  if (!Array.isArray(q) || q.length !== 2 || !q.every((d) => Number.isSafeInteger(d) && d > 0)) {
    throw new Error(`${where}: ${what} must be a positive integer or a pair of them, got ${JSON.stringify(v)}`);
  }
  return [q[0], q[1]];
}

function paddingOf(where: string, v: unknown): Padding {
  if (v === undefined || v === null) return 'valid';
  if (v === 'valid' || v === 'same') return v;
  const ok = Array.isArray(v) && v.length === 2 && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((d) => Number.isSafeInteger(d) && d >= 0));
  if (!ok) throw new Error(`${where}: padding must be 'valid', 'same' or [[top, bottom], [left, right]], got ${JSON.stringify(v)}`);
  return v as Padding;
}

/** [H, W, C] per sample, checked. */
function imageShape(where: string, s: Shape): [number, number, number] {
  if (s.length !== 3) throw new Error(`${where}: needs images (batch, height, width, channels), got per-sample shape ${fmtShape(s)}`);
  return [s[0], s[1], s[2]];
}

/** The output size of a window op along one axis, refusing an empty one. */
function outLength(where: string, size: number, k: number, s: number, d: number, padding: Padding, axis: 0 | 1): number {
  const n = padding === 'same' ? Math.ceil(size / s) : padding === 'valid' ? convOutSize(size, k, s, d, 0, 0) : convOutSize(size, k, s, d, ...padding[axis]);
  if (n <= 0) throw new Error(`${where}: the window ${k} (dilation ${d}) is larger than the padded input ${size} along ${axis === 0 ? 'height' : 'width'}: the output would be empty`);
  return n;
}

export interface ConvArgs extends LayerArgs {
  kernelSize: Pair;
  /** Default 1. */
  strides?: Pair;
  /** Default 'valid'. */
  padding?: Padding;
  /** Default 1. */
  dilationRate?: Pair;
  activation?: ActivationName;
  /** Slope for x < 0 when activation is 'leakyRelu' (default 0.2). */
  alpha?: number;
  useBias?: boolean;
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  kernelRegularizer?: RegularizerSpec;
  biasRegularizer?: RegularizerSpec;
  /** Seed for the initialisers that take none of their own. */
  seed?: number;
}

/** What conv2d, depthwiseConv2d and conv2dTranspose share: geometry, kernel, bias, activation. */
abstract class ConvBase extends Layer {
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly dilationRate: [number, number];
  readonly activation: ActivationName;
  readonly alpha: number;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  readonly kernelRegularizer?: Regularizer;
  readonly biasRegularizer?: Regularizer;
  readonly seed?: number;
  kernel: Variable | null = null;
  bias: Variable | null = null;

  /** `conv2d 'name'`, for messages. */
  protected readonly where: string;

  constructor(args: ConvArgs, prefix: string, op: string, example: string) {
    if (!args || typeof args !== 'object') throw new Error(`${op}: expects an options object such as { ${example}kernelSize: 3 }`);
    super(args, prefix);
    const where = this.where = `${op} '${this.name}'`;
    this.kernelSize = pairOf(where, 'kernelSize', args.kernelSize);
    this.strides = pairOf(where, 'strides', args.strides, 1);
    this.padding = paddingOf(where, args.padding);
    this.dilationRate = pairOf(where, 'dilationRate', args.dilationRate, 1);
    this.activation = checkActivation(where, args.activation);
    this.alpha = args.alpha ?? 0.2;
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = args.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = args.biasInitializer ?? 'zeros';
    checkInitializer(where, this.kernelInitializer);
    checkInitializer(where, this.biasInitializer);
    this.kernelRegularizer = regularizerOf(where, 'kernelRegularizer', args.kernelRegularizer);
    this.biasRegularizer = regularizerOf(where, 'biasRegularizer', args.biasRegularizer);
    this.seed = args.seed;
  }

  /** [OH, OW] of a forward convolution of per-sample [H, W]. */
  protected convOut(h: number, w: number): [number, number] {
    const [kh, kw] = this.kernelSize, [sh, sw] = this.strides, [dh, dw] = this.dilationRate;
    return [outLength(this.where, h, kh, sh, dh, this.padding, 0), outLength(this.where, w, kw, sw, dw, this.padding, 1)];
  }

  protected makeWeights(kernelShape: number[], biasSize: number): void {
    const seed = this.seed ?? nextSeed();
    this.kernel = this.addWeight(this.kernelName, kernelShape, (sh) => initialize(this.where, this.kernelInitializer, sh, seed), this.kernelRegularizer);
    if (this.useBias) this.bias = this.addWeight('bias', [biasSize], (sh) => initialize(this.where, this.biasInitializer, sh, seed + 1), this.biasRegularizer);
  }

  protected get kernelName(): string { return 'kernel'; }

  /** The convolution with bias and activation fused where the kernel can, else applied after. */
  protected fused(run: (bias: Tensor | null, act: FusedActivation) => Tensor): Tensor {
    if (FUSED.has(this.activation)) return run(this.bias, this.activation as FusedActivation);
    return engine.tidy(() => activate(this.activation, run(this.bias, 'linear'), this.alpha));
  }

  protected get geometry(): { strides: [number, number]; padding: Padding; dilations: [number, number] } {
    return { strides: this.strides, padding: this.padding, dilations: this.dilationRate };
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = {
      ...super.getConfig(), kernelSize: this.kernelSize, strides: this.strides, padding: this.padding,
      dilationRate: this.dilationRate, activation: this.activation, useBias: this.useBias,
      kernelInitializer: this.kernelInitializer, biasInitializer: this.biasInitializer,
    };
    if (this.activation === 'leakyRelu') c.alpha = this.alpha;
    if (this.seed !== undefined) c.seed = this.seed;
    if (this.kernelRegularizer) c.kernelRegularizer = this.kernelRegularizer.getConfig();
    if (this.biasRegularizer) c.biasRegularizer = this.biasRegularizer.getConfig();
    return c;
  }
}

export interface Conv2dArgs extends ConvArgs {
  filters: number;
  /** Channel groups (default 1): each group of filters / groups outputs reads channels / groups inputs. */
  groups?: number;
}

/** 2-D convolution: kernel [kh, kw, channels / groups, filters], bias [filters]. */
export class Conv2D extends ConvBase {
  readonly className = 'Conv2D';
  readonly filters: number;
  readonly groups: number;
  constructor(args: Conv2dArgs) {
    super(args, 'conv2d', 'conv2d', 'filters: 16, ');
    this.filters = checkPositiveInt(this.where, 'filters', args.filters);
    this.groups = checkPositiveInt(this.where, 'groups', args.groups ?? 1);
    if (this.filters % this.groups !== 0) throw new Error(`${this.where}: groups ${this.groups} must divide filters ${this.filters}`);
  }
  computeOutputShape(s: Shape): Shape {
    const [h, w, c] = imageShape(this.where, s);
    if (c % this.groups !== 0) throw new Error(`${this.where}: groups ${this.groups} must divide the input channels ${c}`);
    return [...this.convOut(h, w), this.filters];
  }
  override build(s: Shape): void {
    this.makeWeights([...this.kernelSize, s[2] / this.groups, this.filters], this.filters);
    super.build(s);
  }
  call(x: Tensor, _opts?: CallOptions): Tensor {
    return this.fused((bias, activation) => conv2d(x, this.kernel!, { ...this.geometry, groups: this.groups, bias, activation }));
  }
  /** Inference: a max pool reading this layer alone runs with the conv as one kernel (activation fused in it). */
  override fusesWith(next: Layer): boolean {
    // NOTE: not for subclasses that change either call (what the fused kernel computes is these two calls).
    return this.call === Conv2D.prototype.call && next instanceof MaxPooling2D && next.call === MaxPooling2D.prototype.call
      && FUSED.has(this.activation);
  }
  override callFused(x: Tensor, next: Layer): Tensor {
    const p = next as MaxPooling2D;
    const conv = { ...this.geometry, groups: this.groups, bias: this.bias, activation: this.activation as FusedActivation };
    return conv2dMaxPool(x, this.kernel!, conv, { poolSize: p.poolSize, strides: p.strides, padding: p.padding });
  }
  override getConfig(): LayerConfig { return { ...super.getConfig(), filters: this.filters, groups: this.groups }; }
}

export interface DepthwiseConv2dArgs extends Omit<ConvArgs, 'kernelInitializer' | 'kernelRegularizer'> {
  /** Outputs per input channel (default 1). */
  depthMultiplier?: number;
  depthwiseInitializer?: InitializerSpec;
  depthwiseRegularizer?: RegularizerSpec;
}

/** Depthwise convolution: kernel [kh, kw, channels, depthMultiplier], bias [channels · depthMultiplier]. */
export class DepthwiseConv2D extends ConvBase {
  readonly className = 'DepthwiseConv2D';
  readonly depthMultiplier: number;
  constructor(args: DepthwiseConv2dArgs) {
    super(args && { ...args, kernelInitializer: args.depthwiseInitializer, kernelRegularizer: args.depthwiseRegularizer }, 'depthwise_conv2d', 'depthwiseConv2d', '');
    this.depthMultiplier = checkPositiveInt(this.where, 'depthMultiplier', args.depthMultiplier ?? 1);
  }
  protected override get kernelName(): string { return 'depthwiseKernel'; }
  computeOutputShape(s: Shape): Shape {
    const [h, w, c] = imageShape(this.where, s);
    return [...this.convOut(h, w), c * this.depthMultiplier];
  }
  override build(s: Shape): void {
    this.makeWeights([...this.kernelSize, s[2], this.depthMultiplier], s[2] * this.depthMultiplier);
    super.build(s);
  }
  call(x: Tensor, _opts?: CallOptions): Tensor {
    return this.fused((bias, activation) => depthwiseConv2d(x, this.kernel!, { ...this.geometry, bias, activation }));
  }
  override getConfig(): LayerConfig {
    const { kernelInitializer, kernelRegularizer, ...c } = super.getConfig();
    const out: LayerConfig = { ...c, depthMultiplier: this.depthMultiplier, depthwiseInitializer: kernelInitializer };
    if (kernelRegularizer) out.depthwiseRegularizer = kernelRegularizer;
    return out;
  }
}

export interface Conv2dTransposeArgs extends ConvArgs { filters: number }

/**
 * The transpose of conv2d (a learned upsampling): kernel [kh, kw, filters, channels]; output size
 * per axis as Keras: 'same' in · stride, 'valid' in · stride + max(k_dilated - stride, 0).
 */
export class Conv2DTranspose extends ConvBase {
  readonly className = 'Conv2DTranspose';
  readonly filters: number;
  constructor(args: Conv2dTransposeArgs) {
    super(args, 'conv2d_transpose', 'conv2dTranspose', 'filters: 16, ');
    this.filters = checkPositiveInt(this.where, 'filters', args.filters);
    if (Array.isArray(this.padding)) throw new Error(`${this.where}: padding must be 'valid' or 'same', got ${JSON.stringify(this.padding)}`);
  }
  computeOutputShape(s: Shape): Shape {
    const [h, w] = imageShape(this.where, s);
    const len = (n: number, k: number, st: number, d: number) => (this.padding === 'same' ? n * st : n * st + Math.max((k - 1) * d + 1 - st, 0));
    return [len(h, this.kernelSize[0], this.strides[0], this.dilationRate[0]), len(w, this.kernelSize[1], this.strides[1], this.dilationRate[1]), this.filters];
  }
  override build(s: Shape): void {
    this.makeWeights([...this.kernelSize, this.filters, s[2]], this.filters);
    super.build(s);
  }
  call(x: Tensor, _opts?: CallOptions): Tensor {
    const [oh, ow, f] = this.computeOutputShape(x.shape.slice(1));
    return engine.tidy(() => {
      let y = conv2dTranspose(x, this.kernel!, [x.shape[0], oh, ow, f], this.geometry);
      if (this.bias) y = add(y, this.bias);
      return activate(this.activation, y, this.alpha);
    });
  }
  override getConfig(): LayerConfig { return { ...super.getConfig(), filters: this.filters }; }
}

export interface Pooling2dArgs extends LayerArgs {
  /** Default 2. */
  poolSize?: Pair;
  /** Default poolSize. */
  strides?: Pair;
  /** Default 'valid'. */
  padding?: Padding;
}

abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  private readonly where: string;
  constructor(args: Pooling2dArgs, prefix: string, op: string) {
    super(args ?? {}, prefix);
    const where = this.where = `${op} '${this.name}'`;
    this.poolSize = pairOf(where, 'poolSize', args?.poolSize, 2);
    this.strides = pairOf(where, 'strides', args?.strides, this.poolSize);
    this.padding = paddingOf(where, args?.padding);
  }
  computeOutputShape(s: Shape): Shape {
    const where = this.where;
    const [h, w, c] = imageShape(where, s);
    return [outLength(where, h, this.poolSize[0], this.strides[0], 1, this.padding, 0), outLength(where, w, this.poolSize[1], this.strides[1], 1, this.padding, 1), c];
  }
  override getConfig(): LayerConfig { return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding }; }
}

export class MaxPooling2D extends Pooling2D {
  readonly className = 'MaxPooling2D';
  constructor(args: Pooling2dArgs = {}) { super(args, 'max_pooling2d', 'maxPooling2d'); }
  call(x: Tensor): Tensor { return maxPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding }); }
}

export class AveragePooling2D extends Pooling2D {
  readonly className = 'AveragePooling2D';
  constructor(args: Pooling2dArgs = {}) { super(args, 'average_pooling2d', 'averagePooling2d'); }
  call(x: Tensor): Tensor { return avgPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding }); }
}

/** [batch, H, W, C] -> [batch, C]: the mean over each image. */
export class GlobalAveragePooling2D extends Layer {
  readonly className = 'GlobalAveragePooling2D';
  constructor(args: LayerArgs = {}) { super(args, 'global_average_pooling2d'); }
  computeOutputShape(s: Shape): Shape { return [imageShape(`globalAveragePooling2d '${this.name}'`, s)[2]]; }
  call(x: Tensor): Tensor { return globalAveragePool2d(x); }
}

/** [batch, H, W, C] -> [batch, C]: the max over each image. */
export class GlobalMaxPooling2D extends Layer {
  readonly className = 'GlobalMaxPooling2D';
  constructor(args: LayerArgs = {}) { super(args, 'global_max_pooling2d'); }
  computeOutputShape(s: Shape): Shape { return [imageShape(`globalMaxPooling2d '${this.name}'`, s)[2]]; }
  call(x: Tensor): Tensor { return globalMaxPool2d(x); }
}

export interface ZeroPadding2dArgs extends LayerArgs {
  /** Rows and columns of zeros: n (all sides), [h, w] (symmetric) or [[top, bottom], [left, right]]; default 1. */
  padding?: number | [number, number] | [[number, number], [number, number]];
}

/** Zeros around each image: [batch, H, W, C] -> [batch, H + top + bottom, W + left + right, C]. */
export class ZeroPadding2D extends Layer {
  readonly className = 'ZeroPadding2D';
  readonly padding: [[number, number], [number, number]];
  constructor(args: ZeroPadding2dArgs = {}) {
    super(args ?? {}, 'zero_padding2d');
    const p = args?.padding ?? 1;
    const full: unknown = typeof p === 'number' ? [[p, p], [p, p]] : Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' ? [[p[0], p[0]], [p[1], p[1]]] : p;
    const ok = Array.isArray(full) && full.length === 2 && full.every((q: unknown) => Array.isArray(q) && q.length === 2 && q.every((d) => Number.isSafeInteger(d) && d >= 0));
    if (!ok) throw new Error(`zeroPadding2d '${this.name}': padding must be a non-negative integer, [h, w] or [[top, bottom], [left, right]], got ${JSON.stringify(p)}`);
    this.padding = full as [[number, number], [number, number]];
  }
  computeOutputShape(s: Shape): Shape {
    const [h, w, c] = imageShape(`zeroPadding2d '${this.name}'`, s);
    const [[t, b], [l, r]] = this.padding;
    return [h + t + b, w + l + r, c];
  }
  call(x: Tensor): Tensor { return pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]]); }
  override getConfig(): LayerConfig { return { ...super.getConfig(), padding: this.padding }; }
}
