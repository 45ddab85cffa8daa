// Sequential models: a stack of layers with compile, fit, evaluate, predict, summary and save.
import { engine } from '../engine.js';
import type { DType, TypedArray } from '../kernels.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { Tensor, Variable } from '../tensor.js';
import { valueAndGrads } from '../autograd/index.js';
import { add, equal, greater, mul } from '../ops/elementwise.js';
import { argmax, sum } from '../ops/reduce.js';
import { concat, reshape, slice } from '../ops/shape.js';
import { softmax } from '../ops/nn.js';
import { nextSeed, rng } from '../random.js';
import { Activation, Dense } from '../layers/core.js';
import { Embedding } from '../layers/embedding.js';
import { type Layer, type Shape, fmtShape, sameShape, sizeOf } from '../layers/layer.js';
import { type Callbacks, type Logs, ProgressBar, setWeightCopies } from './callbacks.js';
import { type Loss, type LossSpec, getLoss } from './losses.js';
import { type OptimizerSpec, get as getOptimizer } from '../optimizers/optimizers.js';
import { compute as computeMetric, get as getMetric } from '../ops/metrics.js';
import { type ModelArtifacts, readArtifactValues, toArtifacts } from './artifacts.js';
import type { SaveResult } from '../io/storage.js';

/** A metric over a whole set: (yTrue, yPred) -> a number or a scalar tensor. */
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor | number;

export interface CompileArgs {
  /** An optimizer object (eg.optimizers.adam(...)), a name ('adam') or a config ({ name: 'adam', learningRate: 1e-3 }). */
  optimizer: OptimizerSpec;
  loss: LossSpec;
  /** 'accuracy' (or 'acc'), metric names from eg.metrics, or functions (yTrue, yPred) => number. */
  metrics?: (string | MetricFn)[];
}

export interface FitArgs {
  epochs?: number;
  batchSize?: number;
  /** Shuffle the training samples each epoch (default true), with `seed` when given. */
  shuffle?: boolean;
  seed?: number;
  /** Hold out this fraction of the samples (the last ones, before shuffling) for validation. */
  validationSplit?: number;
  validationData?: [Tensor, Tensor];
  callbacks?: Callbacks | Callbacks[];
  /** 0: silent; 1 (default): a progress bar when stdout is a TTY, silent otherwise; 2: also one line per epoch without a TTY. */
  verbose?: 0 | 1 | 2;
  /** Data-parallel training over a new pool of this many workers (closed when fit ends). */
  workers?: number;
  /** Data-parallel training over an existing pool (eg.createPool); left open. */
  pool?: import('../pool/pool.js').Pool;
}

export interface EvaluateArgs { batchSize?: number }
export interface PredictArgs { batchSize?: number }

export interface History {
  epoch: number[];
  /** Per-epoch values: loss, accuracy, val_loss, val_accuracy, samplesPerSecond, ... */
  history: Record<string, number[]>;
  params: { epochs: number; batchSize: number; samples: number; steps: number };
}

interface Metric { key: string; fn: MetricFn | 'accuracy' }

/** A data set read to host memory once, from which batches are copied. */
interface HostSet {
  x: TypedArray; y: TypedArray; n: number;
  xSample: Shape; ySample: Shape; xDtype: DType; yDtype: DType;
}

let modelCount = 0;

export class Sequential {
  readonly className = 'Sequential';
  readonly name: string;
  readonly layers: Layer[] = [];
  /** Set by a callback (e.g. earlyStopping) to end fit after the current epoch. */
  stopTraining = false;
  /** Counts changes to the weights (training steps, setWeights), so copies elsewhere can tell they are stale. */
  weightsVersion = 0;
  optimizer: Optimizer | null = null;
  private lossSpec: LossSpec | null = null;
  private loss: Loss | null = null;
  private metricSpecs: (string | MetricFn)[] = [];
  private metrics: Metric[] = [];
  private inputShape: Shape | null = null;
  private hostCache = new Map<string, { x: Tensor; y: Tensor; set: HostSet }>();

  constructor(layers: Layer[] = [], opts: { name?: string } = {}) {
    this.name = opts.name ?? `sequential_${++modelCount}`;
    if (!Array.isArray(layers)) throw new Error('sequential: expects an array of layers, e.g. eg.sequential([eg.layers.dense({ units: 10, inputShape: [4] })])');
    for (const l of layers) this.add(l);
  }

  add(layer: Layer): void {
    if (!layer || typeof (layer as Layer).apply !== 'function' || typeof (layer as Layer).computeOutputShape !== 'function') {
      throw new Error(`sequential: ${String(layer)} is not a layer; make layers with eg.layers.*`);
    }
    if (this.layers.includes(layer)) throw new Error(`sequential: layer '${layer.name}' was added twice`);
    if (this.layers.some((l) => l.name === layer.name)) throw new Error(`sequential: two layers are named '${layer.name}'`);
    this.layers.push(layer);
    if (this.layers.length === 1 && layer.inputShape) this.build(layer.inputShape);
    else if (this.inputShape) this.build(this.inputShape);
  }

