// The worker's side of the model's jobs (protocol.ts): the copy of each model a worker keeps (rebuilt
// from the caller's artifacts), its predictions, and the loss, gradients, correct count and state
// updates of its shard of a training batch; in shared mode also the worker-run steps. Registered into
// every worker by src/worker.ts, and in the caller's thread for in-thread pools (client.ts).
import { engine } from '../../engine.js';
import type { Tensor, Variable } from '../../tensor.js';
import { tensor } from '../../ops/creation.js';
import { type KernelAttrs, type KernelImpl, type TensorInfo, sizeOf } from '../../kernels.js';
import type { WasmBuf } from '../../backends/wasm.js';
import { gather } from '../../ops/shape.js';
import { add, clip, mul, square } from '../../ops/elementwise.js';
import { sum } from '../../ops/reduce.js';
import { type JobContext, type JobHandlers, registerJobs } from '../../pool/jobs.js';
import { borrow, fromMsg, sharedBackend, shardSizes, toMsg } from '../../pool/handlers.js';
import { HEADER, Pacer, abortRun } from '../../pool/barrier.js';
import type { TensorRef } from '../../pool/protocol.js';
import type { SharedGradRequest, SharedStepsRequest, StateMsg } from './protocol.js';
import type { Model } from '../graph.js';
import { loadModel } from '../index.js';
import { valueAndGrads } from '../../autograd/index.js';
import { batchLoss, countCorrect } from '../training.js';
import { type Plan, Recorder } from '../../trace.js';

/**
 * A batch's loss (x `scale`) and its gradient for each trainable weight, as fit's step computes
 * them (training.ts batchLoss: the fused softmax cross-entropy where compile finds it, the layers'
 * weight penalties). `accuracy`: also the correct predictions of the (one) output. The state
 * updates of training-mode calls come back unassigned (the caller owns their tensors).
 */
function lossAndGrads(m: Model<Tensor | Tensor[]>, x: Tensor, y: Tensor, scale: number, accuracy: boolean): { loss: Tensor; grads: Tensor[]; correct: number; updates: [Variable, Tensor][] } {
  const c = m.compiled!;
  const regs = m.allLayers.filter((l) => l.hasRegularizers);
  const updates: [Variable, Tensor][] = [];
  const outs: (Tensor | null)[] | null = accuracy ? [null] : null;
  try {
    const { value, grads } = valueAndGrads(() => {
      const l = batchLoss(m, c, [x], [y], updates, regs, outs, null, true);
      return scale === 1 ? l : mul(l, scale);
    }, m.trainableWeights);
    const out = outs?.[0];
    const correct = out ? countCorrect(out.dataSync(), y.dataSync(), out.shape[out.rank - 1], c.losses[0].labels) : 0;
    return { loss: value, grads, correct, updates };
  } catch (e) {
    for (const [, t] of updates) t.dispose();
    throw e;
  } finally {
    outs?.[0]?.dispose();
  }
}

/** A shard's step: `scale` x its mean loss, the gradients, the correct count and the state weights' new values. */
interface ShardStep { loss: Tensor; grads: Tensor[]; correct: number; state: StateMsg<Tensor>[] }

/** The training step's forward and backward as fit runs it, for the loss `lossName`, with the state weights' new values by index. */
function replicaStep(m: Model<Tensor | Tensor[]>, x: Tensor, y: Tensor, lossName: string, scale: number, accuracy: boolean): ShardStep {
  const c = m.compiled;
  if (!c || c.losses.length !== 1 || c.losses[0].name !== lossName) m.compile({ optimizer: m.optimizer ?? 'sgd', loss: lossName as never });
  const { loss, grads, correct, updates } = lossAndGrads(m, x, y, scale, accuracy);
  const index = new Map<Variable, number>(m.weights.map((w, i) => [w, i]));
  // a weight updated twice in one pass keeps its last value, as in-thread fit assigns them in order
  const state = new Map<number, Tensor>();
  for (const [v, t] of updates) {
    state.get(index.get(v)!)?.dispose();
    state.set(index.get(v)!, t);
  }
  return { loss, grads, correct, state: [...state].map(([i, t]) => ({ index: i, value: t })) };
}

