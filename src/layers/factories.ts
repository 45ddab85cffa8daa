// eg.layers: one exported factory per layer, re-exported as a module namespace (`export * as layers`),
// so a bundler keeps only the factories an app calls and the layer classes they reach.
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten, Reshape, type ReshapeArgs } from './core.js';
import {
  AveragePooling2D, Conv2D, type Conv2dArgs, Conv2DTranspose, type Conv2dTransposeArgs, DepthwiseConv2D, type DepthwiseConv2dArgs,
  GlobalAveragePooling2D, GlobalMaxPooling2D, MaxPooling2D, type Pooling2dArgs, ZeroPadding2D, type ZeroPadding2dArgs,
} from './conv.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import type { LayerArgs } from './layer.js';
import { BatchNormalization, type BatchNormalizationArgs, LayerNormalization, type LayerNormalizationArgs } from './normalization.js';
import { Add, Average, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';
import * as attn from './attention.js';

type Own = Omit<ActivationArgs, 'activation'>;

export const dense = (args: DenseArgs) => new Dense(args);
export const dropout = (args: DropoutArgs) => new Dropout(args);
export const flatten = (args: LayerArgs = {}) => new Flatten(args);
export const layerNormalization = (args: LayerNormalizationArgs = {}) => new LayerNormalization(args);
export const embedding = (args: EmbeddingArgs) => new Embedding(args);
export const activation = (args: ActivationArgs) => new Activation(args);
export const relu = (args: Own = {}) => new Activation({ ...args, activation: 'relu' });
export const leakyRelu = (args: Own = {}) => new Activation({ ...args, activation: 'leakyRelu' });
export const sigmoid = (args: Own = {}) => new Activation({ ...args, activation: 'sigmoid' });
export const tanh = (args: Own = {}) => new Activation({ ...args, activation: 'tanh' });
export const gelu = (args: Own = {}) => new Activation({ ...args, activation: 'gelu' });
export const softmax = (args: Own = {}) => new Activation({ ...args, activation: 'softmax' });
export const add = (args: LayerArgs = {}) => new Add(args);
export const multiply = (args: LayerArgs = {}) => new Multiply(args);
export const average = (args: LayerArgs = {}) => new Average(args);
export const concatenate = (args: ConcatenateArgs = {}) => new Concatenate(args);
export const reshape = (args: ReshapeArgs) => new Reshape(args);
export const conv2d = (args: Conv2dArgs) => new Conv2D(args);
export const depthwiseConv2d = (args: DepthwiseConv2dArgs) => new DepthwiseConv2D(args);
export const conv2dTranspose = (args: Conv2dTransposeArgs) => new Conv2DTranspose(args);
export const maxPooling2d = (args: Pooling2dArgs = {}) => new MaxPooling2D(args);
export const averagePooling2d = (args: Pooling2dArgs = {}) => new AveragePooling2D(args);
export const globalAveragePooling2d = (args: LayerArgs = {}) => new GlobalAveragePooling2D(args);
export const globalMaxPooling2d = (args: LayerArgs = {}) => new GlobalMaxPooling2D(args);
export const zeroPadding2d = (args: ZeroPadding2dArgs = {}) => new ZeroPadding2D(args);
export const batchNormalization = (args: BatchNormalizationArgs = {}) => new BatchNormalization(args);
export const multiHeadAttention = (args: attn.MultiHeadAttentionArgs) => new attn.MultiHeadAttention(args);
export const positionalEmbedding = (args: attn.PositionalEmbeddingArgs) => new attn.PositionalEmbedding(args);
export const sinusoidalPositionalEncoding = (args: attn.SinusoidalPositionalEncodingArgs = {}) => new attn.SinusoidalPositionalEncoding(args);
export const rmsNormalization = (args: attn.RmsNormalizationArgs = {}) => new attn.RMSNormalization(args);
export const transformerEncoder = (args: attn.TransformerArgs) => new attn.TransformerEncoder(args);
export const transformerDecoder = (args: attn.TransformerArgs) => new attn.TransformerDecoder(args);
/** Makes a layer class of your own loadable by loadModel (see Layer for the contract). */
export { registerLayer } from './layer.js';
