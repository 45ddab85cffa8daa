// The WebGPU runtime: device, size-bucketed buffer pool, pipeline cache and batched submission.
/// <reference types="@webgpu/types" />
import type { StorageArray, TypedArray } from '../../dtypes.js';

// NOTE: numeric flags, not the GPUBufferUsage globals: Dawn for Node only defines those after
// `Object.assign(globalThis, globals)`, which a library must not do for its users.
export const USAGE = { MAP_READ: 1, COPY_SRC: 4, COPY_DST: 8, UNIFORM: 64, STORAGE: 128 } as const;
const MAP_READ_MODE = 1;

/** One tensor's storage: a pooled GPU buffer (its size is the bucket's) and the bytes in use. */
export interface GBuf {
  buffer: GPUBuffer;
  /** Bytes the tensor uses (elements * bytes per element, dtypes.ts); the buffer may be larger. */
  bytes: number;
  /** Host copy of values written from the host (int32 only), for ops that validate indices. */
  host?: TypedArray;
}

/** A compute program: its cache key, WGSL source, and how many storage bindings follow the params. */
export interface Program { key: string; code: () => string }

export interface Dispatch {
  program: Program;
  /** Storage buffers in binding order (1, 2, ...). The program decides which are writable. */
  buffers: GPUBuffer[];
  /** u32 words for the uniform at binding 0 (floats as their bits; see f32bits). */
  params: number[];
  /** Workgroup counts; callers pass the total and `groups()` splits it over x and y. */
  groups: [number, number, number];
}

const PARAM_SLOT = 256;
const UNIFORM_BYTES = 64 * 1024;
/** Dispatches per submit: enough to amortise submission, few enough to keep the GPU fed. */
const BATCH = 64;
/**
 * Dispatches per submit inside beginStep/endStep. A step is meant to be one submit, but buffers
 * freed inside it rejoin the pool only at a submit, so a very long step submits every this many
 * to bound the memory it holds.
 */
const STEP_BATCH = 4096;
/** Bind groups (each with its own 256-byte params buffer) kept by the cache, least recently used out first. */
const BIND_GROUP_CAP = 2048;

/**
 * A cached binding site: one program bound to one exact list of storage buffers, with its own
 * params (uniform) buffer and the bind group over all of them. `params` mirrors what the params
 * buffer holds (or will hold once the queue runs the writes already issued).
 */
interface Site {
  group: GPUBindGroup;
  uniform: GPUBuffer;
  params: Uint32Array;
  /** The submit epoch that last encoded a dispatch using this site (see GpuRuntime.epoch). */
  epoch: number;
}

const f32view = new Float32Array(1);
const u32view = new Uint32Array(f32view.buffer);
/** The bits of `v` rounded to float32, for the u32 uniform words. */
export function f32bits(v: number): number { f32view[0] = v; return u32view[0]; }

/** Splits `n` workgroups over x and y (each at most 65535); shaders rebuild the index from num_workgroups. */
export function groups(n: number, z = 1): [number, number, number] {
  const x = Math.min(n, 65535);
  return [Math.max(1, x), Math.max(1, Math.ceil(n / 65535)), z];
}

/** Size class of an allocation: powers of two up to 4 MiB, then whole MiB. */
function bucket(bytes: number): number {
  const b = Math.max(16, bytes);
  if (b <= 1 << 22) return 2 ** Math.ceil(Math.log2(b));
  return Math.ceil(b / (1 << 20)) * (1 << 20);
}

