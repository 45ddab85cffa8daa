// The worker's side of the model's jobs (protocol.ts): the copy of each model a worker keeps (rebuilt
// from the caller's artifacts), its predictions, and the loss, gradients, correct count and state
// updates of its shard of a training batch; in shared mode also the worker-run steps. Registered into
// every worker by src/worker.ts, and in the caller's thread for in-thread pools (client.ts).
import { engine } from '../../engine.js';
import type { Tensor, Variable } from '../../tensor.js';
import { tensor } from '../../ops/creation.js';
import { sizeOf } from '../../kernels.js';
import { gather } from '../../ops/shape.js';
import { add, clip, mul } from '../../ops/elementwise.js';
import { type JobContext, type JobHandlers, registerJobs } from '../../pool/jobs.js';
import { borrow, fromMsg, sharedBackend, shardSizes, toMsg } from '../../pool/handlers.js';
import { HEADER, abortRun, barrier } from '../../pool/barrier.js';
import type { TensorRef } from '../../pool/protocol.js';
import type { SharedGradRequest, SharedStepsRequest, StateMsg } from './protocol.js';
import type { Model } from '../graph.js';
import { loadModel } from '../index.js';
import { valueAndGrads } from '../../autograd/index.js';
import { batchLoss, countCorrect } from '../training.js';

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

/** The model's jobs for one worker (or one in-thread pool): its copies of models by id. */
function replicaJobs(ctx: JobContext): JobHandlers {
  const models = new Map<number, { version: string; model: Model<Tensor | Tensor[]>; bound: string }>();

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
    models.get(id)?.model.dispose();
    models.delete(id);
  };

  /**
   * Step `s` of a worker-run request, this worker's part: for its slice of each trainable weight
   * (whole SIMD vectors; the last slice takes the rest), the sum of every worker's gradient over it,
   * clipped if asked, then the optimizer's update in place; for its slice of each state weight, the
   * workers' new values averaged by their shares of the batch (`sizes`), written in place.
   */
  const applySlices = (req: SharedStepsRequest, s: number, table: Int32Array, sizes: number[]): void => {
    const nv = req.params.length, cols = nv + req.state.length;
    const sliceOf = (size: number) => {
      const chunk = Math.ceil(size / req.workers / 4) * 4;
      const lo = req.worker * chunk;
      return [lo, Math.min(size, lo + chunk) - lo];
    };
    // NOTE: the table is Int32: an address from 2 GiB up reads back negative until made unsigned.
    const ptrAt = (w: number, col: number) => Atomics.load(table, w * cols + col) >>> 0;
    engine.tidy(() => {
      req.params.forEach((p, i) => {
        const [lo, n] = sliceOf(sizeOf(p.shape));
        if (n <= 0) return;
        const slice = (ptr: number) => borrow({ shape: [n], dtype: 'float32', ptr: ptr + 4 * lo }, 'steps');
        let g: Tensor | null = null;
        for (let w = 0; w < req.workers; w++) {
          const ptr = ptrAt(w, i);
          if (ptr !== 0) g = g ? add(g, slice(ptr)) : slice(ptr);
        }
        if (!g) return;
        if (req.clipValue !== undefined) g = clip(g, -req.clipValue, req.clipValue);
        engine.runKernelInPlace(req.kernel as 'sgdUpdate', [p, ...req.slots[i]].map((t) => slice(t.ptr)) as Variable[], [g], req.attrs[s] as never);
      });
    });
    const buffer = sharedBackend()!.shared.memory.buffer;
    req.state.forEach((index, j) => {
      const ref = req.weights[index];
      const [lo, n] = sliceOf(sizeOf(ref.shape));
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
      models.set(id, { version, model: await loadModel<Tensor | Tensor[]>({ modelJson: msg.modelJson, weights: msg.weights }), bound: '' });
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
      try {
        for (let s = 0; s < req.attrs.length; s++) {
          const deadline = performance.now() + req.timeoutMs;
          const start = req.from + s * req.batchSize;
          const count = Math.min(req.batchSize, req.order.length - start);
          const sizes = shardSizes(count, req.workers);
          const size = sizes[req.worker] ?? 0;
          let r0 = start;
          for (let w = 0; w < req.worker && w < sizes.length; w++) r0 += sizes[w];
          const ptrs = new Array<number>(cols).fill(0);
          if (size > 0) {
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
          const t = table();
          for (let i = 0; i < cols; i++) Atomics.store(t, req.worker * cols + i, ptrs[i]);
          barrier(memory, req.sync, req.workers, deadline);
          applySlices(req, s, table(), sizes);
          // NOTE: nobody may free a gradient or state value another worker still reads: wait for all updates first.
          barrier(memory, req.sync, req.workers, deadline);
          for (const g of mine) g.dispose();
          mine = [];
        }
      } catch (e) {
        abortRun(memory, req.sync);
        throw e;
      } finally {
        for (const g of mine) g.dispose();
      }
      return { losses, correct };
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
