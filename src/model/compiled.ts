// Compiled steps (issue 16): fit's training step, evaluate's and predict's batches traced once per
// input shape (trace.ts) and replayed without tape, tidy or per-op JavaScript. A step the trace
// cannot replay faithfully (a host read inside it, a fresh random seed per step) runs eagerly, with
// the reason kept (model.compiledSteps()). The plans are cached on the model, keyed by the batch
// shape, and dropped on recompile, a new optimizer, a change of trainable weights and dispose.
import { engine } from '../engine.js';
import { Recorder, type Plan, type TraceFailure } from '../trace.js';
import type { Tensor, Variable } from '../tensor.js';
import type { TypedArray } from '../dtypes.js';
import type { Layer } from '../layers/layer.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { DeviceSums } from './evaluate.js';
import { softmax } from '../ops/nn.js';
import { valueAndGrads } from '../autograd/index.js';
import { type Batcher, type Compiled, type Model, type StepResult, batchLoss, countCorrect, readStep } from './training.js';

/** What model.compiledSteps() reports of one traced step. */
export interface CompiledStepInfo {
  /** The step and its batch shape, e.g. 'train:64'. */
  key: string;
  /** True while later steps replay the trace; false when they run eagerly (see reason). */
  replaying: boolean;
  /** Why the step runs eagerly (a host read in the step, ...). */
  reason?: string;
  /** Steps replayed so far. */
  replays: number;
  /** Bytes of the plan's own buffers (also in eg.memory().bytes). */
  bytes: number;
}

interface Entry {
  plan: Plan | null; failure: TraceFailure | null; transient: number; outs: number[]; replays: number;
  /** The model's weightsVersion when the plan was traced (inference plans that read a layer's caches). */
  version?: number;
  /** predict: the input shapes the entry is for. */
  shapes?: string;
}
interface Cache { compiled: Compiled | null; optimizer: Optimizer | null; vars: Variable[]; entries: Map<string, Entry> }

const caches = new WeakMap<Model, Cache>();
// NOTE: the safety net for a model dropped without dispose(): its plans' buffers are freed when it is collected.
const collected = new FinalizationRegistry<Cache>((c) => { for (const e of c.entries.values()) e.plan?.dispose(); });
/** Transient failures (state made by a first step) after which a step is left eager. */
const MAX_RETRACES = 3;

/** Frees the model's plans (recompile, dispose). */
export function dropPlans(m: Model): void {
  const c = caches.get(m);
  if (!c) return;
  for (const e of c.entries.values()) e.plan?.dispose();
  caches.delete(m);
  collected.unregister(c);
}

export function compiledSteps(m: Model): CompiledStepInfo[] {
  const c = caches.get(m);
  if (!c) return [];
  return [...c.entries].map(([key, e]) => {
    const info: CompiledStepInfo = { key, replaying: e.plan !== null, replays: e.replays, bytes: e.plan?.bytes ?? 0 };
    if (e.failure) info.reason = e.failure.reason;
    return info;
  });
}

/**
 * Whether steps on the active backend can be compiled: a backend, and no trace under way. Where
 * reads are asynchronous (webgpu) the step's terms of the device sums (DeviceSums.term and
 * correctTerm) are outputs of the plan, added to the sums after each step (DeviceSums.addPlanned).
 */
export function canCompile(): boolean { return engine.backend !== null && engine.recorder === null; }

function cacheFor(m: Model, vars: Variable[]): Cache {
  let c = caches.get(m);
  if (c && (c.compiled !== m.compiled || c.optimizer !== m.optimizer || c.vars.length !== vars.length || c.vars.some((v, i) => v !== vars[i]))) {
    dropPlans(m);
    c = undefined;
  }
  if (!c) {
    c = { compiled: m.compiled, optimizer: m.optimizer, vars: [...vars], entries: new Map() };
    caches.set(m, c);
    collected.register(m, c, c);
  }
  return c;
}

/**
 * Steps kept per model: beyond it the oldest entry goes, its plan freed (trainOnBatch, fitDataset
 * and predict trace one step per batch size they meet, and a caller may give many sizes).
 */
const MAX_ENTRIES = 16;

