// The wire contract between the pool and its workers: the calls a worker serves and the plain,
// structured-cloneable messages they carry. No logic lives here (see pool.ts and handlers.ts).
import type { DType, TypedArray } from '../kernels.js';
import type { RawGemm } from '../backends/wasm.js';

/** Which backend a worker starts: the caller's own, so results agree with in-thread runs. */
export interface InitRequest {
  backend: 'wasm' | 'js';
  wasmBuild?: 'simd' | 'relaxed';
  enableRelaxedSimdFlag?: boolean;
  precision?: 'float32' | 'float64';
  /**
   * Shared mode: the caller's wasm memory and module, which the worker's wasm backend attaches to,
   * and the range of it the caller's arena ceded for the worker's to start in.
   */
  attach?: { memory: WebAssembly.Memory; module: WebAssembly.Module; region?: [number, number] };
}

export interface InitReply {
  backend: string;
  wasmBuild?: string;
  /** Whether the worker's backend runs on the caller's shared memory. */
  sharedMemory: boolean;
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

/** Shared mode: one data-parallel step's work, every tensor by address. */
export interface SharedGradRequest {
  model: number;
  /** The caller's weights, in the model's order (a worker rebinds when they move). */
  weights: TensorRef[];
  /** The whole training set; the shard is its rows `rows` (gathered by the worker). */
  x: TensorRef;
  y: TensorRef;
  rows: Int32Array;
  loss: string;
  /** The shard's share of the batch: gradients are of `scale` x the shard's mean loss. */
  scale: number;
}

export interface SharedGradReply {
  /** `scale` x the shard's mean loss. */
  loss: number;
  /** Held in the worker until released. */
  grads: TensorRef[];
}

/**
 * Shared mode: several data-parallel steps run by the workers among themselves. For each step every
 * worker gathers its shard of the batch, computes its scaled loss and gradients and posts their
 * addresses in the control block; after a barrier (Atomics) each worker sums all workers' gradients
 * over its own slice of every variable and applies the optimizer's update there; after a second
 * barrier the next step starts. The caller is not involved until the last step.
 */
export interface SharedStepsRequest {
  model: number;
  /** Every weight of the model (bound in place), and the trainable ones in gradient order. */
  weights: TensorRef[];
  params: TensorRef[];
  /** The optimizer's slots of each trainable weight, in its kernel's order. */
  slots: TensorRef[][];
  /** The update kernel, and its attributes for each step (rate and step count differ). */
  kernel: string;
  attrs: Record<string, unknown>[];
  clipValue?: number;
  /** The training set, the epoch's sample order, the first step's first position in it, the batch size. */
  x: TensorRef;
  y: TensorRef;
  order: Int32Array;
  from: number;
  batchSize: number;
  loss: string;
  /** This worker's index and the number of workers taking part. */
  worker: number;
  workers: number;
  /** Address of the Int32 control block: [arrived, generation, aborted, gradient addresses (workers x params)]. */
  sync: number;
  /** How long a worker waits at a barrier before giving up. */
  timeoutMs: number;
}

/** Shared mode: C = op(A)·op(B) for one row block, on raw addresses (row strides in elements). */
export type GemmRequest = RawGemm;

/** A tensor on the wire: its values in a buffer of their own (transferred, or a SharedArrayBuffer view). */
export interface TensorMsg {
  shape: number[];
  dtype: DType;
  data: TypedArray;
}

/** A model in its own save format (`model.toArtifacts()`): model.json text and safetensors bytes. */
export interface ModelMsg {
  modelJson: string;
  weights: Uint8Array;
}

/** One data-parallel step's work on a worker: the loss and gradient on its shard of the batch. */
export interface GradRequest {
  model: number;
  x: TensorMsg;
  y: TensorMsg;
  /** The compiled loss's name (compile's loss names: 'categoricalCrossentropy', ...). */
  loss: string;
}

export interface GradReply {
  /** Mean loss over the shard. */
  loss: number;
  /** Gradients of the mean shard loss, one per trainable weight, in the model's order. */
  grads: TensorMsg[];
}

/** Test hooks: make a worker misbehave in the ways the pool must survive. */
export type Fault =
  | { kind: 'throw'; message: string }
  | { kind: 'exit'; code: number }
  | { kind: 'uncaught'; message: string }
  | { kind: 'sleep'; ms: number };

/** Everything a worker serves. Through Comlink every method returns a Promise on the pool's side. */
export interface WorkerApi {
  init(req: InitRequest): Promise<InitReply>;
  matmul(a: TensorMsg, b: TensorMsg, opts: { transposeA?: boolean; transposeB?: boolean }): TensorMsg;
  /** Builds (or rebuilds) model `id` from its artifacts; `version` names the weights' state. */
  loadModel(id: number, version: string, model: ModelMsg): Promise<void>;
  /** Replaces model `id`'s weights (all of them, in order). */
  setWeights(id: number, version: string, weights: TensorMsg[]): void;
  predict(id: number, x: TensorMsg): TensorMsg;
  gradients(req: GradRequest): GradReply;
  /** Shared mode: predictions for rows at `x`, with the caller's weights; the result is held until released. */
  predictShared(id: number, weights: TensorRef[], x: TensorRef): TensorRef;
  gradientsShared(req: SharedGradRequest): SharedGradReply;
  /** Per step: this worker's share of the batch's loss (0 for a step it had no rows in). */
  stepsShared(req: SharedStepsRequest): Float64Array;
  gemm(req: GemmRequest): void;
  /** Frees results this worker holds for the caller (by address). */
  release(ptrs: number[]): void;
  /** Shared mode: the byte ranges of the shared memory this worker's arena owns (asked before it ends). */
  regions(): [number, number][];
  dropModel(id: number): void;
  /** Live tensors in the worker (for leak checks). */
  memory(): { tensors: number; bytes: number };
  fault(f: Fault): Promise<void>;
}

/** The first message a worker posts once it serves the protocol (before it, calls could be lost). */
export const READY = 'edgegrad-pool-ready';
