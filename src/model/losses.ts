// Losses by name for compile(): each knows its label form, and (sparse) categorical cross-entropy
// has a fused form on logits that the model uses when the last layer ends in softmax.
import type { Tensor } from '../tensor.js';
import { engine } from '../engine.js';
import {
  binaryCrossentropy, categoricalCrossentropy, cosineSimilarity, hinge, huber, meanAbsoluteError, meanSquaredError,
  softmaxCrossEntropy, sparseSoftmaxCrossEntropy,
} from '../ops/losses.js';
import { oneHot, reshape } from '../ops/shape.js';
import { abs, add, clip, div, equal, log, maximum, minimum, mul, neg, relu, sqrt, square, sub } from '../ops/elementwise.js';
import { mean, min, sum } from '../ops/reduce.js';
import { where } from '../ops/attention.js';
import { sizeOf } from '../kernels.js';

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
  /**
   * Per-sample losses [N] (the mean over each sample's other axes; what sample and class weights
   * multiply), from the output, or from the logits when `logits`. Built-in losses only.
   */
  perSample?: (yTrue: Tensor, yPred: Tensor, logits: boolean) => Tensor;
}

/** Mean over every axis but the first: [N, ...] -> [N]. */
const perRow = (t: Tensor): Tensor => (t.rank <= 1 ? t : mean(reshape(t, [t.shape[0], -1]), 1));
const EPS = 1e-7;
const l2n = (x: Tensor) => div(x, sqrt(maximum(sum(square(x), -1, true), 1e-12)));
function softmaxCE(y: Tensor, z: Tensor): Tensor {
  const C = z.shape[z.rank - 1], rows = sizeOf(z.shape.slice(0, -1));
  const per = engine.runKernel('softmaxCrossEntropy', [z, y], {}, [[rows, C], [rows, C]])[0];
  return perRow(reshape(per, z.shape.slice(0, -1)));
}
const cce = (y: Tensor, p: Tensor) => perRow(neg(sum(mul(y, log(clip(div(p, sum(p, -1, true)), EPS, 1 - EPS))), -1)));
const PER_SAMPLE: Record<LossName, NonNullable<Loss['perSample']>> = {
  meanSquaredError: (y, p) => perRow(square(sub(p, y))),
  meanAbsoluteError: (y, p) => perRow(abs(sub(p, y))),
  huber: (y, p) => {
    const e = abs(sub(p, y)), q = minimum(e, 1);
    return perRow(add(mul(square(q), 0.5), sub(e, q)));
  },
  hinge: (y, p) => {
    const signed = where(min(add(equal(y, 0), equal(y, 1))), sub(mul(y, 2), 1), y);
    return perRow(relu(sub(1, mul(signed, p))));
  },
  cosineSimilarity: (y, p) => perRow(neg(sum(mul(l2n(y), l2n(p)), -1))),
  binaryCrossentropy: (y, p) => {
    const pc = clip(p, EPS, 1 - EPS);
    return perRow(neg(add(mul(y, log(pc)), mul(sub(1, y), log(sub(1, pc))))));
  },
  categoricalCrossentropy: (y, p, logits) => (logits ? softmaxCE(y, p) : cce(y, p)),
  sparseCategoricalCrossentropy: (y, p, logits) => {
    const hot = oneHot(reshape(y, [...p.shape.slice(0, -1)]), p.shape[p.rank - 1]);
    return logits ? softmaxCE(hot, p) : cce(hot, p);
  },
};

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
  if (l && !l.perSample) l.perSample = PER_SAMPLE[name];
  if (!l) throw new Error(`compile: unknown loss ${JSON.stringify(spec)}; expected one of ${Object.keys(LOSSES).join(', ')}, or a function (yTrue, yPred) => scalar tensor`);
  return l;
}