export class GpuRuntime {
  readonly device: GPUDevice;
  private pool = new Map<number, GPUBuffer[]>();
  private staging = new Map<number, GPUBuffer[]>();
  private pipelines = new Map<string, GPUComputePipeline>();
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pending = 0;
  /** Buffers the encoded, unsubmitted dispatches use: a host write to one must submit them first. */
  private inFlight = new Set<GPUBuffer>();
  /** Buffers freed while in flight: they join the pool at the next submit. */
  private deferred: GPUBuffer[] = [];
  /** Compile checks not yet resolved (reads wait for them so a compile error is the one reported). */
  private compiling = new Set<Promise<void>>();
  private uniform: GPUBuffer;
  private uniformHost = new Uint32Array(UNIFORM_BYTES / 4);
  private uniformUsed = 0;
  /** A lost device: every later call throws it. */
  failure: Error | null = null;
  /** An asynchronous GPU error (a shader that did not compile, a validation error): the next read throws it once. */
  private pendingError: Error | null = null;
  /** Programs that failed to compile, by key: running one throws at once. */
  private broken = new Map<string, Error>();
  live = 0;
  pooled = 0;
  dispatches = 0;
  submits = 0;
  /**
   * Caches bind groups and params buffers per binding site (see `run`). Off: every dispatch writes
   * its params into the shared ring and gets a fresh bind group (the path before the cache; tests
   * and benches compare the two).
   */
  caching = true;
  private cap = BIND_GROUP_CAP;
  /** Bind groups created (cached or not) and cache hits (a dispatch that created none). */
  bindGroupsCreated = 0;
  bindGroupHits = 0;
  /** Cache hits whose params changed (one 256-byte queue write each, no new bind group). */
  paramWrites = 0;
  /** The binding sites, least recently used first (a Map keeps insertion order; a hit moves its site last). */
  private sites = new Map<string, Site>();
  /**
   * Site keys seen once: a site is made on its second dispatch, so work that never repeats (one-off
   * ops, shapes that keep changing) pays no params buffer or eviction. Cleared at 4x the site cap.
   */
  private seen = new Set<string>();
  /** Params buffers of sites evicted while the unsubmitted encoder uses them: destroyed after the submit. */
  private retired: GPUBuffer[] = [];
  /** Counts submits; a site whose epoch equals it is used by the encoder being built. */
  private epoch = 0;
  /** Storage buffers' ids for the site keys (a WeakMap: no buffer is kept alive by it). */
  private ids = new WeakMap<GPUBuffer, number>();
  private nextId = 1;
  /** Open beginStep calls: while above 0 only reads, host writes to in-flight buffers and endStep submit. */
  private stepDepth = 0;

  /** The GPU object, held so it outlives the device (see findGpu). */
  readonly gpu: unknown;

