// Normalisation layers: layer normalisation over the last axis, (x - mean) / sqrt(var + epsilon) ·
// gamma + beta, and batch normalisation with moving statistics (state weights).
import type { Tensor, Variable } from '../tensor.js';
import { engine } from '../engine.js';
import { add, mul } from '../ops/elementwise.js';
import { reshape } from '../ops/shape.js';
import { batchNorm, batchNormTraining, moments } from '../ops/conv.js';
import { layerNorm } from '../ops/attention.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { type CallOptions, type LayerArgs, type LayerConfig, type Shape, Layer, fmtShape } from './layer.js';

export interface LayerNormalizationArgs extends LayerArgs {
  /** Added to the variance (default 1e-3, as Keras). */
  epsilon?: number;
  /** Learn an offset beta (default true). */
  center?: boolean;
  /** Learn a scale gamma (default true). */
  scale?: boolean;
  betaInitializer?: InitializerSpec;
  gammaInitializer?: InitializerSpec;
}

export class LayerNormalization extends Layer {
  readonly className = 'LayerNormalization';
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: InitializerSpec;
  readonly gammaInitializer: InitializerSpec;
  gamma: Variable | null = null;
  beta: Variable | null = null;

  constructor(args: LayerNormalizationArgs = {}) {
    super(args, 'layer_normalization');
    this.epsilon = args.epsilon ?? 1e-3;
    if (!(this.epsilon > 0)) throw new Error(`layerNormalization '${this.name}': epsilon must be positive, got ${args.epsilon}`);
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.betaInitializer = args.betaInitializer ?? 'zeros';
    this.gammaInitializer = args.gammaInitializer ?? 'ones';
    checkInitializer(`layerNormalization '${this.name}'`, this.betaInitializer);
    checkInitializer(`layerNormalization '${this.name}'`, this.gammaInitializer);
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length < 1) throw new Error(`layerNormalization '${this.name}': needs per-sample features, got shape ${fmtShape(s)}`);
    return [...s];
  }

  override build(s: Shape): void {
    const d = s[s.length - 1];
    const where = `layerNormalization '${this.name}'`;
    if (this.scale) this.gamma = this.addWeight('gamma', [d], (sh) => initialize(where, this.gammaInitializer, sh));
    if (this.center) this.beta = this.addWeight('beta', [d], (sh) => initialize(where, this.betaInitializer, sh));
    super.build(s);
  }

  call(x: Tensor): Tensor {
    return layerNorm(x, this.gamma, this.beta, { epsilon: this.epsilon });
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(), epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: this.betaInitializer, gammaInitializer: this.gammaInitializer,
    };
  }
}

export interface BatchNormalizationArgs extends LayerArgs {
  /** The feature axis of the batch tensor (default -1, the channels of NHWC); statistics run over the others. */
  axis?: number;
  /** Weight of the old value in the moving statistics (default 0.99). */
  momentum?: number;
  /** Added to the variance (default 1e-3). */
  epsilon?: number;
  /** Learn an offset beta (default true). */
  center?: boolean;
  /** Learn a scale gamma (default true). */
  scale?: boolean;
  betaInitializer?: InitializerSpec;
  gammaInitializer?: InitializerSpec;
  movingMeanInitializer?: InitializerSpec;
  movingVarianceInitializer?: InitializerSpec;
}

/**
 * Batch normalisation (Keras): training normalises with the batch's mean and (biased) variance over
 * every axis but `axis`, and moves movingMean/movingVariance toward them (m = m·momentum +
 * batch·(1 - momentum), through addUpdate); inference normalises with the moving statistics.
 */
