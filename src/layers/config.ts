// Rebuilding a layer from its saved config (loadModel only: src/model/load.ts, loaded lazily).
import type { Regularizer } from '../optimizers/optimizer.js';
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten } from './core.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import { type Layer, type LayerConfig, customLayers } from './layer.js';
import { Add, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';
import { LayerNormalization, type LayerNormalizationArgs } from './normalization.js';

/** Turns a saved regularizer config back into a Regularizer. */
export type RegularizerResolver = (config: { name: string; [key: string]: unknown }) => Regularizer;

/** A layer from `{ className, config }` as Model.save writes it. */
export function layerFromConfig(className: string, config: LayerConfig, regularizer?: RegularizerResolver): Layer {
  const reg = (key: string): Regularizer | undefined => {
    const c = config[key] as { name: string } | undefined;
    if (!c) return undefined;
    if (!regularizer) throw new Error(`loadModel: layer '${config.name}' has a ${key} (${JSON.stringify(c)}) but no regularizer resolver is available`);
    return regularizer(c);
  };
  if (config === null || typeof config !== 'object') throw new Error(`loadModel: layer of class ${JSON.stringify(className)} has no config`);
  switch (className) {
    case 'Dense': return new Dense({ ...(config as unknown as DenseArgs), kernelRegularizer: reg('kernelRegularizer'), biasRegularizer: reg('biasRegularizer') });
    case 'Dropout': return new Dropout(config as unknown as DropoutArgs);
    case 'Flatten': return new Flatten(config);
    case 'LayerNormalization': return new LayerNormalization(config as LayerNormalizationArgs);
    case 'Embedding': return new Embedding(config as unknown as EmbeddingArgs);
    case 'Activation': return new Activation(config as unknown as ActivationArgs);
    case 'Add': return new Add(config);
    case 'Multiply': return new Multiply(config);
    case 'Concatenate': return new Concatenate(config as ConcatenateArgs);
  }
  const custom = customLayers.get(className);
  if (custom) return custom(config);
  throw new Error(`loadModel: unknown layer class ${JSON.stringify(className)}${/^[A-Z]\w*$/.test(className) ? ' (a layer class of your own needs eg.layers.registerLayer before loading)' : ''}`);
}
