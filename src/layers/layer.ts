// The layer contract: per-sample shapes, lazily built weights (variables, each trainable or not),
// sublayers, a forward `call`, a JSON config for save/load, the weight penalties the model adds to
// the loss, and `apply` on real tensors (runs) or on symbolic ones (builds a graph node).
import { engine } from '../engine.js';
import { type DType, sizeOf } from '../kernels.js';
import type { Regularizer } from '../optimizers/optimizer.js';
import { Tensor, type Variable } from '../tensor.js';
import { add } from '../ops/elementwise.js';

/** Shape of one sample (no batch axis). */
export type Shape = number[];

export interface CallOptions {
  /** Training mode: dropout drops, stateful layers update their state. */
  training?: boolean;
  /**
   * @internal Where a model collects state updates (see Layer.addUpdate) to apply after the
   * optimizer step; without it an update is assigned at once.
   */
  updates?: [Variable, Tensor][];
  /** @internal Generation's key/value cache (model/generate.ts), read by attention and position layers. */
  cache?: KVCache;
}

/**
 * Keys and values of the positions already run, per self-attention layer, so a decoding step runs
 * only the new positions: `offset` is how many positions the cache holds.
 */
export interface KVCache {
  offset: number;
  readonly entries: Map<Layer, { key: Tensor; value: Tensor }>;
}

/** One application of a layer in a graph: the symbolic tensors it reads and the one it makes. */
export interface Node {
  readonly layer: Layer;
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
}

/**
 * A tensor of a graph being built (eg.input, layer.apply on symbolic inputs): its shape (axis 0,
 * the batch, is null), dtype, and the node that makes it. It holds no values.
 */
export class SymbolicTensor {
  constructor(readonly shape: readonly (number | null)[], readonly dtype: DType, readonly node: Node, readonly index = 0) {}
  /** The producing layer's name (with `:index` past its first output). */
  get name(): string { return this.index ? `${this.node.layer.name}:${this.index}` : this.node.layer.name; }
  get rank(): number { return this.shape.length; }
  /** The per-sample shape (no batch axis). */
  get sampleShape(): Shape { return this.shape.slice(1) as Shape; }
  toString(): string { return `SymbolicTensor ${this.name} ${fmtShape(this.shape)} ${this.dtype}`; }
}

type Inputs<T> = T | T[];
const isSymbolic = (x: unknown): boolean => x instanceof SymbolicTensor || (Array.isArray(x) && x.length > 0 && x.every((e) => e instanceof SymbolicTensor));

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
export type WeightSource = (name: string, shape: readonly number[], dtype?: DType) => Tensor;
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

/** Rebuilds a layer of a class outside edgegrad from its saved config (see registerLayer). */
export type LayerFactory = (config: LayerConfig) => Layer;
/** @internal The classes registered with registerLayer, for loadModel. */
export const customLayers = new Map<string, LayerFactory>();

/**
 * Makes a layer class of your own (a subclass of eg.Layer, e.g. a block owning sublayers)
 * loadable: loadModel calls `fromConfig(config)` for model.json entries of `className`.
 */
export function registerLayer(className: string, fromConfig: LayerFactory): void {
  if (typeof className !== 'string' || !/^\w+$/.test(className)) throw new Error(`registerLayer: className must be letters, digits or '_', got ${JSON.stringify(className)}`);
  if (typeof fromConfig !== 'function') throw new Error(`registerLayer: '${className}' needs a function (config) => layer`);
  customLayers.set(className, fromConfig);
}

const counters = new Map<string, number>();
/** `dense_1`, `dense_2`, ...: unique names per layer class within this process. */
export function uniqueName(prefix: string): string {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return `${prefix}_${n}`;
}

export const fmtShape = (s: readonly (number | null)[]): string => `(${s.map((d) => (d === null ? 'None' : d)).join(', ')}${s.length === 1 ? ',' : ''})`;

/**
 * A layer. Subclasses (edgegrad's, or your own) set `className`, and implement computeOutputShape
 * and call; build creates weights with addWeight (trainable or not), a block owns the layers it
 * calls with addLayer, and a training-mode call hands new values of state weights to addUpdate.
 * getConfig + eg.layers.registerLayer make a class of your own loadable.
 */
export abstract class Layer {
  abstract readonly className: string;
  readonly name: string;
  trainable: boolean;
  /** Per-sample input shape, once known (given, or set by build). */
  inputShape: Shape | null;
  private isBuilt = false;
  /** The dtype this layer reads (embedding: int32 ids); a model's input is checked against it. */
  readonly inputDtype: DType = 'float32';
  /** This layer's own weights in a stable order (their names are `<layer>/<weight>`). */
  private readonly own: Variable[] = [];
  /** Layers this one owns and calls (a block is a layer): their weights are this layer's too. */
  protected readonly sublayers: Layer[] = [];
  protected readonly regularized: { weight: Variable; reg: Regularizer }[] = [];
  /** @internal The graph nodes made by applying this layer to symbolic tensors, in order. */
  readonly inboundNodes: Node[] = [];

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