/** A worker's traced shard step (worker-run steps): the plan and where its results are. */
interface ShardPlan { plan: Plan; loss: number; grads: number[]; state: { index: number; out: number }[]; out: number; y: number }
/**
 * A shard step's results as addresses: the caller publishes them, then frees with `done` after the
 * last barrier. `eager`: the step ran eagerly (a trace that failed), and why.
 */
interface ShardPtrs { loss: number; correct: number; grads: number[]; state: { index: number; ptr: number }[]; done?: () => void; eager?: string }

const ptrOf = (buf: unknown): number => (buf as { ptr: number }).ptr;

/** Rows `rows` of an int32 tensor on the shared memory, copied out. */
function hostRows(t: Tensor, rows: Int32Array): Int32Array {
  const row = t.size / t.shape[0];
  const all = new Int32Array(sharedBackend()!.shared.memory.buffer, ptrOf(t.storage!.buf), t.size);
  const out = new Int32Array(rows.length * row);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!(r >= 0 && r < t.shape[0])) throw new Error(`steps: row ${r} is outside the training set's ${t.shape[0]} rows`);
    out.set(all.subarray(r * row, (r + 1) * row), i * row);
  }
  return out;
}

/**
 * Worker-run steps, compiled (trace.ts): the shard's forward and backward (gather of its rows,
 * batchLoss, gradients, state values) traced once per (shard size, batch size) and replayed, so
 * the worker's V8 runs a short loop instead of the whole eager step. The rows are the plan's host
 * input, x and y the caller's tensors read in place; the gradients and state values stay in the
 * plan's buffers, whose addresses the worker publishes. A string (why) when the step must run eagerly.
 */
function compiledShard(plans: Map<string, ShardPlan | string>, m: Model<Tensor | Tensor[]>, x: Tensor, y: Tensor, rows: Int32Array,
  count: number, lossName: string, accuracy: boolean): ShardPtrs | string {
  const scale = rows.length / count;
  // NOTE: integer inputs are ids (an embedding's), which the model checks: a check of values
  // gathered in the step would make it data-dependent (eager for good), so their rows are copied
  // here, a batch input whose checks rerun on each replay's rows. Float inputs are gathered in place.
  const xRows = x.dtype === 'int32' ? hostRows(x, rows) : null;
  const inputs = xRows ? [rows, xRows] : [rows];
  const key = `${rows.length}:${count}:${x.dtype}`;
  const have = plans.get(key);
  if (typeof have === 'string') return have;
  if (have && have.plan.valid()) {
    const p = have.plan;
    p.check(inputs);
    p.replay(inputs, [x, y]);
    let correct = 0;
    if (have.out >= 0) {
      const shape = p.outputInfo(have.out).shape;
      correct = countCorrect(p.read(have.out), p.read(have.y), shape[shape.length - 1], m.compiled!.losses[0].labels);
    }
    return {
      loss: p.read(have.loss)[0], correct, grads: have.grads.map((i) => ptrOf(p.outputInfo(i).buf)),
      state: have.state.map((u) => ({ index: u.index, ptr: ptrOf(p.outputInfo(u.out).buf) })),
    };
  }
  if (have) { have.plan.dispose(); plans.delete(key); }
  return traceShard(plans, key, m, x, y, rows, xRows, scale, lossName, accuracy);
}

/**
 * compiledShard's first step for a key: the step run eagerly under a Recorder, its plan kept (or
 * the reason it cannot be, then it stays eager). NOTE: a function of its own, so the replay path
 * that every later step takes stays small for V8 to optimise (in each worker).
 */
