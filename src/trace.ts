// Traced steps: a recorder the engine reports to while one step runs eagerly (kernels, uploads,
// in-place updates, host reads, frees), and the plan it leaves: the kernel list over buffers the
// plan owns, planned by lifetime, which later steps replay with no tape, tidy or per-op checks.
// Model-agnostic: src/model/compiled.ts decides what a step is and which uploads are its inputs.
import type { Backend } from './backends/backend.js';
import type { DType, TypedArray } from './dtypes.js';
import type { KernelImpl, KernelName } from './kernels.js';
import { type Storage, type Tensor, Variable } from './tensor.js';
import { setSeedHook } from './random.js';

/** A kernel's view of a buffer, as the engine passes it (mutable here: the plan rewrites buf and version). */
interface Info { shape: readonly number[]; dtype: DType; buf: unknown; version?: number }
type Impl = KernelImpl<unknown, KernelName>;
type Make = (size: number) => ArrayLike<number>;

const KERNEL = 0, IN_PLACE = 1, UPLOAD = 2, HOOK = 3, COPY = 4;
interface KernelOp { k: typeof KERNEL; impl: Impl; ins: Info[]; outs: Info[]; attrs: unknown; name: string;
  /** Inputs on storage from outside the step (weights): their version is read at each replay. */
  ext: Info[]; extStorage: Storage[] }
interface InPlaceOp { k: typeof IN_PLACE; impl: Impl; ins: Info[]; attrs: unknown; dyn?: () => unknown; targets: Variable[] }
interface UploadOp { k: typeof UPLOAD; info: Info; size: number; make: Make | null; slot: number }
interface HookOp { k: typeof HOOK; fn: () => void }
interface CopyOp { k: typeof COPY; impl: Impl; ins: Info[]; outs: Info[]; target: Variable }
type Op = KernelOp | InPlaceOp | UploadOp | HookOp | CopyOp;

/** A buffer made in the step. */
interface Value {
  storage: Storage;
  dtype: DType;
  /**
   * 'temp': an intermediate; 'const': uploaded once (a scalar from a number); 'input': a batch slot
   * written from the host; 'device': a batch slot that is a caller's tensor (predict), its buffer
   * swapped in at each replay, never the plan's; 'host': remade each replay; 'output': read after the step.
   */
  kind: 'temp' | 'const' | 'input' | 'device' | 'host' | 'output';
  def: number;
  lastUse: number;
  infos: Info[];
  adopted: boolean;
  slot: number;
  /** Its values were validated before the step (trust()): a host check of them need not rerun. */
  trusted?: boolean;
}

/** Why a trace cannot be replayed; `permanent`: tracing this step again would fail the same way. */
export interface TraceFailure { reason: string; permanent: boolean }

interface Host { planBytes: number; dropStorage(s: Storage): void }

export class Recorder {
  private ops: Op[] = [];
  private made = new Map<Storage, Value>();
  /** Storage read by the step that it did not make: its variable, when one holds it. */
  private ext = new Map<Storage, Variable | null>();
  private targets = new Set<Variable>();
  private checks: { slot: number; fn: (v: TypedArray) => void }[] = [];
  private outputs: Value[] = [];
  /** Each output's shape as its tensor had it (a view's, not the kernel's canonical one). */
  private outShapes: (readonly number[])[] = [];
  private slots: UploadOp[] = [];
  failure: TraceFailure | null = null;
  /** 'step': recording; 'after': the step is done, its outputs may be read, nothing else runs. */
  phase: 'step' | 'after' = 'step';

  constructor(readonly backend: Backend) {
    setSeedHook(() => this.fail('the step draws a fresh random seed each time (dropout on attention probabilities); it runs eagerly', true));
  }

  fail(reason: string, permanent: boolean): void {
    if (this.failure === null || (permanent && !this.failure.permanent)) this.failure = { reason, permanent };
  }

  stateMade(reason: string): void { this.fail(`${reason} (state made by a first step; traced again at the next)`, false); }

  private use(t: Tensor, info: Info, at: number, ext?: { infos: Info[]; storages: Storage[] }): void {
    const s = t.storage!;
    const v = this.made.get(s);
    if (v !== undefined) {
      v.lastUse = at;
      v.infos.push(info);
      return;
    }
    if (t instanceof Variable) this.ext.set(s, t);
    else if (!this.ext.has(s)) this.ext.set(s, null);
    if (ext) { ext.infos.push(info); ext.storages.push(s); }
  }