  /** True once the weights exist (build ran). */
  get built(): boolean { return this.isBuilt; }
  set built(v: boolean) { this.isBuilt = v; }

  /** Creates the weights for inputs of per-sample shape `inputShape` (a list for merge layers). */
  build(inputShape: Shape | Shape[]): void {
    this.inputShape = Array.isArray(inputShape[0]) ? null : [...(inputShape as Shape)];
    this.built = true;
  }

  /** The per-sample output shape for a per-sample input shape, or a list of them (validates it). */
  abstract computeOutputShape(inputShape: Shape | Shape[]): Shape;

  /** The forward pass on a batch [batch, ...inputShape] (a list of batches for merge layers). */
  abstract call(x: Tensor | Tensor[], opts: CallOptions): Tensor;

  /**
   * @internal Set by layers that end in softmax (dense, activation): the output before it, so a
   * model can fuse softmax with cross-entropy on an output this layer makes.
   */
  callLogits?(x: Tensor, opts: CallOptions): Tensor;

  /**
   * @internal Set by layers that fuse with the layer reading their output (conv2d with a max pool):
   * whether this layer then `next` run as one by `callFused` in an inference-mode forward, where
   * `next` alone reads this layer's output.
   */
  fusesWith?(next: Layer): boolean;
  /** @internal `next.call(this.call(x))` as one, in inference mode (fusesWith(next) holds). */
  callFused?(x: Tensor, next: Layer): Tensor;

  /**
   * On real tensors: builds on first use, checks the inputs' per-sample shapes, then runs `call`.
   * On symbolic tensors (eg.input, other layers' outputs): checks and builds the same way and
   * returns the symbolic output, recording the application as a graph node.
   */
  apply(x: SymbolicTensor | SymbolicTensor[]): SymbolicTensor;
  apply(x: Tensor | Tensor[], opts?: CallOptions): Tensor;
  apply(x: Inputs<Tensor> | Inputs<SymbolicTensor>, opts: CallOptions = {}): Tensor | SymbolicTensor {
    if (isSymbolic(x)) return this.applySymbolic(x as Inputs<SymbolicTensor>);
    const list = Array.isArray(x);
    if (list ? x.length === 0 || !x.every((t) => t instanceof Tensor) : !(x instanceof Tensor)) {
      throw new Error(`${this.className} '${this.name}': apply expects a Tensor, a SymbolicTensor (eg.input) or a list of either kind, got ${describe(x)}`);
    }
    const ts = (list ? x : [x]) as Tensor[];
    const samples = ts.map((t) => t.shape.slice(1));
    this.checkOrBuild(list ? samples : samples[0], () => (list ? `[${ts.map((t) => `[${t.shape}]`).join(', ')}]` : `[${ts[0].shape}]`));
    return this.call(x as Tensor, opts);
  }

  private checkOrBuild(sample: Shape | Shape[], got: () => string): Shape {
    if (!this.built) {
      const out = this.computeOutputShape(sample);
      // NOTE: a nested sequential builds itself while computing its output shape.
      if (!this.built) this.build(sample);
      return out;
    }
    if (this.inputShape && !Array.isArray(sample[0]) && !sameShape(sample as Shape, this.inputShape)) {
      throw new Error(`${this.className} '${this.name}': expected input of shape ${fmtShape([null, ...this.inputShape])}, got ${got()}`);
    }
    return this.computeOutputShape(sample);
  }

  private applySymbolic(x: Inputs<SymbolicTensor>): SymbolicTensor {
    const ins = Array.isArray(x) ? x : [x];
    ins.forEach((t, i) => {
      const want = this.inputDtypeAt(i);
      if (t.dtype !== want) throw new Error(`${this.className} '${this.name}': input '${t.name}' has dtype ${t.dtype} but the layer reads ${want}`);
    });
    const samples = ins.map((t) => t.sampleShape);
    const out = this.checkOrBuild(Array.isArray(x) ? samples : samples[0], () => (Array.isArray(x) ? `[${ins.map((t) => fmtShape(t.shape)).join(', ')}]` : `${fmtShape(ins[0].shape)} from '${ins[0].name}'`));
    const node: Node = { layer: this, inputs: ins, outputs: [] };
    (node.outputs as SymbolicTensor[]).push(new SymbolicTensor([null, ...out], this.outputDtype, node));
    this.inboundNodes.push(node);
    return node.outputs[0];
  }

