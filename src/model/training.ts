// The one training loop: compile, fit and predict for every model (graph and sequential, one or
// several inputs and outputs), the data checks and batches evaluate.ts shares, and the step's loss
// (batchLoss) that pool replicas run too (parallel/replica.ts).
import { engine } from '../engine.js';
import type { DType, TypedArray } from '../kernels.js';
import { Tensor, Variable } from '../tensor.js';
import { valueAndGrads } from '../autograd/index.js';
import { add, mul } from '../ops/elementwise.js';
import { mean } from '../ops/reduce.js';
import { concat, slice } from '../ops/shape.js';
import { nextSeed, rng } from '../random.js';
import { type Layer, type Shape, fmtShape, sameShape, sizeOf } from '../layers/layer.js';
import type { Callbacks, Logs } from './callbacks.js';
import { isTTY } from '../platform.js';
import { type Loss, type LossSpec, getLoss } from './losses.js';
import { type OptimizerSpec, get as getOptimizer } from '../optimizers/optimizers.js';
import { get as getMetric } from '../ops/metrics.js';
import type { Model as GraphModel } from './graph.js';
import type { DeviceSums } from './evaluate.js';
import { canCompile, compiledPredictBatch, compiledTrainStep, dropPlans } from './compiled.js';

export type Model = GraphModel<Tensor | Tensor[]>;

/** A metric over a whole set: (yTrue, yPred) -> a number or a scalar tensor. */
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor | number;

/** One value for every output, a list (one per output, in order) or a record by output name. */
export type PerOutput<T> = T | T[] | Record<string, T>;

export interface CompileArgs {
  /** An optimizer object (eg.optimizers.adam(...)), a name ('adam') or a config ({ name: 'adam', learningRate: 1e-3 }). */
  optimizer: OptimizerSpec;
  /** One loss for every output, or one per output (a list, or a record by output name). */
  loss: PerOutput<LossSpec>;
  /** Weights of the outputs' losses in the total (default 1 each). */
  lossWeights?: number[] | Record<string, number>;
  /** 'accuracy' (or 'acc'), metric names from eg.metrics, or functions (yTrue, yPred) => number; for every output, or a record by output name. */
  metrics?: (string | MetricFn)[] | Record<string, (string | MetricFn)[]>;
}

/** Data for a model: a tensor (one input/output), a list in the model's order, or a record by name. */
export type Data = Tensor | Tensor[] | Record<string, Tensor>;

export interface FitArgs {
  epochs?: number;
  batchSize?: number;
  /** Shuffle the training samples each epoch (default true), with `seed` when given. */
  shuffle?: boolean;
  seed?: number;
  /** Hold out this fraction of the samples (the last ones, before shuffling) for validation. */
  validationSplit?: number;
  validationData?: [Data, Data];
  callbacks?: Callbacks | Callbacks[];
  /** 0: silent; 1 (default): a progress bar when stdout is a TTY, silent otherwise; 2: also one line per epoch without a TTY. */
  verbose?: 0 | 1 | 2;
  /** Data-parallel training over a new pool of this many workers (closed when fit ends). */
  workers?: number;
  /** Data-parallel training over an existing pool (eg.createPool); left open. */
  pool?: import('../pool/pool.js').Pool;
  /**
   * Weights of the classes in the loss (Keras classWeight), by class id: each sample's loss is
   * multiplied by the weight of its class (its id, its one-hot row's argmax, or its 0/1 target);
   * classes not listed weigh 1. One-output models, built-in losses.
   */
  classWeight?: Record<number, number> | number[];
  /** A weight per training sample, float32 [samples] (Keras sampleWeight); multiplies classWeight's. */
  sampleWeight?: Tensor;
  /** The epoch to start at (resuming): epochs run from initialEpoch to epochs - 1, as in Keras. */
  initialEpoch?: number;
  /**
   * Trace the training step once per batch size and replay it (default true on js and wasm; see
   * model.compiledSteps()); false runs every op eagerly.
   */
  compile?: boolean;
}

export interface EvaluateArgs {
  batchSize?: number;
  /** Trace each batch's forward pass and loss once per batch size and replay it (default true on js and wasm). */
  compile?: boolean;
}
export interface PredictArgs {
  batchSize?: number;
  /** Trace the forward pass once per batch size and replay it (default true on js and wasm). */
  compile?: boolean;
}

export interface History {
  epoch: number[];
  /** Per-epoch values: loss, accuracy, val_loss, val_accuracy, samplesPerSecond, ... */
  history: Record<string, number[]>;
  params: { epochs: number; batchSize: number; samples: number; steps: number };
}

interface Metric { key: string; fn: MetricFn | 'accuracy' }

/** What compile sets: per output, its loss, weight, metrics and whether softmax is fused into it. */
export interface Compiled {
  losses: Loss[];
  weights: number[];
  metrics: Metric[][];
  /** Per output: the loss runs on the logits of the softmax layer that makes it. */
  fused: boolean[];
  spec: { loss: PerOutput<LossSpec>; metrics: CompileArgs['metrics']; lossWeights?: CompileArgs['lossWeights'] };
}

/** One tensor's rows on the host. */
interface Column { data: TypedArray; sample: Shape; dtype: DType }
/** A data set read to host memory once, from which batches are copied. */
export interface HostSet {
  n: number; xs: Column[]; ys: Column[];
  /** Each sample's loss weight (sampleWeight times classWeight), when fit has any. */
  sw?: Float32Array;
}

/**
 * One entry per input or output of m (`kind`), in their order: from a list in that order, or a
 * record by name, which may leave a name out when `dflt` is given. `what` names it in errors.
 */
