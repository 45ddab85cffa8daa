// The wire contract between the pool and its workers: the calls a worker serves and the plain,
// structured-cloneable messages they carry. No logic lives here (see pool.ts and handlers.ts).
// Work that belongs to a layer above the pool (the model's replicas: model/parallel/) is a *job*:
// a name in `Jobs`, added there by declaration merging, served by handlers registered with
// `registerJobs` (jobs.ts).
import type { DType, TypedArray } from '../kernels.js';
import type { RawGemm } from '../backends/wasm.js';

/** Which backend a worker starts: the caller's own, so results agree with in-thread runs. */
export interface InitRequest {
  backend: 'wasm' | 'js';
  wasmBuild?: 'simd' | 'relaxed';
  enableRelaxedSimdFlag?: boolean;
  precision?: 'float32' | 'float64';
  /** wasm: the caller's GEMM register tile, so that every thread runs the same kernels (and none times them again). */
  gemmTile?: '4x8' | '3x12' | '4x16';
  /**
   * Shared mode: the caller's wasm memory and module, which the worker's wasm backend attaches to,
   * and the range of it the caller's arena ceded for the worker's to start in.
   */
  attach?: { memory: WebAssembly.Memory; module: WebAssembly.Module; region?: [number, number] };
}

export interface InitReply {
  backend: string;
  wasmBuild?: string;
  /** The worker's GEMM register tile (wasm). */
  gemmTile?: string;
  /** Whether the worker's backend runs on the caller's shared memory. */
  sharedMemory: boolean;
  /**
   * When the worker began and ended `init` (ms since the epoch:
   * performance.timeOrigin + now(), comparable across threads); read by bench/pool-profile.ts.
   */
  times?: { start: number; end: number };
}

/**
 * Shared mode: a tensor by address in the one memory every thread runs on. The caller's tensors go
 * to workers this way, and workers' results come back this way (held until `release`).
 */
export interface TensorRef {
  shape: number[];
  dtype: DType;
  ptr: number;
}

/** Shared mode: C = op(A)·op(B) for one row block, on raw addresses (row strides in elements). */
export type GemmRequest = RawGemm;

/** A tensor on the wire: its values in a buffer of their own (transferred, or a SharedArrayBuffer view). */
export interface TensorMsg {
  shape: number[];
  dtype: DType;
  data: TypedArray;
}

/** Test hooks: make a worker misbehave in the ways the pool must survive. */
export type Fault =
  | { kind: 'throw'; message: string }
  | { kind: 'exit'; code: number }
  | { kind: 'uncaught'; message: string }
  | { kind: 'sleep'; ms: number };

/**
 * Jobs by name: each entry's parameters are the job's arguments, its return type the reply. Empty
 * here; a module above the pool adds its own (`declare module '.../pool/protocol.js' { interface
 * Jobs { 'model.predict'(id: number, x: TensorMsg): TensorMsg } }`) and registers their handlers.
 */
export interface Jobs {}
export type JobName = keyof Jobs & string;
export type JobArgs<K extends JobName> = Jobs[K] extends (...args: infer A) => unknown ? A : never;
export type JobReply<K extends JobName> = Jobs[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/** Everything a worker serves. Through Comlink every method returns a Promise on the pool's side. */
export interface WorkerApi {
  init(req: InitRequest): Promise<InitReply>;
  matmul(a: TensorMsg, b: TensorMsg, opts: { transposeA?: boolean; transposeB?: boolean }): TensorMsg;
  gemm(req: GemmRequest): void;
  /** Runs a registered job (see `Jobs`); an unknown name is refused naming it. */
  run(job: string, args: unknown[]): unknown;
  /** Frees results this worker holds for the caller (by address). */
  release(ptrs: number[]): void;
  /** Shared mode: the byte ranges of the shared memory this worker's arena owns (asked before it ends). */
  regions(): [number, number][];
  /** Live tensors in the worker (for leak checks). */
  memory(): { tensors: number; bytes: number };
  fault(f: Fault): Promise<void>;
}

/** The first message a worker posts once it serves the protocol (before it, calls could be lost). */
export const READY = 'edgegrad-pool-ready';
