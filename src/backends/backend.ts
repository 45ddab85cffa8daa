// What a backend is: storage (alloc/write/read/free) plus a kernel table.
import type { DType, KernelTable, TypedArray } from '../kernels.js';

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
  free(buf: B): void;
  memory(): BackendMemory;
  /** Bytes per stored element of `dtype` when not 4 (the js backend's float64 mode). */
  elementBytes?(dtype: DType): number;
  readonly kernels: KernelTable<B>;
  /** Extra facts for features(), e.g. which WASM build runs. */
  readonly info: Record<string, string | number | boolean>;
  dispose?(): void;
}
