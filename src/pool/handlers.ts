// What a worker does for each protocol call, written against the library alone (no worker API), so
// the same code serves the pool's workers and an in-thread pool (`createPool({ workers: 0 })`).
import { engine } from '../engine.js';
import type { Tensor, Variable } from '../tensor.js';
import { tensor } from '../ops/creation.js';
import { sizeOf } from '../kernels.js';
import { bytesOf } from '../dtypes.js';
import { matmul } from '../ops/linalg.js';
import { gather } from '../ops/shape.js';
import { add, clip } from '../ops/elementwise.js';
import type { WasmBackend, WasmSharedMemory } from '../backends/wasm.js';
import type {
  GradReply, GradRequest, InitReply, InitRequest, ModelMsg, SharedGradReply, SharedGradRequest, SharedStepsRequest, TensorMsg,
  TensorRef, WorkerApi,
} from './protocol.js';
import { reviveModel, type WorkerModel } from './model.js';

/** A tensor message holding `t`'s values (a fresh buffer the sender may transfer). */
export function toMsg(t: Tensor): TensorMsg {
  return { shape: [...t.shape], dtype: t.dtype, data: t.dataSync() };
}

export function fromMsg(m: TensorMsg): Tensor {
  return tensor(m.data, m.shape, m.dtype);
}

/** The transferable (non-shared) buffers inside a reply, for postMessage's transfer list. */
export function buffersOf(value: unknown, into: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !into.includes(value.buffer)) into.push(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) buffersOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) buffersOf(v, into);
  }
  return into;
}

type Handlers = Omit<WorkerApi, 'fault'>;

/** Sizes of `parts` contiguous shards of n rows, larger first, no empty shard. */
export function shardSizes(n: number, parts: number): number[] {
  const k = Math.max(1, Math.min(n, parts));
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/** Control block of worker-run steps (SharedStepsRequest.sync), in Int32 words; GRADS is the header's size. */
const ARRIVED = 0, GENERATION = 1, ABORTED = 2;
export const GRADS = 3;

const header = (memory: WebAssembly.Memory, sync: number) => new Int32Array(memory.buffer, sync, GRADS);

/** Opens a run of worker-run steps: nobody has arrived, nobody has failed. */
export function startRun(memory: WebAssembly.Memory, sync: number): void {
  const ctl = header(memory, sync);
  Atomics.store(ctl, ARRIVED, 0);
  Atomics.store(ctl, ABORTED, 0);
}

/** Marks the run failed and wakes every worker waiting at its barrier, so each leaves with STOPPED. */
export function abortRun(memory: WebAssembly.Memory, sync: number): void {
  const ctl = header(memory, sync);
  Atomics.store(ctl, ABORTED, 1);
  Atomics.notify(ctl, GENERATION);
}
/** What a worker says when it leaves a run because another one failed (the caller reports that one). */
export const STOPPED = 'stopped: another worker of the run failed';
/** How long a worker spins at a barrier before it sleeps (ms): it keeps its core between steps. */
const SPIN_MS = 0.5;

/**
 * Waits until all `n` workers have called this for the current generation (the last to arrive
 * opens it). Throws when another worker aborted the run or `deadline` passes.
 */
function barrier(memory: WebAssembly.Memory, sync: number, n: number, deadline: number): void {
  const ctl = header(memory, sync);
  const gen = Atomics.load(ctl, GENERATION);
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === n) {
    Atomics.store(ctl, ARRIVED, 0);
    Atomics.add(ctl, GENERATION, 1);
    Atomics.notify(ctl, GENERATION);
    return;
  }
  const spinUntil = performance.now() + SPIN_MS;
  while (Atomics.load(ctl, GENERATION) === gen) {
    if (Atomics.load(ctl, ABORTED) !== 0) throw new Error(STOPPED);
    const now = performance.now();
    if (now < spinUntil) continue;
    if (now > deadline) throw new Error(`other workers did not reach the step's barrier within the timeout`);
    // NOTE: a short wait, so the abort flag is seen even if nobody notifies.
    Atomics.wait(ctl, GENERATION, gen, Math.min(50, deadline - now));
  }
}

