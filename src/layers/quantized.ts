// Quantised layers (eg.quantize's output; inference only): QuantizedDense and QuantizedConv2D hold
// int8 kernels, symmetric per output channel (`scale` [out], float32), and a float32 bias. On a
// backend with the int8 GEMM (wasm, js) the kernel is packed once (qpack) and each call quantises
// its input per row (or with the calibrated `inputRange`) and runs qmatmul, dequantisation, bias and
// activation fused; a convolution (qconv2d) gathers its patches a row block at a time into the same GEMM
// (every backend has these kernels: js, wasm, and webgpu, where the weights stay int8 on the device).
// A backend without them would widen the kernel once (cast to float32 times scale) and run the float
// kernels on float activations (a calibrated inputRange unused). `fit` on a quantised model is refused.
import type { Tensor, Variable } from '../tensor.js';
import { engine } from '../engine.js';
import { type FusedActivation, convOutSize, padsFor } from '../kernels.js';
import type { Backend } from '../backends/backend.js';
import { cast, mul } from '../ops/elementwise.js';
import { fusedMatmul } from '../ops/linalg.js';
import { type Padding, conv2d } from '../ops/conv.js';
import { qconv2d, qmatmul, qpack } from '../ops/quant.js';
import { reshape } from '../ops/shape.js';
import { full } from '../ops/creation.js';
import { type ActivationName, activate, checkActivation } from './activations.js';
import { type CallOptions, type LayerArgs, type LayerConfig, type Shape, Layer, checkPositiveInt, fmtShape } from './layer.js';

const FUSED: ReadonlySet<ActivationName> = new Set(['linear', 'relu', 'gelu', 'sigmoid', 'tanh']);

/** The error for training a quantised layer. */
function notTrainable(className: string, name: string): Error {
  return new Error(`fit: layer '${name}' (${className}) is quantised to int8 and runs inference only; `
    + 'train the float32 model, then call eg.quantize on it again');
}

