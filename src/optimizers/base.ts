// What every optimizer shares: the learning rate (or schedule), gradient clipping, lazily created
// slot variables, state for save/load. Subclasses only run their fused in-place update kernel.
import { engine } from '../engine.js';
import { Tensor, Variable } from '../tensor.js';
import { variable } from '../autograd/index.js';
import { full, scalar } from '../ops/creation.js';
import { add, clip, div, maximum, mul, sqrt, square } from '../ops/elementwise.js';
import { sum } from '../ops/reduce.js';
import { fmt } from '../ops/util.js';
import type { Optimizer, Schedule } from './optimizer.js';
import type { ConfiguredSchedule } from './schedules.js';

/** Options every optimizer takes (Keras names in camelCase). */
export interface OptimizerOptions {
  /** A number or a schedule of the step (see eg.schedules). */
  learningRate?: number | Schedule;
  /** Decoupled weight decay: each step first does param -= learningRate * weightDecay * param. */
  weightDecay?: number;
  /** Rescales each variable's gradient to at most this L2 norm. */
  clipNorm?: number;
  /** Rescales all gradients together to at most this global L2 norm. */
  globalClipNorm?: number;
  /** Clips every gradient element to [-clipValue, clipValue]. */
  clipValue?: number;
}

const COMMON_OPTIONS = ['learningRate', 'weightDecay', 'clipNorm', 'globalClipNorm', 'clipValue'] as const;

/** One step's update: an elementwise in-place kernel over [param, ...slots] and the gradient. */
export interface UpdateKernel {
  kernel: 'sgdUpdate' | 'adamUpdate' | 'rmspropUpdate' | 'adagradUpdate';
  /** The same for every variable of the step (rate and step resolved). */
  attrs: Record<string, unknown>;
}

/**
 * One step, planned for a caller that runs the update itself on slices of each variable (the
 * worker pool's data-parallel fit): the update kernel is elementwise, so slices update
 * independently; norm clipping needs one number summed over the slices first (the caller's part).
 */
export interface StepPlan extends UpdateKernel {
  /** Clip the (summed) gradient to [-clipValue, clipValue] first. */
  clipValue?: number;
  /** Scale each variable's gradient by clipNorm / max(its L2 norm, clipNorm) first. */
  clipNorm?: number;
  /** Scale every gradient by globalClipNorm / max(the L2 norm of all of them together, globalClipNorm) first. */
  globalClipNorm?: number;
  /** Each variable's slots, in the kernel's order. */
  slots: Variable[][];
}

/** A slot of each parameter: its name suffix and initial value. */
export interface SlotSpec {
  name: string;
  init: number;
}

function checkOptions(op: string, opts: object, allowed: readonly string[]): void {
  if (opts === null || typeof opts !== 'object') throw new Error(`${op}: options must be an object, got ${String(opts)}`);
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) throw new Error(`${op}: unknown option '${key}'; expected one of ${allowed.join(', ')}`);
  }
}

/** A finite number in [lo, hi] (hi exclusive when `open`), or `dflt` when undefined. */
export function num(op: string, name: string, v: unknown, dflt: number, lo = 0, hi = Infinity, open = false): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (open && v === hi)) {
    throw new Error(`${op}: '${name}' must be a finite number in [${lo}, ${hi}${open ? ')' : ']'}, got ${String(v)}`);
  }
  return v;
}

export abstract class BaseOptimizer implements Optimizer {
  abstract readonly name: string;
  /** The rate, or a schedule of the step; may be changed between steps. */
  learningRate: number | Schedule;
  readonly weightDecay: number;
  private readonly defaultWeightDecay: number;
  readonly clipNorm?: number;
  readonly globalClipNorm?: number;
  readonly clipValue?: number;
  private steps = 0;
  /** Slots per variable, in the order variables were first seen (getState's order). */
  private slots = new Map<Variable, Variable[]>();
  private slotNames = new Set<string>();
  /** State given to setState for slots not created yet, by slot name. */
  private pending = new Map<string, Variable>();
  private iterationsTensor: Variable | null = null;
  /** The step count iterationsTensor holds (kept on the host: no read, so webgpu needs none). */
  private iterationsHeld = -1;

