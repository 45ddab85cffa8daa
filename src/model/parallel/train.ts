// Data-parallel training: each batch is split over the pool's workers, each computes the loss and
// gradients of its shard, the shard gradients are summed (weighted by shard size) and one optimizer
// step is applied, so every worker trains the same weights. Workers also count their shard's correct
// predictions (fit logs training accuracy as in-thread) and return the new values of state weights
// (batch-norm's moving statistics), of which the caller assigns the mean weighted by shard size.
// Three ways, best first:
// - worker-run steps (shared mode, an optimizer of ours: its update is elementwise, and norm
//   clipping needs only the sums of squares, which the workers share at one more barrier): the
//   workers run up to STEPS_PER_CALL steps among themselves, meeting at Atomics barriers, each
//   applying the update (and the state's average) to its slice of every weight
//   (SharedStepsRequest); this thread only plans each step's update and reads the losses.
// - shared steps (an optimizer that cannot plan its steps: not one of ours): one call per step;
//   the workers' gradients are summed and applied here, on the weights the workers read in place.
// - transfer (no shared memory): shards and gradients are copied, new weights sent back.
// The epochs, validation, callbacks, progress and logs are model/training.ts's fitLoop, the same
// loop as in-thread fit: this file only runs each epoch's steps.
import { engine } from '../../engine.js';
import type { DType, TypedArray } from '../../kernels.js';
import type { Tensor, Variable } from '../../tensor.js';
import type { Optimizer } from '../../optimizers/optimizer.js';
import type { StepPlan } from '../../optimizers/base.js';
import { add, mul } from '../../ops/elementwise.js';
import type { Model } from '../graph.js';
import { type Data, type FitArgs, type History, type StepResult, type StepRunner, fitLoop, prepareFit, toList } from '../training.js';
import type { TensorMsg, TensorRef } from '../../pool/protocol.js';
import { type Pool, createPool } from '../../pool/pool.js';
import { borrow, shardSizes, sharedBackend } from '../../pool/handlers.js';
import { HEADER, STOPPED, abortRun, startRun } from '../../pool/barrier.js';
import type { SharedGradReply, SharedGradRequest, SharedStepsReply, StateMsg } from './protocol.js';
import { enableModelJobs, modelId, sendModel, weightRefs } from './client.js';

/** A compiled model the pool can train (eg.model, eg.sequential): one input, one output, a loss by name. */
export type DataParallelModel = Model<Tensor | Tensor[]>;

/** The options of `fit` this function honours: all of them but `workers` and `pool`. */
export type DataParallelFitArgs = Omit<FitArgs, 'workers' | 'pool'>;

let nextRun = 1;

/** Rows of a host array picked by `order[from..from+count)`, as a tensor message. */
function rows(src: TypedArray, dtype: DType, sample: number[], order: Int32Array, from: number, count: number): TensorMsg {
  const row = sample.reduce((a, b) => a * b, 1);
  const out = dtype === 'int32' ? new Int32Array(count * row) : new Float32Array(count * row);
  for (let i = 0; i < count; i++) {
    const r = order[from + i];
    out.set(src.subarray(r * row, (r + 1) * row), i * row);
  }
  return { shape: [count, ...sample], dtype, data: out };
}

/** model.fit with `workers` (a new pool, closed when fit ends) or `pool` (left open). */
export async function fitOnPool(m: DataParallelModel, x: Data, y: Data, args: FitArgs): Promise<History> {
  if (args.workers !== undefined && args.pool !== undefined) throw new Error('fit: give `workers` or `pool`, not both');
  // NOTE: x and y are checked here, whole (shapes, dtypes, label ranges), so an error names the
  // caller's rows and shapes, not a worker shard's (fitDataParallel's own check hits the cache).
  await prepareFit(m, x, y, args);
  if (m.inputNames.length !== 1 || m.outputNames.length !== 1) throw new Error(`fit: \`workers\`/\`pool\` train models of one input and one output; model '${m.name}' has ${m.inputNames.length} and ${m.outputNames.length}`);
  enableModelJobs();
  const pool = args.pool ?? (await createPool({ workers: args.workers }));
  try {
    return await fitDataParallel(m, toList(m, 'fit', 'x', x, 'inputs')[0], toList(m, 'fit', 'y', y, 'outputs')[0], args, pool);
  } finally {
    if (!args.pool) await pool.close();
  }
}

/**
 * `model.fit(x, y, { pool })`: fit's loop (epochs, shuffling with the same seed and order,
 * validationSplit / validationData, callbacks, early stopping, progress, logs) with each batch's
 * gradient computed across the pool. Training logs hold the loss and, when compiled with it, the
 * accuracy (the workers count their shards' correct predictions); val_* come from an in-thread
 * evaluate. State weights (addUpdate) take the mean of the workers' new values, weighted by shard
 * size: exact for moving averages of per-sample means, and for the rest (a moving variance) the
 * mean of the shards' statistics, as Keras' MirroredStrategy aggregates them by default.
 */