  get built(): boolean { return this.inputShape !== null && this.layers.every((l) => l.built); }
  /** Every weight, layer by layer. */
  get weights(): Variable[] { return this.layers.flatMap((l) => l.weights); }
  get trainableWeights(): Variable[] { return this.layers.flatMap((l) => l.trainableWeights); }

  /** Creates every layer's weights for inputs of per-sample shape `inputShape`. */
  build(inputShape: Shape): void {
    let s = [...inputShape];
    for (const l of this.layers) {
      if (l.built && l.inputShape && !sameShape(l.inputShape, s)) {
        throw new Error(`${l.className} '${l.name}' was built for inputs ${fmtShape([null, ...l.inputShape])} but receives ${fmtShape([null, ...s])}`);
      }
      const out = l.computeOutputShape(s);
      if (!l.built) l.build(s);
      s = out;
    }
    this.inputShape = [...inputShape];
  }

  /** Per-sample output shape (the model must be built). */
  get outputShape(): Shape {
    if (!this.inputShape) throw new Error(`model '${this.name}': not built yet; give the first layer an inputShape or call fit/predict`);
    return this.layers.reduce((s, l) => l.computeOutputShape(s), this.inputShape);
  }

  private get inputDtype(): DType { return this.layers[0] instanceof Embedding ? 'int32' : 'float32'; }

  /** True when the last layer ends in softmax, so cross-entropy can run on its logits. */
  private get endsInSoftmax(): boolean {
    const last = this.layers[this.layers.length - 1];
    return (last instanceof Dense || last instanceof Activation) && last.activation === 'softmax';
  }

  private get fused(): boolean { return !!this.loss?.fromLogits && this.endsInSoftmax; }

  compile(args: CompileArgs): void {
    if (!args || typeof args !== 'object') throw new Error('compile: expects { optimizer, loss, metrics? }');
    if (args.optimizer === undefined) throw new Error("compile: missing optimizer; pass eg.optimizers.adam(), a name such as 'adam', or a config");
    const opt = getOptimizer(args.optimizer);
    const loss = getLoss(args.loss);
    const metrics: Metric[] = [];
    for (const m of args.metrics ?? []) {
      if (typeof m === 'function') { metrics.push({ key: m.name || `metric_${metrics.length}`, fn: m }); continue; }
      if (m === 'accuracy' || m === 'acc') {
        if (loss.labels === 'values') throw new Error(`compile: metric '${m}' needs a classification loss, not ${loss.name}`);
        metrics.push({ key: m, fn: 'accuracy' });
        continue;
      }
      let fn: MetricFn;
      try {
        fn = getMetric(m as 'precision');
      } catch {
        throw new Error(`compile: unknown metric ${JSON.stringify(m)}; use 'accuracy', 'precision', 'recall', 'f1', 'auc', or a function (yTrue, yPred) => number`);
      }
      metrics.push({ key: m, fn });
    }
    this.optimizer = opt;
    this.lossSpec = args.loss;
    this.loss = loss;
    this.metricSpecs = [...(args.metrics ?? [])];
    this.metrics = metrics;
  }

  /** The training config saved with the model: loss and metric names and the optimizer's config. */
  get trainingConfig(): { loss: string; metrics: string[]; optimizer: { name: string; [key: string]: unknown } } | null {
    if (!this.optimizer || !this.loss || typeof this.lossSpec === 'function') return null;
    return {
      loss: this.loss.name,
      metrics: this.metricSpecs.filter((m): m is string => typeof m === 'string'),
      optimizer: this.optimizer.getConfig(),
    };
  }

  // ---- validation -------------------------------------------------------------------------

  /** @internal For the pool: checks x as predict does, building the model from x's shape if it is unbuilt. */
  checkInput(op: string, x: unknown): Tensor {
    const t = this.checkX(op, x);
    if (!this.inputShape) this.build(t.shape.slice(1));
    return t;
  }

  private checkX(op: string, x: unknown, what = 'x'): Tensor {
    if (!(x instanceof Tensor)) throw new Error(`${op}: ${what} must be a Tensor of shape [samples, ...features], got ${x === null ? 'null' : typeof x}`);
    x.live(op);
    if (x.rank < 1 || x.shape[0] === 0) throw new Error(`${op}: ${what} has shape [${x.shape}]; it needs at least one sample along axis 0`);
    const sample = x.shape.slice(1);
    if (this.inputShape && !sameShape(sample, this.inputShape)) {
      throw new Error(`${op}: ${what} has shape [${x.shape}] but the model expects ${fmtShape([null, ...this.inputShape])}`);
    }
    if (x.dtype !== this.inputDtype) {
      throw new Error(`${op}: ${what} has dtype ${x.dtype} but the model expects ${this.inputDtype}${this.inputDtype === 'int32' ? ' (ids for the embedding layer)' : ''}`);
    }
    return x;
  }

