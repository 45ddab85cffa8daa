// The engine: the active backend, kernel dispatch, tidy scopes, the autograd tape and memory
// accounting. Ops call runKernel; gradient rules register into `gradients` (never imported here).
import type { Backend, BackendName } from './backends/backend.js';
import { AllocationError, KERNEL_DEFS, type KernelAttrs, type KernelImpl, type KernelName, type TensorInfo, sizeOf, unsupportedKernel } from './kernels.js';
import { type DType, type TypedArray, bytesOf } from './dtypes.js';
import { Storage, Tensor, Variable, setAssignHook, setTensorHost } from './tensor.js';
import { adapterFacts, isNode } from './platform.js';
import type { Recorder } from './trace.js';

export interface InitOptions {
  backend?: BackendName | 'auto';
  /** js only: 'float64' stores float32 tensors in doubles (for gradient checks). */
  precision?: 'float32' | 'float64';
  /** wasm only: which build to run; 'auto' picks relaxed SIMD when the platform validates it. */
  wasmBuild?: 'auto' | 'simd' | 'relaxed';
  /**
   * wasm: the GEMM register tile (rows x columns). 'auto' (default) times each at start (a few ms)
   * and keeps the fastest on this CPU; eg.features().gemmTile says which. All tiles give identical
   * results; naming one is for tests and benches.
   */
  gemmTile?: 'auto' | '4x8' | '3x12' | '4x16';
  /** wasm, Node 20 only: turn on V8's --experimental-wasm-relaxed-simd before compiling. */
  enableRelaxedSimdFlag?: boolean;
  /**
   * wasm: keep tensors in a shared WebAssembly.Memory, which the worker pool's threads then read
   * and write in place (no copies). Default: where SharedArrayBuffer exists (Node; browser pages
   * that are cross-origin isolated).
   */
  sharedMemory?: boolean;
  /** @internal A pool worker's wasm backend: the caller's shared memory and compiled module. */
  attach?: { memory: WebAssembly.Memory; module: WebAssembly.Module; region?: [number, number] };
  /** webgpu: a GPU object (Node: `create([])` from the 'webgpu' package). */
  gpu?: unknown;
}

/** Names recorded on the tape: every kernel plus engine-level views. */
export type TapeOp = KernelName | 'reshape';

export interface TapeNode {
  op: TapeOp;
  attrs: any;
  /** Tape-owned handles of the inputs and outputs (share storage with the user's tensors). */
  inputs: Tensor[];
  outputs: Tensor[];
  inputKeys: number[];
  outputKeys: number[];
  /** The shapes the kernel saw for its inputs (canonical forms, see kernels.ts). */
  inputShapes: (readonly number[])[];
  /** needs[i]: input i depends on a watched tensor, so its gradient is wanted. */
  needs: boolean[];
}

export type GradRule = (dys: Tensor[], node: TapeNode) => (Tensor | null)[];
/** The gradient table: one rule per primitive, registered by src/autograd/gradients.ts. */
export const gradients = new Map<TapeOp, GradRule>();

export interface Tape {
  /** Keys (ids of user tensors) whose gradient flows. */
  tracked: Set<number>;
  nodes: TapeNode[];
}

class Engine {
  backend: Backend | null = null;
  private backends = new Map<string, Backend>();
  private scopes: Set<Tensor>[] = [];
  tapes: Tape[] = [];
  tensors = 0;
  bytes = 0;
  /** Bytes of the buffers traced steps own (trace.ts plans), not counted in `bytes` (not tensors). */
  planBytes = 0;
  /** Tensors the safety net freed: dropped without dispose() and garbage-collected (leaks, for memory()). */
  collected = 0;
  private registry = new FinalizationRegistry<Storage>((s) => { this.tensors--; this.collected++; this.unref(s); });
  /**
   * While a step is traced (trace.ts): sees every kernel, upload, read and free, so the step can be
   * replayed without per-op JavaScript. Null otherwise: the eager path only tests it.
   */
  recorder: Recorder | null = null;

