// eg.layers: factories for every layer (rebuilding one from its saved config is config.ts, used by loadModel).
import { Activation, type ActivationArgs, Dense, type DenseArgs, Dropout, type DropoutArgs, Flatten } from './core.js';
import { Embedding, type EmbeddingArgs } from './embedding.js';
import { Layer, type LayerArgs, type LayerConfig, registerLayer } from './layer.js';
import { LayerNormalization, type LayerNormalizationArgs } from './normalization.js';
import { Add, Concatenate, type ConcatenateArgs, Multiply } from './merge.js';

export { Layer, Dense, Activation, Dropout, Flatten, Embedding, LayerNormalization, Add, Concatenate, Multiply };
export { SymbolicTensor } from './layer.js';
export { InputLayer, input } from './input.js';
export type { InputArgs } from './input.js';
export type { LayerArgs, LayerConfig, DenseArgs, ActivationArgs, DropoutArgs, EmbeddingArgs, LayerNormalizationArgs, ConcatenateArgs };
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
  /** Makes a layer class of your own loadable by loadModel (see Layer for the contract). */
  registerLayer,
};

export type { RegularizerResolver } from './config.js';
