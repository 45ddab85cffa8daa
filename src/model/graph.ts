// Graph models (eg.model): layers applied to symbolic tensors from eg.input, kept as a node list in
// topological order and run as a plan of slots; compile/fit/evaluate/predict/summary/save for them
// and for Sequential (a chain built on this graph). A model is a layer: applied inside another
// model it is one node, and its weights are the outer model's too.
import { engine } from '../engine.js';
import type { DType } from '../kernels.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { Tensor, Variable } from '../tensor.js';
import { InputLayer } from '../layers/input.js';
import { type CallOptions, type KVCache, Layer, type LayerConfig, type Node, type Shape, SymbolicTensor, fmtShape, sameShape } from '../layers/layer.js';
import { setWeightCopies } from './callbacks.js';
import type { Logs } from './callbacks.js';
import type { LossSpec } from './losses.js';
import type { ModelArtifacts } from './artifacts.js';
import { topology } from './topology.js';
import type { SaveResult } from '../io/storage.js';
import * as training from './training.js';
import { type CompiledStepInfo, compiledSteps, dropPlans } from './compiled.js';
import type { FitDatasetArgs, FitDatasetSource } from './fit-dataset.js';
import type { CompileArgs, Compiled, Data, EvaluateArgs, FitArgs, History, HostSet, MetricFn, PredictArgs, TrainingConfig } from './training.js';

export interface ModelArgs {
  inputs: SymbolicTensor | SymbolicTensor[];
  outputs: SymbolicTensor | SymbolicTensor[];
  name?: string;
}

/**
 * One layer call of the plan: input slots, output slot, whether it may run as logits, and for
 * inference: `fuse`, the index of the one step that reads this one's output alone (-1: none), which
 * the two run as one where this layer says so when the forward runs (Layer.fusesWith, callFused), and
 * `fused`, this step is such a reader.
 */
interface Step { layer: Layer; ins: number[]; out: number; logits: boolean; fuse: number; fused: boolean }

let modelCount = 0;

/**
 * A model: a graph of layers from inputs to outputs. `Out` is what predict returns: one Tensor,
 * or a list when the model was made with a list of outputs. A model with one output is a layer:
 * `model.apply(x)` on symbolic tensors nests it in another model (its weights shared), on real
 * tensors runs it.
 */
export class Model<Out extends Tensor | Tensor[] = Tensor> extends Layer {
  readonly className: string = 'Model';
  /** The model's layers in topological order (input layers included). */
  readonly layers: Layer[] = [];
  /** Set by a callback (e.g. earlyStopping) to end fit after the current epoch. */
  stopTraining = false;
  /** Counts changes to the weights (training steps, setWeights), so copies elsewhere can tell they are stale. */
  weightsVersion = 0;
  optimizer: Optimizer | null = null;
  /** @internal compile's result. */
  compiled: Compiled | null = null;
  /** @internal The last checked data sets (see training.hostSet). */
  readonly hostCache = new Map<string, { xs: Tensor[]; ys: Tensor[]; set: HostSet }>();
  inputs: SymbolicTensor[] = [];
  outputs: SymbolicTensor[] = [];
  /** The graph's nodes in topological order (input nodes first). */
  nodes: Node[] = [];
  private steps: Step[] = [];
  private outSlots: number[] = [];
  private slots = 0;
  /** Per output: it is made by a softmax layer and read by nothing else, so a loss may fuse it. */
  private softmaxOut: boolean[] = [];
  /** The outputs were given as a list: predict returns a list. */
  private listOutputs = false;
  private fuseLayers = true;

  constructor(args: ModelArgs | null, opts: { name?: string; prefix?: string } = {}) {
    super({}, opts.prefix ?? 'model');
    // NOTE: a model's name is free text (a layer's is checked), numbered across model kinds.
    (this as { name: string }).name = args?.name ?? opts.name ?? `${opts.prefix ?? 'model'}_${++modelCount}`;
    if (args === null) return;
    if (!args || typeof args !== 'object') throw new Error('model: expects { inputs, outputs }, e.g. eg.model({ inputs: eg.input({ shape: [4] }), outputs: y })');
    this.setGraph(args.inputs, args.outputs);
  }