  requireBackend(what: string): Backend {
    if (this.backend === null) {
      throw new Error(`${what}: edgegrad is not initialised; call \`await eg.init()\` first`);
    }
    return this.backend;
  }

  /** What the last WebGPU probe found: undefined before any, null when there is no adapter. */
  webgpu: { name: string; fallback: boolean } | null | undefined = undefined;

  async init(given: InitOptions | BackendName | 'auto' = {}): Promise<void> {
    const opts = checkInitOptions(given);
    const name = opts.backend ?? 'auto';
    if (name === 'auto') {
      // 'auto' takes webgpu on a hardware adapter only (a software one is slower than wasm).
      const gpu = await this.probeWebgpu(opts.gpu);
      if (gpu && !gpu.fallback) {
        try {
          this.backend = await this.create({ ...opts, backend: 'webgpu' });
          return;
        } catch (e) {
          warnOnce(`edgegrad: 'auto' could not start webgpu on '${gpu.name}' (${(e as Error).message}); using 'wasm'`);
        }
      } else if (gpu) {
        warnOnce(`edgegrad: 'auto' found only a software WebGPU adapter ('${gpu.name}'); using 'wasm' `
          + "(pass { backend: 'webgpu' } to use it anyway)");
      }
      try {
        this.backend = await this.create({ ...opts, backend: 'wasm' });
      } catch (e) {
        warnOnce(`edgegrad: 'auto' could not start the wasm backend (${(e as Error).message}); using 'js'`);
        this.backend = await this.create({ ...opts, backend: 'js' });
      }
      return;
    }
    this.backend = await this.create({ ...opts, backend: name });
  }

  /** Finds a WebGPU adapter without starting a device; null (and no throw) when there is none. */
  private async probeWebgpu(gpu: unknown): Promise<{ name: string; fallback: boolean } | null> {
    if (this.webgpu !== undefined && !gpu) return this.webgpu;
    if (!gpu && !isNode()) {
      // A browser: ask navigator.gpu here, so that a page without WebGPU or without an adapter
      // never downloads the webgpu backend's chunk (and 'auto' says nothing: wasm is the norm).
      const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
      if (!nav) return (this.webgpu = null);
      try {
        const adapter = await nav.requestAdapter({ powerPreference: 'high-performance' });
        this.webgpu = adapter ? adapterFacts(adapter) : null;
      } catch {
        this.webgpu = null;
      }
      return this.webgpu;
    }
    try {
      const wg = await import('./backends/webgpu/index.js');
      this.webgpu = wg.adapterFacts(await wg.requestAdapter(await wg.findGpu(gpu)));
    } catch {
      this.webgpu = null;
    }
    return this.webgpu;
  }

  private async create(opts: InitOptions): Promise<Backend> {
    const key = JSON.stringify([opts.backend, opts.precision ?? '', opts.wasmBuild ?? 'auto', opts.sharedMemory ?? 'auto', opts.gemmTile ?? 'auto']);
    // NOTE: a worker attaches to its pool's memory once; that backend is never cached or shared.
    const have = opts.attach ? undefined : this.backends.get(key);
    // NOTE: a webgpu backend whose device was lost is replaced, not reused.
    if (have && have.info.lost !== true) return have;
    let b: Backend;
    switch (opts.backend) {
      case 'js': {
        const { createJsBackend } = await import('./backends/js.js');
        b = createJsBackend({ precision: opts.precision });
        break;
      }
      case 'wasm': {
        const { createWasmBackend } = await import('./backends/wasm.js');
        b = await createWasmBackend({
          build: opts.wasmBuild, enableRelaxedSimdFlag: opts.enableRelaxedSimdFlag, shared: opts.sharedMemory, attach: opts.attach,
          gemmTile: opts.gemmTile,
        });
        break;
      }
      case 'webgpu': {
        const { createWebgpuBackend } = await import('./backends/webgpu/index.js');
        try {
          b = await createWebgpuBackend({ gpu: opts.gpu });
        } catch (e) {
          if (/no GPU adapter|not installed|no WebGPU/.test((e as Error).message)) this.webgpu = null;
          throw new Error(`init: backend 'webgpu' cannot start: ${(e as Error).message}`);
        }
        this.webgpu = { name: String(b.info.adapter), fallback: b.info.fallbackAdapter === true };
        break;
      }
      default:
        throw new Error(`init: unknown backend '${String(opts.backend)}'; expected 'wasm', 'webgpu', 'js' or 'auto'`);
    }
    this.backends.set(key, b);
    return b;
  }

