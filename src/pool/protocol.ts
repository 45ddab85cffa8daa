// The wire contract between the pool and its workers: the calls a worker serves and the plain,
// structured-cloneable messages they carry. No logic lives here (see pool.ts and handlers.ts).
import type { DType } from '../kernels.js';

/** Which backend a worker starts: the caller's own, so results agree with in-thread runs. */
export interface InitRequest {
  backend: 'wasm' | 'js';
  wasmBuild?: 'simd' | 'relaxed';
  enableRelaxedSimdFlag?: boolean;
  precision?: 'float32' | 'float64';
}

export interface InitReply {
  backend: string;
  wasmBuild?: string;
  /** Whether SharedArrayBuffer exists in the worker. */
  sharedMemory: boolean;
}

/** A tensor on the wire: its values in a buffer of their own (transferred, or a SharedArrayBuffer view). */
export interface TensorMsg {
  shape: number[];
  dtype: DType;
  data: Float32Array | Int32Array;
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
  /** Replaces model `id`'s weights from Float32Array views of one shared buffer (no copy on the wire). */
  setWeightsShared(id: number, version: string, buffer: SharedArrayBuffer, offsets: number[]): void;
  predict(id: number, x: TensorMsg): TensorMsg;
  gradients(req: GradRequest): GradReply;
  dropModel(id: number): void;
  /** Live tensors in the worker (for leak checks). */
  memory(): { tensors: number; bytes: number };
  fault(f: Fault): Promise<void>;
}

/** The first message a worker posts once it serves the protocol (before it, calls could be lost). */
export const READY = 'edgegrad-pool-ready';