function perName<T>(m: Model, op: string, what: string, v: T[] | Record<string, T>, kind: 'inputs' | 'outputs', dflt?: T): T[] {
  const names = kind === 'inputs' ? m.inputNames : m.outputNames;
  const has = `model '${m.name}' has ${names.length} ${kind} (${names.join(', ')})`;
  if (Array.isArray(v)) {
    if (v.length !== names.length) throw new Error(`${op}: ${what} has ${v.length} entries but ${has}`);
    return v;
  }
  for (const k of Object.keys(v)) if (!names.includes(k)) throw new Error(`${op}: ${what} names '${k}', but ${has}`);
  return names.map((n) => {
    if (!(n in v) && dflt === undefined) throw new Error(`${op}: ${what} has no entry for '${n}'; ${has}`);
    return n in v ? v[n] : dflt!;
  });
}

/** compile's per-output arguments: one value for every output (`isOne`), or perName's forms. */
const perOutput = <T>(m: Model, what: string, v: PerOutput<T>, isOne: (v: unknown) => boolean, dflt?: T): T[] =>
  (isOne(v) ? m.outputNames.map(() => v as T) : perName(m, 'compile', what, v as T[] | Record<string, T>, 'outputs', dflt));

export function compileModel(m: Model, args: CompileArgs): void {
  if (!args || typeof args !== 'object') throw new Error('compile: expects { optimizer, loss, metrics? }');
  if (args.optimizer === undefined) throw new Error("compile: missing optimizer; pass eg.optimizers.adam(), a name such as 'adam', or a config");
  const opt = getOptimizer(args.optimizer);
  const losses = perOutput<LossSpec>(m, 'loss', args.loss, (v) => typeof v === 'string' || typeof v === 'function' || v === undefined || v === null).map((l) => getLoss(l));
  const weights = args.lossWeights === undefined ? losses.map(() => 1)
    : perOutput<number>(m, 'lossWeights', args.lossWeights, (v) => typeof v === 'number', 1);
  weights.forEach((w) => { if (typeof w !== 'number' || !Number.isFinite(w)) throw new Error(`compile: lossWeights must be finite numbers, got ${JSON.stringify(args.lossWeights)}`); });
  const specs = perOutput<(string | MetricFn)[]>(m, 'metrics', args.metrics ?? [], Array.isArray, []);
  const metrics = specs.map((list, o) => {
    const out: Metric[] = [];
    for (const spec of list ?? []) {
      if (typeof spec === 'function') { out.push({ key: spec.name || `metric_${out.length}`, fn: spec }); continue; }
      if (spec === 'accuracy' || spec === 'acc') {
        if (losses[o].labels === 'values') throw new Error(`compile: metric '${spec}' needs a classification loss, not ${losses[o].name}`);
        out.push({ key: spec, fn: 'accuracy' });
        continue;
      }
      let fn: MetricFn;
      try {
        fn = getMetric(spec as 'precision');
      } catch {
        throw new Error(`compile: unknown metric ${JSON.stringify(spec)}; use 'accuracy', 'precision', 'recall', 'f1', 'auc', or a function (yTrue, yPred) => number`);
      }
      out.push({ key: spec, fn });
    }
    return out;
  });
  m.optimizer = opt;
  m.compiled = {
    losses, weights, metrics, fused: losses.map((l, o) => !!l.fromLogits && m.canFuseSoftmax(o)),
    spec: { loss: args.loss, metrics: args.metrics, lossWeights: args.lossWeights },
  };
  m.hostCache.clear();
  dropPlans(m);
}

/** The training config saved with the model, or null when a loss is a function. */
export function trainingConfig(m: Model): TrainingConfig | null {
  const c = m.compiled;
  if (!m.optimizer || !c) return null;
  const ls = c.spec.loss;
  const fns = typeof ls === 'function' || (Array.isArray(ls) ? ls : typeof ls === 'object' && ls !== null ? Object.values(ls) : []).some((l) => typeof l === 'function');
  if (fns) return null;
  const strs = (l: unknown): string[] => (Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : []);
  const ms = c.spec.metrics;
  const cfg: TrainingConfig = {
    loss: c.losses.length === 1 ? c.losses[0].name : c.losses.map((l) => l.name),
    metrics: Array.isArray(ms) || ms === undefined ? strs(ms) : Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, strs(v)])),
    optimizer: m.optimizer.getConfig(),
  };
  if (c.weights.some((w) => w !== 1)) cfg.lossWeights = [...c.weights];
  return cfg;
}

export interface TrainingConfig {
  loss: string | string[];
  metrics: string[] | Record<string, string[]>;
  lossWeights?: number[];
  optimizer: { name: string; [key: string]: unknown };
}

// ---- data ---------------------------------------------------------------------------------------

/** `x` (or y) as one tensor per input (output), in the model's order; `base` names it in errors. */
export function toList(m: Model, op: string, base: string, d: unknown, kind: 'inputs' | 'outputs'): Tensor[] {
  const names = kind === 'inputs' ? m.inputNames : m.outputNames;
  if (d instanceof Tensor || !d || typeof d !== 'object') {
    if (names.length === 1) return [d as Tensor];
    throw new Error(`${op}: ${base} must be a list of ${names.length} tensors or a record by name (${names.join(', ')}), got ${d instanceof Tensor ? 'one Tensor' : d === null ? 'null' : typeof d}`);
  }
  return perName(m, op, base, d as Tensor[] | Record<string, Tensor>, kind);
}

const nameOf = (base: string, names: string[], i: number): string => (names.length === 1 ? base : `${base} '${names[i]}'`);

/** Checks each x against the model's inputs (building an unbuilt sequential from their shapes). */
export function checkXs(m: Model, op: string, xs: unknown[], base = 'x'): Tensor[] {
  m.checkNotEmpty(op);
  xs.forEach((x, i) => {
    const what = nameOf(base, m.inputNames, i);
    if (!(x instanceof Tensor)) throw new Error(`${op}: ${what} must be a Tensor of shape [samples, ...features], got ${x === null ? 'null' : typeof x}`);
    x.live(op);
    if (x.rank < 1 || x.shape[0] === 0) throw new Error(`${op}: ${what} has shape [${x.shape}]; it needs at least one sample along axis 0`);
  });
  const ts = xs as Tensor[];
  m.buildFor(ts);
  const specs = m.inputSpecs!;
  ts.forEach((x, i) => {
    const what = nameOf(base, m.inputNames, i);
    const s = specs[i];
    if (!sameShape(x.shape.slice(1), s.shape)) throw new Error(`${op}: ${what} has shape [${x.shape}] but the model expects ${fmtShape([null, ...s.shape])}`);
    if (x.dtype !== s.dtype) throw new Error(`${op}: ${what} has dtype ${x.dtype} but the model expects ${s.dtype}${s.dtype === 'int32' ? ' (ids for the embedding layer)' : ''}`);
    if (i > 0 && x.shape[0] !== ts[0].shape[0]) throw new Error(`${op}: ${what} has ${x.shape[0]} samples but ${nameOf(base, m.inputNames, 0)} has ${ts[0].shape[0]}`);
  });
  return ts;
}

