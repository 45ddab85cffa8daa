// The worker pool: starts workers that serve the protocol (protocol.ts) through Comlink, splits
// work across them in order, and survives workers that throw, die or never answer. It knows
// threads, memory and generic work (matmul); work on models lives with the model
// (model/parallel/) and reaches the workers as registered jobs (jobs.ts).

// NOTE: the library through its entry, so this lazily loaded module reaches the same files as the
// app and every other lazy module: esbuild then keeps the library in one chunk (see ARCHITECTURE).
import '../core.js';
import * as Comlink from 'comlink';
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { tensor } from '../ops/creation.js';
import { matmul as matmulInThread, type MatmulOptions } from '../ops/linalg.js';
import { checkTensor } from '../ops/util.js';
import { sizeOf } from '../kernels.js';
import type { Fault, InitReply, InitRequest, JobArgs, JobName, JobReply, TensorMsg, TensorRef, WorkerApi } from './protocol.js';
import { READY } from './protocol.js';
import { buffersOf, createHandlers, refOf, shardSizes, sharedBackend } from './handlers.js';
export { shardSizes } from './handlers.js';
import type { WasmSharedMemory } from '../backends/wasm.js';
import { describe, spawnThread, WORKER_URL_HINT, type Thread } from './threads.js';
import { isNode } from '../platform.js';

export type PoolMode = 'shared' | 'transfer';

export interface PoolOptions {
  /** Worker threads (default: the available cores). 0 runs the protocol in the calling thread. */
  workers?: number;
  /**
   * The worker script (default: the package's `edgegrad/worker`, which Node, Vite and webpack find
   * on their own; with esbuild or unbundled files in a browser, pass the URL of `edgegrad/worker`
   * bundled as an entry of its own).
   */
  workerUrl?: string | URL;
  /** A call a worker has not answered after this long rejects and the worker is replaced (default 120 s; 0: never). */
  timeoutMs?: number;
  /** Starting a worker and its backend (default 30 s). */
  startTimeoutMs?: number;
  /** `pool.matmul` runs in-thread below this many flops (2·M·N·K); default MATMUL_MIN_FLOPS[mode]. */
  matmulMinFlops?: number;
  /**
   * 'shared' (the default where the caller's wasm backend runs on a shared memory): workers attach
   * to that memory and read inputs and weights in place. 'transfer': inputs, weights and results
   * are copied into messages.
   */
  memory?: PoolMode;
  /** The workers' backend (default: the caller's; wasm when the caller has none or runs webgpu). */
  backend?: InitRequest;
}

/**
 * 2·M·N·K below which splitting a GEMM over the pool loses to one thread, by mode. Measured by
 * bench/pool.ts on 2 cores, 2026-11-25. Shared: a call costs about 0.15 ms, so 128³ (4.2e6 flops,
 * 0.09 ms in-thread) loses 2x and 256³ (3.4e7) wins 1.4x; the threshold sits between. Transfer also
 * copies the operands and the result: 256³ was about even and 384³ (1.1e8) won.
 */
export const MATMUL_MIN_FLOPS: Record<PoolMode, number> = { shared: 2 ** 24, transfer: 2 ** 26 };

const DEFAULT_TIMEOUT_MS = 120_000;
/** The part of the caller's arena each shared-mode worker starts with (it grows the memory for more). */
const WORKER_REGION_BYTES = 4 << 20;
const DEFAULT_START_TIMEOUT_MS = 30_000;

/** One worker (or the in-thread stand-in) and what the pool knows about it. */
export class Slot {
  remote!: Comlink.Remote<WorkerApi>;
  thread: Thread | null = null;
  ready!: Promise<void>;
  up = false;
  failed = false;
  /** Calls sent and not yet answered. */
  inFlight = 0;
  endedWith: string | null = null;
  /** @internal When its thread was asked for, when it said READY (ms since the epoch), and its init reply (bench/pool-profile.ts). */
  boot: { spawn: number; ready: number; reply: InitReply | null } = { spawn: 0, ready: 0, reply: null };
  private readonly watchers = new Set<(e: Error) => void>();