  /** Makes the node list (checked: inputs from eg.input, connected, acyclic, unique names) and the plan. */
  protected setGraph(inputsArg: SymbolicTensor | SymbolicTensor[], outputsArg: SymbolicTensor | SymbolicTensor[]): void {
    const where = `model '${this.name}'`;
    const inputs = Array.isArray(inputsArg) ? inputsArg : [inputsArg];
    const outputs = Array.isArray(outputsArg) ? outputsArg : [outputsArg];
    if (inputs.length === 0 || outputs.length === 0) throw new Error(`${where}: needs at least one input and one output`);
    inputs.forEach((t, i) => {
      if (!(t instanceof SymbolicTensor) || !(t.node.layer instanceof InputLayer)) {
        throw new Error(`${where}: inputs[${i}] must be made by eg.input(), got ${t instanceof SymbolicTensor ? `'${t.name}' (${t.node.layer.className})` : typeof t}`);
      }
      if (inputs.indexOf(t) !== i) throw new Error(`${where}: input '${t.name}' is listed twice`);
    });
    outputs.forEach((t, i) => {
      if (!(t instanceof SymbolicTensor)) throw new Error(`${where}: outputs[${i}] must be a symbolic tensor (a layer's apply on eg.input's), got ${t === null ? 'null' : typeof t}`);
    });
    // Depth-first from the outputs: post-order is a topological order; a node met while on the
    // path to itself is a cycle; an input node not among `inputs` means a disconnected output.
    const order: Node[] = [];
    const state = new Map<Node, 1 | 2>();
    const visit = (n: Node, path: Node[], from: SymbolicTensor): void => {
      const s = state.get(n);
      if (s === 2) return;
      if (s === 1) throw new Error(`${where}: the graph has a cycle: ${[...path.slice(path.indexOf(n)), n].map((p) => p.layer.name).join(' -> ')}`);
      if (n.layer instanceof InputLayer && !inputs.includes(n.outputs[0])) {
        throw new Error(`${where}: output '${from.name}' depends on input '${n.layer.name}', which is not among the model's inputs (${inputs.map((t) => t.name).join(', ')}); pass it in inputs`);
      }
      state.set(n, 1);
      path.push(n);
      for (const t of n.inputs) visit(t.node, path, from);
      path.pop();
      state.set(n, 2);
      order.push(n);
    };
    for (const o of outputs) visit(o.node, [], o);
    for (const t of inputs) if (!state.has(t.node)) throw new Error(`${where}: input '${t.name}' is not connected to any output`);
    // Input nodes first, in the order given; then the rest in topological order.
    const nodes = [...inputs.map((t) => t.node), ...order.filter((n) => !(n.layer instanceof InputLayer))];
    const layers: Layer[] = [];
    const byName = new Map<string, Layer>();
    for (const n of nodes) {
      const other = byName.get(n.layer.name);
      if (other && other !== n.layer) throw new Error(`${where}: two layers are named '${n.layer.name}' (${other.className} and ${n.layer.className}); layer names must be unique`);
      if (!other) { byName.set(n.layer.name, n.layer); layers.push(n.layer); }
    }
    // The plan: every symbolic tensor gets a slot, inputs first.
    const slot = new Map<SymbolicTensor, number>();
    inputs.forEach((t, i) => slot.set(t, i));
    let next = inputs.length;
    const consumers = new Map<SymbolicTensor, number>();
    const steps: Step[] = [];
    for (const n of nodes) {
      if (n.layer instanceof InputLayer) continue;
      for (const t of n.inputs) consumers.set(t, (consumers.get(t) ?? 0) + 1);
      for (const t of n.outputs) slot.set(t, next++);
      steps.push({ layer: n.layer, ins: n.inputs.map((t) => slot.get(t)!), out: slot.get(n.outputs[0])!, logits: false, fuse: -1, fused: false });
    }
    // Inference fusions: a step whose output one later step reads alone, and nothing else (no other
    // step, not a model output), may run with it as one (forward asks Layer.fusesWith each time, so
    // a layer whose call was replaced, as quantize's calibration does, runs alone).
    const outSet = new Set(outputs.map((t) => slot.get(t)!));
    for (const s of steps) {
      if (!s.layer.fusesWith || outSet.has(s.out)) continue;
      const readers = steps.filter((t) => t.ins.includes(s.out));
      if (readers.length !== 1 || readers[0].ins.length !== 1 || readers[0].fused) continue;
      s.fuse = steps.indexOf(readers[0]);
      readers[0].fused = true;
    }
    this.inputs = inputs;
    this.outputs = outputs;
    this.listOutputs = Array.isArray(outputsArg);
    this.nodes = nodes;
    this.layers.length = 0;
    this.layers.push(...layers);
    this.steps = steps;
    this.slots = next;
    this.outSlots = outputs.map((t) => slot.get(t)!);
    this.inputShape = inputs.length === 1 ? inputs[0].sampleShape : null;
    (this as { inputDtype: DType }).inputDtype = inputs[0].dtype;
    this.softmaxOut = outputs.map((t) => {
      const l = t.node.layer as Layer & { activation?: string };
      return typeof l.callLogits === 'function' && !(consumers.get(t)! > 0) && outputs.indexOf(t) === outputs.lastIndexOf(t) && !inputs.includes(t);
    });
    if (this.compiled) this.compiled.fused = this.compiled.losses.map((l, o) => !!l.fromLogits && this.canFuseSoftmax(o));
    this.markLogits();
    this.hostCache.clear();
  }

