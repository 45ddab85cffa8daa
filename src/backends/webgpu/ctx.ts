// What every program module gets from the backend: the runtime and workgroup counts.
import type { TensorInfo } from '../../kernels.js';
import type { GBuf, GpuRuntime } from './runtime.js';

export type Info = TensorInfo<GBuf>;

/** Workgroup size of the 1-D programs. */
export const WG = 64;

export interface Ctx {
  rt: GpuRuntime;
  /** Workgroup counts for `n` invocations of a 1-D program of WG threads. */
  groups(n: number): [number, number, number];
}