function traceShard(plans: Map<string, ShardPlan | string>, key: string, m: Model<Tensor | Tensor[]>, x: Tensor, y: Tensor, rows: Int32Array,
  xRows: Int32Array | null, scale: number, lossName: string, accuracy: boolean): ShardPtrs {
  const c0 = m.compiled;
  if (!c0 || c0.losses.length !== 1 || c0.losses[0].name !== lossName) m.compile({ optimizer: m.optimizer ?? 'sgd', loss: lossName as never });
  const c = m.compiled!;
  const regs = m.allLayers.filter((l) => l.hasRegularizers);
  const rec = new Recorder(engine.backend!);
  engine.recorder = rec;
  let r: { sp: Omit<ShardPlan, 'plan'>; ptrs: ShardPtrs };
  try {
    r = engine.tidy(() => {
      rec.deviceInput(x, 0);
      rec.deviceInput(y, 1);
      const idx = tensor(rows, [rows.length], 'int32');
      rec.input(idx, 0);
      let xg: Tensor;
      if (xRows) {
        xg = tensor(xRows, [rows.length, ...x.shape.slice(1)], 'int32');
        rec.input(xg, 1);
      } else xg = gather(x, idx);
      const yg = gather(y, idx);
      // NOTE: fit checked every label on the caller (prepareFit); x (embedding ids) is not trusted.
      rec.trust(yg);
      const updates: [Variable, Tensor][] = [];
      const outs: (Tensor | null)[] | null = accuracy ? [null] : null;
      const { value, grads } = valueAndGrads(() => {
        const l = batchLoss(m, c, [xg], [yg], updates, regs, outs, null, true);
        return scale === 1 ? l : mul(l, scale);
      }, m.trainableWeights);
      const index = new Map<Variable, number>(m.weights.map((w, i) => [w, i]));
      // a weight updated twice in one pass keeps its last value, as replicaStep
      const last = new Map<number, Tensor>();
      for (const [v, t] of updates) last.set(index.get(v)!, t);
      const sp = {
        loss: rec.output(value), grads: grads.map((g) => rec.output(g)),
        state: [...last].map(([i, t]) => ({ index: i, out: rec.output(t) })),
        out: outs?.[0] ? rec.output(outs[0]) : -1, y: outs?.[0] ? rec.output(yg) : -1,
      };
      rec.phase = 'after';
      const out = outs?.[0];
      const correct = out ? countCorrect(out.dataSync(), yg.dataSync(), out.shape[out.rank - 1], c.losses[0].labels) : 0;
      const ptrs: ShardPtrs = {
        loss: value.dataSync()[0], correct, grads: grads.map((g) => ptrOf(g.storage!.buf)),
        state: [...last].map(([i, t]) => ({ index: i, ptr: ptrOf(t.storage!.buf) })),
      };
      out?.dispose();
      for (const [, t] of updates) t.dispose();
      return { sp, ptrs };
    });
  } catch (e) {
    engine.recorder = null;
    rec.discard(engine);
    throw e;
  }
  engine.recorder = null;
  // NOTE: the buffers the trace kept hold the published gradients: a failed trace frees them only
  // after the step's last barrier (`done`).
  const plan = rec.finish(engine);
  if (plan) plans.set(key, { plan, ...r.sp });
  else {
    r.ptrs.done = () => rec.discard(engine);
    r.ptrs.eager = rec.failure!.reason;
    if (rec.failure!.permanent) plans.set(key, rec.failure!.reason);
  }
  return r.ptrs;
}

/** This worker's slice [lo, lo + n) of a weight of `size` elements: whole SIMD vectors, the last worker's takes the rest. */
export function sliceOf(size: number, worker: number, workers: number): [number, number] {
  const chunk = Math.ceil(size / workers / 4) * 4;
  const lo = worker * chunk;
  return [lo, Math.min(size, lo + chunk) - lo];
}

/** A worker-run call's updates straight on the backend's kernels (directUpdate). */
export interface DirectUpdate { run(s: number, ptrAt: (w: number, col: number) => number): void; dispose(): void }