  private define(t: Tensor, info: Info, kind: Value['kind']): Value {
    const v: Value = { storage: t.storage!, dtype: t.dtype, kind, def: this.ops.length, lastUse: this.ops.length, infos: [info], adopted: false, slot: -1 };
    this.made.set(v.storage, v);
    return v;
  }

  private stepOnly(what: string): boolean {
    if (this.phase === 'step') return true;
    this.fail(`${what} ran after the step's outputs were taken`, true);
    return false;
  }

  kernel(name: string, impl: Impl, inputs: Tensor[], infos: Info[], outs: Tensor[], outInfos: Info[], attrs: unknown): void {
    if (!this.stepOnly(`kernel '${name}'`)) return;
    const at = this.ops.length;
    const ext = { infos: [] as Info[], storages: [] as Storage[] };
    for (let i = 0; i < inputs.length; i++) this.use(inputs[i], infos[i], at, ext);
    for (let i = 0; i < outs.length; i++) this.define(outs[i], outInfos[i], 'temp');
    this.ops.push({ k: KERNEL, impl, ins: infos, outs: outInfos, attrs, name, ext: ext.infos, extStorage: ext.storages });
  }

  inPlace(impl: Impl, targets: Variable[], inputs: Tensor[], infos: Info[], attrs: unknown, dyn?: () => unknown): void {
    if (!this.stepOnly('an in-place update')) return;
    const at = this.ops.length;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (this.made.has(t.storage!)) { this.fail(`an in-place update of '${t.name}', made in the step`, false); return; }
      this.ext.set(t.storage!, t);
      this.targets.add(t);
    }
    for (let i = 0; i < inputs.length; i++) this.use(inputs[i], infos[targets.length + i], at);
    this.ops.push({ k: IN_PLACE, impl, ins: infos, attrs, dyn, targets });
  }

  copy(impl: Impl, target: Variable, t: Tensor, ins: Info[], outs: Info[]): void {
    if (!this.stepOnly('a copy into a variable')) return;
    this.use(t, ins[0], this.ops.length);
    this.ext.set(target.storage!, target);
    this.targets.add(target);
    this.ops.push({ k: COPY, impl, ins, outs, target });
  }

  /** A tensor made from host values: a constant unless `make` (remade each replay) or marked as an input. */
  upload(t: Tensor, make: Make | null): void {
    if (!this.stepOnly('an upload')) return;
    const info: Info = { shape: t.shape, dtype: t.dtype, buf: t.storage!.buf };
    const v = this.define(t, info, make ? 'host' : 'const');
    if (make) this.ops.push({ k: UPLOAD, info, size: t.size, make, slot: -1 });
  }

  /** `t` (uploaded in the step) is batch input `slot`: its values are written at each replay. */
  input(t: Tensor, slot: number): void {
    const v = this.made.get(t.storage!);
    if (v === undefined || v.kind !== 'const') throw new Error(`internal: batch input ${slot} was not uploaded in the traced step`);
    v.kind = 'input';
    v.slot = slot;
    v.def = this.ops.length;
    const op: UploadOp = { k: UPLOAD, info: v.infos[0], size: t.size, make: null, slot };
    this.slots[slot] = op;
    this.ops.push(op);
  }

  /** `t`, a caller's tensor, is device input `slot`: a replay reads the tensor given for it in place. */
  deviceInput(t: Tensor, slot: number): void {
    if (this.made.has(t.storage!)) throw new Error(`internal: device input ${slot} was made in the step`);
    const v: Value = { storage: t.storage!, dtype: t.dtype, kind: 'device', def: -1, lastUse: -1, infos: [], adopted: false, slot };
    this.made.set(v.storage, v);
    this.devices[slot] = v;
  }
  private devices: Value[] = [];

  /**
   * `t`, computed in the step, holds values its caller has validated for every replay (a pool
   * worker's labels: rows of the labels fit checked whole), so host checks of it need not rerun.
   */
  trust(t: Tensor): void {
    const v = this.made.get(t.storage!);
    if (v !== undefined) v.trusted = true;
  }

  /** `t` is read after each replayed step; returns its index among the outputs. */
  output(t: Tensor): number {
    const v = this.made.get(t.storage!);
    if (v === undefined) { this.fail(`an output of the step was not computed in it`, true); return -1; }
    if (v.kind === 'temp') v.kind = 'output';
    else if (v.kind !== 'output') { this.fail(`an output of the step is one of its uploads`, true); return -1; }
    this.outputs.push(v);
    this.outShapes.push(t.shape);
    return this.outputs.length - 1;
  }

  /** A per-step action run at this point of each replay (an optimizer's rate and step count). */
  hook(fn: () => void): void {
    if (this.stepOnly('a step hook')) this.ops.push({ k: HOOK, fn });
  }

  check(t: Tensor, what: string, fn: (v: TypedArray) => void): void {
    const v = this.made.get(t.storage!);
    if (v === undefined) {
      if (this.ext.get(t.storage!) instanceof Variable || t instanceof Variable) this.fail(`${what} checks the values of a variable`, true);
      return; // NOTE: a tensor from outside the step that is no variable never changes.
    }
    if (v.trusted) return;
    if (v.kind === 'input' || v.kind === 'device') this.checks.push({ slot: v.slot, fn });
    else if (v.kind !== 'const') this.fail(`${what} checks values computed in the step (data-dependent)`, true);
  }

  read(s: Storage, what: string): void {
    if (this.phase === 'step') this.fail(`${what} reads values inside the step (a loss or layer that reads tensors)`, true);
  }

  /** The engine frees `s`: kept when the step made it (the plan's buffer), else freed as usual. */
  adopt(s: Storage): boolean {
    const v = this.made.get(s);
    if (v === undefined || v.kind === 'device') {
      if (this.ext.has(s) || v !== undefined) this.fail('a buffer the step reads was freed during it', false);
      return false;
    }
    v.adopted = true;
    return true;
  }

  /** Frees the buffers kept so far (a trace that failed). */
  discard(host: Host): void {
    setSeedHook(null);
    for (const v of this.made.values()) {
      if (!v.adopted) continue;
      host.planBytes -= v.storage.bytes;
      this.backend.free(v.storage.buf);
    }
    this.made.clear();
    this.ops = [];
  }

  /**
   * The plan, or null when the step cannot be replayed (see failure): the caller then frees the
   * buffers kept so far with discard(), once nothing reads them (a pool worker's published gradients).
   */
  finish(host: Host): Plan | null {
    setSeedHook(null);
    if (this.failure === null) {
      for (const v of this.made.values()) {
        if (!v.adopted && v.kind !== 'device') { this.fail('a tensor made in the step outlived it (state kept by a layer)', false); break; }
      }
    }
    if (this.failure === null) {
      for (const [s, v] of this.ext) {
        if (v !== null && (v.isDisposed || v.storage !== s)) { this.fail(`variable '${v.name}' changed storage during the step (copy on write)`, false); break; }
      }
    }
    if (this.failure !== null) return null;
    for (const v of this.devices) this.made.delete(v.storage);
    return new Plan(this.backend, host, this.ops, this.made, this.ext, [...this.targets], this.checks, this.outputs, this.outShapes, this.slots, this.devices.map((v) => v.infos));
  }
}