function entryFor(c: Cache, key: string): Entry {
  let e = c.entries.get(key);
  if (!e) {
    if (c.entries.size >= MAX_ENTRIES) {
      const [k, old] = c.entries.entries().next().value!;
      old.plan?.dispose();
      c.entries.delete(k);
    }
    e = { plan: null, failure: null, transient: 0, outs: [], replays: 0 };
    c.entries.set(key, e);
  }
  return e;
}

/**
 * Traces `body` (run eagerly inside a tidy, its result real); the plan is kept in `e` when the step
 * can be replayed. `body` gets the recorder to mark the batch inputs and outputs, and sets
 * rec.phase = 'after' before it reads outputs.
 */
function trace<T>(e: Entry, body: (rec: Recorder) => T): T {
  const rec = new Recorder(engine.backend!);
  engine.recorder = rec;
  let r: T;
  try {
    r = engine.tidy(() => body(rec));
  } catch (err) {
    engine.recorder = null;
    rec.discard(engine);
    throw err;
  }
  engine.recorder = null;
  const plan = rec.finish(engine);
  if (!plan) rec.discard(engine);
  if (plan) {
    e.plan = plan;
    e.failure = null;
    e.transient = 0;
  } else {
    e.failure = rec.failure;
    if (!rec.failure!.permanent && ++e.transient >= MAX_RETRACES) e.failure = { reason: `${rec.failure!.reason}; still so after ${MAX_RETRACES} traces`, permanent: true };
  }
  return r;
}

/** A replayable plan for `e`, or null (then trace or run eagerly). */
function ready(e: Entry, version?: number): Plan | null {
  const p = e.plan;
  if (p === null) return null;
  // NOTE: an inference plan that read tensors a layer made from the weights before the trace (an
  // imported graph's prepared weights) is stale once the weights change: the layer remakes them
  // only when its own code runs, so trace again.
  if (p.valid() && !(version !== undefined && p.readsOutside && e.version !== version)) return p;
  // NOTE: weights replaced (setWeights, loadWeights) or shared since the trace: trace again.
  p.dispose();
  e.plan = null;
  return null;
}

/**
 * Replays `plan` on samples order[from .. from+count): the batch is gathered straight into the
 * plan's input buffers where the backend lets the host write them in place (wasm: one copy, no
 * staging), else staged and written by the replay. The host checks read those values first and
 * throw before any kernel runs.
 */
function replayBatch(plan: Plan, batcher: Batcher, order: Int32Array, from: number, count: number): void {
  const views = plan.inputViews();
  if (views !== null) {
    batcher.gatherInto(order, from, count, views);
    plan.check(views);
    plan.replay(views, undefined, true);
    return;
  }
  const rows = batcher.rows(order, from, count);
  plan.check(rows);
  plan.replay(rows);
}

// ---- fit ------------------------------------------------------------------------------------

/** Per batcher (one fit): the fixed tail of its plan keys, and its last key (built once, not per step). */
const trainTags = new WeakMap<Batcher, { tail: string; count: number; sums: boolean; key: string }>();

const NO_RESULT: StepResult = { loss: NaN, parts: [], correct: [] };

/**
 * Adds a step's sum terms to `sums` (fit on webgpu): terms[j] (a plan output index, or -1) to sum j.
 */
function addTerms(sums: DeviceSums, plan: Plan, terms: number[]): void {
  for (let j = 0; j < terms.length; j++) if (terms[j] >= 0) sums.addPlanned(j, plan.outputInfo(terms[j]));
}

/**
 * fit's step on samples order[from .. from+count), compiled: replayed when a plan for this batch
 * size is ready, else traced (the step runs eagerly as it is recorded), or run by `eager` when the
 * step cannot be replayed. With `sums` (webgpu) the step reads nothing: its loss, parts and
 * correct counts go to the device sums as trainStep's do, and it returns no result.
 */