/**
 * Reads x and y to the host and checks them against the model and the losses. The last checked
 * sets are kept (tensors are immutable unless they are variables), so repeated fit/evaluate
 * calls on the same data skip the copy and the checks.
 */
export async function hostSet(m: Model, op: string, x: unknown, y: unknown, what = ''): Promise<HostSet> {
  const xs = toList(m, op, what ? `${what} x` : 'x', x, 'inputs');
  const ys = toList(m, op, what ? `${what} y` : 'y', y, 'outputs');
  const key = `${what}:${xs.map((t) => t?.id)}:${ys.map((t) => t?.id)}`;
  const hit = m.hostCache.get(key);
  if (hit && hit.xs.every((t, i) => t === xs[i] && !t.isDisposed) && hit.ys.every((t, i) => t === ys[i] && !t.isDisposed)) return hit.set;
  const set = await readSet(m, op, xs, ys, what);
  if (![...xs, ...ys].some((t) => t instanceof Variable)) {
    if (m.hostCache.size >= 2) m.hostCache.delete(m.hostCache.keys().next().value!);
    m.hostCache.set(key, { xs, ys, set });
  }
  return set;
}

async function readSet(m: Model, op: string, xl: Tensor[], yl: Tensor[], what: string): Promise<HostSet> {
  const xb = what ? `${what} x` : 'x', yb = what ? `${what} y` : 'y';
  checkXs(m, op, xl, xb);
  const n = xl[0].shape[0];
  const xs: Column[] = [];
  for (let i = 0; i < xl.length; i++) {
    const x = xl[i], xn = nameOf(xb, m.inputNames, i);
    const data = await x.data();
    if (x.dtype === 'float32') {
      // v - v is NaN exactly for NaN and ±Infinity.
      let bad = 0;
      for (let k = 0; k < data.length; k++) bad += data[k] - data[k];
      if (bad !== 0) {
        const k = data.findIndex((v) => !Number.isFinite(v));
        throw new Error(`${op}: ${xn} holds a non-finite value (${data[k]}) at flat index ${k}`);
      }
    }
    xs.push({ data, sample: x.shape.slice(1), dtype: x.dtype });
  }
  const ys: Column[] = [];
  for (let o = 0; o < yl.length; o++) {
    const y = yl[o], yn = nameOf(yb, m.outputNames, o), xn = nameOf(xb, m.inputNames, 0);
    if (!(y instanceof Tensor)) throw new Error(`${op}: ${yn} must be a Tensor, got ${y === null ? 'null' : typeof y}`);
    y.live(op);
    if (y.rank < 1 || y.shape[0] !== n) throw new Error(`${op}: ${xn} has ${n} samples but ${yn} has shape [${y.shape}]; they need the same number of samples along axis 0`);
    ys.push(await readLabels(op, yn, y, m.outputSpecs[o].shape, m.compiled!.losses[o], n));
  }
  return { n, xs, ys };
}

async function readLabels(op: string, yn: string, y: Tensor, out: Shape, loss: Loss, n: number): Promise<Column> {
  const ySample = y.shape.slice(1);
  let ys = await y.data();
  const expect = (want: Shape, hint: string) => {
    if (!sameShape(ySample, want)) throw new Error(`${op}: ${yn} has shape [${y.shape}] but ${hint} expects [${[n, ...want]}] for model output ${fmtShape([null, ...out])}`);
  };
  if (loss.labels === 'sparse') {
    const classes = out[out.length - 1];
    const want = out.slice(0, -1);
    if (!sameShape(ySample, want) && !sameShape(ySample, [...want, 1])) expect(want, `${loss.name} (class ids, int32)`);
    if (y.dtype === 'float32') {
      for (let i = 0; i < ys.length; i++) {
        if (!Number.isInteger(ys[i])) throw new Error(`${op}: ${yn} must hold integer class ids for ${loss.name}; found ${ys[i]} at index ${i} (one-hot labels need 'categoricalCrossentropy')`);
      }
      ys = Int32Array.from(ys);
    }
    for (let i = 0; i < ys.length; i++) {
      if (ys[i] < 0 || ys[i] >= classes) throw new Error(`${op}: ${yn} has label ${ys[i]} at index ${i}, out of range for ${classes} classes [0, ${classes - 1}]`);
    }
    return { data: ys, sample: want, dtype: 'int32' };
  }
  if (y.dtype !== 'float32') throw new Error(`${op}: ${yn} has dtype ${y.dtype} but ${loss.name} expects float32 targets${loss.labels === 'categorical' ? ' (one-hot rows; for int32 class ids use sparseCategoricalCrossentropy)' : ''}`);
  const flatOk = out.length === 1 && out[0] === 1 && ySample.length === 0;
  if (!flatOk) expect(out, loss.labels === 'categorical' ? `${loss.name} (one-hot rows)` : loss.name);
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(v)) throw new Error(`${op}: ${yn} holds a non-finite value (${v}) at flat index ${i}`);
    if (loss.labels !== 'values' && (v < 0 || v > 1)) throw new Error(`${op}: ${yn} holds ${v} at flat index ${i}; ${loss.name} expects targets in [0, 1]`);
  }
  return { data: ys, sample: out, dtype: 'float32' };
}