  /**
   * Reads x and y to the host and checks them against the model and the loss. The last checked
   * sets are kept (tensors are immutable unless they are variables), so repeated fit/evaluate
   * calls on the same data skip the copy and the checks.
   */
  private async hostSet(op: string, x: Tensor, y: Tensor, what = ''): Promise<HostSet> {
    const key = `${what}:${x?.id}:${y?.id}:${this.loss?.name}:${this.inputShape}:${this.layers.length}`;
    const hit = this.hostCache.get(key);
    if (hit && hit.x === x && hit.y === y && !x.isDisposed && !y.isDisposed) return hit.set;
    const set = await this.readSet(op, x, y, what);
    if (!(x instanceof Variable) && !(y instanceof Variable)) {
      if (this.hostCache.size >= 2) this.hostCache.delete(this.hostCache.keys().next().value!);
      this.hostCache.set(key, { x, y, set });
    }
    return set;
  }

  private async readSet(op: string, x: Tensor, y: Tensor, what: string): Promise<HostSet> {
    const xn = what ? `${what} x` : 'x', yn = what ? `${what} y` : 'y';
    this.checkX(op, x, xn);
    if (!this.inputShape) this.build(x.shape.slice(1));
    if (!(y instanceof Tensor)) throw new Error(`${op}: ${yn} must be a Tensor, got ${y === null ? 'null' : typeof y}`);
    y.live(op);
    const n = x.shape[0];
    if (y.rank < 1 || y.shape[0] !== n) throw new Error(`${op}: ${xn} has ${n} samples but ${yn} has shape [${y.shape}]; they need the same number of samples along axis 0`);
    const out = this.outputShape;
    const loss = this.loss!;
    const ySample = y.shape.slice(1);
    const xs = await x.data();
    if (x.dtype === 'float32') {
      // v - v is NaN exactly for NaN and ±Infinity.
      let bad = 0;
      for (let i = 0; i < xs.length; i++) bad += xs[i] - xs[i];
      if (bad !== 0) {
        const i = xs.findIndex((v) => !Number.isFinite(v));
        throw new Error(`${op}: ${xn} holds a non-finite value (${xs[i]}) at flat index ${i}`);
      }
    }
    let ys = await y.data();
    const expect = (want: Shape, hint: string) => {
      if (!sameShape(ySample, want)) throw new Error(`${op}: ${yn} has shape [${y.shape}] but ${hint} expects [${[n, ...want]}] for model output ${fmtShape([null, ...out])}`);
    };
    if (loss.labels === 'sparse') {
      const classes = out[out.length - 1];
      const want = out.slice(0, -1);
      const wantAlt = [...want, 1];
      if (!sameShape(ySample, want) && !sameShape(ySample, wantAlt)) expect(want, `${loss.name} (class ids, int32)`);
      if (y.dtype === 'float32') {
        for (let i = 0; i < ys.length; i++) {
          if (!Number.isInteger(ys[i])) throw new Error(`${op}: ${yn} must hold integer class ids for ${loss.name}; found ${ys[i]} at index ${i} (one-hot labels need 'categoricalCrossentropy')`);
        }
        ys = Int32Array.from(ys);
      }
      for (let i = 0; i < ys.length; i++) {
        if (ys[i] < 0 || ys[i] >= classes) throw new Error(`${op}: ${yn} has label ${ys[i]} at index ${i}, out of range for ${classes} classes [0, ${classes - 1}]`);
      }
      return { x: xs, y: ys, n, xSample: x.shape.slice(1), ySample: want, xDtype: x.dtype, yDtype: 'int32' };
    }
    if (y.dtype !== 'float32') throw new Error(`${op}: ${yn} has dtype ${y.dtype} but ${loss.name} expects float32 targets${loss.labels === 'categorical' ? ' (one-hot rows; for int32 class ids use sparseCategoricalCrossentropy)' : ''}`);
    const flatOk = out.length === 1 && out[0] === 1 && ySample.length === 0;
    if (!flatOk) expect(out, loss.labels === 'categorical' ? `${loss.name} (one-hot rows)` : loss.name);
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i];
      if (!Number.isFinite(v)) throw new Error(`${op}: ${yn} holds a non-finite value (${v}) at flat index ${i}`);
      if (loss.labels !== 'values' && (v < 0 || v > 1)) throw new Error(`${op}: ${yn} holds ${v} at flat index ${i}; ${loss.name} expects targets in [0, 1]`);
    }
    return { x: xs, y: ys, n, xSample: x.shape.slice(1), ySample: out, xDtype: x.dtype, yDtype: 'float32' };
  }

  // ---- training ---------------------------------------------------------------------------

  /** fit({ workers | pool }): each batch's gradient is computed across worker threads. */
  private async fitOnPool(x: Tensor, y: Tensor, args: FitArgs): Promise<History> {
    if (args.workers !== undefined && args.pool !== undefined) throw new Error('fit: give `workers` or `pool`, not both');
    if (args.validationSplit) throw new Error('fit: validationSplit is not supported with `workers`/`pool` yet; pass validationData instead');
    if (!this.optimizer || !this.loss) throw new Error(`fit: model '${this.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
    // NOTE: x and y are checked here, whole (shapes, dtypes, label ranges), so an error names the
    // caller's rows and shapes, not a worker shard's.
    await this.hostSet('fit', x, y);
    if (args.validationData) {
      if (!Array.isArray(args.validationData) || args.validationData.length !== 2) throw new Error('fit: validationData must be [xVal, yVal]');
      await this.hostSet('fit', args.validationData[0], args.validationData[1], 'validationData');
    }
    // NOTE: imported lazily so that single-threaded users never load the pool.
    const { fitDataParallel, createPool } = await import('../pool/pool.js');
    const pool = args.pool ?? (await createPool({ workers: args.workers }));
    try {
      return await fitDataParallel(this, x, y, args, pool);
    } finally {
      if (!args.pool) await pool.close();
    }
  }

  /** Trains for `epochs` over (x, y); resolves to the per-epoch history. */
  async fit(x: Tensor, y: Tensor, args: FitArgs = {}): Promise<History> {
    if (args.workers !== undefined || args.pool !== undefined) return this.fitOnPool(x, y, args);
    if (!this.optimizer || !this.loss) throw new Error(`fit: model '${this.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
    const epochs = args.epochs ?? 1, batchSize = args.batchSize ?? 32;
    if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`fit: epochs must be a non-negative integer, got ${args.epochs}`);
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`fit: batchSize must be a positive integer, got ${args.batchSize}`);
    const split = args.validationSplit ?? 0;
    if (typeof split !== 'number' || !(split >= 0 && split < 1)) throw new Error(`fit: validationSplit must be in [0, 1), got ${args.validationSplit}`);
    if (split > 0 && args.validationData) throw new Error('fit: give validationSplit or validationData, not both');
    if (this.layers.length === 0) throw new Error(`fit: model '${this.name}' has no layers`);

    let train = await this.hostSet('fit', x, y);
    let val: HostSet | null = null;
    if (args.validationData) {
      if (!Array.isArray(args.validationData) || args.validationData.length !== 2) throw new Error('fit: validationData must be [xVal, yVal]');
      val = await this.hostSet('fit', args.validationData[0], args.validationData[1], 'validationData');
    } else if (split > 0) {
      const nVal = Math.floor(train.n * split);
      if (nVal === 0 || nVal === train.n) throw new Error(`fit: validationSplit ${split} of ${train.n} samples leaves ${nVal === 0 ? 'no validation' : 'no training'} samples`);
      [train, val] = splitSet(train, train.n - nVal);
    }
    const vars = this.trainableWeights;
    if (vars.length === 0) throw new Error(`fit: model '${this.name}' has no trainable weights`);

    const callbacks = (Array.isArray(args.callbacks) ? args.callbacks : args.callbacks ? [args.callbacks] : []);
    const verbose = args.verbose ?? 1;
    const steps = Math.ceil(train.n / batchSize);
    const history: History = { epoch: [], history: {}, params: { epochs, batchSize, samples: train.n, steps } };
    const bar = verbose ? new ProgressBar(epochs, train.n, verbose === 2) : null;
    const shuffle = args.shuffle ?? true;
    const random = rng(args.seed ?? nextSeed());
    const order = Int32Array.from({ length: train.n }, (_, i) => i);
    const batcher = new Batcher(train, batchSize);
    const accIdx = this.metrics.findIndex((m) => m.fn === 'accuracy');
    const accKey = accIdx >= 0 ? this.metrics[accIdx].key : null;
    // Where reads are asynchronous (webgpu), each step adds its loss and correct count to sums on the
    // device, read once per epoch, or after every batch when an onBatchEnd callback asks for logs.
    const sums = engine.syncReads ? null : new DeviceSums();
    const readEachBatch = sums !== null && callbacks.some((c) => c.onBatchEnd);

    this.stopTraining = false;
    for (const c of callbacks) c.setModel?.(this);
    for (const c of callbacks) await c.onTrainBegin?.({});
    let lastYield = performance.now();
    for (let epoch = 0; epoch < epochs && !this.stopTraining; epoch++) {
      for (const c of callbacks) await c.onEpochBegin?.(epoch, {});
      if (shuffle) {
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          const t = order[i]; order[i] = order[j]; order[j] = t;
        }
      }
      const t0 = performance.now();
      let lossSum = 0, correct = 0, seen = 0;
      for (let b = 0; b < steps; b++) {
        const from = b * batchSize, count = Math.min(batchSize, train.n - from);
        const r = this.trainStep(batcher, vars, order, from, count, accKey !== null, sums);
        seen += count;
        if (sums) {
          if (!readEachBatch) {
            bar?.update(epoch, seen, {}, (seen * 1000) / (performance.now() - t0));
            if (performance.now() - lastYield > 250) { await yieldToEventLoop(); lastYield = performance.now(); }
            continue;
          }
          ({ loss: lossSum, correct } = await sums.read('at a batch'));
        } else {
          lossSum += r.loss * count;
          correct += r.correct;
        }
        const logs: Logs = { batch: b, size: count, loss: lossSum / seen };
        if (accKey) logs[accKey] = correct / seen;
        for (const c of callbacks) {
          const p = c.onBatchEnd?.(b, logs);
          if (p) await p;
        }
        bar?.update(epoch, seen, { loss: logs.loss, ...(accKey ? { [accKey]: logs[accKey] } : {}) }, (seen * 1000) / (performance.now() - t0));
        if (performance.now() - lastYield > 250) { await yieldToEventLoop(); lastYield = performance.now(); }
      }
      if (sums) {
        if (!readEachBatch && seen > 0) ({ loss: lossSum, correct } = await sums.read(`in epoch ${epoch + 1}`));
        sums.reset();
      }
      const secs = (performance.now() - t0) / 1000;
      const logs: Logs = { loss: lossSum / seen };
      if (accKey) logs[accKey] = correct / seen;
      if (val) {
        const v = await this.evaluateSet(val, Math.max(batchSize, 256));
        for (const [k, value] of Object.entries(v)) logs[`val_${k}`] = value;
      }
      logs.samplesPerSecond = seen / secs;
      history.epoch.push(epoch);
      for (const [k, value] of Object.entries(logs)) (history.history[k] ??= []).push(value);
      bar?.epochEnd(epoch, logs, secs);
      for (const c of callbacks) await c.onEpochEnd?.(epoch, logs);
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    const last: Logs = {};
    for (const [k, v] of Object.entries(history.history)) last[k] = v[v.length - 1];
    for (const c of callbacks) await c.onTrainEnd?.(last);
    return history;
  }

  /**
   * One optimisation step on samples order[from .. from+count); returns the batch loss and correct
   * count, or (with `sums`) adds them to the device sums and reads nothing.
   */
  private trainStep(batcher: Batcher, vars: Variable[], order: Int32Array, from: number, count: number, wantAccuracy: boolean, sums: DeviceSums | null): { loss: number; correct: number } {
    const loss = this.loss!, fused = this.fused;
    const regs = this.layers.some((l) => l.hasRegularizers);
    return engine.tidy(() => {
      const [xb, yb] = batcher.batch(order, from, count);
      let out: Tensor | null = null;
      const { value, grads } = valueAndGrads(() => {
        const o = this.forward(xb, true, fused);
        if (wantAccuracy) out = engine.keep(o === xb ? add(o, 0) : o);
        let l = fused ? loss.fromLogits!(yb, o) : loss.fn(yb, o);
        if (regs) for (const layer of this.layers) { const r = layer.regularizationLoss(); if (r) l = add(l, r); }
        return l;
      }, vars);
      this.optimizer!.apply(vars, grads);
      this.weightsVersion++;
      if (sums) {
        const o = out as Tensor | null;
        sums.add(value, count, o && correctOnDevice(o, yb, loss.labels));
        o?.dispose();
        return { loss: NaN, correct: 0 };
      }
      const lossValue = value.dataSync()[0];
      if (!Number.isFinite(lossValue)) {
        (out as Tensor | null)?.dispose();
        throw new Error(`fit: the loss became ${lossValue} at a batch; lower the learning rate or check the data`);
      }
      let correct = 0;
      if (out !== null) {
        const o = out as Tensor;
        correct = countCorrect(o.dataSync(), batcher.yHost(order, from, count), o.shape[o.rank - 1], loss.labels);
        o.dispose();
      }
      return { loss: lossValue, correct };
    });
  }

  /** The forward pass; `logits` skips a final softmax. */
  private forward(x: Tensor, training: boolean, logits: boolean): Tensor {
    let h = x;
    const last = this.layers.length - 1;
    for (let i = 0; i <= last; i++) h = this.layers[i].apply(h, { training, logits: logits && i === last });
    return h;
  }

  // ---- inference --------------------------------------------------------------------------

  /** Loss and metrics over (x, y), in batches, in inference mode. */
  async evaluate(x: Tensor, y: Tensor, args: EvaluateArgs = {}): Promise<Logs> {
    if (!this.loss) throw new Error(`evaluate: model '${this.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
    const batchSize = args.batchSize ?? 256;
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`evaluate: batchSize must be a positive integer, got ${args.batchSize}`);
    return this.evaluateSet(await this.hostSet('evaluate', x, y), batchSize);
  }

  private async evaluateSet(set: HostSet, batchSize: number): Promise<Logs> {
    if (!engine.syncReads) return this.evaluateOnDevice(set, batchSize);
    const loss = this.loss!, fused = this.fused;
    const order = Int32Array.from({ length: set.n }, (_, i) => i);
    const batcher = new Batcher(set, batchSize);
    const outSize = sizeOf(this.outputShape);
    const custom = this.metrics.filter((m) => m.fn !== 'accuracy');
    const preds = custom.length ? new Float32Array(set.n * outSize) : null;
    let lossSum = 0, correct = 0;
    for (let from = 0; from < set.n; from += batchSize) {
      const count = Math.min(batchSize, set.n - from);
      engine.tidy(() => {
        const [xb, yb] = batcher.batch(order, from, count);
        const o = this.forward(xb, false, fused);
        lossSum += (fused ? loss.fromLogits!(yb, o) : loss.fn(yb, o)).dataSync()[0] * count;
        const od = o.dataSync();
        correct += countCorrect(od, batcher.yHost(order, from, count), o.shape[o.rank - 1], loss.labels);
        if (preds) {
          // Metrics see probabilities: apply the softmax the fused path skipped.
          preds.set(fused ? softmax(o).dataSync() : od, from * outSize);
        }
      });
    }
    const logs: Logs = { loss: lossSum / set.n };
    for (const m of this.metrics) {
      if (m.fn === 'accuracy') { logs[m.key] = correct / set.n; continue; }
      const fn = m.fn;
      logs[m.key] = engine.tidy(() => {
        const yt = engine.fromValues(set.y, [set.n, ...set.ySample], set.yDtype);
        const r = fn(yt, engine.fromValues(preds!, [set.n, ...this.outputShape], 'float32'));
        return typeof r === 'number' ? r : r.dataSync()[0];
      });
    }
    return logs;
  }

  /**
   * evaluateSet where reads are asynchronous (webgpu): the loss and correct count are summed on the
   * device and read once; the predictions stay there for the other metrics (metrics.compute).
   */
  private async evaluateOnDevice(set: HostSet, batchSize: number): Promise<Logs> {
    const loss = this.loss!, fused = this.fused;
    const order = Int32Array.from({ length: set.n }, (_, i) => i);
    const batcher = new Batcher(set, batchSize);
    const wantAccuracy = this.metrics.some((m) => m.fn === 'accuracy');
    const custom = this.metrics.filter((m) => m.fn !== 'accuracy');
    const sums = new DeviceSums();
    const parts: Tensor[] = [];
    const made: Tensor[] = [];
    try {
      for (let from = 0; from < set.n; from += batchSize) {
        const count = Math.min(batchSize, set.n - from);
        engine.tidy(() => {
          const [xb, yb] = batcher.batch(order, from, count);
          const o = this.forward(xb, false, fused);
          sums.add(fused ? loss.fromLogits!(yb, o) : loss.fn(yb, o), count, wantAccuracy ? correctOnDevice(o, yb, loss.labels) : null);
          // Metrics see probabilities: apply the softmax the fused path skipped.
          if (custom.length) parts.push(engine.keep(fused ? softmax(o) : o));
        });
      }
      const { loss: lossSum, correct } = await sums.read('in evaluation', false);
      const logs: Logs = { loss: lossSum / set.n };
      let yt: Tensor | null = null, preds: Tensor | null = null;
      if (custom.length) {
        made.push(yt = engine.fromValues(set.y, [set.n, ...set.ySample], set.yDtype));
        made.push(preds = parts.length === 1 ? parts[0] : concat(parts, 0));
      }
      for (const m of this.metrics) {
        logs[m.key] = m.fn === 'accuracy' ? correct / set.n : await computeMetric(m.fn, yt!, preds!);
      }
      return logs;
    } finally {
      sums.reset();
      for (const t of [...parts, ...made]) if (!t.isDisposed) t.dispose();
    }
  }

  /** The model's output for x, computed in batches of `batchSize` (default 256), in inference mode. */
  predict(x: Tensor, args: PredictArgs = {}): Tensor {
    this.checkX('predict', x);
    const batchSize = args.batchSize ?? 256;
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`predict: batchSize must be a positive integer, got ${args.batchSize}`);
    if (this.layers.length === 0) throw new Error(`predict: model '${this.name}' has no layers`);
    if (!this.inputShape) this.build(x.shape.slice(1));
    const n = x.shape[0];
    return engine.tidy(() => {
      if (n <= batchSize) return this.forward(x, false, false);
      const parts: Tensor[] = [];
      for (let from = 0; from < n; from += batchSize) {
        const count = Math.min(batchSize, n - from);
        parts.push(this.forward(slice(x, [from, ...x.shape.slice(1).map(() => 0)], [count, ...x.shape.slice(1)]), false, false));
      }
      return concat(parts, 0);
    });
  }

  // ---- weights, summary, save -------------------------------------------------------------

  /** Copies of every weight's values, layer by layer. */
  getWeights(): Tensor[] {
    // webgpu: copies on the device (sharing storage until the next update writes; no readback)
    if (!engine.syncReads) return this.weights.map((w) => engine.view(w, w.shape));
    return this.weights.map((w) => engine.fromValues(w.dataSync(), w.shape, w.dtype));
  }

  /** Replaces every weight's value (same order and shapes as getWeights). */
  setWeights(values: Tensor[]): void {
    const ws = this.weights;
    if (!Array.isArray(values) || values.length !== ws.length) throw new Error(`setWeights: model '${this.name}' has ${ws.length} weights, got ${Array.isArray(values) ? values.length : typeof values}`);
    ws.forEach((w, i) => w.assign(values[i]));
    this.weightsVersion++;
  }

  countParams(): number { return this.layers.reduce((s, l) => s + l.countParams(), 0); }

  /** Prints (and returns) a Keras-style table of layers, output shapes and parameter counts. */
  summary(printFn: (line: string) => void = console.log): string {
    if (!this.inputShape) throw new Error(`summary: model '${this.name}' is not built; give the first layer an inputShape or call fit/predict first`);
    const rows: [string, string, string][] = [];
    let s = this.inputShape;
    for (const l of this.layers) {
      s = l.computeOutputShape(s);
      rows.push([`${l.name} (${l.className})`, fmtShape([null, ...s]), l.countParams().toLocaleString('en-US')]);
    }
    const w = [Math.max(28, ...rows.map((r) => r[0].length + 2)), Math.max(26, ...rows.map((r) => r[1].length + 2)), 10];
    const total = w[0] + w[1] + w[2] + 1;
    const line = (c: string[]) => ` ${c[0].padEnd(w[0])}${c[1].padEnd(w[1])}${c[2]}`;
    const trainable = this.layers.reduce((a, l) => a + l.trainableWeights.reduce((b, v) => b + v.size, 0), 0);
    const all = this.countParams();
    const bytes = (k: number) => { const b = k * 4; return b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(2)} MB` : b >= 1024 ? `${(b / 1024).toFixed(2)} KB` : `${b} B`; };
    const text = [
      `Model: "${this.name}"`,
      '_'.repeat(total),
      line(['Layer (type)', 'Output Shape', 'Param #']),
      '='.repeat(total),
      ...rows.map(line),
      '='.repeat(total),
      `Total params: ${all.toLocaleString('en-US')} (${bytes(all)})`,
      `Trainable params: ${trainable.toLocaleString('en-US')} (${bytes(trainable)})`,
      `Non-trainable params: ${(all - trainable).toLocaleString('en-US')} (${bytes(all - trainable)})`,
      '_'.repeat(total),
    ].join('\n');
    printFn(text);
    return text;
  }

  /** The model as model.json text and safetensors bytes (what save writes). */
  toArtifacts(opts: { includeOptimizer?: boolean; weightsFile?: string } = {}): ModelArtifacts {
    return toArtifacts(this, opts);
  }

  /**
   * Saves topology, training config and weights: a directory path (Node: model.json and
   * weights.safetensors, written atomically), 'indexeddb://name' or 'downloads://name' (browsers).
   */
  async save(url: string, opts: { includeOptimizer?: boolean } = {}): Promise<SaveResult> {
    if (!this.inputShape) throw new Error(`save: model '${this.name}' is not built; give the first layer an inputShape or call fit/predict first`);
    // webgpu: the values are read first (toArtifacts is synchronous)
    const values = engine.syncReads ? undefined : await readArtifactValues(this, opts);
    // NOTE: storage (directories, IndexedDB, downloads) is loaded on first save/load only.
    const { saveArtifacts } = await import('../io/storage.js');
    return saveArtifacts(url, (weightsFile) => toArtifacts(this, { ...opts, weightsFile }, values));
  }

  /** Frees every weight and the optimizer's state. */
  dispose(): void {
    this.hostCache.clear();
    for (const l of this.layers) l.dispose();
    this.optimizer?.dispose();
    this.inputShape = null;
  }

  /** @internal For loadModel. */
  restoreCompile(optimizer: Optimizer, loss: LossSpec, metrics: (string | MetricFn)[]): void {
    this.compile({ optimizer, loss, metrics });
  }
}