/** This thread's wasm backend when its memory is shared (the caller's, or attached to it), else null. */
export function sharedBackend(): (WasmBackend & { shared: WasmSharedMemory }) | null {
  const b = engine.backend as WasmBackend | null;
  return b?.name === 'wasm' && b.shared ? (b as WasmBackend & { shared: WasmSharedMemory }) : null;
}

/** A tensor over a block of the shared memory that another thread owns: used here, never freed here. */
export function borrow(ref: TensorRef, what: string): Tensor {
  const b = sharedBackend();
  if (!b) throw new Error(`${what}: this thread's backend does not run on the pool's shared memory`);
  return engine.wrap({ shape: ref.shape, dtype: ref.dtype, buf: b.shared.borrow(ref.ptr, sizeOf(ref.shape) * bytesOf(ref.dtype)) }, b);
}

/** The address of a tensor in the shared memory, or null when it lives elsewhere. */
export function refOf(t: Tensor, memory: WebAssembly.Memory): TensorRef | null {
  const s = t.storage;
  const b = s?.backend as WasmBackend | undefined;
  if (!s || b?.name !== 'wasm' || b.shared?.memory !== memory) return null;
  return { shape: [...t.shape], dtype: t.dtype, ptr: (s.buf as { ptr: number }).ptr };
}

/**
 * Options `init` passes to the engine. `inThread`: the handlers run in the caller's own thread
 * (`workers: 0`), which keeps its backend: attaching would start a second one.
 */
type HandlerOptions = { inThread?: boolean };