/** Builds batches by copying sample rows into reused staging arrays. */
export class Batcher {
  private readonly xs: Stage[];
  private readonly ys: Stage[];
  constructor(set: HostSet, batchSize: number) {
    // NOTE: no batch holds more rows than the set (a batchSize of 1e7 on 100 samples stages 100).
    const rows = Math.min(batchSize, set.n);
    this.xs = set.xs.map((c) => new Stage(c, rows));
    this.ys = set.ys.map((c) => new Stage(c, rows));
    this.sw = set.sw ? new Stage({ data: set.sw, sample: [], dtype: 'float32' }, rows) : null;
  }
  private readonly sw: Stage | null;
  /** How many tensors a batch has (inputs, outputs, sample weights). */
  get slots(): number { return this.xs.length + this.ys.length + (this.sw ? 1 : 0); }
  /**
   * Copies the batch's rows straight into `dst` (one array per slot in batch()'s order, each of
   * exactly the batch's elements: a compiled step's input buffers), skipping the staging arrays.
   */
  gatherInto(order: Int32Array, from: number, count: number, dst: readonly TypedArray[]): void {
    let i = 0;
    for (const s of this.xs) s.gather(order, from, count, dst[i++]);
    for (const s of this.ys) s.gather(order, from, count, dst[i++]);
    if (this.sw) this.sw.gather(order, from, count, dst[i]);
  }
  /** The batch's host rows in batch()'s order (views of the staging arrays). */
  rows(order: Int32Array, from: number, count: number): TypedArray[] {
    const r = [...this.xs.map((s) => s.rows(order, from, count)), ...this.ys.map((s) => s.rows(order, from, count))];
    if (this.sw) r.push(this.sw.rows(order, from, count));
    return r;
  }
  batch(order: Int32Array, from: number, count: number): [Tensor[], Tensor[], Tensor | null] {
    return [this.xs.map((s) => s.tensor(order, from, count)), this.ys.map((s) => s.tensor(order, from, count)), this.sw?.tensor(order, from, count) ?? null];
  }
  /** Output o's labels for the batch, on the host (a view of the staging array). */
  yHost(o: number, order: Int32Array, from: number, count: number): TypedArray { return this.ys[o].rows(order, from, count); }
}

class Stage {
  private readonly row: number;
  private readonly buf: TypedArray;
  constructor(private readonly c: Column, rows: number) {
    this.row = sizeOf(c.sample);
    this.buf = c.dtype === 'int32' ? new Int32Array(rows * this.row) : new Float32Array(rows * this.row);
  }
  rows(order: Int32Array, from: number, count: number): TypedArray {
    this.gather(order, from, count, this.buf);
    return this.buf.subarray(0, count * this.row);
  }
  /** The rows of samples order[from .. from+count) into `dst`, from its start (same element type: a plain copy). */
  gather(order: Int32Array, from: number, count: number, dst: TypedArray): void {
    const row = this.row, src = this.c.data;
    if (row === 1) for (let k = 0; k < count; k++) dst[k] = src[order[from + k]];
    else for (let k = 0; k < count; k++) { const i = order[from + k]; dst.set(src.subarray(i * row, (i + 1) * row), k * row); }
  }
  tensor(order: Int32Array, from: number, count: number): Tensor {
    return engine.fromValues(this.rows(order, from, count), [count, ...this.c.sample], this.c.dtype);
  }
}

function splitSet(s: HostSet, at: number): [HostSet, HostSet] {
  const cut = (c: Column, lo: number, hi: number): Column => { const r = sizeOf(c.sample); return { ...c, data: c.data.subarray(lo * r, hi * r) }; };
  return [
    { n: at, xs: s.xs.map((c) => cut(c, 0, at)), ys: s.ys.map((c) => cut(c, 0, at)), sw: s.sw?.subarray(0, at) },
    { n: s.n - at, xs: s.xs.map((c) => cut(c, at, s.n)), ys: s.ys.map((c) => cut(c, at, s.n)) },
  ];
}

// ---- the step -------------------------------------------------------------------------------

/**
 * The training loss of one batch (inside a tape): the weighted sum of the outputs' losses (fused
 * on logits where compile found a softmax output), plus the layers' weight penalties. `outs`
 * receives the outputs that have metrics (all with `allOuts`), `parts` each output's loss, when given.
 */
export function batchLoss(m: Model, c: Compiled, xs: Tensor[], ys: Tensor[], updates: [Variable, Tensor][] | undefined,
  regs: readonly Layer[], outs: (Tensor | null)[] | null, parts: Tensor[] | null, allOuts = false, sw: Tensor | null = null): Tensor {
  const fused = c.fused.some(Boolean);
  const os = m.forward(xs, true, fused, updates);
  let total: Tensor | null = null;
  for (let o = 0; o < os.length; o++) {
    const out = os[o], loss = c.losses[o];
    if (outs && (allOuts || c.metrics[o].length)) outs[o] = engine.keep(xs.includes(out) ? add(out, 0) : out);
    // NOTE: weighted as Keras: the mean over the batch of weight · per-sample loss.
    let l = sw ? mean(mul(loss.perSample!(ys[o], out, c.fused[o]), sw))
      : c.fused[o] ? loss.fromLogits!(ys[o], out) : loss.fn(ys[o], out);
    if (parts) parts.push(engine.keep(l));
    if (c.weights[o] !== 1) l = mul(l, c.weights[o]);
    total = total ? add(total, l) : l;
  }
  for (const layer of regs) { const r = layer.regularizationLoss(); if (r) total = add(total!, r); }
  return total!;
}

export interface StepResult { loss: number; parts: number[]; correct: number[] }
const NO_RESULT: StepResult = { loss: NaN, parts: [], correct: [] };

/**
 * One optimisation step on samples order[from .. from+count); returns the batch loss, each
 * output's loss (several outputs) and correct count, or (with `sums`) adds them to the device
 * sums and reads nothing.
 */