export class BatchNormalization extends Layer {
  readonly className = 'BatchNormalization';
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: InitializerSpec;
  readonly gammaInitializer: InitializerSpec;
  readonly movingMeanInitializer: InitializerSpec;
  readonly movingVarianceInitializer: InitializerSpec;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean: Variable | null = null;
  movingVariance: Variable | null = null;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args ?? {}, 'batch_normalization');
    const where = `batchNormalization '${this.name}'`;
    this.axis = args.axis ?? -1;
    if (!Number.isInteger(this.axis) || this.axis === 0) throw new Error(`${where}: axis must be a non-zero integer (axis 0 is the batch), got ${JSON.stringify(args.axis)}`);
    this.momentum = args.momentum ?? 0.99;
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) throw new Error(`${where}: momentum must be a number in [0, 1], got ${JSON.stringify(args.momentum)}`);
    this.epsilon = args.epsilon ?? 1e-3;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw new Error(`${where}: epsilon must be positive, got ${JSON.stringify(args.epsilon)}`);
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.betaInitializer = args.betaInitializer ?? 'zeros';
    this.gammaInitializer = args.gammaInitializer ?? 'ones';
    this.movingMeanInitializer = args.movingMeanInitializer ?? 'zeros';
    this.movingVarianceInitializer = args.movingVarianceInitializer ?? 'ones';
    for (const i of [this.betaInitializer, this.gammaInitializer, this.movingMeanInitializer, this.movingVarianceInitializer]) checkInitializer(where, i);
  }

  /** The feature axis within a per-sample shape of `rank` dims. */
  private sampleAxis(rank: number): number {
    const a = this.axis < 0 ? this.axis + rank + 1 : this.axis;
    if (a < 1 || a > rank) throw new Error(`batchNormalization '${this.name}': axis ${this.axis} is out of range for inputs of rank ${rank + 1}`);
    return a - 1;
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length < 1) throw new Error(`batchNormalization '${this.name}': needs per-sample features, got shape ${fmtShape(s)}`);
    this.sampleAxis(s.length);
    return [...s];
  }

  override get updatesState(): boolean { return true; }

  override build(s: Shape): void {
    const d = s[this.sampleAxis(s.length)];
    const where = `batchNormalization '${this.name}'`;
    if (this.scale) this.gamma = this.addWeight('gamma', [d], (sh) => initialize(where, this.gammaInitializer, sh));
    if (this.center) this.beta = this.addWeight('beta', [d], (sh) => initialize(where, this.betaInitializer, sh));
    this.movingMean = this.addWeight('movingMean', [d], (sh) => initialize(where, this.movingMeanInitializer, sh), undefined, { trainable: false });
    this.movingVariance = this.addWeight('movingVariance', [d], (sh) => initialize(where, this.movingVarianceInitializer, sh), undefined, { trainable: false });
    super.build(s);
  }

  call(x: Tensor, opts: CallOptions = {}): Tensor {
    const ax = this.sampleAxis(x.rank - 1) + 1;
    const last = ax === x.rank - 1;
    // Per-feature vectors broadcast along the last axis as they are; along another, as [d, 1, ...].
    const shaped = (t: Tensor | null) => (t === null || last ? t : reshape(t, [t.size, ...new Array<number>(x.rank - 1 - ax).fill(1)]));
    return engine.tidy(() => {
      if (!opts.training) return batchNorm(x, shaped(this.movingMean)!, shaped(this.movingVariance)!, shaped(this.beta), shaped(this.gamma), this.epsilon);
      const m = this.momentum;
      const update = (mean: Tensor, variance: Tensor) => {
        this.addUpdate(opts, this.movingMean!, add(mul(this.movingMean!, m), mul(mean, 1 - m)));
        this.addUpdate(opts, this.movingVariance!, add(mul(this.movingVariance!, m), mul(variance, 1 - m)));
      };
      // channels last (the NHWC default): one fused kernel each way (batchNormTraining)
      if (last) {
        const { y, mean, variance } = batchNormTraining(x, this.beta, this.gamma, this.epsilon);
        update(mean, variance);
        return y;
      }
      const axes = x.shape.map((_, i) => i).filter((i) => i !== ax);
      const { mean, variance } = moments(x, axes);
      update(mean, variance);
      return batchNorm(x, shaped(mean)!, shaped(variance)!, shaped(this.beta), shaped(this.gamma), this.epsilon);
    });
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(), axis: this.axis, momentum: this.momentum, epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: this.betaInitializer, gammaInitializer: this.gammaInitializer,
      movingMeanInitializer: this.movingMeanInitializer, movingVarianceInitializer: this.movingVarianceInitializer,
    };
  }
}
