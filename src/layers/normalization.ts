// Layer normalisation over the last axis: (x - mean) / sqrt(var + epsilon) · gamma + beta.
import type { Tensor, Variable } from '../tensor.js';
import { engine } from '../engine.js';
import { add, div, mul, sqrt, square, sub } from '../ops/elementwise.js';
import { mean } from '../ops/reduce.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { type LayerArgs, type LayerConfig, type Shape, Layer, fmtShape } from './layer.js';

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
    return engine.tidy(() => {
      const mu = mean(x, -1, true);
      const xc = sub(x, mu);
      const variance = mean(square(xc), -1, true);
      let y = div(xc, sqrt(add(variance, this.epsilon)));
      if (this.gamma) y = mul(y, this.gamma);
      if (this.beta) y = add(y, this.beta);
      return y;
    });
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(), epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: this.betaInitializer, gammaInitializer: this.gammaInitializer,
    };
  }
}
