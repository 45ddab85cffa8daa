// The model's jobs on the pool's workers (the pool's `Jobs`, by declaration merging) and the plain,
// structured-cloneable messages they carry. Handlers: replica.ts; callers: client.ts, train.ts.
import type { TensorMsg, TensorRef } from '../../pool/protocol.js';

/** A model in its own save format (`model.toArtifacts()`): model.json text and safetensors bytes. */
export interface ModelMsg {
  modelJson: string;
  weights: Uint8Array;
}

/** A new value of a state weight (batch-norm's moving statistics), by its index in `model.weights`. */
export interface StateMsg<T> { index: number; value: T }

/** One data-parallel step's work on a worker (transfer mode): the loss and gradients of its shard. */
export interface GradRequest {
  model: number;
  x: TensorMsg;
  y: TensorMsg;
  /** The compiled loss's name (compile's loss names: 'categoricalCrossentropy', ...). */
  loss: string;
  /** Count the shard's correct predictions (fit logs training accuracy). */
  accuracy: boolean;
}

export interface GradReply {
  /** Mean loss over the shard. */
  loss: number;
  /** Gradients of the mean shard loss, one per trainable weight, in the model's order. */
  grads: TensorMsg[];
  /** Correct predictions in the shard (0 unless asked). */
  correct: number;
  /** The state weights' new values after this shard's training-mode forward pass. */
  state: StateMsg<TensorMsg>[];
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
  accuracy: boolean;
}

export interface SharedGradReply {
  /** `scale` x the shard's mean loss. */
  loss: number;
  /** Held in the worker until released. */
  grads: TensorRef[];
  correct: number;
  /** Held in the worker until released. */
  state: StateMsg<TensorRef>[];
}

/**
 * Shared mode: several data-parallel steps run by the workers among themselves. For each step every
 * worker gathers its shard of the batch, computes its scaled loss and gradients and posts their
 * addresses in the control block; after a barrier (pool/barrier.ts) each worker sums all workers'
 * gradients over its own slice of every variable and applies the optimizer's update there (with
 * norm clipping, first posting its slices' sums of squares and meeting the others at one more
 * barrier, so every worker scales by the same norm); after a second barrier the next step starts;
 * state weights are averaged (by shard size) the same way, slice by slice. The caller is not
 * involved until the last step.
 */
export interface SharedStepsRequest {
  model: number;
  /** Every weight of the model (bound in place), and the trainable ones in gradient order. */
  weights: TensorRef[];
  params: TensorRef[];
  /** The optimizer's slots of each trainable weight, in its kernel's order. */
  slots: TensorRef[][];
  /** Indices in `weights` of the weights a training-mode call may update (the non-trainable ones). */
  state: number[];
  /** The update kernel, and its attributes for each step (rate and step count differ). */
  kernel: string;
  attrs: Record<string, unknown>[];
  /** Clipping of the summed gradients, as the optimizer's options (StepPlan; at most one is set). */
  clipValue?: number;
  clipNorm?: number;
  globalClipNorm?: number;
  /**
   * With clipNorm or globalClipNorm: the byte address (8-aligned, inside the control block) of a
   * Float64 table, per worker one sum of squares per trainable weight (its slice of the summed
   * gradient), which the workers fill, meet at a barrier, and read whole; else 0.
   */
  norms: number;
  /** The training set, the epoch's sample order, the first step's first position in it, the batch size. */
  x: TensorRef;
  y: TensorRef;
  order: Int32Array;
  from: number;
  batchSize: number;
  loss: string;
  accuracy: boolean;
  /** false: run each shard step eagerly (fit's `compile: false`); else trace it once and replay (trace.ts). */
  compile?: boolean;
  /** This worker's index and the number of workers taking part. */
  worker: number;
  workers: number;
  /** Address of the Int32 control block: [barrier header (pool/barrier.ts), per worker: gradient addresses (params), new state addresses (state)]. */
  sync: number;
  /** How long a worker waits at a barrier before giving up. */
  timeoutMs: number;
}

export interface SharedStepsReply {
  /** Per step: this worker's share of the batch's loss (0 for a step it had no rows in). */
  losses: Float64Array;
  /** Per step: this worker's correct predictions. */
  correct: Float64Array;
  /**
   * Why a shard step of this call ran eagerly (the first reason: `compile: false`, a trace that
   * failed), or null when every one was traced or replayed its plan.
   */
  eager: string | null;
  /**
   * Where this worker's time went in the call (ms; start and end since the epoch): its shard steps
   * (trace: the ones that traced a plan), waiting at barriers (sleeps: the barriers it slept at),
   * applying its slices. Read by
   * bench/pool-profile.ts.
   */
  times: { start: number; end: number; shard: number; trace: number; wait: number; apply: number; sleeps: number };
}

declare module '../../pool/protocol.js' {
  interface Jobs {
    /** Builds (or rebuilds) model `id` from its artifacts; `version` names the weights' state. */
    'model.load'(id: number, version: string, model: ModelMsg): Promise<void>;
    /** Replaces model `id`'s weights (all of them, in order). */
    'model.setWeights'(id: number, version: string, weights: TensorMsg[]): void;
    'model.predict'(id: number, x: TensorMsg): TensorMsg;
    /** Shared mode: predictions for rows at `x`, with the caller's weights; the result is held until released. */
    'model.predictShared'(id: number, weights: TensorRef[], x: TensorRef): TensorRef;
    'model.gradients'(req: GradRequest): GradReply;
    'model.gradientsShared'(req: SharedGradRequest): SharedGradReply;
    'model.steps'(req: SharedStepsRequest): SharedStepsReply;
    /** Frees the worker's copy of model `id`. */
    'model.drop'(id: number): void;
  }
}