  constructor(device: GPUDevice, gpu: unknown) {
    this.device = device;
    this.gpu = gpu;
    this.uniform = device.createBuffer({ size: UNIFORM_BYTES, usage: USAGE.UNIFORM | USAGE.COPY_DST });
    void device.lost.then((info) => {
      this.failure = info.reason === 'destroyed'
        ? new Error('webgpu: the GPU device was destroyed (the backend was disposed); call `await eg.init({ backend: \'webgpu\' })` again')
        : new Error(`webgpu: the GPU device was lost (${info.reason}): ${info.message || 'no message'}; `
          + 'tensors on it are gone; call `await eg.init({ backend: \'webgpu\' })` to start a new device');
    });
    device.addEventListener?.('uncapturederror', (ev) => {
      const msg = (ev as GPUUncapturedErrorEvent).error?.message ?? String(ev);
      this.pendingError ??= new Error(`webgpu: GPU error: ${msg}`);
    });
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Throws (once) the asynchronous error reported since the last read, if any. */
  private takeError(): void {
    this.check();
    const e = this.pendingError;
    this.pendingError = null;
    if (e) throw e;
  }

  // ---- buffers ----------------------------------------------------------------------------

  alloc(bytes: number): GBuf {
    this.check();
    const size = bucket(bytes);
    const free = this.pool.get(size);
    let buffer = free?.pop();
    if (buffer) this.pooled -= size;
    else {
      buffer = this.device.createBuffer({ size, usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST });
      this.ids.set(buffer, this.nextId++);
    }
    this.live += size;
    return { buffer, bytes };
  }

  free(b: GBuf): void {
    // NOTE: a buffer that unsubmitted dispatches use goes back to the pool at the next submit, so
    // a host write into its next owner (queue.writeBuffer runs before those dispatches) cannot
    // clobber it. Submitted work is ordered before anything later on the queue.
    const size = b.buffer.size;
    this.live -= size;
    this.pooled += size;
    if (this.failure) return;
    if (this.inFlight.has(b.buffer)) { this.deferred.push(b.buffer); return; }
    this.release(b.buffer);
  }

  /**
   * Puts a buffer back in its size class's free list, kept sorted by id (highest first), so alloc
   * takes the free buffer of lowest id. A LIFO stack would hand out buffers in the order the last
   * step freed them, which differs from the order it allocated them, so each step's tensors would
   * land in a permutation of the last step's buffers, and the bind-group cache (keyed by buffers)
   * would miss for many steps; lowest-id-first gives a repeated step the same buffers at once.
   */
  private release(buffer: GPUBuffer): void {
    const size = buffer.size;
    let list = this.pool.get(size);
    if (!list) this.pool.set(size, (list = []));
    const id = this.idOf(buffer);
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.idOf(list[mid]) > id) lo = mid + 1; else hi = mid;
    }
    if (lo === list.length) list.push(buffer);
    else list.splice(lo, 0, buffer);
  }

  private idOf(b: GPUBuffer): number {
    let id = this.ids.get(b);
    if (id === undefined) this.ids.set(b, (id = this.nextId++));
    return id;
  }

  write(b: GBuf, data: StorageArray): void {
    this.check();
    if (data.byteLength === 0) return;
    if (this.inFlight.has(b.buffer)) this.flush();
    this.device.queue.writeBuffer(b.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  }

  async read(b: GBuf, bytes: number): Promise<ArrayBuffer> {
    if (this.compiling.size) await Promise.all(this.compiling);
    this.takeError();
    if (bytes === 0) return new ArrayBuffer(0);
    this.flush();
    const size = bucket(bytes);
    const st = this.staging.get(size)?.pop()
      ?? this.device.createBuffer({ size, usage: USAGE.MAP_READ | USAGE.COPY_DST });
    const enc = this.device.createCommandEncoder();
    enc.copyBufferToBuffer(b.buffer, 0, st, 0, Math.ceil(bytes / 4) * 4);
    this.device.queue.submit([enc.finish()]);
    // NOTE: Dawn for Node does not keep the event loop alive for a pending mapAsync; a timer does.
    const keepAlive = setInterval(() => {}, 1000);
    try {
      await st.mapAsync(MAP_READ_MODE, 0, size);
    } catch (e) {
      this.check();
      throw new Error(`webgpu: reading a tensor failed: ${(e as Error).message}`);
    } finally {
      clearInterval(keepAlive);
    }
    // errors of the work this read waited for (a program that did not compile gave wrong values)
    if (this.pendingError) { st.unmap(); this.takeError(); }
    const out = st.getMappedRange(0, size).slice(0, bytes);
    st.unmap();
    let list = this.staging.get(size);
    if (!list) this.staging.set(size, (list = []));
    list.push(st);
    return out;
  }

  // ---- programs ---------------------------------------------------------------------------

  private pipeline(p: Program): GPUComputePipeline {
    let pl = this.pipelines.get(p.key);
    if (pl) return pl;
    const code = p.code();
    const d = this.device;
    d.pushErrorScope('validation');
    const module = d.createShaderModule({ code, label: p.key });
    pl = d.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: p.key });
    const checked = d.popErrorScope().then(async (err) => {
      if (!err) return;
      let detail = '';
      try {
        const info = await module.getCompilationInfo();
        detail = info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ');
      } catch { /* no compilation info */ }
      // NOTE: a compile error also makes later uses of the pipeline fail as uncaptured errors,
      // which may arrive first; the compile error is the one worth reporting.
      const e = new Error(`webgpu: shader program '${p.key}' failed to compile: ${detail || err.message}`);
      this.broken.set(p.key, e);
      this.pendingError = e;
    }).finally(() => { this.compiling.delete(checked); });
    this.compiling.add(checked);
    this.pipelines.set(p.key, pl);
    return pl;
  }

  /** Checks every pending pipeline compiled; rejects with the compile error otherwise. */
  async sync(): Promise<void> {
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
    if (this.compiling.size) await Promise.all(this.compiling);
    this.takeError();
  }

  get programs(): number { return this.pipelines.size; }

  // ---- dispatch ---------------------------------------------------------------------------

  run(d: Dispatch): void {
    this.check();
    const bad = this.broken.get(d.program.key);
    if (bad) throw bad;
    if (d.groups[0] * d.groups[1] * d.groups[2] === 0) return;
    const pl = this.pipeline(d.program);
    if (d.params.length > PARAM_SLOT / 4) throw new Error(`webgpu: ${d.program.key}: too many parameters`);
    const bg = this.caching ? this.cachedGroup(d, pl) : this.freshGroup(d, pl);
    for (const buffer of d.buffers) this.inFlight.add(buffer);
    if (!this.encoder) this.encoder = this.device.createCommandEncoder();
    if (!this.pass) this.pass = this.encoder.beginComputePass();
    this.pass.setPipeline(pl);
    this.pass.setBindGroup(0, bg);
    this.pass.dispatchWorkgroups(d.groups[0], d.groups[1], d.groups[2]);
    this.dispatches++;
    if (++this.pending >= (this.stepDepth > 0 ? STEP_BATCH : BATCH)) this.flush();
  }

  /** A bind group over a fresh slot of the shared params ring (written at the submit). */
  private freshGroup(d: Dispatch, pl: GPUComputePipeline): GPUBindGroup {
    if (this.uniformUsed + PARAM_SLOT > UNIFORM_BYTES) this.flush();
    const at = this.uniformUsed;
    this.uniformHost.set(d.params, at / 4);
    this.uniformUsed += PARAM_SLOT;
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: this.uniform, offset: at, size: PARAM_SLOT } }];
    d.buffers.forEach((buffer, i) => { entries.push({ binding: i + 1, resource: { buffer } }); });
    this.bindGroupsCreated++;
    return this.device.createBindGroup({ layout: pl.getBindGroupLayout(0), entries });
  }

  /**
   * The bind group of this dispatch's binding site: the program and the exact storage buffers, in
   * binding order. A site owns a params buffer: the same params as last time bind as they are; new
   * params are written into it with queue.writeBuffer, which the queue runs before the submit that
   * carries this dispatch and after every earlier submit (so work already submitted keeps the old
   * words). The one case that cannot be rewritten is a site the unsubmitted encoder already uses
   * with other params (the write would land before that earlier dispatch): it takes a ring slot.
   * A key's first dispatch also takes a ring slot (see `seen`); its second makes the site.
   *
   * NOTE: when a cached bind group stays valid. A bind group refers to GPUBuffer objects, not to
   * tensors. A pooled buffer freed by one tensor and handed to the next of its size class is the
   * same GPUBuffer, so a site keyed by it stays a correct binding for whichever tensor owns it now
   * (the kernel call names the buffers it binds; the key is exactly those). Only a destroyed buffer
   * makes a bind group unusable: the runtime destroys storage buffers only in destroy(), which drops
   * the whole cache, and `forget` drops the sites of one buffer for any code that destroys one
   * earlier. The params buffers belong to their site: evicted with it, destroyed once no
   * unsubmitted encoder uses them (destroying after a submit is safe: submitted work completes).
   */
  private cachedGroup(d: Dispatch, pl: GPUComputePipeline): GPUBindGroup {
    let key = d.program.key;
    for (const b of d.buffers) key += `|${this.idOf(b)}`;
    const site = this.sites.get(key);
    if (site) {
      const p = d.params;
      let same = p.length <= site.params.length;
      for (let i = 0; same && i < p.length; i++) same = site.params[i] === p[i] >>> 0;
      if (!same) {
        if (site.epoch === this.epoch) return this.freshGroup(d, pl);
        this.writeParams(site, p);
        this.paramWrites++;
      }
      this.bindGroupHits++;
      site.epoch = this.epoch;
      // most recently used last
      this.sites.delete(key);
      this.sites.set(key, site);
      return site.group;
    }
    if (!this.seen.has(key)) {
      if (this.seen.size >= Math.max(4 * this.bindGroupCap, 1024)) this.seen.clear();
      this.seen.add(key);
      return this.freshGroup(d, pl);
    }
    this.seen.delete(key);
    const uniform = this.device.createBuffer({ size: PARAM_SLOT, usage: USAGE.UNIFORM | USAGE.COPY_DST });
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniform, offset: 0, size: PARAM_SLOT } }];
    d.buffers.forEach((buffer, i) => { entries.push({ binding: i + 1, resource: { buffer } }); });
    const group = this.device.createBindGroup({ layout: pl.getBindGroupLayout(0), entries });
    this.bindGroupsCreated++;
    const fresh: Site = { group, uniform, params: new Uint32Array(PARAM_SLOT / 4), epoch: this.epoch };
    this.writeParams(fresh, d.params);
    this.sites.set(key, fresh);
    this.trim();
    return group;
  }

  /** How many binding sites the cache keeps (least recently used out first); tests lower it to check the bound. */
  get bindGroupCap(): number { return this.cap; }
  set bindGroupCap(n: number) {
    this.cap = Math.max(1, Math.floor(n));
    this.trim();
  }

  private trim(): void {
    while (this.sites.size > this.cap) {
      const [oldKey, old] = this.sites.entries().next().value as [string, Site];
      this.sites.delete(oldKey);
      if (old.epoch === this.epoch && this.encoder) this.retired.push(old.uniform);
      else old.uniform.destroy();
    }
  }

  private writeParams(site: Site, p: readonly number[]): void {
    const n = p.length;
    site.params.fill(0);
    site.params.set(p);
    // whole 16-byte rows (writeBuffer sizes are multiples of 4; the rest of the slot keeps zeros)
    const bytes = Math.max(16, Math.ceil(n / 4) * 16);
    this.device.queue.writeBuffer(site.uniform, 0, site.params.buffer, 0, bytes);
  }

  /** Drops the cached binding sites that bind `buffer` (call before destroying a storage buffer). */
  forget(buffer: GPUBuffer): void {
    const id = this.ids.get(buffer);
    if (id === undefined) return;
    const tag = String(id);
    for (const key of this.seen) if (key.split('|').slice(1).includes(tag)) this.seen.delete(key);
    for (const [key, site] of this.sites) {
      // keys are `<program key>|<id>|<id>...` (program keys have no '|')
      if (!key.split('|').slice(1).includes(tag)) continue;
      this.sites.delete(key);
      if (site.epoch === this.epoch && this.encoder) this.retired.push(site.uniform);
      else site.uniform.destroy();
    }
  }

  /** Binding sites cached now. */
  get bindGroupsCached(): number { return this.sites.size; }

  /**
   * Starts a step: dispatches are encoded but not submitted until endStep (reads, and host writes
   * to buffers the encoded dispatches use, still submit first, as outside a step). Nests; the
   * outermost endStep submits. Pair every beginStep with an endStep (in a finally).
   */
  beginStep(): void {
    this.check();
    this.stepDepth++;
  }

  /** Ends a step: the outermost one submits the step's dispatches as one command buffer. */
  endStep(): void {
    if (this.stepDepth === 0) throw new Error('webgpu: endStep() without a matching beginStep()');
    if (--this.stepDepth === 0 && !this.failure) this.flush();
  }

  /** Whether a step is open (beginStep without its endStep). */
  get inStep(): boolean { return this.stepDepth > 0; }

  /** Submits every encoded dispatch (the uniform words first, in queue order). */
  flush(): void {
    if (!this.encoder) return;
    this.pass?.end();
    this.pass = null;
    const q = this.device.queue;
    if (this.uniformUsed > 0) q.writeBuffer(this.uniform, 0, this.uniformHost.buffer, 0, this.uniformUsed);
    q.submit([this.encoder.finish()]);
    this.submits++;
    this.encoder = null;
    this.pending = 0;
    this.inFlight.clear();
    for (const b of this.deferred) this.release(b);
    this.deferred.length = 0;
    this.uniformUsed = 0;
    this.epoch++;
    for (const b of this.retired) b.destroy();
    this.retired.length = 0;
  }

  destroy(): void {
    this.flush();
    for (const list of [...this.pool.values(), ...this.staging.values()]) for (const b of list) b.destroy();
    this.pool.clear();
    this.staging.clear();
    for (const site of this.sites.values()) site.uniform.destroy();
    this.sites.clear();
    this.seen.clear();
    this.device.destroy();
  }
}