  // ---- structure -------------------------------------------------------------------------------

  override get built(): boolean { return this.inputs.length > 0; }
  // NOTE: a graph is built when made; Layer's dispose writes this.
  override set built(_v: boolean) {}
  /** Input names (their layers'), in order. */
  get inputNames(): string[] { return this.inputs.map((t) => t.name); }
  /** Output names (their layers'), in order: the keys of per-output losses, metrics and logs. */
  get outputNames(): string[] { return this.outputs.map((t) => t.name); }
  /** @internal Per input: per-sample shape and dtype (null until a sequential is built). */
  get inputSpecs(): { name: string; shape: Shape; dtype: DType }[] | null {
    return this.built ? this.inputs.map((t) => ({ name: t.name, shape: t.sampleShape, dtype: t.dtype })) : null;
  }
  /** @internal Per output: per-sample shape. */
  get outputSpecs(): { name: string; shape: Shape }[] { return this.outputs.map((t) => ({ name: t.name, shape: t.sampleShape })); }
  /** @internal Every layer, sublayers excluded (they are their owner's business). */
  get allLayers(): Layer[] { return this.layers; }
  /** The layer named `name`. */
  getLayer(name: string): Layer {
    const l = this.layers.find((x) => x.name === name);
    if (!l) throw new Error(`getLayer: model '${this.name}' has no layer '${name}' (it has ${this.layers.map((x) => x.name).join(', ')})`);
    return l;
  }

  /** Every weight, layer by layer (once each: a layer may also sit in a nested model). */
  override get weights(): Variable[] { return [...new Set(super.weights)]; }
  override get trainableWeights(): Variable[] { return [...new Set(super.trainableWeights)]; }
  protected override children(): readonly Layer[] { return this.layers; }

  // ---- as a layer -------------------------------------------------------------------------------

  /** Checks inputs of per-sample `shape` (a list for several inputs); the output's per-sample shape. */
  computeOutputShape(shape: Shape | Shape[]): Shape {
    if (!this.built) this.build(shape as Shape);
    const where = `${this.className} '${this.name}'`;
    if (this.outputs.length > 1) throw new Error(`${where}: has ${this.outputs.length} outputs; a model used as a layer must have one`);
    const got = (Array.isArray(shape[0]) ? shape : [shape]) as Shape[];
    const want = this.inputs.map((t) => t.sampleShape);
    const fmt = (l: Shape[]) => l.map((s) => fmtShape([null, ...s])).join(', ');
    if (got.length !== want.length || got.some((s, i) => !sameShape(s, want[i]))) throw new Error(`${where}: expects inputs ${fmt(want)}, got ${fmt(got)}`);
    return this.outputs[0].sampleShape;
  }

  /** A graph is built when made (a sequential overrides this). */
  override build(_shape: Shape | Shape[]): void {}

  /** Runs the model as a layer (inside another model's plan, or on real tensors). */
  call(x: Tensor | Tensor[], opts: CallOptions): Tensor {
    // NOTE: tidy frees the intermediate tensors of a call on real tensors outside a model.
    return engine.tidy(() => this.forward(Array.isArray(x) ? x : [x], !!opts.training, false, opts.updates, opts.cache)[0]);
  }

  protected override inputDtypeAt(i: number): DType { return this.inputs[i]?.dtype ?? this.inputDtype; }
  protected override get outputDtype(): DType { return this.outputs[0]?.dtype ?? 'float32'; }

  /** The graph (as model.json stores it), so a model nested in another saves and loads with it. */
  override getConfig(): LayerConfig {
    return { ...topology(this).config, trainable: this.trainable };
  }

  /** @internal Builds the model for these inputs where it is not built yet (a sequential without inputShape). */
  buildFor(_xs: Tensor[]): void {}
  /** @internal Throws when the model has nothing to run. */
  checkNotEmpty(_op: string): void {}
  /** @internal Whether output o's loss may run on the logits of the softmax layer that makes it. */
  canFuseSoftmax(o: number): boolean { return this.softmaxOut[o] ?? false; }