/** A replayable step: its ops over buffers it owns (bytes in eg.memory()). */
export class Plan {
  /**
   * Whether replay() opens the backend's beginStep/endStep window around its kernels (webgpu: the
   * step's dispatches go in one submit). Benches set it false to measure the replay without it.
   */
  static stepWindow = true;
  /** Whether new plans skip constant and dead kernels (see the constructor); benches set it false to compare. */
  static folding = true;
  private readonly vars: [Variable, Storage][] = [];
  private readonly held: Storage[] = [];
  private readonly bufs: { buf: unknown; bytes: number }[] = [];
  readonly bytes: number;
  /** Kernels run once at the trace and skipped by every replay (constant folding, see the constructor). */
  readonly folded: number;
  /** Kernels whose outputs nothing reads: replays skip them. */
  readonly dead: number;
  private readonly ops: Op[];
  /** inputViews()'s last views, by slot. */
  private views: TypedArray[] | null = null;
  replays = 0;
  private disposed = false;

  constructor(readonly backend: Backend, private readonly host: Host, ops: Op[], made: Map<Storage, Value>,
    ext: Map<Storage, Variable | null>, private readonly targets: Variable[], private readonly checks: { slot: number; fn: (v: TypedArray) => void }[],
    private readonly outputs: Value[], private readonly outShapes: (readonly number[])[], private readonly slots: UploadOp[], private readonly devices: Info[][]) {
    for (const [s, v] of ext) {
      if (v !== null) this.vars.push([v, s]);
      else { s.refs++; this.held.push(s); } // NOTE: a constant tensor from outside (a layer's cached mask) is kept alive by the plan.
    }
    // Constant folding: a kernel whose inputs are all constants (uploads of numbers, or outputs of
    // kernels folded before it) and whose attributes are fixed computes at each replay what it
    // computed in the trace (a loss gradient's seed, a fill of ones): its outputs stay as the trace
    // left them, pinned as constants, and replays skip it (webgpu: fewer dispatches per step).
    const valueOf = new Map<Info, Value>();
    for (const v of made.values()) for (const info of v.infos) valueOf.set(info, v);
    const skip = new Set<Op>();
    for (const op of Plan.folding ? ops : []) {
      if (op.k !== KERNEL || op.ext.length > 0 || !op.ins.every((i) => valueOf.get(i)?.kind === 'const')) continue;
      for (const o of op.outs) { const v = valueOf.get(o)!; if (v.kind === 'temp') v.kind = 'const'; }
      skip.add(op);
    }
    this.folded = skip.size;
    // Dead kernels: one whose outputs are all intermediates that no kept op reads (after backward
    // from the last op) has no effect on the step; replays skip it.
    const readers = new Map<Value, Op[]>();
    for (const op of ops) {
      if (op.k === KERNEL || op.k === IN_PLACE || op.k === COPY) {
        for (const i of op.ins) { const v = valueOf.get(i); if (v) (readers.get(v) ?? readers.set(v, []).get(v)!).push(op); }
      }
    }
    let dead = 0;
    for (let i = Plan.folding ? ops.length - 1 : -1; i >= 0; i--) {
      const op = ops[i];
      if (op.k !== KERNEL || skip.has(op)) continue;
      if (op.outs.every((o) => { const v = valueOf.get(o)!; return v.kind === 'temp' && (readers.get(v) ?? []).every((r) => skip.has(r)); })) { skip.add(op); dead++; }
    }
    this.dead = dead;
    // Buffers by lifetime: a value's buffer returns to the free list after its last reader, and a
    // later value of the same dtype and bytes takes it; constants, outputs and inputs keep their own.
    const byDef = new Map<number, Value[]>(), byLast = new Map<number, Value[]>();
    const pinned = (v: Value) => v.kind === 'const' || v.kind === 'output';
    for (const v of made.values()) {
      if (pinned(v)) continue;
      (byDef.get(v.def) ?? byDef.set(v.def, []).get(v.def)!).push(v);
      (byLast.get(v.lastUse) ?? byLast.set(v.lastUse, []).get(v.lastUse)!).push(v);
    }
    const free = new Map<string, unknown[]>();
    const phys = new Map<Value, unknown>();
    const keyOf = (v: Value) => `${v.dtype}:${v.storage.bytes}`;
    const unused: Value[] = [];
    for (let i = 0; i < ops.length; i++) {
      for (const v of byDef.get(i) ?? []) {
        const list = free.get(keyOf(v));
        if (list !== undefined && list.length > 0) { phys.set(v, list.pop()); unused.push(v); }
        else phys.set(v, v.storage.buf);
      }
      for (const v of byLast.get(i) ?? []) {
        const k = keyOf(v);
        (free.get(k) ?? free.set(k, []).get(k)!).push(phys.get(v));
      }
    }
    let bytes = 0;
    for (const v of made.values()) {
      const buf = phys.get(v) ?? v.storage.buf;
      for (const info of v.infos) { info.buf = buf; info.version = undefined; }
    }
    for (const v of unused) { host.planBytes -= v.storage.bytes; backend.free(v.storage.buf); }
    const dropped = new Set(unused);
    for (const v of made.values()) if (!dropped.has(v)) { this.bufs.push({ buf: v.storage.buf, bytes: v.storage.bytes }); bytes += v.storage.bytes; }
    this.bytes = bytes;
    this.ops = skip.size > 0 ? ops.filter((op) => !skip.has(op)) : ops;
  }