  constructor(readonly index: number) {}

  error(): Error { return new Error(`pool worker ${this.index} ${this.endedWith}`); }

  /** Calls `cb` when the worker ends (now, if it has); returns the unsubscribe. */
  watch(cb: (e: Error) => void): () => void {
    if (this.endedWith !== null) { cb(this.error()); return () => {}; }
    this.watchers.add(cb);
    return () => { this.watchers.delete(cb); };
  }

  /** Records why the worker ended and fails every call waiting on it; false if it had already ended. */
  end(cause: string): boolean {
    if (this.endedWith !== null) return false;
    this.endedWith = cause;
    const e = this.error();
    for (const cb of [...this.watchers]) cb(e);
    this.watchers.clear();
    return true;
  }
}

/** Protocol handlers in this thread, shaped like a Comlink remote. */
function inlineRemote(): Comlink.Remote<WorkerApi> {
  const h = createHandlers({ inThread: true }) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const api: Record<string, (...a: unknown[]) => Promise<unknown>> = {};
  for (const k of Object.keys(h)) api[k] = async (...a) => h[k](...a);
  api.fault = async () => { throw new Error('fault injection needs a worker thread'); };
  return api as unknown as Comlink.Remote<WorkerApi>;
}

/** Marks a message's own buffers for transfer (SharedArrayBuffers are shared, not moved). */
function tx<T>(msg: T): T {
  return msg !== null && typeof msg === 'object' ? Comlink.transfer(msg, buffersOf(msg)) : msg;
}