  // ---- tensors and storage -------------------------------------------------------------

  /** Wraps a fresh backend buffer as a tensor owned by the current scope. */
  wrap(info: TensorInfo, backend: Backend): Tensor {
    const bytes = sizeOf(info.shape) * (backend.elementBytes?.(info.dtype) ?? bytesOf(info.dtype));
    const s = new Storage(backend, info.buf, bytes);
    this.bytes += bytes;
    return this.track(new Tensor(info.shape, info.dtype, s));
  }

  /** A new tensor viewing `t`'s storage with another shape (same size), recorded as 'reshape'. */
  view(t: Tensor, shape: readonly number[]): Tensor {
    const s = t.live('reshape');
    if (sizeOf(shape) !== t.size) throw new Error(`internal: a view of shape [${shape}] over tensor #${t.id} of shape [${t.shape}]`);
    s.refs++;
    const out = this.track(new Tensor(shape, t.dtype, s));
    this.record('reshape', [t], [out], {});
    return out;
  }

  /** For a tensor the caller just made and owns: `t` in a new shape, disposing the old handle. */
  reshapeOwned(t: Tensor, shape: readonly number[]): Tensor {
    if (shape.length === t.shape.length && shape.every((d, i) => d === t.shape[i])) return t;
    const out = this.view(t, shape);
    t.dispose();
    return out;
  }

  /**
   * Counts a new tensor and puts it in the innermost scope. NOTE: only tensors outside every scope
   * are registered with the FinalizationRegistry (the safety net): a scope holds its tensors
   * strongly and disposes them, so registering them would only cost time on every op.
   */
  private track(t: Tensor): Tensor {
    this.tensors++;
    const scope = this.scopes[this.scopes.length - 1];
    if (scope) scope.add(t);
    else this.guard(t);
    return t;
  }

  /** Hands a live tensor that no scope holds to the safety net. */
  private guard(t: Tensor): void {
    if (t.storage !== null) this.registry.register(t, t.storage, t);
  }

  makeVariable(t: Tensor, trainable: boolean, name: string): Variable {
    if (this.recorder) this.recorder.stateMade(`variable '${name}' was made in the step`);
    const s = t.live('variable');
    s.refs++;
    const v = new Variable(t, s, trainable, name);
    this.tensors++;
    this.registry.register(v, s, v);
    return v;
  }

  /** A tensor holding `values` (converted to the dtype's storage; plain numbers keep float64 on js-float64). */
  fromValues(values: ArrayLike<number>, shape: readonly number[], dtype: DType, op = 'tensor'): Tensor {
    return this.fromMaker(op, shape, dtype, () => values);
  }

  /**
   * A tensor of `shape` holding what `make(size)` returns. The storage is allocated first, so a
   * size the backend refuses is refused before any value is computed (randn of 2^30 values fails at
   * once, not after making them); if `make` throws, the storage is freed.
   */
  fromMaker(op: string, shape: readonly number[], dtype: DType, make: (size: number) => ArrayLike<number>): Tensor {
    const b = this.requireBackend(op);
    const size = sizeOf(shape);
    let buf: unknown;
    try {
      buf = b.alloc(dtype, size);
    } catch (e) {
      throw e instanceof AllocationError ? e.in(op) : e;
    }
    try {
      const values = make(size);
      if (values.length !== size) throw new Error(`${op}: ${values.length} values for shape [${shape}] (which holds ${size})`);
      b.write(buf, values, dtype);
    } catch (e) {
      b.free(buf);
      throw e;
    }
    const t = this.wrap({ shape, dtype, buf }, b);
    if (this.recorder) this.recorder.upload(t, null);
    return t;
  }