  /**
   * Whether the step read tensors made outside it that are not variables (a layer's cache, such as
   * an imported graph's weights prepared for inference): they are right only while the weights
   * they were made from are unchanged, which the caller checks (compiled.ts, the model's weightsVersion).
   */
  get readsOutside(): boolean { return this.held.length > 0; }

  /** Whether the variables still hold the storage the trace saw, each update target unshared. */
  valid(): boolean {
    if (this.disposed) return false;
    for (let i = 0; i < this.vars.length; i++) { const [v, s] = this.vars[i]; if (v.storage !== s) return false; }
    for (let i = 0; i < this.targets.length; i++) if (this.targets[i].storage!.refs !== 1) return false;
    return true;
  }

  /** Runs the checks of the batch's host values (they throw as the eager step would, before any write). */
  check(rows: readonly TypedArray[]): void {
    for (const c of this.checks) c.fn(rows[c.slot]);
  }

  /** Whether check() needs the host values of the inputs. */
  get hasChecks(): boolean { return this.checks.length > 0; }

  /**
   * Writable host views of the batch input slots' buffers, by slot (the backend's hostView: wasm
   * memory), for a caller that gathers a batch straight into them and then calls
   * replay(views, undefined, true); null where the backend has none. Valid until the next allocation.
   */
  inputViews(): TypedArray[] | null {
    const b = this.backend;
    if (!b.hostView) return null;
    // NOTE: the last views are reused while they still span their slots: a view of a buffer that a
    // memory growth detached has length 0 (a grown shared memory leaves old views valid).
    const last = this.views;
    if (last !== null) {
      let ok = true;
      for (let i = 0; i < last.length; i++) if (last[i].length !== this.slots[i].size) { ok = false; break; }
      if (ok) return last;
    }
    const out: TypedArray[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const op = this.slots[i];
      const v = b.hostView(op.info.buf, op.info.dtype, op.size);
      if (v === null) return null;
      out.push(v);
    }
    this.views = out;
    return out;
  }