export async function fitDataParallel(model: DataParallelModel, x: Tensor, y: Tensor, args: DataParallelFitArgs, pool: Pool): Promise<History> {
  const where = 'fit (data-parallel)';
  if (pool.closed) throw new Error(`${where}: the pool is closed`);
  const lossName = model.trainingConfig?.loss;
  if (!model.optimizer || typeof lossName !== 'string') {
    throw new Error(`${where}: model '${model.name}' must be compiled with a loss given by name (a loss function cannot be sent to workers)`);
  }
  enableModelJobs();
  const plan = await prepareFit(model, x, y, args, where);
  const vars: Variable[] = model.trainableWeights;
  if (vars.length === 0) throw new Error(`${where}: model '${model.name}' has no trainable weights`);
  // NOTE: validationSplit holds out the last rows: training reads rows [0, n) of x and y.
  const n = plan.train.n, batchSize = plan.batchSize;

  const accuracy = model.compiled!.metrics[0].some((m) => m.fn === 'accuracy');
  const job: Job = { model, id: modelId(pool, model), loss: lossName, accuracy, compile: args.compile };
  const X = pool.ref(x), Y = pool.ref(y);
  const run: SharedRun | null = X && Y && weightRefs(pool, model) ? { X, Y, held: [], inWorkers: true, control: null } : null;
  const shared = run !== null;
  // NOTE: transfer mode reads the data once; shared mode gathers batches in place.
  const xs = shared ? null : x.dataSync(), ys = shared ? null : y.dataSync();
  const xSample = x.shape.slice(1), ySample = y.shape.slice(1);
  const runId = nextRun++;
  let step = 0;
  let version = `fit${runId}:${step}`;

  const steps: StepRunner = async (order, b, total, perBatch) => {
    // Worker-run steps where they can run (shared mode, an optimizer that plans its steps): one
    // call runs several, or one at a time when a callback wants every batch.
    const k = Math.min(total - b, perBatch ? 1 : STEPS_PER_CALL);
    const done = (run && run.inWorkers ? await workerSteps(pool, job, run, order, b * batchSize, batchSize, k) : null) ?? [shared
      ? await sharedStep(pool, job, run!, order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize)))
      : await transferStep(pool, job, version, { xs, ys, x, y, xSample, ySample }, order, b * batchSize, Math.min(batchSize, n - b * batchSize))];
    for (const _ of done) {
      version = `fit${runId}:${++step}`;
      model.weightsVersion++;
    }
    return done;
  };
  try {
    return await fitLoop(model, plan, args, { run: steps });
  } finally {
    if (run) {
      releaseHeld(pool, run);
      // NOTE: here, not at the end of the try: a fit that fails (a non-finite loss, a callback's
      // throw, a step that failed) would leave the control block behind.
      run.control?.dispose();
      run.control = null;
    }
  }
}

/** Worker-run steps per call when no callback wants each batch (bounds one call's duration). */
const STEPS_PER_CALL = 32;

/** What every step sends: the model, its id on the pool, the loss by name, whether to count correct predictions. */
interface Job { model: DataParallelModel; id: number; loss: string; accuracy: boolean; compile?: boolean }

/** A step's result for fitLoop: the batch loss and (one output) its correct count. */
const result = (loss: number, correct: number): StepResult => ({ loss, parts: [], correct: [correct] });

/**
 * Assigns each state weight the mean of the workers' new values weighted by `shares` (their part
 * of the batch), after the optimizer step, as in-thread fit assigns its own.
 */
function assignState(model: DataParallelModel, states: StateMsg<Tensor>[][], shares: number[]): void {
  const ws = model.weights;
  const byIndex = new Map<number, [Tensor, number][]>();
  states.forEach((list, w) => { for (const u of list) (byIndex.get(u.index) ?? byIndex.set(u.index, []).get(u.index)!).push([u.value, shares[w]]); });
  for (const [i, parts] of byIndex) {
    const total = parts.reduce((a, [, s]) => a + s, 0);
    const v = engine.tidy(() => parts.length === 1 ? add(parts[0][0], 0)
      : parts.slice(1).reduce((acc, [t, s]) => add(acc, mul(t, s / total)), mul(parts[0][0], parts[0][1] / total)));
    ws[i].assign(v);
    v.dispose();
  }
}