function trainStep(m: Model, c: Compiled, batcher: Batcher, vars: Variable[], order: Int32Array, from: number, count: number,
  acc: boolean[], regs: readonly Layer[], stateful: boolean, sums: DeviceSums | null): StepResult {
  const nOut = c.losses.length;
  return engine.tidy(() => {
    const [xb, yb, sw] = batcher.batch(order, from, count);
    const outs: (Tensor | null)[] | null = acc.some(Boolean) ? new Array(nOut).fill(null) : null;
    const parts: Tensor[] | null = nOut > 1 ? [] : null;
    const updates: [Variable, Tensor][] | undefined = stateful ? [] : undefined;
    const drop = (): void => {
      if (outs) for (const t of outs) t?.dispose();
      if (parts) for (const t of parts) t.dispose();
    };
    let value: Tensor, grads: Tensor[];
    try {
      ({ value, grads } = valueAndGrads(() => batchLoss(m, c, xb, yb, updates, regs, outs, parts, false, sw), vars));
      m.optimizer!.apply(vars, grads);
      if (updates) for (const [v, t] of updates) v.assign(t);
      m.weightsVersion++;
    } catch (e) {
      drop();
      throw e;
    } finally {
      if (updates) for (const [, t] of updates) t.dispose();
    }
    if (sums) {
      sums.add(0, value, count);
      for (let o = 0; o < nOut; o++) {
        if (parts) sums.add(1 + o, parts[o], count);
        if (acc[o] && outs) sums.addCorrect(1 + nOut + o, outs[o]!, yb[o], c.losses[o].labels);
      }
      drop();
      return NO_RESULT;
    }
    return readStep(c, batcher, order, from, count, acc, value, outs, parts, drop);
  });
}

/**
 * A finished step's results read on the host (the loss, each output's loss and correct count);
 * a loss that is not finite throws. `drop` disposes the kept outputs either way.
 */
export function readStep(c: Compiled, batcher: Batcher, order: Int32Array, from: number, count: number, acc: boolean[],
  value: Tensor, outs: (Tensor | null)[] | null, parts: Tensor[] | null, drop: () => void): StepResult {
  const lossValue = value.dataSync()[0];
  if (!Number.isFinite(lossValue)) {
    drop();
    throw new Error(`fit: the loss became ${lossValue} at a batch; lower the learning rate or check the data`);
  }
  const correct: number[] = [];
  for (let o = 0; o < c.losses.length; o++) {
    const out = outs?.[o];
    correct.push(acc[o] && out ? countCorrect(out.dataSync(), batcher.yHost(o, order, from, count), out.shape[out.rank - 1], c.losses[o].labels) : 0);
  }
  const r = { loss: lossValue, parts: parts ? parts.map((p) => p.dataSync()[0]) : [], correct };
  drop();
  return r;
}

// ---- fit ----------------------------------------------------------------------------------------

/** The log keys of output o: `<key>` for one output, `<output>_<key>` for several. */
export const keyOf = (m: Model, o: number, k: string): string => (m.outputNames.length === 1 ? k : `${m.outputNames[o]}_${k}`);

export interface FitPlan {
  train: HostSet;
  val: HostSet | null;
  epochs: number;
  batchSize: number;
}

/** Checks fit's options and reads its data: the part of fit shared with the pool's data-parallel fit. */
export async function prepareFit(m: Model, x: unknown, y: unknown, args: FitArgs, op = 'fit'): Promise<FitPlan> {
  if (!m.optimizer || !m.compiled) throw new Error(`${op}: model '${m.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
  const epochs = args.epochs ?? 1, batchSize = args.batchSize ?? 32;
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`${op}: epochs must be a non-negative integer, got ${args.epochs}`);
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`${op}: batchSize must be a positive integer, got ${args.batchSize}`);
  const split = args.validationSplit ?? 0;
  if (typeof split !== 'number' || !(split >= 0 && split < 1)) throw new Error(`${op}: validationSplit must be in [0, 1), got ${args.validationSplit}`);
  if (split > 0 && args.validationData) throw new Error(`${op}: give validationSplit or validationData, not both`);
  m.checkNotEmpty(op);
  let train = await hostSet(m, op, x, y);
  // NOTE: weights for every sample of x; a validationSplit cuts them with the samples (splitSet).
  const sw = await sampleWeights(m, op, args, train);
  if (sw) train = { ...train, sw };
  let val: HostSet | null = null;
  if (args.validationData) {
    if (!Array.isArray(args.validationData) || args.validationData.length !== 2) throw new Error(`${op}: validationData must be [xVal, yVal]`);
    val = await hostSet(m, op, args.validationData[0], args.validationData[1], 'validationData');
  } else if (split > 0) {
    const nVal = Math.floor(train.n * split);
    if (nVal === 0 || nVal === train.n) throw new Error(`${op}: validationSplit ${split} of ${train.n} samples leaves ${nVal === 0 ? 'no validation' : 'no training'} samples`);
    [train, val] = splitSet(train, train.n - nVal);
  }
  return { train, val, epochs, batchSize };
}

/**
 * Each training sample's loss weight from fit's sampleWeight and classWeight (null when neither is
 * given), checked against the set and the losses. Computed on the host for the whole set.
 */
export async function sampleWeights(m: Model, op: string, args: Pick<FitArgs, 'sampleWeight' | 'classWeight'>, set: HostSet): Promise<Float32Array | null> {
  const { sampleWeight, classWeight } = args;
  if (sampleWeight === undefined && classWeight === undefined) return null;
  const c = m.compiled!;
  const custom = c.losses.find((l) => !l.perSample);
  if (custom) throw new Error(`${op}: sampleWeight and classWeight need built-in losses (per-sample values); loss '${custom.name}' is a function`);
  const w = new Float32Array(set.n).fill(1);
  if (sampleWeight !== undefined) {
    if (!(sampleWeight instanceof Tensor)) throw new Error(`${op}: sampleWeight must be a float32 Tensor of shape [samples], got ${sampleWeight === null ? 'null' : typeof sampleWeight}`);
    sampleWeight.live(op);
    const n = sampleWeight.shape[0];
    if (sampleWeight.dtype !== 'float32' || sampleWeight.size !== n || n !== set.n) {
      throw new Error(`${op}: sampleWeight must be float32 of shape [${set.n}] (one weight per training sample), got ${sampleWeight.dtype} [${sampleWeight.shape}]`);
    }
    const v = await sampleWeight.data();
    for (let i = 0; i < set.n; i++) {
      if (!Number.isFinite(v[i]) || v[i] < 0) throw new Error(`${op}: sampleWeight holds ${v[i]} at index ${i}; weights must be finite and >= 0`);
      w[i] = v[i];
    }
  }
  if (classWeight !== undefined) {
    if (c.losses.length !== 1) throw new Error(`${op}: classWeight is for one-output models; model '${m.name}' has ${c.losses.length} outputs (use sampleWeight)`);
    if (!classWeight || typeof classWeight !== 'object') throw new Error(`${op}: classWeight must map class ids to weights, e.g. { 0: 1, 1: 5 }, got ${String(classWeight)}`);
    const table = new Map<number, number>();
    for (const [k, v] of Object.entries(classWeight)) {
      const id = Number(k);
      if (!Number.isInteger(id) || id < 0) throw new Error(`${op}: classWeight key '${k}' is not a class id (a non-negative integer)`);
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${op}: classWeight[${k}] = ${String(v)}; weights must be finite numbers >= 0`);
      table.set(id, v);
    }
    const col = set.ys[0], loss = c.losses[0], row = sizeOf(col.sample);
    for (let i = 0; i < set.n; i++) {
      let cls: number;
      if (loss.labels === 'sparse' || row === 1) cls = loss.labels === 'sparse' ? col.data[i] : Math.round(col.data[i]);
      else {
        cls = 0;
        for (let k = 1; k < row; k++) if (col.data[i * row + k] > col.data[i * row + cls]) cls = k;
      }
      w[i] *= table.get(cls) ?? 1;
    }
  }
  return w;
}