/**
 * The update of a worker-run call without gradient clipping, on the backend's kernels directly
 * (applySlices' path with none of the engine's tensors, scopes or checks per step): per trainable
 * weight, this worker's slice of it and of its slots (their addresses are fixed for the call) and
 * a buffer for the summed gradient slice, made once per call; per step `add` sums the workers'
 * gradient slices into that buffer in worker order and the update kernel runs on it. The same
 * kernels on the same operands in the same order as the tensor path: the same numbers. Null
 * where the backend lacks a kernel.
 */
export function directUpdate(req: SharedStepsRequest): DirectUpdate | null {
  const b = sharedBackend();
  const update = b?.kernels[req.kernel as 'adamUpdate'] as KernelImpl<WasmBuf, 'adamUpdate'> | undefined;
  const add = b?.kernels.add;
  if (!b || !update || !add) return null;
  type Info = TensorInfo<WasmBuf>;
  const info = (shape: number[], buf: WasmBuf): Info => ({ shape, dtype: 'float32', buf });
  const sums: WasmBuf[] = [];
  const weights = req.params.flatMap((p, i) => {
    const [lo, n] = sliceOf(sizeOf(p.shape), req.worker, req.workers);
    if (n <= 0) return [];
    const shape = [n];
    const view = (ptr: number) => info(shape, b.shared.borrow(ptr + 4 * lo, 4 * n));
    let sum: Info | null = null;
    if (req.workers > 1) {
      sums.push(b.alloc('float32', n));
      sum = info(shape, sums[sums.length - 1]);
    }
    return [{ i, lo, n, shape, targets: [p, ...req.slots[i]].map((t) => view(t.ptr)), sum }];
  });
  return {
    run(s, ptrAt) {
      const attrs = req.attrs[s] as KernelAttrs['adamUpdate'];
      for (const w of weights) {
        let g: Info | null = null;
        for (let k = 0; k < req.workers; k++) {
          const ptr = ptrAt(k, w.i);
          if (ptr === 0) continue;
          const part = info(w.shape, b.shared.borrow(ptr + 4 * w.lo, 4 * w.n));
          if (g === null) { g = part; continue; }
          // NOTE: the first sum writes the buffer, later ones add into it in place (elementwise).
          add([g, part], [w.sum!], {});
          g = w.sum;
        }
        if (g === null) continue;
        update([...w.targets, g], [], attrs);
      }
    },
    dispose() {
      for (const buf of sums) b.free(buf);
    },
  };
}