async function countCores(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  if (isNode()) {
    const spec = 'node:os';
    const os = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as typeof import('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return 1;
}

/** The caller's backend, as the workers should start it (attached to its memory when `share`). */
function callerBackend(share: boolean): InitRequest {
  const b = engine.backend;
  if (b?.name === 'js') return { backend: 'js', precision: b.info.precision === 'float64' ? 'float64' : undefined };
  if (b?.name === 'wasm') {
    const build = b.info.build === 'relaxed' ? 'relaxed' : 'simd';
    const s = sharedBackend()?.shared;
    const gemmTile = b.info.gemmTile as InitRequest['gemmTile'];
    return {
      backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: build === 'relaxed', gemmTile,
      attach: share && s ? { memory: s.memory, module: s.module } : undefined,
    };
  }
  return { backend: 'wasm' };
}

/** The pool mode the current backend allows: 'shared' when it is wasm on a shared memory. */
export function poolMemory(): PoolMode {
  return sharedBackend() ? 'shared' : 'transfer';
}

export class Pool {
  /** Number of workers (1 for an in-thread pool). */
  readonly size: number;
  /** 'shared': workers run on the caller's wasm memory; 'transfer': data is copied into messages. */
  readonly mode: PoolMode;
  /** Shared mode: the caller's backend on the memory the workers share. */
  private readonly shared: WasmSharedMemory | null;
  /** True when the protocol runs in the calling thread (`workers: 0`). */
  readonly inThread: boolean;
  private readonly slots: Slot[] = [];
  private readonly url: string | URL | undefined;
  /** @internal How long a call may go unanswered. */
  readonly timeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly matmulMinFlops: number;
  private readonly initRequest: InitRequest;
  private closing = false;

  /** @internal Use `createPool`. */
  constructor(workers: number, opts: PoolOptions) {
    this.inThread = workers === 0;
    this.size = Math.max(1, workers);
    if (opts.memory !== undefined && opts.memory !== 'shared' && opts.memory !== 'transfer') {
      throw new Error(`createPool: memory must be 'shared' or 'transfer', got ${JSON.stringify(opts.memory)}`);
    }
    const can = poolMemory();
    if (opts.memory === 'shared' && can !== 'shared') {
      throw new Error("createPool: memory 'shared' needs the wasm backend on a shared memory (SharedArrayBuffer: Node, or a "
        + "cross-origin-isolated page; eg.init({ backend: 'wasm' }) before createPool); use 'transfer'");
    }
    this.mode = opts.backend ? 'transfer' : (opts.memory ?? can);
    this.shared = this.mode === 'shared' ? sharedBackend()!.shared : null;
    this.url = opts.workerUrl;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.startTimeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.matmulMinFlops = opts.matmulMinFlops ?? MATMUL_MIN_FLOPS[this.mode];
    this.initRequest = opts.backend ?? callerBackend(this.mode === 'shared' && !this.inThread);
    for (let i = 0; i < this.size; i++) this.slots.push(this.start(i));
  }

  get closed(): boolean { return this.closing; }

  /** @internal Resolves once every worker serves the protocol; rejects (after closing) if one cannot start. */
  async started(): Promise<this> {
    try {
      await Promise.all(this.slots.map((s) => s.ready));
    } catch (e) {
      await this.close();
      throw e;
    }
    return this;
  }

  private start(i: number): Slot {
    const slot = new Slot(i);
    slot.ready = this.boot(slot);
    slot.ready.catch(() => { slot.failed = true; });
    return slot;
  }

  private async boot(slot: Slot): Promise<void> {
    const i = slot.index;
    if (this.inThread) {
      slot.remote = inlineRemote();
      await slot.remote.init(this.initRequest);
      slot.up = true;
      return;
    }
    let thread: Thread;
    const now = () => performance.timeOrigin + performance.now();
    slot.boot.spawn = now();
    try {
      thread = await spawnThread(this.url);
    } catch (e) {
      throw new Error(`pool worker ${i} could not start: ${describe(e)}`);
    }
    slot.thread = thread;
    thread.onEnd((cause) => this.onEnded(slot, cause));
    if (this.closing) { slot.end('was closed with the pool'); await thread.terminate(); throw new Error('pool: closed while starting'); }
    const ready = new Promise<void>((resolve) => {
      const l = (ev: MessageEvent) => {
        if (ev.data !== READY) return;
        thread.endpoint.removeEventListener('message', l as EventListener);
        slot.boot.ready = now();
        resolve();
      };
      thread.endpoint.addEventListener('message', l as EventListener);
    });
    // NOTE: a shared-mode worker's arena starts in a range the caller's arena gives up (close() takes
    // it back), so pools that come and go reuse memory instead of growing it each time.
    const attach = this.initRequest.attach;
    const region = attach && this.shared ? this.shared.cede(WORKER_REGION_BYTES) : undefined;
    const starting = ready.then(() => {
      slot.remote = Comlink.wrap<WorkerApi>(thread.endpoint);
      return slot.remote.init(region ? { ...this.initRequest, attach: { ...attach!, region } } : this.initRequest);
    });
    try {
      const reply = await this.guard(slot, 'start', starting, this.startTimeoutMs, `could not start (${this.url === undefined ? "the package's worker" : String(this.url)})`);
      slot.boot.reply = reply;
      // NOTE: every thread must run the caller's GEMM code (pool results equal in-thread ones).
      const want = this.initRequest.gemmTile;
      if (want !== undefined && reply.gemmTile !== want) {
        if (!region) await thread.terminate().catch(() => {});
        throw new Error(`pool worker ${i} runs GEMM tile '${String(reply.gemmTile)}', not the caller's '${want}'`);
      }
    } catch (e) {
      if (region) { await thread.terminate().catch(() => {}); this.shared!.adopt([region]); }
      throw e;
    }
    slot.up = true;
  }

  /** A worker's thread ended: fail its calls, and put a fresh worker in its place. */
  private onEnded(slot: Slot, cause: string): void {
    if (!slot.end(cause)) return;
    if (this.closing || this.slots[slot.index] !== slot) return;
    // A worker that never came up is restarted by the next call, not in a loop here.
    if (slot.up) this.slots[slot.index] = this.start(slot.index);
  }

  /** Ends a worker that misbehaves (e.g. never answers); the exit handler replaces it. */
  private kill(slot: Slot, cause: string): void {
    this.onEnded(slot, cause);
    void slot.thread?.terminate().catch(() => {});
  }

  /**
   * `p` (a call on `slot`'s worker), rejected with an error naming the worker if the worker throws,
   * ends, or gives no answer within `timeoutMs` (then it is terminated and replaced).
   */
  private guard<T>(slot: Slot, what: string, p: Promise<T>, timeoutMs: number, verb = 'failed'): Promise<T> {
    const i = slot.index;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unwatch = () => {};
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        if (timer !== undefined) clearTimeout(timer);
        unwatch();
        return true;
      };
      unwatch = slot.watch((e) => { if (finish()) reject(new Error(`${e.message} (during ${what})`)); });
      if (done) return;
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          if (!finish()) return;
          const hint = what === 'start' && !slot.up
            ? ` (a worker script must import 'edgegrad/worker', which starts the protocol; a bundle of it that is empty or a copy `
              + `that cannot load its imports never answers${this.url === undefined ? `; ${WORKER_URL_HINT}` : ''})`
            : '';
          reject(new Error(`pool worker ${i} did not answer ${what} within ${timeoutMs} ms; it was terminated and replaced${hint}`));
          this.kill(slot, `did not answer ${what} within ${timeoutMs} ms`);
        }, timeoutMs);
      }
      p.then(
        (v) => { if (finish()) resolve(v); },
        (e) => { if (finish()) reject(new Error(`pool worker ${i} ${verb === 'failed' ? `${what} failed` : verb}: ${describe(e)}`, { cause: e })); },
      );
    });
  }

  /** @internal Runs `fn` against worker `i`'s remote, guarded (see `guard`). */
  async call<T>(i: number, what: string, fn: (w: Comlink.Remote<WorkerApi>, slot: Slot) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    if (this.closing) throw new Error(`pool: ${what} called after close()`);
    modelJobs?.sweep(this);
    let slot = this.slots[i];
    if (slot.failed || (slot.endedWith !== null && !this.inThread)) slot = this.slots[i] = this.start(i);
    await slot.ready;
    slot.inFlight++;
    try {
      return await this.guard(slot, what, fn(slot.remote, slot), timeoutMs);
    } finally {
      slot.inFlight--;
    }
  }

  /** @internal Test hook: makes worker `i` throw, exit, crash or stall (see protocol.ts `Fault`). */
  fault(i: number, f: Fault, timeoutMs?: number): Promise<void> {
    return this.call(i, `fault '${f.kind}'`, (w) => w.fault(f), timeoutMs);
  }

  /** @internal Test hook: terminates worker `i`'s thread from outside, as a crash would. */
  async terminateWorker(i: number): Promise<void> {
    const slot = this.slots[i];
    await slot.ready;
    await slot.thread?.terminate();
  }

  /** @internal Live tensor counts in each worker (each call first lets go of the models the caller disposed or replaced). */
  workerMemory(): Promise<{ tensors: number; bytes: number }[]> {
    return Promise.all(this.slots.map((_, i) => this.call(i, 'memory', (w) => w.memory())));
  }

  // ---- work ----------------------------------------------------------------------------------

  /**
   * op(a)·op(b) for rank-2 operands, split over row blocks of op(a) when the GEMM is large enough
   * (`matmulMinFlops`); smaller or batched products run in the calling thread. In shared mode each
   * worker writes its rows of the result in place.
   */
  async matmul(a: Tensor, b: Tensor, opts: MatmulOptions = {}): Promise<Tensor> {
    if (this.closing) throw new Error('pool: matmul called after close()');
    checkTensor('pool.matmul', a, 'a');
    checkTensor('pool.matmul', b, 'b');
    if (a.rank !== 2 || b.rank !== 2 || a.dtype !== 'float32' || b.dtype !== 'float32') return matmulInThread(a, b, opts);
    const tA = !!opts.transposeA, tB = !!opts.transposeB;
    const [ar, ac] = a.shape, [br, bc] = b.shape;
    const M = tA ? ac : ar, K = tA ? ar : ac, Kb = tB ? bc : br, N = tB ? br : bc;
    if (K !== Kb || 2 * M * N * K < this.matmulMinFlops) return matmulInThread(a, b, opts);
    const sizes = shardSizes(M, this.size);
    const A = this.ref(a), B = this.ref(b);
    if (A && B) {
      const c = this.empty([M, N]);
      const C = this.ref(c)!;
      let r0 = 0;
      try {
        await Promise.all(sizes.map((rows, i) => {
          // rows r0.. of op(a): whole rows of a, or (transposed) columns of a, at a row stride of ac
          const req = {
            a: A.ptr + 4 * r0 * (tA ? 1 : ac), b: B.ptr, c: C.ptr + 4 * r0 * N,
            M: rows, N, K, lda: ac, ldb: bc, ldc: N, transposeA: tA, transposeB: tB,
          };
          r0 += rows;
          return this.call(i, 'matmul', (w) => w.gemm(req));
        }));
      } catch (e) {
        c.dispose();
        throw e;
      }
      return c;
    }
    const av = a.dataSync() as Float32Array, bv = b.dataSync() as Float32Array;
    let row = 0;
    const parts = sizes.map((rows, i) => {
      const r0 = row;
      row += rows;
      const slice = tA ? columns(av, ar, ac, r0, rows) : av.slice(r0 * K, (r0 + rows) * K);
      const bm: TensorMsg = { shape: [br, bc], dtype: 'float32', data: i === sizes.length - 1 ? bv : bv.slice() };
      const am: TensorMsg = { shape: [rows, K], dtype: 'float32', data: slice };
      return this.call(i, 'matmul', (w) => w.matmul(tx(am), tx(bm), { transposeB: tB }));
    });
    return gather(await Promise.all(parts), [M, N]);
  }

  /** @internal `t` by address when it lives in the memory this pool shares with its workers. */
  ref(t: Tensor): TensorRef | null {
    return this.shared ? refOf(t, this.shared.memory) : null;
  }

  /** @internal A tensor of unspecified values on the caller's backend (shared mode: its memory). */
  empty(shape: number[]): Tensor {
    const b = engine.requireBackend('pool');
    return engine.wrap({ shape, dtype: 'float32', buf: b.alloc('float32', sizeOf(shape)) }, b);
  }

  /** @internal Lets worker `i` free results it holds for the caller (shared mode). */
  release(i: number, refs: TensorRef[]): void {
    const slot = this.slots[i];
    if (refs.length === 0 || this.closing || !slot.up || slot.endedWith !== null) return;
    // NOTE: not awaited, nor counted as a call in flight: the worker's next call queues behind it,
    // and a worker that died took its memory with it.
    slot.remote.release(refs.map((r) => r.ptr)).catch(() => {});
  }

  /**
   * @internal One call per worker; when any fails, the results the others hold are released and the
   * first error is thrown.
   */
  async settle<R>(calls: Promise<R>[], held: (r: R) => TensorRef[]): Promise<R[]> {
    const rs = await Promise.allSettled(calls);
    const bad = rs.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (bad) {
      rs.forEach((r, i) => { if (r.status === 'fulfilled') this.release(i, held(r.value)); });
      throw bad.reason;
    }
    return rs.map((r) => (r as PromiseFulfilledResult<R>).value);
  }

  /**
   * `model`'s predictions for the batch `x`, split into contiguous shards over the workers and
   * concatenated in order (model/parallel/client.ts: shared mode reads `x` and the weights in
   * place; transfer mode sends the model once, and its weights again only when they change).
   */
  predict(model: object, x: Tensor): Promise<Tensor> {
    if (this.closing) return Promise.reject(new Error('pool: predict called after close()'));
    if (!modelJobs) return Promise.reject(new Error('pool.predict: the model jobs are not loaded; start the pool with eg.createPool'));
    return modelJobs.predict(this, model, x);
  }

  /** @internal Runs job `name` (registered by a module above the pool) on the worker behind `remote`. */
  runJob<K extends JobName>(remote: Comlink.Remote<WorkerApi>, name: K, args: JobArgs<K>, transfer = false): Promise<JobReply<K>> {
    return remote.run(name, transfer ? tx(args) : args) as Promise<JobReply<K>>;
  }

  /** @internal */
  slotAt(i: number): Slot {
    return this.slots[i];
  }

  /**
   * Ends every worker; calls still in flight reject. The process can exit afterwards. In shared
   * mode the caller's arena takes back the memory idle workers owned (a worker that crashed or was
   * busy keeps its share: the memory cannot shrink, and those pages are not reused).
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const idle = this.shared && !this.inThread ? await Promise.all(this.slots.map((s) => this.regionsOf(s))) : [];
    await Promise.all(this.slots.map(async (s) => {
      s.end('was closed with the pool');
      await s.thread?.terminate().catch(() => {});
    }));
    for (const r of idle) if (r) this.shared!.adopt(r);
  }

  /** What an idle worker's arena owns, or null when it is busy, down or does not answer soon. */
  private async regionsOf(slot: Slot): Promise<[number, number][] | null> {
    if (!slot.up || slot.endedWith !== null || slot.inFlight > 0) return null;
    try {
      return await this.guard(slot, 'regions', slot.remote.regions(), 2000);
    } catch {
      return null;
    }
  }
}