/** The protocol's handlers over this thread's engine. */
export function createHandlers(hopts: HandlerOptions = {}): Handlers {
  const models = new Map<number, { version: string; model: WorkerModel; bound: string }>();
  /** Results held for the caller (shared mode), by address. */
  const held = new Map<number, Tensor>();

  const hold = (t: Tensor): TensorRef => {
    engine.keep(t);
    const ref = refOf(t, sharedBackend()!.shared.memory)!;
    // NOTE: a result that is a view of a held tensor (or of the caller's) is released once.
    const prev = held.get(ref.ptr);
    if (prev && prev !== t) t.dispose();
    else held.set(ref.ptr, t);
    return ref;
  };

  /** Rows `rows` of the training set (x, y by address), gathered here: their scaled loss and gradients. */
  const shard = (m: WorkerModel, req: { x: TensorRef; y: TensorRef; loss: string }, rows: Int32Array, scale: number) => {
    const idx = tensor(rows, [rows.length], 'int32');
    return m.lossAndGrads(gather(borrow(req.x, 'gradients'), idx), gather(borrow(req.y, 'gradients'), idx), req.loss, scale);
  };

  /** The shard's scaled loss and gradients (held). */
  const shardGradients = (req: SharedGradRequest): SharedGradReply => {
    const m = bind(req.model, req.weights);
    return engine.tidy(() => {
      const { loss, grads } = shard(m, req, req.rows, req.scale);
      return { loss: loss.dataSync()[0], grads: grads.map(hold) };
    });
  };

  /**
   * Step `s` of a worker-run request, this worker's part: for its slice of each trainable weight
   * (whole SIMD vectors; the last slice takes the rest), the sum of every worker's gradient over it,
   * clipped if asked, then the optimizer's update in place.
   */
  const applySlices = (req: SharedStepsRequest, s: number, grads: Int32Array): void => {
    const nv = req.params.length;
    engine.tidy(() => {
      req.params.forEach((p, i) => {
        const size = sizeOf(p.shape);
        const chunk = Math.ceil(size / req.workers / 4) * 4;
        const lo = req.worker * chunk, n = Math.min(size, lo + chunk) - lo;
        if (n <= 0) return;
        const slice = (ptr: number) => borrow({ shape: [n], dtype: 'float32', ptr: ptr + 4 * lo }, 'steps');
        let g: Tensor | null = null;
        for (let w = 0; w < req.workers; w++) {
          // NOTE: the table is Int32: an address from 2 GiB up reads back negative until made unsigned.
          const ptr = Atomics.load(grads, w * nv + i) >>> 0;
          if (ptr !== 0) g = g ? add(g, slice(ptr)) : slice(ptr);
        }
        if (!g) return;
        if (req.clipValue !== undefined) g = clip(g, -req.clipValue, req.clipValue);
        engine.runKernelInPlace(req.kernel as 'sgdUpdate', [p, ...req.slots[i]].map((t) => slice(t.ptr)) as Variable[], [g], req.attrs[s] as never);
      });
    });
  };

  /** Points model `id`'s weights at the caller's tensors, unless they are there already. */
  const bind = (id: number, weights: TensorRef[]): WorkerModel => {
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

  const model = (id: number, what: string): WorkerModel => {
    const m = models.get(id);
    if (!m) throw new Error(`${what}: model ${id} was never sent to this worker`);
    return m.model;
  };

  const setAll = (id: number, version: string, weights: Tensor[]): void => {
    const m = model(id, 'setWeights');
    try {
      m.setWeights(weights);
    } finally {
      for (const w of weights) w.dispose();
    }
    models.get(id)!.version = version;
  };

  return {
    async init(req: InitRequest): Promise<InitReply> {
      if (!hopts.inThread) await engine.init(req);
      const b = engine.requireBackend('init');
      return {
        backend: b.name,
        wasmBuild: b.name === 'wasm' ? String(b.info.build) : undefined,
        sharedMemory: req.attach ? sharedBackend()?.shared.memory === req.attach.memory : sharedBackend() !== null,
      };
    },

    matmul(a, b, opts) {
      return engine.tidy(() => toMsg(matmul(fromMsg(a), fromMsg(b), opts)));
    },

    async loadModel(id: number, version: string, msg: ModelMsg): Promise<void> {
      models.get(id)?.model.dispose();
      models.delete(id);
      models.set(id, { version, model: await reviveModel(msg.modelJson, msg.weights), bound: '' });
    },

    setWeights(id, version, weights) {
      setAll(id, version, weights.map(fromMsg));
      models.get(id)!.bound = '';
    },

    predict(id, x) {
      const m = model(id, 'predict');
      return engine.tidy(() => toMsg(m.predict(fromMsg(x))));
    },

    gradients(req: GradRequest): GradReply {
      const m = model(req.model, 'gradients');
      return engine.tidy(() => {
        const { loss, grads } = m.lossAndGrads(fromMsg(req.x), fromMsg(req.y), req.loss);
        return { loss: loss.dataSync()[0], grads: grads.map(toMsg) };
      });
    },

    predictShared(id, weights, x) {
      const m = bind(id, weights);
      return engine.tidy(() => hold(m.predict(borrow(x, 'predict'))));
    },

    gradientsShared: shardGradients,

    stepsShared(req: SharedStepsRequest): Float64Array {
      const m = bind(req.model, req.weights);
      const memory = sharedBackend()!.shared.memory;
      const nv = req.params.length;
      const table = () => new Int32Array(memory.buffer, req.sync + 4 * GRADS, req.workers * nv);
      const losses = new Float64Array(req.attrs.length);
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
          const ptrs: number[] = [];
          if (size > 0) {
            losses[s] = engine.tidy(() => {
              const { loss, grads } = shard(m, req, req.order.subarray(r0, r0 + size), size / count);
              mine = grads.map((g) => engine.keep(g));
              return loss.dataSync()[0];
            });
            if (mine.length !== nv) throw new Error(`the model has ${mine.length} gradients, the optimizer ${nv} variables`);
            for (const g of mine) ptrs.push((g.storage!.buf as { ptr: number }).ptr);
          }
          const t = table();
          for (let i = 0; i < nv; i++) Atomics.store(t, req.worker * nv + i, ptrs[i] ?? 0);
          barrier(memory, req.sync, req.workers, deadline);
          applySlices(req, s, table());
          // NOTE: nobody may free a gradient another worker still sums: wait for all updates first.
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
      return losses;
    },

    gemm(req) {
      const b = sharedBackend();
      if (!b) throw new Error("gemm: this thread's backend does not run on the pool's shared memory");
      b.shared.gemm(req);
    },

    regions() {
      return hopts.inThread ? [] : sharedBackend()?.shared.regions() ?? [];
    },

    release(ptrs) {
      for (const p of ptrs) {
        held.get(p)?.dispose();
        held.delete(p);
      }
    },

    dropModel(id) {
      models.get(id)?.model.dispose();
      models.delete(id);
    },

    memory() {
      return { tensors: engine.tensors, bytes: engine.bytes };
    },
  };
}
