// Core layers: dense (matmul + bias + activation), activation, dropout and flatten.
import type { Regularizer } from '../optimizers/optimizer.js';
import { type RegularizerSpec, get as getRegularizer } from '../optimizers/regularizers.js';
import type { Tensor, Variable } from '../tensor.js';
import { engine } from '../engine.js';
import type { FusedActivation } from '../kernels.js';
import { mul } from '../ops/elementwise.js';
import { fusedMatmul } from '../ops/linalg.js';
import { reshape } from '../ops/shape.js';
import { nextSeed, rng } from '../random.js';
import { type ActivationName, activate, checkActivation } from './activations.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { type CallOptions, type LayerArgs, type LayerConfig, type Shape, Layer, checkPositiveInt, fmtShape, sizeOf } from './layer.js';

/** Activations the fused GEMM epilogue applies itself. */
const FUSED: ReadonlySet<ActivationName> = new Set(['linear', 'relu', 'gelu', 'sigmoid', 'tanh']);

/**
 * x·w + b followed by `activation`: one fused GEMM + bias + activation kernel; leakyRelu and
 * softmax run after a linear fused GEMM.
 */
export function denseForward(x: Tensor, w: Tensor, b: Tensor | null, activation: ActivationName, alpha: number): Tensor {
  if (FUSED.has(activation)) return fusedMatmul(x, w, b, { activation: activation as FusedActivation });
  return activate(activation, fusedMatmul(x, w, b), alpha);
}

export interface DenseArgs extends LayerArgs {
  units: number;
  activation?: ActivationName;
  /** Slope for x < 0 when activation is 'leakyRelu' (default 0.2). */
  alpha?: number;
  useBias?: boolean;
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  /** Seed for the initialisers that take none of their own. */
  seed?: number;
  /** A penalty on the kernel added to the loss: eg.regularizers.l2(1e-4), 'l2', or a config. */
  kernelRegularizer?: RegularizerSpec;
  biasRegularizer?: RegularizerSpec;
}

/** A layer argument's regularizer, or undefined; a bad spec is refused naming the layer and the argument. */
export function regularizerOf(where: string, k: string, r: RegularizerSpec | undefined): Regularizer | undefined {
  if (r === undefined || r === null) return undefined;
  try {
    return getRegularizer(r);
  } catch (e) {
    throw new Error(`${where}: invalid ${k}: ${(e as Error).message}`);
  }
}

export class Dense extends Layer {
  readonly className = 'Dense';
  readonly units: number;
  readonly activation: ActivationName;
  readonly alpha: number;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  readonly seed?: number;
  readonly kernelRegularizer?: Regularizer;
  readonly biasRegularizer?: Regularizer;
  kernel: Variable | null = null;
  bias: Variable | null = null;

  constructor(args: DenseArgs) {
    super(args, 'dense');
    const where = `dense '${this.name}'`;
    if (!args || typeof args !== 'object') throw new Error('dense: expects an options object such as { units: 128 }');
    this.units = checkPositiveInt(where, 'units', args.units);
    this.activation = checkActivation(where, args.activation);
    this.alpha = args.alpha ?? 0.2;
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = args.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = args.biasInitializer ?? 'zeros';
    checkInitializer(where, this.kernelInitializer);
    checkInitializer(where, this.biasInitializer);
    this.seed = args.seed;
    this.kernelRegularizer = regularizerOf(where, 'kernelRegularizer', args.kernelRegularizer);
    this.biasRegularizer = regularizerOf(where, 'biasRegularizer', args.biasRegularizer);
    if (this.activation === 'softmax') this.callLogits = (x: Tensor) => this.forward(x, 'linear');
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length < 1) throw new Error(`dense '${this.name}': needs inputs of rank >= 2 (batch, features), got per-sample shape ${fmtShape(s)}`);
    return [...s.slice(0, -1), this.units];
  }

  override build(s: Shape): void {
    const inDim = s[s.length - 1];
    const seed = this.seed ?? nextSeed();
    const where = `dense '${this.name}'`;
    this.kernel = this.addWeight('kernel', [inDim, this.units], (sh) => initialize(where, this.kernelInitializer, sh, seed), this.kernelRegularizer);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], (sh) => initialize(where, this.biasInitializer, sh, seed + 1), this.biasRegularizer);
    super.build(s);
  }

  call(x: Tensor, _opts?: CallOptions): Tensor { return this.forward(x, this.activation); }

  private forward(x: Tensor, act: ActivationName): Tensor {
    if (x.rank === 2) return denseForward(x, this.kernel!, this.bias, act, this.alpha);
    // Higher rank: apply to the last axis through a [rows, features] view.
    return engine.tidy(() => {
      const y = denseForward(reshape(x, [-1, x.shape[x.rank - 1]]), this.kernel!, this.bias, act, this.alpha);
      return reshape(y, [...x.shape.slice(0, -1), this.units]);
    });
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = {
      ...super.getConfig(), units: this.units, activation: this.activation, useBias: this.useBias,
      kernelInitializer: this.kernelInitializer, biasInitializer: this.biasInitializer,
    };
    if (this.activation === 'leakyRelu') c.alpha = this.alpha;
    if (this.seed !== undefined) c.seed = this.seed;
    if (this.kernelRegularizer) c.kernelRegularizer = this.kernelRegularizer.getConfig();
    if (this.biasRegularizer) c.biasRegularizer = this.biasRegularizer.getConfig();
    return c;
  }
}