  /**
   * A tensor of host values made anew at every step (dropout's mask): eager, fromMaker; in a traced
   * step, `make` is recorded and run again at each replay, at the same point of the step, so a replay
   * draws the same random stream as eager steps would.
   */
  hostInput(op: string, shape: readonly number[], dtype: DType, make: (size: number) => ArrayLike<number>): Tensor {
    const rec = this.recorder;
    this.recorder = null;
    let t: Tensor;
    try {
      t = this.fromMaker(op, shape, dtype, make);
    } finally {
      this.recorder = rec;
    }
    if (rec) rec.upload(t, make);
    return t;
  }

  /**
   * Runs `check` on `t`'s values for host-side validation (hostValues; nothing when they cannot be
   * read). In a traced step, a check of a batch input is run again on each replayed batch; one of a
   * value computed in the step cannot be, so the trace is abandoned (unless the value cannot be read
   * here either: then neither step checks it).
   */
  checkValues(t: Tensor, what: string, check: (values: TypedArray) => void): void {
    const rec = this.recorder;
    this.recorder = null;
    let values: TypedArray | undefined;
    try {
      values = this.hostValues(t, what);
    } finally {
      this.recorder = rec;
    }
    // NOTE: values no host copy holds (computed on webgpu) are not checked eagerly either: the
    // kernel must then be safe, and a replay need not rerun a check the eager step skips.
    if (rec && values) rec.check(t, what, check);
    if (values) check(values);
  }

  release(t: Tensor): void {
    const s = t.storage!;
    t.storage = null;
    this.tensors--;
    this.registry.unregister(t);
    this.unref(s);
  }

  /** @internal Drops a reference a traced plan held on a storage it reads (trace.ts). */
  dropStorage(s: Storage): void { this.unref(s); }

  private unref(s: Storage): void {
    if (--s.refs === 0) {
      this.bytes -= s.bytes;
      // NOTE: a buffer made in a traced step is the plan's: it is kept for the replays.
      if (this.recorder !== null && this.recorder.adopt(s)) { this.planBytes += s.bytes; return; }
      s.backend.free(s.buf);
    }
  }

  read(t: Tensor): TypedArray {
    const s = t.live('dataSync');
    if (this.recorder) this.recorder.read(s, 'dataSync');
    return s.backend.read(s.buf, t.dtype, t.size);
  }

  /**
   * `t`'s values for host-side validation: read() where it is synchronous, the backend's host copy
   * where it is not (webgpu), undefined when neither is possible (the kernel must then be safe).
   */
  hostValues(t: Tensor, what: string): TypedArray | undefined {
    const s = t.live(what);
    if (this.recorder) this.recorder.read(s, what);
    if (s.backend.hostCopy) return s.backend.hostCopy(s.buf);
    return s.backend.read(s.buf, t.dtype, t.size);
  }

  /**
   * False where dataSync() cannot work (webgpu, whose backend keeps host copies instead): callers
   * then keep values on the device and read them with `await t.data()` at their boundary.
   */
  get syncReads(): boolean { return !this.backend?.hostCopy; }