/**
 * How one epoch's batches are run: in this thread (trainStep) or by a pool (parallel/train.ts). Each
 * call runs the steps from batch `b` (at least one) and returns one result per step run.
 */
export type StepRunner = (order: Int32Array, b: number, steps: number, perBatch: boolean) => Promise<StepResult[]> | StepResult[];

/** 0, 1, ..., n - 1: the samples' order before shuffling (a loop: Int32Array.from with a map function is 5x slower). */
export function iota(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * Fisher-Yates over `order` with `random`. NOTE: a function of its own, not a loop in fitLoop: its
 * n iterations an epoch would make V8 optimise the whole of fitLoop, a large function, again in
 * each fit (100-400 ms of a compiler thread at load 3-4 on 2 cores: time that pool workers lose).
 */
export function shuffleInPlace(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
}

/**
 * The epochs, callbacks, logs, progress and validation of fit, around `runner` (default: in-thread
 * steps).
 */
export async function fitLoop(m: Model, plan: FitPlan, args: FitArgs, runner?: { run: StepRunner }): Promise<History> {
  const { train, val, epochs, batchSize } = plan;
  const c = m.compiled!;
  const vars = m.trainableWeights;
  if (vars.length === 0) {
    // A quantised model (eg.quantize) has int8 layers, which run inference only.
    const q = m.layers.find((l) => l.className.startsWith('Quantized'));
    if (q) throw new Error(`fit: layer '${q.name}' (${q.className}) is quantised to int8 and runs inference only; train the float32 model, then call eg.quantize on it again`);
    throw new Error(`fit: model '${m.name}' has no trainable weights`);
  }
  const nOut = c.losses.length;
  const callbacks = (Array.isArray(args.callbacks) ? args.callbacks : args.callbacks ? [args.callbacks] : []);
  const verbose = args.verbose ?? 1;
  const steps = Math.ceil(train.n / batchSize);
  const history: History = { epoch: [], history: {}, params: { epochs, batchSize, samples: train.n, steps } };
  // NOTE: the bar is loaded only where it shows: a terminal, or verbose 2's epoch lines.
  const bar = verbose === 2 || (verbose && isTTY()) ? new (await import('./progress.js')).ProgressBar(epochs, train.n, verbose === 2) : null;
  const shuffle = args.shuffle ?? true;
  const random = rng(args.seed ?? nextSeed());
  const order = iota(train.n);
  const accKeys = c.metrics.map((ms) => ms.find((x) => x.fn === 'accuracy')?.key ?? null);
  const acc = accKeys.map((k) => k !== null);
  const perBatch = callbacks.some((cb) => cb.onBatchEnd || cb.onBatchBegin);
  // NOTE: a batch's logs are built only where something reads them (an onBatchEnd, the bar).
  const batchLogs = bar !== null || callbacks.some((cb) => cb.onBatchEnd);
  const initialEpoch = args.initialEpoch ?? 0;
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0) throw new Error(`fit: initialEpoch must be a non-negative integer, got ${args.initialEpoch}`);
  // Where reads are asynchronous (webgpu), each step adds its loss and correct count to sums on the
  // device, read once per epoch, or after every batch when an onBatchEnd callback asks for logs.
  const sums = !runner && !engine.syncReads ? new (await import('./evaluate.js')).DeviceSums(1 + 2 * nOut) : null;
  const readEachBatch = sums !== null && callbacks.some((cb) => cb.onBatchEnd);
  let run = runner?.run;
  if (!run) {
    const batcher = new Batcher(train, batchSize);
    const regs = m.allLayers.filter((l) => l.hasRegularizers);
    const stateful = m.allLayers.some((l) => l.updatesState);
    if (args.compile !== undefined && typeof args.compile !== 'boolean') throw new Error(`fit: compile must be true or false, got ${JSON.stringify(args.compile)}`);
    if (args.compile !== false && canCompile()) {
      run = (ord, b) => {
        const from = b * batchSize, count = Math.min(batchSize, train.n - from);
        return [compiledTrainStep(m, c, batcher, vars, ord, from, count, acc, regs, stateful,
          () => trainStep(m, c, batcher, vars, ord, from, count, acc, regs, stateful, sums), sums)];
      };
    } else {
      run = (ord, b) => [trainStep(m, c, batcher, vars, ord, b * batchSize, Math.min(batchSize, train.n - b * batchSize), acc, regs, stateful, sums)];
    }
  }
  const logsOf = (lossSum: number, parts: number[], correct: number[], seen: number): Logs => {
    const logs: Logs = { loss: lossSum / seen };
    for (let o = 0; o < nOut; o++) {
      if (nOut > 1) logs[keyOf(m, o, 'loss')] = parts[o] / seen;
      if (accKeys[o]) logs[keyOf(m, o, accKeys[o]!)] = correct[o] / seen;
    }
    return logs;
  };

  m.stopTraining = false;
  for (const cb of callbacks) cb.setModel?.(m);
  for (const cb of callbacks) cb.setParams?.({ epochs, initialEpoch, steps, samples: train.n, batchSize });
  for (const cb of callbacks) await cb.onTrainBegin?.({});
  let lastYield = performance.now();
  for (let epoch = initialEpoch; epoch < epochs && !m.stopTraining; epoch++) {
    for (const cb of callbacks) await cb.onEpochBegin?.(epoch, {});
    if (shuffle) shuffleInPlace(order, random);
    const t0 = performance.now();
    let lossSum = 0, seen = 0;
    let parts = new Array<number>(nOut).fill(0), correct = new Array<number>(nOut).fill(0);
    const readSums = async (where: string) => {
      const v = await sums!.read(where);
      lossSum = v[0]; parts = v.slice(1, 1 + nOut); correct = v.slice(1 + nOut);
    };
    for (let b = 0; b < steps;) {
      if (perBatch) {
        const begin: Logs = { batch: b, size: Math.min(batchSize, train.n - b * batchSize) };
        for (const cb of callbacks) { const p = cb.onBatchBegin?.(b, begin); if (p) await p; }
      }
      const ran = run(order, b, steps, perBatch);
      // NOTE: in-thread steps return at once: no await (a microtask per step) on that path.
      const results = Array.isArray(ran) ? ran : await ran;
      for (const r of results) {
        const count = Math.min(batchSize, train.n - b * batchSize);
        seen += count;
        if (sums) {
          if (!readEachBatch) {
            bar?.update(epoch, seen, {}, (seen * 1000) / (performance.now() - t0));
            if (performance.now() - lastYield > 250) { await yieldToEventLoop(); lastYield = performance.now(); }
            b++;
            continue;
          }
          await readSums('at a batch');
        } else {
          if (!Number.isFinite(r.loss)) throw new Error(`fit: the loss became ${r.loss} at batch ${b}; lower the learning rate or check the data`);
          lossSum += r.loss * count;
          for (let o = 0; o < nOut; o++) { parts[o] += (r.parts[o] ?? 0) * count; correct[o] += r.correct[o] ?? 0; }
        }
        if (batchLogs) {
          const logs: Logs = { batch: b, size: count, ...logsOf(lossSum, parts, correct, seen) };
          for (const cb of callbacks) {
            const p = cb.onBatchEnd?.(b, logs);
            if (p) await p;
          }
          if (bar) { const { batch: _b, size: _s, ...shown } = logs; bar.update(epoch, seen, shown, (seen * 1000) / (performance.now() - t0)); }
        }
        if (performance.now() - lastYield > 250) { await yieldToEventLoop(); lastYield = performance.now(); }
        b++;
      }
    }
    if (sums) {
      if (!readEachBatch && seen > 0) await readSums(`in epoch ${epoch + 1}`);
      sums.reset();
    }
    const secs = (performance.now() - t0) / 1000;
    const logs = logsOf(lossSum, parts, correct, seen);
    if (val) {
      const v = await (await import('./evaluate.js')).evaluateSet(m, val, Math.max(batchSize, 256), args.compile !== false);
      for (const [k, value] of Object.entries(v)) logs[`val_${k}`] = value;
    }
    logs.samplesPerSecond = seen / secs;
    history.epoch.push(epoch);
    for (const [k, value] of Object.entries(logs)) (history.history[k] ??= []).push(value);
    bar?.epochEnd(epoch, logs, secs);
    for (const cb of callbacks) await cb.onEpochEnd?.(epoch, logs);
    await yieldToEventLoop();
    lastYield = performance.now();
  }
  const last: Logs = {};
  for (const [k, v] of Object.entries(history.history)) last[k] = v[v.length - 1];
  for (const cb of callbacks) await cb.onTrainEnd?.(last);
  return history;
}