export interface ActivationArgs extends LayerArgs { activation: ActivationName; alpha?: number }

/** An activation function as a layer (softmax along the last axis). */
export class Activation extends Layer {
  readonly className = 'Activation';
  readonly activation: ActivationName;
  readonly alpha: number;
  constructor(args: ActivationArgs) {
    super(args, args?.activation ?? 'activation');
    this.activation = checkActivation(`activation '${this.name}'`, args?.activation);
    this.alpha = args.alpha ?? 0.2;
    if (this.activation === 'softmax') this.callLogits = (x: Tensor) => x;
  }
  computeOutputShape(s: Shape): Shape { return [...s]; }
  call(x: Tensor, _opts?: CallOptions): Tensor { return activate(this.activation, x, this.alpha); }
  override getConfig(): LayerConfig {
    const c: LayerConfig = { ...super.getConfig(), activation: this.activation };
    if (this.activation === 'leakyRelu') c.alpha = this.alpha;
    return c;
  }
}

export interface DropoutArgs extends LayerArgs { rate: number; seed?: number }

/**
 * Inverted dropout: in training, each value is zeroed with probability `rate` and the rest scaled
 * by 1/(1-rate); at inference it is the identity. The mask comes from a seeded host generator.
 */
export class Dropout extends Layer {
  readonly className = 'Dropout';
  readonly rate: number;
  readonly seed?: number;
  private random: () => number;
  private maskBuf = new Float32Array(0);
  constructor(args: DropoutArgs) {
    super(args, 'dropout');
    const rate = args?.rate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw new Error(`dropout '${this.name}': rate must be a number in [0, 1), got ${JSON.stringify(rate)}`);
    this.rate = rate;
    this.seed = args.seed;
    this.random = rng(args.seed ?? nextSeed());
  }
  computeOutputShape(s: Shape): Shape { return [...s]; }
  call(x: Tensor, opts: CallOptions): Tensor {
    if (!opts.training || this.rate === 0) return x;
    const keep = 1 - this.rate, scale = 1 / keep, r = this.random;
    // NOTE: a host input: a replayed step (trace.ts) makes the mask again, from the same stream.
    const make = (n: number): Float32Array => {
      if (this.maskBuf.length < n) this.maskBuf = new Float32Array(n);
      const m = this.maskBuf;
      for (let i = 0; i < n; i++) m[i] = r() < keep ? scale : 0;
      return m.subarray(0, n);
    };
    return engine.tidy(() => mul(x, engine.hostInput('tensor', x.shape, 'float32', make)));
  }
  override getConfig(): LayerConfig {
    const c: LayerConfig = { ...super.getConfig(), rate: this.rate };
    if (this.seed !== undefined) c.seed = this.seed;
    return c;
  }
}

/** [batch, d1, d2, ...] -> [batch, d1·d2·...]; a free view. */
export class Flatten extends Layer {
  readonly className = 'Flatten';
  constructor(args: LayerArgs = {}) { super(args, 'flatten'); }
  computeOutputShape(s: Shape): Shape { return [sizeOf(s)]; }
  call(x: Tensor): Tensor { return reshape(x, [x.shape[0], sizeOf(x.shape.slice(1))]); }
}

export interface ReshapeArgs extends LayerArgs {
  /** The per-sample output shape; one entry may be -1 (inferred from the size). */
  targetShape: number[];
}

/** [batch, ...] -> [batch, ...targetShape]; a free view. */
export class Reshape extends Layer {
  readonly className = 'Reshape';
  readonly targetShape: number[];
  constructor(args: ReshapeArgs) {
    super(args ?? {}, 'reshape');
    const t = args?.targetShape;
    if (!Array.isArray(t) || t.some((d) => !Number.isSafeInteger(d) || (d <= 0 && d !== -1)) || t.filter((d) => d === -1).length > 1) {
      throw new Error(`reshape '${this.name}': targetShape must be an array of positive integers with at most one -1, got ${JSON.stringify(t)}`);
    }
    this.targetShape = [...t];
  }
  computeOutputShape(s: Shape): Shape {
    const n = sizeOf(s), known = sizeOf(this.targetShape.filter((d) => d !== -1));
    const fits = this.targetShape.includes(-1) ? known > 0 && n % known === 0 : known === n;
    if (!fits) throw new Error(`reshape '${this.name}': cannot reshape per-sample shape ${fmtShape(s)} (${n} values) to ${fmtShape(this.targetShape)}`);
    return this.targetShape.map((d) => (d === -1 ? n / known : d));
  }
  call(x: Tensor): Tensor { return reshape(x, [x.shape[0], ...this.computeOutputShape(x.shape.slice(1))]); }
  override getConfig(): LayerConfig { return { ...super.getConfig(), targetShape: this.targetShape }; }
}
