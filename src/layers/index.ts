// eg.layers: factories for every layer (rebuilding one from its saved config is config.ts, used by loadModel).
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten, Reshape, type ReshapeArgs } from './core.js';
import {
  AveragePooling2D, Conv2D, type Conv2dArgs, Conv2DTranspose, type Conv2dTransposeArgs, DepthwiseConv2D, type DepthwiseConv2dArgs,
  GlobalAveragePooling2D, GlobalMaxPooling2D, MaxPooling2D, type Pooling2dArgs, ZeroPadding2D, type ZeroPadding2dArgs,
} from './conv.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import { Layer, type LayerArgs, type LayerConfig, registerLayer } from './layer.js';
import { BatchNormalization, type BatchNormalizationArgs, LayerNormalization, type LayerNormalizationArgs } from './normalization.js';
import { Add, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';
import * as attn from './attention.js';

export { Layer, Dense, Activation, Dropout, Flatten, Reshape, Embedding, LayerNormalization, BatchNormalization, Add, Concatenate, Multiply };
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

type Own = Omit<ActivationArgs, 'activation'>;

export const layers = {
  dense: (args: DenseArgs) => new Dense(args),
  dropout: (args: DropoutArgs) => new Dropout(args),
  flatten: (args: LayerArgs = {}) => new Flatten(args),
  layerNormalization: (args: LayerNormalizationArgs = {}) => new LayerNormalization(args),
  embedding: (args: EmbeddingArgs) => new Embedding(args),
  activation: (args: ActivationArgs) => new Activation(args),
  relu: (args: Own = {}) => new Activation({ ...args, activation: 'relu' }),
  leakyRelu: (args: Own = {}) => new Activation({ ...args, activation: 'leakyRelu' }),
  sigmoid: (args: Own = {}) => new Activation({ ...args, activation: 'sigmoid' }),
  tanh: (args: Own = {}) => new Activation({ ...args, activation: 'tanh' }),
  gelu: (args: Own = {}) => new Activation({ ...args, activation: 'gelu' }),
  softmax: (args: Own = {}) => new Activation({ ...args, activation: 'softmax' }),
  add: (args: LayerArgs = {}) => new Add(args),
  multiply: (args: LayerArgs = {}) => new Multiply(args),
  concatenate: (args: ConcatenateArgs = {}) => new Concatenate(args),
  reshape: (args: ReshapeArgs) => new Reshape(args),
  conv2d: (args: Conv2dArgs) => new Conv2D(args),
  depthwiseConv2d: (args: DepthwiseConv2dArgs) => new DepthwiseConv2D(args),
  conv2dTranspose: (args: Conv2dTransposeArgs) => new Conv2DTranspose(args),
  maxPooling2d: (args: Pooling2dArgs = {}) => new MaxPooling2D(args),
  averagePooling2d: (args: Pooling2dArgs = {}) => new AveragePooling2D(args),
  globalAveragePooling2d: (args: LayerArgs = {}) => new GlobalAveragePooling2D(args),
  globalMaxPooling2d: (args: LayerArgs = {}) => new GlobalMaxPooling2D(args),
  zeroPadding2d: (args: ZeroPadding2dArgs = {}) => new ZeroPadding2D(args),
  batchNormalization: (args: BatchNormalizationArgs = {}) => new BatchNormalization(args),
  multiHeadAttention: (args: attn.MultiHeadAttentionArgs) => new attn.MultiHeadAttention(args),
  positionalEmbedding: (args: attn.PositionalEmbeddingArgs) => new attn.PositionalEmbedding(args),
  sinusoidalPositionalEncoding: (args: attn.SinusoidalPositionalEncodingArgs = {}) => new attn.SinusoidalPositionalEncoding(args),
  rmsNormalization: (args: attn.RmsNormalizationArgs = {}) => new attn.RMSNormalization(args),
  transformerEncoder: (args: attn.TransformerArgs) => new attn.TransformerEncoder(args),
  transformerDecoder: (args: attn.TransformerArgs) => new attn.TransformerDecoder(args),
  /** Makes a layer class of your own loadable by loadModel (see Layer for the contract). */
  registerLayer,
};

export type { RegularizerResolver } from './config.js';
