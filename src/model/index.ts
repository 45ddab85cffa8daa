// eg.sequential, eg.loadModel and the training callbacks.
import { layerFromConfig } from '../layers/index.js';
import { type Artifacts } from '../io/storage.js';
import { loadFrom } from './artifacts.js';
import { fromConfig as optimizerFromConfig } from '../optimizers/optimizers.js';
import { fromConfig as regularizerFromConfig } from '../optimizers/regularizers.js';
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
export function loadModel(source: string | { modelJson: string; weights: Uint8Array; weightsFile?: string }): Promise<Sequential> {
  return loadFrom(source as string | Artifacts, {
    sequential: (layers, name) => new Sequential(layers, { name }),
    layerFromConfig: (className, config) => layerFromConfig(className, config, regularizerFromConfig),
    optimizer: optimizerFromConfig,
  });
}
