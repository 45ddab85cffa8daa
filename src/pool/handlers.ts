// What a worker does for each protocol call, written against the library alone (no worker API), so
// the same code serves the pool's workers and an in-thread pool (`createPool({ workers: 0 })`):
// the generic calls, and the jobs modules above the pool registered (jobs.ts).
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { tensor } from '../ops/creation.js';
import { sizeOf } from '../kernels.js';
import { bytesOf } from '../dtypes.js';
import { matmul } from '../ops/linalg.js';
import type { WasmBackend, WasmSharedMemory } from '../backends/wasm.js';
import type { InitReply, InitRequest, TensorMsg, TensorRef, WorkerApi } from './protocol.js';
import { type JobContext, type JobHandlers, jobMakers } from './jobs.js';

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

  const ctx: JobContext = { inThread: !!hopts.inThread, hold };
  // The registered jobs' handlers, made on first use (a module may register after the pool started).
  const jobs = new Map<string, (...a: unknown[]) => unknown>();
  let made = 0;
  const job = (name: string): (...a: unknown[]) => unknown => {
    const makers = jobMakers();
    for (; made < makers.length; made++) {
      for (const [k, h] of Object.entries(makers[made](ctx) as JobHandlers)) jobs.set(k, h as (...a: unknown[]) => unknown);
    }
    const h = jobs.get(name);
    if (!h) throw new Error(`no job '${name}' is registered in this worker (registered: ${[...jobs.keys()].join(', ') || 'none'}); the worker script must import the module that registers it`);
    return h;
  };

  return {
    async init(req: InitRequest): Promise<InitReply> {
      const start = performance.timeOrigin + performance.now();
      if (!hopts.inThread) await engine.init(req);
      const b = engine.requireBackend('init');
      return {
        backend: b.name,
        wasmBuild: b.name === 'wasm' ? String(b.info.build) : undefined,
        gemmTile: b.name === 'wasm' ? String(b.info.gemmTile) : undefined,
        sharedMemory: req.attach ? sharedBackend()?.shared.memory === req.attach.memory : sharedBackend() !== null,
        times: { start, end: performance.timeOrigin + performance.now() },
      };
    },

    matmul(a, b, opts) {
      return engine.tidy(() => toMsg(matmul(fromMsg(a), fromMsg(b), opts)));
    },

    run(name, args) {
      return job(name)(...args);
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

    memory() {
      return { tensors: engine.tensors, bytes: engine.bytes };
    },
  };
}