/** What a shared-mode fit keeps across steps. */
interface SharedRun {
  X: TensorRef;
  Y: TensorRef;
  /** Whether steps may run in the workers (false once the optimizer turned out not to allow it). */
  inWorkers: boolean;
  /** The Int32 control block of worker-run steps, made on first use. */
  control: Tensor | null;
  /** Per worker: the gradients it holds from the last step, released with the next step's call (or at the end). */
  held: TensorRef[][];
}

/** Lets the workers free the last step's gradients; the messages go out just ahead of the next step's. */
function releaseHeld(pool: Pool, run: SharedRun): void {
  run.held.forEach((refs, w) => pool.release(w, refs));
  run.held = [];
}

/**
 * One shared-mode step: each worker gathers its shard's rows of the training set in place and
 * returns its scaled loss and gradients by address; their sum is applied here, on the weights the
 * workers read in place. No tensor data passes between threads.
 */
async function sharedStep(pool: Pool, job: Job, run: SharedRun, picked: Int32Array): Promise<StepResult> {
  const { model, id } = job;
  const count = picked.length;
  const vars = model.trainableWeights;
  // NOTE: read each step: an optimizer may give a weight new storage (copy on write).
  const weights = weightRefs(pool, model)!;
  releaseHeld(pool, run);
  let r0 = 0;
  const sizes = shardSizes(count, pool.size);
  const calls = sizes.map((size, w) => {
    const req: SharedGradRequest = { model: id, weights, x: run.X, y: run.Y, rows: picked.slice(r0, r0 + size), loss: job.loss, scale: size / count, accuracy: job.accuracy };
    r0 += size;
    return pool.call(w, 'gradients', async (remote, slot) => {
      await sendModel(pool, slot, id, 'shared', model);
      return pool.runJob(remote, 'model.gradientsShared', [req]);
    });
  });
  const held = (r: SharedGradReply) => [...r.grads, ...r.state.map((u) => u.value)];
  const replies = await pool.settle(calls, held);
  run.held = replies.map(held);
  const parts = replies.map((r) => r.grads.map((g) => borrow(g, 'fit (data-parallel)')));
  const states = replies.map((r) => r.state.map((u) => ({ index: u.index, value: borrow(u.value, 'fit (data-parallel)') })));
  const sums: Tensor[] = [];
  try {
    // Each shard's gradient is already scaled by its share of the batch: the batch's is their sum.
    const grads = vars.map((_, i) => {
      if (parts.length === 1) return parts[0][i];
      const g = engine.tidy(() => parts.slice(1).reduce((acc, p) => add(acc, p[i]), parts[0][i]));
      sums.push(g);
      return g;
    });
    model.optimizer!.apply(vars, grads);
    assignState(model, states, sizes);
  } finally {
    for (const t of [...parts.flat(), ...states.flat().map((u) => u.value), ...sums]) t.dispose();
  }
  return result(replies.reduce((s, r) => s + r.loss, 0), replies.reduce((s, r) => s + r.correct, 0));
}

/**
 * `k` steps run by the workers among themselves (SharedStepsRequest): the optimizer plans each
 * step's update here, the workers apply it. The batch losses, or null (run stays in this thread)
 * when the optimizer cannot plan its steps (not one of ours).
 */
