// eg.model, eg.sequential, eg.loadModel and the training callbacks.
import type { Tensor } from '../tensor.js';
import type { Artifacts } from '../io/storage.js';
import type { Model } from './graph.js';
import { Sequential, sequential } from './sequential.js';

export { Sequential, sequential };
export { Model, model, type ModelArgs } from './graph.js';
export type { CompileArgs, FitArgs, EvaluateArgs, PredictArgs, History, Data, PerOutput, BatchWeights, TrainOnBatchArgs } from './training.js';
export type { FitDatasetArgs, FitDatasetSource } from './fit-dataset.js';
export { earlyStopping, textProgress, type Callbacks, type EarlyStoppingArgs, type Logs, type TextProgressOptions, type TrainingParams } from './callbacks.js';
export type { LossName, LossSpec } from './losses.js';
export type { MetricFn } from './training.js';

/**
 * A model saved by model.save: a directory path or file:// URL (Node), an http(s) URL,
 * 'indexeddb://name', or { modelJson, weights } already in memory. The weights are checked
 * against the topology; a compiled model comes back compiled (optimizer state included).
 */
export async function loadModel<Out extends Tensor | Tensor[] = Tensor>(source: string | { modelJson: string; weights: Uint8Array; weightsFile?: string }): Promise<Model<Out>> {
  // NOTE: imported lazily (model.json checks, safetensors decoding, layer configs) like storage.
  // A model of several outputs predicts a list: loadModel<Tensor[]>(...); a sequential comes back a Sequential.
  return (await import('./load.js')).loadModel(source as string | Artifacts) as Promise<Model<Tensor | Tensor[]>> as Promise<Model<Out>>;
}

export type { TfjsArtifacts } from './tfjs-import.js';