export function compiledTrainStep(m: Model, c: Compiled, batcher: Batcher, vars: Variable[], order: Int32Array, from: number, count: number,
  acc: boolean[], regs: readonly Layer[], stateful: boolean, eager: () => StepResult, sums: DeviceSums | null = null): StepResult {
  const cache = cacheFor(m, vars);
  // NOTE: one entry per batch size; the rest of the key is fixed for a fit and built once per batcher.
  let tag = trainTags.get(batcher);
  if (tag === undefined) {
    const tail = `${batcher.slots}:${acc.map(Number).join('')}:${c.fused.map(Number).join('')}:${regs.length}:${stateful}`;
    tag = { tail, count: -1, sums: false, key: '' };
    trainTags.set(batcher, tag);
  }
  if (tag.count !== count || tag.sums !== (sums !== null)) {
    tag.count = count;
    tag.sums = sums !== null;
    tag.key = `train:${count}:${tag.tail}${sums ? ':sums' : ''}`;
  }
  const e = entryFor(cache, tag.key);
  const nOut = c.losses.length;
  const plan = ready(e);
  if (plan !== null) {
    replayBatch(plan, batcher, order, from, count);
    e.replays++;
    m.weightsVersion++;
    if (sums) { addTerms(sums, plan, e.outs); return NO_RESULT; }
    const lossValue = plan.read(e.outs[0])[0];
    if (!Number.isFinite(lossValue)) throw new Error(`fit: the loss became ${lossValue} at a batch; lower the learning rate or check the data`);
    const parts: number[] = [], correct: number[] = [];
    for (let o = 0; o < nOut; o++) {
      if (nOut > 1) parts.push(plan.read(e.outs[1 + o])[0]);
      const oi = e.outs[1 + nOut + o];
      if (acc[o] && oi >= 0) {
        const shape = plan.outputInfo(oi).shape;
        correct.push(countCorrect(plan.read(oi), batcher.yHost(o, order, from, count), shape[shape.length - 1], c.losses[o].labels));
      } else correct.push(0);
    }
    return { loss: lossValue, parts, correct };
  }
  if (e.failure?.permanent || !m.optimizer) return eager();
  return trace(e, (rec) => {
    const ins = batcher.batch(order, from, count);
    const [xb, yb, sw] = ins;
    [...xb, ...yb, ...(sw ? [sw] : [])].forEach((t, i) => rec.input(t, i));
    const outs: (Tensor | null)[] | null = acc.some(Boolean) ? new Array(nOut).fill(null) : null;
    const parts: Tensor[] | null = nOut > 1 ? [] : null;
    const updates: [Variable, Tensor][] | undefined = stateful ? [] : undefined;
    const drop = (): void => {
      if (outs) for (const t of outs) t?.dispose();
      if (parts) for (const t of parts) t.dispose();
    };
    let value: Tensor;
    try {
      let grads: Tensor[];
      ({ value, grads } = valueAndGrads(() => batchLoss(m, c, xb, yb, updates, regs, outs, parts, false, sw), vars));
      m.optimizer!.apply(vars, grads);
      // NOTE: copied into the variables' own buffers (a replay needs them to keep their storage).
      if (updates) for (const [v, t] of updates) engine.copyInto(v, t);
      m.weightsVersion++;
    } catch (err) {
      drop();
      throw err;
    } finally {
      if (updates) for (const [, t] of updates) t.dispose();
    }
    if (sums) {
      // NOTE: the terms trainStep adds to the sums, computed in the step (same kernels, same order).
      // NOTE: the class through the instance: evaluate.js is loaded lazily (training imports it on webgpu).
      const S = sums.constructor as typeof DeviceSums;
      const terms: (Tensor | null)[] = [S.term(value, count)];
      for (let o = 0; o < nOut; o++) terms.push(parts ? S.term(parts[o], count) : null);
      for (let o = 0; o < nOut; o++) terms.push(acc[o] && outs ? S.correctTerm(outs[o]!, yb[o], c.losses[o].labels) : null);
      e.outs = terms.map((t) => (t ? rec.output(t) : -1));
      rec.phase = 'after';
      terms.forEach((t, j) => { if (t) sums.addPlanned(j, { shape: t.shape, dtype: t.dtype, buf: t.storage!.buf }); });
      drop();
      return NO_RESULT;
    }
    e.outs = [rec.output(value)];
    for (let o = 0; o < nOut; o++) e.outs.push(parts ? rec.output(parts[o]) : -1);
    for (let o = 0; o < nOut; o++) e.outs.push(acc[o] && outs?.[o] ? rec.output(outs[o]!) : -1);
    rec.phase = 'after';
    return readStep(c, batcher, order, from, count, acc, value, outs, parts, drop);
  });
}