  /** `own`: the option names this optimizer takes beyond the common ones; any other is refused. */
  constructor(op: string, opts: OptimizerOptions, own: readonly string[], defaultLearningRate: number, defaultWeightDecay = 0) {
    checkOptions(op, opts, [...COMMON_OPTIONS, ...own]);
    const lr = opts.learningRate ?? defaultLearningRate;
    if (typeof lr !== 'function') num(op, 'learningRate', lr, 0);
    this.learningRate = lr;
    this.weightDecay = num(op, 'weightDecay', opts.weightDecay, defaultWeightDecay);
    this.defaultWeightDecay = defaultWeightDecay;
    const clips = (['clipNorm', 'globalClipNorm', 'clipValue'] as const).filter((k) => opts[k] !== undefined);
    if (clips.length > 1) throw new Error(`${op}: set only one of clipNorm, globalClipNorm and clipValue, got ${clips.join(' and ')}`);
    for (const k of clips) {
      const v = opts[k];
      if (typeof v !== 'number' || !(v > 0)) throw new Error(`${op}: '${k}' must be a positive number, got ${String(v)}`);
      this[k] = v;
    }
  }

  /** The slots of each parameter, in the order the update kernel takes them. */
  protected abstract slotSpecs(): SlotSpec[];
  /** The fused update kernel of a step (resolved rate, 1-based step). */
  protected abstract updateKernel(lr: number, step: number): UpdateKernel;
  /** The optimizer-specific part of getConfig. */
  protected abstract hyperparameters(): Record<string, unknown>;

  get iterations(): number { return this.steps; }

  currentLearningRate(): number {
    const lr = typeof this.learningRate === 'function' ? this.learningRate(this.steps) : this.learningRate;
    if (typeof lr !== 'number' || !Number.isFinite(lr)) {
      throw new Error(`${this.name}: the learning rate at step ${this.steps} is ${String(lr)}; it must be a finite number`);
    }
    return lr;
  }

  apply(variables: Variable[], grads: Tensor[]): void {
    const op = `${this.name}.apply`;
    if (!Array.isArray(variables) || !Array.isArray(grads) || variables.length !== grads.length) {
      throw new Error(`${op}: expected as many gradients as variables, got ${grads?.length} gradients for ${variables?.length} variables`);
    }
    variables.forEach((v, i) => {
      if (!(v instanceof Variable)) throw new Error(`${op}: variables[${i}] is not a Variable (make one with eg.variable)`);
      const g = grads[i];
      if (!(g instanceof Tensor)) throw new Error(`${op}: grads[${i}] must be a Tensor, got ${g === null ? 'null' : typeof g}`);
      v.live(op);
      g.live(op);
      if (v.dtype !== 'float32' || g.dtype !== 'float32') throw new Error(`${op}: variable '${v.name}' and its gradient must be float32`);
      if (g.shape.length !== v.shape.length || g.shape.some((d, j) => d !== v.shape[j])) {
        throw new Error(`${op}: gradient ${i} has shape ${fmt(g.shape)} but variable '${v.name}' has shape ${fmt(v.shape)}`);
      }
    });
    const lr = this.currentLearningRate();
    const step = this.steps + 1;
    const { kernel, attrs } = this.updateKernel(lr, step);
    // NOTE: in a traced step (trace.ts), each replay resolves the rate and step count again here.
    let now = attrs;
    const dynamic = engine.recorder ? () => now : undefined;
    if (engine.recorder) engine.recorder.hook(() => { const s = this.steps + 1; now = this.updateKernel(this.currentLearningRate(), s).attrs; this.steps = s; });
    engine.tidy(() => {
      const slots = variables.map((v) => this.slotsOf(v));
      const clipped = this.clip(grads);
      variables.forEach((v, i) => engine.runKernelInPlace(kernel, [v, ...slots[i]], [clipped[i]], attrs as never, dynamic as never));
    });
    this.steps = step;
  }

  /**
   * @internal The next step's update, for a caller that applies it itself in slices (StepPlan),
   * counted as applied. The caller clips as `clip` below does: clipValue per element; for clipNorm
   * and globalClipNorm it sums the squares of its slices, shares the sums and scales by c / max(norm, c).
   */
  planStep(variables: Variable[]): StepPlan | null {
    const lr = this.currentLearningRate();
    const step = this.steps + 1;
    const slots = engine.tidy(() => variables.map((v) => this.slotsOf(v)));
    this.steps = step;
    return { ...this.updateKernel(lr, step), clipValue: this.clipValue, clipNorm: this.clipNorm, globalClipNorm: this.globalClipNorm, slots };
  }

  /** Gradient clipping with tensor ops (stays on the backend; no values are read back). */
  private clip(grads: Tensor[]): Tensor[] {
    const c = this.clipValue ?? this.clipNorm ?? this.globalClipNorm;
    if (c === undefined) return grads;
    if (this.clipValue !== undefined) return grads.map((g) => clip(g, -c, c));
    // g * c / max(norm, c): unchanged when norm <= c.
    const scaleFor = (sumSquares: Tensor) => div(c, maximum(sqrt(sumSquares), c));
    if (this.clipNorm !== undefined) return grads.map((g) => mul(g, scaleFor(sum(square(g)))));
    if (grads.length === 0) return grads;
    const s = scaleFor(grads.map((g) => sum(square(g))).reduce((a, b) => add(a, b)));
    return grads.map((g) => mul(g, s));
  }