/** Columns r0..r0+rows of a row-major [R, C] matrix, as a row-major [rows, R] matrix (rows of its transpose). */
function columns(v: Float32Array, R: number, C: number, r0: number, rows: number): Float32Array {
  const out = new Float32Array(rows * R);
  for (let k = 0; k < R; k++) {
    const src = k * C + r0;
    for (let j = 0; j < rows; j++) out[j * R + k] = v[src + j];
  }
  return out;
}

/** @internal One tensor on the caller's backend from row blocks, in order. */
export function gather(parts: TensorMsg[], shape: number[]): Tensor {
  if (parts.length === 1) return tensor(parts[0].data, shape, parts[0].dtype);
  const n = parts.reduce((s, p) => s + p.data.length, 0);
  const out = parts[0].dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
  let o = 0;
  for (const p of parts) { out.set(p.data, o); o += p.data.length; }
  return tensor(out, shape, parts[0].dtype);
}

/**
 * Work on models that the pool offers (pool.predict) but that lives with the model
 * (model/parallel/client.ts registers it): the pool imports nothing above it.
 */
export interface ModelJobs {
  predict(pool: Pool, model: object, x: Tensor): Promise<Tensor>;
  /** Lets the workers free their copies of models the caller disposed or replaced. */
  sweep(pool: Pool): void;
}
let modelJobs: ModelJobs | null = null;

/** @internal Called by model/parallel when it loads. */
export function registerModelJobs(jobs: ModelJobs): void {
  modelJobs = jobs;
}

/** Starts a pool of workers, each running the caller's backend; resolves once all serve. */
export async function createPool(opts: PoolOptions = {}): Promise<Pool> {
  const n = opts.workers ?? (await countCores());
  if (!Number.isInteger(n) || n < 0) throw new Error(`createPool: workers must be a non-negative integer, got ${JSON.stringify(opts.workers)}`);
  return new Pool(n, opts).started();
}