  readAsync(t: Tensor): Promise<TypedArray> {
    try {
      const s = t.live('data');
      if (this.recorder) this.recorder.read(s, 'data');
      return s.backend.readAsync(s.buf, t.dtype, t.size);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // ---- kernels ---------------------------------------------------------------------------

  /**
   * Runs kernel `name` on the active backend and records it on the tape: the backend must have it
   * (else the error names kernel and backend), its definition (kernels.ts) infers the outputs, the
   * backend allocates them (bytes from dtypes.ts) and its implementation fills them. `shapes`, when
   * given, are the canonical shapes the kernel sees in place of the inputs' own (same sizes).
   */
  runKernel<K extends KernelName>(name: K, inputs: Tensor[], attrs: KernelAttrs[K], shapes?: (readonly number[])[]): Tensor[] {
    const b = this.requireBackend(name);
    const impl = b.kernels[name] as KernelImpl<unknown, K> | undefined;
    if (impl === undefined) throw unsupportedKernel(name, b.name);
    // NOTE: plain loops with push: this runs once per op, and the arrays stay packed.
    const infos: TensorInfo[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i];
      const s = t.live(name);
      if (s.backend !== b) throw foreignTensor(name, t, s.backend, b);
      infos.push({ shape: shapes === undefined ? t.shape : shapes[i], dtype: t.dtype, buf: s.buf, version: s.version });
    }
    const specs = KERNEL_DEFS[name].infer(infos, attrs as never);
    const outInfos: TensorInfo[] = [];
    try {
      for (let i = 0; i < specs.length; i++) {
        const o = specs[i];
        outInfos.push({ shape: o.shape, dtype: o.dtype, buf: b.alloc(o.dtype, sizeOf(o.shape)) });
      }
      impl(infos, outInfos, attrs);
    } catch (e) {
      for (const o of outInfos) b.free(o.buf);
      throw e instanceof AllocationError ? e.in(name) : e;
    }
    const outs: Tensor[] = [];
    for (let i = 0; i < outInfos.length; i++) outs.push(this.wrap(outInfos[i], b));
    if (this.tapes.length > 0) this.record(name, inputs, outs, attrs, shapes === undefined ? undefined : infos.map((i) => i.shape));
    if (this.recorder) this.recorder.kernel(name, impl as KernelImpl<unknown, KernelName>, inputs, infos, outs, outInfos, attrs);
    return outs;
  }

  /**
   * Runs an in-place kernel (an optimizer update): it overwrites the buffers of `targets` and reads
   * `inputs`; it returns nothing and is never recorded on a tape. A target whose storage is shared
   * (a reshape view, the tensor a variable was made from, a tape handle) is copied first, so no
   * other tensor sees the write. `dynamic`, in a traced step: what gives the attributes of each
   * replayed step (an optimizer's rate and step count); `attrs` are this step's.
   */
  runKernelInPlace<K extends KernelName>(name: K, targets: Variable[], inputs: Tensor[], attrs: KernelAttrs[K], dynamic?: () => KernelAttrs[K]): void {
    const b = this.requireBackend(name);
    const impl = b.kernels[name] as KernelImpl<unknown, K> | undefined;
    if (impl === undefined) throw unsupportedKernel(name, b.name);
    for (const t of [...targets, ...inputs]) {
      if (t.live(name).backend !== b) throw foreignTensor(name, t, t.storage!.backend, b);
    }
    for (const v of targets) this.ensureOwnStorage(v);
    // NOTE: the version moves before the kernel runs, so nothing keyed on the old one survives a throw.
    for (const v of targets) v.storage!.version++;
    const infos = [...targets, ...inputs].map((t) => ({ shape: t.shape, dtype: t.dtype, buf: t.storage!.buf }));
    impl(infos, [], attrs);
    if (this.recorder) this.recorder.inPlace(impl as KernelImpl<unknown, KernelName>, targets, inputs, infos, attrs, dynamic as (() => unknown) | undefined);
  }

  /**
   * Copies `t`'s values into variable `v`'s own buffer (batch-norm's moving statistics in a traced
   * step: the variable keeps its storage, which a replay needs; same values as v.assign(t)).
   */
  copyInto(v: Variable, t: Tensor): void {
    const b = this.requireBackend('assign');
    const copy = b.kernels.cast;
    if (copy === undefined) throw unsupportedKernel('cast', b.name);
    const s = t.live('assign');
    v.live('assign');
    if (s.backend !== b) throw foreignTensor('assign', t, s.backend, b);
    if (v.dtype !== t.dtype || v.size !== t.size) throw new Error(`assign: variable '${v.name}' has shape [${v.shape}] ${v.dtype}, got shape [${t.shape}] ${t.dtype}`);
    this.ensureOwnStorage(v);
    v.storage!.version++;
    const ins = [{ shape: t.shape, dtype: t.dtype, buf: s.buf }], outs = [{ shape: v.shape, dtype: v.dtype, buf: v.storage!.buf }];
    copy(ins, outs, { dtype: v.dtype });
    if (this.recorder) this.recorder.copy(copy as KernelImpl<unknown, KernelName>, v, t, ins, outs);
  }

  /**
   * Records that `t`'s buffer was written in place outside runKernelInPlace (pool workers updating
   * the caller's weights on the shared memory): caches keyed on the storage's version drop it.
   */
  written(t: Tensor): void {
    const s = t.storage;
    if (s !== null) s.version++;
  }

  /** Gives `v` storage of its own (copy on write) if another tensor shares it. */
  ensureOwnStorage(v: Variable): void {
    const s = v.storage!;
    if (s.refs === 1) return;
    const b = s.backend;
    const copy = b.kernels.cast;
    if (copy === undefined) throw unsupportedKernel('cast', b.name);
    const buf = b.alloc(v.dtype, v.size);
    copy([{ shape: v.shape, dtype: v.dtype, buf: s.buf }], [{ shape: v.shape, dtype: v.dtype, buf }], { dtype: v.dtype });
    const bytes = v.size * (b.elementBytes?.(v.dtype) ?? bytesOf(v.dtype));
    this.bytes += bytes;
    this.assign(v, new Storage(b, buf, bytes));
  }

  // ---- tidy ------------------------------------------------------------------------------

  tidy<T>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.scopes.pop();
      this.disposeScope(scope, new Set());
      throw e;
    }
    this.scopes.pop();
    if (result instanceof Promise) {
      this.disposeScope(scope, new Set());
      throw new Error('tidy: the function returned a Promise; tidy only takes synchronous functions');
    }
    const keep = new Set<Tensor>();
    collectTensors(result, keep);
    this.disposeScope(scope, keep);
    return result;
  }

  /**
   * Runs `fn` in a scope like tidy, but hands every tensor it made to `into` instead of disposing
   * them: for work split into synchronous steps around `await`s; the caller disposes them at the end.
   */
  gather<T>(fn: () => T, into: Set<Tensor>): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    try {
      return fn();
    } finally {
      this.scopes.pop();
      for (const t of scope) { into.add(t); this.guard(t); }
    }
  }

  /** Disposes a finished scope's tensors except `keep`, which move to the enclosing scope. */
  private disposeScope(scope: Set<Tensor>, keep: Set<Tensor>): void {
    const parent = this.scopes[this.scopes.length - 1];
    for (const t of scope) {
      if (keep.has(t)) { if (parent) parent.add(t); else this.guard(t); }
      else if (!t.kept && !t.isDisposed) t.dispose();
    }
  }

  keep<T extends Tensor>(t: T): T {
    if (t.kept) return t;
    t.kept = true;
    let held = false;
    for (const s of this.scopes) held = s.delete(t) || held;
    if (held) this.guard(t);
    return t;
  }

  // ---- tape ------------------------------------------------------------------------------

  /** Whether an active tape tracks one of `inputs` (an op on them will be differentiated). */
  tracked(inputs: readonly (Tensor | undefined)[]): boolean {
    return this.tapes.some((tape) => inputs.some((t) => t !== undefined && tape.tracked.has(t.id)));
  }

  /** Records an op on every active tape that tracks one of its inputs. */
  record(op: TapeOp, inputs: Tensor[], outputs: Tensor[], attrs: unknown, inputShapes?: (readonly number[])[]): void {
    for (const tape of this.tapes) {
      const needs = inputs.map((t) => tape.tracked.has(t.id));
      if (!needs.includes(true)) continue;
      for (const o of outputs) tape.tracked.add(o.id);
      tape.nodes.push({
        op, attrs, needs,
        inputShapes: inputShapes ?? inputs.map((t) => t.shape),
        inputs: inputs.map((t) => this.handle(t)),
        outputs: outputs.map((t) => this.handle(t)),
        inputKeys: inputs.map((t) => t.id),
        outputKeys: outputs.map((t) => t.id),
      });
    }
  }

  /** A tape-owned tensor sharing `t`'s storage, outside every scope, so user disposal can't free it. */
  private handle(t: Tensor): Tensor {
    const s = t.storage!;
    s.refs++;
    this.tensors++;
    return new Tensor(t.shape, t.dtype, s);
  }

  dropHandles(nodes: TapeNode[]): void {
    for (const n of nodes) for (const t of [...n.inputs, ...n.outputs]) if (!t.isDisposed) this.release(t);
  }

  assign(v: Variable, s: Storage): void {
    if (this.recorder) this.recorder.stateMade(`variable '${v.name}' was given new storage in the step`);
    const old = v.storage!;
    v.storage = s;
    this.registry.unregister(v);
    this.registry.register(v, s, v);
    this.unref(old);
  }
}

