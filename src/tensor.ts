// The one Tensor class: a shape, a dtype and a reference to backend storage. Ops live elsewhere;
// methods added in src/ops/methods.ts only delegate to them.
import type { DType, TypedArray } from './kernels.js';
import type { Backend } from './backends/backend.js';
import { sizeOf } from './kernels.js';

/** Backend memory shared by every tensor that views it (reshape shares; it is freed at refs 0). */
export class Storage {
  refs = 1;
  /**
   * Bumped by every in-place write of the buffer (optimizer updates: engine.runKernelInPlace), so a
   * backend's cache derived from the values (wasm's packed GEMM panels) knows when it is stale.
   */
  version = 0;
  constructor(
    readonly backend: Backend,
    readonly buf: unknown,
    readonly bytes: number,
  ) {}
}

/** What the engine must provide to tensors; set once by engine.ts (keeps the import graph one-way). */
export interface TensorHost {
  release(t: Tensor): void;
  read(t: Tensor): TypedArray;
  readAsync(t: Tensor): Promise<TypedArray>;
}
let host: TensorHost;
export function setTensorHost(h: TensorHost): void { host = h; }

let nextId = 1;

/**
 * A fresh packed array of small integers (V8's PACKED_SMI_ELEMENTS) with `shape`'s values.
 * NOTE: every shape a tensor holds has this one hidden class. Shapes computed in optimized code
 * (e.g. through Math.max) can come out as double arrays, and holey ones from `new Array(n)`; one such
 * array reaching the engine's hot functions deoptimizes them, and in a long training run the
 * recompiles kept a background thread busy, stealing a core from the worker pool.
 */
function smallIntegers(shape: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    // NOTE: sizes of 2^30 and above are no small integers; they stay as they are (| 0 would wrap them).
    out.push(d < 0x40000000 ? d | 0 : d);
  }
  return out;
}

export type NestedArray = number | NestedArray[];

/**
 * A tensor. `array()` gives a `NestedArray` (the rank is known only at run time); the checked
 * `array1d()` ... `array4d()` give `number[]` ... `number[][][][]` and throw for another rank.
 */
export class Tensor {
  readonly id = nextId++;
  readonly size: number;
  /** @internal */ storage: Storage | null;
  /** @internal true once the user called keep(), so tidy leaves it alone. */
  kept = false;

  readonly shape: readonly number[];

  constructor(shape: readonly number[], readonly dtype: DType, storage: Storage) {
    this.shape = smallIntegers(shape);
    this.size = sizeOf(shape);
    this.storage = storage;
  }

  get rank(): number { return this.shape.length; }
  get isDisposed(): boolean { return this.storage === null; }

  /** @internal Throws if disposed; `what` names the operation for the message. */
  live(what: string): Storage {
    if (this.storage === null) {
      throw new Error(`${what}: tensor #${this.id} (shape [${this.shape}], ${this.dtype}) has been disposed`);
    }
    return this.storage;
  }

  /** A synchronous copy of the values (on webgpu this may throw: use `await data()`). */
  dataSync(): TypedArray { return host.read(this); }
  /** An asynchronous copy of the values. */
  data(): Promise<TypedArray> { return host.readAsync(this); }
  async array(): Promise<NestedArray> { return nest(await this.data(), this.shape); }
  arraySync(): NestedArray { return nest(this.dataSync(), this.shape); }
  /** The values of a rank-1 tensor as number[] (throws, naming the shape, for another rank). */
  async array1d(): Promise<number[]> { return this.ranked('array1d', 1) as Promise<number[]>; }
  /** The values of a rank-2 tensor as number[][] (throws, naming the shape, for another rank). */
  async array2d(): Promise<number[][]> { return this.ranked('array2d', 2) as Promise<number[][]>; }
  /** The values of a rank-3 tensor as number[][][] (throws, naming the shape, for another rank). */
  async array3d(): Promise<number[][][]> { return this.ranked('array3d', 3) as Promise<number[][][]>; }
  /** The values of a rank-4 tensor as number[][][][] (throws, naming the shape, for another rank). */
  async array4d(): Promise<number[][][][]> { return this.ranked('array4d', 4) as Promise<number[][][][]>; }

  private async ranked(what: string, rank: number): Promise<NestedArray> {
    this.live(what);
    if (this.rank !== rank) throw new Error(`${what}: the tensor has rank ${this.rank} (shape [${this.shape}]), not ${rank}; use array()`);
    return nest(await this.data(), this.shape);
  }

  dispose(): void { if (this.storage !== null) host.release(this); }

  toString(): string {
    if (this.isDisposed) return `Tensor(disposed, shape [${this.shape}], ${this.dtype})`;
    const v = this.size <= 64 ? JSON.stringify(this.arraySync()) : `${this.size} values`;
    return `Tensor(shape [${this.shape}], ${this.dtype}, ${v})`;
  }
  print(): void { console.log(this.toString()); }
}

/** A trainable tensor whose value can be replaced in place by an optimizer. */
export class Variable extends Tensor {
  constructor(t: Tensor, storage: Storage, readonly trainable: boolean, readonly name: string) {
    super(t.shape, t.dtype, storage);
  }
  /** Replaces the value with `v`'s (same shape and dtype); `v` stays usable and owned by the caller. */
  assign(v: Tensor): void {
    const s = v.live('assign');
    this.live('assign');
    if (v.dtype !== this.dtype || v.shape.length !== this.shape.length || v.shape.some((d, i) => d !== this.shape[i])) {
      throw new Error(`assign: variable '${this.name}' has shape [${this.shape}] ${this.dtype}, got shape [${v.shape}] ${v.dtype}`);
    }
    if (s === this.storage) return;
    s.refs++;
    assignHook(this, s);
  }
}
let assignHook: (v: Variable, s: Storage) => void;
export function setAssignHook(h: (v: Variable, s: Storage) => void): void { assignHook = h; }

function nest(flat: TypedArray, shape: readonly number[]): NestedArray {
  if (shape.length === 0) return flat[0];
  const go = (off: number, d: number): NestedArray[] => {
    const n = shape[d];
    const out: NestedArray[] = [];
    if (d === shape.length - 1) {
      for (let i = 0; i < n; i++) out.push(flat[off + i]);
      return out;
    }
    const step = sizeOf(shape.slice(d + 1));
    for (let i = 0; i < n; i++) out.push(go(off + i * step, d + 1));
    return out;
  };
  return go(0, 0);
}