  /**
   * @internal The forward pass over the plan. `logits`: outputs whose loss is fused (compile)
   * come out before their softmax. `updates` collects state updates of training-mode calls.
   */
  forward(xs: Tensor[], training: boolean, logits: boolean, updates?: [Variable, Tensor][], cache?: KVCache): Tensor[] {
    const v: Tensor[] = new Array(this.slots);
    for (let i = 0; i < xs.length; i++) v[i] = xs[i];
    const opts: CallOptions = cache ? { training, updates, cache } : { training, updates };
    const fused = logits ? this.compiled?.fused : undefined;
    const fuse = !training && this.fuseInference;
    for (const s of this.steps) {
      if (fuse && s.fused && v[s.out] !== undefined) continue; // run by the step it reads, fused
      const x = s.ins.length === 1 ? v[s.ins[0]] : s.ins.map((i) => v[i]);
      if (fuse && s.fuse >= 0 && s.layer.fusesWith!(this.steps[s.fuse].layer)) {
        const t = this.steps[s.fuse];
        v[t.out] = s.layer.callFused!(x as Tensor, t.layer);
        continue;
      }
      v[s.out] = fused && s.logits ? s.layer.callLogits!(x as Tensor, opts) : s.layer.call(x, opts);
    }
    return this.outSlots.map((i) => v[i]);
  }

  /**
   * @internal Whether inference (predict, evaluate, calls outside training) runs fusable layer pairs
   * as one (a conv2d read by a max pool alone: Layer.callFused); false runs every layer alone (tests,
   * benches). Setting it drops the traced steps.
   */
  get fuseInference(): boolean { return this.fuseLayers; }
  set fuseInference(on: boolean) {
    this.fuseLayers = on;
    dropPlans(this);
  }

  /** @internal Marks the steps making fused outputs (after compile or a rebuild). */
  protected markLogits(): void {
    const fused = this.compiled?.fused ?? [];
    for (const s of this.steps) s.logits = this.outSlots.some((slot, o) => slot === s.out && fused[o]);
  }

  // ---- training -------------------------------------------------------------------------------

  compile(args: CompileArgs): void {
    training.compileModel(this, args);
    this.markLogits();
  }

  /** The training config saved with the model: loss and metric names and the optimizer's config. */
  get trainingConfig(): TrainingConfig | null { return training.trainingConfig(this); }

  /** Trains for `epochs` over (x, y); resolves to the per-epoch history. */
  fit(x: Data, y: Data, args: FitArgs = {}): Promise<History> { return training.fit(this, x, y, args); }

  /**
   * One optimiser step on (x, y) as a single batch; resolves to the loss, or [loss, accuracy...]
   * when compile asked for accuracy. `sampleWeight` / `classWeight` weigh the samples as in fit;
   * `compile: false` runs the step eagerly (by default it is traced once per batch size and replayed).
   */
  trainOnBatch(x: Data, y: Data, args: training.TrainOnBatchArgs = {}): Promise<number | number[]> { return training.trainOnBatch(this, x, y, args); }

  /** The model's output for x in one forward pass (no batching), in inference mode. */
  predictOnBatch(x: Data): Out {
    const outs = training.predictOnBatch(this, x);
    return (this.listOutputs ? outs : outs[0]) as Out;
  }

  /**
   * Trains on a dataset (eg.data) of { xs, ys } (or [xs, ys]) batches, streamed: each batch is read
   * when its step runs. Logs, callbacks, validation and progress as fit.
   */
  async fitDataset(dataset: FitDatasetSource, args: FitDatasetArgs = {}): Promise<History> {
    return (await import('./fit-dataset.js')).fitDataset(this, dataset, args);
  }

  /** Loss and metrics over (x, y), in batches, in inference mode. */
  async evaluate(x: Data, y: Data, args: EvaluateArgs = {}): Promise<Logs> { return (await import('./evaluate.js')).evaluate(this, x, y, args); }

  /** The model's output for x (a list for several outputs), in batches of `batchSize` (default 256), in inference mode. */
  predict(x: Data, args: PredictArgs = {}): Out {
    const outs = training.predict(this, x, args);
    return (this.listOutputs ? outs : outs[0]) as Out;
  }

  /**
   * The traced steps of fit, evaluate and predict (one per batch shape): whether each replays, or
   * why it runs eagerly, its replays so far and its buffers' bytes.
   */
  compiledSteps(): CompiledStepInfo[] { return compiledSteps(this); }

