// eg.sequential, eg.loadModel and the training callbacks.
import type { Artifacts } from '../io/storage.js';
import { Sequential, sequential } from './sequential.js';

export { Sequential, sequential };
export type { CompileArgs, FitArgs, EvaluateArgs, PredictArgs, History } from './sequential.js';
export { earlyStopping, type Callbacks, type EarlyStoppingArgs, type Logs } from './callbacks.js';
export type { LossName, LossSpec } from './losses.js';
export type { MetricFn } from './sequential.js';

/**
 * A model saved by model.save: a directory path or file:// URL (Node), an http(s) URL,
 * 'indexeddb://name', or { modelJson, weights } already in memory. The weights are checked
 * against the topology; a compiled model comes back compiled (optimizer state included).
 */
export async function loadModel(source: string | { modelJson: string; weights: Uint8Array; weightsFile?: string }): Promise<Sequential> {
  // NOTE: imported lazily (model.json checks, safetensors decoding, layer configs) like storage.
  return (await import('./load.js')).loadModel(source as string | Artifacts);
}
