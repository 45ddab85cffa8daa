// What a backend is: storage (alloc/write/read/free) plus a kernel table.
import type { KernelTable } from '../kernels.js';
import type { DType, TypedArray } from '../dtypes.js';

export type BackendName = 'js' | 'wasm' | 'webgpu';

export interface BackendMemory {
  /** Bytes the backend holds for live buffers. */
  bytes: number;
  /** Backend-specific figures (arena size, free blocks, ...). */
  [key: string]: number;
}

// NOTE: B defaults to any so backends with their own buffer types fit one registry.
export interface Backend<B = any> {
  readonly name: BackendName;
  /** A buffer for `size` elements of `dtype`; its contents are unspecified. */
  alloc(dtype: DType, size: number): B;
  /** Copies `values` into `buf` (which holds exactly values.length elements), converting to its dtype. */
  write(buf: B, values: ArrayLike<number>, dtype: DType): void;
  /** A fresh copy of the buffer's contents. */
  read(buf: B, dtype: DType, size: number): TypedArray;
  readAsync(buf: B, dtype: DType, size: number): Promise<TypedArray>;
  /**
   * Backends whose read() cannot run synchronously (webgpu): the buffer's values when a host copy
   * is kept (int32 tensors written from the host), else undefined. Ops use it to validate indices.
   */
  hostCopy?(buf: B): TypedArray | undefined;
  /**
   * Optional: a writable view of `buf`'s first `size` elements where the host can write them in
   * place (wasm: its linear memory), else null. Valid only until the next allocation (a growing
   * memory detaches it). A compiled step gathers its batch rows straight into its input buffers.
   */
  hostView?(buf: B, dtype: DType, size: number): TypedArray | null;
  free(buf: B): void;
  memory(): BackendMemory;
  /** Bytes per stored element of `dtype` when not dtypes.ts's (the js backend's float64 mode). */
  elementBytes?(dtype: DType): number;
  /**
   * The kernels, each `(inputs, outputs, attrs)`; the engine allocates the outputs. Each backend
   * builds it `satisfies KernelSet<B, Unsupported>`, so the compiler checks it is complete but for
   * its explicit unsupported list; a kernel missing here throws naming kernel and backend.
   */
  readonly kernels: KernelTable<B>;
  /** Extra facts for features(), e.g. which WASM build runs. */
  readonly info: Record<string, string | number | boolean>;
  dispose?(): void;
  /**
   * Optional hooks around one replayed (compiled) training step, or any run of kernel calls the
   * caller wants treated as one unit; always paired, endStep in a finally. webgpu: encode the
   * step's dispatches into one submit (reads inside the step still submit what precedes them).
   * Backends without them run the kernels as usual.
   */
  beginStep?(): void;
  endStep?(): void;
}