// ---- evaluate -------------------------------------------------------------------------------

/** Per batch of evaluate: each output's loss, correct count and (custom metrics) probabilities on the host. */
export interface EvalBatch { loss: number[]; correct: number[]; probs: (TypedArray | null)[] }
const NO_EVAL: EvalBatch = { loss: [], correct: [], probs: [] };

/** Where evaluate keeps its sums on the device (webgpu): the sums, and each output's kept probabilities. */
export interface DeviceEval { sums: DeviceSums; preds: Tensor[][] }

/**
 * One batch of evaluate on the host path (synchronous reads), compiled as fit's step: forward in
 * inference mode, the losses, and the outputs the metrics need.
 */
export function compiledEvalBatch(m: Model, batcher: Batcher, order: Int32Array, from: number, count: number,
  wantAcc: boolean[], custom: boolean[], eager: () => EvalBatch, dev: DeviceEval | null = null): EvalBatch {
  const c = m.compiled!;
  const cache = cacheFor(m, m.trainableWeights);
  const key = `evaluate:${count}:${wantAcc.map(Number).join('')}:${custom.map(Number).join('')}:${c.fused.map(Number).join('')}${dev ? ':sums' : ''}`;
  const e = entryFor(cache, key);
  const nOut = c.losses.length;
  const plan = ready(e, m.weightsVersion);
  if (plan !== null) {
    replayBatch(plan, batcher, order, from, count);
    e.replays++;
    if (dev) {
      for (let o = 0; o < nOut; o++) {
        dev.sums.addPlanned(o, plan.outputInfo(e.outs[o]));
        const ci = e.outs[nOut + o], pi = e.outs[2 * nOut + o];
        if (ci >= 0) dev.sums.addPlanned(nOut + o, plan.outputInfo(ci));
        if (pi >= 0) dev.preds[o].push(engine.keep(copyOut(plan.outputInfo(pi))));
      }
      return NO_EVAL;
    }
    const r: EvalBatch = { loss: [], correct: [], probs: [] };
    for (let o = 0; o < nOut; o++) {
      r.loss.push(plan.read(e.outs[o])[0]);
      const oi = e.outs[nOut + o], pi = e.outs[2 * nOut + o];
      if (wantAcc[o]) {
        const shape = plan.outputInfo(oi).shape;
        r.correct.push(countCorrect(plan.read(oi), batcher.yHost(o, order, from, count), shape[shape.length - 1], c.losses[o].labels));
      } else r.correct.push(0);
      r.probs.push(custom[o] ? plan.read(pi) : null);
    }
    return r;
  }
  if (e.failure?.permanent) return eager();
  e.version = m.weightsVersion;
  return trace(e, (rec) => {
    const [xb, yb] = batcher.batch(order, from, count);
    [...xb, ...yb].forEach((t, i) => rec.input(t, i));
    const fused = c.fused.some(Boolean);
    const os = m.forward(xb, false, fused);
    const ls: Tensor[] = [], outs: (Tensor | null)[] = [], probs: (Tensor | null)[] = [];
    for (let o = 0; o < nOut; o++) {
      const out = os[o], loss = c.losses[o];
      ls.push(c.fused[o] ? loss.fromLogits!(yb[o], out) : loss.fn(yb[o], out));
      outs.push(wantAcc[o] ? out : null);
      probs.push(custom[o] ? (c.fused[o] ? softmax(out) : out) : null);
    }
    if (dev) {
      // NOTE: the terms evaluateSet's device path adds to its sums (same kernels, same order).
      const S = dev.sums.constructor as typeof DeviceSums;
      const lt = ls.map((l) => S.term(l, count));
      const ct = outs.map((t, o) => (t ? S.correctTerm(t, yb[o], c.losses[o].labels) : null));
      e.outs = [...lt.map((t) => rec.output(t)), ...ct.map((t) => (t ? rec.output(t) : -1)), ...probs.map((t) => (t ? rec.output(t) : -1))];
      rec.phase = 'after';
      const info = (t: Tensor) => ({ shape: t.shape, dtype: t.dtype, buf: t.storage!.buf });
      for (let o = 0; o < nOut; o++) {
        dev.sums.addPlanned(o, info(lt[o]));
        if (ct[o]) dev.sums.addPlanned(nOut + o, info(ct[o]!));
        if (probs[o]) dev.preds[o].push(engine.keep(copyOut(info(probs[o]!))));
      }
      return NO_EVAL;
    }
    e.outs = [...ls.map((l) => rec.output(l)), ...outs.map((t) => (t ? rec.output(t) : -1)), ...probs.map((t) => (t ? rec.output(t) : -1))];
    rec.phase = 'after';
    const r: EvalBatch = { loss: [], correct: [], probs: [] };
    for (let o = 0; o < nOut; o++) {
      r.loss.push(ls[o].dataSync()[0]);
      const out = outs[o];
      r.correct.push(out ? countCorrect(out.dataSync(), batcher.yHost(o, order, from, count), out.shape[out.rank - 1], c.losses[o].labels) : 0);
      r.probs.push(probs[o] ? probs[o]!.dataSync() : null);
    }
    return r;
  });
}