/** model.fit: in this thread, or data-parallel over a pool (`workers` / `pool`). */
export async function fit(m: Model, x: Data, y: Data, args: FitArgs = {}): Promise<History> {
  // NOTE: imported lazily so that single-threaded users never load the pool.
  if (args.workers !== undefined || args.pool !== undefined) {
    if (args.sampleWeight !== undefined || args.classWeight !== undefined) throw new Error('fit: sampleWeight and classWeight are not supported with workers or a pool yet; train in this thread');
    return (await import('./parallel/index.js')).fitOnPool(m, x, y, args);
  }
  return fitLoop(m, await prepareFit(m, x, y, args), args);
}

// ---- one batch of tensors: trainOnBatch, and fitDataset's steps ------------------------------

export interface BatchWeights { sampleWeight?: Tensor; classWeight?: FitArgs['classWeight'] }

/** trainOnBatch's options: the batch's weights, and whether its step is compiled. */
export interface TrainOnBatchArgs extends BatchWeights {
  /**
   * Trace the step once per batch size and replay it (default true; the plans are fit's, keyed the
   * same way, so a trainOnBatch of fit's batch size replays fit's step); false runs every op eagerly.
   */
  compile?: boolean;
}

/**
 * One optimisation step on the whole of (x, y), checked as fit checks its data (read to the host,
 * then staged as one batch); its loss, per-output losses and correct counts, read back.
 */
