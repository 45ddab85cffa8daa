// The optimizers (Keras semantics and defaults), each step one fused in-place kernel per variable,
// and `get`/`fromConfig`, which turn names and saved configs into optimizers.
import type { Optimizer } from './optimizer.js';
import { BaseOptimizer, type OptimizerOptions, type SlotSpec, type UpdateKernel, num } from './base.js';
import { fromConfig as scheduleFromConfig, type ScheduleConfig } from './schedules.js';

export type { OptimizerOptions } from './base.js';

export interface SgdOptions extends OptimizerOptions {
  /** Default 0.01. */
  learningRate?: OptimizerOptions['learningRate'];
  /** In [0, 1]; default 0 (no velocity slot). */
  momentum?: number;
  /** Nesterov momentum; default false. */
  nesterov?: boolean;
}

class Sgd extends BaseOptimizer {
  readonly name = 'sgd';
  readonly momentum: number;
  readonly nesterov: boolean;
  constructor(opts: SgdOptions) {
    const op = 'optimizers.sgd';
    super(op, opts, ['momentum', 'nesterov'], 0.01);
    this.momentum = num(op, 'momentum', opts.momentum, 0, 0, 1);
    this.nesterov = opts.nesterov ?? false;
  }
  protected slotSpecs(): SlotSpec[] { return this.momentum === 0 ? [] : [{ name: 'momentum', init: 0 }]; }
  protected updateKernel(lr: number): UpdateKernel {
    return { kernel: 'sgdUpdate', attrs: { lr, momentum: this.momentum, nesterov: this.nesterov, weightDecay: this.weightDecay } };
  }
  protected hyperparameters() { return { momentum: this.momentum, nesterov: this.nesterov }; }
}

export interface AdamOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Added to sqrt(v) ("epsilon hat"); default 1e-7. */
  epsilon?: number;
}

class Adam extends BaseOptimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  constructor(readonly name: 'adam' | 'adamw', opts: AdamOptions) {
    const op = `optimizers.${name}`;
    super(op, opts, ['beta1', 'beta2', 'epsilon'], 0.001, name === 'adamw' ? 0.004 : 0);
    this.beta1 = num(op, 'beta1', opts.beta1, 0.9, 0, 1, true);
    this.beta2 = num(op, 'beta2', opts.beta2, 0.999, 0, 1, true);
    this.epsilon = num(op, 'epsilon', opts.epsilon, 1e-7);
  }
  protected slotSpecs(): SlotSpec[] { return [{ name: 'm', init: 0 }, { name: 'v', init: 0 }]; }
  protected updateKernel(lr: number, step: number): UpdateKernel {
    return { kernel: 'adamUpdate', attrs: { lr, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, step, weightDecay: this.weightDecay } };
  }
  protected hyperparameters() { return { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon }; }
}

export interface RmspropOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Discount of the mean square; default 0.9. */
  rho?: number;
  /** Default 0 (no momentum slot). */
  momentum?: number;
  /** Added inside the square root; default 1e-7. */
  epsilon?: number;
  /** Normalise by the estimated variance (keeps a mean-gradient slot); default false. */
  centered?: boolean;
}

class Rmsprop extends BaseOptimizer {
  readonly name = 'rmsprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  constructor(opts: RmspropOptions) {
    const op = 'optimizers.rmsprop';
    super(op, opts, ['rho', 'momentum', 'epsilon', 'centered'], 0.001);
    this.rho = num(op, 'rho', opts.rho, 0.9, 0, 1);
    this.momentum = num(op, 'momentum', opts.momentum, 0, 0, 1);
    this.epsilon = num(op, 'epsilon', opts.epsilon, 1e-7);
    this.centered = opts.centered ?? false;
  }
  protected slotSpecs(): SlotSpec[] {
    const s = [{ name: 'velocity', init: 0 }];
    if (this.momentum > 0) s.push({ name: 'momentum', init: 0 });
    if (this.centered) s.push({ name: 'averageGradient', init: 0 });
    return s;
  }
  protected updateKernel(lr: number): UpdateKernel {
    return {
      kernel: 'rmspropUpdate',
      attrs: { lr, rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered, weightDecay: this.weightDecay },
    };
  }
  protected hyperparameters() { return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered }; }
}

