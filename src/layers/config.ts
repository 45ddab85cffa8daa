// Rebuilding a layer from its saved config (loadModel only: src/model/load.ts, loaded lazily).
import type { Regularizer } from '../optimizers/optimizer.js';
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten, Reshape, type ReshapeArgs } from './core.js';
import {
  AveragePooling2D, Conv2D, type Conv2dArgs, Conv2DTranspose, type Conv2dTransposeArgs, DepthwiseConv2D, type DepthwiseConv2dArgs,
  GlobalAveragePooling2D, GlobalMaxPooling2D, MaxPooling2D, type Pooling2dArgs, ZeroPadding2D, type ZeroPadding2dArgs,
} from './conv.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import * as attn from './attention.js';
import { type Layer, type LayerConfig, customLayers } from './layer.js';
import { Add, Average, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';
import { QuantizedConv2D, type QuantizedConv2dArgs, QuantizedDense, type QuantizedDenseArgs } from './quantized.js';
import { BatchNormalization, type BatchNormalizationArgs, LayerNormalization, type LayerNormalizationArgs } from './normalization.js';

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
    case 'Average': return new Average(config);
    case 'Concatenate': return new Concatenate(config as ConcatenateArgs);
    case 'Reshape': return new Reshape(config as unknown as ReshapeArgs);
    case 'Conv2D': return new Conv2D({ ...(config as unknown as Conv2dArgs), kernelRegularizer: reg('kernelRegularizer'), biasRegularizer: reg('biasRegularizer') });
    case 'DepthwiseConv2D': return new DepthwiseConv2D({ ...(config as unknown as DepthwiseConv2dArgs), depthwiseRegularizer: reg('depthwiseRegularizer'), biasRegularizer: reg('biasRegularizer') });
    case 'Conv2DTranspose': return new Conv2DTranspose({ ...(config as unknown as Conv2dTransposeArgs), kernelRegularizer: reg('kernelRegularizer'), biasRegularizer: reg('biasRegularizer') });
    case 'MaxPooling2D': return new MaxPooling2D(config as Pooling2dArgs);
    case 'AveragePooling2D': return new AveragePooling2D(config as Pooling2dArgs);
    case 'GlobalAveragePooling2D': return new GlobalAveragePooling2D(config);
    case 'GlobalMaxPooling2D': return new GlobalMaxPooling2D(config);
    case 'ZeroPadding2D': return new ZeroPadding2D(config as ZeroPadding2dArgs);
    case 'BatchNormalization': return new BatchNormalization(config as BatchNormalizationArgs);
    case 'MultiHeadAttention': return new attn.MultiHeadAttention(config as unknown as attn.MultiHeadAttentionArgs);
    case 'PositionalEmbedding': return new attn.PositionalEmbedding(config as unknown as attn.PositionalEmbeddingArgs);
    case 'SinusoidalPositionalEncoding': return new attn.SinusoidalPositionalEncoding(config);
    case 'RMSNormalization': return new attn.RMSNormalization(config);
    case 'TransformerEncoder': return new attn.TransformerEncoder(config as unknown as attn.TransformerArgs);
    case 'QuantizedDense': return new QuantizedDense(config as unknown as QuantizedDenseArgs);
    case 'QuantizedConv2D': return new QuantizedConv2D(config as unknown as QuantizedConv2dArgs);
    case 'TransformerDecoder': return new attn.TransformerDecoder(config as unknown as attn.TransformerArgs);
  }
  const custom = customLayers.get(className);
  if (custom) return custom(config);
  throw new Error(`loadModel: unknown layer class ${JSON.stringify(className)}${/^[A-Z]\w*$/.test(className) ? ' (a layer class of your own needs eg.layers.registerLayer before loading)' : ''}`);
}