  /** The dtype input `i` must have (a model used as a layer: its input's). */
  protected inputDtypeAt(_i: number): DType { return this.inputDtype; }
  /** The dtype of the output (a model used as a layer: its output's). */
  protected get outputDtype(): DType { return 'float32'; }

  /** @internal The layers this one calls: sublayers (a model: its layers). */
  protected children(): readonly Layer[] { return this.sublayers; }

  /** True when `layer` is this layer's sublayer (or a model's layer), at any depth. */
  contains(layer: Layer): boolean {
    return this.children().some((l) => l === layer || l.contains(layer));
  }

  /** Takes ownership of `layer` (its weights count as this layer's); returns it. */
  protected addLayer<T extends Layer>(layer: T): T {
    if (!(layer instanceof Layer)) throw new Error(`${this.className} '${this.name}': addLayer expects a layer, got ${describe(layer)}`);
    this.sublayers.push(layer);
    return layer;
  }

  /**
   * Records a new value for a state weight (e.g. a moving mean) from a training-mode call: the
   * model assigns it after the optimizer step; outside a model it is assigned at once.
   */
  protected addUpdate(opts: CallOptions, weight: Variable, value: Tensor): void {
    if (opts.updates) opts.updates.push([weight, engine.keep(value)]);
    else weight.assign(value);
  }

  /**
   * A float32 weight of `shape`: drawn by `init`, or, while a model is being loaded, taken from the
   * saved file (see withWeightSource). The variable shares the value's storage; the value is disposed.
   * `trainable: false`: the optimizer leaves it alone (frozen values, or state that addUpdate sets).
   */
  protected addWeight(short: string, shape: number[], init: (shape: number[]) => Tensor, reg?: Regularizer, opts: { trainable?: boolean; dtype?: DType } = {}): Variable {
    const name = `${this.name}/${short}`;
    // NOTE: a weight of another dtype than float32 (a quantised layer's int8 kernel) is never trainable.
    const value = weightSource ? weightSource(name, shape, opts.dtype ?? 'float32') : init(shape);
    const v = engine.makeVariable(value, opts.trainable ?? true, name);
    value.dispose();
    this.own.push(v);
    if (reg) this.regularized.push({ weight: v, reg });
    return v;
  }

  /** Every weight: this layer's own, then its sublayers' (trainable or not). */
  get weights(): Variable[] {
    const subs = this.children();
    return subs.length ? [...this.own, ...subs.flatMap((l) => l.weights)] : this.own;
  }
  /** The weights training updates: those made trainable, of a layer (and sublayer) that is trainable. */
  get trainableWeights(): Variable[] {
    if (!this.trainable) return [];
    const own = this.own.filter((w) => w.trainable);
    const subs = this.children();
    return subs.length ? [...own, ...subs.flatMap((l) => l.trainableWeights)] : own;
  }
  get nonTrainableWeights(): Variable[] {
    const t = new Set(this.trainableWeights);
    return this.weights.filter((w) => !t.has(w));
  }

  /** True when a training-mode call updates state weights (addUpdate); the pool cannot train such a layer yet. */
  get updatesState(): boolean { return this.children().some((l) => l.updatesState); }

  countParams(): number { return this.weights.reduce((s, w) => s + w.size, 0); }

  /** True when some weight of this layer (or a sublayer) carries a penalty. */
  get hasRegularizers(): boolean { return this.regularized.length > 0 || this.children().some((l) => l.hasRegularizers); }

  /** The sum of this layer's (and its sublayers') weight penalties, or null when it has none. */
  regularizationLoss(): Tensor | null {
    let total: Tensor | null = null;
    for (const { weight, reg } of this.regularized) {
      const p = reg.penalty(weight);
      total = total ? add(total, p) : p;
    }
    for (const l of this.children()) {
      const p = l.regularizationLoss();
      if (p) total = total ? add(total, p) : p;
    }
    return total;
  }

  getConfig(): LayerConfig {
    const c: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.inputShape) c.inputShape = [...this.inputShape];
    return c;
  }

  dispose(): void {
    for (const w of this.own) w.dispose();
    for (const l of this.sublayers) l.dispose();
    this.own.length = 0;
    this.regularized.length = 0;
    this.built = false;
  }
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return x.length ? `a list of ${[...new Set(x.map((e) => (e instanceof Tensor ? 'Tensor' : e instanceof SymbolicTensor ? 'SymbolicTensor' : typeof e)))].join(' and ')}` : 'an empty list';
  return typeof x;
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
