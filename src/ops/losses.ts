// Losses as ops: each returns the mean over the batch as a scalar tensor.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { checkDtype, checkTensor, fmt } from './util.js';
import { abs, clip, equal, log, maximum, minimum, mul, relu, sqrt, square, sub, add, div, neg } from './elementwise.js';
import { mean, min, sum } from './reduce.js';
import { where } from './attention.js';

/** Keras' epsilon: probabilities are clipped to [EPS, 1 - EPS] before the log. */
const EPS = 1e-7;

function sameShape(op: string, y: Tensor, p: Tensor): void {
  checkTensor(op, y, 'labels');
  checkTensor(op, p, 'predictions');
  checkDtype(op, y, ['float32'], 'labels');
  checkDtype(op, p, ['float32'], 'predictions');
  if (y.rank !== p.rank || y.shape.some((d, i) => d !== p.shape[i])) {
    throw new Error(`${op}: labels shape ${fmt(y.shape)} and predictions shape ${fmt(p.shape)} differ`);
  }
}

export function meanSquaredError(y: Tensor, p: Tensor): Tensor {
  sameShape('meanSquaredError', y, p);
  return engine.tidy(() => mean(square(sub(p, y))));
}

export function binaryCrossentropy(y: Tensor, p: Tensor): Tensor {
  sameShape('binaryCrossentropy', y, p);
  return engine.tidy(() => {
    const pc = clip(p, EPS, 1 - EPS);
    const l = add(mul(y, log(pc)), mul(sub(1, y), log(sub(1, pc))));
    return neg(mean(l));
  });
}

/** -sum(y · log p) over the last axis, mean over the rest; p is renormalised and clipped as in Keras. */
export function categoricalCrossentropy(y: Tensor, p: Tensor): Tensor {
  sameShape('categoricalCrossentropy', y, p);
  return engine.tidy(() => {
    const pn = clip(div(p, sum(p, -1, true)), EPS, 1 - EPS);
    return neg(mean(sum(mul(y, log(pn)), -1)));
  });
}

/**
 * Fused, stable softmax + cross-entropy on logits [..., C] with one-hot (or soft) float32 labels: the
 * mean over rows of -sum(labels · logSoftmax(logits)). A term whose label is exactly 0 is skipped
 * (0 · log 0 = 0), so a -Infinity logit (a masked class) with label 0 adds nothing rather than NaN;
 * with a nonzero label it makes the loss +Infinity. A row whose logits are all -Infinity, or hold
 * +Infinity or NaN, gives NaN (unless all its labels are 0). The same on every backend.
 */
export function softmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  sameShape('softmaxCrossEntropy', labels, logits);
  if (logits.rank < 1) throw new Error('softmaxCrossEntropy: logits need rank >= 1');
  const C = logits.shape[logits.rank - 1];
  const rows = sizeOf(logits.shape.slice(0, -1));
  return engine.tidy(() => mean(engine.runKernel('softmaxCrossEntropy', [logits, labels], {}, [[rows, C], [rows, C]])[0]));
}

/**
 * Fused, stable softmax + cross-entropy on logits [N, C] with int32 class ids [N]: the mean of
 * -logSoftmax(logits)[label], so +Infinity where the label's logit is -Infinity beside a finite max,
 * NaN for a row that is all -Infinity or holds +Infinity or NaN.
 */
export function sparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  const op = 'sparseSoftmaxCrossEntropy';
  checkTensor(op, labels, 'labels');
  checkTensor(op, logits, 'logits');
  checkDtype(op, labels, ['int32'], 'labels');
  checkDtype(op, logits, ['float32'], 'logits');
  if (logits.rank !== 2 || labels.rank !== 1 || labels.shape[0] !== logits.shape[0]) {
    throw new Error(`${op}: expected logits [N, C] and labels [N], got shapes ${fmt(logits.shape)} and ${fmt(labels.shape)}`);
  }
  const C = logits.shape[1];
  // NOTE: on webgpu only host-made labels can be checked here; the kernel gives NaN for the others.
  engine.checkValues(labels, op, (ids) => {
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= C) throw new Error(`${op}: label ${ids[i]} at row ${i} is out of range for ${C} classes`);
    }
  });
  return engine.tidy(() => mean(engine.runKernel(op, [logits, labels], {})[0]));
}

/** mean(|p - y|) (Keras mean_absolute_error). */
export function meanAbsoluteError(y: Tensor, p: Tensor): Tensor {
  sameShape('meanAbsoluteError', y, p);
  return engine.tidy(() => mean(abs(sub(p, y))));
}

/**
 * Huber loss (Keras huber): with e = |p - y|, 0.5·e² where e <= delta, delta·(e - 0.5·delta) beyond;
 * the mean over all elements.
 */
export function huber(y: Tensor, p: Tensor, delta = 1): Tensor {
  sameShape('huber', y, p);
  if (typeof delta !== 'number' || !(delta > 0)) throw new Error(`huber: delta must be a positive number, got ${String(delta)}`);
  return engine.tidy(() => {
    const e = abs(sub(p, y));
    const q = minimum(e, delta);
    return mean(add(mul(square(q), 0.5), mul(sub(e, q), delta)));
  });
}

/**
 * Hinge loss (Keras hinge): mean(max(1 - y·p, 0)) with labels -1/1; labels that are all 0 or 1
 * are first mapped to -1/1, as Keras does (decided on the device, per call).
 */
export function hinge(y: Tensor, p: Tensor): Tensor {
  sameShape('hinge', y, p);
  return engine.tidy(() => mean(relu(sub(1, mul(signedLabels(y), p)))));
}

/** y mapped from 0/1 to -1/1 when every label is 0 or 1, else y. */
function signedLabels(y: Tensor): Tensor {
  if (y.size === 0) return y;
  const binary = min(add(equal(y, 0), equal(y, 1)));
  return where(binary, sub(mul(y, 2), 1), y);
}

/**
 * Cosine similarity loss (Keras cosine_similarity, tfjs cosineProximity): -sum(ŷ · p̂) over the last
 * axis with each side L2-normalised (x / sqrt(max(sum x², 1e-12))), the mean over the rest. -1 for
 * parallel vectors, 0 for orthogonal ones or a zero vector.
 */
export function cosineSimilarity(y: Tensor, p: Tensor): Tensor {
  sameShape('cosineSimilarity', y, p);
  if (y.rank < 1) throw new Error('cosineSimilarity: needs tensors of rank >= 1 (vectors along the last axis)');
  return engine.tidy(() => neg(mean(sum(mul(l2Normalize(y), l2Normalize(p)), -1))));
}

function l2Normalize(x: Tensor): Tensor {
  return div(x, sqrt(maximum(sum(square(x), -1, true), 1e-12)));
}
