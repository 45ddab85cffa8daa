// The layer classes and eg.layers, the factories (factories.ts; rebuilding a layer from its saved config is
// config.ts, used by loadModel).
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten, Reshape, type ReshapeArgs } from './core.js';
import {
  AveragePooling2D, Conv2D, type Conv2dArgs, Conv2DTranspose, type Conv2dTransposeArgs, DepthwiseConv2D, type DepthwiseConv2dArgs,
  GlobalAveragePooling2D, GlobalMaxPooling2D, MaxPooling2D, type Pooling2dArgs, ZeroPadding2D, type ZeroPadding2dArgs,
} from './conv.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import { Layer, type LayerArgs, type LayerConfig } from './layer.js';
import { BatchNormalization, type BatchNormalizationArgs, LayerNormalization, type LayerNormalizationArgs } from './normalization.js';
import { Add, Average, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';

export { Layer, Dense, Activation, Dropout, Flatten, Reshape, Embedding, LayerNormalization, BatchNormalization, Add, Average, Concatenate, Multiply };
export { Conv2D, DepthwiseConv2D, Conv2DTranspose, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, ZeroPadding2D };
export { SymbolicTensor } from './layer.js';
export { MultiHeadAttention, PositionalEmbedding, SinusoidalPositionalEncoding, RMSNormalization, TransformerEncoder, TransformerDecoder } from './attention.js';
export type { MultiHeadAttentionArgs, AttentionCallOptions, PositionalEmbeddingArgs, SinusoidalPositionalEncodingArgs, RmsNormalizationArgs, TransformerArgs } from './attention.js';
export { InputLayer, input } from './input.js';
export type { InputArgs } from './input.js';
export type { LayerArgs, LayerConfig, DenseArgs, ActivationArgs, DropoutArgs, EmbeddingArgs, LayerNormalizationArgs, ConcatenateArgs };
export type { ReshapeArgs, BatchNormalizationArgs, Conv2dArgs, DepthwiseConv2dArgs, Conv2dTransposeArgs, Pooling2dArgs, ZeroPadding2dArgs };
export type { LayerFactory, Node } from './layer.js';
export type { ActivationName } from './activations.js';
export type { InitializerName, InitializerSpec } from './initializers.js';
export type { CallOptions, Shape } from './layer.js';

// (a namespace, not an object literal: esbuild drops the factories, and the classes, an app never calls)
export * as layers from './factories.js';

export type { RegularizerResolver } from './config.js';