/** The error for a tensor made on another backend (or another instance of the same one). */
function foreignTensor(op: string, t: Tensor, from: Backend, active: Backend): Error {
  const where = from.name === active.name
    ? `was made on an earlier '${from.name}' backend, not the active one (init was called since with other options, which started a new '${from.name}' backend)`
    : `lives on backend '${from.name}' but the active backend is '${active.name}'`;
  return new Error(`${op}: tensor #${t.id} (shape [${t.shape}]) ${where}; tensors do not move between backends: read it with \`await t.data()\` and make a new tensor`);
}

const INIT_KEYS: Record<keyof InitOptions, readonly unknown[] | 'boolean' | 'any'> = {
  backend: ['auto', 'wasm', 'webgpu', 'js'],
  precision: ['float32', 'float64'],
  wasmBuild: ['auto', 'simd', 'relaxed'],
  gemmTile: ['auto', '4x8', '3x12', '4x16'],
  enableRelaxedSimdFlag: 'boolean',
  sharedMemory: 'boolean',
  attach: 'any',
  gpu: 'any',
};

/** init's argument as options: a backend name stands for { backend }; unknown keys and values are refused. */
export function checkInitOptions(given: unknown): InitOptions {
  if (typeof given === 'string') given = { backend: given };
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new Error(`init: expected options such as { backend: 'wasm' } or a backend name, got ${given === null ? 'null' : Array.isArray(given) ? 'an array' : typeof given}`);
  }
  const opts = given as Record<string, unknown>;
  for (const [key, v] of Object.entries(opts)) {
    const allowed = INIT_KEYS[key as keyof InitOptions];
    if (allowed === undefined) throw new Error(`init: unknown option '${key}'; the options are ${Object.keys(INIT_KEYS).filter((k) => k !== 'attach').join(', ')}`);
    if (v === undefined || allowed === 'any') continue;
    if (allowed === 'boolean' ? typeof v !== 'boolean' : !allowed.includes(v)) {
      throw new Error(`init: ${key} must be ${allowed === 'boolean' ? 'true or false' : allowed.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(v) ?? String(v)}`);
    }
  }
  if (opts.precision === 'float64' && opts.backend !== 'js') {
    throw new Error(`init: precision 'float64' is an option of the js backend only; pass { backend: 'js', precision: 'float64' }`);
  }
  return opts as InitOptions;
}

function collectTensors(x: unknown, into: Set<Tensor>): void {
  if (x instanceof Tensor) into.add(x);
  else if (Array.isArray(x)) for (const y of x) collectTensors(y, into);
  else if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    for (const y of Object.values(x)) collectTensors(y, into);
  }
}

const warned = new Set<string>();
export function warnOnce(msg: string): void {
  if (warned.has(msg)) return;
  warned.add(msg);
  console.warn(msg);
}

export const engine = new Engine();
setTensorHost(engine);
setAssignHook((v, s) => engine.assign(v, s));