  private slotsOf(v: Variable): Variable[] {
    const have = this.slots.get(v);
    if (have) return have;
    const made = this.slotSpecs().map(({ name, init }) => {
      let key = `${v.name}/${name}`;
      for (let k = 1; this.slotNames.has(key); k++) key = `${v.name}/${name}_${k}`;
      this.slotNames.add(key);
      const saved = this.pending.get(key);
      if (saved) {
        this.pending.delete(key);
        if (saved.dtype !== v.dtype || saved.shape.length !== v.shape.length || saved.shape.some((d, i) => d !== v.shape[i])) {
          saved.dispose();
          throw new Error(`${this.name}: saved slot '${key}' has shape ${fmt(saved.shape)} but variable '${v.name}' has shape ${fmt(v.shape)}`);
        }
        return saved;
      }
      return variable(full([...v.shape], init, v.dtype), false, key);
    });
    this.slots.set(v, made);
    return made;
  }

  getConfig(): { name: string; [key: string]: unknown } {
    const lr = this.learningRate;
    let learningRate: unknown = lr;
    if (typeof lr === 'function') {
      const config = (lr as Partial<ConfiguredSchedule>).config;
      if (config) {
        learningRate = { ...config };
      } else {
        // NOTE: a plain function cannot be saved; the config keeps the rate it gives now.
        learningRate = this.currentLearningRate();
        console.warn(`${this.name}.getConfig: learningRate is a custom function, which cannot be saved; the config records its current value ${learningRate}`);
      }
    }
    const config: { name: string; [key: string]: unknown } = { name: this.name, learningRate, ...this.hyperparameters() };
    if (this.weightDecay !== 0 || this.defaultWeightDecay !== 0) config.weightDecay = this.weightDecay;
    for (const k of ['clipNorm', 'globalClipNorm', 'clipValue'] as const) if (this[k] !== undefined) config[k] = this[k];
    return config;
  }

  /** 'iterations' (int32 scalar), then each variable's slots (named `<variable>/<slot>`) in first-seen order. */
  getState(): { name: string; tensor: Tensor }[] {
    const it = this.iterationsTensor;
    if (!it || it.isDisposed || this.iterationsHeld !== this.steps) {
      it?.dispose();
      this.iterationsTensor = engine.tidy(() => variable(scalar(this.steps, 'int32'), false, 'iterations'));
      this.iterationsHeld = this.steps;
    }
    const state = [{ name: 'iterations', tensor: this.iterationsTensor as Tensor }];
    for (const slots of this.slots.values()) for (const s of slots) state.push({ name: s.name, tensor: s });
    return state;
  }

  /**
   * Restores getState's entries: 'iterations' and slots by name. Slots not created yet are kept
   * (as copies sharing memory) until their variable's first update. The given tensors stay the caller's.
   */
  setState(state: { name: string; tensor: Tensor }[]): void {
    const op = `${this.name}.setState`;
    if (!Array.isArray(state)) throw new Error(`${op}: expected an array of { name, tensor }`);
    const byName = new Map<string, Variable>();
    for (const slots of this.slots.values()) for (const s of slots) byName.set(s.name, s);
    for (const { name, tensor } of state) {
      if (!(tensor instanceof Tensor)) throw new Error(`${op}: entry '${name}' has no tensor`);
      tensor.live(op);
      if (name === 'iterations') {
        // NOTE: hostValues is the read on js/wasm, and webgpu's host copy of int32 values written from the host.
        const values = engine.hostValues(tensor, op);
        if (!values) throw new Error(`${op}: 'iterations' must be an int32 scalar made from host values (eg.scalar(n, 'int32')) on the ${engine.backend!.name} backend, got ${tensor.dtype}`);
        const n = values[0];
        if (tensor.size !== 1 || !Number.isInteger(n) || n < 0) throw new Error(`${op}: 'iterations' must be one integer >= 0, got ${fmt(tensor.shape)} ${n}`);
        this.steps = n;
        continue;
      }
      const slot = byName.get(name);
      if (slot) {
        slot.assign(tensor);
      } else {
        this.pending.get(name)?.dispose();
        this.pending.set(name, variable(tensor, false, name));
      }
    }
  }

  dispose(): void {
    for (const slots of this.slots.values()) for (const s of slots) s.dispose();
    for (const p of this.pending.values()) p.dispose();
    this.iterationsTensor?.dispose();
    this.slots.clear();
    this.slotNames.clear();
    this.pending.clear();
    this.iterationsTensor = null;
  }
}