/** Builds batches by copying sample rows into reused staging arrays. */
class Batcher {
  private readonly xRow: number;
  private readonly yRow: number;
  private readonly xs: TypedArray;
  private readonly ys: TypedArray;
  constructor(private readonly set: HostSet, batchSize: number) {
    this.xRow = sizeOf(set.xSample);
    this.yRow = sizeOf(set.ySample);
    // NOTE: no batch holds more rows than the set (a batchSize of 1e7 on 100 samples stages 100).
    const rows = Math.min(batchSize, set.n);
    this.xs = set.xDtype === 'int32' ? new Int32Array(rows * this.xRow) : new Float32Array(rows * this.xRow);
    this.ys = set.yDtype === 'int32' ? new Int32Array(rows * this.yRow) : new Float32Array(rows * this.yRow);
  }
  batch(order: Int32Array, from: number, count: number): [Tensor, Tensor] {
    const { set, xRow, yRow, xs } = this;
    for (let k = 0; k < count; k++) {
      const i = order[from + k];
      xs.set(set.x.subarray(i * xRow, (i + 1) * xRow), k * xRow);
    }
    return [
      engine.fromValues(xs.subarray(0, count * xRow), [count, ...set.xSample], set.xDtype),
      engine.fromValues(this.yHost(order, from, count), [count, ...set.ySample], set.yDtype),
    ];
  }
  /** The batch's labels, on the host (a view of the staging array). */
  yHost(order: Int32Array, from: number, count: number): TypedArray {
    const { set, yRow, ys } = this;
    if (yRow === 1) for (let k = 0; k < count; k++) ys[k] = set.y[order[from + k]];
    else for (let k = 0; k < count; k++) { const i = order[from + k]; ys.set(set.y.subarray(i * yRow, (i + 1) * yRow), k * yRow); }
    return ys.subarray(0, count * yRow);
  }
}