export interface AdagradOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Starting value of the accumulator; default 0.1. */
  initialAccumulatorValue?: number;
  /** Added inside the square root; default 1e-7. */
  epsilon?: number;
}

class Adagrad extends BaseOptimizer {
  readonly name = 'adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  constructor(opts: AdagradOptions) {
    const op = 'optimizers.adagrad';
    super(op, opts, ['initialAccumulatorValue', 'epsilon'], 0.001);
    this.initialAccumulatorValue = num(op, 'initialAccumulatorValue', opts.initialAccumulatorValue, 0.1);
    this.epsilon = num(op, 'epsilon', opts.epsilon, 1e-7);
  }
  protected slotSpecs(): SlotSpec[] { return [{ name: 'accumulator', init: this.initialAccumulatorValue }]; }
  protected updateKernel(lr: number): UpdateKernel {
    return { kernel: 'adagradUpdate', attrs: { lr, epsilon: this.epsilon, weightDecay: this.weightDecay } };
  }
  protected hyperparameters() { return { initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon }; }
}

/** Stochastic gradient descent with optional (Nesterov) momentum. */
export const sgd = (opts: SgdOptions = {}): Optimizer => new Sgd(opts);
/** Adam (Kingma & Ba), bias-corrected; weightDecay here is decoupled, as in AdamW. */
export const adam = (opts: AdamOptions = {}): Optimizer => new Adam('adam', opts);
/** Adam with decoupled weight decay (Loshchilov & Hutter); weightDecay defaults to 0.004. */
export const adamw = (opts: AdamOptions = {}): Optimizer => new Adam('adamw', opts);
export const rmsprop = (opts: RmspropOptions = {}): Optimizer => new Rmsprop(opts);
export const adagrad = (opts: AdagradOptions = {}): Optimizer => new Adagrad(opts);

const FACTORIES: Record<string, (opts: any) => Optimizer> = { sgd, adam, adamw, rmsprop, adagrad };

/** The optimizers a name can pick. */
export type OptimizerName = 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad';

/**
 * A name (a closed union: an unknown name is a compile error, and run time, which takes any case,
 * refuses it too; Keras' class names `'SGD'`, `'Adam'`, `'AdamW'`, `'RMSprop'`, `'Adagrad'` are
 * accepted), an optimizer, or a config (`{ name, ...options }`, e.g. from JSON, checked at run time).
 */
export type OptimizerSpec = OptimizerName | 'SGD' | 'Adam' | 'AdamW' | 'RMSprop' | 'Adagrad' | Optimizer | { name: string; [key: string]: unknown };

function isOptimizer(x: unknown): x is Optimizer {
  return typeof x === 'object' && x !== null && typeof (x as Optimizer).apply === 'function' && typeof (x as Optimizer).getConfig === 'function';
}

/**
 * An optimizer from a name (defaults), an optimizer (returned as is), or a config `{ name, ...options }`
 * as getConfig returns it; a `learningRate` given as a schedule config is rebuilt.
 */
export function get(spec: OptimizerSpec): Optimizer {
  if (isOptimizer(spec)) return spec;
  const known = Object.keys(FACTORIES).map((n) => `'${n}'`).join(', ');
  const name = typeof spec === 'string' ? spec : (spec as { name?: unknown } | null)?.name;
  const make = typeof name === 'string' ? FACTORIES[name.toLowerCase()] : undefined;
  if (!make) throw new Error(`optimizers.get: unknown optimizer ${JSON.stringify(name ?? spec)}; expected ${known}, an Optimizer or { name, ...options }`);
  if (typeof spec === 'string') return make({});
  const { name: _, ...opts } = spec as { name: string; [key: string]: unknown };
  const lr = opts.learningRate;
  if (lr !== null && typeof lr === 'object') opts.learningRate = scheduleFromConfig(lr as ScheduleConfig);
  return make(opts);
}

/** Rebuilds an optimizer from `getConfig()` (its options; state comes back through setState). */
export function fromConfig(config: { name: string; [key: string]: unknown }): Optimizer {
  if (config === null || typeof config !== 'object') throw new Error(`optimizers.fromConfig: expected a config object, got ${String(config)}`);
  return get(config);
}
