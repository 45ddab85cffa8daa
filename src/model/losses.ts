// Losses by name for compile(): each knows its label form, and (sparse) categorical cross-entropy
// has a fused form on logits that the model uses when the last layer ends in softmax.
import type { Tensor } from '../tensor.js';
import { engine } from '../engine.js';
import {
  binaryCrossentropy, categoricalCrossentropy, cosineSimilarity, hinge, huber, meanAbsoluteError, meanSquaredError,
  softmaxCrossEntropy, sparseSoftmaxCrossEntropy,
} from '../ops/losses.js';
import { oneHot, reshape } from '../ops/shape.js';

export type LossName = 'meanSquaredError' | 'binaryCrossentropy' | 'categoricalCrossentropy' | 'sparseCategoricalCrossentropy'
  | 'meanAbsoluteError' | 'huber' | 'hinge' | 'cosineSimilarity';
/** A loss name, or a function (yTrue, yPred) -> scalar tensor. */
export type LossSpec = LossName | 'mse' | 'mae' | 'cosineProximity' | ((yTrue: Tensor, yPred: Tensor) => Tensor);

export interface Loss {
  name: string;
  /** The labels' form: class ids (int32 [N]), one-hot rows, 0/1 targets, or values like the output. */
  labels: 'sparse' | 'categorical' | 'binary' | 'values';
  /** Mean loss of the batch from the model's output. */
  fn: (yTrue: Tensor, yPred: Tensor) => Tensor;
  /** Mean loss from logits (the output before a final softmax), numerically stable. */
  fromLogits?: (yTrue: Tensor, logits: Tensor) => Tensor;
}

const LOSSES: Record<LossName, Loss> = {
  meanSquaredError: { name: 'meanSquaredError', labels: 'values', fn: (y, p) => meanSquaredError(y, p) },
  meanAbsoluteError: { name: 'meanAbsoluteError', labels: 'values', fn: (y, p) => meanAbsoluteError(y, p) },
  huber: { name: 'huber', labels: 'values', fn: (y, p) => huber(y, p) },
  hinge: { name: 'hinge', labels: 'values', fn: (y, p) => hinge(y, p) },
  cosineSimilarity: { name: 'cosineSimilarity', labels: 'values', fn: (y, p) => cosineSimilarity(y, p) },
  binaryCrossentropy: { name: 'binaryCrossentropy', labels: 'binary', fn: (y, p) => binaryCrossentropy(y, p) },
  categoricalCrossentropy: {
    name: 'categoricalCrossentropy', labels: 'categorical',
    fn: (y, p) => categoricalCrossentropy(y, p),
    fromLogits: (y, z) => softmaxCrossEntropy(y, z),
  },
  sparseCategoricalCrossentropy: {
    name: 'sparseCategoricalCrossentropy', labels: 'sparse',
    fn: (y, p) => engine.tidy(() => categoricalCrossentropy(oneHot(y, p.shape[p.rank - 1]), p)),
    fromLogits: (y, z) => (z.rank === 2 ? sparseSoftmaxCrossEntropy(y, z)
      : engine.tidy(() => sparseSoftmaxCrossEntropy(reshape(y, [-1]), reshape(z, [-1, z.shape[z.rank - 1]])))),
  },
};

const ALIASES: Record<string, LossName> = {
  mse: 'meanSquaredError', mean_squared_error: 'meanSquaredError',
  binary_crossentropy: 'binaryCrossentropy', categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  mae: 'meanAbsoluteError', mean_absolute_error: 'meanAbsoluteError', huber_loss: 'huber', huberLoss: 'huber',
  hingeLoss: 'hinge', cosine_similarity: 'cosineSimilarity', cosineProximity: 'cosineSimilarity', cosine_proximity: 'cosineSimilarity',
};

export function getLoss(spec: LossSpec): Loss {
  if (typeof spec === 'function') return { name: spec.name || 'custom', labels: 'values', fn: spec };
  const name = (ALIASES[spec as string] ?? spec) as LossName;
  const l = LOSSES[name];
  if (!l) throw new Error(`compile: unknown loss ${JSON.stringify(spec)}; expected one of ${Object.keys(LOSSES).join(', ')}, or a function (yTrue, yPred) => scalar tensor`);
  return l;
}