  /** @internal For the pool: checks x as predict does, building an unbuilt model from x's shape. */
  checkInput(op: string, x: unknown): Tensor {
    return training.checkXs(this, op, training.toList(this, op, 'x', x, 'inputs'))[0];
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

  /** The rows of summary: layer, output shape, parameters, and (graph models) the inputs it reads. */
  protected summaryRows(): string[][] {
    const seen = new Set<Layer>();
    return this.nodes.map((n) => [
      `${n.layer.name} (${n.layer.className})`, n.outputs.map((t) => fmtShape(t.shape)).join(', '),
      // a layer applied more than once counts its weights once
      (seen.has(n.layer) ? 0 : (seen.add(n.layer), n.layer.countParams())).toLocaleString('en-US'),
      n.inputs.map((t) => t.name).join(', '),
    ]);
  }

  /** Prints (and returns) a Keras-style table of layers, output shapes, parameter counts (and connections). */
  summary(printFn: (line: string) => void = console.log): string {
    if (!this.built) throw new Error(`summary: model '${this.name}' is not built; give the first layer an inputShape or call fit/predict first`);
    const rows = this.summaryRows();
    const head = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'].slice(0, rows[0]?.length ?? 3);
    const w = [Math.max(28, ...rows.map((r) => r[0].length + 2)), Math.max(26, ...rows.map((r) => r[1].length + 2)), Math.max(10, ...rows.map((r) => r[2].length + 2)), 0].slice(0, head.length);
    const total = w.reduce((a, b) => a + b, 0) + (head.length > 3 ? Math.max(12, ...rows.map((r) => r[3].length)) : 0) + 1;
    const line = (c: string[]) => ` ${c.map((x, i) => (i < c.length - 1 ? x.padEnd(w[i]) : x)).join('')}`;
    const trainable = this.trainableWeights.reduce((b, v) => b + v.size, 0);
    const all = this.countParams();
    const bytes = (k: number) => { const b = k * 4; return b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(2)} MB` : b >= 1024 ? `${(b / 1024).toFixed(2)} KB` : `${b} B`; };
    const text = [
      `Model: "${this.name}"`,
      '_'.repeat(total),
      line(head),
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

  /**
   * The model as model.json text and safetensors bytes (what save writes). Asynchronous: the file
   * format (model/artifacts.ts, the safetensors encoder) loads on first use, and webgpu reads first.
   */
  async toArtifacts(opts: { includeOptimizer?: boolean; weightsFile?: string; dtype?: 'float32' | 'float16' } = {}): Promise<ModelArtifacts> {
    const { readArtifactValues, toArtifacts } = await import('./artifacts.js');
    const values = engine.syncReads ? undefined : await readArtifactValues(this, opts);
    return toArtifacts(this, opts, values);
  }

  /**
   * Saves topology, training config and weights: a directory path (Node: model.json and
   * weights.safetensors, written atomically), 'indexeddb://name' or 'downloads://name' (browsers).
   * `dtype: 'float16'` writes the float32 weights as F16 (half the bytes; loading widens them).
   */
  async save(url: string, opts: { includeOptimizer?: boolean; dtype?: 'float32' | 'float16' } = {}): Promise<SaveResult> {
    if (!this.built) throw new Error(`save: model '${this.name}' is not built; give the first layer an inputShape or call fit/predict first`);
    // NOTE: the file format and storage (directories, IndexedDB, downloads) load on first save/load only.
    const { readArtifactValues, toArtifacts, checkWeightsDtype } = await import('./artifacts.js');
    checkWeightsDtype(opts.dtype);
    // webgpu: the values are read first (artifacts.ts's toArtifacts is synchronous)
    const values = engine.syncReads ? undefined : await readArtifactValues(this, opts);
    const { saveArtifacts } = await import('../io/storage.js');
    return saveArtifacts(url, (weightsFile) => toArtifacts(this, { ...opts, weightsFile }, values));
  }

  /** Frees every weight and the optimizer's state. */
  override dispose(): void {
    this.hostCache.clear();
    dropPlans(this);
    for (const l of this.layers) l.dispose();
    this.optimizer?.dispose();
  }

  /** @internal For loadModel. */
  restoreCompile(optimizer: Optimizer, loss: LossSpec | LossSpec[], metrics: (string | MetricFn)[] | Record<string, string[]>, lossWeights?: number[]): void {
    this.compile({ optimizer, loss, metrics, lossWeights });
  }
}

/** A graph model from symbolic inputs (eg.input) to outputs (layers applied to them). */
export function model<O extends SymbolicTensor | SymbolicTensor[]>(args: ModelArgs & { outputs: O }): Model<O extends SymbolicTensor[] ? Tensor[] : Tensor> {
  return new Model(args);
}

setWeightCopies({
  // views: they share the weights' storage until the next update copies on write
  copy: (weights) => weights.map((w) => engine.keep(engine.view(w, w.shape))),
  restore: (weights, copies) => weights.forEach((w, i) => w.assign(copies[i])),
});