async function workerSteps(pool: Pool, job: Job, run: SharedRun,
  order: Int32Array, from: number, batchSize: number, k: number): Promise<StepResult[] | null> {
  const { model, id } = job;
  const vars = model.trainableWeights;
  const optimizer = model.optimizer as Optimizer & { planStep?: (v: Variable[]) => StepPlan | null };
  const first = optimizer.planStep?.(vars) ?? null;
  if (!first) { run.inWorkers = false; return null; }
  const plans = [first];
  for (let j = 1; j < k; j++) plans.push(optimizer.planStep!(vars)!);
  // NOTE: the workers write the weights and slots in place: give each storage of its own first, as
  // the optimizer would (copy on write), and read the addresses after that.
  const trains = new Set<Tensor>(vars);
  const state = model.weights.flatMap((w, i) => (trains.has(w) ? [] : [i]));
  for (const v of [...vars, ...first.slots.flat(), ...state.map((i) => model.weights[i])]) engine.ensureOwnStorage(v);
  const ref = (t: Tensor): TensorRef => {
    const r = pool.ref(t);
    if (!r) throw new Error(`fit (data-parallel): '${(t as Variable).name}' is not in the pool's memory (was the backend changed during fit?)`);
    return r;
  };
  const workers = pool.size, nv = vars.length;
  // The control block: the barrier's header, the address table, then (norm clipping) the Float64
  // sums of squares, 8-aligned (the block itself is: the arena aligns to 16 bytes).
  const normClip = first.clipNorm !== undefined || first.globalClipNorm !== undefined;
  const table = HEADER + workers * (nv + state.length);
  const normsAt = table + (table & 1);
  const words = normClip ? normsAt + 2 * workers * nv : table;
  if (!run.control || run.control.size < words) {
    run.control?.dispose();
    run.control = engine.fromValues(new Int32Array(words), [words], 'int32');
  }
  const sync = ref(run.control).ptr;
  const memory = sharedBackend()!.shared.memory;
  startRun(memory, sync);
  const base = {
    model: id, weights: model.weights.map(ref), params: vars.map(ref), slots: first.slots.map((ss) => ss.map(ref)), state,
    kernel: first.kernel, attrs: plans.map((p) => p.attrs), clipValue: first.clipValue, clipNorm: first.clipNorm, globalClipNorm: first.globalClipNorm,
    norms: normClip ? sync + 4 * normsAt : 0,
    x: run.X, y: run.Y, order, from, batchSize, loss: job.loss, accuracy: job.accuracy, compile: job.compile, workers, sync, timeoutMs: pool.timeoutMs,
  };
  releaseHeld(pool, run);
  // Whether each worker's call has come back (an answer, an error it threw, or a throw here before
  // the call went out): that worker no longer touches the control block.
  const answered = new Array<boolean>(workers).fill(false);
  const calls = Array.from({ length: workers }, (_, w) => pool.call(w, 'steps', async (remote, slot) => {
    try {
      await sendModel(pool, slot, id, 'shared', model);
      return await pool.runJob(remote, 'model.steps', [{ ...base, worker: w }]);
    } finally {
      answered[w] = true;
    }
  }).catch((e) => {
    // a worker that fails stops the others waiting at a barrier
    abortRun(memory, sync);
    throw e;
  }));
  const results = await Promise.allSettled(calls);
  // NOTE: the workers wrote the weights, slots and state in place, behind this thread's engine.
  for (const v of [...vars, ...first.slots.flat(), ...state.map((i) => model.weights[i])]) engine.written(v);
  // NOTE: report the worker that failed, not the ones it stopped
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const bad = failed.find((r) => !String((r.reason as Error)?.message).includes(STOPPED)) ?? failed[0];
  if (bad) {
    // NOTE: a worker that never answered (it timed out, or ended mid-call) may still be leaving a
    // barrier: then the control block is left to it (it leaks). Otherwise it is freed.
    if (answered.every(Boolean)) run.control.dispose();
    run.control = null;
    throw bad.reason;
  }
  const out = Array.from({ length: k }, () => result(0, 0));
  for (const r of results) {
    const { losses, correct } = (r as PromiseFulfilledResult<SharedStepsReply>).value;
    losses.forEach((l, j) => { out[j].loss += l; out[j].correct[0] += correct[j]; });
  }
  return out;
}

interface HostData { xs: TypedArray | null; ys: TypedArray | null; x: Tensor; y: Tensor; xSample: number[]; ySample: number[] }

/** One transfer-mode step: copies of each shard go out, gradients (and state values) come back and are averaged here. */
async function transferStep(pool: Pool, job: Job, version: string, d: HostData, order: Int32Array, from: number, count: number): Promise<StepResult> {
  const { model, id } = job;
  const vars = model.trainableWeights;
  let r0 = from;
  const sizes = shardSizes(count, pool.size);
  const parts = sizes.map((size, w) => {
    const xm = rows(d.xs!, d.x.dtype, d.xSample, order, r0, size);
    const ym = rows(d.ys!, d.y.dtype, d.ySample, order, r0, size);
    r0 += size;
    return pool.call(w, 'gradients', async (remote, slot) => {
      await sendModel(pool, slot, id, version, model);
      return pool.runJob(remote, 'model.gradients', [{ model: id, x: xm, y: ym, loss: job.loss, accuracy: job.accuracy }], true);
    });
  });
  const replies = await Promise.all(parts);
  let loss = 0, correct = 0;
  const grads = vars.map((v, i) => {
    const acc = new Float32Array(v.size);
    replies.forEach((rep, w) => {
      const g = rep.grads[i].data as Float32Array, wgt = sizes[w] / count;
      for (let k = 0; k < acc.length; k++) acc[k] += wgt * g[k];
    });
    return engine.fromValues(acc, v.shape, v.dtype);
  });
  replies.forEach((rep, w) => { loss += (sizes[w] / count) * rep.loss; correct += rep.correct; });
  const states = replies.map((rep) => rep.state.map((u) => ({ index: u.index, value: engine.fromValues(u.value.data, u.value.shape, u.value.dtype) })));
  try {
    model.optimizer!.apply(vars, grads);
    assignState(model, states, sizes);
  } finally {
    for (const t of [...grads, ...states.flat().map((u) => u.value)]) t.dispose();
  }
  return result(loss, correct);
}