function splitSet(s: HostSet, at: number): [HostSet, HostSet] {
  const xr = sizeOf(s.xSample), yr = sizeOf(s.ySample);
  return [
    { ...s, n: at, x: s.x.subarray(0, at * xr), y: s.y.subarray(0, at * yr) },
    { ...s, n: s.n - at, x: s.x.subarray(at * xr), y: s.y.subarray(at * yr) },
  ];
}

/** Correct predictions in a batch: argmax per row vs class ids or one-hot rows; threshold 0.5 for binary. */
function countCorrect(out: TypedArray, y: TypedArray, C: number, labels: Loss['labels']): number {
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

/** countCorrect on the backend: a float32 scalar (exact below 2^24 samples). */
function correctOnDevice(out: Tensor, y: Tensor, labels: Loss['labels']): Tensor {
  const C = out.shape[out.rank - 1];
  if (labels === 'binary' || C === 1) return sum(equal(greater(out, 0.5), greater(reshape(y, [...out.shape]), 0.5)));
  const want = labels === 'sparse' ? reshape(y, out.shape.slice(0, -1)) : argmax(y, -1);
  return sum(equal(argmax(out, -1), want));
}

/**
 * An epoch's (or evaluation's) loss x samples and correct count, summed on the backend: fit and
 * evaluate use it where reads are asynchronous (webgpu), so a step reads nothing back.
 */
class DeviceSums {
  private loss: Tensor | null = null;
  private correct: Tensor | null = null;

  /** Adds a batch's mean loss (x count) and correct count (call inside tidy). */
  add(loss: Tensor, count: number, correct: Tensor | null): void {
    const l = this.loss, c = this.correct;
    this.loss = engine.keep(l ? add(l, mul(loss, count)) : mul(loss, count));
    if (correct) this.correct = engine.keep(c ? add(c, correct) : correct);
    l?.dispose();
    if (correct) c?.dispose();
  }

  /** The sums so far; a non-finite loss ends training with fit's error (`where` says when). */
  async read(where: string, fitting = true): Promise<{ loss: number; correct: number }> {
    const [l, c] = await Promise.all([this.loss!.data(), this.correct?.data()]);
    const loss = l[0];
    if (fitting && !Number.isFinite(loss)) {
      this.reset();
      throw new Error(`fit: the loss became ${loss} ${where}; lower the learning rate or check the data`);
    }
    return { loss, correct: c ? c[0] : 0 };
  }

  reset(): void {
    this.loss?.dispose();
    this.correct?.dispose();
    this.loss = this.correct = null;
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => {
  if (typeof setImmediate === 'function') setImmediate(resolve);
  else setTimeout(resolve, 0);
});

/** A sequential model from a list of layers (more can be added with model.add). */
export function sequential(layers: Layer[] = [], opts: { name?: string } = {}): Sequential {
  return new Sequential(layers, opts);
}

setWeightCopies({
  // views: they share the weights' storage until the next update copies on write
  copy: (weights) => weights.map((w) => engine.keep(engine.view(w, w.shape))),
  restore: (weights, copies) => weights.forEach((w, i) => w.assign(copies[i])),
});