/** The model's jobs for one worker (or one in-thread pool): its copies of models by id. */
function replicaJobs(ctx: JobContext): JobHandlers {
  const models = new Map<number, { version: string; model: Model<Tensor | Tensor[]>; bound: string; plans: Map<string, ShardPlan | string> }>();
  const dropShardPlans = (entry: { plans: Map<string, ShardPlan | string> } | undefined): void => {
    if (!entry) return;
    for (const p of entry.plans.values()) if (typeof p !== 'string') p.plan.dispose();
    entry.plans.clear();
  };

  const model = (id: number, what: string): Model<Tensor | Tensor[]> => {
    const m = models.get(id);
    if (!m) throw new Error(`${what}: model ${id} was never sent to this worker`);
    return m.model;
  };

  /** Points model `id`'s weights at the caller's tensors, unless they are there already. */
  const bind = (id: number, weights: TensorRef[]): Model<Tensor | Tensor[]> => {
    const entry = models.get(id);
    if (!entry) throw new Error(`model ${id} was never sent to this worker`);
    const key = weights.map((w) => w.ptr).join(',');
    if (entry.bound !== key) {
      const ts = weights.map((w) => borrow(w, 'bind weights'));
      try {
        entry.model.setWeights(ts);
      } finally {
        for (const t of ts) t.dispose();
      }
      entry.bound = key;
    }
    return entry.model;
  };

  /** Rows `rows` of the training set (x, y by address), gathered here: their step. */
  const shard = (m: Model<Tensor | Tensor[]>, req: { x: TensorRef; y: TensorRef; loss: string; accuracy: boolean }, rows: Int32Array, scale: number): ShardStep => {
    const idx = tensor(rows, [rows.length], 'int32');
    return replicaStep(m, gather(borrow(req.x, 'gradients'), idx), gather(borrow(req.y, 'gradients'), idx), req.loss, scale, req.accuracy);
  };

  const drop = (id: number): void => {
    dropShardPlans(models.get(id));
    models.get(id)?.model.dispose();
    models.delete(id);
  };

  /**
   * Step `s` of a worker-run request, this worker's part: for its slice of each trainable weight
   * (whole SIMD vectors; the last slice takes the rest), the sum of every worker's gradient over it,
   * clipped if asked, then the optimizer's update in place; for its slice of each state weight, the
   * workers' new values averaged by their shares of the batch (`sizes`), written in place.
   * Norm clipping: the sums of squares of this worker's slices go into the request's Float64 table,
   * `meet` waits for every worker's, and each worker adds them up in the same order (per weight:
   * workers in order; globalClipNorm: then weights in order, as the optimizer adds its per-weight
   * sums), so all scale by the same c / max(norm, c).
   */
  const applySlices = (req: SharedStepsRequest, s: number, table: Int32Array, sizes: number[], meet: () => void, direct: DirectUpdate | null): void => {
    const nv = req.params.length, cols = nv + req.state.length;
    const slice = (size: number) => sliceOf(size, req.worker, req.workers);
    // NOTE: the table is Int32: an address from 2 GiB up reads back negative until made unsigned.
    const ptrAt = (w: number, col: number) => Atomics.load(table, w * cols + col) >>> 0;
    if (direct) direct.run(s, ptrAt);
    else engine.tidy(() => {
      const view = (ptr: number, lo: number, n: number) => borrow({ shape: [n], dtype: 'float32', ptr: ptr + 4 * lo }, 'steps');
      const gs = req.params.map((p, i) => {
        const [lo, n] = slice(sizeOf(p.shape));
        if (n <= 0) return null;
        let g: Tensor | null = null;
        for (let w = 0; w < req.workers; w++) {
          const ptr = ptrAt(w, i);
          if (ptr !== 0) g = g ? add(g, view(ptr, lo, n)) : view(ptr, lo, n);
        }
        if (g && req.clipValue !== undefined) g = clip(g, -req.clipValue, req.clipValue);
        return g;
      });
      if (req.norms !== 0) {
        const buffer = sharedBackend()!.shared.memory.buffer;
        const mine = new Float64Array(buffer, req.norms + 8 * nv * req.worker, nv);
        gs.forEach((g, i) => { mine[i] = g ? sum(square(g)).dataSync()[0] : 0; });
        meet();
        const all = new Float64Array(buffer, req.norms, nv * req.workers);
        const perWeight = Array.from({ length: nv }, (_, i) => {
          let t = 0;
          for (let w = 0; w < req.workers; w++) t += all[w * nv + i];
          return t;
        });
        const scaleFor = (c: number, sumSquares: number) => c / Math.max(Math.sqrt(sumSquares), c);
        const global = req.globalClipNorm !== undefined ? scaleFor(req.globalClipNorm, perWeight.reduce((a, b) => a + b, 0)) : 1;
        gs.forEach((g, i) => {
          const k = req.clipNorm !== undefined ? scaleFor(req.clipNorm, perWeight[i]) : global;
          // NOTE: a scale of 1 leaves the gradient as it is (the optimizer multiplies by 1).
          if (g && k !== 1) gs[i] = mul(g, k);
        });
      }
      req.params.forEach((p, i) => {
        const g = gs[i];
        if (!g) return;
        const [lo, n] = slice(sizeOf(p.shape));
        engine.runKernelInPlace(req.kernel as 'sgdUpdate', [p, ...req.slots[i]].map((t) => view(t.ptr, lo, n)) as Variable[], [g], req.attrs[s] as never);
      });
    });
    const buffer = sharedBackend()!.shared.memory.buffer;
    req.state.forEach((index, j) => {
      const ref = req.weights[index];
      const [lo, n] = slice(sizeOf(ref.shape));
      if (n <= 0) return;
      const acc = new Float64Array(n);
      let total = 0;
      for (let w = 0; w < req.workers; w++) {
        const ptr = ptrAt(w, nv + j);
        if (ptr === 0) continue;
        const src = new Float32Array(buffer, ptr + 4 * lo, n), share = sizes[w];
        total += share;
        for (let k = 0; k < n; k++) acc[k] += share * src[k];
      }
      if (total === 0) return;
      const out = new Float32Array(buffer, ref.ptr + 4 * lo, n);
      for (let k = 0; k < n; k++) out[k] = acc[k] / total;
    });
  };

  return {
    async 'model.load'(id, version, msg) {
      drop(id);
      models.set(id, { version, model: await loadModel<Tensor | Tensor[]>({ modelJson: msg.modelJson, weights: msg.weights }), bound: '', plans: new Map() });
    },

    'model.setWeights'(id, version, weights) {
      const m = model(id, 'setWeights');
      const ts = weights.map(fromMsg);
      try {
        m.setWeights(ts);
      } finally {
        for (const w of ts) w.dispose();
      }
      const entry = models.get(id)!;
      entry.version = version;
      entry.bound = '';
    },

    'model.predict'(id, x) {
      const m = model(id, 'predict');
      // One pass over the shard: the default batches of 256 would copy it in slices.
      return engine.tidy(() => toMsg(m.predict(fromMsg(x), { batchSize: Math.max(256, Math.min(x.shape[0], 8192)) }) as Tensor));
    },

    'model.predictShared'(id, weights, x) {
      const m = bind(id, weights);
      return engine.tidy(() => ctx.hold(m.predict(borrow(x, 'predict'), { batchSize: Math.max(256, Math.min(x.shape[0], 8192)) }) as Tensor));
    },

    'model.gradients'(req) {
      const m = model(req.model, 'gradients');
      return engine.tidy(() => {
        const r = replicaStep(m, fromMsg(req.x), fromMsg(req.y), req.loss, 1, req.accuracy);
        const state = r.state.map((u) => ({ index: u.index, value: toMsg(u.value) }));
        for (const u of r.state) u.value.dispose();
        return { loss: r.loss.dataSync()[0], grads: r.grads.map(toMsg), correct: r.correct, state };
      });
    },

    'model.gradientsShared'(req: SharedGradRequest) {
      const m = bind(req.model, req.weights);
      return engine.tidy(() => {
        const r = shard(m, req, req.rows, req.scale);
        return { loss: r.loss.dataSync()[0], grads: r.grads.map(ctx.hold), correct: r.correct, state: r.state.map((u) => ({ index: u.index, value: ctx.hold(u.value) })) };
      });
    },

    'model.steps'(req: SharedStepsRequest) {
      const m = bind(req.model, req.weights);
      const memory = sharedBackend()!.shared.memory;
      const nv = req.params.length, cols = nv + req.state.length;
      const table = () => new Int32Array(memory.buffer, req.sync + 4 * HEADER, req.workers * cols);
      const losses = new Float64Array(req.attrs.length), correct = new Float64Array(req.attrs.length);
      let mine: Tensor[] = [];
      const times = { start: performance.timeOrigin + performance.now(), end: 0, shard: 0, trace: 0, wait: 0, apply: 0, sleeps: 0 };
      const pacer = new Pacer(memory, req.sync, req.workers);
      let direct: DirectUpdate | null = null;
      let xy: [Tensor, Tensor] | null = null;
      const meet = (deadline: number) => {
        const t0 = performance.now();
        pacer.meet(deadline);
        times.wait += performance.now() - t0;
      };
      let eager: string | null = null;
      try {
        // NOTE: clipping needs the summed gradient as a tensor (clip, norms): those calls keep the tensor path.
        if (req.clipValue === undefined && req.norms === 0) direct = directUpdate(req);
        for (let s = 0; s < req.attrs.length; s++) {
          const deadline = performance.now() + req.timeoutMs;
          const start = req.from + s * req.batchSize;
          const count = Math.min(req.batchSize, req.order.length - start);
          const sizes = shardSizes(count, req.workers);
          const size = sizes[req.worker] ?? 0;
          let r0 = start;
          for (let w = 0; w < req.worker && w < sizes.length; w++) r0 += sizes[w];
          const ptrs = new Array<number>(cols).fill(0);
          let traced: ShardPtrs | null = null;
          const t0 = performance.now();
          const tracing = !models.get(req.model)!.plans.size;
          let why: string | undefined = req.compile === false ? 'compile: false' : engine.recorder !== null ? 'this thread is tracing a step' : undefined;
          if (size > 0 && why === undefined) {
            const entry = models.get(req.model)!;
            // NOTE: borrowed once a call, not once a step: the step's JavaScript stays the replay's.
            xy ??= [borrow(req.x, 'steps'), borrow(req.y, 'steps')];
            const got = compiledShard(entry.plans, m, xy[0], xy[1], req.order.subarray(r0, r0 + size), count, req.loss, req.accuracy);
            if (typeof got === 'string') why = got;
            else { traced = got; why = got.eager; }
          }
          if (size > 0 && why !== undefined) eager ??= why;
          if (traced) {
            if (traced.grads.length !== nv) throw new Error(`the model has ${traced.grads.length} gradients, the optimizer ${nv} variables`);
            for (const u of traced.state) {
              const j = req.state.indexOf(u.index);
              if (j < 0) throw new Error(`state weight '${m.weights[u.index].name}' is not a float32 non-trainable weight; worker-run steps cannot average it`);
              ptrs[nv + j] = u.ptr;
            }
            for (let i = 0; i < nv; i++) ptrs[i] = traced.grads[i];
            losses[s] = traced.loss;
            correct[s] = traced.correct;
          } else if (size > 0) {
            losses[s] = engine.tidy(() => {
              const r = shard(m, req, req.order.subarray(r0, r0 + size), size / count);
              mine = [...r.grads.map((g) => engine.keep(g)), ...r.state.map((u) => u.value)];
              if (r.grads.length !== nv) throw new Error(`the model has ${r.grads.length} gradients, the optimizer ${nv} variables`);
              for (const u of r.state) {
                const j = req.state.indexOf(u.index);
                if (j < 0 || u.value.dtype !== 'float32') throw new Error(`state weight '${m.weights[u.index].name}' is not a float32 non-trainable weight; worker-run steps cannot average it`);
                ptrs[nv + j] = (u.value.storage!.buf as { ptr: number }).ptr;
              }
              correct[s] = r.correct;
              return r.loss.dataSync()[0];
            });
            for (let i = 0; i < nv; i++) ptrs[i] = (mine[i].storage!.buf as { ptr: number }).ptr;
          }
          const t1 = performance.now();
          times.shard += t1 - t0;
          if (tracing) times.trace += t1 - t0;
          const t = table();
          for (let i = 0; i < cols; i++) Atomics.store(t, req.worker * cols + i, ptrs[i]);
          meet(deadline);
          const w0 = times.wait, t2 = performance.now();
          applySlices(req, s, table(), sizes, () => meet(deadline), direct);
          times.apply += performance.now() - t2 - (times.wait - w0);
          // NOTE: nobody may free a gradient or state value another worker still reads: wait for all updates first.
          meet(deadline);
          for (const g of mine) g.dispose();
          mine = [];
          traced?.done?.();
        }
      } catch (e) {
        abortRun(memory, req.sync);
        throw e;
      } finally {
        for (const g of mine) g.dispose();
        direct?.dispose();
        if (xy) for (const t of xy) t.dispose();
      }
      times.end = performance.timeOrigin + performance.now();
      times.sleeps = pacer.sleeps;
      return { losses, correct, eager, times };
    },

    'model.drop'(id) {
      drop(id);
    },
  };
}

/** Adds the model's jobs to this thread's workers' handlers (idempotent). */
export function registerReplicaJobs(): void {
  registerJobs(replicaJobs);
}
