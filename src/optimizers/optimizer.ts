// The optimizer contract shared by the optimizers and the model's training loop.
import type { Tensor, Variable } from '../tensor.js';

/** A learning rate as a function of the step (0-based count of applied updates). */
export type Schedule = (step: number) => number;

export interface Optimizer {
  /** 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad' (or a custom name). */
  readonly name: string;
  /** Updates applied so far. */
  readonly iterations: number;
  /** The learning rate the next update will use (schedules resolved). */
  currentLearningRate(): number;
  /**
   * One update of each variable from its gradient (same order). Gradients are read, never
   * disposed; clipping (clipNorm / globalClipNorm / clipValue options) happens here.
   */
  apply(variables: Variable[], grads: Tensor[]): void;
  /** JSON-serialisable options, enough for `fromConfig` to rebuild the optimizer (not its state). */
  getConfig(): { name: string; [key: string]: unknown };
  /** Slot tensors (moments, accumulators) in a stable order, with names, for save/load. */
  getState(): { name: string; tensor: Tensor }[];
  setState(state: { name: string; tensor: Tensor }[]): void;
  dispose(): void;
}

/** A weight penalty (L1/L2) added to the loss by layers that own the weight. */
export interface Regularizer {
  /** Scalar penalty for `x`. */
  penalty(x: Tensor): Tensor;
  getConfig(): { name: string; [key: string]: unknown };
}