// ---- predict --------------------------------------------------------------------------------

/** A new tensor (in the current scope) holding a copy of a plan's output. */
function copyOut(info: { shape: readonly number[]; dtype: Tensor['dtype']; buf: unknown }): Tensor {
  const b = engine.backend!;
  let size = 1;
  for (const d of info.shape) size *= d;
  const buf = b.alloc(info.dtype, size);
  b.kernels.cast!([info as never], [{ shape: info.shape, dtype: info.dtype, buf } as never], { dtype: info.dtype });
  return engine.wrap({ shape: info.shape, dtype: info.dtype, buf }, b);
}

const shapesOf = (xb: Tensor[]): string => xb.map((t) => t.shape.join('x')).join(',');
/** Plans kept per batch size for other sample shapes (a model with dynamic axes, imported ONNX). */
const MAX_SHAPES = 8;

/**
 * The plan key of predict on `xb`: 'predict:<batch sizes>', and where that plan was traced on
 * other sample shapes (dynamic axes: an imported ONNX model's sequence length), the shapes too, so
 * a replay never runs a plan of other shapes (its buffers and kernels are sized for them).
 */
function predictKey(c: Cache, xb: Tensor[]): string {
  const key = `predict:${xb.map((t) => t.shape[0]).join(',')}`;
  const first = c.entries.get(key);
  const shapes = shapesOf(xb);
  if (first?.shapes === undefined || first.shapes === shapes) return key;
  const k = `${key} [${shapes}]`;
  if (!c.entries.has(k)) {
    const others = [...c.entries.keys()].filter((x) => x.startsWith(`${key} [`));
    if (others.length >= MAX_SHAPES) { c.entries.get(others[0])!.plan?.dispose(); c.entries.delete(others[0]); }
  }
  return k;
}

/**
 * predict's forward pass on one batch `xb` (the caller's tensors, read in place), compiled: new
 * tensors holding the outputs. `eager` runs it when the pass cannot be replayed.
 */
export function compiledPredictBatch(m: Model, xb: Tensor[], eager: () => Tensor[]): Tensor[] {
  const cache = cacheFor(m, m.trainableWeights);
  const key = predictKey(cache, xb);
  const e = entryFor(cache, key);
  e.shapes ??= shapesOf(xb);
  const plan = ready(e, m.weightsVersion);
  if (plan !== null) {
    if (plan.hasChecks) plan.check(xb.map((t) => engine.hostValues(t, 'predict')!));
    plan.replay([], xb);
    e.replays++;
    return e.outs.map((i) => copyOut(plan.outputInfo(i)));
  }
  if (e.failure?.permanent) return eager();
  e.version = m.weightsVersion;
  return trace(e, (rec) => {
    xb.forEach((t, i) => rec.deviceInput(t, i));
    const os = m.forward(xb, false, false);
    e.outs = os.map((t) => rec.output(t));
    rec.phase = 'after';
    return os.map((t) => copyOut({ shape: t.shape, dtype: t.dtype, buf: t.storage!.buf }));
  });
}

/** The replayable plan of `m` whose key starts with `prefix` (benches: bench/compiled-profile.ts). */
export function planOf(m: Model, prefix: string): Plan | null {
  for (const [k, e] of caches.get(m)?.entries ?? []) if (k.startsWith(prefix) && e.plan) return e.plan;
  return null;
}
