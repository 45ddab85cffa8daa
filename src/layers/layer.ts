// The layer contract: per-sample shapes, lazily built weights (variables), a forward `call`,
// a JSON config for save/load, and the weight penalties the model adds to the loss.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Regularizer } from '../optimizers/optimizer.js';
import type { Tensor, Variable } from '../tensor.js';
import { add } from '../ops/elementwise.js';

/** Shape of one sample (no batch axis). */
export type Shape = number[];

export interface CallOptions {
  /** Training mode: dropout drops. */
  training?: boolean;
  /** @internal Skip a final softmax so the model can train on logits with a fused loss. */
  logits?: boolean;
}

export interface LayerArgs {
  name?: string;
  /** Per-sample input shape, for the first layer of a model. */
  inputShape?: number[];
  /** Same as inputShape: [inputDim]. */
  inputDim?: number;
  trainable?: boolean;
}

export interface LayerConfig { name: string; trainable: boolean; inputShape?: number[]; [key: string]: unknown }

/**
 * Where weights come from while a model is loaded: the saved tensor for a weight's full name and
 * shape, or a throw naming the disagreement. So a loaded model never draws (or allocates) weights
 * that the file does not hold: a model.json edited to `units: 2**26` is refused before any work.
 */
export type WeightSource = (name: string, shape: readonly number[]) => Tensor;
let weightSource: WeightSource | null = null;

/** Runs `fn` (a model's build) with layers taking their weights from `source`. */
export function withWeightSource<T>(source: WeightSource, fn: () => T): T {
  const before = weightSource;
  weightSource = source;
  try {
    return fn();
  } finally {
    weightSource = before;
  }
}

const counters = new Map<string, number>();
/** `dense_1`, `dense_2`, ...: unique names per layer class within this process. */
export function uniqueName(prefix: string): string {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return `${prefix}_${n}`;
}

export const fmtShape = (s: readonly (number | null)[]): string => `(${s.map((d) => (d === null ? 'None' : d)).join(', ')}${s.length === 1 ? ',' : ''})`;

export abstract class Layer {
  abstract readonly className: string;
  readonly name: string;
  trainable: boolean;
  /** Per-sample input shape, once known (given, or set by build). */
  inputShape: Shape | null;
  built = false;
  /** Weights in a stable order (their names are `<layer>/<weight>`). */
  readonly weights: Variable[] = [];
  protected readonly regularized: { weight: Variable; reg: Regularizer }[] = [];

  constructor(args: LayerArgs, prefix: string) {
    if (args.name !== undefined && (typeof args.name !== 'string' || !/^[\w.-]+$/.test(args.name))) {
      throw new Error(`${prefix}: name ${JSON.stringify(args.name)} must be letters, digits, '_', '.' or '-'`);
    }
    this.name = args.name ?? uniqueName(prefix);
    this.trainable = args.trainable ?? true;
    const shape = args.inputShape ?? (args.inputDim !== undefined ? [args.inputDim] : undefined);
    if (shape !== undefined) checkSampleShape(`${prefix} '${this.name}'`, shape);
    this.inputShape = shape ? [...shape] : null;
  }

  /** Creates the weights for inputs of per-sample shape `inputShape`. */
  build(inputShape: Shape): void {
    this.inputShape = [...inputShape];
    this.built = true;
  }

  /** The per-sample output shape for a per-sample input shape (validates it). */
  abstract computeOutputShape(inputShape: Shape): Shape;

  /** The forward pass on a batch [batch, ...inputShape]. */
  abstract call(x: Tensor, opts: CallOptions): Tensor;

  /** Builds on first use, checks the input's per-sample shape, then runs `call`. */
  apply(x: Tensor, opts: CallOptions = {}): Tensor {
    const sample = x.shape.slice(1);
    if (!this.built) {
      this.computeOutputShape(sample);
      this.build(sample);
    } else if (this.inputShape && !sameShape(sample, this.inputShape)) {
      throw new Error(`${this.className} '${this.name}': expected input of shape ${fmtShape([null, ...this.inputShape])}, got [${x.shape}]`);
    }
    return this.call(x, opts);
  }

  /**
   * A float32 weight of `shape`: drawn by `init`, or, while a model is being loaded, taken from the
   * saved file (see withWeightSource). The variable shares the value's storage; the value is disposed.
   */
  protected addWeight(short: string, shape: number[], init: (shape: number[]) => Tensor, reg?: Regularizer): Variable {
    const name = `${this.name}/${short}`;
    const value = weightSource ? weightSource(name, shape) : init(shape);
    const v = engine.makeVariable(value, this.trainable, name);
    value.dispose();
    this.weights.push(v);
    if (reg) this.regularized.push({ weight: v, reg });
    return v;
  }

  get trainableWeights(): Variable[] { return this.trainable ? this.weights : []; }
  get nonTrainableWeights(): Variable[] { return this.trainable ? [] : this.weights; }

  countParams(): number { return this.weights.reduce((s, w) => s + w.size, 0); }

  /** True when some weight of this layer carries a penalty. */
  get hasRegularizers(): boolean { return this.regularized.length > 0; }

  /** The sum of this layer's weight penalties, or null when it has none. */
  regularizationLoss(): Tensor | null {
    let total: Tensor | null = null;
    for (const { weight, reg } of this.regularized) {
      const p = reg.penalty(weight);
      total = total ? add(total, p) : p;
    }
    return total;
  }

  getConfig(): LayerConfig {
    const c: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.inputShape) c.inputShape = [...this.inputShape];
    return c;
  }

  dispose(): void {
    for (const w of this.weights) w.dispose();
    this.weights.length = 0;
    this.regularized.length = 0;
    this.built = false;
  }
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function checkSampleShape(where: string, shape: unknown): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`${where}: inputShape must be an array of positive integers (no batch axis), got ${JSON.stringify(shape)}`);
  }
}

export function checkPositiveInt(where: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new Error(`${where}: ${what} must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}

export { sizeOf };
