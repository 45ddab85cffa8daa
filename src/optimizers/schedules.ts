// Learning-rate schedules (Keras semantics): functions of the 0-based step that carry their config.
import type { Schedule } from './optimizer.js';

export interface ScheduleConfig {
  name: string;
  [key: string]: unknown;
}

/** A schedule that can be saved: `config` rebuilds it through `fromConfig`. */
export type ConfiguredSchedule = Schedule & { readonly config: ScheduleConfig };

function positive(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new Error(`${op}: '${name}' must be a positive number, got ${String(v)}`);
  return v;
}

function nonNegative(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new Error(`${op}: '${name}' must be a finite number >= 0, got ${String(v)}`);
  return v;
}

function make(config: ScheduleConfig, fn: (step: number) => number): ConfiguredSchedule {
  return Object.assign((step: number) => fn(Math.max(0, step)), { config: Object.freeze({ ...config }) });
}

export interface StepDecayOptions {
  initialLearningRate: number;
  /** Steps between two drops. */
  decaySteps: number;
  /** Factor applied at each drop (e.g. 0.5). */
  decayRate: number;
}

/** initialLearningRate * decayRate ^ floor(step / decaySteps). */
export function stepDecay(opts: StepDecayOptions): ConfiguredSchedule {
  const op = 'schedules.stepDecay';
  const lr0 = nonNegative(op, 'initialLearningRate', opts?.initialLearningRate);
  const steps = positive(op, 'decaySteps', opts.decaySteps);
  const rate = positive(op, 'decayRate', opts.decayRate);
  return make({ name: 'stepDecay', initialLearningRate: lr0, decaySteps: steps, decayRate: rate },
    (step) => lr0 * rate ** Math.floor(step / steps));
}

export interface ExponentialDecayOptions extends StepDecayOptions {
  /** Decay in whole intervals of decaySteps (then it equals stepDecay). Default false. */
  staircase?: boolean;
}

/** initialLearningRate * decayRate ^ (step / decaySteps), as keras.optimizers.schedules.ExponentialDecay. */
export function exponentialDecay(opts: ExponentialDecayOptions): ConfiguredSchedule {
  const op = 'schedules.exponentialDecay';
  const lr0 = nonNegative(op, 'initialLearningRate', opts?.initialLearningRate);
  const steps = positive(op, 'decaySteps', opts.decaySteps);
  const rate = positive(op, 'decayRate', opts.decayRate);
  const staircase = opts.staircase ?? false;
  return make({ name: 'exponentialDecay', initialLearningRate: lr0, decaySteps: steps, decayRate: rate, staircase },
    (step) => lr0 * rate ** (staircase ? Math.floor(step / steps) : step / steps));
}

export interface CosineDecayOptions {
  /** The rate at step 0 (the start of the warm-up when there is one). */
  initialLearningRate: number;
  /** Length of the cosine part, after the warm-up. */
  decaySteps: number;
  /** Final rate as a fraction of the cosine's starting rate. Default 0. */
  alpha?: number;
  /** Linear warm-up from initialLearningRate to warmupTarget over this many steps. Default 0. */
  warmupSteps?: number;
  /** The rate reached after the warm-up, where the cosine starts. Required when warmupSteps > 0. */
  warmupTarget?: number;
}

/**
 * Cosine annealing with optional linear warm-up, as keras.optimizers.schedules.CosineDecay:
 * warm-up lr = initial + (target - initial) * step / warmupSteps; then
 * lr = from * ((1 - alpha) * 0.5 * (1 + cos(pi * t / decaySteps)) + alpha), t = min(step - warmupSteps, decaySteps),
 * where `from` is warmupTarget (or initialLearningRate without warm-up).
 */
export function cosineDecay(opts: CosineDecayOptions): ConfiguredSchedule {
  const op = 'schedules.cosineDecay';
  const lr0 = nonNegative(op, 'initialLearningRate', opts?.initialLearningRate);
  const steps = positive(op, 'decaySteps', opts.decaySteps);
  const alpha = nonNegative(op, 'alpha', opts.alpha ?? 0);
  const warmupSteps = nonNegative(op, 'warmupSteps', opts.warmupSteps ?? 0);
  if (warmupSteps > 0 && opts.warmupTarget === undefined) {
    throw new Error(`${op}: warmupSteps is ${warmupSteps} but warmupTarget is not set; set the rate the warm-up should reach`);
  }
  const target = opts.warmupTarget === undefined ? undefined : nonNegative(op, 'warmupTarget', opts.warmupTarget);
  const from = target ?? lr0;
  const config: ScheduleConfig = { name: 'cosineDecay', initialLearningRate: lr0, decaySteps: steps, alpha, warmupSteps };
  if (target !== undefined) config.warmupTarget = target;
  return make(config, (step) => {
    if (step < warmupSteps) return lr0 + (from - lr0) * (step / warmupSteps);
    const t = Math.min(step - warmupSteps, steps) / steps;
    return from * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * t)) + alpha);
  });
}

const FACTORIES: Record<string, (c: any) => ConfiguredSchedule> = { stepDecay, exponentialDecay, cosineDecay };

/** Rebuilds a schedule from its `config`. */
export function fromConfig(config: ScheduleConfig): ConfiguredSchedule {
  const make = config && FACTORIES[config.name];
  if (!make) {
    throw new Error(`schedules.fromConfig: unknown schedule '${String(config?.name)}'; expected ${Object.keys(FACTORIES).join(', ')}`);
  }
  const { name: _, ...rest } = config;
  return make(rest);
}
