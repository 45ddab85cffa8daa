// What every program module gets from the backend: the runtime, output allocation, the kernel table.
import type { DType, TensorInfo } from '../../kernels.js';
import type { GBuf, GpuRuntime } from './runtime.js';

export type Info = TensorInfo<GBuf>;
export type Impl = (inputs: readonly Info[], attrs: any) => Info | Info[] | void;

/** Workgroup size of the 1-D programs. */
export const WG = 64;

export interface Ctx {
  rt: GpuRuntime;
  /** A fresh output tensor (uninitialised buffer). */
  out(shape: readonly number[], dtype: DType): Info;
  /** Workgroup counts for `n` invocations of a 1-D program of WG threads. */
  groups(n: number): [number, number, number];
  table: Record<string, Impl>;
}