function checkRange(where: string, v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${where}: inputRange must be a finite number >= 0 (0: per-row ranges), got ${JSON.stringify(v)}`);
  return v;
}

export interface QuantizedArgs extends LayerArgs {
  activation?: ActivationName;
  alpha?: number;
  useBias?: boolean;
  /** > 0: the calibrated range of this layer's input (static quantisation); 0 or absent: per row at run time. */
  inputRange?: number;
}

/** The weights and their per-backend form (packed for qmatmul, or widened to float32). */
export abstract class QuantizedBase extends Layer {
  readonly activation: ActivationName;
  readonly alpha: number;
  readonly useBias: boolean;
  readonly inputRange: number;
  kernel: Variable | null = null;
  scale: Variable | null = null;
  bias: Variable | null = null;
  private prepared: { backend: Backend; packed: Tensor | null; wide: Tensor | null } | null = null;
  protected readonly where: string;

  constructor(args: QuantizedArgs, prefix: string) {
    super(args, prefix);
    if (!args || typeof args !== 'object') throw new Error(`${prefix}: expects an options object`);
    this.where = `${prefix} '${this.name}'`;
    this.activation = checkActivation(this.where, args.activation);
    this.alpha = args.alpha ?? 0.2;
    this.useBias = args.useBias ?? true;
    this.inputRange = checkRange(this.where, args.inputRange);
    this.trainable = false;
  }

  protected makeWeights(kernelShape: number[], out: number): void {
    this.kernel = this.addWeight('kernel', kernelShape, (sh) => full(sh, 0, 'int8'), undefined, { trainable: false, dtype: 'int8' });
    this.scale = this.addWeight('scale', [out], (sh) => full(sh, 1), undefined, { trainable: false });
    if (this.useBias) this.bias = this.addWeight('bias', [out], (sh) => full(sh, 0), undefined, { trainable: false });
  }

  /** The kernel as [K, N] (a conv's [KH KW C, O]). */
  protected abstract get matrixShape(): [number, number];

  /** The kernel in the active backend's form, made once per backend (qpack, or widened to float32). */
  protected form(): { packed: Tensor | null; wide: Tensor | null } {
    const b = engine.requireBackend(this.where);
    if (this.prepared?.backend === b) return this.prepared;
    this.release();
    const [K, N] = this.matrixShape;
    const int8 = b.kernels.qmatmul !== undefined && b.kernels.qpack !== undefined;
    const made = engine.tidy(() => {
      const k2 = reshape(this.kernel!, [K, N]);
      return int8 ? qpack(k2) : mul(cast(k2, 'float32'), this.scale!);
    });
    engine.keep(made);
    this.prepared = { backend: b, packed: int8 ? made : null, wide: int8 ? null : made };
    return this.prepared;
  }

  /** Makes the backend's form now (eg.quantize does, so the first predict does not pay for it). */
  prepare(): void { this.form(); }

  private release(): void {
    if (!this.prepared) return;
    const b = this.prepared.backend;
    const t = this.prepared.packed ?? this.prepared.wide;
    this.prepared = null;
    // NOTE: a backend disposed since (eg.init again) took its buffers with it.
    if (t && !t.isDisposed && engine.requireBackend(this.where) === b) t.dispose();
  }

  /** x [rows, K] through the int8 GEMM (or the widened float kernel), fused activation where it can. */
  protected gemm(x: Tensor, act: FusedActivation): Tensor {
    const f = this.form();
    return f.packed
      ? qmatmul(x, f.packed, this.scale!, this.bias, { activation: act, inputRange: this.inputRange })
      : fusedMatmul(x, f.wide!, this.bias, { activation: act });
  }

  protected finish(run: (act: FusedActivation) => Tensor, act: ActivationName): Tensor {
    if (FUSED.has(act)) return run(act as FusedActivation);
    return engine.tidy(() => activate(act, run('linear'), this.alpha));
  }

  protected checkCall(opts?: CallOptions): void {
    if (opts?.training) throw notTrainable(this.className, this.name);
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = { ...super.getConfig(), activation: this.activation, useBias: this.useBias };
    if (this.activation === 'leakyRelu') c.alpha = this.alpha;
    if (this.inputRange > 0) c.inputRange = this.inputRange;
    return c;
  }

  override dispose(): void {
    this.release();
    super.dispose();
  }
}

export interface QuantizedDenseArgs extends QuantizedArgs { units: number }

/** Dense with an int8 kernel [in, units] and per-unit scales: y = act((q(x) · kernel) * rowScale * scale + bias). */
export class QuantizedDense extends QuantizedBase {
  readonly className = 'QuantizedDense';
  readonly units: number;
  private inDim = 0;

  constructor(args: QuantizedDenseArgs) {
    super(args, 'quantizedDense');
    this.units = checkPositiveInt(this.where, 'units', args.units);
    if (this.activation === 'softmax') this.callLogits = (x: Tensor, opts: CallOptions) => { this.checkCall(opts); return this.forward(x, 'linear'); };
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length < 1) throw new Error(`${this.where}: needs inputs of rank >= 2 (batch, features), got per-sample shape ${fmtShape(s)}`);
    return [...s.slice(0, -1), this.units];
  }

  override build(s: Shape): void {
    this.inDim = s[s.length - 1];
    this.makeWeights([this.inDim, this.units], this.units);
    super.build(s);
  }

  protected get matrixShape(): [number, number] { return [this.inDim, this.units]; }

  call(x: Tensor, opts?: CallOptions): Tensor {
    this.checkCall(opts);
    return this.forward(x, this.activation);
  }

  private forward(x: Tensor, act: ActivationName): Tensor {
    if (x.rank === 2) return this.finish((a) => this.gemm(x, a), act);
    return engine.tidy(() => {
      const y = this.finish((a) => this.gemm(reshape(x, [-1, x.shape[x.rank - 1]]), a), act);
      return reshape(y, [...x.shape.slice(0, -1), this.units]);
    });
  }

  override getConfig(): LayerConfig { return { ...super.getConfig(), units: this.units }; }
}

export interface QuantizedConv2dArgs extends QuantizedArgs {
  filters: number;
  kernelSize: [number, number];
  strides?: [number, number];
  padding?: Padding;
  dilationRate?: [number, number];
}

const pairOf = (where: string, what: string, v: unknown, dflt: number): [number, number] => {
  const p = v === undefined ? [dflt, dflt] : typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(p) || p.length !== 2 || !p.every((d) => Number.isSafeInteger(d) && d > 0)) throw new Error(`${where}: ${what} must be a positive integer or a pair of them, got ${JSON.stringify(v)}`);
  return [p[0], p[1]];
};

/** Conv2D (groups 1) with an int8 kernel [kh, kw, channels, filters] and per-filter scales; im2col + the int8 GEMM. */
export class QuantizedConv2D extends QuantizedBase {
  readonly className = 'QuantizedConv2D';
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly dilationRate: [number, number];
  private channels = 0;

  constructor(args: QuantizedConv2dArgs) {
    super(args, 'quantizedConv2d');
    this.filters = checkPositiveInt(this.where, 'filters', args.filters);
    this.kernelSize = pairOf(this.where, 'kernelSize', args.kernelSize, 1);
    this.strides = pairOf(this.where, 'strides', args.strides, 1);
    this.dilationRate = pairOf(this.where, 'dilationRate', args.dilationRate, 1);
    const p = args.padding ?? 'valid';
    if (p !== 'same' && p !== 'valid' && !(Array.isArray(p) && p.length === 2)) throw new Error(`${this.where}: padding must be 'same', 'valid' or [[top, bottom], [left, right]], got ${JSON.stringify(p)}`);
    this.padding = p;
  }

  private geometry(h: number, w: number) {
    const [kh, kw] = this.kernelSize, [sh, sw] = this.strides, [dh, dw] = this.dilationRate;
    const [pt, pb] = padsFor(this.padding, h, kh, sh, dh, 0), [pl, pr] = padsFor(this.padding, w, kw, sw, dw, 1);
    const oh = convOutSize(h, kh, sh, dh, pt, pb), ow = convOutSize(w, kw, sw, dw, pl, pr);
    return { pt, pb, pl, pr, oh, ow };
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length !== 3) throw new Error(`${this.where}: needs images (batch, height, width, channels), got per-sample shape ${fmtShape(s)}`);
    const { oh, ow } = this.geometry(s[0], s[1]);
    if (oh <= 0 || ow <= 0) throw new Error(`${this.where}: the window ${this.kernelSize} is larger than the padded input ${s[0]}x${s[1]}: the output would be empty`);
    return [oh, ow, this.filters];
  }

  override build(s: Shape): void {
    this.channels = s[2];
    this.makeWeights([...this.kernelSize, this.channels, this.filters], this.filters);
    super.build(s);
  }

  protected get matrixShape(): [number, number] { return [this.kernelSize[0] * this.kernelSize[1] * this.channels, this.filters]; }

  call(x: Tensor, opts?: CallOptions): Tensor {
    this.checkCall(opts);
    const f = this.form();
    if (f.wide) {
      const wide = f.wide;
      return this.finish((activation) => engine.tidy(() => conv2d(x, reshape(wide, [...this.kernelSize, this.channels, this.filters]),
        { strides: this.strides, padding: this.padding, dilations: this.dilationRate, bias: this.bias, activation })), this.activation);
    }
    const packed = f.packed!;
    const [, H, W] = x.shape;
    const { pt, pb, pl, pr } = this.geometry(H, W);
    // The patches are gathered and quantised a row block at a time inside the kernel (never stored whole).
    return this.finish((activation) => qconv2d(x, packed, this.scale!, this.bias, this.kernelSize,
      { strides: this.strides, dilations: this.dilationRate, pads: [pt, pb, pl, pr] }, { activation, inputRange: this.inputRange }), this.activation);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(), filters: this.filters, kernelSize: this.kernelSize, strides: this.strides,
      padding: this.padding, dilationRate: this.dilationRate,
    };
  }
}