  /**
   * One step on `rows` (the host batch inputs by slot) or `devices` (the tensors of the device
   * inputs, predict), after valid() and check(). `written`: the caller has written the batch into
   * the input slots' buffers already (inputViews()), so their uploads are skipped.
   */
  replay(rows: readonly TypedArray[], devices?: readonly Tensor[], written = false): void {
    const b = this.backend;
    const ops = this.ops;
    if (devices) {
      for (let i = 0; i < this.devices.length; i++) {
        const buf = devices[i].storage!.buf, infos = this.devices[i];
        for (let j = 0; j < infos.length; j++) { infos[j].buf = buf; infos[j].version = undefined; }
      }
    }
    // NOTE: the js backend's buffers are new typed arrays, zeros, and some of its kernels add into
    // their outputs; a replay hands them buffers that held earlier values, so it clears them first.
    const zero = b.name === 'js';
    const win = Plan.stepWindow;
    if (win) b.beginStep?.();
    try {
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i];
        switch (op.k) {
          case KERNEL: {
            const ext = op.ext, st = op.extStorage;
            for (let j = 0; j < ext.length; j++) ext[j].version = st[j].version;
            if (zero) for (let j = 0; j < op.outs.length; j++) (op.outs[j].buf as TypedArray).fill(0);
            op.impl(op.ins as never, op.outs as never, op.attrs as never);
            break;
          }
          case IN_PLACE: {
            const ts = op.targets;
            for (let j = 0; j < ts.length; j++) ts[j].storage!.version++;
            op.impl(op.ins as never, [], (op.dyn ? op.dyn() : op.attrs) as never);
            break;
          }
          case UPLOAD: {
            if (written && op.slot >= 0) break;
            const values = op.slot >= 0 ? rows[op.slot] : op.make!(op.size);
            if (values.length !== op.size) throw new Error(`internal: a replayed upload of ${values.length} values for ${op.size}`);
            b.write(op.info.buf, values, op.info.dtype);
            break;
          }
          case HOOK: op.fn(); break;
          case COPY:
            op.target.storage!.version++;
            op.impl(op.ins as never, op.outs as never, { dtype: op.target.dtype } as never);
            break;
        }
      }
    } finally {
      if (win) b.endStep?.();
    }
    this.replays++;
  }

  /** Output i's values after a replay. */
  read(i: number): TypedArray {
    const v = this.outputs[i];
    return this.backend.read(v.infos[0].buf, v.dtype, sizeOfShape(this.outShapes[i]));
  }

  /** Output i's shape (as the traced tensor had it), dtype and buffer, for a caller copying it out. */
  outputInfo(i: number): Info {
    const v = this.outputs[i];
    return { shape: this.outShapes[i], dtype: v.dtype, buf: v.infos[0].buf };
  }

  get slotCount(): number { return this.slots.length; }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const { buf, bytes } of this.bufs) { this.host.planBytes -= bytes; this.backend.free(buf); }
    for (const s of this.held) this.host.dropStorage(s);
    this.bufs.length = 0;
    this.held.length = 0;
  }
}

function sizeOfShape(s: readonly number[]): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}