export async function stepOnTensors(m: Model, op: string, x: unknown, y: unknown, w: TrainOnBatchArgs = {}): Promise<StepResult & { n: number }> {
  if (!m.optimizer || !m.compiled) throw new Error(`${op}: model '${m.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
  if (w.compile !== undefined && typeof w.compile !== 'boolean') throw new Error(`${op}: compile must be true or false, got ${JSON.stringify(w.compile)}`);
  const c = m.compiled;
  const vars = m.trainableWeights;
  if (vars.length === 0) throw new Error(`${op}: model '${m.name}' has no trainable weights`);
  const xs = toList(m, op, 'x', x, 'inputs'), ys = toList(m, op, 'y', y, 'outputs');
  let set = await readSet(m, op, xs, ys, '');
  const sw = await sampleWeights(m, op, w, set);
  if (sw) set = { ...set, sw };
  const nOut = c.losses.length;
  const acc = c.metrics.map((ms) => ms.some((x) => x.fn === 'accuracy'));
  const regs = m.allLayers.filter((l) => l.hasRegularizers);
  const stateful = m.allLayers.some((l) => l.updatesState);
  const order = iota(set.n);
  const batcher = new Batcher(set, set.n);
  // NOTE: compiled as fit's step (same key: a plan of this batch size is shared with fit), eager
  // where the step cannot be replayed (the reason in model.compiledSteps()).
  const compiled = w.compile !== false && canCompile();
  const step = (sums: DeviceSums | null): StepResult => (compiled
    ? compiledTrainStep(m, c, batcher, vars, order, 0, set.n, acc, regs, stateful, () => trainStep(m, c, batcher, vars, order, 0, set.n, acc, regs, stateful, sums), sums)
    : trainStep(m, c, batcher, vars, order, 0, set.n, acc, regs, stateful, sums));
  if (engine.syncReads) return { ...step(null), n: set.n };
  const sums = new (await import('./evaluate.js')).DeviceSums(1 + 2 * nOut);
  step(sums);
  const v = await sums.read(`in ${op}`);
  sums.reset();
  return { loss: v[0] / set.n, parts: v.slice(1, 1 + nOut).map((p) => p / set.n), correct: v.slice(1 + nOut), n: set.n };
}

/**
 * model.trainOnBatch: one optimiser step on (x, y) as a single batch. Resolves to the batch loss,
 * or, when compile asked for accuracy, [loss, accuracy of each output that has it].
 */
export async function trainOnBatch(m: Model, x: Data, y: Data, w: TrainOnBatchArgs = {}): Promise<number | number[]> {
  const r = await stepOnTensors(m, 'trainOnBatch', x, y, w);
  if (!Number.isFinite(r.loss)) throw new Error(`trainOnBatch: the loss became ${r.loss}; lower the learning rate or check the data`);
  const accs = m.compiled!.metrics.flatMap((ms, o) => (ms.some((k) => k.fn === 'accuracy') ? [r.correct[o] / r.n] : []));
  return accs.length ? [r.loss, ...accs] : r.loss;
}

/** model.predictOnBatch: the outputs for x in one forward pass (no batching), in inference mode. */
export function predictOnBatch(m: Model, x: Data): Tensor[] {
  const xs = checkXs(m, 'predictOnBatch', toList(m, 'predictOnBatch', 'x', x, 'inputs'));
  return engine.tidy(() => m.forward(xs, false, false));
}

// ---- inference --------------------------------------------------------------------------

/** The model's outputs for x, computed in batches of `batchSize` (default 256), in inference mode. */
export function predict(m: Model, x: Data, args: PredictArgs = {}): Tensor[] {
  const xs = checkXs(m, 'predict', toList(m, 'predict', 'x', x, 'inputs'));
  const batchSize = args.batchSize ?? 256;
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`predict: batchSize must be a positive integer, got ${args.batchSize}`);
  m.checkNotEmpty('predict');
  if (args.compile !== undefined && typeof args.compile !== 'boolean') throw new Error(`predict: compile must be true or false, got ${JSON.stringify(args.compile)}`);
  const compiled = args.compile !== false && canCompile();
  const forward = (xb: Tensor[]): Tensor[] => (compiled ? compiledPredictBatch(m, xb, () => m.forward(xb, false, false)) : m.forward(xb, false, false));
  const n = xs[0].shape[0];
  if (n <= batchSize) return engine.tidy(() => forward(xs));
  return engine.tidy(() => {
    const parts: Tensor[][] = m.outputNames.map(() => []);
    for (let from = 0; from < n; from += batchSize) {
      const count = Math.min(batchSize, n - from);
      // NOTE: a tidy per batch, so each batch's intermediates go at once (else the peak grows with n)
      const outs = engine.tidy(() => forward(xs.map((t) => slice(t, [from, ...t.shape.slice(1).map(() => 0)], [count, ...t.shape.slice(1)]))));
      outs.forEach((o, i) => parts[i].push(o));
    }
    return parts.map((p) => concat(p, 0));
  });
}

// ---- counting ---------------------------------------------------------------------------

/** Correct predictions in a batch: argmax per row vs class ids or one-hot rows; threshold 0.5 for binary. */
export function countCorrect(out: TypedArray, y: TypedArray, C: number, labels: Loss['labels']): number {
  let ok = 0;
  if (labels === 'binary' || C === 1) {
    for (let i = 0; i < out.length; i++) if ((out[i] > 0.5 ? 1 : 0) === (y[i] > 0.5 ? 1 : 0)) ok++;
    return ok;
  }
  const rows = out.length / C;
  for (let r = 0; r < rows; r++) {
    let best = 0, bv = out[r * C];
    for (let c = 1; c < C; c++) if (out[r * C + c] > bv) { bv = out[r * C + c]; best = c; }
    let want: number;
    if (labels === 'sparse') want = y[r];
    else {
      want = 0;
      let wv = y[r * C];
      for (let c = 1; c < C; c++) if (y[r * C + c] > wv) { wv = y[r * C + c]; want = c; }
    }
    if (best === want) ok++;
  }
  return ok;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
});
